/* test_search.c - find/index/rfind/rindex (and the inline zb_view_find_byte). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

struct search_case {
	const char *hay;
	size_t hlen;
	const char *needle;
	size_t nlen;
	ptrdiff_t start, stop;
	ptrdiff_t find, rfind; /* Python: hay.find(needle, start, stop), hay.rfind(...) */
};

/* Generated from Python 3 (bytes.find / bytes.rfind; ZB_NONE is None, PTRDIFF_MAX is
 * 2**63-1, PTRDIFF_MIN + 1 is -(2**63)+1). */
static const struct search_case cases[] = {
	{"abc", 3, "", 0, 3, ZB_NONE, 3, 3},
	{"abc", 3, "", 0, 4, ZB_NONE, -1, -1},
	{"abc", 3, "", 0, 1, 2, 1, 2},
	{"abc", 3, "", 0, -1, ZB_NONE, 2, 3},
	{"abc", 3, "", 0, ZB_NONE, ZB_NONE, 0, 3},
	{"abc", 3, "", 0, 2, 1, -1, -1},
	{"abc", 3, "", 0, -10, -10, 0, 0},
	{"abc", 3, "", 0, 5, ZB_NONE, -1, -1},
	{"abc", 3, "", 0, 0, 0, 0, 0},
	{"abc", 3, "", 0, -1, -1, 2, 2},
	{"abc", 3, "", 0, 3, 3, 3, 3},
	{"abc", 3, "", 0, 0, 100, 0, 3},
	{"abc", 3, "", 0, 100, 200, -1, -1},
	{"", 0, "", 0, ZB_NONE, ZB_NONE, 0, 0},
	{"", 0, "", 0, 0, 0, 0, 0},
	{"", 0, "", 0, 1, ZB_NONE, -1, -1},
	{"", 0, "", 0, -1, ZB_NONE, 0, 0},
	{"", 0, "a", 1, ZB_NONE, ZB_NONE, -1, -1},
	{"abcabcab", 8, "ab", 2, ZB_NONE, ZB_NONE, 0, 6},
	{"abcabcab", 8, "ab", 2, 1, ZB_NONE, 3, 6},
	{"abcabcab", 8, "ab", 2, -2, ZB_NONE, 6, 6},
	{"abcabcab", 8, "ab", 2, -3, ZB_NONE, 6, 6},
	{"abcabcab", 8, "ab", 2, 1, 4, -1, -1},
	{"abcabcab", 8, "ab", 2, 1, 5, 3, 3},
	{"abcabcab", 8, "ab", 2, 0, 100, 0, 6},
	{"abcabcab", 8, "ab", 2, 100, ZB_NONE, -1, -1},
	{"abcabcab", 8, "ab", 2, -100, 2, 0, 0},
	{"abcabcab", 8, "ab", 2, -100, 1, -1, -1},
	{"abcabcab", 8, "ab", 2, 0, 7, 0, 3},
	{"abcabcab", 8, "ab", 2, 0, -1, 0, 3},
	{"abcabcab", 8, "ab", 2, -100, 100, 0, 6},
	{"abcabcab", 8, "abc", 3, ZB_NONE, ZB_NONE, 0, 3},
	{"abcabcab", 8, "abc", 3, 1, ZB_NONE, 3, 3},
	{"abcabcab", 8, "abc", 3, 4, ZB_NONE, -1, -1},
	{"abcabcab", 8, "b", 1, ZB_NONE, ZB_NONE, 1, 7},
	{"abcabcab", 8, "c", 1, 0, 3, 2, 2},
	{"abcabcab", 8, "c", 1, 0, 2, -1, -1},
	{"abcabcab", 8, "a", 1, 7, ZB_NONE, -1, -1},
	{"abcabcab", 8, "a", 1, 6, ZB_NONE, 6, 6},
	{"abcabcab", 8, "abcabcabX", 9, ZB_NONE, ZB_NONE, -1, -1},
	{"abcabcab", 8, "abcabcab", 8, ZB_NONE, ZB_NONE, 0, 0},
	{"abcabcab", 8, "abcabcab", 8, 1, ZB_NONE, -1, -1},
	{"abcabcab", 8, "abcabcab", 8, ZB_NONE, -1, -1, -1},
	{"abcabcab", 8, "cab", 3, ZB_NONE, ZB_NONE, 2, 5},
	{"abcabcab", 8, "cab", 3, 0, 7, 2, 2},
	{"abcabcab", 8, "cab", 3, 0, 8, 2, 5},
	{"abcabcab", 8, "bca", 3, 2, ZB_NONE, 4, 4},
	{"abcabcab", 8, "x", 1, ZB_NONE, ZB_NONE, -1, -1},
	{"abcabcab", 8, "a", 1, ZB_NONE, ZB_NONE, 0, 6},
	{"abcabcab", 8, "b", 1, 2, 4, -1, -1},
	{"abcabcab", 8, "abc", 3, 0, 2, -1, -1},
	{"abcabcab", 8, "ab", 2, 3, 3, -1, -1},
	{"abcabcab", 8, "ab", 2, 5, 3, -1, -1},
	{"abcabcab", 8, "ab", 2, -8, -6, 0, 0},
	{"abcabcab", 8, "ab", 2, -9, -7, -1, -1},
	{"abcabcab", 8, "ab", 2, ZB_NONE, -6, 0, 0},
	{"abcabcab", 8, "ab", 2, -2, -1, -1, -1},
	{"a\x00" "b\x00\xff\x80", 6, "\x00\xff", 2, ZB_NONE, ZB_NONE, 3, 3},
	{"a\x00" "b\x00\xff\x80", 6, "\x00", 1, ZB_NONE, ZB_NONE, 1, 3},
	{"a\x00" "b\x00\xff\x80", 6, "\x80", 1, ZB_NONE, ZB_NONE, 5, 5},
	{"a\x00" "b\x00\xff\x80", 6, "\xff\x80", 2, ZB_NONE, ZB_NONE, 4, 4},
	{"a\x00" "b\x00\xff\x80", 6, "\x80\xff", 2, ZB_NONE, ZB_NONE, -1, -1},
	{"\x00\x00\x00", 3, "\x00\x00", 2, ZB_NONE, ZB_NONE, 0, 1},
	{"hello world", 11, "hello", 5, ZB_NONE, ZB_NONE, 0, 0},
	{"hello world", 11, "world", 5, ZB_NONE, ZB_NONE, 6, 6},
	{"hello world", 11, "o", 1, ZB_NONE, ZB_NONE, 4, 7},
	{"hello world", 11, "o", 1, 5, ZB_NONE, 7, 7},
	{"hello world", 11, "o", 1, ZB_NONE, 7, 4, 4},
	{"hello world", 11, "hello world!", 12, ZB_NONE, ZB_NONE, -1, -1},
	{"hello world", 11, "lo w", 4, 3, 7, 3, 3},
	{"hello world", 11, "lo w", 4, 3, 6, -1, -1},
	{"aaaaa", 5, "aa", 2, ZB_NONE, ZB_NONE, 0, 3},
	{"aaaaa", 5, "aa", 2, 1, 4, 1, 2},
	{"aaaaa", 5, "aaaaaa", 6, ZB_NONE, ZB_NONE, -1, -1},
	{"abababc", 7, "ababc", 5, ZB_NONE, ZB_NONE, 2, 2},
	{"abababc", 7, "abab", 4, ZB_NONE, ZB_NONE, 0, 2},
	{"xyzxyz", 6, "zx", 2, ZB_NONE, ZB_NONE, 2, 2},
	{"xyzxyz", 6, "yz", 2, -3, ZB_NONE, 4, 4},
	{"xyzxyz", 6, "xyz", 3, 1, 5, -1, -1},
	{"abc", 3, "", 0, PTRDIFF_MAX, ZB_NONE, -1, -1},
	{"abc", 3, "", 0, (PTRDIFF_MIN + 1), PTRDIFF_MAX, 0, 3},
	{"abc", 3, "a", 1, (PTRDIFF_MIN + 1), PTRDIFF_MAX, 0, 0},
	{"abc", 3, "c", 1, (PTRDIFF_MIN + 1), ZB_NONE, 2, 2},
	{"abc", 3, "c", 1, ZB_NONE, (PTRDIFF_MIN + 1), -1, -1},
	{"abc", 3, "b", 1, PTRDIFF_MAX, PTRDIFF_MAX, -1, -1},
	{"abc", 3, "", 0, (PTRDIFF_MIN + 1), (PTRDIFF_MIN + 1), 0, 0},
	{"abc", 3, "", 0, ZB_NONE, PTRDIFF_MAX, 0, 3},
};

