/*
 * utf8_simd.c - the block engines of utf8_walk and utf8_find: valid UTF-8
 * characters found 64 bytes a block, with SSSE3 or AVX2.
 *
 * A block gives two bit masks: where characters start (every byte that is not a
 * continuation byte 10xxxxxx) and where the UTF-8 rules are broken.  The errors are
 * found as in Keiser and Lemire, "Validating UTF-8 in less than one instruction per
 * byte" (2021): three 16-entry table lookups on the nibbles of each byte and the one
 * before it, and a check that the second and third bytes after a 3- or 4-byte lead
 * are continuations.  An error is marked on the last byte of the pair or triple it
 * concerns, so the text up to a character start s is valid exactly when no error is
 * marked at s or before it (s ends the last character with a byte that is not a
 * continuation, which the rules check like any other; the end of the text is
 * checked as if a zero byte followed).  Counting starts up to the first error is
 * therefore exact, and the n-th character is the n-th set bit.
 */
#include <string.h>

#include "kernels/bits.h"
#include "kernels/engine.h"
#include "kernels/utf8.h"

#ifdef HAVE_X86
/* Byte i of the result: the number of bits set in bytes 0..i of x. */
static uint64_t running_counts(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555u);
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	return ((x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu) * 0x0101010101010101u;
}

/* The first byte of c (running counts, each at most 64) that is at least k, which
 * one is (0 < k <= 64). */
static inline unsigned first_reaching(uint64_t c, unsigned k)
{
	const uint64_t highs = 0x8080808080808080u;

	return ctz64(((c | highs) - k * 0x0101010101010101u) & highs) / 8;
}

/*
 * The k-th (from 1) set bit of x, which has at least k; c is running_counts(x).  No
 * loop: the byte that holds it is found by the running counts, then the bit by
 * running counts of that byte's bits, spread one to a byte.
 */
static inline unsigned nth_bit(uint64_t x, uint64_t c, unsigned k)
{
	unsigned byte = first_reaching(c, k);
	uint64_t spread;

	k -= (unsigned)((c << 8) >> (8 * byte)) & 0xFF; /* the bits in the bytes before */
	spread = (((x >> (8 * byte)) & 0xFF) * 0x0101010101010101u) & 0x8040201008040201u;
	spread = ((spread + 0x00406070787C7E7Fu) & 0x8080808080808080u) >> 7;
	return 8 * byte + first_reaching(spread * 0x0101010101010101u, k);
}

/* The masks of the 64 bytes at p: character starts, errors, and where the byte `term`
 * is (none when term < 0).  The 32 bytes before p are read too, for the errors,
 * unless `first`, when the text is taken to begin at p. */
typedef void block_fn(const unsigned char *p, bool first, int term, uint64_t *starts,
                      uint64_t *errors, uint64_t *terms);

/* Where the byte term is among the 64 bytes at p. */
typedef uint64_t terms_fn(const unsigned char *p, unsigned char term);

/* Error kinds, one bit each, named for the pair (previous byte, this byte). */
#define TOO_SHORT 0x01   /* a lead, then not a continuation */
#define TOO_LONG 0x02    /* ASCII, then a continuation */
#define OVERLONG_3 0x04  /* E0 80..9F */
#define TOO_LARGE 0x08   /* F4 90..BF, F5..FF 90..BF */
#define SURROGATE 0x10   /* ED A0..BF */
#define OVERLONG_2 0x20  /* C0..C1 any continuation */
#define TOO_LARGE_1000 0x40 /* F5..FF 80..8F; also F0 80..8F (overlong 4) */
#define OVERLONG_4 0x40
#define TWO_CONTS 0x80   /* a continuation, then one more (allowed only after E0..FF) */
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS) /* kinds that the low nibble keeps */

/* By the high nibble of the previous byte, its low nibble, and this byte's high one. */
#define PREV_HIGH \
	TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, \
	TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT, \
	TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
