/*
 * harness.h - what the libFuzzer targets share: taking choices from the front of the
 * fuzzer's input, running the option parser in-process, and failing loudly.
 *
 * The tool ends through diag_exit (src/diag_exit.c); the targets link harness.c's
 * diag_exit instead, which jumps back to the target that armed it, so a usage error
 * or --help is an outcome the target can check, not the end of the fuzzer.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "options.h"

/* The fuzzer's input, consumed from the front. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

/* A number in [0, range) from the next byte (0 once the input is used up). */
unsigned fuzz_take(struct fuzz_in *in, unsigned range);

/* Whether the next byte is odd. */
bool fuzz_bool(struct fuzz_in *in);

/*
 * options_parse(argc, argv, c) in-process.  Returns -1 when it returned (c is then
 * filled), or the status it exited with (0 after --help/--version, 2 for a usage
 * error).  Nothing it prints reaches the terminal: what went to stderr is in
 * fuzz_stderr_text afterwards (see fuzz_capture).  Either way options_free(c) is safe
 * afterwards.
 */
int fuzz_options_parse(int argc, char **argv, struct config *c);

/* Arms diag_exit: a later exit of the tool longjmps to *env with status + 1. */
extern jmp_buf *fuzz_exit_env;

/* Sends what the tool writes on stdout and stderr (through stdio) to memory until
 * fuzz_release; the text written on stderr is then in fuzz_stderr_text. */
void fuzz_capture(void);
void fuzz_release(void);
extern char *fuzz_stderr_text;
extern size_t fuzz_stderr_len;

/* Prints "fuzz: " and the message on stderr (the real one), then aborts, so that
 * libFuzzer saves the input as a crash. */
_Noreturn void fuzz_fail(const char *fmt, ...);

/* Prints n bytes with C escapes, for failure reports. */
void fuzz_dump(const char *label, const void *p, size_t n);

/* A command line the target builds, NULL-terminated; fuzz_args_free frees it. */
#define FUZZ_MAX_ARGV 64
struct fuzz_args {
	char *v[FUZZ_MAX_ARGV + 1];
	int n;
};

/* Adds fmt with its one %s replaced by text. */
void fuzz_arg(struct fuzz_args *a, const char *fmt, const char *text);

/* Prints the command line, for failure reports. */
void fuzz_show_args(const struct fuzz_args *a);

void fuzz_args_free(struct fuzz_args *a);

/* Fills fd (a scratch file) with n bytes, rewound. */
void fuzz_fill(int fd, const void *p, size_t n);

/* What was written to fd, in a new allocation of *n bytes. */
unsigned char *fuzz_contents(int fd, size_t *n);

#endif