/* With exact false: a buffer holding guard + hay + guard, where guard is the needle
 * itself, so a search that looks outside the view would find it there.  With exact
 * true: hay and needle each in a block of exactly their size, so the sanitizers or
 * valgrind catch a read past either. */
static void run_case(const struct search_case *k, size_t i, int exact)
{
	unsigned char *hb = NULL, *nb = NULL;
	const void *needle = k->needle;
	size_t g = k->nlen;
	zb_buffer *b = zb_buffer_allocate(k->hlen + 2 * g);
	zb_view v;
	ptrdiff_t r;
	int ok;

	if (b == NULL) {
		CHECK(b != NULL);
		return;
	}
	if (exact) {
		hb = malloc(k->hlen ? k->hlen : 1);
		nb = malloc(k->nlen ? k->nlen : 1);
		if (hb == NULL || nb == NULL) {
			CHECK(!"malloc failed");
			goto out;
		}
		memcpy(hb, k->hay, k->hlen);
		memcpy(nb, k->needle, k->nlen);
		needle = nb;
	}
	if (g)
		zb_buffer_add_bytes(b, k->needle, g);
	if (k->hlen)
		zb_buffer_add_bytes(b, k->hay, k->hlen);
	if (g)
		zb_buffer_add_bytes(b, k->needle, g);
	CHECK_EQ_INT(zb_buffer_view(b, (ptrdiff_t)g, (ptrdiff_t)(g + k->hlen), &v), ZB_OK);
	CHECK_EQ_INT(v.len, k->hlen);
	if (exact && k->hlen)
		v = zb_view_of(hb, k->hlen);

	r = zb_view_find(v, needle, k->nlen, k->start, k->stop);
	if (!check_report_int(r, k->find, __FILE__, __LINE__, "zb_view_find == Python find"))
		fprintf(stderr, "    case %zu\n", i);
	r = zb_view_rfind(v, needle, k->nlen, k->start, k->stop);
	if (!check_report_int(r, k->rfind, __FILE__, __LINE__, "zb_view_rfind == Python rfind"))
		fprintf(stderr, "    case %zu\n", i);
	r = zb_view_index(v, needle, k->nlen, k->start, k->stop);
	if (!check_report_int(r, k->find < 0 ? ZB_ENOTFOUND : k->find, __FILE__, __LINE__,
	                      "zb_view_index == Python index"))
		fprintf(stderr, "    case %zu\n", i);
	r = zb_view_rindex(v, needle, k->nlen, k->start, k->stop);
	if (!check_report_int(r, k->rfind < 0 ? ZB_ENOTFOUND : k->rfind, __FILE__, __LINE__,
	                      "zb_view_rindex == Python rindex"))
		fprintf(stderr, "    case %zu\n", i);
	if (k->start == ZB_NONE && k->stop == ZB_NONE) {
		ok = zb_view_contains(v, needle, k->nlen) == (k->find >= 0);
		if (!check_report(ok, __FILE__, __LINE__, "zb_view_contains == Python in"))
			fprintf(stderr, "    case %zu\n", i);
	}
out:
	zb_buffer_release(b);
	free(hb);
	free(nb);
}

