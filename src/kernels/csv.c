/*
 * csv.c - the ends of CSV fields and records (see csv.h): the state machine a byte
 * at a time (the portable engine, and any block the parity rule does not cover),
 * and 64 bytes at a time from the parity of the quotes (SSE2, AVX2).
 */
#include "kernels/csv.h"
#include "kernels/bits.h"
#include "kernels/engine.h"
#include "kernels/masks.h"

/* The machine over n <= 64 bytes: their bits into *seps and *ends. */
static void machine(struct csv_scan *s, const unsigned char *p, size_t n, uint64_t *seps,
                    uint64_t *ends)
{
	uint64_t sep = 0, end = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int what = csv_step(s, p[i]);
		sep |= (uint64_t)(what != 0) << i;
		end |= (uint64_t)(what == 2) << i;
	}
	*seps = sep;
	*ends = end;
}

/* (the machine does not tell whether a block is well formed) */
uint64_t csv_blocks_portable(struct csv_scan *s, const unsigned char *p, size_t nb,
                             uint64_t *seps, uint64_t *ends)
{
	size_t b;

	for (b = 0; b < nb; b++)
		machine(s, p + 64 * b, 64, &seps[b], &ends[b]);
	return nb >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << nb) - 1;
}

#ifdef HAVE_X86
/* Bit i set where an odd number of x's bits 0..i are set. */
static inline uint64_t prefix_xor(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

/*
 * One block from its quotes q, delimiters d and line ends (CR, LF) nl, by the
 * parity of the quotes: a byte is inside quotes when an odd number of quotes
 * (counting the state's) come before it.  That is the machine's answer when every
 * opening quote starts a field (after a field's end, or right after a closing
 * quote: a doubled one) and every closing quote is followed by a field's end or a
 * quote; false when one is not, with nothing written.  A closing quote at the
 * block's end is checked against the next block's first byte (CSV_QUOTE_IN_QUOTED).
 */
static inline bool by_parity(struct csv_scan *s, uint64_t q, uint64_t d, uint64_t nl,
                             uint64_t *seps, uint64_t *ends)
{
	if (q == 0 && s->state <= CSV_UNQUOTED) { /* no quote, none open: most blocks */
		*seps = d | nl;
		*ends = nl;
		s->state = (d | nl) >> 63 ? CSV_FIELD_START : CSV_UNQUOTED;
		return true;
	}
	uint64_t inside = prefix_xor(q) ^ (s->state == CSV_QUOTED ? ~(uint64_t)0 : 0);
	uint64_t sep = (d | nl) & ~inside;
	uint64_t open = q & inside, close = q & ~inside;
	uint64_t after_sep = sep << 1 | (uint64_t)(s->state == CSV_FIELD_START);
	uint64_t after_close = close << 1 | (uint64_t)(s->state == CSV_QUOTE_IN_QUOTED);
	uint64_t followed = (sep | q) >> 1 | (uint64_t)1 << 63;

	if ((open & ~(after_sep | after_close)) != 0 || (close & ~followed) != 0 ||
	    (s->state == CSV_QUOTE_IN_QUOTED && ((sep | q) & 1) == 0))
		return false;
	*seps = sep;
	*ends = nl & ~inside;
	s->state = inside >> 63       ? CSV_QUOTED
	           : sep >> 63        ? CSV_FIELD_START
	           : close >> 63      ? CSV_QUOTE_IN_QUOTED
	                              : CSV_UNQUOTED;
	return true;
}

uint64_t csv_blocks_sse2(struct csv_scan *s, const unsigned char *p, size_t nb, uint64_t *seps,
                         uint64_t *ends)
{
	uint64_t slow = 0;
	size_t b;

	for (b = 0; b < nb; b++) {
		uint64_t q, d, lf, cr;
		pair_masks_sse2(p + 64 * b, '"', s->delim, &q, &d);
		pair_masks_sse2(p + 64 * b, '\n', '\r', &lf, &cr);
		if (!by_parity(s, q, d, lf | cr, &seps[b], &ends[b])) {
			machine(s, p + 64 * b, 64, &seps[b], &ends[b]);
			slow |= (uint64_t)1 << b;
		}
	}
	return slow;
}

/* The 64 bits of two 32-byte compares. */
__attribute__((target("avx2"))) static inline uint64_t mask64_avx2(__m256i lo, __m256i hi)
{
	return (uint64_t)(uint32_t)_mm256_movemask_epi8(lo) |
	       (uint64_t)(uint32_t)_mm256_movemask_epi8(hi) << 32;
}

__attribute__((target("avx2"))) uint64_t csv_blocks_avx2(struct csv_scan *s,
                                                         const unsigned char *p, size_t nb,
                                                         uint64_t *seps, uint64_t *ends)
{
	const __m256i vq = _mm256_set1_epi8('"'), vd = _mm256_set1_epi8((char)s->delim);
	const __m256i vlf = _mm256_set1_epi8('\n'), vcr = _mm256_set1_epi8('\r');
	uint64_t slow = 0;
	size_t b;

	for (b = 0; b < nb; b++) {
		const unsigned char *at = p + 64 * b;
		__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)at);
		__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(at + 32));
		uint64_t q = mask64_avx2(_mm256_cmpeq_epi8(lo, vq), _mm256_cmpeq_epi8(hi, vq));
		uint64_t d = mask64_avx2(_mm256_cmpeq_epi8(lo, vd), _mm256_cmpeq_epi8(hi, vd));
		uint64_t nl = mask64_avx2(
			_mm256_or_si256(_mm256_cmpeq_epi8(lo, vlf), _mm256_cmpeq_epi8(lo, vcr)),
			_mm256_or_si256(_mm256_cmpeq_epi8(hi, vlf), _mm256_cmpeq_epi8(hi, vcr)));
		if (!by_parity(s, q, d, nl, &seps[b], &ends[b])) {
			machine(s, p + 64 * b, 64, &seps[b], &ends[b]);
			slow |= (uint64_t)1 << b;
		}
	}
	return slow;
}
#endif

