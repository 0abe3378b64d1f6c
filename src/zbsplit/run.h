/* run.h - the record loop: one input after another through the plan to the
 * output.  main.c opens the inputs; the fuzz harness gives it descriptors of its
 * own. */
#ifndef RUN_H
#define RUN_H

#include <stdbool.h>

#include "header.h"
#include "options.h"
#include "output.h"
#include "planner.h"
#include "records.h"
#include "scratch.h"

struct run {
	struct config *cfg;
	struct plan plan;
	struct scratch scratch; /* this thread's */
	bool planned;           /* the plan is made (after the header, when it names fields) */
	struct header_numbers numbers; /* -H: the numbers the plan was made with */
	struct records records;
	struct output out;
	bool header_written;    /* -H: the first input's header is out */
	struct jobs *jobs;      /* -j: the workers; NULL: this thread does the work */
	size_t lines;           /* --csv=strict: the lines of the input worked on so far */
	bool after_cr;          /* ... the last of which ended with a CR */
};

/* Prepares run for cfg, writing to out_fd; -1 when out of memory. */
int run_open(struct run *run, struct config *cfg, int out_fd);

/* Runs the input on fd (called `name` in messages) through; returns 0, or 1 after
 * reporting a read error.  The caller closes fd. */
int run_input(struct run *run, int fd, const char *name);

/* Writes out what is pending and frees what run_open allocated. */
void run_close(struct run *run);

#endif