static void test_table(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
	{
		run_case(&cases[i], i, 0);
		run_case(&cases[i], i, 1);
	}
}

static void test_find_byte(void)
{
	zb_view v = zb_view_of("abcab\0c", 7);
	zb_view sub;

	CHECK_EQ_INT(zb_view_find_byte(v, 'c', 0), 2);
	CHECK_EQ_INT(zb_view_find_byte(v, 'c', 2), 2);
	CHECK_EQ_INT(zb_view_find_byte(v, 'c', 3), 6);
	CHECK_EQ_INT(zb_view_find_byte(v, 'c', 7), -1);
	CHECK_EQ_INT(zb_view_find_byte(v, 'c', 100), -1);
	CHECK_EQ_INT(zb_view_find_byte(v, 'z', 0), -1);
	CHECK_EQ_INT(zb_view_find_byte(v, '\0', 0), 5);
	CHECK_EQ_INT(zb_view_find_byte(zb_view_empty(), 'a', 0), -1);
	CHECK_EQ_INT(zb_view_slice(v, 0, 2, &sub), ZB_OK);
	CHECK_EQ_INT(zb_view_find_byte(sub, 'c', 0), -1);
}

/* Worst cases for a naive search: each must take linear time.  Python:
 *   a = b"a" * 2**20;  a.find(b"a"*1000 + b"b") == -1
 *   (a[:-1] + b"b").find(b"a"*1000 + b"b") == 1047575 (and rfind the same)
 *   a.rfind(b"b" + b"a"*1000) == -1;  (b"b" + a[1:]).rfind(b"b" + b"a"*1000) == 0
 *   (a[:-1]+b"b").find(b"a"*1000+b"b", 0, 2**20-1) == -1
 *   (b"b"+a[1:]).rfind(b"b"+b"a"*1000, 1) == -1 */
