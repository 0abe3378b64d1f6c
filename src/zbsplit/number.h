/* number.h - what the predicates read as a number: decimals, and the spellings of
 * NaN and infinity that --is-numeric, --is-nan and --is-infinity also take. */
#ifndef NUMBER_H
#define NUMBER_H

#include <stddef.h>

/* The length of the number at p[0..n): [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?, all of it
 * (0 when it is not exactly one number).  Infinity, NaN and hex are not numbers. */
size_t number_syntax(const char *p, size_t n);

enum number_special { NUMBER_NONE, NUMBER_NAN, NUMBER_INF };

/* Whether p[0..n) is [+-]?(nan|inf|infinity), in any case. */
enum number_special number_special(const char *p, size_t n);

#endif
