/* find_units.h - characters (-c) and bytes (-b, with -n whole characters). */
#ifndef FIND_UNITS_H
#define FIND_UNITS_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* Prepares p->few and p->near for -c with a fixed plan. */
void chars_prepare(struct plan *p);

/* The ranges of characters, or of bytes, of the record rec (at rec_start in its
 * block) into s->spans; return how many. */
size_t chars_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start);
size_t bytes_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start);

/* KERNEL_CHARS: -c with a fixed plan and no predicates, the records of block found
 * with their characters in one pass each. */
void chars_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

#endif