#define PREV_LOW \
	CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY, \
	CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, \
	CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000
#define THIS_HIGH \
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
	TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, \
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT

static const unsigned char prev_high_tab[16] = {PREV_HIGH}, prev_low_tab[16] = {PREV_LOW},
                           this_high_tab[16] = {THIS_HIGH};

/* Non-zero bytes where 16 bytes `in` (after `pre`) break the rules. */
__attribute__((target("ssse3"), always_inline)) static inline __m128i errors_ssse3(__m128i in,
                                                                                   __m128i pre)
{
	const __m128i prev_high = _mm_loadu_si128((const __m128i *)(const void *)prev_high_tab);
	const __m128i prev_low = _mm_loadu_si128((const __m128i *)(const void *)prev_low_tab);
	const __m128i this_high = _mm_loadu_si128((const __m128i *)(const void *)this_high_tab);
	const __m128i nibble = _mm_set1_epi8(0x0F);
	__m128i prev1 = _mm_alignr_epi8(in, pre, 15);
	__m128i prev2 = _mm_alignr_epi8(in, pre, 14), prev3 = _mm_alignr_epi8(in, pre, 13);
	__m128i pairs = _mm_and_si128(
		_mm_and_si128(_mm_shuffle_epi8(prev_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
		              _mm_shuffle_epi8(prev_low, _mm_and_si128(prev1, nibble))),
		_mm_shuffle_epi8(this_high, _mm_and_si128(_mm_srli_epi16(in, 4), nibble)));
	/* the third and fourth bytes: must be continuations exactly after E0..FF, F0..FF */
	__m128i must = _mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80))),
	                            _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80))));
	return _mm_xor_si128(pairs, _mm_and_si128(must, _mm_set1_epi8((char)0x80)));
}

__attribute__((target("ssse3"), always_inline)) static inline void block_ssse3(const unsigned char *p, bool first,
                                                                int term, uint64_t *starts,
                                                                uint64_t *errors, uint64_t *terms)
{
	const __m128i cont_max = _mm_set1_epi8((char)0xBF), zero = _mm_setzero_si128();
	const __m128i t = _mm_set1_epi8((char)term);
	__m128i pre = first ? zero : _mm_loadu_si128((const __m128i *)(const void *)(p - 16));
	uint64_t s = 0, e = 0, m = 0;
	size_t i;

	for (i = 0; i < 4; i++) {
		__m128i in = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
		__m128i bad = _mm_cmpeq_epi8(errors_ssse3(in, pre), zero);
		s |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpgt_epi8(in, cont_max)) << (16 * i);
		e |= (uint64_t)(uint16_t)~_mm_movemask_epi8(bad) << (16 * i);
		m |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(in, t)) << (16 * i);
		pre = in;
	}
	*starts = s;
	*errors = e;
	*terms = term < 0 ? 0 : m;
}

__attribute__((target("sse2"))) static uint64_t terms_sse2(const unsigned char *p,
                                                          unsigned char term)
{
	const __m128i t = _mm_set1_epi8((char)term);
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < 4; i++) {
		__m128i in = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
		m |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(in, t)) << (16 * i);
	}
	return m;
}

