/* test_collator.c - zb_collator: append, len, collapse, own, release. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static zb_buffer *buf_of(const char *s, size_t n)
{
	zb_buffer *b = zb_buffer_allocate(n);
	if (b != NULL && n > 0)
		zb_buffer_add_bytes(b, s, n);
	return b;
}

static zb_view bview(const zb_buffer *b, ptrdiff_t start, ptrdiff_t stop)
{
	zb_view v = zb_view_empty();
	CHECK_EQ_INT(zb_buffer_view(b, start, stop, &v), ZB_OK);
	return v;
}

/* whether v's bytes lie inside b's memory */
static int inside(zb_view v, const zb_buffer *b)
{
	return v.data >= b->data && v.data < b->data + b->capacity;
}

static void test_empty(void)
{
	zb_collator c;
	zb_collator d = ZB_COLLATOR_INIT;
	zb_view out = zb_view_of("x", 1);

	zb_collator_init(&c);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	/* empty views add no bytes */
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_empty()), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_of("abc", 0)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	out = zb_view_of("x", 1);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	zb_collator_release(&c);
	CHECK_EQ_INT(zb_collator_len(&c), 0);

	CHECK_EQ_INT(zb_collator_len(&d), 0);
	out = zb_view_of("x", 1);
	CHECK_EQ_INT(zb_collator_collapse(&d, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	zb_collator_release(&d);
}

/* zero_buffer's collapse of a collator that was given only an empty view returns
 * that view: the same position and owner (its test suite, ported, checks it). */
static void test_lone_empty(void)
{
	static const char text[] = "abcdef";
	zb_collator c = ZB_COLLATOR_INIT;
	zb_view piece, out;

	(void)zb_view_slice(zb_view_of(text, 6), 3, 3, &piece); /* empty, at offset 3 */
	CHECK_EQ_INT(zb_collator_append(&c, piece), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.data, (const unsigned char *)text + 3);
	CHECK_PTR_EQ(out.owner, (const void *)text);
	/* then the collator is empty again: the standard empty view */
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	CHECK_PTR_EQ(out.owner, NULL);
	/* the first of two empty views, and none once bytes come after it */
	(void)zb_view_slice(zb_view_of(text, 6), 1, 1, &piece);
	CHECK_EQ_INT(zb_collator_append(&c, piece), ZB_OK);
	(void)zb_view_slice(zb_view_of(text, 6), 4, 4, &piece);
	CHECK_EQ_INT(zb_collator_append(&c, piece), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_PTR_EQ(out.data, (const unsigned char *)text + 1);
	CHECK_EQ_INT(zb_collator_append(&c, piece), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_of(text, 2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "ab");
	/* own forgets it: its memory may be released next */
	CHECK_EQ_INT(zb_collator_append(&c, piece), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_PTR_EQ(out.owner, NULL);
	zb_collator_release(&c);
}

static void test_single_and_contiguous(void)
{
	zb_buffer *b = buf_of("hello world", 11);
	zb_collator c = ZB_COLLATOR_INIT;
	zb_view out;

	if (b == NULL) {
		CHECK(b != NULL);
		return;
	}
	/* a single piece comes back as it is */
	CHECK_EQ_INT(zb_collator_append(&c, bview(b, 0, 5)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 5);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "hello");
	CHECK_PTR_EQ(out.data, b->data);
	CHECK_PTR_EQ(out.owner, b);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);

	/* a single piece of caller memory */
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_of("\0\xff", 2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "\0\xff");

	/* contiguous pieces of one buffer are merged: no copy */
	CHECK_EQ_INT(zb_collator_append(&c, bview(b, 0, 5)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, bview(b, 5, 6)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_empty()), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, bview(b, 6, 11)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 11);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "hello world");
	CHECK_PTR_EQ(out.data, b->data);
	CHECK_PTR_EQ(out.owner, b);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);

	/* a gap within one buffer: copied, right bytes */
	CHECK_EQ_INT(zb_collator_append(&c, bview(b, 0, 2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, bview(b, 6, 8)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 4);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "hewo");
	CHECK(!inside(out, b));

	/* adjacent memory of different owners is not merged */
	{
		static const char arr[] = "abcdef";
		CHECK_EQ_INT(zb_collator_append(&c, zb_view_of(arr, 3)), ZB_OK);
		CHECK_EQ_INT(zb_collator_append(&c, zb_view_of(arr + 3, 3)), ZB_OK);
		CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
		CHECK_VIEW(out, "abcdef");
		CHECK(out.data != (const unsigned char *)arr);
	}
	zb_collator_release(&c);
	zb_buffer_release(b);
}

static void test_two_buffers(void)
{
	zb_buffer *b1 = buf_of("abc", 3);
	zb_buffer *b2 = buf_of("d\0\xff", 3);
	zb_buffer *b3 = buf_of("ghi", 3);
	zb_collator c;
	zb_view out;

	zb_collator_init(&c);
	if (b1 == NULL || b2 == NULL || b3 == NULL) {
		CHECK(!"setup failed");
		goto out;
	}
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 6);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "abcd\0\xff");
	CHECK(!inside(out, b1));
	CHECK(!inside(out, b2));
	CHECK_EQ_INT(zb_collator_len(&c), 0);

	/* append the result back, then more: extended in place, right bytes */
	CHECK_EQ_INT(zb_collator_append(&c, out), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b3)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 9);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "abcd\0\xffghi");
	CHECK_EQ_INT(zb_collator_append(&c, out), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_of("jk", 2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 14);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "abcd\0\xffghijkabc");

	/* the result appended back alone is returned as it is */
	CHECK_EQ_INT(zb_collator_append(&c, out), ZB_OK);
	{
		const unsigned char *before = out.data;
		CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
		CHECK_VIEW(out, "abcd\0\xffghijkabc");
		CHECK_PTR_EQ(out.data, before);
	}

	/* a result appended back, then more: extended in place */
	CHECK_EQ_INT(zb_collator_append(&c, out), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b3)), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 17);
	{
		const unsigned char *before = out.data;
		CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
		CHECK_VIEW(out, "abcd\0\xffghijkabcghi");
		CHECK_PTR_EQ(out.data, before);
	}
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);

	/* a second collapse right after a copying one is empty */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b3)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "ghiabc");
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
out:
	zb_collator_release(&c);
	zb_buffer_release(b1);
	zb_buffer_release(b2);
	zb_buffer_release(b3);
}

