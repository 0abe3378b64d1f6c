/* usage_hints.h - usage errors that teach: what getopt refused, -w's argument, and
 * awk's -F given to zbsplit's -F. */
#ifndef USAGE_HINTS_H
#define USAGE_HINTS_H

#include <getopt.h>
#include <stdbool.h>

/* The usage error for what getopt_long refused: `got` is ':' (missing argument) or
 * '?', `arg` the last word it looked at (exact for long options only); an
 * ambiguous long option lists the candidates in `table`. */
_Noreturn void bad_option(int got, const char *arg, const char *short_options,
                          const struct option *table);

/* -w's argument (NULL: none), given as a short option (`short_form`: the rest of
 * its word) or a long one: a usage error unless it is 'trimmed'. */
void check_whitespace_arg(const char *arg, bool short_form);

/* After -w without an argument: an operand 'trimmed' that is no file was meant as
 * -w=trimmed, and the usage error says so. */
void check_detached_trimmed(char *const *operands, int n);

/* -F's LIST was refused: when it looks like awk's separator (-F:), a usage error
 * that says what -F takes and suggests -d; else nothing. */
void awk_list_hint(const char *list);

#endif