/* As errors_ssse3, 32 bytes; `pre` is the 32 bytes before. */
__attribute__((target("avx2"), always_inline)) static inline __m256i errors_avx2(__m256i in,
                                                                                 __m256i pre)
{
	const __m256i prev_high = _mm256_broadcastsi128_si256(
		_mm_loadu_si128((const __m128i *)(const void *)prev_high_tab));
	const __m256i prev_low = _mm256_broadcastsi128_si256(
		_mm_loadu_si128((const __m128i *)(const void *)prev_low_tab));
	const __m256i this_high = _mm256_broadcastsi128_si256(
		_mm_loadu_si128((const __m128i *)(const void *)this_high_tab));
	const __m256i nibble = _mm256_set1_epi8(0x0F);
	__m256i before = _mm256_permute2x128_si256(pre, in, 0x21); /* pre's high, in's low */
	__m256i prev1 = _mm256_alignr_epi8(in, before, 15);
	__m256i prev2 = _mm256_alignr_epi8(in, before, 14), prev3 = _mm256_alignr_epi8(in, before, 13);
	__m256i pairs = _mm256_and_si256(
		_mm256_and_si256(
			_mm256_shuffle_epi8(prev_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)),
			_mm256_shuffle_epi8(prev_low, _mm256_and_si256(prev1, nibble))),
		_mm256_shuffle_epi8(this_high, _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble)));
	__m256i must =
		_mm256_or_si256(_mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80))),
		                _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80))));
	return _mm256_xor_si256(pairs, _mm256_and_si256(must, _mm256_set1_epi8((char)0x80)));
}

__attribute__((target("avx2"), always_inline)) static inline void block_avx2(const unsigned char *p, bool first,
                                                              int term, uint64_t *starts,
                                                              uint64_t *errors, uint64_t *terms)
{
	const __m256i cont_max = _mm256_set1_epi8((char)0xBF), zero = _mm256_setzero_si256();
	const __m256i t = _mm256_set1_epi8((char)term);
	__m256i pre = first ? zero : _mm256_loadu_si256((const __m256i *)(const void *)(p - 32));
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));

	/* ASCII, after ASCII (or the start): every byte a character, nothing to check */
	if ((_mm256_movemask_epi8(_mm256_or_si256(lo, hi)) |
	     (_mm256_movemask_epi8(pre) & 0xE0000000)) == 0) {
		*starts = ~(uint64_t)0;
		*errors = 0;
	} else {
		uint32_t bad_lo =
			(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(errors_avx2(lo, pre), zero));
		uint32_t bad_hi =
			(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(errors_avx2(hi, lo), zero));
		/* a start is a byte above 0xBF as a signed char: 00..7F and C0..FF */
		*starts = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(lo, cont_max)) |
		          (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(hi, cont_max))
		                  << 32;
		*errors = (uint64_t)~bad_lo | (uint64_t)~bad_hi << 32;
	}
	*terms = term < 0 ? 0
	                  : (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, t)) |
	                            (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, t))
	                                    << 32;
}

__attribute__((target("avx2"))) static uint64_t terms_avx2(const unsigned char *p,
                                                          unsigned char term)
{
	const __m256i t = _mm256_set1_epi8((char)term);
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));

	return (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, t)) |
	       (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, t)) << 32;
}

/*
 * The character starts of the block at `base` of the text d[start, *len) that are
 * sure: those before *bound, the first error (64: none).  The end of the text counts
 * as a start (the padding after it is zeros) and bounds the block too; with term
 * >= 0, the text ends at the first byte term, and *len is moved there when it is
 * in the block (term is ASCII, so the rules check what is before it as they check
 * the end).  Returns whether the block is the last that can be walked, and sets
 * *broken when an error (rather than the end) stops it.  Inline, so that each
 * engine's find and walk have its block function inline.
 */
__attribute__((always_inline)) static inline bool
block_starts(block_fn *fn, const unsigned char *d, size_t *len, int term, size_t start,
             size_t base, uint64_t *sure, unsigned *bound, bool *broken)
{
	size_t rest = *len - base;
	bool first = base == start;
	uint64_t starts, errors, terms;

	if (rest >= 64) {
		fn(d + base, first, term, &starts, &errors, &terms);
	} else { /* the end of the text: a padded copy, after 32 bytes of what came before */
		unsigned char tmp[96] = {0};
		if (!first)
			memcpy(tmp, d + base - 32, 32);
		memcpy(tmp + 32, d + base, rest);
		fn(tmp + 32, first, term, &starts, &errors, &terms);
		terms &= ((uint64_t)1 << rest) - 1; /* not the padding */
	}
	if (terms != 0) {
		rest = ctz64(terms);
		*len = base + rest;
	}
	*bound = errors ? ctz64(errors) : 64;
	*broken = errors != 0 && *bound <= rest;
	if (rest < *bound)
		*bound = (unsigned)rest + 1;
	*sure = *bound < 64 ? starts & (((uint64_t)1 << *bound) - 1) : starts;
	return *broken || rest < 64;
}

