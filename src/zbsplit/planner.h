/* planner.h - making the plan, and running blocks through the kernel it chose. */
#ifndef PLANNER_H
#define PLANNER_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

/* For tests: plan_make then gives every plan the kernel that serves any
 * (KERNEL_RECORDS), whose output the others must match. */
extern bool planner_general_only;

/* Makes p for cfg, whose field names are resolved; -1 when out of memory. */
int plan_make(struct plan *p, const struct config *cfg);

/* The records of block (whole records, or one record without its terminator)
 * through the plan's kernel to out, with a thread's scratch s. */
void plan_run_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out);

/* Frees what plan_make allocated. */
void plan_free(struct plan *p);

#endif
