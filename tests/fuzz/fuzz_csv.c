/*
 * fuzz_csv.c - libFuzzer target: zbsplit --csv's streaming parser against a one-shot
 * reference.
 *
 * The first bytes of the input choose a buffer size (1 to 256 bytes, so records and
 * quoted fields cross buffers all the time), the delimiter (`,` `;` TAB), one of a few
 * option sets (every field; -f 2; -f 3,1; -f 2-; -f 1,NF-1; --tsv-out; --complement
 * -f 2; -s -f 1), maybe -j 2 with blocks of 1 to 256 bytes, files or pipes, one or two
 * inputs, and the kernels' engine (portable, sse2, avx2 when the CPU has it); the
 * rest is the data.  The data goes through the real thing in-process -- options_parse,
 * then run_input (kernels/csv, records, collator, find_csv, emit_csv) -- and through
 * the reference below, which holds each input whole and follows /tmp/csv/spec.md
 * with obvious loops: python's csv.reader state machine (default dialect,
 * strict=False) over the input cut into lines as io with newline='' cuts it, then
 * the selection, then csv.writer's minimal quoting (CR quoted too) or TSV escapes.
 * The reference shares no code with src/ (no csv_value, csv_step, csv_scan).  Any
 * difference in the bytes written aborts, with both outputs shown.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kernels/engine.h"
#include "run.h"

/* ---- the reference ---------------------------------------------------------- */

/* Growable bytes. */
struct buf {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n)
			cap *= 2;
		if ((b->p = realloc(b->p, cap)) == NULL)
			abort();
		b->cap = cap;
	}
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_byte(struct buf *b, unsigned char c)
{
	put(b, &c, 1);
}

/* A record: its fields' decoded bytes, one after another in text, field i being
 * text[start[i]..start[i + 1]). */
struct record {
	struct buf text;
	size_t *start; /* nfields + 1 offsets */
	size_t nfields, cap;
};

static void save_field(struct record *r)
{
	if (r->nfields + 2 > r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		if ((r->start = realloc(r->start, r->cap * sizeof *r->start)) == NULL)
			abort();
	}
	if (r->nfields == 0)
		r->start[0] = 0;
	r->start[++r->nfields] = r->text.len;
}

/* The option sets the target chooses among. */
enum opts { O_ALL, O_F2, O_F31, O_F2_, O_F1_NFM1, O_TSV, O_COMPL2, O_S_F1, O_COUNT };
static const char *const opt_words[O_COUNT][4] = {
	{NULL},
	{"-f", "2", NULL},
	{"-f", "3,1", NULL},
	{"-f", "2-", NULL},
	{"-f", "1,NF-1", NULL},
	{"--tsv-out", NULL},
	{"--complement", "-f", "2", NULL},
	{"-s", "-f", "1", NULL},
};

/* Writes one value: TSV escapes, or quoted when it holds delim, '"', CR or LF. */
static void write_value(struct buf *out, const unsigned char *v, size_t n, bool tsv,
                        unsigned char delim)
{
	bool quote = false;
	size_t i;

	if (tsv) {
		for (i = 0; i < n; i++) {
			const char *e = v[i] == '\t' ? "\\t" : v[i] == '\n' ? "\\n" : v[i] == '\r' ? "\\r"
			                : v[i] == '\\' ? "\\\\" : NULL;
			if (e != NULL)
				put(out, e, 2);
			else
				put_byte(out, v[i]);
		}
		return;
	}
	for (i = 0; i < n; i++)
		if (v[i] == delim || v[i] == '"' || v[i] == '\r' || v[i] == '\n')
			quote = true;
	if (quote)
		put_byte(out, '"');
	for (i = 0; i < n; i++) {
		if (v[i] == '"')
			put_byte(out, '"');
		put_byte(out, v[i]);
	}
	if (quote)
		put_byte(out, '"');
}

