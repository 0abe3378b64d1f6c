/*
 * header.h - -H: the names in the LIST and the predicates looked up in an input's
 * header record.  Each input's header names the fields of its own records, so the
 * numbers are looked up again for every input, and the plan made again only when
 * one of them changes.
 */
#ifndef HEADER_H
#define HEADER_H

#include "options.h"
#include "zb/zb.h"

/* The numbers the names were given, in the order they were looked up. */
struct header_numbers {
	size_t *n;
	size_t count, cap;
};

/*
 * Gives the names of cfg's LIST and predicates the numbers of the fields so called
 * in rec, the header record of the input called `input` (for messages).  A UTF-8
 * byte order mark before the header is not part of the first name; the names
 * are the fields as the predicates see them (the CRLF rule, --csv's values, the
 * strip options).  Returns 1 when the numbers differ from *made, which then holds
 * the new ones (a plan made with the old ones must be made again), 0 when they
 * do not, or -1 with a message naming the input in err: a name rec lacks (the
 * message lists the names it has), or a range of names that decreases.
 */
int header_resolve(struct config *cfg, zb_view rec, const char *input,
                   struct header_numbers *made, char *err, size_t errlen);

void header_numbers_free(struct header_numbers *h);

#endif
