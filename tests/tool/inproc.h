/*
 * inproc.h - zbsplit run inside the test process: options_parse, then run_input
 * (records, collator, plan, kernels, emitter, -j's workers, output) on an input given as
 * bytes, so a case at buffer sizes 1, 2, 3, 7 and 64 costs a few reads, not five
 * process starts.  The test binary links its own diag_exit (inproc.c), which jumps
 * back here, so a usage error is an outcome to check, not the end of the tests.
 */
#ifndef INPROC_H
#define INPROC_H

#include <stdbool.h>
#include <stddef.h>

/* How the input reaches run_input. */
enum feed {
	FEED_FILE, /* a regular file: -j reads its parts with pread */
	FEED_PIPE  /* a pipe: read as it comes, output flushed before each read */
};

struct inproc_result {
	int status;         /* the exit status zbsplit would have had */
	unsigned char *out; /* what it wrote on standard output (owned) */
	size_t out_len;
	char *err;          /* what it wrote on standard error, NUL-terminated (owned) */
	size_t err_len;
};

/*
 * Runs `zbsplit ARGS` (args: argc words, no program name, no file operand) on the
 * n bytes at input, fed as `feed`.  Returns 0 with *r filled, or -1 when the test
 * could not set the run up (a temporary file, a pipe).
 */
int inproc_run(int argc, const char *const *args, const void *input, size_t n, enum feed feed,
               struct inproc_result *r);

void inproc_free(struct inproc_result *r);

/* Splits a line of tests/option_sets.txt into words (spaces between, 'quotes'
 * kept together) in words[0..max); returns how many, or -1 for a line outside the
 * syntax the file allows.  The words point into line, which is modified. */
int split_words(char *line, char **words, int max);

#endif