/* Selects and writes a (non-blank) record. */
static void write_record(struct buf *out, const struct record *r, enum opts o,
                         unsigned char delim)
{
	/* the values: field numbers (1-based; 0 for a field the record lacks: empty) */
	size_t nsel = 0, nf = r->nfields, f, *sel = malloc((nf + 2) * sizeof *sel);
	bool tsv = o == O_TSV;
	unsigned char od = tsv ? '\t' : delim;

	if (sel == NULL)
		abort();
	switch (o) {
	case O_ALL:
	case O_TSV:
		for (f = 1; f <= nf; f++)
			sel[nsel++] = f;
		break;
	case O_F2:
		sel[nsel++] = nf >= 2 ? 2 : 0;
		break;
	case O_F31:
		sel[nsel++] = nf >= 3 ? 3 : 0;
		sel[nsel++] = 1;
		break;
	case O_F2_:
		for (f = 2; f <= nf; f++)
			sel[nsel++] = f;
		break;
	case O_F1_NFM1:
		sel[nsel++] = 1;
		sel[nsel++] = nf >= 2 ? nf - 1 : 0;
		break;
	case O_COMPL2:
		for (f = 1; f <= nf; f++)
			if (f != 2)
				sel[nsel++] = f;
		break;
	case O_S_F1:
		if (nf != 1)
			sel[nsel++] = 1;
		else
			nsel = (size_t)-1; /* dropped */
		break;
	default:
		abort();
	}
	if (nsel == (size_t)-1) {
		free(sel);
		return;
	}
	if (!tsv && nsel == 1 && (sel[0] == 0 || r->start[sel[0]] == r->start[sel[0] - 1])) {
		put(out, "\"\"\n", 3); /* a record of one empty value */
		free(sel);
		return;
	}
	for (f = 0; f < nsel; f++) {
		if (f > 0)
			put_byte(out, od);
		if (sel[f] > 0 && r->text.p != NULL)
			write_value(out, r->text.p + r->start[sel[f] - 1],
			            r->start[sel[f]] - r->start[sel[f] - 1], tsv, od);
	}
	put_byte(out, '\n');
	free(sel);
}

/* python's _csv.c parser states (the ones the default dialect reaches) */
enum pstate { START_RECORD, START_FIELD, IN_FIELD, IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD,
              EAT_CRNL };
#define EOL 256 /* the event python's reader sends after each line */

/* One input through csv.reader: lines cut at LF, CRLF or CR (as io with newline=''
 * cuts them), each line's characters then EOL through the state machine, records
 * written as they end; at the end of the input, a quoted field still open ends the
 * record.  Blank lines (records ended with no field saved) are not written. */
static void reference_input(struct buf *out, const unsigned char *p, size_t n, enum opts o,
                            unsigned char delim)
{
	struct record r = {{NULL, 0, 0}, NULL, 0, 0};
	enum pstate s = START_RECORD;
	size_t i = 0;

	while (i < n) {
		size_t end = i, k;
		while (end < n && p[end] != '\n' && p[end] != '\r')
			end++;
		if (end < n)
			end += p[end] == '\r' && end + 1 < n && p[end + 1] == '\n' ? 2 : 1;
		for (k = i; k <= end; k++) {
			int c = k < end ? p[k] : EOL;
			switch (s) {
			case START_RECORD:
				if (c == EOL)
					break; /* a blank line: no record */
				if (c == '\n' || c == '\r') {
					s = EAT_CRNL;
					break;
				}
				s = START_FIELD;
				/* fall through */
			case START_FIELD:
				if (c == '\n' || c == '\r' || c == EOL) {
					save_field(&r);
					s = c == EOL ? START_RECORD : EAT_CRNL;
				} else if (c == '"') {
					s = IN_QUOTED_FIELD;
				} else if (c == delim) {
					save_field(&r);
				} else {
					put_byte(&r.text, (unsigned char)c);
					s = IN_FIELD;
				}
				break;
			case IN_FIELD:
				if (c == '\n' || c == '\r' || c == EOL) {
					save_field(&r);
					s = c == EOL ? START_RECORD : EAT_CRNL;
				} else if (c == delim) {
					save_field(&r);
					s = START_FIELD;
				} else {
					put_byte(&r.text, (unsigned char)c);
				}
				break;
			case IN_QUOTED_FIELD:
				if (c == EOL)
					;
				else if (c == '"')
					s = QUOTE_IN_QUOTED_FIELD;
				else
					put_byte(&r.text, (unsigned char)c);
				break;
			case QUOTE_IN_QUOTED_FIELD:
				if (c == '"') {
					put_byte(&r.text, '"');
					s = IN_QUOTED_FIELD;
				} else if (c == delim) {
					save_field(&r);
					s = START_FIELD;
				} else if (c == '\n' || c == '\r' || c == EOL) {
					save_field(&r);
					s = c == EOL ? START_RECORD : EAT_CRNL;
				} else {
					put_byte(&r.text, (unsigned char)c);
					s = IN_FIELD;
				}
				break;
			case EAT_CRNL:
				if (c == EOL)
					s = START_RECORD;
				else if (c != '\n' && c != '\r')
					fuzz_fail("reference: a character after a line end");
				break;
			}
		}
		if (s == START_RECORD) { /* the record ended with this line */
			if (r.nfields > 0)
				write_record(out, &r, o, delim);
			r.nfields = 0;
			r.text.len = 0;
		}
		i = end;
	}
	if (s == IN_QUOTED_FIELD) { /* python: unexpected end of data, lenient */
		save_field(&r);
		write_record(out, &r, o, delim);
	}
	free(r.text.p);
	free(r.start);
}

/* ---- the target ------------------------------------------------------------- */

