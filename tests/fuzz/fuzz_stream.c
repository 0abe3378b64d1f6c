/*
 * fuzz_stream.c - libFuzzer target: the streaming splitter against the reference.
 *
 * The first bytes of the input choose a command line and a buffer size (1 to 256
 * bytes, so records cross buffers all the time); the rest is the data.  The data goes
 * through the real thing in-process -- options_parse, then run_input (records,
 * collator, plan, kernels, emitter, output) from files or pipes to a file -- and through
 * reference.c, which holds the whole input and follows the man page with obvious
 * loops.  Any difference in the bytes written aborts, with both outputs shown.
 *
 * Covered: -f, -F, -b, -b -n, -c and predicates alone; -d of 0 to 6 bytes (0: NUL),
 * the default TAB, -w, -w=trimmed (-F's splitting) and -R with a few EREs; LISTs of
 * N, N-M, N-, -M with numbers, NF and NF-k at either end; -O (0 to 2 bytes), -s,
 * --complement, -z, -H (numbers only), --lstrip/--rstrip/-t with whitespace or a set;
 * the string, numeric, class and regex predicates on fields N, NF-k and 0, with -v
 * and --or; field names (with -H) in LISTs of fields and in predicates, looked up
 * in each input's header, a missing one an expected usage error (in the first
 * header) or input error (in a later one); CRLF records; one to three inputs; -j 2 or 3 with blocks of 1 to
 * 256 bytes; every engine of the kernels (kernels/engine.h).
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kernels/engine.h"
#include "reference.h"
#include "run.h"

/* Bytes that delimiters, strip sets and strings are made of: the ones the data is
 * likely to hold, the terminators, a UTF-8 lead and continuation byte. */
static const unsigned char alphabet[] = "\t:, ab\r\n\0\xc3\xa9\xff";

static const char *const pred_names[RP_COUNT] = {
	"--str-eq", "--str-ne", "--contains", "--not-contains", "--prefix", "--suffix",
	"--eq", "--ne", "--lt", "--le", "--gt", "--ge",
	"--empty", "--not-empty", "--isdigit", "--isalpha", "--isspace",
	"--regex", "--not-regex", "--iregex"};

/* EREs for -R (empty matches, anchors, word starts, alternatives, a UTF-8 pair)
 * and for the regex predicates. */
static const char *const delim_eres[] = {
	" +", "[,;] *", ":+", "a|b", "x*", "^a", "b$", "\\<c", "[[:blank:]]+", "::?", "(ab)+",
	"\xc3\xa9", "[^a-z]"};
static const char *const pred_eres[] = {"a", "^b", "c$", "[0-9]+", "^$", "a|\xc3", "A", "\\.",
                                        ".b."};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const numbers[] = {"0", "1", "-1", "2.5", "1e1", ".5", "10", "+3"};

/* The argument vector being built: each word in its own allocation. */
/* Bytes as the tool's escapes, every one \xHH (so no byte is taken literally). */
static const char *escaped(const unsigned char *p, size_t n)
{
	static char text[4 * 16 + 1];
	size_t i;

	for (i = 0; i < n && i < 16; i++)
		snprintf(text + 4 * i, 5, "\\x%02x", p[i]);
	text[4 * i] = '\0';
	return text;
}

static size_t take_bytes(struct fuzz_in *in, unsigned char *out, size_t max)
{
	size_t n = fuzz_take(in, (unsigned)max + 1), i;

	for (i = 0; i < n; i++)
		out[i] = alphabet[fuzz_take(in, sizeof alphabet - 1)];
	return n;
}

/* ref_names as a LIST or a predicate writes them: bare, or in double quotes. */
static const char *const spelled[REF_NNAMES] = {"a", "b", "ab", "\"c:d\"", "\"x y\"", "\"NF\""};

/* A number, NF-k, or (when `names`, a quarter of the time) a field name. */
static struct ref_bound take_bound(struct fuzz_in *in, bool names, bool *named)
{
	struct ref_bound b;
	unsigned kind = fuzz_take(in, names ? 4 : 2);

	b.kind = kind == 3 ? END_NAME : kind == 1 ? END_NF : END_NUM;
	b.n = b.kind == END_NF ? fuzz_take(in, 4)
	      : b.kind == END_NAME ? fuzz_take(in, REF_NNAMES) : 1 + fuzz_take(in, 12);
	*named |= b.kind == END_NAME;
	return b;
}

