/*
 * jobs.h - -j: an input's records handed out in blocks to worker threads, each with
 * scratch of its own and the plan shared, and their output written in the input's
 * order.
 */
#ifndef JOBS_H
#define JOBS_H

#include <stdbool.h>

#include "output.h"
#include "planner.h"
#include "records.h"

struct jobs;

/* Prepares n workers for blocks of block_size bytes of records ended by term;
 * NULL when out of memory.  The threads start when an input first needs them. */
struct jobs *jobs_open(unsigned n, size_t block_size, unsigned char term);

/*
 * Runs the rest of the input r reads (from fd) through the workers with plan p,
 * writing to out in order.  A regular file is read by the workers by position,
 * from what r has handed out on; a pipe through r, whose blocks go to the workers
 * as they come (when `may_block`, the output made so far is written before a read
 * that would wait).  Returns 0, or -1 on a read error or a record too big for
 * memory (errno set) after writing what came before; or 1, having read nothing,
 * when a pipe would need a thread and the system gives none (the caller then
 * reads it).
 */
int jobs_input(struct jobs *j, const struct plan *p, struct records *r, int fd, bool may_block,
               struct output *out);

/* The plan given to jobs_input was freed: the workers' scratch is made again for
 * the next, even at the same address. */
void jobs_forget_plan(struct jobs *j);

/* Stops the workers and frees everything. */
void jobs_close(struct jobs *j);

#endif
