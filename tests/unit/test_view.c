/* test_view.c - zb_view: copy-out, len, eq, contains, slice, at, add, strip, is*, write_to. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

/* A view of a string literal's bytes (without the final NUL). */
#define LIT(s) zb_view_of((s), sizeof(s) - 1)

static void test_empty_and_of(void)
{
	zb_view e = zb_view_empty();
	zb_view v = LIT("abc");
	const char *abc = "abc";
	zb_view z = zb_view_of(abc, 0);
	zb_view nul = zb_view_of(NULL, 0);

	CHECK_EQ_INT(zb_view_len(e), 0);
	CHECK(e.owner == NULL);
	CHECK(e.data != NULL);
	CHECK_EQ_INT(zb_view_len(v), 3);
	CHECK_VIEW(v, "abc");
	CHECK_PTR_EQ(v.owner, v.data);
	/* an empty view of caller memory keeps its position */
	CHECK_EQ_INT(zb_view_len(z), 0);
	CHECK_PTR_EQ(z.data, abc);
	CHECK_PTR_EQ(z.owner, abc);
	/* NULL gives the empty view */
	CHECK_EQ_INT(zb_view_len(nul), 0);
	CHECK(nul.owner == NULL);
	CHECK(nul.data != NULL);
	CHECK_EQ_INT(zb_view_len(LIT("a\0b")), 3);
}

static void test_copy_out(void)
{
	zb_view v = LIT("hello");
	zb_view nul = LIT("\0\x80\xff");
	unsigned char dst[8];
	unsigned char *p;

	memset(dst, '#', sizeof dst);
	CHECK_EQ_INT(zb_view_copy_to(v, dst, 3), 3);
	CHECK(memcmp(dst, "hel#####", 8) == 0);
	memset(dst, '#', sizeof dst);
	CHECK_EQ_INT(zb_view_copy_to(v, dst, 0), 0);
	CHECK(memcmp(dst, "########", 8) == 0);
	CHECK_EQ_INT(zb_view_copy_to(v, dst, 5), 5);
	CHECK(memcmp(dst, "hello###", 8) == 0);
	memset(dst, '#', sizeof dst);
	CHECK_EQ_INT(zb_view_copy_to(v, dst, sizeof dst), 5);
	CHECK(memcmp(dst, "hello###", 8) == 0);
	memset(dst, '#', sizeof dst);
	CHECK_EQ_INT(zb_view_copy_to(zb_view_empty(), dst, sizeof dst), 0);
	CHECK(memcmp(dst, "########", 8) == 0);
	CHECK_EQ_INT(zb_view_copy_to(nul, dst, sizeof dst), 3);
	CHECK(memcmp(dst, "\0\x80\xff#####", 8) == 0);

	p = zb_view_bytes(v);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK(memcmp(p, "hello", 5) == 0);
		CHECK(p != v.data);
		free(p);
	}
	p = zb_view_bytes(nul);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK(memcmp(p, "\0\x80\xff", 3) == 0);
		free(p);
	}
	/* an empty view still gives a valid, freeable pointer */
	p = zb_view_bytes(zb_view_empty());
	CHECK(p != NULL);
	free(p);
	p = zb_view_bytes(zb_view_of("x", 0));
	CHECK(p != NULL);
	free(p);
}

