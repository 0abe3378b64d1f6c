/* select.h - what to write of each record: fields, bytes or characters. */
#ifndef SELECT_H
#define SELECT_H

#include <stdbool.h>

#include "list.h"
#include "output.h"
#include "zb.h"

enum mode { MODE_FIELDS, MODE_BYTES, MODE_CHARS };

enum splitter {
	SPLIT_DELIM,         /* fields between occurrences of the delimiter string */
	SPLIT_BLANKS,        /* -w: between runs of spaces and tabs */
	SPLIT_BLANKS_TRIMMED /* -w=trimmed: the same, ignoring runs at either end */
};

struct selector {
	enum mode mode;
	enum splitter splitter;
	const unsigned char *delim;     /* SPLIT_DELIM's delimiter */
	size_t delim_len;
	const unsigned char *out_delim; /* written between fields or ranges */
	size_t out_delim_len;
	bool only_delimited;            /* -s: drop records without a delimiter */
	bool whole_chars;               /* -n: -b never splits a UTF-8 character */
	unsigned char term;             /* record terminator, written after each record */
	struct list list;
	/* per-record scratch, grown to the largest record and then reused */
	zb_view *fields;                /* the record's fields */
	size_t *starts;                 /* byte offsets of the record's characters */
	size_t cap;                     /* entries allocated in each */
};

/* Writes to out what s selects of rec (a record without its terminator), followed
 * by the terminator, or nothing when -s drops it.  Returns 0, or -1 when out of
 * memory. */
int select_record(struct selector *s, zb_view rec, struct output *out);

/* Frees the scratch memory and the list. */
void select_free(struct selector *s);

#endif