/* Two ways to find the k-th character start in a block's mask: counts = count(x)
 * is made once a block (its top byte is the number of starts), select(x, counts,
 * k) finds each. */
typedef uint64_t count_fn(uint64_t x);
typedef unsigned select_fn(uint64_t x, uint64_t counts, unsigned k);

/* With PDEP: the k-th set bit is the one that 1 << (k - 1) is deposited on. */
__attribute__((target("popcnt"))) static inline uint64_t count_popcnt(uint64_t x)
{
	return (uint64_t)__builtin_popcountll(x) << 56;
}

__attribute__((target("bmi2"))) static inline unsigned select_pdep(uint64_t x, uint64_t counts,
                                                                   unsigned k)
{
	(void)counts;
	return ctz64(_pdep_u64((uint64_t)1 << (k - 1), x));
}

/* utf8_find_line with a block engine (inline: one copy for each; term < 0 for
 * utf8_find).  Character m starts at the m-th start, and ends where the next
 * one starts. */
__attribute__((always_inline)) static inline size_t
find_blocks(block_fn *fn, terms_fn *find_term, count_fn *count_starts, select_fn *select,
            zb_view v, int term, const size_t *nums, size_t count, utf8_span *spans,
            bool *invalid, size_t *line_len)
{
	size_t base = 0, seen = 0, i = 0, len = v.len; /* len: the line's end once known */
	size_t scanned = 0;                   /* bytes looked at for term */
	bool pending = false, broken = false; /* pending: spans[i].start is found, not .end */

	while (i < count) {
		uint64_t starts, counts, after;
		unsigned bound, bit;
		bool final = block_starts(fn, v.data, &len, term, 0, base, &starts, &bound, &broken);
		size_t total, pos;

		scanned = v.len - base < 64 ? v.len : base + 64;
		counts = count_starts(starts);
		total = (size_t)(counts >> 56);
		if (pending && starts != 0) { /* the end of the last one found: the first start */
			spans[i++].end = base + ctz64(starts);
			pending = false;
		}
		for (; !pending && i < count && nums[i] <= seen + total; i++) {
			if (i > 0 && nums[i] == nums[i - 1]) { /* a number asked again */
				spans[i] = spans[i - 1];
				continue;
			}
			bit = select(starts, counts, (unsigned)(nums[i] - seen));
			if ((pos = base + bit) == len) { /* past the last character */
				broken = false;
				final = true;
				break;
			}
			spans[i].start = pos;
			if ((after = bits_above(starts, bit)) == 0) {
				pending = true;
				break;
			}
			spans[i].end = base + ctz64(after);
		}
		if (final) {
			/* An error right after a character (a stray continuation byte) is
			 * marked on the byte after it, so the one found last may still be
			 * valid, as the walk finds (the next one, then, is not). */
			size_t at = pending ? spans[i].start : 0, l;
			if (pending && (l = utf8_len(v.data + at, len - at)) > 0 &&
			    at + l <= base + bound)
				for (spans[i++].end = at + l; i < count && nums[i] == nums[i - 1]; i++)
					spans[i] = spans[i - 1];
			break;
		}
		seen += total;
		base += 64;
	}
	*invalid = i < count && broken;
	if (term >= 0 && len == v.len) { /* the line's end is further on */
		uint64_t m = 0;
		const unsigned char *end;
		for (; m == 0 && v.len - scanned >= 64; scanned += 64)
			if ((m = find_term(v.data + scanned, (unsigned char)term)) != 0)
				len = scanned + ctz64(m);
		if (m == 0 && scanned < v.len &&
		    (end = memchr(v.data + scanned, term, v.len - scanned)) != NULL)
			len = (size_t)(end - v.data);
	}
	*line_len = len;
	return i;
}