static const char *bound_text(struct ref_bound b)
{
	static char text[32];

	if (b.kind == END_NAME)
		snprintf(text, sizeof text, "%s", spelled[b.n]);
	else if (b.kind == END_NUM)
		snprintf(text, sizeof text, "%lld", b.n);
	else if (b.n == 0)
		snprintf(text, sizeof text, "NF");
	else
		snprintf(text, sizeof text, "NF-%lld", b.n);
	return text;
}

/* A LIST the tool accepts: no decreasing range of numbers or of NF-k forms (one with
 * names is checked once the header is read).  Names only in LISTs of fields. */
static void take_list(struct fuzz_in *in, struct ref_spec *sp, char *text, size_t cap,
                      bool *named)
{
	bool names = sp->mode == REF_FIELDS || sp->mode == REF_AWK;
	size_t i, len = 0;

	sp->nitems = 1 + fuzz_take(in, REF_MAX_ITEMS);
	text[0] = '\0';
	for (i = 0; i < sp->nitems; i++) {
		struct ref_item *it = &sp->items[i];
		unsigned form = fuzz_take(in, 4); /* N, N-M, N-, -M */
		it->lo = take_bound(in, names, named);
		it->hi = take_bound(in, names, named);
		it->dash = form != 0;
		if (form == 2)
			it->hi.kind = END_OMITTED;
		if (form == 3)
			it->lo.kind = END_OMITTED;
		if (form == 1 && it->lo.kind == it->hi.kind && it->lo.kind != END_NAME &&
		    (it->lo.kind == END_NUM ? it->lo.n > it->hi.n : it->lo.n < it->hi.n)) {
			struct ref_bound t = it->lo;
			it->lo = it->hi;
			it->hi = t;
		}
		/* "NF-9" is always NF-9, never the range from NF to 9 (the man page) */
		if (it->dash && it->lo.kind == END_NF && it->lo.n == 0 && it->hi.kind == END_NUM)
			it->lo.n = 1;
		if (i > 0)
			text[len++] = fuzz_take(in, 8) == 0 ? ' ' : ',';
		if (it->lo.kind != END_OMITTED)
			len += (size_t)snprintf(text + len, cap - len, "%s", bound_text(it->lo));
		if (it->dash)
			text[len++] = '-';
		if (it->dash && it->hi.kind != END_OMITTED)
			len += (size_t)snprintf(text + len, cap - len, "%s", bound_text(it->hi));
		text[len] = '\0';
	}
}

static void take_strip(struct fuzz_in *in, struct ref_strip *s)
{
	s->kind = (int)fuzz_take(in, 3);
	s->len = 0;
	if (s->kind == 2) {
		s->len = 1 + take_bytes(in, s->chars, 2);
		s->chars[s->len - 1] = alphabet[fuzz_take(in, sizeof alphabet - 1)];
	}
}

static void strip_args(struct fuzz_args *a, const char *option, const struct ref_strip *s)
{
	char fmt[32];

	if (s->kind == 0)
		return;
	snprintf(fmt, sizeof fmt, "%s%s", option, s->kind == 1 ? "%s" : "=%s");
	fuzz_arg(a, fmt, s->kind == 1 ? "" : escaped(s->chars, s->len));
}

/* Chooses a command line from the front of the input, into sp (for the reference)
 * and a (for the tool). */
