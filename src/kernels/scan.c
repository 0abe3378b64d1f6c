/*
 * scan.c - the refill of scan2: bit masks of two byte values, 64 bytes a block.
 *
 * Each engine's blocks function gives identical masks: AVX2 (two 32-byte compares a
 * block), SSE2 (four 16-byte compares) and a portable loop; engine.c chooses.
 */
#include <string.h>

#include "kernels/bits.h"
#include "kernels/engine.h"
#include "kernels/masks.h"
#include "kernels/scan2.h"

typedef void pair_masks_fn(const unsigned char *p, unsigned char a, unsigned char b,
                           uint64_t *am, uint64_t *bm);
typedef unsigned count_fn(uint64_t x);

/* Masks of a and b for the n 64-byte blocks at p, and the number of a's in each (so
 * passing over many fields costs a load a block): one call per refill.  Made once
 * per engine, with masks a constant where it is inlined. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void masks_of_blocks(const unsigned char *p, size_t n, unsigned char a,
                                   unsigned char b, uint64_t *am, uint64_t *bm,
                                   unsigned char *acount, pair_masks_fn *masks, count_fn *count)
{
	size_t k;

	for (k = 0; k < n; k++, p += 64) {
		masks(p, a, b, &am[k], &bm[k]);
		acount[k] = (unsigned char)count(am[k]);
	}
}

void scan2_blocks_portable(const unsigned char *p, size_t n, unsigned char a, unsigned char b,
                           uint64_t *am, uint64_t *bm, unsigned char *acount)
{
	masks_of_blocks(p, n, a, b, am, bm, acount, pair_masks_portable, popcount64);
}

#ifdef HAVE_X86
void scan2_blocks_sse2(const unsigned char *p, size_t n, unsigned char a, unsigned char b,
                       uint64_t *am, uint64_t *bm, unsigned char *acount)
{
	masks_of_blocks(p, n, a, b, am, bm, acount, pair_masks_sse2, popcount64);
}

/* Every CPU with AVX2 has POPCNT. */
__attribute__((target("popcnt"))) static inline unsigned popcnt(uint64_t x)
{
	return (unsigned)_mm_popcnt_u64(x);
}

__attribute__((target("avx2,popcnt"))) void scan2_blocks_avx2(const unsigned char *p, size_t n,
                                                              unsigned char a, unsigned char b,
                                                              uint64_t *am, uint64_t *bm,
                                                              unsigned char *acount)
{
	masks_of_blocks(p, n, a, b, am, bm, acount, pair_masks_avx2, popcnt);
}
#endif

void scan2_start(scan2 *s, zb_view v, unsigned char a, unsigned char b)
{
	s->data = v.data;
	s->len = v.len;
	s->next = 0;
	s->base = 0;
	s->cur = s->nblocks = 0;
	s->a = a;
	s->b = b;
}

bool scan2_refill(scan2 *s)
{
	scan2_blocks_fn *blocks = kernels()->scan2_blocks;
	size_t n;

	if (s->next >= s->len)
		return false;
	s->base = s->next;
	n = (s->len - s->next) / 64;
	if (n > SCAN2_BLOCKS)
		n = SCAN2_BLOCKS;
	blocks(s->data + s->next, n, s->a, s->b, s->a_bits, s->b_bits, s->a_count);
	s->next += 64 * n;
	if (n < SCAN2_BLOCKS && s->next < s->len) {
		/* The last, partial block: examined in a copy padded with a byte that is
		 * neither a nor b, so nothing is read past the view. */
		unsigned char tail[64];
		unsigned char pad = 0;
		size_t rest = s->len - s->next;
		while (pad == s->a || pad == s->b)
			pad++;
		memcpy(tail, s->data + s->next, rest);
		memset(tail + rest, pad, 64 - rest);
		blocks(tail, 1, s->a, s->b, &s->a_bits[n], &s->b_bits[n], &s->a_count[n]);
		s->next = s->len;
		n++;
	}
	s->cur = 0;
	s->nblocks = n;
	return true;
}