static void test_eq_contains(void)
{
	char other[] = "abc";
	zb_view v = LIT("abc");
	zb_view w = zb_view_of(other, 3);
	zb_view sub;

	/* owners do not matter */
	CHECK(zb_view_eq(v, w));
	CHECK(zb_view_eq(w, v));
	CHECK(!zb_view_eq(v, LIT("ab")));
	CHECK(!zb_view_eq(LIT("ab"), v));
	CHECK(!zb_view_eq(v, LIT("abd")));
	CHECK(!zb_view_eq(LIT("a\0b"), LIT("a\0c")));
	CHECK(zb_view_eq(LIT("a\0b"), LIT("a\0b")));
	CHECK(!zb_view_eq(LIT("a\0b"), LIT("a")));
	CHECK(zb_view_eq(zb_view_empty(), zb_view_of("x", 0)));
	CHECK(!zb_view_eq(zb_view_empty(), v));
	CHECK(!zb_view_eq(v, zb_view_empty()));
	CHECK(zb_view_eq(LIT("\x80\xff"), LIT("\x80\xff")));
	CHECK(!zb_view_eq(LIT("\x80"), LIT("\x7f")));

	CHECK(zb_view_eq_bytes(v, "abc", 3));
	CHECK(!zb_view_eq_bytes(v, "abcd", 4));
	CHECK(!zb_view_eq_bytes(v, "ab", 2));
	CHECK(!zb_view_eq_bytes(v, "abd", 3));
	CHECK(!zb_view_eq_bytes(v, "", 0));
	CHECK(zb_view_eq_bytes(zb_view_empty(), "", 0));
	CHECK(!zb_view_eq_bytes(zb_view_empty(), "a", 1));
	CHECK(zb_view_eq_bytes(LIT("a\0b"), "a\0b", 3));
	CHECK(!zb_view_eq_bytes(LIT("a\0b"), "a\0c", 3));
	CHECK(!zb_view_eq_bytes(LIT("a\0b"), "a", 1));

	/* __contains__ (Python: b"" in b"" ... b"ac" in b"abc") */
	CHECK(zb_view_contains(zb_view_empty(), "", 0));
	CHECK(zb_view_contains(v, "", 0));
	CHECK(!zb_view_contains(v, "abcd", 4));
	CHECK(zb_view_contains(v, "bc", 2));
	CHECK(zb_view_contains(v, "abc", 3));
	CHECK(zb_view_contains(v, "a", 1));
	CHECK(zb_view_contains(v, "c", 1));
	CHECK(!zb_view_contains(v, "ac", 2));
	CHECK(!zb_view_contains(zb_view_empty(), "a", 1));
	CHECK(zb_view_contains(LIT("a\0"), "\0", 1));
	CHECK(zb_view_contains(LIT("a\0\xff\x80"), "\xff\x80", 2));
	CHECK(!zb_view_contains(LIT("a\0\xff\x80"), "\x80\xff", 2));
	/* a sub-view does not see past its ends */
	CHECK_EQ_INT(zb_view_slice(LIT("xxabcxx"), 2, 5, &sub), ZB_OK);
	CHECK_VIEW(sub, "abc");
	CHECK(!zb_view_contains(sub, "cx", 2));
	CHECK(!zb_view_contains(sub, "xa", 2));
	CHECK(!zb_view_contains(sub, "x", 1));
}

/* eq_bytes compares up to 16 bytes by loads from both ends: every length to 40,
 * equal, and unequal with one byte changed at each position (against memcmp). */
static void test_eq_lengths(void)
{
	unsigned char a[48], b[48];
	size_t n, i;

	for (i = 0; i < sizeof a; i++)
		a[i] = b[i] = (unsigned char)(i * 37 + 5);
	for (n = 0; n <= 40; n++) {
		CHECK(zb_view_eq_bytes(zb_view_of(a + 3, n), b + 3, n));
		for (i = 0; i < n; i++) {
			b[3 + i] ^= 0x40;
			CHECK(!zb_view_eq_bytes(zb_view_of(a + 3, n), b + 3, n));
			CHECK((memcmp(a + 3, b + 3, n) == 0) == zb_view_eq_bytes(zb_view_of(a + 3, n), b + 3, n));
			b[3 + i] ^= 0x40;
		}
		/* the bytes around the compared ones do not matter */
		b[2] ^= 1, b[3 + n] ^= 1;
		CHECK(zb_view_eq_bytes(zb_view_of(a + 3, n), b + 3, n));
		b[2] ^= 1, b[3 + n] ^= 1;
	}
}

