/*
 * regex_match.h - a predicate's compiled ERE and the literals any match must hold, and
 * the one rule for whether a value matches it (every kernel asks here).
 */
#ifndef REGEX_MATCH_H
#define REGEX_MATCH_H

#include <regex.h>
#include <stdbool.h>

#include "regex_literals.h"
#include "zb/zb.h"

struct regex {
	regex_t re;
	regex_t ascii;  /* the same ERE compiled in the C locale, for ASCII values ... */
	bool has_ascii; /* ... when the locale is multi-byte and the ERE means the same */
	struct regex_literals lits;
	bool fold;              /* REG_ICASE in a UTF-8 locale: values folded (fold_utf8) ... */
	unsigned char *folded;  /* ... into this thread's buffer (grows to the longest value) */
	size_t folded_cap;
};

/* regcomp's result for ere and cflags; on success, r holds it and its literals.
 * With REG_ICASE in a UTF-8 locale (fold_unicode), the ERE's characters beyond
 * ASCII are folded first, as the values are, so that every character is folded as
 * the string predicates fold it (glibc's REG_ICASE leaves ẞ and ß apart). */
int regex_compile(struct regex *r, const char *ere, int cflags);

/* regcomp of ere as regex_compile reads it (folded for REG_ICASE): the ERE is
 * checked with this when it is given. */
int regex_regcomp(regex_t *re, const char *ere, int cflags);

void regex_free(struct regex *r);

/* Whether the value v matches: none of the literals, no match; only literals in the
 * ERE, a match; else regexec on v in place (REG_STARTEND), by the C-locale twin when
 * v is ASCII and there is one, or on v folded into r's buffer when r folds and v has
 * a byte beyond ASCII. */
bool regex_matches(struct regex *r, zb_view v);

#endif
