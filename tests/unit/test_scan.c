/* test_scan.c - scan2 against a naive scan, with every engine this machine has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "zb.h"

/* Naive: the offsets of a or b from `from`, in order; -1 when none. */
static ptrdiff_t naive_next(const unsigned char *p, size_t n, size_t from, unsigned char a,
                            unsigned char b, bool only_b)
{
	for (; from < n; from++)
		if (p[from] == b || (!only_b && p[from] == a))
			return (ptrdiff_t)from;
	return -1;
}

static unsigned long rng = 12345;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* Naive n-th: the n-th a from `from`, or the first b before it. */
static ptrdiff_t naive_nth(const unsigned char *p, size_t n, size_t from, unsigned char a,
                           unsigned char b, size_t nth, bool *is_b)
{
	for (; from < n; from++) {
		if (p[from] == b) {
			*is_b = true;
			return (ptrdiff_t)from;
		}
		if (p[from] == a && --nth == 0) {
			*is_b = false;
			return (ptrdiff_t)from;
		}
	}
	return -1;
}

/* Naive pick: the a's numbered nth[] before the next b, and that b (or -1). */
static size_t naive_pick(const unsigned char *p, size_t n, size_t from, unsigned char a,
                         unsigned char b, const size_t *nth, size_t count, size_t *at,
                         ptrdiff_t *b_at)
{
	size_t seen = 0, j = 0;

	for (; from < n && p[from] != b; from++)
		if (p[from] == a && ++seen <= nth[count - 1] && seen == nth[j])
			at[j++] = from;
	*b_at = from < n ? (ptrdiff_t)from : -1;
	return j;
}

/* scan2_pick of a random ascending list of numbers against naive_pick. */
static bool pick_agrees(scan2 *s, const unsigned char *data, size_t n, size_t at,
                        unsigned char a, unsigned char b, ptrdiff_t *got)
{
	size_t nth[12], want_at[12], got_at[12], count = 1 + next_rand() % 12, i, k = 0;
	size_t found, want_found;
	ptrdiff_t want_b;

	for (i = 0; i < count; i++) /* steps of 1 (next field) to 200 (far ahead) */
		nth[i] = k += 1 + (next_rand() % 4 == 0 ? next_rand() % 200 : next_rand() % 3);
	want_found = naive_pick(data, n, at, a, b, nth, count, want_at, &want_b);
	found = scan2_pick(s, nth, count, got_at, got);
	if (found != want_found || *got != want_b)
		return false;
	return memcmp(got_at, want_at, found * sizeof *got_at) == 0;
}

/* scan2_pick1 against naive_pick of nth = {1}. */
static bool pick1_agrees(scan2 *s, const unsigned char *data, size_t n, size_t at,
                         unsigned char a, unsigned char b, ptrdiff_t *got)
{
	const size_t first[1] = {1};
	size_t want_at = 0, got_at = 0, found, want_found;
	ptrdiff_t want_b;

	want_found = naive_pick(data, n, at, a, b, first, 1, &want_at, &want_b);
	found = scan2_pick1(s, &got_at, got);
	return found == want_found && *got == want_b && (found == 0 || got_at == want_at);
}

/* Random data over a small alphabet holding a and b; mixed next / next_b / next_nth
 * / pick / pick1. */
static int random_round(unsigned char a, unsigned char b)
{
	unsigned char data[700];
	/* mostly a's sometimes, so n-th searches cross blocks */
	const unsigned char alphabet[] = {'x', 'y', a, b, 0, 0xFF, a, a, a, a};
	size_t n = next_rand() % sizeof data, i;
	size_t at = 0;
	scan2 s;
	int failures = 0;

	bool sparse = next_rand() % 2; /* b rare: searches cross many blocks */

	for (i = 0; i < n; i++)
		data[i] = sparse ? (next_rand() % 100 == 0 ? b : next_rand() % 3 ? a : 'x')
		                 : alphabet[next_rand() % sizeof alphabet];
	scan2_start(&s, zb_view_of(data, n), a, b);
	for (;;) {
		unsigned how = next_rand() % 7;
		bool only_b = how == 0, is_b = false, want_b = false;
		size_t nth = 1 + next_rand() % 70;
		ptrdiff_t want, got;
		if (how == 2) { /* the a's a record's fields need, then its end */
			if (!pick_agrees(&s, data, n, at, a, b, &got))
				failures++;
			if (got < 0)
				break;
			at = (size_t)got + 1;
			continue;
		}
		if (how == 6) { /* the first field's end, then the record's */
			if (!pick1_agrees(&s, data, n, at, a, b, &got))
				failures++;
			if (got < 0)
				break;
			at = (size_t)got + 1;
			continue;
		}
		if (how == 1) { /* the n-th a, often across blocks */
			want = naive_nth(data, n, at, a, b, nth, &want_b);
			got = scan2_next_nth(&s, nth, &is_b);
			if (got != want || (got >= 0 && is_b != want_b))
				failures++;
		} else {
			want = naive_next(data, n, at, a, b, only_b);
			got = only_b ? scan2_next_b(&s) : scan2_next(&s, &is_b);
			if (got != want || (!only_b && got >= 0 && is_b != (data[got] == b)))
				failures++;
		}
		if (got < 0 || got != want)
			break;
		at = (size_t)got + 1;
	}
	return failures;
}

void test_scan(void)
{
	const char *engines[] = {"portable", "sse2", "avx2"};
	const unsigned char pairs[][2] = {{'\t', '\n'}, {':', '\n'}, {'\n', '\0'}, {'\0', 1}, {',', 0xFF}};
	size_t e, p;
	int r;

	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		if (scan2_use(engines[e]) != 0)
			continue; /* not on this CPU or build */
		CHECK(strcmp(scan2_engine(), engines[e]) == 0);
		for (p = 0; p < sizeof pairs / sizeof *pairs; p++) {
			int failures = 0;
			for (r = 0; r < 400; r++)
				failures += random_round(pairs[p][0], pairs[p][1]);
			CHECK_EQ_INT(failures, 0);
		}
	}
	/* an empty view, and a view that is exactly one block of matches */
	{
		unsigned char all_b[64];
		scan2 s;
		bool is_b;
		ptrdiff_t i;
		memset(all_b, '\n', sizeof all_b);
		scan2_start(&s, zb_view_empty(), '\t', '\n');
		CHECK_EQ_INT(scan2_next(&s, &is_b), -1);
		scan2_start(&s, zb_view_of(all_b, 64), '\t', '\n');
		for (i = 0; i < 64; i++)
			CHECK_EQ_INT(scan2_next_b(&s), i);
		CHECK_EQ_INT(scan2_next_b(&s), -1);
	}
	CHECK_EQ_INT(scan2_use("no such engine"), -1);
	CHECK_EQ_INT(scan2_use("sse2") == 0 || scan2_use("portable") == 0, 1);
}