__attribute__((target("ssse3"))) size_t utf8_find_ssse3(zb_view v, int term, const size_t *nums,
                                                        size_t count, utf8_span *spans,
                                                        bool *invalid, size_t *line_len)
{
	return find_blocks(block_ssse3, terms_sse2, running_counts, nth_bit, v, term, nums, count,
	                   spans, invalid, line_len);
}

__attribute__((target("avx2"))) size_t utf8_find_avx2(zb_view v, int term, const size_t *nums,
                                                      size_t count, utf8_span *spans,
                                                      bool *invalid, size_t *line_len)
{
	return find_blocks(block_avx2, terms_avx2, running_counts, nth_bit, v, term, nums, count,
	                   spans, invalid, line_len);
}

__attribute__((target("avx2,bmi2,popcnt"))) size_t
utf8_find_avx2_pdep(zb_view v, int term, const size_t *nums, size_t count, utf8_span *spans,
                    bool *invalid, size_t *line_len)
{
	return find_blocks(block_avx2, terms_avx2, count_popcnt, select_pdep, v, term, nums, count,
	                   spans, invalid, line_len);
}

/* utf8_walk_skip with a block engine (inline: one copy for each). */
__attribute__((always_inline)) static inline size_t walk_blocks(block_fn *fn, utf8_walk *w,
                                                                size_t n, size_t limit)
{
	size_t passed = 0, l;
	bool broken;

	if (n == 0 || limit <= w->pos)
		return 0;
	for (;;) {
		uint64_t avail, counts;
		unsigned count, bit;

		if (limit < w->base) /* no start before the limit is left */
			break;
		if (!w->examined) {
			w->final = block_starts(fn, w->data, &w->len, -1, w->start, w->base,
			                        &w->starts, &w->bound, &broken);
			if (w->base == w->start)
				w->starts &= ~(uint64_t)1; /* pos itself */
			w->examined = true;
		}
		avail = w->starts;
		if (limit - w->base < 63)
			avail &= ((uint64_t)2 << (limit - w->base)) - 1;
		counts = running_counts(avail);
		count = (unsigned)(counts >> 56);
		if (count >= n - passed) {
			bit = nth_bit(avail, counts, (unsigned)(n - passed));
			w->pos = w->base + bit;
			w->starts = bits_above(w->starts, bit);
			return n;
		}
		passed += count;
		if (avail) {
			bit = top_bit64(avail);
			w->pos = w->base + bit;
			w->starts = bits_above(w->starts, bit);
		}
		if (limit - w->base < 64 || w->final)
			break;
		w->base += 64;
		w->examined = false;
	}
	/* Stopped by the limit, the end or an error.  An error right after a character
	 * (a stray continuation byte) is marked on the byte after it, so the character
	 * at pos may still be valid: then it is passed, and the walk ends after it. */
	if (w->final && w->pos < w->len &&
	    (l = utf8_len(w->data + w->pos, w->len - w->pos)) > 0 && w->pos + l <= limit &&
	    w->pos + l <= w->base + w->bound) {
		w->pos += l;
		w->starts = 0;
		passed++;
	}
	return passed;
}

__attribute__((target("ssse3"))) size_t utf8_skip_ssse3(utf8_walk *w, size_t n, size_t limit)
{
	return walk_blocks(block_ssse3, w, n, limit);
}

__attribute__((target("avx2"))) size_t utf8_skip_avx2(utf8_walk *w, size_t n, size_t limit)
{
	return walk_blocks(block_avx2, w, n, limit);
}

#else
/* ISO C wants a declaration in every file, and this build has no block engine. */
typedef int utf8_no_block_engine;
#endif
