/* test_scan.c - scan2's picks against a naive scan, with every engine this machine has. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kernels/engine.h"
#include "kernels/scan2.h"

static unsigned long rng = 12345;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
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

/* Random data over a small alphabet holding a and b; picks of many a's and of the
 * first, mixed. */
static int random_round(unsigned char a, unsigned char b)
{
	unsigned char data[700];
	/* mostly a's sometimes, so picks far ahead cross blocks */
	const unsigned char alphabet[] = {'x', 'y', a, b, 0, 0xFF, a, a, a, a};
	size_t n = next_rand() % sizeof data, i;
	size_t at = 0;
	scan2 s;
	int failures = 0;

	bool sparse = next_rand() % 2; /* b rare: picks cross many blocks */

	for (i = 0; i < n; i++)
		data[i] = sparse ? (next_rand() % 100 == 0 ? b : next_rand() % 3 ? a : 'x')
		                 : alphabet[next_rand() % sizeof alphabet];
	scan2_start(&s, zb_view_of(data, n), a, b);
	for (;;) {
		ptrdiff_t got;
		bool ok = next_rand() % 3 == 0 ? pick1_agrees(&s, data, n, at, a, b, &got)
		                               : pick_agrees(&s, data, n, at, a, b, &got);
		if (!ok)
			failures++;
		if (!ok || got < 0)
			break;
		at = (size_t)got + 1;
	}
	return failures;
}

void test_scan(void)
{
	const char *engines[] = KERNEL_ENGINES;
	const unsigned char pairs[][2] = {{'\t', '\n'}, {':', '\n'}, {'\n', '\0'}, {'\0', 1}, {',', 0xFF}};
	const char *was = kernels_engine();
	size_t e, p;
	int r;

	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		if (kernels_use(engines[e]) != 0)
			continue; /* not on this CPU or build */
		CHECK(strcmp(kernels_engine(), engines[e]) == 0);
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
		size_t at = 99;
		ptrdiff_t i, b_at;
		memset(all_b, '\n', sizeof all_b);
		scan2_start(&s, zb_view_empty(), '\t', '\n');
		CHECK_EQ_INT(scan2_pick1(&s, &at, &b_at), 0);
		CHECK_EQ_INT(b_at, -1);
		scan2_start(&s, zb_view_of(all_b, 64), '\t', '\n');
		for (i = 0; i < 64; i++) {
			CHECK_EQ_INT(scan2_pick(&s, NULL, 0, NULL, &b_at), 0);
			CHECK_EQ_INT(b_at, i);
		}
		CHECK_EQ_INT(scan2_pick1(&s, &at, &b_at), 0);
		CHECK_EQ_INT(b_at, -1);
		CHECK_EQ_INT(at, 99);
	}
	/* one engine for every kernel: a name this build lacks changes nothing */
	CHECK_EQ_INT(kernels_use("no such engine"), -1);
	CHECK_EQ_INT(kernels_use("portable"), 0);
	CHECK(strcmp(kernels_engine(), "portable") == 0);
	CHECK_EQ_INT(kernels_use("avx3"), -1);
	CHECK(strcmp(kernels_engine(), "portable") == 0);
	CHECK_EQ_INT(kernels_use(was), 0);
}
