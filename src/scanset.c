/*
 * scanset.c - the refill of zb_scanset: where a small set of bytes and a terminator
 * are, 64 bytes a block, and from that where runs begin and end.
 *
 * The engines only compare: AVX2 (32 bytes a compare), SSE2 (16; every x86-64 has
 * it) and a portable loop give identical masks of set bytes and terminators.  The
 * edges are then made from the masks in plain code, shared by all three, carrying
 * whether the last byte of one block was in the class into the next.  The engine is
 * chosen once, from what the CPU supports, so the binary needs no -march flag;
 * building with -DZB_PORTABLE leaves only the portable loop, so both are tested.
 */
#include <string.h>

#include "zb.h"

#if !defined(ZB_PORTABLE) && (defined(__x86_64__) || defined(_M_X64)) && \
    (defined(__GNUC__) || defined(__clang__))
#define HAVE_X86 1
#include <immintrin.h>
#endif

/* Masks of set bytes and of terminators for nb 64-byte blocks at p.  Only the
 * first two bytes of the set are compared when nset <= 2 (the rest repeat them). */
typedef void blocks_fn(const unsigned char *p, size_t nb, const zb_scanset *s, uint64_t *set_bits,
                       uint64_t *term_bits);

static void blocks_portable(const unsigned char *p, size_t nb, const zb_scanset *s,
                            uint64_t *set_bits, uint64_t *term_bits)
{
	const unsigned char *set = s->set;
	size_t b;
	unsigned i;

	for (b = 0; b < nb; b++, p += 64) {
		uint64_t x = 0, y = 0;
		for (i = 0; i < 64; i++) {
			unsigned char c = p[i];
			x |= (uint64_t)(c == set[0] || c == set[1] || c == set[2] || c == set[3]) << i;
			y |= (uint64_t)(c == s->term) << i;
		}
		set_bits[b] = x;
		term_bits[b] = y;
	}
}

#ifdef HAVE_X86
static void blocks_sse2(const unsigned char *p, size_t nb, const zb_scanset *s, uint64_t *set_bits,
                        uint64_t *term_bits)
{
	const __m128i s0 = _mm_set1_epi8((char)s->set[0]), s1 = _mm_set1_epi8((char)s->set[1]);
	const __m128i s2 = _mm_set1_epi8((char)s->set[2]), s3 = _mm_set1_epi8((char)s->set[3]);
	const __m128i t = _mm_set1_epi8((char)s->term);
	bool four = s->nset > 2;
	size_t b;
	unsigned i;

	for (b = 0; b < nb; b++, p += 64) {
		uint64_t x = 0, y = 0;
		for (i = 0; i < 4; i++) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
			__m128i in = _mm_or_si128(_mm_cmpeq_epi8(v, s0), _mm_cmpeq_epi8(v, s1));
			if (four)
				in = _mm_or_si128(in, _mm_or_si128(_mm_cmpeq_epi8(v, s2),
				                                   _mm_cmpeq_epi8(v, s3)));
			x |= (uint64_t)(uint16_t)_mm_movemask_epi8(in) << (16 * i);
			y |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, t)) << (16 * i);
		}
		set_bits[b] = x;
		term_bits[b] = y;
	}
}

/* The set mask of 32 bytes. */
__attribute__((target("avx2"))) static inline uint32_t in_set32(__m256i v, const __m256i *sv,
                                                                bool four)
{
	__m256i in = _mm256_or_si256(_mm256_cmpeq_epi8(v, sv[0]), _mm256_cmpeq_epi8(v, sv[1]));

	if (four)
		in = _mm256_or_si256(in, _mm256_or_si256(_mm256_cmpeq_epi8(v, sv[2]),
		                                         _mm256_cmpeq_epi8(v, sv[3])));
	return (uint32_t)_mm256_movemask_epi8(in);
}

__attribute__((target("avx2"))) static void blocks_avx2(const unsigned char *p, size_t nb,
                                                        const zb_scanset *s, uint64_t *set_bits,
                                                        uint64_t *term_bits)
{
	const __m256i sv[4] = {_mm256_set1_epi8((char)s->set[0]), _mm256_set1_epi8((char)s->set[1]),
	                       _mm256_set1_epi8((char)s->set[2]), _mm256_set1_epi8((char)s->set[3])};
	const __m256i t = _mm256_set1_epi8((char)s->term);
	bool four = s->nset > 2;
	size_t b;

	for (b = 0; b < nb; b++, p += 64) {
		__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
		__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
		set_bits[b] = (uint64_t)in_set32(lo, sv, four) | (uint64_t)in_set32(hi, sv, four) << 32;
		term_bits[b] = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, t)) |
		               (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, t)) << 32;
	}
}
#endif

/* The engines, slowest first; the last one this CPU can run is the default. */
static const struct engine {
	const char *name;
	blocks_fn *fn;
} engines[] = {
	{"portable", blocks_portable},
#ifdef HAVE_X86
	{"sse2", blocks_sse2},
	{"avx2", blocks_avx2},
#endif
};

