/*
 * test_engine.c - the record engine at tiny buffer sizes, in-process.
 *
 * Every option set of tests/option_sets.txt runs on a corpus of hard cases at the
 * default buffer size, then at --buffer-size 1, 2, 3, 7 and 64 (so records and
 * delimiters cross buffers everywhere), from a pipe, and with -j 2 and 3 at small
 * block sizes; every run must exit 0, say nothing and write the same bytes.  The
 * default output's correctness is checked against GNU cut and mawk by the bats
 * suite (tests/buffer_size.bats); here it is the reference for the rest.  Then a
 * table of cases whose output was checked by hand or against GNU cut and mawk runs
 * the same way.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "inproc.h"
#include "options.h"
#include "planner.h"
#include "tool_check.h"

#define MAX_WORDS 48

/* The corpus, built once: about 3 KB. */
struct corpus {
	unsigned char *p;
	size_t n, cap;
};

static void put(struct corpus *c, const void *p, size_t n)
{
	if (c->n + n > c->cap) {
		c->cap = (c->n + n) * 2;
		if ((c->p = realloc(c->p, c->cap)) == NULL)
			abort();
	}
	memcpy(c->p + c->n, p, n);
	c->n += n;
}

static void puts_c(struct corpus *c, const char *s)
{
	put(c, s, strlen(s));
}

static void repeat(struct corpus *c, char ch, size_t n)
{
	while (n-- > 0)
		put(c, &ch, 1);
}

static unsigned long lcg_state = 4242;

static unsigned rnd(unsigned range)
{
	lcg_state = lcg_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((lcg_state >> 33) % range);
}

/* What fields are made of: ASCII, blanks, UTF-8 of 2 to 4 bytes, invalid bytes
 * (a lone 0xff, a truncated sequence, an overlong one) and NUL. */
static const char *const atoms[] = {"a", "b", "c", "x", "y", "z", "0", "1", "7", "9", ".",
                                    "-", "/", " ", " ", "\t", "\xc3\xa9", "\xe2\x82\xac",
                                    "\xf0\x9f\x98\x80", "\xff", "\xe2\x82", "\xc0\x80"};
static const char *const delims[] = {":", ":", ":", "::", ":::", "\t"};

static void field(struct corpus *c, unsigned maxlen)
{
	unsigned len = rnd(maxlen), k;

	for (k = 0; k < len; k++) {
		if (rnd(40) == 0)
			put(c, "", 1); /* a NUL byte */
		else
			puts_c(c, atoms[rnd(sizeof atoms / sizeof atoms[0])]);
	}
}

/* The corpus of tests/corpus.bash in small: its first record names fields for -H
 * and puts '::' across offset 63/64; records of 600 bytes, empty ones, CRLF, every kind
 * of byte, and a last record without a newline. */
static void build_corpus(struct corpus *c)
{
	unsigned r, i, nf;

	repeat(c, 'a', 63);
	puts_c(c, "::");
	repeat(c, 'b', 200);
	puts_c(c, "::tail:x\ty z\n");
	for (r = 0; r < 100; r++) {
		if (r == 30 || r == 70) {
			size_t start = c->n;
			while (c->n - start < 600) {
				field(c, 14);
				puts_c(c, delims[rnd(6)]);
			}
			puts_c(c, "\n");
			continue;
		}
		if (rnd(16) == 0) {
			puts_c(c, "\n");
			continue;
		}
		nf = rnd(9);
		for (i = 0; i < nf; i++) {
			if (i)
				puts_c(c, delims[rnd(6)]);
			field(c, 8);
		}
		if (rnd(12) == 0)
			puts_c(c, "\r");
		puts_c(c, "\n");
	}
	puts_c(c, "last:record::with \xc3\xa9");
}

/* Prints a command line for a failure report. */
static void show_args(const char *what, int argc, const char *const *args)
{
	int i;

	fprintf(stderr, "    %s: zbsplit", what);
	for (i = 0; i < argc; i++)
		fprintf(stderr, " '%s'", args[i]);
	fputc('\n', stderr);
}

