/* test_first_fields.c - zb_first_fields against a byte-at-a-time reference, with
 * every engine, on random views of every length around the 64- and 128-byte steps. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* cut -f1, a byte at a time: the reference. */
static size_t naive_first_fields(const unsigned char *p, size_t n, unsigned char delim,
                                 unsigned char term, unsigned char *out)
{
	size_t i = 0, o = 0;

	do { /* at least once: an empty view is one empty record */
		bool in_field = true;
		for (; i < n && p[i] != term; i++) {
			if (p[i] == delim)
				in_field = false;
			else if (in_field)
				out[o++] = p[i];
		}
		out[o++] = term;
		i++; /* past the terminator */
	} while (i < n);
	return o;
}

static unsigned long rng = 777;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* One view of length n, from a random mix; false when the output differs. */
static bool agrees(size_t n, unsigned char delim, unsigned char term, unsigned style)
{
	unsigned char *data = malloc(n ? n : 1), *want = malloc(n + 2);
	unsigned char *got = malloc(n + 1 + ZB_FIRST_FIELDS_SLACK);
	size_t i, wn, gn;
	bool ok;

	for (i = 0; i < n; i++) {
		unsigned r = next_rand() % 100;
		switch (style) {
		case 0: /* short records, short fields */
			data[i] = r < 10 ? term : r < 30 ? delim : (unsigned char)('a' + r % 26);
			break;
		case 1: /* long first fields and records: runs across blocks */
			data[i] = r < 1 ? term : r < 2 ? delim : (unsigned char)r;
			break;
		case 2: /* only delimiters and terminators */
			data[i] = r < 50 ? term : delim;
			break;
		default: /* any byte, NULs and 0xFF among them */
			data[i] = (unsigned char)next_rand();
			break;
		}
	}
	if (n > 0 && next_rand() % 2)
		data[n - 1] = term;
	wn = naive_first_fields(data, n, delim, term, want);
	memset(got, 0xA5, n + 1 + ZB_FIRST_FIELDS_SLACK);
	gn = zb_first_fields(zb_view_of(data, n), delim, term, got);
	ok = gn == wn && memcmp(got, want, wn) == 0;
	free(data);
	free(want);
	free(got);
	return ok;
}

void test_first_fields(void)
{
	const char *engines[] = {"portable", "sse2", "avx2"};
	const unsigned char pairs[][2] = {{'\t', '\n'}, {':', '\n'}, {'\n', '\0'}, {0xFF, 0}};
	const char *was = zb_scan2_engine();
	size_t e, p, n;
	unsigned style;

	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		if (zb_scan2_use(engines[e]) != 0)
			continue; /* not on this CPU or build */
		for (p = 0; p < sizeof pairs / sizeof *pairs; p++) {
			int failures = 0;
			for (style = 0; style < 4; style++) {
				for (n = 0; n <= 400; n++) /* every tail length, in-place blocks */
					failures += !agrees(n, pairs[p][0], pairs[p][1], style);
				for (n = 0; n < 40; n++) /* longer views */
					failures += !agrees(1000 + next_rand() % 5000, pairs[p][0],
					                    pairs[p][1], style);
			}
			CHECK_EQ_INT(failures, 0);
		}
	}
	{ /* by hand: cut -f1 of each */
		unsigned char out[64 + 16];
		size_t k = zb_first_fields(zb_view_of((const unsigned char *)"a\tb\nc\n\td\ne", 10),
		                           '\t', '\n', out);
		CHECK_EQ_INT(k, 7);
		CHECK(memcmp(out, "a\nc\n\ne\n", 7) == 0);
		k = zb_first_fields(zb_view_empty(), '\t', '\n', out);
		CHECK_EQ_INT(k, 1);
		CHECK(out[0] == '\n');
	}
	CHECK_EQ_INT(zb_scan2_use(was), 0);
}