static void test_slice(void)
{
	const char *s = "hello";
	zb_view v = zb_view_of(s, 5);
	zb_view out;
	zb_view e;

	/* values from Python: slice(a, b).indices(5) and b"hello"[a:b] */
	CHECK_EQ_INT(zb_view_slice(v, ZB_NONE, ZB_NONE, &out), ZB_OK);
	CHECK_VIEW(out, "hello");
	CHECK_PTR_EQ(out.data, s);
	CHECK_PTR_EQ(out.owner, v.owner);
	CHECK_EQ_INT(zb_view_slice(v, 1, 3, &out), ZB_OK);
	CHECK_VIEW(out, "el");
	CHECK_PTR_EQ(out.data, s + 1);
	CHECK_PTR_EQ(out.owner, v.owner);
	CHECK_EQ_INT(zb_view_slice(v, -2, ZB_NONE, &out), ZB_OK);
	CHECK_VIEW(out, "lo");
	CHECK_PTR_EQ(out.data, s + 3);
	CHECK_EQ_INT(zb_view_slice(v, ZB_NONE, -2, &out), ZB_OK);
	CHECK_VIEW(out, "hel");
	CHECK_PTR_EQ(out.data, s);
	CHECK_EQ_INT(zb_view_slice(v, 0, 5, &out), ZB_OK);
	CHECK_VIEW(out, "hello");
	CHECK_EQ_INT(zb_view_slice(v, -100, 2, &out), ZB_OK);
	CHECK_VIEW(out, "he");
	CHECK_EQ_INT(zb_view_slice(v, 2, 100, &out), ZB_OK);
	CHECK_VIEW(out, "llo");
	CHECK_PTR_EQ(out.data, s + 2);
	CHECK_EQ_INT(zb_view_slice(v, -100, 100, &out), ZB_OK);
	CHECK_VIEW(out, "hello");
	CHECK_EQ_INT(zb_view_slice(v, -5, -4, &out), ZB_OK);
	CHECK_VIEW(out, "h");
	CHECK_EQ_INT(zb_view_slice(v, PTRDIFF_MIN + 1, PTRDIFF_MAX, &out), ZB_OK);
	CHECK_VIEW(out, "hello");
	/* empty results */
	/* empty results keep their (clamped) position */
	CHECK_EQ_INT(zb_view_slice(v, 5, 5, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s + 5);
	CHECK_EQ_INT(zb_view_slice(v, 10, 20, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s + 5);
	CHECK_EQ_INT(zb_view_slice(v, 4, -1, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s + 4);
	CHECK_EQ_INT(zb_view_slice(v, 2, 2, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s + 2);
	CHECK_EQ_INT(zb_view_slice(v, PTRDIFF_MAX, ZB_NONE, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s + 5);
	CHECK_EQ_INT(zb_view_slice(v, -100, -100, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s);
	/* backward slices after clamping: ValueError */
	CHECK_EQ_INT(zb_view_slice(v, 3, 2, &out), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_slice(v, -1, -2, &out), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_slice(v, 4, 1, &out), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_slice(v, 5, 0, &out), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_slice(v, 100, -100, &out), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_slice(v, ZB_NONE, -100, &out), ZB_OK); /* 0:0 */
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s);
	CHECK_EQ_INT(zb_view_slice(v, 100, ZB_NONE, &out), ZB_OK);  /* 5:5 */
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, s + 5);

	/* slices of the empty view */
	e = zb_view_empty();
	CHECK_EQ_INT(zb_view_slice(e, ZB_NONE, ZB_NONE, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_EQ_INT(zb_view_slice(e, -3, 7, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_EQ_INT(zb_view_slice(e, 0, 0, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);

	/* a slice of a slice */
	CHECK_EQ_INT(zb_view_slice(v, 1, 4, &out), ZB_OK);
	CHECK_EQ_INT(zb_view_slice(out, 1, ZB_NONE, &out), ZB_OK);
	CHECK_VIEW(out, "ll");
	CHECK_PTR_EQ(out.data, s + 2);
	CHECK_PTR_EQ(out.owner, v.owner);
}

static void test_at(void)
{
	zb_view v = LIT("h\0\xffo\x80");

	/* Python: [b"h\x00\xffo\x80"[i] for i in (0,1,2,-1,-5,4)] */
	CHECK_EQ_INT(zb_view_at(v, 0), 104);
	CHECK_EQ_INT(zb_view_at(v, 1), 0);
	CHECK_EQ_INT(zb_view_at(v, 2), 255);
	CHECK_EQ_INT(zb_view_at(v, 3), 'o');
	CHECK_EQ_INT(zb_view_at(v, -1), 128);
	CHECK_EQ_INT(zb_view_at(v, -5), 104);
	CHECK_EQ_INT(zb_view_at(v, 4), 128);
	CHECK_EQ_INT(zb_view_at(v, 5), ZB_ERANGE);
	CHECK_EQ_INT(zb_view_at(v, 6), ZB_ERANGE);
	CHECK_EQ_INT(zb_view_at(v, -6), ZB_ERANGE);
	CHECK_EQ_INT(zb_view_at(v, PTRDIFF_MAX), ZB_ERANGE);
	CHECK_EQ_INT(zb_view_at(v, PTRDIFF_MIN), ZB_ERANGE);
	CHECK_EQ_INT(zb_view_at(zb_view_empty(), 0), ZB_ERANGE);
	CHECK_EQ_INT(zb_view_at(zb_view_empty(), -1), ZB_ERANGE);
}

static void test_add(void)
{
	zb_buffer *b = zb_buffer_allocate(16);
	zb_buffer *b2 = zb_buffer_allocate(16);
	unsigned char dummy;
	unsigned char *st;
	zb_view a, c, out, x;
	static const char arr[] = "abcdefgh";

	if (b == NULL || b2 == NULL) {
		CHECK(!"setup failed");
		zb_buffer_release(b);
		zb_buffer_release(b2);
		return;
	}
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "abcdef", 6), 6);
	CHECK_EQ_INT(zb_buffer_add_bytes(b2, "XYZ", 3), 3);

	/* contiguous in one buffer: no copy */
	CHECK_EQ_INT(zb_buffer_view(b, 0, 3, &a), ZB_OK);
	CHECK_EQ_INT(zb_buffer_view(b, 3, 6, &c), ZB_OK);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(a, c, &out, &st), ZB_OK);
	CHECK(st == NULL);
	CHECK_VIEW(out, "abcdef");
	CHECK_PTR_EQ(out.data, a.data);
	CHECK_PTR_EQ(out.owner, b);
	if (st != NULL && st != &dummy)
		free(st);

	/* contiguous sub-slices of one view: no copy */
	CHECK_EQ_INT(zb_view_slice(zb_buffer_view_all(b), 1, 2, &a), ZB_OK);
	CHECK_EQ_INT(zb_view_slice(zb_buffer_view_all(b), 2, 5, &c), ZB_OK);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(a, c, &out, &st), ZB_OK);
	CHECK(st == NULL);
	CHECK_VIEW(out, "bcde");
	CHECK_PTR_EQ(out.data, b->data + 1);
	if (st != NULL && st != &dummy)
		free(st);

	/* same buffer, not contiguous: copied */
	CHECK_EQ_INT(zb_buffer_view(b, 0, 2, &a), ZB_OK);
	CHECK_EQ_INT(zb_buffer_view(b, 3, 5, &c), ZB_OK);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(a, c, &out, &st), ZB_OK);
	CHECK(st != NULL && st != &dummy);
	CHECK_VIEW(out, "abde");
	CHECK_PTR_EQ(out.data, st);
	CHECK(out.data < b->data || out.data >= b->data + 16);
	if (st != NULL && st != &dummy)
		free(st);

	/* contiguous but in the wrong order: copied */
	CHECK_EQ_INT(zb_buffer_view(b, 3, 6, &a), ZB_OK);
	CHECK_EQ_INT(zb_buffer_view(b, 0, 3, &c), ZB_OK);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(a, c, &out, &st), ZB_OK);
	CHECK(st != NULL && st != &dummy);
	CHECK_VIEW(out, "defabc");
	if (st != NULL && st != &dummy)
		free(st);

	/* two buffers: copied */
	CHECK_EQ_INT(zb_buffer_view(b, 4, 6, &a), ZB_OK);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(a, zb_buffer_view_all(b2), &out, &st), ZB_OK);
	CHECK(st != NULL && st != &dummy);
	CHECK_VIEW(out, "efXYZ");
	if (st != NULL && st != &dummy)
		free(st);

	/* adjacent in memory but with different owners: must be copied */
	a = zb_view_of(arr, 4);
	c = zb_view_of(arr + 4, 4);
	CHECK(a.data + a.len == c.data);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(a, c, &out, &st), ZB_OK);
	CHECK(st != NULL && st != &dummy);
	CHECK_VIEW(out, "abcdefgh");
	CHECK(out.data != (const unsigned char *)arr);
	if (st != NULL && st != &dummy)
		free(st);

	/* either empty: the other, no copy */
	x = LIT("q\0r");
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(zb_view_empty(), x, &out, &st), ZB_OK);
	CHECK(st == NULL);
	CHECK_VIEW(out, "q\0r");
	CHECK_PTR_EQ(out.data, x.data);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(x, zb_view_empty(), &out, &st), ZB_OK);
	CHECK(st == NULL);
	CHECK_VIEW(out, "q\0r");
	CHECK_PTR_EQ(out.data, x.data);
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(zb_view_empty(), zb_view_empty(), &out, &st), ZB_OK);
	CHECK(st == NULL);
	CHECK_EQ_INT(out.len, 0);
	/* the copy result keeps high and NUL bytes */
	st = &dummy;
	CHECK_EQ_INT(zb_view_add(x, LIT("\xff\x80"), &out, &st), ZB_OK);
	CHECK(st != NULL && st != &dummy);
	CHECK_VIEW(out, "q\0r\xff\x80");
	if (st != NULL && st != &dummy)
		free(st);

	zb_buffer_release(b);
	zb_buffer_release(b2);
}