#define NENGINES (sizeof engines / sizeof *engines)

static const struct engine *current;

static bool runs_here(const struct engine *e)
{
#ifdef HAVE_X86
	if (e->fn == blocks_avx2) {
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx2");
	}
#endif
	(void)e;
	return true;
}

static void choose_default(void)
{
	size_t i = NENGINES;

	while (!runs_here(&engines[--i]))
		;
	current = &engines[i];
}

int zb_scanset_use(const char *name)
{
	size_t i;

	if (current == NULL)
		choose_default();
	for (i = 0; i < NENGINES; i++)
		if (strcmp(engines[i].name, name) == 0 && runs_here(&engines[i])) {
			current = &engines[i];
			return 0;
		}
	return -1;
}

const char *zb_scanset_engine(void)
{
	if (current == NULL)
		choose_default();
	return current->name;
}

int zb_scanset_start(zb_scanset *s, zb_view v, const void *set, size_t n, unsigned char term,
                     bool words)
{
	const unsigned char *bytes = set;
	size_t i;

	if (n == 0 || n > ZB_SCANSET_MAX || memchr(bytes, term, n) != NULL)
		return ZB_EINVAL;
	for (i = 0; i < ZB_SCANSET_MAX; i++) /* repeats change nothing, and fill the compares */
		s->set[i] = bytes[i < n ? i : i % n];
	s->nset = (unsigned char)n;
	s->term = term;
	s->words = words;
	s->data = v.data;
	s->len = v.len;
	s->next = s->base = s->at = 0;
	s->cur = s->nblocks = 0;
	s->edges = s->terms = 0; /* nothing handed out yet: the first call examines */
	s->inside = 0;
	if (current == NULL)
		choose_default();
	return ZB_OK;
}

/* A byte outside the class and not the terminator, to pad the last block with, so
 * the padding ends a run that reaches the view's end, and begins none. */
static unsigned char outside_byte(const zb_scanset *s)
{
	unsigned char pad = 0;

	if (s->words) /* a set byte is outside the words */
		return s->set[0];
	while (pad == s->term || memchr(s->set, pad, ZB_SCANSET_MAX) != NULL)
		pad++;
	return pad;
}

/* Examines the next blocks of the view into the arrays; false at the end. */
static bool examine(zb_scanset *s)
{
	size_t n = (s->len - s->next) / 64, i;
	uint64_t inside = s->inside;

	s->cur = 0;
	if (s->next >= s->len) {
		if (!inside)
			return false;
		/* a run reaches the end of a view of whole blocks: its end edge, at len */
		s->base = s->len;
		s->edge_bits[0] = 1;
		s->term_bits[0] = 0;
		s->inside = 0;
		s->nblocks = 1;
		return true;
	}
	s->base = s->next;
	if (n > ZB_SCANSET_BLOCKS)
		n = ZB_SCANSET_BLOCKS;
	current->fn(s->data + s->next, n, s, s->edge_bits, s->term_bits);
	s->next += 64 * n;
	if (n < ZB_SCANSET_BLOCKS && s->next < s->len) {
		/* The last, partial block: examined in a copy padded with a byte outside
		 * the class, so nothing is read past the view. */
		unsigned char tail[64];
		size_t rest = s->len - s->next;
		memcpy(tail, s->data + s->next, rest);
		memset(tail + rest, outside_byte(s), 64 - rest);
		current->fn(tail, 1, s, &s->edge_bits[n], &s->term_bits[n]);
		s->next = s->len;
		n++;
	}
	for (i = 0; i < n; i++) { /* class masks to edges, carried across blocks */
		uint64_t in = s->words ? ~(s->edge_bits[i] | s->term_bits[i]) : s->edge_bits[i];
		s->edge_bits[i] = in ^ (in << 1 | inside);
		inside = in >> 63;
	}
	s->inside = inside;
	s->nblocks = n;
	return true;
}

/* Makes the next block the one handed out; false at the end of the view. */
static bool advance(zb_scanset *s)
{
	if (s->cur == s->nblocks && !examine(s))
		return false;
	s->edges = s->edge_bits[s->cur];
	s->terms = s->term_bits[s->cur];
	s->at = s->base + 64 * s->cur;
	s->cur++;
	return true;
}

ptrdiff_t zb_scanset_next_nth_slow(zb_scanset *s, size_t n, bool *is_term)
{
	for (;;) {
		unsigned count;
		if (!advance(s))
			return -1;
		count = zb_popcount64(s->edges & (s->terms ^ (s->terms - 1)));
		if (count >= n || s->terms) /* the answer is in this block */
			return zb_scanset_next_nth(s, n, is_term);
		n -= count;
	}
}

ptrdiff_t zb_scanset_next_term_slow(zb_scanset *s)
{
	for (;;) {
		if (!advance(s))
			return -1;
		if (s->terms)
			return zb_scanset_next_term(s);
	}
}
