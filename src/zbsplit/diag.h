/* diag.h - the tool's messages and exit statuses. */
#ifndef DIAG_H
#define DIAG_H

enum {
	EXIT_INPUT = 1, /* an input could not be read, or the output could not be written */
	EXIT_USAGE = 2  /* bad options or arguments */
};

/* Prints "zbsplit: MESSAGE" on stderr. */
void warn_msg(const char *fmt, ...);

/* Prints "zbsplit: MESSAGE: strerror(errno)" on stderr. */
void warn_errno(const char *fmt, ...);

/* warn_errno, then exit with status. */
_Noreturn void die_errno(int status, const char *fmt, ...);

/* A usage error: the message, a hint to try --help, exit status 2. */
_Noreturn void usage_error(const char *fmt, ...);

/* Ends the program with status: every exit of the tool goes through here (see
 * diag_exit.c, the one seam a test harness replaces). */
_Noreturn void diag_exit(int status);

#endif
