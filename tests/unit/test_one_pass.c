/* test_one_pass.c - the one-pass functions, first_fields and keep_field_eq,
 * against byte-at-a-time references, with every engine, on random views of every
 * length around their 64- and 128-byte steps. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kernels/engine.h"
#include "kernels/one_pass.h"

/* cut -f1, a byte at a time. */
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

/* awk '$field == str' (or != with invert), a byte at a time; with crlf, the last
 * field is compared without a CR at its end. */
static size_t naive_keep(const unsigned char *p, size_t n, unsigned char delim,
                         unsigned char term, size_t field, const unsigned char *str,
                         size_t len, bool invert, bool crlf, unsigned char *out)
{
	size_t i = 0, o = 0;

	do { /* at least once: an empty view is one empty record */
		size_t start = i, k = 1, from = i, to = i;
		bool there = field == 1;
		for (; i < n && p[i] != term; i++)
			if (p[i] == delim) {
				if (k == field) /* the field's end */
					to = i;
				if (++k == field) {
					from = i + 1;
					there = true;
				}
			}
		if (there && k == field) /* the last field: it ends with the record */
			to = i;
		if (crlf && there && k == field && to > from && p[to - 1] == '\r')
			to--;
		if (!there)
			from = to = i; /* no such field: empty */
		if (((to - from == len && memcmp(p + from, str, len) == 0)) != invert) {
			memcpy(out + o, p + start, i - start);
			o += i - start;
			out[o++] = term;
		}
		i++;
	} while (i < n);
	return o;
}

static unsigned long rng = 777;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* n random bytes at data in one of four styles, ending with term half the time. */
static void fill(unsigned char *data, size_t n, unsigned char delim, unsigned char term,
                 unsigned style)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned r = next_rand() % 100;
		switch (style) {
		case 0: /* short records, short fields (from a small alphabet: matches) */
			data[i] = r < 10   ? term
			          : r < 30 ? delim
			          : r < 36 ? '\r' /* a CR, before a terminator at times */
			                   : (unsigned char)('a' + r % 3);
			break;
		case 1: /* long fields and records: runs across blocks */
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
}

/* One view of length n; false when a function's output differs from its reference. */
static bool agrees(size_t n, unsigned char delim, unsigned char term, unsigned style)
{
	static const unsigned char strs[] = "abab";
	unsigned char *data = malloc(n ? n : 1), *want = malloc(n + 2);
	unsigned char *got = malloc(n + 1 + FIRST_FIELDS_SLACK);
	size_t wn, gn, field = 1 + next_rand() % 6, len = next_rand() % 3;
	const unsigned char *str = strs + next_rand() % 2; /* "ab" or "ba", len of it */
	bool invert = next_rand() % 2, crlf = next_rand() % 2, ok;

	fill(data, n, delim, term, style);
	wn = naive_first_fields(data, n, delim, term, want);
	memset(got, 0xA5, n + 1 + FIRST_FIELDS_SLACK);
	gn = first_fields(zb_view_of(data, n), delim, term, got);
	ok = gn == wn && memcmp(got, want, wn) == 0;
	wn = naive_keep(data, n, delim, term, field, str, len, invert, crlf, want);
	gn = keep_field_eq(zb_view_of(data, n), delim, term, field, str, len, invert, crlf, got);
	ok = ok && gn == wn && memcmp(got, want, wn) == 0;
	free(data);
	free(want);
	free(got);
	return ok;
}

void test_one_pass(void)
{
	const char *engines[] = KERNEL_ENGINES;
	const unsigned char pairs[][2] = {{'\t', '\n'}, {':', '\n'}, {'\n', '\0'}, {0xFF, 0}};
	const char *was = kernels_engine();
	size_t e, p, n;
	unsigned style;

	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		if (kernels_use(engines[e]) != 0)
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
	{ /* by hand: cut -f1, and awk -F'\t' '$2 == "b"' */
		static const unsigned char in[] = "a\tb\nc\n\td\ne\tb\tx\nb";
		unsigned char out[sizeof in + FIRST_FIELDS_SLACK];
		size_t k = first_fields(zb_view_of(in, 10), '\t', '\n', out);
		CHECK_EQ_INT(k, 7);
		CHECK(memcmp(out, "a\nc\n\ne\n", 7) == 0);
		k = first_fields(zb_view_empty(), '\t', '\n', out);
		CHECK_EQ_INT(k, 1);
		CHECK(out[0] == '\n');
		k = keep_field_eq(zb_view_of(in, sizeof in - 1), '\t', '\n', 2, "b", 1, false, false,
		                  out);
		CHECK_EQ_INT(k, 10);
		CHECK(memcmp(out, "a\tb\ne\tb\tx\n", 10) == 0);
		k = keep_field_eq(zb_view_of(in, sizeof in - 1), '\t', '\n', 2, "b", 1, true, false,
		                  out);
		CHECK_EQ_INT(k, 7); /* "b" has no field 2: empty, and gets a terminator */
		CHECK(memcmp(out, "c\n\td\nb\n", 7) == 0);
		k = keep_field_eq(zb_view_empty(), '\t', '\n', 3, "", 0, false, false, out);
		CHECK_EQ_INT(k, 1);
	}
	{ /* by hand: the CRLF rule sees the last field without its CR, not the others */
		static const unsigned char in[] = "a\tb\r\nc\tb\r\tx\r\nd\tb";
		unsigned char out[sizeof in];
		size_t k = keep_field_eq(zb_view_of(in, sizeof in - 1), '\t', '\n', 2, "b", 1, false,
		                         true, out);
		CHECK_EQ_INT(k, 9);
		CHECK(memcmp(out, "a\tb\r\nd\tb\n", 9) == 0);
		k = keep_field_eq(zb_view_of(in, sizeof in - 1), '\t', '\n', 2, "b", 1, false, false,
		                  out);
		CHECK_EQ_INT(k, 4);
	}
	CHECK_EQ_INT(kernels_use(was), 0);
}
