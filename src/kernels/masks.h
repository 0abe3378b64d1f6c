/*
 * masks.h - the bit masks of two byte values in one 64-byte block (bit i for byte
 * i), in three versions that give identical masks: AVX2, SSE2 and a portable loop.
 * The scans (scan.c) and the one-pass functions (first_fields.c, keep_field_eq.c)
 * build their loops on them; each loop is compiled once per engine, so the masks
 * stay in registers, and engine.c's table says which one runs.  The broadcasts of
 * a and b are made in each call; inlined in a loop, they are made once.
 */
#ifndef KERNELS_MASKS_H
#define KERNELS_MASKS_H

#include <stddef.h>
#include <stdint.h>

#include "kernels/engine.h"

/* A byte at a time. */
static inline void pair_masks_portable(const unsigned char *p, unsigned char a, unsigned char b,
                                     uint64_t *am, uint64_t *bm)
{
	uint64_t x = 0, y = 0;
	unsigned i;

	for (i = 0; i < 64; i++) {
		x |= (uint64_t)(p[i] == a) << i;
		y |= (uint64_t)(p[i] == b) << i;
	}
	*am = x;
	*bm = y;
}

#ifdef HAVE_X86
/* Four 16-byte compares (every x86-64 has SSE2). */
static inline void pair_masks_sse2(const unsigned char *p, unsigned char a, unsigned char b,
                                 uint64_t *am, uint64_t *bm)
{
	const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
	uint64_t x = 0, y = 0;
	size_t i;

	for (i = 0; i < 4; i++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
		x |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, va)) << (16 * i);
		y |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vb)) << (16 * i);
	}
	*am = x;
	*bm = y;
}

/* Two 32-byte compares; for callers compiled with target("avx2"). */
__attribute__((target("avx2"))) static inline void
pair_masks_avx2(const unsigned char *p, unsigned char a, unsigned char b, uint64_t *am, uint64_t *bm)
{
	const __m256i va = _mm256_set1_epi8((char)a), vb = _mm256_set1_epi8((char)b);
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));

	*am = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, va)) |
	      (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, va)) << 32;
	*bm = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, vb)) |
	      (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, vb)) << 32;
}
#endif

#endif