static void test_strip(void)
{
	const char *ws = " \t\n\r\v\fab \v\f";
	zb_view v = zb_view_of(ws, strlen(ws));
	zb_view out;

	/* Python: b" \t\n\r\x0b\x0cab \x0b\x0c".strip() etc. */
	out = zb_view_strip(v, NULL, 0);
	CHECK_VIEW(out, "ab");
	CHECK_PTR_EQ(out.data, ws + 6);
	CHECK_PTR_EQ(out.owner, v.owner);
	out = zb_view_lstrip(v, NULL, 0);
	CHECK_VIEW(out, "ab \v\f");
	CHECK_PTR_EQ(out.data, ws + 6);
	out = zb_view_rstrip(v, NULL, 0);
	CHECK_VIEW(out, " \t\n\r\v\fab");
	CHECK_PTR_EQ(out.data, ws);
	/* only ASCII whitespace: b"\x1cab\x85\xa0".strip() is unchanged */
	CHECK_VIEW(zb_view_strip(LIT("\x1c" "ab\x85\xa0"), NULL, 0), "\x1c" "ab\x85\xa0");
	CHECK_VIEW(zb_view_strip(LIT("\0ab\0"), NULL, 0), "\0ab\0");
	/* all stripped, and empty */
	CHECK_EQ_INT(zb_view_strip(LIT("   "), NULL, 0).len, 0);
	{
		/* an empty result keeps its position: after the run for lstrip,
		 * before it for rstrip */
		const char *sp = " \t ";
		zb_view w = zb_view_of(sp, 3);
		out = zb_view_lstrip(w, NULL, 0);
		CHECK_EQ_INT(out.len, 0);
		CHECK_PTR_EQ(out.data, sp + 3);
		out = zb_view_rstrip(w, NULL, 0);
		CHECK_EQ_INT(out.len, 0);
		CHECK_PTR_EQ(out.data, sp);
	}
	CHECK_EQ_INT(zb_view_strip(zb_view_empty(), NULL, 0).len, 0);
	CHECK_EQ_INT(zb_view_lstrip(zb_view_empty(), "x", 1).len, 0);
	CHECK_EQ_INT(zb_view_rstrip(zb_view_empty(), "", 0).len, 0);
	CHECK_VIEW(zb_view_strip(LIT("ab"), NULL, 0), "ab");

	/* a given set */
	CHECK_VIEW(zb_view_strip(LIT("xyabyx"), "xy", 2), "ab");
	CHECK_VIEW(zb_view_lstrip(LIT("xyabyx"), "xy", 2), "abyx");
	CHECK_VIEW(zb_view_rstrip(LIT("xyabyx"), "xy", 2), "xyab");
	CHECK_VIEW(zb_view_strip(LIT(" ab "), "x", 1), " ab ");
	CHECK_EQ_INT(zb_view_strip(LIT("xxx"), "x", 1).len, 0);
	CHECK_EQ_INT(zb_view_lstrip(LIT("xxx"), "x", 1).len, 0);
	CHECK_EQ_INT(zb_view_rstrip(LIT("xxx"), "x", 1).len, 0);
	/* an empty set strips nothing (not whitespace) */
	CHECK_VIEW(zb_view_strip(LIT(" ab "), "", 0), " ab ");
	CHECK_VIEW(zb_view_lstrip(LIT(" ab "), "", 0), " ab ");
	CHECK_VIEW(zb_view_rstrip(LIT(" ab "), "", 0), " ab ");
	CHECK_VIEW(zb_view_strip(LIT(" ab "), " ", 0), " ab ");
	/* a set holding NUL and high bytes: b"\x00a\x00b\xff".strip(b"\x00\xff") */
	CHECK_VIEW(zb_view_strip(LIT("\0ab\0"), "\0", 1), "ab");
	CHECK_VIEW(zb_view_strip(LIT("\0a\0b\xff"), "\0\xff", 2), "a\0b");
	CHECK_VIEW(zb_view_lstrip(LIT("\0a\0b\xff"), "\0\xff", 2), "a\0b\xff");
	CHECK_VIEW(zb_view_rstrip(LIT("\0a\0b\xff"), "\0\xff", 2), "\0a\0b");
	/* the set is only n bytes long: the NUL after "x" is not in it */
	CHECK_VIEW(zb_view_strip(LIT("\0xa\0"), "x", 1), "\0xa\0");
}

