/*
 * engine.h - the one engine choice of every kernel (scan2, scanset, utf8,
 * first_fields, keep_field_eq, csv), made once from what the CPU has.
 *
 * An engine is a row of one table: for each kernel family, the function that
 * examines its blocks.  The engines, slowest first:
 *
 *   "portable"   plain C, a byte (or a word) at a time; the only one in a build
 *                with -DZB_PORTABLE or for another CPU;
 *   "sse2"       16-byte compares (every x86-64 has SSE2), and the UTF-8 rules
 *                checked with SSSE3 when the CPU has it (else the portable walk);
 *   "avx2"       32-byte compares and AVX2 UTF-8 checks;
 *   "avx2-bmi2"  "avx2" with the n-th character start found by PDEP (BMI2).
 *
 * The default is the last this CPU runs well (the first AMD processors with PDEP,
 * families 15h and 17h, run it as slow microcode, so they get "avx2").  So the
 * binary needs no -march flag (valgrind, for one, cannot run AVX-512 code), and the
 * tests can force each engine and compare it with the portable one.
 */
#ifndef KERNELS_ENGINE_H
#define KERNELS_ENGINE_H

#include "kernels/csv.h"
#include "kernels/scan2.h"
#include "kernels/scanset.h"
#include "kernels/utf8.h"
#include "zb/zb.h"

#if !defined(ZB_PORTABLE) && (defined(__x86_64__) || defined(_M_X64)) && \
    (defined(__GNUC__) || defined(__clang__))
#define HAVE_X86 1
#include <immintrin.h>
#endif

/* The name of the engine in use. */
const char *kernels_engine(void);

/* For tests and benchmarks: makes every kernel use the engine called name, from
 * its next block on; -1 when this CPU or build does not have it (the engine is then
 * unchanged).  Call it only while no other thread runs a kernel. */
int kernels_use(const char *name);

/* ---- for the kernels' own files: the table they are dispatched through ---- */

/* scan2: the masks of a and b in n 64-byte blocks at p, and the a's in each. */
typedef void scan2_blocks_fn(const unsigned char *p, size_t n, unsigned char a, unsigned char b,
                             uint64_t *am, uint64_t *bm, unsigned char *acount);
/* scanset: edge and terminator masks of nb blocks, carrying s->inside */
typedef void scanset_blocks_fn(scanset *s, const unsigned char *p, size_t nb,
                               uint64_t *edge_bits, uint64_t *term_bits);
/* scanset: set and terminator masks of one block */
typedef void scanset_block_fn(const scanset *s, const unsigned char *p, uint64_t *set,
                              uint64_t *term);
/* scanset: the masks of n < 64 bytes, the last of a view shorter than a block */
typedef void scanset_part_fn(const scanset *s, const unsigned char *p, size_t n, uint64_t *set,
                             uint64_t *term);
/* utf8: utf8_walk_skip, and utf8_find_line (term < 0 for utf8_find) */
typedef size_t utf8_skip_fn(utf8_walk *w, size_t n, size_t limit);
typedef size_t utf8_find_fn(zb_view v, int term, const size_t *nums, size_t count,
                            utf8_span *spans, bool *invalid, size_t *line_len);
typedef size_t first_fields_fn(zb_view v, unsigned char delim, unsigned char term,
                               unsigned char *dst);
/* csv: the field and record ends of nb <= 64 blocks of 64 bytes, carrying s->state;
 * returns the blocks not known to be well formed */
typedef uint64_t csv_blocks_fn(struct csv_scan *s, const unsigned char *p, size_t nb, uint64_t *seps,
                           uint64_t *ends);
typedef size_t keep_field_eq_fn(zb_view v, unsigned char delim, unsigned char term, size_t n,
                                const void *str, size_t len, bool invert, bool crlf,
                                unsigned char *dst);

struct kernels {
	const char *name;
	scan2_blocks_fn *scan2_blocks;
	scanset_blocks_fn *scanset_two;  /* refills for sets of up to two bytes */
	scanset_blocks_fn *scanset_four; /* and of more */
	scanset_block_fn *scanset_one;
	scanset_part_fn *scanset_part;
	utf8_skip_fn *utf8_skip;
	utf8_find_fn *utf8_find;
	first_fields_fn *first_fields;
	keep_field_eq_fn *keep_field_eq;
	csv_blocks_fn *csv_blocks;
};

/* The engine in use; NULL until chosen (before main() with GCC and Clang). */
extern const struct kernels *kernels_current;

/* Chooses the default engine (once) and returns it. */
const struct kernels *kernels_choose(void);

static inline const struct kernels *kernels(void)
{
	return kernels_current ? kernels_current : kernels_choose();
}

/* Each family's functions, by engine (defined in the family's file). */
scan2_blocks_fn scan2_blocks_portable;
scanset_blocks_fn scanset_blocks_portable;
scanset_block_fn scanset_block_portable;
scanset_part_fn scanset_part_portable;
utf8_skip_fn utf8_skip_portable;
utf8_find_fn utf8_find_portable;
first_fields_fn first_fields_portable;
keep_field_eq_fn keep_field_eq_portable;
csv_blocks_fn csv_blocks_portable;
#ifdef HAVE_X86
scan2_blocks_fn scan2_blocks_sse2, scan2_blocks_avx2;
scanset_blocks_fn scanset_two_sse2, scanset_four_sse2, scanset_two_avx2, scanset_four_avx2;
scanset_block_fn scanset_block_sse2, scanset_block_avx2;
scanset_part_fn scanset_part_sse2;
utf8_skip_fn utf8_skip_ssse3, utf8_skip_avx2;
utf8_find_fn utf8_find_ssse3, utf8_find_avx2, utf8_find_avx2_pdep;
first_fields_fn first_fields_sse2, first_fields_avx2;
keep_field_eq_fn keep_field_eq_sse2, keep_field_eq_avx2;
csv_blocks_fn csv_blocks_sse2, csv_blocks_avx2;
#endif

#endif
