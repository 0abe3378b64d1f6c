/* main.c - zbsplit: the inputs, one after another, through the record loop. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "options.h"
#include "output.h"
#include "records.h"

/* Keeps descriptors 0-2 occupied when the caller closed them, so no input file is
 * opened in their place; the placeholder fails reads on 0 and writes on 1 and 2 with
 * EBADF, so a closed stream still gives a message, never silent success. */
static void hold_standard_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
			if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) < 0)
				exit(EXIT_INPUT);
}

static void flush_before_wait(void *ctx)
{
	struct output *out = ctx;

	if (zb_buffer_writepos(out->buf) > 0)
		output_flush(out);
}

/* Runs one input through the selector; returns 0, or 1 after reporting an error. */
static int process(const char *path, struct records *r, struct selector *s, struct output *out)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "standard input" : path;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
	struct stat st;
	zb_view rec;
	int rc, failed = 0;

	if (fd < 0) {
		warn_errno("%s", name);
		return 1;
	}
	records_start(r, fd, fstat(fd, &st) != 0 || !S_ISREG(st.st_mode));
	while ((rc = records_next(r, &rec)) > 0)
		select_record(s, rec, out);
	if (rc < 0) {
		warn_errno("%s", name);
		failed = 1;
	}
	if (!is_stdin)
		close(fd);
	return failed;
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = {"-"};
	struct config cfg;
	struct records r;
	struct output out;
	int i, status = EXIT_SUCCESS;

	hold_standard_fds();
	signal(SIGPIPE, SIG_IGN); /* a closed pipe shows up as EPIPE: see output_flush */
	options_parse(argc, argv, &cfg);
	if (cfg.ninputs == 0) {
		cfg.inputs = stdin_only;
		cfg.ninputs = 1;
	}
	if (output_open(&out, STDOUT_FILENO, cfg.buffer_size) != 0 ||
	    records_open(&r, cfg.buffer_size, cfg.sel.term) != 0)
		die_errno(EXIT_INPUT, "cannot allocate buffers");
	r.before_wait = flush_before_wait;
	r.ctx = &out;
	for (i = 0; i < cfg.ninputs; i++)
		if (process(cfg.inputs[i], &r, &cfg.sel, &out) != 0)
			status = EXIT_INPUT;
	output_close(&out);
	records_close(&r);
	options_free(&cfg);
	return status;
}