struct cls_case {
	const char *s;
	size_t n;
	bool space, digit, alpha;
};

static void test_classes(void)
{
	/* Python: t.isspace(), t.isdigit(), t.isalpha() */
	static const struct cls_case cases[] = {
		{"", 0, false, false, false},
		{" ", 1, true, false, false},
		{" \t\n\r\v\f", 6, true, false, false},
		{"a", 1, false, false, true},
		{"\xa0", 1, false, false, false},
		{"\x85", 1, false, false, false},
		{"\x1c", 1, false, false, false},
		{"12", 2, false, true, false},
		{"1a", 2, false, false, false},
		{"\xb2", 1, false, false, false},
		{"0123456789", 10, false, true, false},
		{"abcXYZ", 6, false, false, true},
		{"ab1", 3, false, false, false},
		{"\xe9", 1, false, false, false},
		{"\xc0", 1, false, false, false},
		{"a b", 3, false, false, false},
		{"\0", 1, false, false, false},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		zb_view v = zb_view_of(cases[i].s, cases[i].n);
		if (!check_report(zb_view_isspace(v) == cases[i].space, __FILE__, __LINE__,
		                  "zb_view_isspace(v) == cases[i].space"))
			fprintf(stderr, "    case %zu\n", i);
		if (!check_report(zb_view_isdigit(v) == cases[i].digit, __FILE__, __LINE__,
		                  "zb_view_isdigit(v) == cases[i].digit"))
			fprintf(stderr, "    case %zu\n", i);
		if (!check_report(zb_view_isalpha(v) == cases[i].alpha, __FILE__, __LINE__,
		                  "zb_view_isalpha(v) == cases[i].alpha"))
			fprintf(stderr, "    case %zu\n", i);
	}
	/* the class is decided on the view's bytes only */
	{
		zb_view sub;
		CHECK_EQ_INT(zb_view_slice(LIT("x123y"), 1, 4, &sub), ZB_OK);
		CHECK(zb_view_isdigit(sub));
		CHECK_EQ_INT(zb_view_slice(LIT("1 \t2"), 1, 3, &sub), ZB_OK);
		CHECK(zb_view_isspace(sub));
	}
}