/* Gathers a 1 MiB record one byte at a time, each byte from a different buffer than
 * the one before, appending the collapsed result back each time.  With in-place
 * extension this is linear; re-copying everything each time would be quadratic. */
static void test_gather(void)
{
	const size_t size = (size_t)1 << 20;
	zb_buffer *src[2];
	unsigned char *want = malloc(size);
	zb_collator c = ZB_COLLATOR_INIT;
	zb_view acc = zb_view_empty();
	size_t i;
	int ok = 1;

	src[0] = zb_buffer_allocate(size);
	src[1] = zb_buffer_allocate(size);
	if (src[0] == NULL || src[1] == NULL || want == NULL) {
		CHECK(!"setup failed");
		goto out;
	}
	for (i = 0; i < size; i++) {
		unsigned char x = (unsigned char)(i * 7 + 3), y = (unsigned char)(i * 13 + 5);
		zb_buffer_add_bytes(src[0], &x, 1);
		zb_buffer_add_bytes(src[1], &y, 1);
		want[i] = i % 2 ? y : x;
	}
	for (i = 0; i < size && ok; i++) {
		zb_view one = zb_view_empty();
		if (zb_collator_append(&c, acc) != ZB_OK ||
		    zb_buffer_view(src[i % 2], (ptrdiff_t)i, (ptrdiff_t)i + 1, &one) != ZB_OK ||
		    zb_collator_append(&c, one) != ZB_OK || zb_collator_len(&c) != i + 1 ||
		    zb_collator_collapse(&c, &acc) != ZB_OK || acc.len != i + 1 ||
		    acc.data[i] != want[i])
			ok = 0;
	}
	CHECK(ok);
	CHECK_EQ_INT(acc.len, size);
	CHECK(acc.len == size && memcmp(acc.data, want, size) == 0);
	CHECK(!inside(acc, src[0]));
	CHECK(!inside(acc, src[1]));
	CHECK_EQ_INT(zb_collator_len(&c), 0);
out:
	zb_collator_release(&c);
	zb_buffer_release(src[0]);
	zb_buffer_release(src[1]);
	free(want);
}

