/*
 * engine.c - the table of engines, and the one CPU check that chooses among them
 * (see engine.h).
 */
#include <string.h>

#include "kernels/engine.h"

enum need {
	NEED_NONE,
	NEED_SSSE3,     /* every x86-64 has SSE2; the UTF-8 checks want SSSE3's pshufb */
	NEED_AVX2,      /* every CPU with AVX2 has POPCNT and SSSE3 too */
	NEED_AVX2_BMI2
};

/* The engines, slowest first; two rows of one name are the same engine, the first
 * for a CPU that lacks what the second needs. */
static const struct engine {
	struct kernels k;
	enum need need;
} engines[] = {
	{{"portable", scan2_blocks_portable, scanset_blocks_portable, scanset_blocks_portable,
	  scanset_block_portable, scanset_part_portable, utf8_skip_portable, utf8_find_portable,
	  first_fields_portable, keep_field_eq_portable, csv_blocks_portable},
	 NEED_NONE},
#ifdef HAVE_X86
	{{"sse2", scan2_blocks_sse2, scanset_two_sse2, scanset_four_sse2, scanset_block_sse2,
	  scanset_part_sse2, utf8_skip_portable, utf8_find_portable, first_fields_sse2,
	  keep_field_eq_sse2, csv_blocks_sse2},
	 NEED_NONE},
	{{"sse2", scan2_blocks_sse2, scanset_two_sse2, scanset_four_sse2, scanset_block_sse2,
	  scanset_part_sse2, utf8_skip_ssse3, utf8_find_ssse3, first_fields_sse2,
	  keep_field_eq_sse2, csv_blocks_sse2},
	 NEED_SSSE3},
	{{"avx2", scan2_blocks_avx2, scanset_two_avx2, scanset_four_avx2, scanset_block_avx2,
	  scanset_part_sse2, utf8_skip_avx2, utf8_find_avx2, first_fields_avx2, keep_field_eq_avx2,
	  csv_blocks_avx2},
	 NEED_AVX2},
	{{"avx2-bmi2", scan2_blocks_avx2, scanset_two_avx2, scanset_four_avx2, scanset_block_avx2,
	  scanset_part_sse2, utf8_skip_avx2, utf8_find_avx2_pdep, first_fields_avx2,
	  keep_field_eq_avx2, csv_blocks_avx2},
	 NEED_AVX2_BMI2},
#endif
};

#define NENGINES (sizeof engines / sizeof *engines)

const struct kernels *kernels_current;

/* Whether this CPU can run engine e. */
static bool runs(const struct engine *e)
{
#ifdef HAVE_X86
	__builtin_cpu_init();
	switch (e->need) {
	case NEED_NONE:
		return true;
	case NEED_SSSE3:
		return __builtin_cpu_supports("ssse3");
	case NEED_AVX2:
		return __builtin_cpu_supports("avx2");
	case NEED_AVX2_BMI2:
		return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2");
	}
	return false;
#else
	return e->need == NEED_NONE;
#endif
}

/* Whether engine e is worth choosing by default on this CPU. */
static bool fast(const struct engine *e)
{
#ifdef HAVE_X86
	if (e->need == NEED_AVX2_BMI2)
		return !__builtin_cpu_is("amdfam15h") && !__builtin_cpu_is("amdfam17h");
#endif
	(void)e;
	return true;
}

const struct kernels *kernels_choose(void)
{
	size_t i = NENGINES;

	while (kernels_current == NULL) {
		i--;
		if (runs(&engines[i]) && fast(&engines[i]))
			kernels_current = &engines[i].k;
	}
	return kernels_current;
}

#if defined(__GNUC__) || defined(__clang__)
/* Chosen when the program starts, before any thread can run a kernel: the choice
 * is the kernels' one global state, and is then never raced for. */
__attribute__((constructor)) static void choose_at_start(void)
{
	(void)kernels_choose();
}
#endif

const char *kernels_engine(void)
{
	return kernels()->name;
}

int kernels_use(const char *name)
{
	size_t i = NENGINES;

	while (i-- > 0) /* the last row of the name that runs here */
		if (strcmp(engines[i].k.name, name) == 0 && runs(&engines[i])) {
			kernels_current = &engines[i].k;
			return 0;
		}
	return -1;
}