/* One run that must succeed silently and write exactly want. */
static void expect_run(int argc, const char *const *args, const struct corpus *in,
                       enum feed feed, const unsigned char *want, size_t want_len)
{
	struct inproc_result r;
	int ok;

	if (inproc_run(argc, args, in->p, in->n, feed, &r) != 0) {
		CHECK(!"inproc_run could not set the run up");
		return;
	}
	ok = r.status == 0 && r.err_len == 0 && r.out_len == want_len &&
	     memcmp(r.out, want, want_len) == 0;
	CHECK(ok);
	if (!ok) {
		show_args(feed == FEED_PIPE ? "from a pipe" : "from a file", argc, args);
		fprintf(stderr, "    status %d, %zu bytes out (want %zu), stderr: %s\n", r.status,
		        r.out_len, want_len, r.err);
		check_report_view((zb_view){r.out, r.out_len, NULL}, want, want_len, __FILE__,
		                  __LINE__, "output");
	}
	inproc_free(&r);
}

/* The variations every case goes through, as words put before its own. */
static const char *const variations[][4] = {
	{"--buffer-size=1"}, {"--buffer-size=2"}, {"--buffer-size=3"}, {"--buffer-size=7"},
	{"--buffer-size=64"}, {"-j", "2", "--block-size=1"}, {"-j", "2", "--block-size=64"},
	{"-j", "3", "--buffer-size=7", "--block-size=5"}};
#define NVARIATIONS (sizeof variations / sizeof variations[0])

/* args at every variation, from a file and from a pipe, must write want. */
static void at_every_size(int argc, const char *const *args, const struct corpus *in,
                          const unsigned char *want, size_t want_len)
{
	const char *words[MAX_WORDS + 4];
	size_t v;
	int k, extra;

	expect_run(argc, args, in, FEED_PIPE, want, want_len);
	for (v = 0; v < NVARIATIONS; v++) {
		for (extra = 0; extra < 4 && variations[v][extra]; extra++)
			words[extra] = variations[v][extra];
		for (k = 0; k < argc; k++)
			words[extra + k] = args[k];
		expect_run(extra + argc, words, in, FEED_FILE, want, want_len);
		if (v == 1 || v == 4 || v == 6) /* 2, 64, and -j from a pipe */
			expect_run(extra + argc, words, in, FEED_PIPE, want, want_len);
	}
}

/* The kernel the planner gives an option set (without header names). */
static enum kernel kernel_of(int n, char **words)
{
	char *argv[MAX_WORDS + 2];
	struct config cfg;
	struct plan plan;
	enum kernel k = KERNEL_RECORDS;
	int i;

	argv[0] = "zbsplit";
	for (i = 0; i < n; i++)
		argv[i + 1] = words[i];
	argv[n + 1] = NULL;
	optind = 0; /* glibc: getopt afresh */
	options_parse(n + 1, argv, &cfg);
	if (!cfg.list.names && !cfg.filter.names && plan_make(&plan, &cfg) == 0) {
		k = plan.kernel;
		plan_free(&plan);
	}
	options_free(&cfg);
	return k;
}

/* The kernel of a command line written as one string (words at single spaces). */
static enum kernel kernel_of_line(const char *line)
{
	char copy[256], *words[MAX_WORDS];

	snprintf(copy, sizeof copy, "%s", line);
	return kernel_of(split_words(copy, words, MAX_WORDS), words);
}

/* --str-eq N:S alone has its own kernel; the predicates that look like it must not
 * reach it, and --label keeps every record, so only the general kernel marks them. */
