/*
 * scan2.h - a one-pass scan of a view for two byte values at once -- a field
 * delimiter and a record terminator -- handing out their offsets in order.  It
 * looks at 64 bytes at a time (with the engine of engine.h) and keeps one bit per
 * byte, so finding the next delimiter costs a few instructions and no call.  It
 * borrows the view and allocates nothing.
 */
#ifndef KERNELS_SCAN2_H
#define KERNELS_SCAN2_H

#include "kernels/bits.h"
#include "zb/zb.h"

/* 64-byte blocks examined per refill: enough to spread a refill's call over 2 KiB,
 * few enough that the scan state stays a few cache lines. */
#define SCAN2_BLOCKS 32

typedef struct scan2 {
	const unsigned char *data; /* the view being scanned */
	size_t len;
	size_t next;               /* offset of the first byte not yet examined */
	size_t base;               /* offset of the byte that bit 0 of a_bits[0] stands for */
	size_t cur, nblocks;       /* block being handed out, blocks examined */
	uint64_t a_bits[SCAN2_BLOCKS]; /* where `a` is, not yet handed out */
	uint64_t b_bits[SCAN2_BLOCKS]; /* where `b` is, not yet handed out */
	unsigned char a_count[SCAN2_BLOCKS]; /* a's in each block when examined (stale
	                                          once the block is being handed out) */
	unsigned char a, b;
} scan2;

/* Starts a scan of v for the bytes a and b (which must differ). */
void scan2_start(scan2 *s, zb_view v, unsigned char a, unsigned char b);

/* Examines the next blocks (the slow path of the pick functions); false at the end. */
bool scan2_refill(scan2 *s);

/* The pick functions' end: hands out the first b of block `cur` (whose masks are a
 * and b), leaves the scan just after it, and returns its offset. */
static inline ptrdiff_t scan2_take_b(scan2 *s, size_t cur, uint64_t a, uint64_t b)
{
	unsigned bit = ctz64(b);

	s->b_bits[cur] = b & (b - 1);
	s->a_bits[cur] = bits_above(a, bit);
	s->cur = cur;
	return (ptrdiff_t)(s->base + cur * 64 + bit);
}

/*
 * Picks a's by number in the stretch up to the next b -- the delimiters a record's
 * wanted fields need, in one call per record.  nth[0] < nth[1] < ... < nth[n - 1]
 * number the a's from 1 at the scan's position; the offset of each one present
 * goes to at[], in order.  Returns how many were present (fewer when the b or the
 * end of the view comes first), sets *b_at to the b's offset, or -1 when the view
 * ends first, and leaves the scan after that b.  The state stays in registers
 * while a block is searched; a's between wanted ones are counted, not visited.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* the hot loop of its caller: no call per record */
#endif
static inline size_t scan2_pick(scan2 *s, const size_t *nth, size_t n, size_t *at,
                                   ptrdiff_t *b_at)
{
	size_t seen = 0, j = 0;  /* a's passed, nth's found */
	size_t touched = s->cur; /* the one block whose a_count may be stale */

	for (;;) {
		size_t cur = s->cur, nblocks = s->nblocks; /* locals: at[] may alias *s */
		for (; cur < nblocks; cur++) {
			uint64_t a = s->a_bits[cur], b = s->b_bits[cur];
			uint64_t left = b ? a & ((b & (~b + 1)) - 1) : a; /* a's before the b */
			size_t base = s->base + cur * 64;
			if (!b && cur != touched && j < n && nth[j] - seen > s->a_count[cur]) {
				seen += s->a_count[cur]; /* a whole block before the wanted a */
				continue;
			}
			while (j < n && left) {
				size_t want = nth[j] - seen; /* >= 1: the want-th bit of left */
				if (want > 8) { /* far ahead: count the block's a's at once */
					unsigned count = popcount64(left);
					if (want > count) {
						seen += count;
						left = 0;
						break;
					}
				}
				while (--want > 0 && left)
					left &= left - 1;
				if (!left) { /* fewer than want here */
					seen = nth[j] - want - 1;
					break;
				}
				at[j++] = base + ctz64(left);
				seen = nth[j - 1];
				left &= left - 1;
			}
			if (j < n && left)
				seen += popcount64(left);
			if (b) {
				*b_at = scan2_take_b(s, cur, a, b);
				return j;
			}
		}
		s->cur = cur;
		if (!scan2_refill(s)) {
			*b_at = -1;
			return j;
		}
		touched = SIZE_MAX;
	}
}

/*
 * scan2_pick for nth = {1}, the commonest question (the first field, -f1, -f2-):
 * the first a before the next b goes to *at; returns 1 when there is one, else 0.
 * Sets *b_at and leaves the scan as scan2_pick does.  Without the counting of
 * the general pick, a record costs a few instructions a block it spans.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline size_t scan2_pick1(scan2 *s, size_t *at, ptrdiff_t *b_at)
{
	size_t found = 0;

	for (;;) {
		size_t cur = s->cur, nblocks = s->nblocks;
		for (; cur < nblocks; cur++) {
			uint64_t a = s->a_bits[cur], b = s->b_bits[cur];
			size_t base = s->base + cur * 64;
			if (!found) {
				uint64_t left = b ? a & ((b & (~b + 1)) - 1) : a; /* a's before the b */
				if (left) {
					*at = base + ctz64(left);
					found = 1;
				}
			}
			if (b) {
				*b_at = scan2_take_b(s, cur, a, b);
				return found;
			}
		}
		s->cur = cur;
		if (!scan2_refill(s)) {
			*b_at = -1;
			return found;
		}
	}
}

#endif
