/*
 * scanset.c - the refill of scanset: where a small set of bytes and a terminator
 * are, 64 bytes a block, and from that where runs begin and end.
 *
 * The engines only compare: AVX2 (32 bytes a compare), SSE2 (16) and a portable
 * loop give identical masks of set bytes and terminators.  The edges are made from
 * the masks in plain code shared by all of them, carrying whether the last byte of
 * one block was in the class into the next; engine.c chooses the engine.  A last,
 * partial block is never copied (a vector load of bytes just stored stalls): it is
 * read as the last 64 bytes of the view, or byte by byte (16 at a time with SSE2)
 * when the view is shorter.
 */
#include <string.h>

#include "kernels/bits.h"
#include "kernels/engine.h"
#include "kernels/scanset.h"

#define ALL ((uint64_t)-1)

/* The edges of a block from its masks of set bytes and of terminators, of which
 * the bytes in `valid` are the view's; *inside carries whether the byte before the
 * block was in the class.  Past the view is outside, so a run reaching its end
 * ends there. */
static inline uint64_t to_edges(uint64_t set, uint64_t term, bool words, uint64_t valid,
                                uint64_t *inside)
{
	uint64_t in = words ? ~(set | term) & valid : set, edges = in ^ (in << 1 | *inside);

	*inside = in >> 63;
	return edges;
}

/* The set and terminator masks of the n <= 64 bytes at p, a byte at a time. */
void scanset_part_portable(const scanset *s, const unsigned char *p, size_t n, uint64_t *set,
                           uint64_t *term)
{
	uint64_t x = 0, y = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = p[i];
		x |= (uint64_t)(c == s->set[0] || c == s->set[1] || c == s->set[2] || c == s->set[3])
		     << i;
		y |= (uint64_t)(c == s->term) << i;
	}
	*set = x;
	*term = y;
}

void scanset_block_portable(const scanset *s, const unsigned char *p, uint64_t *set,
                            uint64_t *term)
{
	scanset_part_portable(s, p, 64, set, term);
}

void scanset_blocks_portable(scanset *s, const unsigned char *p, size_t nb,
                             uint64_t *edge_bits, uint64_t *term_bits)
{
	size_t b;

	for (b = 0; b < nb; b++, p += 64) {
		uint64_t x, y;
		scanset_part_portable(s, p, 64, &x, &y);
		edge_bits[b] = to_edges(x, y, s->words, ALL, &s->inside);
		term_bits[b] = y;
	}
}

/*
 * One vector engine: MASKS(s, p, four, &set, &term) computes a block's masks
 * (comparing only two set bytes unless `four`: the others repeat them); the macro
 * makes its single-block function and its refills for sets of two and of four.
 */
#define VECTOR_ENGINE(name, isa, MASKS) \
	__attribute__((target(isa))) void scanset_block_##name( \
		const scanset *s, const unsigned char *p, uint64_t *set, uint64_t *term) \
	{ \
		MASKS(s, p, s->nset > 2, set, term); \
	} \
	__attribute__((target(isa), always_inline)) static inline void blocks_##name( \
		scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits, \
		uint64_t *term_bits, bool four) \
	{ \
		uint64_t inside = s->inside, x, y; \
		size_t b; \
		for (b = 0; b < nb; b++, p += 64) { \
			MASKS(s, p, four, &x, &y); \
			edge_bits[b] = to_edges(x, y, s->words, ALL, &inside); \
			term_bits[b] = y; \
		} \
		s->inside = inside; \
	} \
	__attribute__((target(isa))) void scanset_two_##name( \
		scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits, \
		uint64_t *term_bits) \
	{ \
		blocks_##name(s, p, nb, edge_bits, term_bits, false); \
	} \
	__attribute__((target(isa))) void scanset_four_##name( \
		scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits, \
		uint64_t *term_bits) \
	{ \
		blocks_##name(s, p, nb, edge_bits, term_bits, true); \
	}

#ifdef HAVE_X86
/* SSE2: the masks of the 16 bytes at p. */
static inline void masks16(const scanset *s, const unsigned char *p, bool four, uint32_t *set,
                           uint32_t *term)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i in = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)s->set[0])),
	                          _mm_cmpeq_epi8(v, _mm_set1_epi8((char)s->set[1])));

	if (four)
		in = _mm_or_si128(in, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)s->set[2])),
		                                   _mm_cmpeq_epi8(v, _mm_set1_epi8((char)s->set[3]))));
	*set = (uint32_t)_mm_movemask_epi8(in);
	*term = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)s->term)));
}

