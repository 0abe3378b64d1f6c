/* run.c - the record loop: the records of each input through the plan, the header
 * of -H, and the output flushed before a read that may wait. */
/* F_SETPIPE_SZ, where there is one (Linux): a feature macro, not a name of ours */
#define _GNU_SOURCE /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "find_general.h"
#include "header.h"
#include "jobs.h"
#include "run.h"

static void flush_before_wait(void *ctx)
{
	struct output *out = ctx;

	if (zb_buffer_writepos(out->buf) > 0)
		output_flush(out);
}

/* The plan, and this thread's scratch for it; dies when out of memory. */
static void make_plan(struct run *run)
{
	if (plan_make(&run->plan, run->cfg) != 0 || scratch_open(&run->scratch, &run->plan) != 0)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	run->planned = true;
}

/* Gives the names in the LIST and the predicates the numbers of the fields so
 * called in this input's header record, and makes the plan again when one
 * changed (no worker is using it between inputs).  A name the first header lacks
 * is a usage error; a later one's is this input's error: -1, after saying so. */
static int resolve_names(struct run *run, zb_view rec, const char *name)
{
	char err[1024];
	int rc = header_resolve(run->cfg, rec, name, &run->numbers, err, sizeof err);

	if (rc < 0 && !run->header_written)
		usage_error("%s", err);
	if (rc < 0) {
		warn_msg("%s", err);
		return -1;
	}
	if (rc > 0 && run->planned) {
		scratch_close(&run->scratch);
		plan_free(&run->plan);
		if (run->jobs)
			jobs_forget_plan(run->jobs);
	}
	if (rc > 0)
		make_plan(run);
	return 0;
}

/* Room beyond a block in the output buffer: far more than the in-place copies
 * need, so a block's output and some pending output fit together. */
#define OUTPUT_SLACK ((size_t)64 * 1024 + 64)

int run_open(struct run *run, struct config *cfg, int out_fd)
{
	/* with -j, a pipe's blocks are the reader's buffers, handed to the workers */
	size_t in_size = cfg->jobs > 1 ? cfg->block_size : cfg->buffer_size;
	size_t out_size = in_size > cfg->buffer_size ? in_size : cfg->buffer_size;

	memset(run, 0, sizeof *run);
	run->cfg = cfg;
	/* The output buffer holds a block's selected fields when they are copied as they
	 * are (at most its length, a terminator and the copies' slack), so a kernel
	 * writes them in place, and a write(2) takes at least a block's output. */
	if (output_open(&run->out, out_fd, out_size + OUTPUT_SLACK) != 0 ||
	    records_open(&run->records, in_size, cfg->term) != 0)
		return -1;
	if (cfg->csv)
		records_csv(&run->records, cfg->split.delim[0]);
	if (cfg->one_record)
		records_whole(&run->records);
	run->records.before_wait = flush_before_wait;
	run->records.ctx = &run->out;
	if (!cfg->list.names && !cfg->filter.names)
		make_plan(run);
	/* (--csv=strict counts lines for its messages, in one thread) */
	if (cfg->jobs > 1 && cfg->csv != CSV_STRICT && (run->jobs = jobs_open(cfg->jobs, cfg->block_size, cfg->term)) == NULL)
		return -1;
	return 0;
}

/* A pipe's buffer grown to `size`, never shrunk (Linux): its writer then hands over
 * up to a buffer's worth at a time, and the two processes wake each other far less
 * often.  Refused (past pipe-max-size): left as it is. */
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

/* The lines v ends (LF, CRLF or a lone CR, as Python's csv module counts them),
 * and whether its last byte is a CR (*after_cr, which says so of the bytes
 * before v on entry). */
static size_t count_lines(zb_view v, bool *after_cr)
{
	size_t i, n = 0;
	bool cr = *after_cr;

	for (i = 0; i < v.len; i++) {
		n += v.data[i] == '\r' || (v.data[i] == '\n' && !cr);
		cr = v.data[i] == '\r';
	}
	*after_cr = cr;
	return n;
}

/* The block of records through the plan; with --csv=strict, 1 after reporting a
 * malformed record (the input's lines are counted for the message). */