static void test_adversarial(void)
{
	const size_t size = (size_t)1 << 20;
	const size_t m = 1001;
	zb_buffer *hay = zb_buffer_allocate(size);
	unsigned char *ab = malloc(m);  /* "aaa...ab" */
	unsigned char *ba = malloc(m);  /* "baaa...a" */
	unsigned char *mid = malloc(m); /* "aaa...b...aaa" */
	zb_view v;
	size_t i;

	if (hay == NULL || ab == NULL || ba == NULL || mid == NULL) {
		CHECK(!"setup failed");
		goto out;
	}
	memset(ab, 'a', m);
	ab[m - 1] = 'b';
	memset(ba, 'a', m);
	ba[0] = 'b';
	memset(mid, 'a', m);
	mid[m / 2] = 'b';
	for (i = 0; i < size; i += 4096) {
		static unsigned char as[4096];
		memset(as, 'a', sizeof as);
		zb_buffer_add_bytes(hay, as, sizeof as);
	}
	CHECK_EQ_INT(zb_buffer_writepos(hay), size);
	v = zb_buffer_view_all(hay);

	/* all 'a': nothing found */
	CHECK_EQ_INT(zb_view_find(v, ab, m, ZB_NONE, ZB_NONE), -1);
	CHECK_EQ_INT(zb_view_index(v, ab, m, ZB_NONE, ZB_NONE), ZB_ENOTFOUND);
	CHECK_EQ_INT(zb_view_rfind(v, ab, m, ZB_NONE, ZB_NONE), -1);
	CHECK_EQ_INT(zb_view_rfind(v, ba, m, ZB_NONE, ZB_NONE), -1);
	CHECK_EQ_INT(zb_view_rindex(v, ba, m, ZB_NONE, ZB_NONE), ZB_ENOTFOUND);
	CHECK_EQ_INT(zb_view_find(v, ba, m, ZB_NONE, ZB_NONE), -1);
	CHECK_EQ_INT(zb_view_find(v, mid, m, ZB_NONE, ZB_NONE), -1);
	CHECK_EQ_INT(zb_view_rfind(v, mid, m, ZB_NONE, ZB_NONE), -1);
	CHECK(!zb_view_contains(v, ab, m));
	CHECK(!zb_view_contains(v, ba, m));
	/* the all-'a' needle is everywhere */
	CHECK_EQ_INT(zb_view_find(v, ab, m - 1, ZB_NONE, ZB_NONE), 0);
	CHECK_EQ_INT(zb_view_rfind(v, ab, m - 1, ZB_NONE, ZB_NONE), (ptrdiff_t)(size - (m - 1)));
	zb_buffer_release(hay);

	/* a 'b' at the very end */
	hay = zb_buffer_allocate(size);
	if (hay == NULL) {
		CHECK(hay != NULL);
		goto out;
	}
	for (i = 0; i < size - 1; i += 4096) {
		static unsigned char as[4096];
		size_t n = size - 1 - i < sizeof as ? size - 1 - i : sizeof as;
		memset(as, 'a', sizeof as);
		zb_buffer_add_bytes(hay, as, n);
	}
	zb_buffer_add_bytes(hay, "b", 1);
	CHECK_EQ_INT(zb_buffer_writepos(hay), size);
	v = zb_buffer_view_all(hay);
	CHECK_EQ_INT(zb_view_find(v, ab, m, ZB_NONE, ZB_NONE), 1047575);
	CHECK_EQ_INT(zb_view_index(v, ab, m, ZB_NONE, ZB_NONE), 1047575);
	CHECK_EQ_INT(zb_view_rfind(v, ab, m, ZB_NONE, ZB_NONE), 1047575);
	CHECK_EQ_INT(zb_view_find(v, ab, m, 0, (ptrdiff_t)size - 1), -1);
	CHECK(zb_view_contains(v, ab, m));
	zb_buffer_release(hay);

	/* a 'b' at the very start */
	hay = zb_buffer_allocate(size);
	if (hay == NULL) {
		CHECK(hay != NULL);
		goto out;
	}
	zb_buffer_add_bytes(hay, "b", 1);
	for (i = 1; i < size; i += 4096) {
		static unsigned char as[4096];
		size_t n = size - i < sizeof as ? size - i : sizeof as;
		memset(as, 'a', sizeof as);
		zb_buffer_add_bytes(hay, as, n);
	}
	CHECK_EQ_INT(zb_buffer_writepos(hay), size);
	v = zb_buffer_view_all(hay);
	CHECK_EQ_INT(zb_view_rfind(v, ba, m, ZB_NONE, ZB_NONE), 0);
	CHECK_EQ_INT(zb_view_rindex(v, ba, m, ZB_NONE, ZB_NONE), 0);
	CHECK_EQ_INT(zb_view_find(v, ba, m, ZB_NONE, ZB_NONE), 0);
	CHECK_EQ_INT(zb_view_rfind(v, ba, m, 1, ZB_NONE), -1);
	CHECK_EQ_INT(zb_view_find(v, ab, m, ZB_NONE, ZB_NONE), -1);
out:
	zb_buffer_release(hay);
	free(ab);
	free(ba);
	free(mid);
}

