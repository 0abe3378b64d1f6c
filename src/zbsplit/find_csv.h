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

/* The number (from 1) of rec's first field whose value is name, or 0; a UTF-8
 * byte order mark before the first is not part of it; values are stripped as
 * the strip options say.  For -H. */
size_t csv_field_number(unsigned char delim, zb_view rec, const char *name,
                        const zb_byteset *lstrip, const zb_byteset *rstrip);

#endif
