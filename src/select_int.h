/*
 * select_int.h - what the files of the selector share: the answers of the one scan
 * and the writing of what it found.  select.c has the fields, select_block.c the fast
 * path for a one-byte delimiter, select_units.c characters and bytes.
 */
#ifndef SELECT_INT_H
#define SELECT_INT_H

#include "select.h"

/* The number of predicates (answered after the plan's ranges). */
static inline size_t npreds(const struct selector *s)
{
	return s->filter ? s->filter->count : 0;
}

static inline void clear_answers(struct selector *s)
{
	size_t i;

	for (i = 0; i < s->list.nplan; i++)
		s->answers[i].has_first = s->answers[i].has_last = false;
}

/* Answers query q with the unit at bytes [start, end). */
static inline void answer(struct selector *s, const struct query *q, size_t start, size_t end)
{
	struct answer *a = &s->answers[q->range];

	if (q->last) {
		a->last_start = start;
		a->last_end = end;
		a->has_last = true;
	} else {
		a->first_start = start;
		a->first_end = end;
		a->has_first = true;
	}
}

/* Fields are short: a copy of a fixed 32 bytes is two loads and two stores, where a
 * memcpy of the exact length is a call.  The bytes past n are overwritten next.
 * (At 16, the timestamps of a log, 19 bytes, each went through memcpy: -f2,5,9
 * spent a sixth of its instructions in the calls.) */
#define COPY_SLACK 32

static inline void copy_field(unsigned char *dst, const unsigned char *src, size_t n,
                              const unsigned char *src_end)
{
	if (n <= COPY_SLACK && (size_t)(src_end - src) >= COPY_SLACK)
		memcpy(dst, src, COPY_SLACK);
	else
		memcpy(dst, src, n);
}

static inline void put_delim(struct selector *s, struct output *out, bool *first)
{
	if (!*first)
		output_put(out, s->out_delim, s->out_delim_len);
	*first = false;
}

/* The plan for this record: made once for a fixed LIST; per record, with the number
 * of units counted first, when the LIST counts from NF.  `offset` as make_queries. */
void plan_record(struct selector *s, size_t units, size_t offset);

/* Writes the fields in bytes [start, end) of rec, which begin and end at field
 * boundaries, with the output delimiter between them (one_field: it is one). */
void put_fields(struct selector *s, zb_view rec, size_t start, size_t end, bool one_field,
                struct output *out, bool *first);

/* A record without a delimiter: written whole (stripped), as cut does. */
void put_whole(struct selector *s, zb_view rec, struct output *out);

/* Writes the ranges the scan found in rec, then the terminator. */
void put_answers(struct selector *s, zb_view rec, struct output *out);

/* select_record for -c and for -b. */
void select_chars(struct selector *s, zb_view rec, struct output *out);
void select_bytes(struct selector *s, zb_view rec, struct output *out);

#endif