/* ---- naive reference, following CPython's ADJUST_INDICES and find/rfind ---- */
/* NAIVE-BEGIN */
static void naive_adjust(ptrdiff_t len, ptrdiff_t *start, ptrdiff_t *stop)
{
	if (*stop == ZB_NONE || *stop > len) {
		*stop = len;
	} else if (*stop < 0) {
		*stop += len;
		if (*stop < 0)
			*stop = 0;
	}
	if (*start == ZB_NONE) {
		*start = 0;
	} else if (*start < 0) {
		*start += len;
		if (*start < 0)
			*start = 0;
	}
}

static ptrdiff_t naive_find(const unsigned char *h, size_t hl, const unsigned char *n, size_t nl,
                            ptrdiff_t start, ptrdiff_t stop)
{
	ptrdiff_t i;

	naive_adjust((ptrdiff_t)hl, &start, &stop);
	if (stop - start < (ptrdiff_t)nl)
		return -1;
	for (i = start; i + (ptrdiff_t)nl <= stop; i++)
		if (nl == 0 || memcmp(h + i, n, nl) == 0)
			return i;
	return -1;
}

static ptrdiff_t naive_rfind(const unsigned char *h, size_t hl, const unsigned char *n, size_t nl,
                             ptrdiff_t start, ptrdiff_t stop)
{
	ptrdiff_t i;

	naive_adjust((ptrdiff_t)hl, &start, &stop);
	if (stop - start < (ptrdiff_t)nl)
		return -1;
	for (i = stop - (ptrdiff_t)nl; i >= start; i--)
		if (nl == 0 || memcmp(h + i, n, nl) == 0)
			return i;
	return -1;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint32_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 32);
}