static void take_command(struct fuzz_in *in, struct ref_spec *sp, struct fuzz_args *a)
{
	static const char *const mode_opts[] = {NULL, "-f", "-F", "-b", "-c"};
	char list[REF_MAX_ITEMS * 24], num[32];
	unsigned split;
	size_t i;
	bool named = false; /* names need -H */

	memset(sp, 0, sizeof *sp);
	a->n = 0;
	fuzz_arg(a, "%s", "zbsplit");
	snprintf(num, sizeof num, "%u", 1 + fuzz_take(in, 256));
	fuzz_arg(a, "--buffer-size=%s", num);

	sp->mode = (enum ref_mode)fuzz_take(in, 5);
	sp->zero = fuzz_bool(in);
	sp->npreds = fuzz_take(in, REF_MAX_PREDS + 1);
	if (sp->mode == REF_NONE && sp->npreds == 0)
		sp->npreds = 1;
	if (sp->mode != REF_NONE) {
		take_list(in, sp, list, sizeof list, &named);
		fuzz_arg(a, "%s", mode_opts[sp->mode]);
		fuzz_arg(a, "%s", list);
	}

	/* the splitter: -d and -w split fields, and with -b or -c only for predicates */
	split = fuzz_take(in, 5); /* TAB, -d, -w, -w=trimmed, -R */
	if ((sp->mode == REF_BYTES || sp->mode == REF_CHARS) && sp->npreds == 0)
		split = 0;
	if (sp->mode == REF_AWK && (split == 2 || split == 3)) /* -F splits at blanks already */
		split = 0;
	if (split == 1) {
		sp->d_given = true;
		sp->delim_len = take_bytes(in, sp->delim, 6); /* 5 and 6: the Two-Way search */
		for (i = 0; i < sp->delim_len; i++) /* never the terminator */
			if (sp->delim[i] == (sp->zero ? '\0' : '\n'))
				sp->delim[i] = ':';
		if (sp->delim_len == 0 && sp->zero) /* '' is NUL */
			sp->delim[sp->delim_len++] = ':';
		fuzz_arg(a, "%s", "-d");
		fuzz_arg(a, "%s", escaped(sp->delim, sp->delim_len));
	} else if (split == 4) {
		sp->regex = delim_eres[fuzz_take(in, COUNT(delim_eres))];
		fuzz_arg(a, "%s", "-R");
		fuzz_arg(a, "%s", sp->regex);
	} else if (split >= 2) {
		sp->w_given = true;
		sp->w_trimmed = split == 3;
		fuzz_arg(a, "%s", split == 3 ? "--whitespace-delimited=trimmed" : "-w");
	}

	if (sp->mode != REF_NONE && fuzz_bool(in)) {
		sp->o_given = true;
		sp->out_len = take_bytes(in, sp->out, 2);
		fuzz_arg(a, "%s", "-O");
		fuzz_arg(a, "%s", escaped(sp->out, sp->out_len));
	}
	if (sp->mode != REF_BYTES && sp->mode != REF_CHARS && fuzz_take(in, 3) == 0) {
		sp->only_delimited = true;
		fuzz_arg(a, "%s", "-s");
	}
	if (sp->mode != REF_NONE && fuzz_take(in, 3) == 0) {
		sp->complement = true;
		fuzz_arg(a, "%s", "--complement");
	}
	if (sp->mode == REF_BYTES && fuzz_bool(in)) {
		sp->whole_chars = true;
		fuzz_arg(a, "%s", "-n");
	}
	if (fuzz_take(in, 4) == 0) {
		sp->header = true;
		fuzz_arg(a, "%s", "-H");
	}
	if (sp->zero)
		fuzz_arg(a, "%s", "-z");
	take_strip(in, &sp->lstrip);
	take_strip(in, &sp->rstrip);
	if (sp->lstrip.kind == 1 && sp->rstrip.kind == 1 && fuzz_bool(in)) {
		fuzz_arg(a, "%s", "-t");
	} else {
		strip_args(a, "--lstrip", &sp->lstrip);
		strip_args(a, "--rstrip", &sp->rstrip);
	}

	for (i = 0; i < sp->npreds; i++) {
		struct ref_pred *p = &sp->preds[i];
		char value[96];
		unsigned f = fuzz_take(in, 4); /* 0, N, NF-k or a name */
		p->kind = (enum ref_pred_kind)fuzz_take(in, RP_COUNT);
		p->field.kind = f == 3 ? END_NAME : f == 2 ? END_NF : END_NUM;
		p->field.n = f == 0   ? 0
		             : f == 1 ? 1 + fuzz_take(in, 6)
		                      : fuzz_take(in, f == 3 ? REF_NNAMES : 4);
		named |= f == 3;
		snprintf(value, sizeof value, "%s", bound_text(p->field));
		if (p->kind <= RP_SUFFIX) {
			p->len = take_bytes(in, p->str, 3);
			snprintf(value + strlen(value), sizeof value - strlen(value), ":%s",
			         escaped(p->str, p->len));
		} else if (p->kind <= RP_GE) {
			const char *n = numbers[fuzz_take(in, COUNT(numbers))];
			p->len = strlen(n);
			memcpy(p->str, n, p->len);
			snprintf(value + strlen(value), sizeof value - strlen(value), ":%s", n);
		} else if (p->kind >= RP_REGEX) {
			p->ere = pred_eres[fuzz_take(in, COUNT(pred_eres))];
			snprintf(value + strlen(value), sizeof value - strlen(value), ":%s", p->ere);
		}
		fuzz_arg(a, "%s", pred_names[p->kind]);
		fuzz_arg(a, "%s", value);
	}
	if (sp->npreds > 0 && fuzz_take(in, 3) == 0) {
		sp->invert = true;
		fuzz_arg(a, "%s", "-v");
	}
	if (sp->npreds > 0 && fuzz_take(in, 3) == 0) {
		sp->any = true;
		fuzz_arg(a, "%s", "--or");
	}
	if (named && !sp->header) {
		sp->header = true;
		fuzz_arg(a, "%s", "--header");
	}
	if (fuzz_take(in, 4) == 0) { /* worker threads: the output must not change */
		snprintf(num, sizeof num, "%u", 2 + fuzz_take(in, 2));
		fuzz_arg(a, "--jobs=%s", num);
		snprintf(num, sizeof num, "%u", 1 + fuzz_take(in, 256));
		fuzz_arg(a, "--block-size=%s", num);
	}
}

