/*
 * csv_fields.h - the fields of one CSV record, walked in order from its bytes with
 * kernels/csv, for what the kept field starts do not cover (fields counted from NF,
 * --complement, ranges to the end, writing a record whole): a few words of memory,
 * however many fields the record has.
 */
#ifndef CSV_FIELDS_H
#define CSV_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "kernels/csv.h"
#include "zb/zb.h"

#define CSV_FIELDS_WINDOW 512 /* bytes scanned at a time */

struct csv_fields {
	zb_view rec;
	struct csv_scan scan;
	uint64_t seps[CSV_FIELDS_WINDOW / 64], ends[CSV_FIELDS_WINDOW / 64];
	size_t base, scanned; /* the bytes of rec whose delimiters are in seps */
	size_t at;            /* where the next field starts */
	size_t k;             /* its number, from 1 */
	bool done;
};

/* Starts a walk over rec's fields (rec: a whole record, without its end). */
void csv_fields_start(struct csv_fields *f, zb_view rec, unsigned char delim);

/* Field f->k's bytes into *raw (f->k then counts on); false after the last. */
bool csv_fields_next(struct csv_fields *f, zb_view *raw);

/* Walks on to field k (from 1), starting again when it is behind; false when rec
 * has fewer fields. */
bool csv_fields_seek(struct csv_fields *f, size_t k);

#endif
