/* span.h - what a kernel finds: the bytes of a field, a range or a record in a block. */
#ifndef SPAN_H
#define SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "zb/zb.h"

/* Bytes [start, end) of the block being worked on; start is SPAN_NONE when the
 * record does not have what was asked for. */
struct span {
	size_t start, end;
	bool multi; /* a range that may hold several fields (joined by the output delimiter) */
};

#define SPAN_NONE SIZE_MAX

/* Fields are short: a copy of a fixed 32 bytes is two loads and two stores, where a
 * memcpy of the exact length is a call.  The bytes past n are overwritten next. */
#define COPY_SLACK 32

static inline void copy_field(unsigned char *dst, const unsigned char *src, size_t n,
                              const unsigned char *src_end)
{
	if (n <= COPY_SLACK && (size_t)(src_end - src) >= COPY_SLACK)
		memcpy(dst, src, COPY_SLACK);
	else
		memcpy(dst, src, n);
}

/* A CSV record of a block: bytes [start, end), its nf fields (or, when the plan
 * does not need NF, a number above the fields it keeps when it has more), the
 * first of whose starts, as many as the plan keeps, are in the scratch's
 * csv_starts (field i's raw bytes run from starts[i - 1] to the delimiter before
 * starts[i], the last's to end). */
struct csv_record {
	zb_view block;
	size_t start, end, nf;
	const size_t *starts;
	bool plain; /* no quote anywhere in it: every field's value is its bytes */
	bool well_formed; /* every quote in it opens or closes a field (kernels/csv said
	                     so of its blocks): a field is its bytes, or quoted */
};

/* Field i (from 1, at most nf, and kept) of r, as it is in the block. */
static inline zb_view csv_raw(const struct csv_record *r, size_t i)
{
	size_t from = r->starts[i - 1], to = i < r->nf ? r->starts[i] - 1 : r->end;

	return (zb_view){r->block.data + from, to - from, r->block.owner};
}

#endif