static int run_block(struct run *run, zb_view block, const char *name)
{
	struct scratch *s = &run->scratch;

	s->csv_open = run->records.open;
	plan_run_block(&run->plan, s, block, &run->out);
	if (s->csv_open) {
		records_consumed(&run->records, s->csv_used, s->csv_state);
		if (s->csv_bad == NULL)
			block.len = s->csv_used;
	}
	if (run->cfg->csv != CSV_STRICT)
		return 0;
	if (s->csv_bad == NULL) {
		run->lines += count_lines(block, &run->after_cr);
		if (run->records.cut_end) /* the record's end, not in the block */
			run->lines += count_lines(zb_view_of(&run->records.ended_by, 1), &run->after_cr);
		return 0;
	}
	block.len = s->csv_bad_at;
	warn_msg("%s: line %zu: malformed CSV: %s", name,
	         run->lines + count_lines(block, &run->after_cr) + 1, s->csv_bad);
	return 1;
}

/* Counts the line records_next's last record, rec, took, with its end. */
static void count_record_lines(struct run *run, zb_view rec)
{
	bool crlf_end = run->after_cr && rec.len == 0 && run->records.ended_by == '\n';

	run->lines += count_lines(rec, &run->after_cr) + !crlf_end;
	run->after_cr = run->records.ended_by == '\r';
}

/* The first record of an input, with -H: its fields name the fields of the
 * input's records; the first input's is written once, never filtered, not even by
 * -s; the others' are dropped.  Blank lines before a CSV header are not records.
 * Returns records_next's, or -2 when the header is malformed CSV or lacks a name
 * (reported). */
static int take_header(struct run *run, const char *name)
{
	zb_view rec;
	size_t lines;
	bool after_cr;
	int rc;

	while ((rc = records_next(&run->records, &rec)) > 0 && run->cfg->csv && rec.len == 0)
		count_record_lines(run, rec);
	lines = run->lines;
	after_cr = run->after_cr;
	if (rc > 0 && (run->cfg->list.names || run->cfg->filter.names) &&
	    resolve_names(run, rec, name) != 0)
		return -2;
	if (rc > 0 && !run->header_written) {
		run->scratch.header = true;
		if (run->cfg->csv && run_block(run, rec, name) != 0)
			rc = -2;
		else if (!run->cfg->csv)
			general_record(&run->plan, &run->scratch, rec, 0, rec.len, &run->out);
		run->scratch.header = false;
		run->header_written = true;
	}
	if (rc > 0 && run->cfg->csv) { /* (what run_block counted, counted again) */
		run->lines = lines;
		run->after_cr = after_cr;
		count_record_lines(run, rec);
	}
	return rc;
}

int run_input(struct run *run, int fd, const char *name)
{
	struct config *cfg = run->cfg;
	struct stat st;
	zb_view block;
	int rc;

	if (fstat(fd, &st) != 0)
		st.st_mode = 0; /* read as a pipe would be: nothing assumed */
	if (S_ISFIFO(st.st_mode))
		widen_pipe(fd, cfg->buffer_size);
	records_start(&run->records, fd, !S_ISREG(st.st_mode));
	run->lines = 0;
	run->after_cr = false;
	rc = cfg->header ? take_header(run, name) : 1;
	if (rc == -2)
		return 1;
	/* (rc <= 0: an empty input, or a read error in its first record); a file of
	 * one block at most is not worth the workers */
	if (rc > 0 && run->jobs && !(S_ISREG(st.st_mode) && st.st_size <= (off_t)cfg->block_size))
		rc = jobs_input(run->jobs, &run->plan, &run->records, fd, run->records.may_block,
		                &run->out);
	if (rc > 0) /* (1 from jobs_input: no thread for a pipe, which is read here) */
		while ((rc = records_next_open(&run->records, &block)) > 0)
			if (run_block(run, block, name) != 0)
				return 1;
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
	if (run->planned) {
		scratch_close(&run->scratch);
		plan_free(&run->plan);
	}
	header_numbers_free(&run->numbers);
}