static void test_write_to(void)
{
	int fds[2];
	unsigned char got[32];
	zb_view v = LIT("hello\0\xff");
	zb_view sub;
	ssize_t r;
	int fd;

	errno = 0;
	CHECK_EQ_INT(zb_view_write_to(v, -1), ZB_EOS);
	CHECK_EQ_INT(errno, EBADF);

	fd = open("/dev/null", O_RDONLY);
	CHECK(fd >= 0);
	if (fd >= 0) {
		errno = 0;
		CHECK_EQ_INT(zb_view_write_to(v, fd), ZB_EOS);
		CHECK_EQ_INT(errno, EBADF);
		close(fd);
	}

	if (pipe(fds) != 0) {
		CHECK(!"pipe failed");
		return;
	}
	CHECK_EQ_INT(zb_view_write_to(v, fds[1]), 7);
	r = read(fds[0], got, sizeof got);
	CHECK_EQ_INT(r, 7);
	CHECK(r == 7 && memcmp(got, "hello\0\xff", 7) == 0);
	/* only the view's bytes */
	CHECK_EQ_INT(zb_view_slice(v, 1, 3, &sub), ZB_OK);
	CHECK_EQ_INT(zb_view_write_to(sub, fds[1]), 2);
	/* an empty view writes nothing */
	CHECK_EQ_INT(zb_view_write_to(zb_view_empty(), fds[1]), 0);
	CHECK_EQ_INT(zb_view_write_to(LIT("!"), fds[1]), 1);
	close(fds[1]);
	r = read(fds[0], got, sizeof got);
	CHECK_EQ_INT(r, 3);
	CHECK(r == 3 && memcmp(got, "el!", 3) == 0);
	CHECK_EQ_INT(read(fds[0], got, sizeof got), 0);
	close(fds[0]);
}

