/* run.c - the record loop: the records of each input through the filter and the
 * selector, the header of -H, and the output flushed before a read that may wait. */
/* F_SETPIPE_SZ, where there is one (Linux): a feature macro, not a name of ours */
#define _GNU_SOURCE /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "jobs.h"
#include "run.h"

static void flush_before_wait(void *ctx)
{
	struct output *out = ctx;

	if (zb_buffer_writepos(out->buf) > 0)
		output_flush(out);
}

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

void run_resolve_names(struct config *cfg, zb_view rec)
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

void run_block(struct config *cfg, zb_view block, struct output *out)
{
	struct block_walk walk;
	zb_view one;

	if (cfg->sel.fast) {
		select_block(&cfg->sel, block, out);
		return;
	}
	if (cfg->sel.fast_blanks) {
		select_blanks(&cfg->sel, block, out);
		return;
	}
	if (cfg->sel.mode == MODE_CHARS && cfg->filter.count == 0) {
		select_chars_block(&cfg->sel, block, out);
		return;
	}
	block_walk_start(&walk, block, cfg->sel.term);
	while (block_walk_next(&walk, &one))
		if (filter_keep(&cfg->filter, &cfg->sel.split, cfg->sel.lstrip, cfg->sel.rstrip, one))
			select_record(&cfg->sel, one, out);
}

/* Room beyond a block in the output buffer: far more than the in-place copies
 * need, so a block's output and some pending output fit together. */
#define OUTPUT_SLACK ((size_t)64 * 1024 + 64)

int run_open(struct run *run, struct config *cfg, int out_fd)
{
	run->cfg = cfg;
	run->header_written = false;
	/* The output buffer holds a block's selected fields when they are copied as they
	 * are (at most its length, a terminator and the copies' slack), so select_block
	 * writes them in place, and a write(2) takes at least a block's output.  Twice
	 * the input's size, as it was, cost a MiB of resident memory and no speed. */
	if (output_open(&run->out, out_fd, cfg->buffer_size + OUTPUT_SLACK) != 0 ||
	    records_open(&run->records, cfg->buffer_size, cfg->sel.term) != 0)
		return -1;
	run->records.before_wait = flush_before_wait;
	run->records.ctx = &run->out;
	run->jobs = NULL;
	if (cfg->jobs > 1 && (run->jobs = jobs_open(cfg)) == NULL)
		return -1;
	return 0;
}

/*
 * A pipe's buffer grown to `size`, never shrunk (Linux): its writer then hands over
 * up to a buffer's worth at a time, not 64 KiB, and the two processes wake each
 * other far less often.  cat | zbsplit -f2,5,9 on 100 MB, alternating medians:
 * 57 -> 47 ms; with -j 2, 114 -> 55.  Refused (past pipe-max-size): left as it is.
 */
static void widen_pipe(int fd, size_t size)
{
#ifdef F_SETPIPE_SZ
	int now = fcntl(fd, F_GETPIPE_SZ);

	if (now >= 0 && (size_t)now < size && size <= INT_MAX)
		(void)fcntl(fd, F_SETPIPE_SZ, (int)size);
#else
	(void)fd;
	(void)size;
#endif
}

int run_input(struct run *run, int fd, const char *name)
{
	struct config *cfg = run->cfg;
	struct stat st;
	zb_view rec;
	int rc;

	if (fstat(fd, &st) != 0)
		st.st_mode = 0; /* read as a pipe would be: nothing assumed */
	if (S_ISFIFO(st.st_mode))
		widen_pipe(fd, cfg->buffer_size);
	records_start(&run->records, fd, !S_ISREG(st.st_mode));
	rc = cfg->header ? records_next(&run->records, &rec) : 1;
	if (cfg->header && rc > 0 && !run->header_written) {
		/* a header: written once, never filtered, not even by -s */
		bool only_delimited = cfg->sel.only_delimited;
		run_resolve_names(cfg, rec);
		if (run->jobs)
			jobs_resolve_names(run->jobs, rec);
		cfg->sel.only_delimited = false;
		select_record(&cfg->sel, rec, &run->out);
		cfg->sel.only_delimited = only_delimited;
		run->header_written = true;
	}
	/* (rc <= 0: an empty input, or a read error in its first record); a file of
	 * one block at most is not worth the workers (-j 2 on a line: 0.92 ms, against
	 * 0.85 for -j 1, when they took it) */
	if (rc > 0 && run->jobs &&
	    !(S_ISREG(st.st_mode) && st.st_size <= (off_t)cfg->block_size)) {
		bool eof;
		zb_view unread = records_unread(&run->records, &eof);
		/* 1: no thread to be had for a pipe, which is then read here */
		rc = jobs_input(run->jobs, fd, run->records.may_block, unread, eof, &run->out);
	}
	if (rc > 0)
		while ((rc = records_next_block(&run->records, &rec)) > 0)
			run_block(cfg, rec, &run->out);
	if (rc < 0) {
		warn_errno("%s", name);
		return 1;
	}
	return 0;
}

void run_close(struct run *run)
{
	jobs_close(run->jobs);
	output_close(&run->out);
	records_close(&run->records);
}
