/* test_scanset.c - scanset against a naive scan, with every engine this machine has. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kernels/engine.h"
#include "kernels/scanset.h"

/* The naive model: every edge and terminator of the view, in the scan's order. */
struct event {
	size_t at;
	bool is_term;
};

static bool in_class(const unsigned char *p, size_t n, size_t i, const unsigned char *set,
                     size_t nset, unsigned char term, bool words)
{
	bool in_set;

	if (i >= n) /* past the end: outside, as the byte before the view */
		return false;
	in_set = memchr(set, p[i], nset) != NULL;
	return words ? !in_set && p[i] != term : in_set;
}

/* Lists the events of p[0, n): an edge where a byte's class differs from the one
 * before it (offset n included), then a terminator at the same offset after it. */
static size_t naive_events(const unsigned char *p, size_t n, const unsigned char *set,
                           size_t nset, unsigned char term, bool words, struct event *ev)
{
	size_t i, k = 0;

	for (i = 0; i <= n; i++) {
		bool before = i > 0 && in_class(p, n, i - 1, set, nset, term, words);
		if (in_class(p, n, i, set, nset, term, words) != before)
			ev[k++] = (struct event){i, false};
		if (i < n && p[i] == term)
			ev[k++] = (struct event){i, true};
	}
	return k;
}

static unsigned long rng = 987654321;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* Random data (of length len; a random one when len is SIZE_MAX), random calls;
 * returns the number of answers that differ. */
static int random_round(const unsigned char *set, size_t nset, unsigned char term, bool words,
                        size_t len)
{
	static unsigned char data[1500];
	static struct event ev[2 * sizeof data + 2];
	const unsigned char alphabet[] = {'x', 'y', 0, 0xFF, '\r', set[0], set[nset - 1], term};
	size_t n = len == SIZE_MAX ? next_rand() % sizeof data : len, i, nev, k = 0;
	unsigned kind = next_rand() % 3; /* mixed; long runs of the set; terminators rare */
	scanset s;
	int failures = 0;

	for (i = 0; i < n; i++) {
		unsigned r = next_rand();
		if (kind == 1)
			data[i] = r % 50 == 0 ? term : r % 7 ? set[r % nset] : 'x';
		else if (kind == 2)
			data[i] = r % 300 == 0 ? term : r % 2 ? set[r % nset] : 'y';
		else
			data[i] = alphabet[r % sizeof alphabet];
	}
	nev = naive_events(data, n, set, nset, term, words, ev);
	if (scanset_start(&s, zb_view_of(data, n), set, nset, term, words) != ZB_OK)
		return 1;
	for (;;) {
		bool want_term = false, is_term = false;
		ptrdiff_t want = -1, got;
		if (next_rand() % 4 == 0) { /* count what is left of the record, hand nothing out */
			size_t c = 0, m;
			for (m = k; m < nev && !ev[m].is_term; m++)
				c++;
			if (scanset_count(&s) != c) {
				failures++;
				break;
			}
		}
		if (next_rand() % 4 == 0) {
			while (k < nev && !ev[k].is_term)
				k++;
			if (k < nev)
				want = (ptrdiff_t)ev[k++].at;
			got = scanset_next_term(&s);
			is_term = want_term = true;
		} else {
			size_t nth = next_rand() % 3 ? 1 + next_rand() % 4 : 1 + next_rand() % 200;
			size_t left = nth;
			for (; k < nev; k++)
				if (ev[k].is_term || --left == 0) {
					want = (ptrdiff_t)ev[k].at;
					want_term = ev[k++].is_term;
					break;
				}
			got = scanset_next_nth(&s, nth, &is_term);
		}
		if (got != want || (got >= 0 && is_term != want_term)) {
			failures++;
			break;
		}
		if (got < 0)
			break;
	}
	return failures;
}

void test_scanset(void)
{
	const char *engines[] = KERNEL_ENGINES;
	const char *was = kernels_engine();
	const struct {
		const char *set;
		size_t n;
		unsigned char term;
	} sets[] = {{" \t", 2, '\n'}, {" \t", 2, '\0'}, {",", 1, '\n'}, {" \t\r\v", 4, '\n'},
	            {"\xff\0a", 3, 1}};
	size_t e, i;
	int r, w;

	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		if (kernels_use(engines[e]) != 0)
			continue; /* not on this CPU or build */
		CHECK(strcmp(kernels_engine(), engines[e]) == 0);
		for (i = 0; i < sizeof sets / sizeof *sets; i++)
			for (w = 0; w < 2; w++) {
				int failures = 0;
				for (r = 0; r < 300; r++) /* every short length (the last, partial
				                             block read in pieces), then any */
					failures += random_round((const unsigned char *)sets[i].set, sets[i].n,
					                         sets[i].term, w, r < 150 ? (size_t)r : SIZE_MAX);
				CHECK_EQ_INT(failures, 0);
			}
	}
	{ /* by hand: the edges of " a  bc\n" and of a run that reaches the view's end */
		static const unsigned char rec[] = " a  bc\n d \t";
		scanset s;
		bool t = false;
		CHECK_EQ_INT(scanset_start(&s, zb_view_of(rec, 11), " \t", 2, '\n', true), ZB_OK);
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), 1); /* "a" begins */
		CHECK(!t);
		CHECK_EQ_INT(scanset_next_nth(&s, 2, &t), 4); /* "a" ends, "bc" begins */
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), 6); /* "bc" ends at the terminator */
		CHECK(!t);
		CHECK_EQ_INT(scanset_next_nth(&s, 5, &t), 6); /* then the terminator */
		CHECK(t);
		CHECK_EQ_INT(scanset_next_nth(&s, 2, &t), 9); /* "d" begins at 8, ends at 9 */
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), -1);
		CHECK_EQ_INT(scanset_start(&s, zb_view_of(rec, 11), " \t", 2, '\n', false), ZB_OK);
		CHECK_EQ_INT(scanset_next_nth(&s, 2, &t), 1); /* the run " " is [0, 1) */
		CHECK_EQ_INT(scanset_next_term(&s), 6);
		CHECK_EQ_INT(scanset_next_nth(&s, 4, &t), 11); /* " \t" ends at the view's end */
		CHECK(!t);
		CHECK_EQ_INT(scanset_next_term(&s), -1);
	}
	{ /* a run to the end of a view of whole blocks: its end edge is at len */
		unsigned char blanks[128];
		scanset s;
		bool t = false;
		memset(blanks, ' ', sizeof blanks);
		CHECK_EQ_INT(scanset_start(&s, zb_view_of(blanks, 128), " ", 1, '\n', false), ZB_OK);
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), 0);
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), 128);
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), -1);
		CHECK_EQ_INT(scanset_start(&s, zb_view_empty(), " ", 1, '\n', true), ZB_OK);
		CHECK_EQ_INT(scanset_next_nth(&s, 1, &t), -1);
	}
	{
		scanset s;
		CHECK_EQ_INT(scanset_start(&s, zb_view_empty(), "", 0, '\n', true), ZB_EINVAL);
		CHECK_EQ_INT(scanset_start(&s, zb_view_empty(), "abcde", 5, '\n', true), ZB_EINVAL);
		CHECK_EQ_INT(scanset_start(&s, zb_view_empty(), " \n", 2, '\n', true), ZB_EINVAL);
	}
	CHECK_EQ_INT(kernels_use(was), 0);
}
