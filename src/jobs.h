/*
 * jobs.h - -j: an input's records handed out in blocks to worker threads, each with
 * a configuration of its own, and their output written in the input's order.
 */
#ifndef JOBS_H
#define JOBS_H

#include <stdbool.h>

#include "options.h"
#include "output.h"

struct jobs;

/* Starts cfg->jobs workers, each with its own configuration made from cfg's command
 * line, and the blocks they work on; NULL when out of memory or threads. */
struct jobs *jobs_open(const struct config *cfg);

/* Gives the workers' configurations the field names of a -H header record. */
void jobs_resolve_names(struct jobs *j, zb_view header);

/*
 * Runs the rest of the input on fd through the workers, writing to out in order:
 * first the bytes `carry` (already read, not yet a whole record perhaps), then
 * what fd gives until end of file (`eof`: it has been seen).  When `may_block`
 * (a pipe), the output made so far is written before a read that would wait.
 * Returns 0, or -1 on a read error (errno set) after writing what came before; or
 * 1, having read nothing, when a pipe would need a thread and the system gives none
 * (a file's parts are then worked on by the calling thread).
 */
int jobs_input(struct jobs *j, int fd, bool may_block, zb_view carry, bool eof,
               struct output *out);

/* Stops the workers and frees everything. */
void jobs_close(struct jobs *j);

#endif