/* SSE2: four 16-byte compares a block. */
static inline void masks_sse2(const scanset *s, const unsigned char *p, bool four,
                              uint64_t *set, uint64_t *term)
{
	uint64_t x = 0, y = 0;
	uint32_t a, b;
	unsigned i;

	for (i = 0; i < 64; i += 16) {
		masks16(s, p + i, four, &a, &b);
		x |= (uint64_t)a << i;
		y |= (uint64_t)b << i;
	}
	*set = x;
	*term = y;
}

/* AVX2: two 32-byte compares a block. */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
in_set32(__m256i v, const scanset *s, bool four)
{
	__m256i in = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)s->set[0])),
	                             _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)s->set[1])));

	if (four)
		in = _mm256_or_si256(in, _mm256_or_si256(
		                             _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)s->set[2])),
		                             _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)s->set[3]))));
	return (uint32_t)_mm256_movemask_epi8(in);
}

__attribute__((target("avx2"), always_inline)) static inline void
masks_avx2(const scanset *s, const unsigned char *p, bool four, uint64_t *set, uint64_t *term)
{
	const __m256i t = _mm256_set1_epi8((char)s->term);
	__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));

	*set = (uint64_t)in_set32(lo, s, four) | (uint64_t)in_set32(hi, s, four) << 32;
	*term = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, t)) |
	        (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, t)) << 32;
}

VECTOR_ENGINE(sse2, "sse2", masks_sse2)
VECTOR_ENGINE(avx2, "avx2", masks_avx2)

/* A short last part, 16 bytes at a time: the rest is read as the part's last 16
 * bytes, or byte by byte when the part is shorter. */
void scanset_part_sse2(const scanset *s, const unsigned char *p, size_t n, uint64_t *set,
                       uint64_t *term)
{
	uint64_t x = 0, y = 0;
	uint32_t a, b;
	size_t i;

	for (i = 0; i + 16 <= n; i += 16) {
		masks16(s, p + i, true, &a, &b);
		x |= (uint64_t)a << i;
		y |= (uint64_t)b << i;
	}
	if (i < n && n >= 16) { /* bytes [i, n) are the top n - i of the last 16 */
		masks16(s, p + n - 16, true, &a, &b);
		x |= (uint64_t)(a >> (16 - (n - i))) << i;
		y |= (uint64_t)(b >> (16 - (n - i))) << i;
	} else if (i < n) {
		scanset_part_portable(s, p, n, &x, &y);
	}
	*set = x;
	*term = y;
}

#endif

bool scanset_refill(scanset *s)
{
	const struct kernels *k = kernels();
	scanset_blocks_fn *fn = s->nset > 2 ? k->scanset_four : k->scanset_two;
	size_t n = (s->len - s->next) / 64;

	s->cur = 0;
	if (s->next >= s->len) {
		if (!s->inside)
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
	if (n > SCANSET_BLOCKS)
		n = SCANSET_BLOCKS;
	fn(s, s->data + s->next, n, s->edge_bits, s->term_bits);
	s->next += 64 * n;
	if (n < SCANSET_BLOCKS && s->next < s->len) { /* the last, partial block */
		size_t rest = s->len - s->next;
		uint64_t set, term;
		if (s->len >= 64) { /* the view's last 64 bytes, shifted down */
			k->scanset_one(s, s->data + s->len - 64, &set, &term);
			set >>= 64 - rest;
			term >>= 64 - rest;
		} else {
			k->scanset_part(s, s->data + s->next, rest, &set, &term);
		}
		s->edge_bits[n] = to_edges(set, term, s->words, ((uint64_t)1 << rest) - 1, &s->inside);
		s->term_bits[n] = term;
		s->next = s->len;
		n++;
	}
	s->nblocks = n;
	return true;
}

size_t scanset_count(const scanset *s)
{
	uint64_t t = s->terms;
	size_t n = popcount64(s->edges & (t ^ (t - 1))), i;
	scanset ahead;

	if (t)
		return n;
	for (i = s->cur; i < s->nblocks; i++) { /* the blocks already examined */
		t = s->term_bits[i];
		n += popcount64(s->edge_bits[i] & (t ^ (t - 1)));
		if (t)
			return n;
	}
	ahead = *s; /* further on, in a copy: its refills leave s as it was */
	for (;;) {
		if (!scanset_refill(&ahead))
			return n;
		for (i = 0; i < ahead.nblocks; i++) {
			t = ahead.term_bits[i];
			n += popcount64(ahead.edge_bits[i] & (t ^ (t - 1)));
			if (t)
				return n;
		}
	}
}
