/*
 * test_utf8.c - utf8_len, utf8_walk and utf8_find against a decoder written
 * here from the definition (code points, not byte ranges), with every engine this
 * machine has.  The texts mix ASCII (NULs too), 2-, 3- and 4-byte characters and
 * broken sequences, and are allocated to their exact size for the sanitizers.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kernels/engine.h"
#include "kernels/utf8.h"

/* The length of the valid character at p (n bytes there) by decoding it: the
 * lead's form gives the length, every other byte is 10xxxxxx, and the value must
 * need that length, be no surrogate and be at most U+10FFFF.  0 when not valid. */
static size_t ref_len(const unsigned char *p, size_t n)
{
	static const unsigned long least[] = {0, 0, 0x80, 0x800, 0x10000};
	unsigned long cp;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xE0) == 0xC0) {
		len = 2;
		cp = p[0] & 0x1Fu;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3;
		cp = p[0] & 0x0Fu;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4;
		cp = p[0] & 0x07u;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3Fu);
	}
	if (cp < least[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	return len;
}

static unsigned long rng = 2024;
static unsigned next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* Appends the UTF-8 form of code point cp (not checked) at p; returns its length. */
static size_t put_cp(unsigned char *p, unsigned long cp)
{
	if (cp < 0x80) {
		p[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		p[0] = (unsigned char)(0xC0 | cp >> 6);
		p[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		p[0] = (unsigned char)(0xE0 | cp >> 12);
		p[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		p[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	p[0] = (unsigned char)(0xF0 | cp >> 18);
	p[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	p[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	p[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Byte strings that break the rules, each in a way of its own. */
static const char *const broken[] = {
	"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80",
	"\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80",
	"\xF5\x80\x80\x80", "\xF8", "\xFF", "\x80", "\xBF", "\xBF\x80\x80", "\xE2\x82",
	"\xF0\x9F\x98", "\xC3", "\xE2", "\xF4", "\xC3\xC3\xA9",
};

/* Random text of n bytes: runs of ASCII, of 2-, 3- or 4-byte characters (edges
 * of each form among them), and now and then a broken piece; `clean` leaves the
 * broken pieces out. */
static void random_text(unsigned char *p, size_t n, bool clean)
{
	static const unsigned long edges[] = {0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF,
	                                      0xD7FF, 0xE000, 0xE9, 0x20AC, 0x1F600, 0};
	unsigned char c[4];
	size_t at = 0;

	while (at < n) {
		unsigned kind = next_rand() % 16, run = 1 + next_rand() % 20, i;
		for (i = 0; i < run && at < n; i++) {
			size_t len;
			unsigned long cp;
			if (kind < 5)
				cp = kind == 0 && next_rand() % 4 == 0 ? 0 : 0x20 + next_rand() % 0x5F;
			else if (kind < 8)
				cp = 0x80 + next_rand() % (0x800 - 0x80);
			else if (kind < 11)
				cp = 0x800 + next_rand() % (0x10000 - 0x800);
			else if (kind < 13)
				cp = 0x10000 + next_rand() % (0x110000 - 0x10000);
			else if (kind < 14 || clean)
				cp = edges[next_rand() % (sizeof edges / sizeof *edges)];
			else
				break;
			if (cp >= 0xD800 && cp <= 0xDFFF)
				cp = 0xE000;
			len = put_cp(c, cp);
			if (len > n - at)
				len = n - at; /* cut short by the end: a broken piece too */
			memcpy(p + at, c, len);
			at += len;
		}
		if (kind >= 14 && !clean && at < n) {
			const char *b = broken[next_rand() % (sizeof broken / sizeof *broken)];
			size_t len = strlen(b);
			if (len > n - at)
				len = n - at;
			memcpy(p + at, b, len);
			at += len;
		}
	}
}

/* The reference walk: from `at`, at most n valid characters that end by limit. */
static size_t ref_skip(const unsigned char *p, size_t len, size_t *at, size_t n, size_t limit)
{
	size_t k = 0, l;

	while (k < n && *at < len && (l = ref_len(p + *at, len - *at)) > 0 && *at + l <= limit) {
		*at += l;
		k++;
	}
	return k;
}

/* A walk from a random start, by random steps, restarting after each invalid byte. */
static int random_walk(const unsigned char *p, size_t len)
{
	size_t start = len ? next_rand() % (len + 1) : 0, ref = start;
	utf8_walk w;
	int failures = 0;

	utf8_walk_start(&w, zb_view_of(p, len), start);
	while (w.pos < len && failures == 0) {
		size_t n = next_rand() % 4 == 0 ? SIZE_MAX : 1 + next_rand() % 90;
		size_t limit = next_rand() % 3 == 0 ? ref + next_rand() % 200 : SIZE_MAX;
		size_t want = ref_skip(p, len, &ref, n, limit);
		size_t got = utf8_walk_skip(&w, n, limit);
		if (got != want || w.pos != ref) {
			fprintf(stderr, "    walk: len %zu, n %zu, limit %zu: got %zu to %zu, want %zu to %zu\n",
			        len, n, limit, got, w.pos, want, ref);
			failures++;
		}
		if (got < n && w.pos < len && ref_len(p + w.pos, len - w.pos) == 0)
			utf8_walk_start(&w, zb_view_of(p, len), ++ref); /* past the invalid byte */
		else if (got < n)
			break; /* the limit or the end */
	}
	return failures;
}

/* utf8_find (term < 0) or utf8_find_line for random ascending numbers (some
 * repeated) against ref_len: the valid characters from the start of the first
 * line are found, and *invalid tells whether what stops them is an invalid byte
 * or the end of the line. */
static int random_find(const unsigned char *p, size_t len, int term)
{
	static size_t starts[1200]; /* where valid character i + 1 starts; then where they stop */
	size_t nums[12], count = next_rand() % 13, i, found, want, nvalid = 0, at = 0, l;
	size_t line = 0, got_line = 0;
	utf8_span spans[12];
	bool invalid;
	int failures = 0;

	while (line < len && (int)p[line] != term)
		line++;
	while (at < line && (l = ref_len(p + at, line - at)) > 0) {
		starts[nvalid++] = at;
		at += l;
	}
	starts[nvalid] = at;
	for (i = 0; i < count; i++)
		nums[i] = (i ? nums[i - 1] : 1) + (next_rand() % 3 == 0 ? 0 : next_rand() % 40);
	for (want = 0; want < count && nums[want] <= nvalid; want++)
		;
	if (term < 0)
		found = utf8_find(zb_view_of(p, len), nums, count, spans, &invalid);
	else
		found = utf8_find_line(zb_view_of(p, len), (unsigned char)term, nums, count, spans,
		                          &invalid, &got_line);
	if (found != want || (found < count && invalid != (at < line)) ||
	    (term >= 0 && got_line != line))
		failures++;
	for (i = 0; i < found && i < want; i++)
		if (spans[i].start != starts[nums[i] - 1] || spans[i].end != starts[nums[i]])
			failures++;
	if (failures)
		fprintf(stderr, "    find: len %zu, term %d, %zu numbers: found %zu (invalid %d), want %zu\n",
		        len, term, count, found, invalid, want);
	return failures;
}

/* Puts term at a few random places of p (none, sometimes). */
static void add_terms(unsigned char *p, size_t n, unsigned char term)
{
	unsigned k = next_rand() % 4;

	while (n > 0 && k-- > 0)
		p[next_rand() % n] = term;
}

/* utf8_len against ref_len on every 1- and 2-byte string, every 3-byte string
 * with a 3-byte lead, and 4-byte strings with a 4-byte lead and varied last bytes. */
static void exhaustive_len(void)
{
	unsigned char b[4];
	unsigned a, c, d, e;
	long wrong = 0;

	for (a = 0; a < 256; a++) {
		b[0] = (unsigned char)a;
		wrong += utf8_len(b, 1) != ref_len(b, 1);
		for (c = 0; c < 256; c++) {
			b[1] = (unsigned char)c;
			wrong += utf8_len(b, 2) != ref_len(b, 2);
			for (d = 0; a >= 0xE0 && d < 256; d++) {
				b[2] = (unsigned char)d;
				wrong += utf8_len(b, 3) != ref_len(b, 3);
				for (e = 0; a >= 0xF0 && e < 256; e += 0x3F) {
					b[3] = (unsigned char)e;
					wrong += utf8_len(b, 4) != ref_len(b, 4);
					wrong += utf8_len(b, 3) != ref_len(b, 3);
				}
			}
		}
	}
	CHECK_EQ_INT(wrong, 0);
	/* the forms' edges, by hand */
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xC2\x80", 2), 2);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xC1\xBF", 2), 0);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xE0\xA0\x80", 3), 3);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xE0\x9F\xBF", 3), 0);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xED\x9F\xBF", 3), 3);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xED\xA0\x80", 3), 0);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xF0\x90\x80\x80", 4), 4);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xF0\x8F\xBF\xBF", 4), 0);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xF4\x8F\xBF\xBF", 4), 4);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
	CHECK_EQ_INT(utf8_len((const unsigned char *)"\xF0\x9F\x98\x80", 3), 0);
}

void test_utf8(void)
{
	const char *engines[] = KERNEL_ENGINES;
	const char *was = kernels_engine();
	/* lengths about the 64-byte blocks, then random ones */
	const size_t sizes[] = {0, 1, 3, 31, 32, 33, 62, 63, 64, 65, 66, 127, 128, 129, 191, 192, 600};
	size_t e, r;

	exhaustive_len();
	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		int walk_failures = 0, find_failures = 0;
		if (kernels_use(engines[e]) != 0)
			continue; /* not on this CPU or build */
		CHECK(strcmp(kernels_engine(), engines[e]) == 0);
		for (r = 0; r < 6000; r++) {
			size_t n = r < 17 * 40 ? sizes[r % 17] : next_rand() % 700;
			unsigned char *p = malloc(n ? n : 1); /* exactly n: a sanitizer sees overreads */
			random_text(p, n, r % 5 == 0);
			walk_failures += random_walk(p, n);
			find_failures += random_find(p, n, -1);
			add_terms(p, n, '\n');
			find_failures += random_find(p, n, '\n');
			find_failures += random_find(p, n, '\0');
			free(p);
		}
		CHECK_EQ_INT(walk_failures, 0);
		CHECK_EQ_INT(find_failures, 0);
	}
	CHECK_EQ_INT(kernels_use(was), 0);
}
