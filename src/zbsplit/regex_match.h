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
};

/* regcomp's result for ere and cflags; on success, r holds it and its literals. */
int regex_compile(struct regex *r, const char *ere, int cflags);

void regex_free(struct regex *r);

/* Whether the value v matches: none of the literals, no match; only literals in the
 * ERE, a match; else regexec on v in place (REG_STARTEND), by the C-locale twin when
 * v is ASCII and there is one. */
bool regex_matches(const struct regex *r, zb_view v);

#endif
