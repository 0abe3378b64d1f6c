/* find_general.h - the kernel for any plan: a record at a time. */
#ifndef FIND_GENERAL_H
#define FIND_GENERAL_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* Prepares p->tail when the LIST names only fields counted from NF, none deeper
 * than TAIL_MAX, and the delimiter is one byte; -1 when out of memory. */
int tail_prepare(struct plan *p);

/* The record [rec_start, rec_end) of block (without its terminator): its
 * predicates' fields and its ranges found, and written by the emitter.  With
 * s->header it is a header: written whatever the predicates and -s say. */
void general_record(const struct plan *p, struct scratch *s, zb_view block, size_t rec_start,
                    size_t rec_end, struct output *out);

/* KERNEL_RECORDS: general_record for each record of block. */
void general_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

/* KERNEL_WHOLE (-d equal to the terminator): block is a whole input, one record
 * whose fields are its lines (see whole_block in find_general.c). */
void whole_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

#endif