static void kernel_choice(void)
{
	CHECK(kernel_of_line("-d : --str-eq 2:x") == KERNEL_KEEP_STR_EQ);
	CHECK(kernel_of_line("-d : --str-eq 2,3:x") != KERNEL_KEEP_STR_EQ);
	CHECK(kernel_of_line("-d : --istr-eq 2:x") != KERNEL_KEEP_STR_EQ);
	CHECK(kernel_of_line("-d : --str-le 2:x") != KERNEL_KEEP_STR_EQ);
	CHECK(kernel_of_line("-d : --ff-str-eq 2:3") != KERNEL_KEEP_STR_EQ);
	CHECK(kernel_of_line("-d : --str-eq 2:x --label L") == KERNEL_RECORDS);
	CHECK(kernel_of_line("-d : -f 1 --empty 2 --label L") == KERNEL_RECORDS);
	CHECK(kernel_of_line("-w -f 1 --empty 2 --label L") == KERNEL_RECORDS);
	CHECK(kernel_of_line("--csv -f 1 --empty 2 --label L") == KERNEL_CSV);
}

/* Each option set: the default run is the reference for the others, and for the
 * kernel that serves any plan, which every other kernel must match. */
static void option_sets(const char *path, const struct corpus *in)
{
	FILE *f = fopen(path, "r");
	char line[1024], *words[MAX_WORDS];
	int n, sets = 0, k, served[KERNEL_RECORDS + 1] = {0};

	CHECK(f != NULL);
	if (f == NULL) {
		fprintf(stderr, "    cannot open %s\n", path);
		return;
	}
	while (fgets(line, sizeof line, f)) {
		struct inproc_result def;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		n = split_words(line, words, MAX_WORDS);
		CHECK(n > 0);
		if (n <= 0 || inproc_run(n, (const char *const *)words, in->p, in->n, FEED_FILE,
		                         &def) != 0)
			continue;
		CHECK(def.status == 0 && def.err_len == 0);
		if (def.status != 0 || def.err_len != 0) {
			show_args("the default run", n, (const char *const *)words);
			fprintf(stderr, "    status %d: %s\n", def.status, def.err);
		}
		at_every_size(n, (const char *const *)words, in, def.out, def.out_len);
		served[kernel_of(n, words)]++;
		planner_general_only = true;
		expect_run(n, (const char *const *)words, in, FEED_FILE, def.out, def.out_len);
		expect_run(n, (const char *const *)words, in, FEED_PIPE, def.out, def.out_len);
		planner_general_only = false;
		inproc_free(&def);
		sets++;
	}
	fclose(f);
	CHECK(sets >= 80); /* guards the loop: an emptied file must not pass */
	for (k = 0; k <= KERNEL_RECORDS; k++) { /* every kernel was compared */
		CHECK(served[k] > 0);
		if (served[k] == 0)
			fprintf(stderr, "    no option set is served by kernel %d\n", k);
	}
}

/* A case: input, command line (option_sets.txt's syntax), expected output, all as
 * C strings whose length is given where they hold NUL bytes. */
struct known {
	const char *in;
	size_t in_len; /* 0: strlen(in) */
	const char *args;
	const char *want;
	size_t want_len; /* 0: strlen(want) */
};

/* Checked by hand from the man page, and against GNU cut 9.1 and mawk 1.3.4
 * where they do the same thing (noted). */