/* zb_collator_own: the held bytes are copied in, so their buffers may be reused. */
static void test_own(void)
{
	zb_buffer *b1 = buf_of("abc", 3);
	zb_buffer *b2 = buf_of("def", 3);
	zb_collator c = ZB_COLLATOR_INIT;
	zb_view out;
	char arr[4] = "xyz";

	if (b1 == NULL || b2 == NULL) {
		CHECK(!"setup failed");
		goto out;
	}
	/* nothing held */
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);

	/* two buffers, both reused after own */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 6);
	zb_buffer_reset(b1);
	zb_buffer_reset(b2);
	zb_buffer_add_bytes(b1, "XXX", 3);
	zb_buffer_add_bytes(b2, "YYY", 3);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "abcdef");
	CHECK(!inside(out, b1));
	CHECK(!inside(out, b2));

	/* a single piece, and own called twice */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 3);
	zb_buffer_reset(b1);
	zb_buffer_add_bytes(b1, "ZZZ", 3);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "XXX");
	CHECK(!inside(out, b1));

	/* caller memory changed after own */
	CHECK_EQ_INT(zb_collator_append(&c, zb_view_of(arr, 3)), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	memcpy(arr, "\0\0\0", 3);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "xyz");

	/* a copied result appended back (already in the storage) plus a buffer view */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "ZZZYYY");
	CHECK_EQ_INT(zb_collator_append(&c, out), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	CHECK_EQ_INT(zb_collator_len(&c), 9);
	zb_buffer_reset(b1);
	zb_buffer_add_bytes(b1, "WWW", 3);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "ZZZYYYZZZ");

	/* own, then reuse both buffers before the collapse */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
	zb_buffer_reset(b1);
	zb_buffer_reset(b2);
	zb_buffer_add_bytes(b1, "VVV", 3);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "WWWYYY");
	CHECK_EQ_INT(zb_collator_len(&c), 0);

	/* one small buffer reused for every chunk of a record */
	{
		static const char rec[] = "the quick brown fox jumps over the lazy dog";
		size_t n = sizeof rec - 1, i;
		zb_buffer *small = zb_buffer_allocate(4);
		CHECK(small != NULL);
		if (small != NULL) {
			for (i = 0; i < n; i += 4) {
				zb_buffer_reset(small);
				zb_buffer_add_bytes(small, rec + i, n - i < 4 ? n - i : 4);
				CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(small)), ZB_OK);
				CHECK_EQ_INT(zb_collator_own(&c), ZB_OK);
			}
			zb_buffer_reset(small);
			zb_buffer_add_bytes(small, "####", 4);
			CHECK_EQ_INT(zb_collator_len(&c), n);
			CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
			CHECK_VIEW(out, "the quick brown fox jumps over the lazy dog");
			zb_buffer_release(small);
		}
	}
out:
	zb_collator_release(&c);
	zb_buffer_release(b1);
	zb_buffer_release(b2);
}

/* A model-based check: random appends (slices of three buffers and of caller memory,
 * often contiguous with the previous one, sometimes the last result appended back),
 * collapse and own, compared with a plain byte queue. */
static uint64_t mstate = 0x2545f4914f6cdd1du;

static uint32_t mrand(void)
{
	mstate ^= mstate << 13;
	mstate ^= mstate >> 7;
	mstate ^= mstate << 17;
	return (uint32_t)(mstate >> 32);
}

