/* diag.c - messages on stderr, each one line starting "zbsplit: ". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static void vmessage(const char *fmt, va_list ap, const char *reason)
{
	fputs("zbsplit: ", stderr);
	vfprintf(stderr, fmt, ap);
	if (reason)
		fprintf(stderr, ": %s", reason);
	fputc('\n', stderr);
}

void warn_msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
}

void warn_errno(const char *fmt, ...)
{
	const char *reason = strerror(errno);
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, reason);
	va_end(ap);
}

void die_errno(int status, const char *fmt, ...)
{
	const char *reason = strerror(errno);
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, reason);
	va_end(ap);
	exit(status);
}

void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	fputs("Try 'zbsplit --help' for more information.\n", stderr);
	exit(EXIT_USAGE);
}
