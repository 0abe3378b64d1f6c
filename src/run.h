/* run.h - the record loop: one input after another through the filter and the
 * selector to the output.  main.c opens the inputs; the fuzz harness gives it
 * descriptors of its own. */
#ifndef RUN_H
#define RUN_H

#include <stdbool.h>

#include "options.h"
#include "output.h"
#include "records.h"

struct run {
	struct config *cfg;
	struct records records;
	struct output out;
	bool header_written; /* -H: the first input's header is out */
	struct jobs *jobs;   /* -j: the workers; NULL: this thread does the work */
};

/* Prepares run for cfg, writing to out_fd; -1 when out of memory. */
int run_open(struct run *run, struct config *cfg, int out_fd);

/* Runs the input on fd (called `name` in messages) through; returns 0, or 1 after
 * reporting a read error.  The caller closes fd. */
int run_input(struct run *run, int fd, const char *name);

/* The records of block (as records_next_block hands out) through cfg's filter and
 * selector to out. */
void run_block(struct config *cfg, zb_view block, struct output *out);

/* Gives the names in cfg's LIST and predicates their numbers from a header record;
 * a name the header lacks is a usage error. */
void run_resolve_names(struct config *cfg, zb_view rec);

/* Writes out what is pending and frees what run_open allocated. */
void run_close(struct run *run);

#endif