static void test_model(void)
{
	enum { SRC = 4096, QCAP = 1 << 16 };
	zb_buffer *src[3] = {NULL, NULL, NULL};
	static unsigned char mem[256];
	static unsigned char queue[QCAP]; /* the model: bytes held, queue[qh..qt) */
	size_t qh = 0, qt = 0;
	zb_collator c = ZB_COLLATOR_INIT;
	zb_view last = zb_view_empty(), out;
	int last_ok = 0;   /* whether `last` may still be used */
	int prev_src = -1; /* the source of the previous append, for contiguous ones */
	size_t prev_end = 0;
	int op, ok = 1, fails = 0;
	size_t i, j;

	for (i = 0; i < 3; i++) {
		src[i] = zb_buffer_allocate(SRC);
		if (src[i] == NULL) {
			CHECK(!"setup failed");
			goto out;
		}
		for (j = 0; j < SRC; j++) {
			unsigned char x = (unsigned char)mrand();
			zb_buffer_add_bytes(src[i], &x, 1);
		}
	}
	for (j = 0; j < sizeof mem; j++)
		mem[j] = (unsigned char)mrand();

	for (op = 0; op < 5000 && ok; op++) {
		uint32_t r = mrand() % 100;
		zb_view v;

		if (qt + 512 > QCAP) { /* keep the model small: drain it */
			r = 99;
		}
		if (r < 45) { /* append a slice of a buffer or of caller memory */
			int s = (int)(mrand() % 4);
			size_t start, len = mrand() % 40;
			if (prev_src >= 0 && mrand() % 2) {
				s = prev_src;
				start = prev_end;
			} else {
				start = mrand() % (s == 3 ? sizeof mem : SRC);
			}
			if (s == 3) {
				if (start > sizeof mem)
					start = sizeof mem;
				if (len > sizeof mem - start)
					len = sizeof mem - start;
				v = zb_view_of(mem + start, len);
			} else {
				if (start > SRC)
					start = SRC;
				if (len > SRC - start)
					len = SRC - start;
				if (zb_buffer_view(src[s], (ptrdiff_t)start, (ptrdiff_t)(start + len), &v) != ZB_OK)
					ok = 0;
			}
			if (zb_collator_append(&c, v) != ZB_OK)
				ok = 0;
			memcpy(queue + qt, v.data, v.len);
			qt += v.len;
			prev_src = s;
			prev_end = start + len;
		} else if (r < 55) { /* append the last result back */
			if (!last_ok)
				continue;
			if (zb_collator_append(&c, last) != ZB_OK)
				ok = 0;
			memcpy(queue + qt, last.data, last.len);
			qt += last.len;
			prev_src = -1;
		} else if (r < 62) { /* own */
			if (zb_collator_own(&c) != ZB_OK)
				ok = 0;
			last_ok = 0;
		} else { /* collapse */
			size_t want = qt - qh;
			int rc = zb_collator_collapse(&c, &out);
			if (rc != ZB_OK || out.len != want ||
			    (want && memcmp(out.data, queue + qh, want) != 0))
				ok = 0;
			qh += want;
			if (qh == qt)
				qh = qt = 0;
			last = out;
			last_ok = 1;
			prev_src = -1;
		}
		if (zb_collator_len(&c) != qt - qh)
			ok = 0;
		if (!ok && fails++ == 0)
			fprintf(stderr, "    collator model: first difference at operation %d\n", op);
	}
	CHECK(ok);
out:
	zb_collator_release(&c);
	for (i = 0; i < 3; i++)
		zb_buffer_release(src[i]);
}

static void test_release(void)
{
	zb_buffer *b1 = buf_of("abc", 3);
	zb_buffer *b2 = buf_of("def", 3);
	zb_collator c = ZB_COLLATOR_INIT;
	zb_view out;

	if (b1 == NULL || b2 == NULL) {
		CHECK(!"setup failed");
		goto out;
	}
	/* release with held pieces and with storage in use */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "abcdef");
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	zb_collator_release(&c);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_EQ_INT(out.len, 0);
	/* usable again after release */
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b2)), ZB_OK);
	CHECK_EQ_INT(zb_collator_append(&c, zb_buffer_view_all(b1)), ZB_OK);
	CHECK_EQ_INT(zb_collator_collapse(&c, &out), ZB_OK);
	CHECK_VIEW(out, "defabc");
	zb_collator_release(&c);
	zb_collator_release(&c);
	CHECK_EQ_INT(zb_collator_len(&c), 0);
out:
	zb_buffer_release(b1);
	zb_buffer_release(b2);
}

void test_collator(void)
{
	test_lone_empty();
	test_empty();
	test_single_and_contiguous();
	test_two_buffers();
	test_gather();
	test_own();
	test_model();
	test_release();
}