static const struct known cases[] = {
	/* cut: a record without the delimiter is written whole, -s drops it; the last
	 * record gets its newline */
	{"a:b:c\nnodelim\n:x\nlast:y", 0, "-d : -f 2", "b\nnodelim\nx\ny\n", 0},
	{"a:b:c\nnodelim\n:x\nlast:y", 0, "-d : -f 2 -s", "b\nx\ny\n", 0},
	{"a:b:c\nnodelim\n", 0, "-d : -f 1,3 --complement", "b\nnodelim\n", 0},
	/* the CR of CRLF belongs to the last field (cut) */
	{"a:b\r\nc:d\r\n", 0, "-d : -f 2", "b\r\nd\r\n", 0},
	{"a:b\r\nc:d\r\n", 0, "-d : -f 1", "a\nc\n", 0},
	/* ... but predicates see it without the CR (the CRLF rule, by hand) */
	{"a:b\r\nc:d\r\n", 0, "-d : --str-eq 2:b", "a:b\r\n", 0},
	{"a:b\r\nc:d\r\n", 0, "-d : -f 1 --str-eq 2:b", "a\n", 0},
	{"a:b\r\nc:d\r\n", 0, "-d : --str-eq 0:c:d", "c:d\r\n", 0},
	/* NUL bytes are data; -z makes them the terminator (cut) */
	{"a\0:b\n", 5, "-d : -f 1", "a\0\n", 3},
	{"a:b\0c:d", 7, "-z -d : -f 2", "b\0d\0", 4},
	/* empty input: no output; an empty record is written as one (cut) */
	{"", 0, "-d : -f 1", "", 0},
	{"\n\n", 0, "-d : -f 2", "\n\n", 0},
	/* fields in the order named, NF, a delimiter of two bytes (by hand) */
	{"x::y::z\nw\n", 0, "-d :: -f 3,1", "z::x\nw\n", 0},
	{"a:b:c\nd:e\n", 0, "-d : -f NF,1", "c:a\ne:d\n", 0},
	{"a:b:c\nd:e\n", 0, "-d : -f NF-1", "b\nd\n", 0},
	/* a record longer than every small buffer (cut) */
	{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:"
	 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n", 0,
	 "-d : -f 2", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n",
	 0},
	/* bytes and UTF-8 characters (cut -b; -c by hand) */
	{"na\xc3\xafve caf\xc3\xa9\n", 0, "-c 1-5", "na\xc3\xafve\n", 0},
	{"na\xc3\xafve caf\xc3\xa9\n", 0, "-b 1-3", "na\xc3\n", 0},
	{"na\xc3\xafve caf\xc3\xa9\n", 0, "-c NF", "\xc3\xa9\n", 0},
	/* blanks: -F is awk's {print $3, $1} (mawk) */
	{"  a  b\tc  \none\n", 0, "-F 3,1", "c a\none\n", 0},
	{"  a  b\tc  \n", 0, "-F NF", "c\n", 0},
	/* predicates: what awk -F: '$2 == "x"' keeps (mawk) */
	{"1:x\n2:y\n3:x\n4\n", 0, "-d : --str-eq 2:x -f 1", "1\n3\n", 0},
	{"1:x\n2:y\n3:x\n4\n", 0, "-d : -v --str-eq 2:x", "2:y\n4\n", 0},
	{"1:5\n2:50\n3:500\n", 0, "-d : --ge 2:50 -f 1", "2\n3\n", 0},
	/* the header, by name (by hand) */
	{"id:name\n1:Ada\n2:Linus\n", 0, "-H -d : -f name", "name\nAda\nLinus\n", 0},
	/* strip (by hand) */
	{" a : b \n", 0, "-t -d : -f 2,1", "b:a\n", 0},
};

static void known_cases(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct known *k = &cases[i];
		char line[256], *words[MAX_WORDS];
		struct corpus in = {(unsigned char *)k->in, k->in_len ? k->in_len : strlen(k->in), 0};
		size_t want_len = k->want_len ? k->want_len : strlen(k->want);
		int n;

		snprintf(line, sizeof line, "%s", k->args);
		n = split_words(line, words, MAX_WORDS);
		CHECK(n > 0);
		if (n <= 0)
			continue;
		expect_run(n, (const char *const *)words, &in, FEED_FILE,
		           (const unsigned char *)k->want, want_len);
		at_every_size(n, (const char *const *)words, &in, (const unsigned char *)k->want,
		              want_len);
	}
}

void test_engine(const char *option_sets_path)
{
	struct corpus c = {NULL, 0, 0};

	build_corpus(&c);
	CHECK(c.n > 2000 && c.n < 4000);
	option_sets(option_sets_path, &c);
	kernel_choice();
	known_cases();
	free(c.p);
}
