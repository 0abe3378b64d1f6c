/* main.c - zbsplit: the command line, then the inputs, one after another. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "options.h"
#include "run.h"

/* Keeps descriptors 0-2 occupied when the caller closed them, so no input file is
 * opened in their place; the placeholder fails reads on 0 and writes on 1 and 2 with
 * EBADF, so a closed stream still gives a message, never silent success. */
static void hold_standard_fds(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
			if (open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) < 0)
				diag_exit(EXIT_INPUT);
}

/* Runs one input; returns 0, or 1 after reporting an error. */
static int process(const char *path, struct run *run)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY), failed;

	if (fd < 0) {
		warn_errno("%s", path);
		return 1;
	}
	failed = run_input(run, fd, is_stdin ? "standard input" : path);
	if (!is_stdin)
		close(fd);
	return failed;
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = {"-"};
	struct config cfg;
	struct run run;
	int i, status = EXIT_SUCCESS;

	hold_standard_fds();
	/* Regexes follow LC_CTYPE, as grep's and awk's do: characters in a UTF-8 locale,
	 * bytes in the C locale.  Only LC_CTYPE: numbers stay C (strtod), and nothing
	 * else of the tool reads the locale (-c counts UTF-8 in every locale).  A locale
	 * that is not installed leaves the C locale, as it does grep. */
	(void)setlocale(LC_CTYPE, "");
	if (signal(SIGPIPE, SIG_IGN) == SIG_ERR) /* a closed pipe shows up as EPIPE: see output.c */
		die_errno(EXIT_INPUT, "cannot ignore SIGPIPE");
	options_parse(argc, argv, &cfg);
	if (cfg.ninputs == 0) {
		cfg.inputs = stdin_only;
		cfg.ninputs = 1;
	}
	if (run_open(&run, &cfg, STDOUT_FILENO) != 0)
		die_errno(EXIT_INPUT, "cannot allocate buffers");
	for (i = 0; i < cfg.ninputs; i++)
		if (process(cfg.inputs[i], &run) != 0)
			status = EXIT_INPUT;
	run_close(&run);
	options_free(&cfg);
	return status;
}
