/*
 * regex_literals.h - the literals every match of an ERE must contain, found in the
 * pattern's text, so that the records holding none of them are never given to
 * regexec (grep's and ripgrep's prefilter).
 */
#ifndef REGEX_LITERALS_H
#define REGEX_LITERALS_H

#include <stdbool.h>
#include <stddef.h>

#include "zb/zb.h"

#define REGEX_LITERALS_MAX 8   /* top-level alternatives, one literal each */
#define REGEX_LITERAL_BYTES 64 /* a longer literal is cut: its start is required too */

/* One literal per top-level alternative: a match holds at least one of them.
 * n == 0: none is known, and every value goes to regexec. */
struct regex_literals {
	size_t n;
	bool exact; /* the ERE is only these literals: holding one IS matching */
	unsigned char len[REGEX_LITERALS_MAX];
	unsigned char text[REGEX_LITERALS_MAX][REGEX_LITERAL_BYTES];
};

/* The literals of the ERE `ere` compiled with `cflags` (which regcomp accepted),
 * read with characters of the current LC_CTYPE.  Gives none for what it cannot
 * prove: REG_ICASE, back-references, an alternative without a literal. */
void regex_literals_make(struct regex_literals *l, const char *ere, int cflags);

/* Whether v holds one of the literals (l->n > 0). */
bool regex_literals_in(const struct regex_literals *l, zb_view v);

/* A walk over a block for the literals: each one's next place, searched again only
 * once the walk has passed it, so every literal is searched once over the block. */
struct regex_hits {
	size_t next[REGEX_LITERALS_MAX]; /* SIZE_MAX: not searched yet; v.len: no more */
};

void regex_hits_start(struct regex_hits *h);

/* The first offset >= from in v where one of the literals begins, or v.len. */
size_t regex_hits_next(struct regex_hits *h, const struct regex_literals *l, zb_view v,
                       size_t from);

#endif
