/* find_csv.h - the kernel for --csv: records and fields found by kernels/csv. */
#ifndef FIND_CSV_H
#define FIND_CSV_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* What KERNEL_CSV's plan needs: the field starts it keeps, and its fixed items;
 * -1 when out of memory. */
int csv_prepare(struct plan *p);

/* Runs block's CSV records (the last may lack its end) through p to out.  With
 * --csv=strict, a malformed record stops it: s->csv_bad says what is wrong, and
 * s->csv_bad_at where the record starts; what came before is written. */
void csv_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

/* Hands each value of the CSV record rec (decoded) to visit, in order, until visit
 * returns true; returns the number (from 1) of that value, or 0.  For the names of
 * -H (header.c). */
size_t csv_values_visit(unsigned char delim, zb_view rec, bool (*visit)(zb_view v, void *ctx),
                        void *ctx);

#endif
