/*
 * scanset.c - the refill of zb_scanset: where a small set of bytes and a terminator
 * are, 64 bytes a block, and from that where runs begin and end.
 *
 * The engines only compare: AVX-512 (64 bytes a compare, into a mask), AVX2 (32),
 * SSE2 (16; every x86-64 has it) and a portable loop give identical masks of set
 * bytes and terminators.  The
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

/* The edges of one block from its masks of set bytes and of terminators; *inside
 * carries whether the last byte of the block before was in the class. */
static inline uint64_t to_edges(uint64_t set, uint64_t term, bool words, uint64_t *inside)
{
	uint64_t in = words ? ~(set | term) : set, edges = in ^ (in << 1 | *inside);

	*inside = in >> 63;
	return edges;
}

/* Edge and terminator masks of nb 64-byte blocks at p, carrying s->inside. */
typedef void blocks_fn(zb_scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits,
                       uint64_t *term_bits);

static void blocks_portable(zb_scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits,
                            uint64_t *term_bits)
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
		edge_bits[b] = to_edges(x, y, s->words, &s->inside);
		term_bits[b] = y;
	}
}

#ifdef HAVE_X86
/* SSE2: four 16-byte compares a block; only two set bytes are compared unless
 * `four` (the others repeat them). */
static inline void sse2_blocks(zb_scanset *s, const unsigned char *p, size_t nb,
                               uint64_t *edge_bits, uint64_t *term_bits, bool four)
{
	const __m128i s0 = _mm_set1_epi8((char)s->set[0]), s1 = _mm_set1_epi8((char)s->set[1]);
	const __m128i s2 = _mm_set1_epi8((char)s->set[2]), s3 = _mm_set1_epi8((char)s->set[3]);
	const __m128i t = _mm_set1_epi8((char)s->term);
	uint64_t inside = s->inside;
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
		edge_bits[b] = to_edges(x, y, s->words, &inside);
		term_bits[b] = y;
	}
	s->inside = inside;
}

static void blocks_sse2_2(zb_scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits,
                          uint64_t *term_bits)
{
	sse2_blocks(s, p, nb, edge_bits, term_bits, false);
}

static void blocks_sse2_4(zb_scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits,
                          uint64_t *term_bits)
{
	sse2_blocks(s, p, nb, edge_bits, term_bits, true);
}

/* AVX2: two 32-byte compares a block. */
__attribute__((target("avx2"), always_inline)) static inline void
avx2_blocks(zb_scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits,
            uint64_t *term_bits, bool four)
{
	const __m256i s0 = _mm256_set1_epi8((char)s->set[0]), s1 = _mm256_set1_epi8((char)s->set[1]);
	const __m256i s2 = _mm256_set1_epi8((char)s->set[2]), s3 = _mm256_set1_epi8((char)s->set[3]);
	const __m256i t = _mm256_set1_epi8((char)s->term);
	uint64_t inside = s->inside;
	size_t b;

	for (b = 0; b < nb; b++, p += 64) {
		__m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
		__m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
		__m256i in_lo = _mm256_or_si256(_mm256_cmpeq_epi8(lo, s0), _mm256_cmpeq_epi8(lo, s1));
		__m256i in_hi = _mm256_or_si256(_mm256_cmpeq_epi8(hi, s0), _mm256_cmpeq_epi8(hi, s1));
		uint64_t x, y;
		if (four) {
			in_lo = _mm256_or_si256(in_lo, _mm256_or_si256(_mm256_cmpeq_epi8(lo, s2),
			                                               _mm256_cmpeq_epi8(lo, s3)));
			in_hi = _mm256_or_si256(in_hi, _mm256_or_si256(_mm256_cmpeq_epi8(hi, s2),
			                                               _mm256_cmpeq_epi8(hi, s3)));
		}
		x = (uint64_t)(uint32_t)_mm256_movemask_epi8(in_lo) |
		    (uint64_t)(uint32_t)_mm256_movemask_epi8(in_hi) << 32;
		y = (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, t)) |
		    (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, t)) << 32;
		edge_bits[b] = to_edges(x, y, s->words, &inside);
		term_bits[b] = y;
	}
	s->inside = inside;
}

__attribute__((target("avx2"))) static void blocks_avx2_2(zb_scanset *s, const unsigned char *p,
                                                          size_t nb, uint64_t *edge_bits,
                                                          uint64_t *term_bits)
{
	avx2_blocks(s, p, nb, edge_bits, term_bits, false);
}

__attribute__((target("avx2"))) static void blocks_avx2_4(zb_scanset *s, const unsigned char *p,
                                                          size_t nb, uint64_t *edge_bits,
                                                          uint64_t *term_bits)
{
	avx2_blocks(s, p, nb, edge_bits, term_bits, true);
}

