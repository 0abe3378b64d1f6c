/* inproc.c - zbsplit in the test process (see inproc.h). */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "inproc.h"
#include "options.h"
#include "run.h"

#define MAX_WORDS 64

static jmp_buf *exit_env;

/* Replaces src/diag_exit.c in this binary (a link-time seam): back to inproc_run,
 * which reports status + 1 through longjmp (0 would mean "no exit"). */
void diag_exit(int status)
{
	jmp_buf *env = exit_env;

	if (env == NULL) {
		fprintf(stderr, "tool_tests: zbsplit exited (%d) outside inproc_run\n", status);
		abort();
	}
	exit_env = NULL;
	longjmp(*env, status + 1);
}

/* The whole of a file written from position 0, read back into memory. */
static int slurp(FILE *f, unsigned char **out, size_t *len)
{
	long size;

	fflush(f);
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		return -1;
	*len = (size_t)size;
	if ((*out = malloc(*len + 1)) == NULL)
		return -1;
	if (*len > 0 && fread(*out, 1, *len, f) != *len)
		return -1;
	(*out)[*len] = '\0';
	return 0;
}

struct pipe_writer {
	int fd;
	const unsigned char *p;
	size_t n;
};

/* Feeds a pipe from a thread of its own, so an input larger than the pipe's
 * buffer cannot block the reader's test. */
static void *write_all(void *arg)
{
	struct pipe_writer *w = arg;

	while (w->n > 0) {
		ssize_t k = write(w->fd, w->p, w->n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		w->p += k;
		w->n -= (size_t)k;
	}
	close(w->fd);
	return NULL;
}

/* The run itself, once the streams are in place; returns the exit status. */
static int run_zbsplit(char **argv, int argc, int in_fd, int out_fd)
{
	static jmp_buf env;
	static struct config cfg;
	static struct run run;
	static bool opened;
	volatile int status = 0;
	int jumped;

	memset(&cfg, 0, sizeof cfg);
	opened = false;
	optind = 0; /* glibc: start getopt afresh, as at a program's start */
	exit_env = &env;
	if ((jumped = setjmp(env)) == 0) {
		options_parse(argc, argv, &cfg);
		if (run_open(&run, &cfg, out_fd) != 0)
			die_errno(EXIT_INPUT, "cannot allocate buffers");
		opened = true;
		status = run_input(&run, in_fd, "input") != 0 ? EXIT_INPUT : 0;
		run_close(&run);
		opened = false;
	} else {
		status = jumped - 1;
	}
	exit_env = NULL;
	if (opened) { /* an exit from the middle of the run (-H, a name the header lacks) */
		zb_buffer_reset(run.out.buf); /* what exit(3) would not have written */
		run_close(&run);
	}
	options_free(&cfg);
	return status;
}

int inproc_run(int argc, const char *const *args, const void *input, size_t n, enum feed feed,
               struct inproc_result *r)
{
	char *argv[MAX_WORDS + 2];
	FILE *in = NULL, *out = tmpfile(), *err_mem, *real_stdout = stdout, *real_stderr = stderr;
	int fds[2] = {-1, -1}, in_fd, i, rc = -1;
	pthread_t writer;
	struct pipe_writer w;
	bool writing = false;

	memset(r, 0, sizeof *r);
	if (argc > MAX_WORDS || out == NULL)
		goto done;
	argv[0] = "zbsplit";
	for (i = 0; i < argc; i++)
		argv[i + 1] = (char *)args[i]; /* getopt permutes the vector, not the words */
	argv[argc + 1] = NULL;
	if (feed == FEED_FILE) {
		if ((in = tmpfile()) == NULL || (n > 0 && fwrite(input, 1, n, in) != n) ||
		    fflush(in) != 0 || fseek(in, 0, SEEK_SET) != 0)
			goto done;
		in_fd = fileno(in);
	} else {
		if (pipe(fds) != 0)
			goto done;
		w = (struct pipe_writer){fds[1], input, n};
		if (pthread_create(&writer, NULL, write_all, &w) != 0)
			goto done;
		writing = true;
		in_fd = fds[0];
	}
	if ((err_mem = open_memstream(&r->err, &r->err_len)) == NULL)
		goto done;
	stderr = err_mem; /* glibc: the standard streams are variables */
	stdout = err_mem; /* --help and --version: kept with the messages */
	r->status = run_zbsplit(argv, argc + 1, in_fd, fileno(out));
	fclose(err_mem);
	stdout = real_stdout;
	stderr = real_stderr;
	rc = slurp(out, &r->out, &r->out_len);
done:
	if (writing) {
		close(fds[0]); /* a reader that stopped early must not leave the writer stuck */
		fds[0] = -1;
		pthread_join(writer, NULL);
	} else if (fds[1] >= 0) {
		close(fds[1]);
	}
	if (fds[0] >= 0)
		close(fds[0]);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	return rc;
}

void inproc_free(struct inproc_result *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof *r);
}

int split_words(char *line, char **words, int max)
{
	char *src = line, *dst = line;
	int n = 0;

	for (;;) {
		while (*src == ' ')
			src++;
		if (*src == '\0' || *src == '\n')
			return n;
		if (n == max)
			return -1;
		words[n++] = dst;
		while (*src != '\0' && *src != '\n' && *src != ' ') {
			if (*src == '"' || *src == '\\' || *src == '$')
				return -1;
			if (*src != '\'') {
				*dst++ = *src++;
				continue;
			}
			for (src++; *src != '\''; src++) {
				if (*src == '\0')
					return -1;
				*dst++ = *src;
			}
			src++;
		}
		bool last = *src != ' ';
		if (!last)
			src++;
		*dst++ = '\0'; /* at or before the space, newline or end just passed */
		if (last)
			return n;
	}
}
