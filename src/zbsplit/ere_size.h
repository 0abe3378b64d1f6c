/*
 * ere_size.h - a bound on what an ERE makes regcomp allocate (ere_size.c says why).
 */
#ifndef ERE_SIZE_H
#define ERE_SIZE_H

#include <stdbool.h>

/* The most copies of its parts an ERE may expand to; more is refused (a usage
 * error) before regcomp sees it.  Real patterns count tens ("[0-9]+\\.[0-9]+" 4,
 * "[0-9a-f]{64}" 64); at the bound the costliest found take about 25 MB. */
#define ERE_MAX_COPIES 1000

/* The message for an ERE over the bound. */
#define ERE_TOO_LARGE                                                                      \
	"it repeats too much (over 1000 copies when expanded, over 4 repetitions in a row, "  \
	"or groups nested over 256 deep)"

/* Whether the ERE is over the bound: more than ERE_MAX_COPIES copies of its parts
 * when expanded, repetitions stacked or groups nested too deep (ere_size.c). */
bool ere_too_large(const char *pattern);

#endif
