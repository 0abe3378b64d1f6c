/* queries.c - the questions a record's scan answers (see queries.h). */
#include <stdlib.h>

#include "queries.h"

static int by_key(const void *a, const void *b)
{
	const struct query *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

size_t queries_make(const struct range *ranges, size_t n, size_t offset, struct query *q)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++) {
		q[count++] = (struct query){ranges[i].lo - offset, i, false};
		if (ranges[i].hi != UNIT_MAX)
			q[count++] = (struct query){ranges[i].hi - offset, i, true};
	}
	if (count > 1)
		qsort(q, count, sizeof *q, by_key);
	return count;
}