static ptrdiff_t rand_index(void)
{
	if (rng() % 6 == 0)
		return ZB_NONE;
	return (ptrdiff_t)(rng() % 101) - 50;
}

/* One random case: hay at mem[50..50+hl), needle, start, stop.  mem is filled with
 * random a/b everywhere so a search past the view's ends would see more matches. */
static void random_case(unsigned char *mem, size_t *hl, unsigned char *needle, size_t *nl,
                        ptrdiff_t *start, ptrdiff_t *stop)
{
	size_t i;

	for (i = 0; i < 140; i++)
		mem[i] = rng() % 2 ? 'a' : 'b';
	*hl = rng() % 41;
	*nl = rng() % 2 ? rng() % 5 : rng() % 41;
	if (*nl <= *hl && rng() % 2) {
		size_t at = rng() % (*hl - *nl + 1);
		memcpy(needle, mem + 50 + at, *nl);
	} else {
		for (i = 0; i < *nl; i++)
			needle[i] = rng() % 2 ? 'a' : 'b';
	}
	*start = rand_index();
	*stop = rand_index();
}
/* NAIVE-END */

/* Each random case is run twice: on the view inside mem (random bytes around it, so a
 * search past the view's ends would see more matches) and on exact-size copies of hay
 * and needle (so a read past either end is caught by the sanitizers or valgrind). */
static int random_agrees(zb_view v, const unsigned char *needle, size_t nl, ptrdiff_t start,
                         ptrdiff_t stop)
{
	ptrdiff_t want, got;
	int ok;

	want = naive_find(v.data, v.len, needle, nl, start, stop);
	got = zb_view_find(v, needle, nl, start, stop);
	ok = got == want;
	got = zb_view_index(v, needle, nl, start, stop);
	ok = ok && got == (want < 0 ? ZB_ENOTFOUND : want);
	want = naive_rfind(v.data, v.len, needle, nl, start, stop);
	got = zb_view_rfind(v, needle, nl, start, stop);
	ok = ok && got == want;
	got = zb_view_rindex(v, needle, nl, start, stop);
	ok = ok && got == (want < 0 ? ZB_ENOTFOUND : want);
	if (start == ZB_NONE && stop == ZB_NONE)
		ok = ok && zb_view_contains(v, needle, nl) ==
		                   (naive_find(v.data, v.len, needle, nl, 0, ZB_NONE) >= 0);
	return ok;
}

static void test_random(void)
{
	unsigned char mem[140];
	unsigned char needle[41];
	size_t hl, nl;
	ptrdiff_t start, stop;
	int k, reported = 0;
	long bad = 0;

	for (k = 0; k < 4000; k++) {
		zb_view v;
		unsigned char *hc, *nc;
		int ok;

		random_case(mem, &hl, needle, &nl, &start, &stop);
		v = zb_view_of(mem + 50, hl);
		ok = random_agrees(v, needle, nl, start, stop);
		hc = malloc(hl ? hl : 1);
		nc = malloc(nl ? nl : 1);
		if (hc != NULL && nc != NULL) {
			memcpy(hc, mem + 50, hl);
			memcpy(nc, needle, nl);
			ok = random_agrees(zb_view_of(hc, hl), nc, nl, start, stop) && ok;
		} else {
			ok = 0;
		}
		free(hc);
		free(nc);
		if (!ok) {
			bad++;
			if (reported++ < 10) {
				fprintf(stderr, "random search mismatch: hay \"%.*s\" needle \"%.*s\" "
				        "start %td stop %td: find %td (want %td) rfind %td (want %td)\n",
				        (int)hl, (const char *)mem + 50, (int)nl, (const char *)needle,
				        start, stop, zb_view_find(v, needle, nl, start, stop),
				        naive_find(mem + 50, hl, needle, nl, start, stop),
				        zb_view_rfind(v, needle, nl, start, stop),
				        naive_rfind(mem + 50, hl, needle, nl, start, stop));
			}
		}
	}
	if (!check_report(bad == 0, __FILE__, __LINE__, "random find/rfind/index/rindex agree"))
		fprintf(stderr, "    %ld of 4000 cases differ\n", bad);
}

