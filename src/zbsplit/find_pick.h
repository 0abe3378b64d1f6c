/* find_pick.h - the kernels for a one-byte delimiter and fixed fields. */
#ifndef FIND_PICK_H
#define FIND_PICK_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* Prepares p->pick: the delimiters the ranges and the predicates' fields lie
 * between; -1 when out of memory. */
int pick_prepare(struct plan *p);

/* KERNEL_PICK: the records of block (whole records, or one without its terminator)
 * written by the plan. */
void pick_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

/* KERNEL_FIRST_FIELDS and KERNEL_KEEP_STR_EQ: the same, in one pass over the block. */
void first_fields_block(const struct plan *p, struct scratch *s, zb_view block,
                        struct output *out);
void keep_str_eq_block(const struct plan *p, struct scratch *s, zb_view block,
                       struct output *out);

#endif
