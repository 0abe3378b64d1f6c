/*
 * scan.c - the refill of scan2: bit masks of two byte values, 64 bytes a block.
 *
 * Three engines give identical masks: AVX2 (two 32-byte compares a block), SSE2
 * (four 16-byte compares; every x86-64 has it) and a portable loop.  The engine is
 * chosen once, at the first refill, from what the CPU supports, so the binary needs
 * no -march flag (valgrind, for one, cannot run AVX-512 code).  Building with
 * -DZB_PORTABLE forces the portable loop, so both paths can be tested.
 */
#include <string.h>

#include "masks.h"
#include "zb.h"

/* Masks of a and b for the n 64-byte blocks at p, and the number of a's in each (so
 * passing over many fields costs a load a block): one call per refill. */
typedef void blocks_fn(const unsigned char *p, size_t n, unsigned char a, unsigned char b,
                       uint64_t *am, uint64_t *bm, unsigned char *acount);

static void blocks_portable(const unsigned char *p, size_t n, unsigned char a, unsigned char b,
                            uint64_t *am, uint64_t *bm, unsigned char *acount)
{
	size_t k;

	for (k = 0; k < n; k++, p += 64) {
		pair_masks_portable(p, a, b, &am[k], &bm[k]);
		acount[k] = (unsigned char)popcount64(am[k]);
	}
}

#ifdef HAVE_X86
static void blocks_sse2(const unsigned char *p, size_t n, unsigned char a, unsigned char b,
                        uint64_t *am, uint64_t *bm, unsigned char *acount)
{
	size_t k;

	for (k = 0; k < n; k++, p += 64) {
		pair_masks_sse2(p, a, b, &am[k], &bm[k]);
		acount[k] = (unsigned char)popcount64(am[k]);
	}
}

/* Every CPU with AVX2 has POPCNT. */
__attribute__((target("avx2,popcnt"))) static void blocks_avx2(const unsigned char *p, size_t n,
                                                               unsigned char a, unsigned char b,
                                                               uint64_t *am, uint64_t *bm,
                                                               unsigned char *acount)
{
	size_t k;

	for (k = 0; k < n; k++, p += 64) {
		pair_masks_avx2(p, a, b, &am[k], &bm[k]);
		acount[k] = (unsigned char)_mm_popcnt_u64(am[k]);
	}
}
#endif

static blocks_fn *engine;
static const char *engine_name;

static void choose_engine(void)
{
	engine = blocks_portable;
	engine_name = "portable";
#ifdef HAVE_X86
	engine = blocks_sse2;
	engine_name = "sse2";
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2")) {
		engine = blocks_avx2;
		engine_name = "avx2";
	}
#endif
}

#if defined(__GNUC__) || defined(__clang__)
/* Chosen when the program starts, before any thread can scan: the choice is the
 * library's one global state, and is then never raced for. */
__attribute__((constructor)) static void choose_at_start(void)
{
	choose_engine();
}
#endif

int scan2_use(const char *name)
{
	if (engine == NULL)
		choose_engine();
	if (strcmp(name, "portable") == 0) {
		engine = blocks_portable;
		engine_name = "portable";
		return 0;
	}
#ifdef HAVE_X86
	if (strcmp(name, "sse2") == 0) {
		engine = blocks_sse2;
		engine_name = "sse2";
		return 0;
	}
	if (strcmp(name, "avx2") == 0 && __builtin_cpu_supports("avx2")) {
		engine = blocks_avx2;
		engine_name = "avx2";
		return 0;
	}
#endif
	return -1;
}

const char *scan2_engine(void)
{
	if (engine == NULL)
		choose_engine();
	return engine_name;
}

void scan2_start(scan2 *s, zb_view v, unsigned char a, unsigned char b)
{
	s->data = v.data;
	s->len = v.len;
	s->next = 0;
	s->base = 0;
	s->cur = s->nblocks = 0;
	s->a = a;
	s->b = b;
	if (engine == NULL)
		choose_engine();
}

bool scan2_refill(scan2 *s)
{
	size_t n;

	if (s->next >= s->len)
		return false;
	s->base = s->next;
	n = (s->len - s->next) / 64;
	if (n > SCAN2_BLOCKS)
		n = SCAN2_BLOCKS;
	engine(s->data + s->next, n, s->a, s->b, s->a_bits, s->b_bits, s->a_count);
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
		engine(tail, 1, s->a, s->b, &s->a_bits[n], &s->b_bits[n], &s->a_count[n]);
		s->next = s->len;
		n++;
	}
	s->cur = 0;
	s->nblocks = n;
	return true;
}
