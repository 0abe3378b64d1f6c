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
};

/* Prepares run for cfg, writing to out_fd; -1 when out of memory. */
int run_open(struct run *run, struct config *cfg, int out_fd);

/* Runs the input on fd (called `name` in messages) through; returns 0, or 1 after
 * reporting a read error.  The caller closes fd. */
int run_input(struct run *run, int fd, const char *name);

/* Writes out what is pending and frees what run_open allocated. */
void run_close(struct run *run);

#endif