uint64_t csv_scan(struct csv_scan *s, const unsigned char *p, size_t n, uint64_t *seps,
                  uint64_t *ends)
{
	size_t nb = n / 64;
	uint64_t slow = 0;

	if (nb > 0)
		slow = kernels()->csv_blocks(s, p, nb, seps, ends);
	if (n % 64 != 0) {
		machine(s, p + 64 * nb, n % 64, &seps[nb], &ends[nb]);
		slow |= (uint64_t)1 << nb;
	}
	return slow;
}

/* Scanned this many bytes at a time, so the masks stay in L1. */
#define CHUNK ((size_t)64 * 32)

ptrdiff_t csv_first_end(struct csv_scan *s, const unsigned char *p, size_t n)
{
	uint64_t seps[CHUNK / 64], ends[CHUNK / 64] = {0};
	size_t at, b;

	for (at = 0; at < n; at += CHUNK) {
		size_t len = n - at < CHUNK ? n - at : CHUNK;
		csv_scan(s, p + at, len, seps, ends);
		for (b = 0; b < (len + 63) / 64; b++)
			if (ends[b] != 0) {
				s->state = CSV_FIELD_START;
				return (ptrdiff_t)(at + 64 * b + ctz64(ends[b]));
			}
	}
	return -1;
}

ptrdiff_t csv_last_end(struct csv_scan *s, const unsigned char *p, size_t n)
{
	uint64_t seps[CHUNK / 64], ends[CHUNK / 64] = {0};
	ptrdiff_t last = -1;
	size_t at, b;

	for (at = 0; at < n; at += CHUNK) {
		size_t len = n - at < CHUNK ? n - at : CHUNK;
		csv_scan(s, p + at, len, seps, ends);
		for (b = (len + 63) / 64; b-- > 0;)
			if (ends[b] != 0) {
				last = (ptrdiff_t)(at + 64 * b + top_bit64(ends[b]));
				break;
			}
	}
	return last;
}
