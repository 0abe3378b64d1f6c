/* find_blanks.h - the kernel for fields between runs of blanks (-w, -w=trimmed, -F). */
#ifndef FIND_BLANKS_H
#define FIND_BLANKS_H

#include <stdbool.h>

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* A plan with fields counted from NF is made for records of FAR fields, where NF-k
 * is field FAR - k (see blanks_prepare). */
#define FAR ((size_t)1 << 30)

/* Whether KERNEL_BLANKS can serve the configuration: blank runs, fields or
 * predicates, fixed or counted from NF no further than a plan for FAR fields holds. */
bool blanks_can(const struct config *c);

/* Prepares p->blanks from p->ranges (made for FAR fields when the LIST counts from
 * NF); -1 when out of memory. */
int blanks_prepare(struct plan *p);

/* The records of block written by the plan. */
void blanks_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

#endif