/* Runs the inputs through run, from files or pipes; any exit or message fails. */
static void run_inputs(struct run *run, const uint8_t *data, const size_t *cut, size_t nparts,
                       bool use_pipe, int file_fd)
{
	static jmp_buf env;
	int fds[2];
	size_t k;

	fuzz_capture();
	fuzz_exit_env = &env;
	if (setjmp(env) != 0)
		fuzz_fail("zbsplit exited: %.*s", (int)fuzz_stderr_len, fuzz_stderr_text);
	for (k = 0; k < nparts; k++) {
		const uint8_t *part = data + cut[k];
		size_t len = cut[k + 1] - cut[k];
		int in_fd = file_fd;
		if (use_pipe) {
			if (pipe(fds) != 0 || (len > 0 && write(fds[1], part, len) != (ssize_t)len))
				fuzz_fail("pipe");
			close(fds[1]);
			in_fd = fds[0];
		} else {
			fuzz_fill(file_fd, part, len);
		}
		if (run_input(run, in_fd, "fuzz input") != 0)
			fuzz_fail("run_input reported an error");
		if (use_pipe)
			close(in_fd);
	}
	fuzz_exit_env = NULL;
	fuzz_release();
	if (fuzz_stderr_len > 0)
		fuzz_fail("run_input wrote to stderr");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *in_file, *out_file;
	static struct config cfg;
	static const char *const engines[] = {"portable", "sse2", "avx2"};
	static const unsigned char delims[] = {',', ';', '\t'};
	struct fuzz_in in = {data, size};
	struct buf want = {NULL, 0, 0};
	struct fuzz_args a = {{NULL}, 0};
	struct run run;
	unsigned char *got, delim;
	char num[48];
	size_t got_len, cut[3], nparts, k;
	enum opts o;
	bool use_pipe;
	int status;

	if (in_file == NULL && ((in_file = tmpfile()) == NULL || (out_file = tmpfile()) == NULL))
		fuzz_fail("no scratch files");
	fuzz_arg(&a, "%s", "zbsplit");
	snprintf(num, sizeof num, "--buffer-size=%u", 1 + fuzz_take(&in, 256));
	fuzz_arg(&a, "%s", num);
	fuzz_arg(&a, "%s", "--csv");
	delim = delims[fuzz_take(&in, sizeof delims)];
	if (delim != ',') {
		fuzz_arg(&a, "%s", "-d");
		fuzz_arg(&a, "%s", delim == '\t' ? "\\t" : ";");
	}
	o = (enum opts)fuzz_take(&in, O_COUNT);
	for (k = 0; opt_words[o][k] != NULL; k++)
		fuzz_arg(&a, "%s", opt_words[o][k]);
	if (fuzz_take(&in, 4) == 0) { /* worker threads: the output must not change */
		fuzz_arg(&a, "%s", "-j");
		fuzz_arg(&a, "%s", "2");
		snprintf(num, sizeof num, "--block-size=%u", 1 + fuzz_take(&in, 256));
		fuzz_arg(&a, "%s", num);
	}
	(void)kernels_use(engines[fuzz_take(&in, 3)]); /* unchanged when the CPU lacks it */
	use_pipe = fuzz_bool(&in) && in.n < 60000;      /* what a pipe holds without a reader */
	nparts = 1 + (fuzz_take(&in, 4) == 0); /* the last use of `in`: the rest is the data */
	cut[0] = 0;
	cut[1] = nparts == 2 ? in.n / 2 : in.n;
	cut[nparts] = in.n;

	status = fuzz_options_parse(a.n, a.v, &cfg);
	if (status != -1) {
		fuzz_show_args(&a);
		fuzz_dump("stderr", fuzz_stderr_text, fuzz_stderr_len);
		fuzz_fail("the command was refused (status %d)", status);
	}
	fuzz_fill(fileno(out_file), "", 0);
	if (run_open(&run, &cfg, fileno(out_file)) != 0)
		fuzz_fail("out of memory");
	run_inputs(&run, in.p, cut, nparts, use_pipe, fileno(in_file));
	run_close(&run);
	options_free(&cfg);

	for (k = 0; k < nparts; k++)
		reference_input(&want, in.p + cut[k], cut[k + 1] - cut[k], o, delim);
	got = fuzz_contents(fileno(out_file), &got_len);
	if (got_len != want.len || (got_len > 0 && memcmp(got, want.p, got_len) != 0)) {
		fuzz_show_args(&a);
		fprintf(stderr, "engine: %s\n", kernels_engine());
		for (k = 0; k < nparts; k++)
			fuzz_dump("input", in.p + cut[k], cut[k + 1] - cut[k]);
		fuzz_dump("reference", want.p, want.len);
		fuzz_dump("zbsplit", got, got_len);
		fuzz_fail("zbsplit and the reference differ");
	}
	free(got);
	free(want.p);
	fuzz_args_free(&a);
	return 0;
}