/* AVX-512 (BW): one 64-byte compare a block, straight into a mask. */
__attribute__((target("avx512bw"), always_inline)) static inline void
avx512_blocks(zb_scanset *s, const unsigned char *p, size_t nb, uint64_t *edge_bits,
              uint64_t *term_bits, bool four)
{
	const __m512i s0 = _mm512_set1_epi8((char)s->set[0]), s1 = _mm512_set1_epi8((char)s->set[1]);
	const __m512i s2 = _mm512_set1_epi8((char)s->set[2]), s3 = _mm512_set1_epi8((char)s->set[3]);
	const __m512i t = _mm512_set1_epi8((char)s->term);
	uint64_t inside = s->inside;
	size_t b;

	for (b = 0; b < nb; b++, p += 64) {
		__m512i v = _mm512_loadu_si512((const void *)p);
		uint64_t x = _mm512_cmpeq_epi8_mask(v, s0) | _mm512_cmpeq_epi8_mask(v, s1);
		uint64_t y = _mm512_cmpeq_epi8_mask(v, t);
		if (four)
			x |= _mm512_cmpeq_epi8_mask(v, s2) | _mm512_cmpeq_epi8_mask(v, s3);
		edge_bits[b] = to_edges(x, y, s->words, &inside);
		term_bits[b] = y;
	}
	s->inside = inside;
}

__attribute__((target("avx512bw"))) static void blocks_avx512_2(zb_scanset *s,
                                                                const unsigned char *p, size_t nb,
                                                                uint64_t *edge_bits,
                                                                uint64_t *term_bits)
{
	avx512_blocks(s, p, nb, edge_bits, term_bits, false);
}

__attribute__((target("avx512bw"))) static void blocks_avx512_4(zb_scanset *s,
                                                                const unsigned char *p, size_t nb,
                                                                uint64_t *edge_bits,
                                                                uint64_t *term_bits)
{
	avx512_blocks(s, p, nb, edge_bits, term_bits, true);
}
#endif

/* The engines, slowest first; the last one this CPU can run is the default. */
static const struct engine {
	const char *name;
	blocks_fn *two, *four; /* for sets of up to two bytes, and of more */
} engines[] = {
	{"portable", blocks_portable, blocks_portable},
#ifdef HAVE_X86
	{"sse2", blocks_sse2_2, blocks_sse2_4},
	{"avx2", blocks_avx2_2, blocks_avx2_4},
	{"avx512", blocks_avx512_2, blocks_avx512_4},
#endif
};

#define NENGINES (sizeof engines / sizeof *engines)

static const struct engine *current;

static bool runs_here(const struct engine *e)
{
#ifdef HAVE_X86
	__builtin_cpu_init();
	if (e->two == blocks_avx2_2)
		return __builtin_cpu_supports("avx2");
	if (e->two == blocks_avx512_2)
		return __builtin_cpu_supports("avx512bw");
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

bool zb_scanset_refill(zb_scanset *s)
{
	blocks_fn *fn = s->nset > 2 ? current->four : current->two;
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
	if (n > ZB_SCANSET_BLOCKS)
		n = ZB_SCANSET_BLOCKS;
	fn(s, s->data + s->next, n, s->edge_bits, s->term_bits);
	s->next += 64 * n;
	if (n < ZB_SCANSET_BLOCKS && s->next < s->len) {
		/* The last, partial block: examined in a copy padded with a byte outside
		 * the class, so nothing is read past the view; the padding ends a run
		 * that reaches the view's end, at len. */
		unsigned char tail[64];
		size_t rest = s->len - s->next;
		memcpy(tail, s->data + s->next, rest);
		memset(tail + rest, outside_byte(s), 64 - rest);
		fn(s, tail, 1, &s->edge_bits[n], &s->term_bits[n]);
		s->next = s->len;
		n++;
	}
	s->nblocks = n;
	return true;
}

size_t zb_scanset_count(const zb_scanset *s)
{
	uint64_t t = s->terms;
	size_t n = zb_popcount64(s->edges & (t ^ (t - 1))), i;
	zb_scanset ahead;

	if (t)
		return n;
	for (i = s->cur; i < s->nblocks; i++) { /* the blocks already examined */
		t = s->term_bits[i];
		n += zb_popcount64(s->edge_bits[i] & (t ^ (t - 1)));
		if (t)
			return n;
	}
	ahead = *s; /* further on, in a copy: its refills leave s as it was */
	for (;;) {
		if (!zb_scanset_refill(&ahead))
			return n;
		for (i = 0; i < ahead.nblocks; i++) {
			t = ahead.term_bits[i];
			n += zb_popcount64(ahead.edge_bits[i] & (t ^ (t - 1)));
			if (t)
				return n;
		}
	}
}
