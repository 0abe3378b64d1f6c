/* diag.c - messages on stderr, each one line starting "zbsplit: ". */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"

/* Prints s with control bytes as escapes (\n, \t, \xHH): a value from the command
 * line or a file name must not break the message over several lines. */
static void put_escaped(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			fputs("\\n", stderr);
		else if (c == '\t')
			fputs("\\t", stderr);
		else if (c < 0x20 || c == 0x7f)
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
}

static void vmessage(const char *fmt, va_list ap, const char *reason)
{
	char text[1024];

	vsnprintf(text, sizeof text, fmt, ap);
	fputs("zbsplit: ", stderr);
	put_escaped(text);
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
	diag_exit(status);
}

void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	fputs("Try 'zbsplit --help' for more information.\n", stderr);
	diag_exit(EXIT_USAGE);
}