/* A write that does not fit: a 1 MiB view into a non-blocking pipe writes only part
 * of it; once the pipe is full, the next write fails with EAGAIN (OSError). */
static void test_write_partial(void)
{
	const size_t size = (size_t)1 << 20;
	unsigned char *big = malloc(size);
	int fds[2];
	ptrdiff_t w;

	if (big == NULL || pipe(fds) != 0) {
		CHECK(!"setup failed");
		free(big);
		return;
	}
	memset(big, 'z', size);
	CHECK(fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK) == 0);
	w = zb_view_write_to(zb_view_of(big, size), fds[1]);
	CHECK(w > 0 && (size_t)w < size);
	/* fill whatever room is left, then the pipe is full */
	while (w > 0)
		w = zb_view_write_to(zb_view_of(big, size), fds[1]);
	CHECK_EQ_INT(w, ZB_EOS);
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
	close(fds[0]);
	close(fds[1]);
	free(big);
}

static void test_strerror(void)
{
	int codes[] = {ZB_OK, ZB_EOF, ZB_FULL, ZB_EINVAL, ZB_ENOTFOUND, ZB_ERANGE, ZB_EOS,
	               ZB_ENOMEM};
	size_t i;

	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const char *s = zb_strerror(codes[i]);
		if (!check_report(s != NULL && s[0] != '\0', __FILE__, __LINE__,
		                  "zb_strerror(code) is a non-empty string"))
			fprintf(stderr, "    code %d\n", codes[i]);
	}
}

/* Prepared sets: the same results as strip with the same bytes, per side. */
static void test_byteset_strip(void)
{
	zb_byteset ws, xy, none;
	zb_view v = LIT(" \t xyhixy \n");

	zb_byteset_init(&ws, NULL, 0);
	zb_byteset_init(&xy, "xy", 2);
	zb_byteset_init(&none, "", 0);
	CHECK(zb_byteset_has(&ws, ' ') && zb_byteset_has(&ws, '\v') && zb_byteset_has(&ws, '\f'));
	CHECK(!zb_byteset_has(&ws, 'x') && !zb_byteset_has(&ws, '\0') && !zb_byteset_has(&ws, 0xA0));
	CHECK(zb_byteset_has(&xy, 'x') && zb_byteset_has(&xy, 'y') && !zb_byteset_has(&xy, ' '));
	CHECK(!zb_byteset_has(&none, ' '));
	/* python3: b" \t xyhixy \n".strip() == b"xyhixy" */
	CHECK_VIEW(zb_view_strip_sets(v, &ws, &ws), "xyhixy");
	CHECK_VIEW(zb_view_strip_sets(v, &ws, NULL), "xyhixy \n");
	CHECK_VIEW(zb_view_strip_sets(v, NULL, &ws), " \t xyhixy");
	CHECK_VIEW(zb_view_strip_sets(v, NULL, NULL), " \t xyhixy \n");
	CHECK_VIEW(zb_view_strip_sets(zb_view_strip_sets(v, &ws, &ws), &xy, &xy), "hi");
	/* different sets per side: b"xyhixy".lstrip(b"x").rstrip(b"y") == b"yhix" */
	zb_byteset_init(&xy, "x", 1);
	zb_byteset_init(&none, "y", 1);
	CHECK_VIEW(zb_view_strip_sets(LIT("xyhixy"), &xy, &none), "yhix");
	/* everything stripped: an empty view at the position where stripping stopped */
	CHECK_EQ_INT(zb_view_strip_sets(LIT("   "), &ws, &ws).len, 0);
	/* a set holding NUL */
	zb_byteset_init(&xy, "\0", 1);
	CHECK_VIEW_N(zb_view_strip_sets(zb_view_of("\0a\0", 3), &xy, &xy), "a", 1);
}

void test_view(void)
{
	test_byteset_strip();
	test_empty_and_of();
	test_copy_out();
	test_eq_contains();
	test_eq_lengths();
	test_slice();
	test_at();
	test_add();
	test_strip();
	test_classes();
	test_write_to();
	test_write_partial();
	test_strerror();
}