/* Runs the inputs through run, from files or pipes.  Returns 0, the status the
 * tool exited with (a name missing from the first header: 2, with its message
 * checked), or 1 when an input reported an error (a later header lacking a name). */
static int run_inputs(struct run *run, const uint8_t *data, const size_t *cut, size_t nparts,
                      bool use_pipe, int file_fd)
{
	static jmp_buf env;
	static int pipe_fd = -1; /* static: still known after the longjmp */
	static size_t k;
	static int failed;
	int status, fds[2];

	fuzz_capture();
	fuzz_exit_env = &env;
	failed = 0;
	if ((status = setjmp(env)) == 0) {
		for (k = 0; k < nparts; k++) {
			const uint8_t *part = data + cut[k];
			size_t len = cut[k + 1] - cut[k];
			int in_fd = file_fd;
			if (use_pipe) {
				if (pipe(fds) != 0 || (len > 0 && write(fds[1], part, len) != (ssize_t)len))
					fuzz_fail("pipe");
				close(fds[1]);
				in_fd = pipe_fd = fds[0];
			} else {
				fuzz_fill(file_fd, part, len);
			}
			failed |= run_input(run, in_fd, "fuzz input") != 0;
			if (pipe_fd >= 0)
				close(pipe_fd);
			pipe_fd = -1;
		}
	}
	fuzz_exit_env = NULL;
	fuzz_release();
	if (pipe_fd >= 0)
		close(pipe_fd);
	pipe_fd = -1;
	if (status == 0 && !failed && fuzz_stderr_len > 0)
		fuzz_fail("run_input wrote to stderr");
	if ((status > 0 || failed) &&
	    (fuzz_stderr_len < 9 || strncmp(fuzz_stderr_text, "zbsplit: ", 9) != 0))
		fuzz_fail("an exit or an error without a 'zbsplit: ' message");
	return status ? status - 1 : failed;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *in_file, *out_file;
	static struct config cfg;
	struct fuzz_in in = {data, size};
	struct ref_spec spec;
	struct ref_out want = {NULL, 0, 0};
	struct fuzz_args a;
	struct run run;
	unsigned char *got;
	static const char *const engines[] = {"portable", "sse2", "avx2", "avx2-bmi2"};
	const char *engine;
	size_t got_len, cut[4], nparts, k;
	bool use_pipe;
	int status, want_status, i;

	if (in_file == NULL && ((in_file = tmpfile()) == NULL || (out_file = tmpfile()) == NULL))
		fuzz_fail("no scratch files");
	take_command(&in, &spec, &a);
	use_pipe = fuzz_bool(&in) && in.n < 60000; /* what a pipe holds without a reader */
	engine = engines[fuzz_take(&in, 4)]; /* the kernels' engines: all give the same output */
	(void)kernels_use(engine);           /* it stays as it is when the CPU lacks one */
	nparts = 1 + fuzz_take(&in, 3); /* inputs, cut at fractions of the data (the last use
	                                   of `in`: the rest is the data) */
	for (k = 1; k < nparts; k++)
		cut[k] = fuzz_take(&in, 256);
	cut[0] = 0;
	for (k = 1; k < nparts; k++)
		cut[k] = cut[k - 1] + (in.n - cut[k - 1]) * cut[k] / 256;
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
	status = run_inputs(&run, in.p, cut, nparts, use_pipe, fileno(in_file));
	run_close(&run);
	options_free(&cfg);

	want_status = reference_run(&spec, in.p, cut, nparts, &want);
	if (status != want_status) {
		fuzz_show_args(&a);
		fuzz_dump("stderr", fuzz_stderr_text, fuzz_stderr_len);
		fuzz_fail("exit status %d, the reference's %d", status, want_status);
	}
	got = fuzz_contents(fileno(out_file), &got_len);
	if (got_len != want.len || (got_len > 0 && memcmp(got, want.p, got_len) != 0)) {
		fuzz_show_args(&a);
		for (i = 0; i < (int)spec.nitems; i++)
			fprintf(stderr, "item %d: %d %lld - %d %lld dash %d\n", i,
			        spec.items[i].lo.kind, spec.items[i].lo.n, spec.items[i].hi.kind,
			        spec.items[i].hi.n, spec.items[i].dash);
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