/* Longer, periodic haystacks and needles (lengths up to 300 and 120) built from a
 * short random pattern with a few random changes, so that near-misses are common;
 * checked against the same naive reference. */
static void test_random_long(void)
{
	static unsigned char hay[300];
	static unsigned char needle[120];
	int k, reported = 0;
	long bad = 0;

	for (k = 0; k < 1500; k++) {
		size_t hl = rng() % 301, nl, i, plen = 1 + rng() % 6;
		unsigned char pat[6];
		ptrdiff_t start, stop;
		zb_view v;

		for (i = 0; i < plen; i++)
			pat[i] = rng() % 2 ? 'a' : 'b';
		for (i = 0; i < hl; i++)
			hay[i] = pat[i % plen];
		for (i = rng() % 4; i > 0 && hl > 0; i--)
			hay[rng() % hl] = rng() % 2 ? 'a' : 'b';
		nl = rng() % 121;
		if (nl <= hl && rng() % 4) {
			memcpy(needle, hay + rng() % (hl - nl + 1), nl);
			if (nl > 0 && rng() % 2)
				needle[rng() % nl] ^= 'a' ^ 'b';
		} else {
			for (i = 0; i < nl; i++)
				needle[i] = pat[i % plen];
		}
		start = rng() % 4 ? 0 : (ptrdiff_t)(rng() % 321) - 160;
		stop = rng() % 3 ? ZB_NONE : (ptrdiff_t)(rng() % 321) - 160;
		v = zb_view_of(hay, hl);
		if (zb_view_find(v, needle, nl, start, stop) !=
		            naive_find(hay, hl, needle, nl, start, stop) ||
		    zb_view_rfind(v, needle, nl, start, stop) !=
		            naive_rfind(hay, hl, needle, nl, start, stop)) {
			bad++;
			if (reported++ < 5)
				fprintf(stderr, "long search mismatch: hay \"%.*s\" needle \"%.*s\" "
				        "start %td stop %td: find %td (want %td) rfind %td (want %td)\n",
				        (int)hl, (const char *)hay, (int)nl, (const char *)needle,
				        start, stop, zb_view_find(v, needle, nl, start, stop),
				        naive_find(hay, hl, needle, nl, start, stop),
				        zb_view_rfind(v, needle, nl, start, stop),
				        naive_rfind(hay, hl, needle, nl, start, stop));
		}
	}
	if (!check_report(bad == 0, __FILE__, __LINE__, "long random find/rfind agree"))
		fprintf(stderr, "    %ld of 1500 cases differ\n", bad);
}

/* The needle at every offset of a 100-byte haystack, after a near miss that shares
 * its first and last bytes ("aXXXe" before "abcde"): found where it is put, in the
 * 16-byte steps of a vector search and in the bytes after the last full step. */
static void test_every_offset(void)
{
	unsigned char hay[100];
	size_t at, wrong = 0;

	for (at = 0; at + 5 <= sizeof hay; at++) {
		memset(hay, 'x', sizeof hay);
		if (at >= 6)
			memcpy(hay + at - 6, "aXXXe", 5);
		memcpy(hay + at, "abcde", 5);
		wrong += zb_view_find(zb_view_of(hay, sizeof hay), "abcde", 5, ZB_NONE, ZB_NONE) !=
		         (ptrdiff_t)at;
		wrong += zb_view_find(zb_view_of(hay, sizeof hay), "ae", 2, ZB_NONE, ZB_NONE) != -1;
		wrong += zb_view_find(zb_view_of(hay, sizeof hay), "abcde", 5, (ptrdiff_t)at + 1,
		                      ZB_NONE) != -1;
	}
	CHECK_EQ_INT(wrong, 0);
}

void test_search(void)
{
	test_every_offset();
	test_table();
	test_find_byte();
	test_adversarial();
	test_random();
	test_random_long();
}
