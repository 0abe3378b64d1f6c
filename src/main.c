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

/* What the record loop needs, for every input. */
struct run {
	struct config *cfg;
	struct records records;
	struct output out;
	bool header_written; /* -H: the first input's header is out */
};

/* The header record and how to read names from it, for name lookups. */
struct header {
	const struct config *cfg;
	zb_view rec;
};

/* The number (from 1) of the first header field called name, or 0. */
static size_t header_lookup(const char *name, void *ctx)
{
	const struct header *h = ctx;
	const struct selector *s = &h->cfg->sel;
	struct field_iter it;
	zb_view f;
	size_t k = 0;

	fields_start(&s->split, h->rec, 0, h->rec.len, true, &it);
	while (fields_next(&it, &f)) {
		k++;
		if (zb_view_eq_bytes(select_strip(s, f), name, strlen(name)))
			return k;
	}
	return 0;
}

/* Gives the names in the LIST and the predicates their numbers from the header. */
static void resolve_names(struct config *cfg, zb_view rec)
{
	struct header h = {cfg, rec};
	char err[512];

	if (!cfg->sel.list.names && !cfg->filter.names)
		return;
	if (h.rec.len > 0 && h.rec.data[h.rec.len - 1] == '\r') /* a CRLF header */
		h.rec.len--;
	if (list_resolve_names(&cfg->sel.list, header_lookup, &h, err, sizeof err) != 0 ||
	    filter_resolve_names(&cfg->filter, header_lookup, &h, err, sizeof err) != 0)
		usage_error("%s", err);
	if (filter_prepare(&cfg->filter) != 0 || select_init(&cfg->sel) != 0)
		die_errno(EXIT_INPUT, "cannot allocate memory");
}

/* Runs one input through the filter and the selector; returns 0, or 1 after
 * reporting an error. */
static int process(const char *path, struct run *run)
{
	struct config *cfg = run->cfg;
	bool is_stdin = strcmp(path, "-") == 0, at_first = cfg->header;
	const char *name = is_stdin ? "standard input" : path;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
	struct stat st;
	zb_view rec;
	int rc, failed = 0;

	if (fd < 0) {
		warn_errno("%s", name);
		return 1;
	}
	records_start(&run->records, fd, fstat(fd, &st) != 0 || !S_ISREG(st.st_mode));
	rc = 1;
	if (at_first && (rc = records_next(&run->records, &rec)) > 0 && !run->header_written) {
		/* a header: written once, never filtered, not even by -s */
		bool only_delimited = cfg->sel.only_delimited;
		resolve_names(cfg, rec);
		cfg->sel.only_delimited = false;
		select_record(&cfg->sel, rec, &run->out);
		cfg->sel.only_delimited = only_delimited;
		run->header_written = true;
	}
	if (rc <= 0) {
		/* an empty input, or a read error in its first record */
	} else if (cfg->sel.fast) {
		while ((rc = records_next_block(&run->records, &rec)) > 0)
			select_block(&cfg->sel, rec, &run->out);
	} else if (cfg->sel.mode == MODE_CHARS && cfg->filter.count == 0) {
		while ((rc = records_next_block(&run->records, &rec)) > 0)
			select_chars_block(&cfg->sel, rec, &run->out);
	} else {
		while ((rc = records_next_block(&run->records, &rec)) > 0) {
			struct block_walk walk;
			zb_view one;
			block_walk_start(&walk, rec, cfg->sel.term);
			while (block_walk_next(&walk, &one))
				if (filter_keep(&cfg->filter, &cfg->sel.split, cfg->sel.lstrip,
				                cfg->sel.rstrip, one))
					select_record(&cfg->sel, one, &run->out);
		}
	}
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
	struct run run;
	int i, status = EXIT_SUCCESS;

	hold_standard_fds();
	signal(SIGPIPE, SIG_IGN); /* a closed pipe shows up as EPIPE: see output_flush */
	options_parse(argc, argv, &cfg);
	if (cfg.ninputs == 0) {
		cfg.inputs = stdin_only;
		cfg.ninputs = 1;
	}
	run.cfg = &cfg;
	run.header_written = false;
	if (output_open(&run.out, STDOUT_FILENO, cfg.buffer_size) != 0 ||
	    records_open(&run.records, cfg.buffer_size, cfg.sel.term) != 0)
		die_errno(EXIT_INPUT, "cannot allocate buffers");
	run.records.before_wait = flush_before_wait;
	run.records.ctx = &run.out;
	for (i = 0; i < cfg.ninputs; i++)
		if (process(cfg.inputs[i], &run) != 0)
			status = EXIT_INPUT;
	output_close(&run.out);
	records_close(&run.records);
	options_free(&cfg);
	return status;
}
