/*
 * bits.h - the bit tricks the kernels' masks are read with.
 */
#ifndef KERNELS_BITS_H
#define KERNELS_BITS_H

#include <stdint.h>

/* The number of trailing zero bits of x, which is not 0. */
static inline unsigned ctz64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned n = 0;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
#endif
}

/* The index of x's highest set bit; x is not 0. */
static inline unsigned top_bit64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return 63 - (unsigned)__builtin_clzll(x);
#else
	unsigned n = 0;
	while (x >>= 1)
		n++;
	return n;
#endif
}

/* Bits set in x, without needing a POPCNT instruction in the build. */
static inline unsigned popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555u);
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
	return (unsigned)((x * 0x0101010101010101u) >> 56);
}

/* x without its bits up to and including bit `bit` (0 to 63).  No test of 63: an
 * unsigned 2 << 63 is 0, and the mask then clears every bit. */
static inline uint64_t bits_above(uint64_t x, unsigned bit)
{
	return x & ~(((uint64_t)2 << bit) - 1);
}

#endif
