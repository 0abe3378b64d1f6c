/*
 * queries.h - where each planned range starts and ends in a record, asked as
 * queries sorted by unit and answered in one scan of the record that stops once
 * the last is answered.  So nothing is stored per field or per character.
 */
#ifndef QUERIES_H
#define QUERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "list.h"

/* A question for the scan: the unit numbered `key` (fields, characters), or with -n
 * the character holding byte `key`; the answer goes to range `range`, as its first
 * or its last unit. */
struct query {
	size_t key;
	size_t range;
	bool last;
};

/* The byte spans of a range's first and last units, once the scan has seen them. */
struct answer {
	size_t first_start, first_end, last_start, last_end;
	bool has_first, has_last;
};

/* The queries for ranges[0, n) into q (room for 2 n), sorted by key: the first
 * unit of each and, unless it runs to the end, the last.  `offset` turns unit
 * numbers into keys (1 for byte offsets).  Returns how many. */
size_t queries_make(const struct range *ranges, size_t n, size_t offset, struct query *q);

static inline void answers_clear(struct answer *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		a[i].has_first = a[i].has_last = false;
}

/* Answers query q with the unit at bytes [start, end). */
static inline void answer(struct answer *answers, const struct query *q, size_t start, size_t end)
{
	struct answer *a = &answers[q->range];

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

#endif
