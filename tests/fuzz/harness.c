/* harness.c - the fuzz targets' diag_exit, stdio capture and failure reports. */
#include <getopt.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "harness.h"

jmp_buf *fuzz_exit_env;
char *fuzz_stderr_text;
size_t fuzz_stderr_len;

static FILE *real_stdout, *real_stderr, *err_stream;
static bool captured;
static char *out_text;
static size_t out_len;

/* Replaces src/diag_exit.c in the fuzz build (a link-time seam): back to the target. */
void diag_exit(int status)
{
	jmp_buf *env = fuzz_exit_env;

	if (env == NULL)
		fuzz_fail("the tool exited with status %d where no exit was expected", status);
	fuzz_exit_env = NULL;
	longjmp(*env, status + 1);
}

unsigned fuzz_take(struct fuzz_in *in, unsigned range)
{
	unsigned v;

	if (in->n == 0 || range == 0)
		return 0;
	v = in->p[0] % range;
	in->p++;
	in->n--;
	return v;
}

bool fuzz_bool(struct fuzz_in *in)
{
	return fuzz_take(in, 2) == 1;
}

/* glibc lets a program assign stdout and stderr (they are variables): the tool's
 * stdio output goes to memory streams, while libFuzzer and the sanitizers keep
 * writing their reports to descriptor 2. */
void fuzz_capture(void)
{
	free(fuzz_stderr_text);
	fuzz_stderr_text = NULL;
	fuzz_stderr_len = 0;
	real_stdout = stdout;
	real_stderr = stderr;
	err_stream = open_memstream(&fuzz_stderr_text, &fuzz_stderr_len);
	stdout = open_memstream(&out_text, &out_len);
	if (err_stream == NULL || stdout == NULL)
		abort();
	stderr = err_stream;
	captured = true;
}

void fuzz_release(void)
{
	if (!captured)
		return;
	captured = false;
	fclose(stdout);
	fclose(stderr);
	stdout = real_stdout;
	stderr = real_stderr;
	free(out_text);
	out_text = NULL;
}

int fuzz_options_parse(int argc, char **argv, struct config *c)
{
	static jmp_buf env;
	int status;

	optind = 0; /* glibc: start getopt afresh, as at a program's start */
	fuzz_capture();
	fuzz_exit_env = &env;
	if ((status = setjmp(env)) == 0) {
		options_parse(argc, argv, c);
		status = 0;
	}
	fuzz_exit_env = NULL;
	fuzz_release();
	return status - 1;
}

void fuzz_dump(const char *label, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	fprintf(stderr, "%s (%zu bytes): \"", label, n);
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' || s[i] == '"')
			fprintf(stderr, "\\%c", s[i]);
		else if (s[i] >= 0x20 && s[i] < 0x7f)
			fputc(s[i], stderr);
		else
			fprintf(stderr, "\\x%02x", s[i]);
	}
	fputs("\"\n", stderr);
}

void fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fuzz_release(); /* the report goes to the real stderr */
	va_start(ap, fmt);
	fputs("fuzz: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

void fuzz_arg(struct fuzz_args *a, const char *fmt, const char *text)
{
	size_t len = strlen(fmt) + strlen(text) + 1;

	if (a->n >= FUZZ_MAX_ARGV || (a->v[a->n] = malloc(len)) == NULL)
		abort();
	snprintf(a->v[a->n++], len, fmt, text);
	a->v[a->n] = NULL;
}

void fuzz_show_args(const struct fuzz_args *a)
{
	int i;

	fputs("command:", stderr);
	for (i = 0; i < a->n; i++)
		fprintf(stderr, " '%s'", a->v[i]);
	fputc('\n', stderr);
}

void fuzz_args_free(struct fuzz_args *a)
{
	while (a->n > 0)
		free(a->v[--a->n]);
}

void fuzz_fill(int fd, const void *p, size_t n)
{
	if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0 ||
	    (n > 0 && write(fd, p, n) != (ssize_t)n) || lseek(fd, 0, SEEK_SET) != 0)
		fuzz_fail("cannot fill a scratch file");
}

unsigned char *fuzz_contents(int fd, size_t *n)
{
	off_t end = lseek(fd, 0, SEEK_END);
	unsigned char *p = malloc(end > 0 ? (size_t)end : 1);

	if (end < 0 || p == NULL || pread(fd, p, (size_t)end, 0) != end)
		fuzz_fail("cannot read the output back");
	*n = (size_t)end;
	return p;
}
