/*
 * utf8.c - zb_utf8_walk: passing over valid UTF-8 characters, 64 bytes a block.
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
 * therefore exact.
 *
 * Engines: AVX2, SSSE3 (for pshufb), and a portable loop over zb_utf8_len, chosen as
 * zb_scan2's are; -DZB_PORTABLE forces the portable one.
 */
#include <string.h>

#include "zb.h"

#if !defined(ZB_PORTABLE) && (defined(__x86_64__) || defined(_M_X64)) && \
    (defined(__GNUC__) || defined(__clang__))
#define HAVE_X86 1
#include <immintrin.h>
#endif

/* The masks of the 64 bytes at p; the 3 bytes before p are read unless `first`, when
 * the text is taken to begin at p. */
typedef void block_fn(const unsigned char *p, bool first, uint64_t *starts, uint64_t *errors);

#ifdef HAVE_X86
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

__attribute__((target("ssse3"))) static void block_ssse3(const unsigned char *p, bool first,
                                                         uint64_t *starts, uint64_t *errors)
{
	const __m128i cont_max = _mm_set1_epi8((char)0xBF), zero = _mm_setzero_si128();
	__m128i pre = first ? zero : _mm_loadu_si128((const __m128i *)(const void *)(p - 16));
	uint64_t s = 0, e = 0;
	unsigned i;

	for (i = 0; i < 4; i++) {
		__m128i in = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
		__m128i bad = _mm_cmpeq_epi8(errors_ssse3(in, pre), zero);
		s |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpgt_epi8(in, cont_max)) << (16 * i);
		e |= (uint64_t)(uint16_t)~_mm_movemask_epi8(bad) << (16 * i);
		pre = in;
	}
	*starts = s;
	*errors = e;
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

__attribute__((target("avx2"))) static void block_avx2(const unsigned char *p, bool first,
                                                       uint64_t *starts, uint64_t *errors)
{
	const __m256i cont_max = _mm256_set1_epi8((char)0xBF), zero = _mm256_setzero_si256();
	__m256i pre = first ? zero : _mm256_loadu_si256((const __m256i *)(const void *)(p - 32));
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
	uint32_t bad_lo = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(errors_avx2(lo, pre), zero));
	uint32_t bad_hi = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(errors_avx2(hi, lo), zero));

	/* a start is a byte above 0xBF as a signed char: 00..7F and C0..FF */
	*starts = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(lo, cont_max)) |
	          (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(hi, cont_max)) << 32;
	*errors = (uint64_t)~bad_lo | (uint64_t)~bad_hi << 32;
}
#endif

static block_fn *engine; /* NULL: the portable loop */
static const char *engine_name;

static void choose_engine(void)
{
	engine = NULL;
	engine_name = "portable";
#ifdef HAVE_X86
	__builtin_cpu_init();
	if (__builtin_cpu_supports("ssse3")) {
		engine = block_ssse3;
		engine_name = "ssse3";
	}
	if (__builtin_cpu_supports("avx2")) {
		engine = block_avx2;
		engine_name = "avx2";
	}
#endif
}

const char *zb_utf8_engine(void)
{
	if (engine_name == NULL)
		choose_engine();
	return engine_name;
}

int zb_utf8_use(const char *name)
{
	if (engine_name == NULL)
		choose_engine();
	if (strcmp(name, "portable") == 0) {
		engine = NULL;
		engine_name = "portable";
		return 0;
	}
#ifdef HAVE_X86
	if (strcmp(name, "ssse3") == 0 && __builtin_cpu_supports("ssse3")) {
		engine = block_ssse3;
		engine_name = "ssse3";
		return 0;
	}
	if (strcmp(name, "avx2") == 0 && __builtin_cpu_supports("avx2")) {
		engine = block_avx2;
		engine_name = "avx2";
		return 0;
	}
#endif
	return -1;
}

/* The highest set bit of x (not 0). */
static unsigned top_bit(uint64_t x)
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

/* Takes the masks of the block at w->base.  The end of the view counts as a start
 * (the padding after it is zeros), and its error bit says whether the last
 * character is cut short. */
static void examine(zb_utf8_walk *w)
{
	size_t rest = w->len - w->base;
	bool first = w->base == w->start;
	uint64_t starts, errors;

	if (rest >= 64) {
		engine(w->data + w->base, first, &starts, &errors);
	} else { /* the end of the view: a padded copy, after 32 bytes of what came before */
		unsigned char tmp[96] = {0};
		if (!first)
			memcpy(tmp, w->data + w->base - 32, 32);
		memcpy(tmp + 32, w->data + w->base, rest);
		engine(tmp + 32, first, &starts, &errors);
	}
	w->bound = errors ? zb_ctz64(errors) : 64;
	if (rest < w->bound)
		w->bound = (unsigned)rest + 1;
	if (w->bound < 64)
		starts &= ((uint64_t)1 << w->bound) - 1;
	if (first)
		starts &= ~(uint64_t)1; /* pos itself */
	w->starts = starts;
	w->examined = true;
}

/* zb_utf8_walk_skip without an engine: a character at a time. */
static size_t step(zb_utf8_walk *w, size_t n, size_t limit)
{
	size_t k = 0, at = w->pos, end = limit < w->len ? limit : w->len;

	while (k < n && at < end) {
		size_t l;
		uint64_t word;
		if (end - at >= 8 && n - k >= 8) { /* eight ASCII bytes are eight characters */
			memcpy(&word, w->data + at, 8);
			if ((word & 0x8080808080808080u) == 0) {
				at += 8;
				k += 8;
				continue;
			}
		}
		if ((l = zb_utf8_len(w->data + at, w->len - at)) == 0 || at + l > end)
			break;
		at += l;
		k++;
	}
	w->pos = at;
	return k;
}

size_t zb_utf8_walk_skip_slow(zb_utf8_walk *w, size_t n, size_t limit)
{
	size_t passed = 0, l;

	if (engine_name == NULL)
		choose_engine();
	if (engine == NULL)
		return step(w, n, limit);
	if (n == 0 || limit <= w->pos)
		return 0;
	for (;;) {
		uint64_t avail;
		unsigned count, bit;

		if (limit < w->base) /* no start before the limit is left */
			break;
		if (!w->examined)
			examine(w);
		avail = w->starts;
		if (limit - w->base < 63)
			avail &= ((uint64_t)2 << (limit - w->base)) - 1;
		count = zb_popcount64(avail);
		if (count >= n - passed) {
			bit = zb_nth_bit64(avail, (unsigned)(n - passed));
			w->pos = w->base + bit;
			w->starts &= bit == 63 ? 0 : ~(((uint64_t)2 << bit) - 1);
			return n;
		}
		passed += count;
		if (avail) {
			bit = top_bit(avail);
			w->pos = w->base + bit;
			w->starts &= bit == 63 ? 0 : ~(((uint64_t)2 << bit) - 1);
		}
		if (limit - w->base < 64 || w->bound < 64)
			break;
		w->base += 64;
		w->examined = false;
	}
	/* Stopped by the limit, the end or an error.  An error right after a character
	 * (a stray continuation byte) is marked on the byte after it, so the character
	 * at pos may still be valid: then it is passed, and the walk ends after it. */
	if (w->bound < 64 && w->pos < w->len &&
	    (l = zb_utf8_len(w->data + w->pos, w->len - w->pos)) > 0 && w->pos + l <= limit &&
	    w->pos + l <= w->base + w->bound) {
		w->pos += l;
		w->starts = 0;
		passed++;
	}
	return passed;
}
