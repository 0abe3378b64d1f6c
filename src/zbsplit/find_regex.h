/* find_regex.h - the kernel for --regex 0:ERE (or --not-regex) alone. */
#ifndef FIND_REGEX_H
#define FIND_REGEX_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* Whether the plan is one predicate, --regex or --not-regex on field 0, whose ERE has
 * literals, and records written whole (no LIST, -s or strip). */
bool regex_block_serves(const struct plan *p);

/* KERNEL_KEEP_REGEX: the block searched for the literals; only the records that
 * hold one are decided (regex_matches), the others are dropped, or kept whole
 * with --not-regex or -v. */
void regex_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

#endif
