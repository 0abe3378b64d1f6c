/* parts.h - a part of a regular file read by position, and the records in it. */
#ifndef PARTS_H
#define PARTS_H

#include <stdbool.h>
#include <sys/types.h>

#include "zb/zb.h"

struct part {
	off_t start;    /* the part's first byte in the file */
	bool first;     /* it begins the region read: a record starts there */
	bool has_block; /* records start in it: `block` holds them */
	zb_view block;  /* those records, each with its terminator (the file's last may
	                   have none) */
	bool last;      /* the file ended in what was read: no part after this has bytes */
	int err;        /* the errno of a failed read or allocation, else 0 */
};

/* The size of a buffer for parts of part_size bytes: a part, the byte before it,
 * and room after it for the end of its last record. */
size_t part_buffer_size(size_t part_size);

/*
 * Reads the part of fd at pt->start (pt->first: it begins the region read) into
 * buf, a buffer of part_buffer_size(part_size) bytes, and the records that start
 * in it, ended by term (or, with cr_too, a CR: CSV's guess, csv_carry.h), into
 * pt->block; a record longer than buf is gathered in big.
 * The block is valid until buf or big is used again.
 */
void part_read(struct part *pt, int fd, size_t part_size, unsigned char term, bool cr_too,
               zb_buffer *buf, zb_collator *big);

#endif
