/* options.c - parsing and checking the command line (the man page is the spec). */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "ere_size.h"
#include "escape.h"
#include "help.h"
#include "options.h"
#include "usage_hints.h"



/* The defaults are measured in bench/README.md ("Tuning figures"). */
#define DEFAULT_BUFFER_SIZE ((size_t)1024 * 1024)
#define MAX_BUFFER_SIZE ((size_t)1 << 30)
#define DEFAULT_BLOCK_SIZE ((size_t)256 * 1024)
#define MAX_JOBS 1024

enum {
	OPT_COMPLEMENT = 256,
	OPT_BUFFER_SIZE,
	OPT_BLOCK_SIZE,
	OPT_LSTRIP,
	OPT_RSTRIP,
	OPT_OR,
	OPT_CSV,
	OPT_TSV_OUT,
	OPT_LABEL,
	OPT_LABEL_VALUES,
	OPT_PREDICATE, /* OPT_PREDICATE + enum pred_kind */
};

#define PRED(name, kind, arg) {name, arg, NULL, OPT_PREDICATE + (kind)}

static const struct option long_options[] = {
	{"bytes", required_argument, NULL, 'b'},
	{"characters", required_argument, NULL, 'c'},
	{"delimiter", required_argument, NULL, 'd'},
	{"fields", required_argument, NULL, 'f'},
	{"complement", no_argument, NULL, OPT_COMPLEMENT},
	{"only-delimited", no_argument, NULL, 's'},
	{"output-delimiter", required_argument, NULL, 'O'},
	{"whitespace-delimited", optional_argument, NULL, 'w'},
	{"zero-terminated", no_argument, NULL, 'z'},
	{"buffer-size", required_argument, NULL, OPT_BUFFER_SIZE},
	{"jobs", required_argument, NULL, 'j'},
	{"block-size", required_argument, NULL, OPT_BLOCK_SIZE},
	{"strip", optional_argument, NULL, 't'},
	{"lstrip", optional_argument, NULL, OPT_LSTRIP},
	{"rstrip", optional_argument, NULL, OPT_RSTRIP},
	{"header", no_argument, NULL, 'H'},
	{"regex-delimiter", required_argument, NULL, 'R'},
	{"or", no_argument, NULL, OPT_OR},
	{"invert", no_argument, NULL, 'v'},
	{"csv", optional_argument, NULL, OPT_CSV},
	{"tsv-out", no_argument, NULL, OPT_TSV_OUT},
	PRED("str-eq", P_STR_EQ, required_argument),
	PRED("str-ne", P_STR_NE, required_argument),
	PRED("str-lt", P_STR_LT, required_argument),
	PRED("str-le", P_STR_LE, required_argument),
	PRED("str-gt", P_STR_GT, required_argument),
	PRED("str-ge", P_STR_GE, required_argument),
	PRED("istr-eq", P_ISTR_EQ, required_argument),
	PRED("istr-ne", P_ISTR_NE, required_argument),
	PRED("contains", P_CONTAINS, required_argument),
	PRED("not-contains", P_NOT_CONTAINS, required_argument),
	/* tsv-filter's names of the two above */
	PRED("str-in-fld", P_CONTAINS, required_argument),
	PRED("str-not-in-fld", P_NOT_CONTAINS, required_argument),
	PRED("istr-in-fld", P_ICONTAINS, required_argument),
	PRED("istr-not-in-fld", P_NOT_ICONTAINS, required_argument),
	PRED("prefix", P_PREFIX, required_argument),
	PRED("suffix", P_SUFFIX, required_argument),
	PRED("regex", P_REGEX, required_argument),
	PRED("not-regex", P_NOT_REGEX, required_argument),
	PRED("iregex", P_IREGEX, required_argument),
	PRED("not-iregex", P_NOT_IREGEX, required_argument),
	PRED("eq", P_EQ, required_argument),
	PRED("ne", P_NE, required_argument),
	PRED("lt", P_LT, required_argument),
	PRED("le", P_LE, required_argument),
	PRED("gt", P_GT, required_argument),
	PRED("ge", P_GE, required_argument),
	PRED("char-len-eq", P_CHAR_LEN_EQ, required_argument),
	PRED("char-len-ne", P_CHAR_LEN_NE, required_argument),
	PRED("char-len-lt", P_CHAR_LEN_LT, required_argument),
	PRED("char-len-le", P_CHAR_LEN_LE, required_argument),
	PRED("char-len-gt", P_CHAR_LEN_GT, required_argument),
	PRED("char-len-ge", P_CHAR_LEN_GE, required_argument),
	PRED("byte-len-eq", P_BYTE_LEN_EQ, required_argument),
	PRED("byte-len-ne", P_BYTE_LEN_NE, required_argument),
	PRED("byte-len-lt", P_BYTE_LEN_LT, required_argument),
	PRED("byte-len-le", P_BYTE_LEN_LE, required_argument),
	PRED("byte-len-gt", P_BYTE_LEN_GT, required_argument),
	PRED("byte-len-ge", P_BYTE_LEN_GE, required_argument),
	PRED("ff-eq", P_FF_EQ, required_argument),
	PRED("ff-ne", P_FF_NE, required_argument),
	PRED("ff-lt", P_FF_LT, required_argument),
	PRED("ff-le", P_FF_LE, required_argument),
	PRED("ff-gt", P_FF_GT, required_argument),
	PRED("ff-ge", P_FF_GE, required_argument),
	PRED("ff-str-eq", P_FF_STR_EQ, required_argument),
	PRED("ff-str-ne", P_FF_STR_NE, required_argument),
	PRED("ff-istr-eq", P_FF_ISTR_EQ, required_argument),
	PRED("ff-istr-ne", P_FF_ISTR_NE, required_argument),
	PRED("ff-absdiff-le", P_FF_ABSDIFF_LE, required_argument),
	PRED("ff-absdiff-gt", P_FF_ABSDIFF_GT, required_argument),
	PRED("ff-reldiff-le", P_FF_RELDIFF_LE, required_argument),
	PRED("ff-reldiff-gt", P_FF_RELDIFF_GT, required_argument),
	PRED("empty", P_EMPTY, required_argument),
	PRED("not-empty", P_NOT_EMPTY, required_argument),
	PRED("blank", P_BLANK, required_argument),
	PRED("not-blank", P_NOT_BLANK, required_argument),
	PRED("isdigit", P_ISDIGIT, required_argument),
	PRED("isalpha", P_ISALPHA, required_argument),
	PRED("isspace", P_ISSPACE, required_argument),
	PRED("is-numeric", P_IS_NUMERIC, required_argument),
	PRED("is-finite", P_IS_FINITE, required_argument),
	PRED("is-nan", P_IS_NAN, required_argument),
	PRED("is-infinity", P_IS_INFINITY, required_argument),
	{"label", required_argument, NULL, OPT_LABEL},
	{"label-values", required_argument, NULL, OPT_LABEL_VALUES},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* -w's argument is optional, so -w=trimmed and -wtrimmed work as the long form does
 * (check_whitespace_arg). */
static const char short_options[] = ":b:c:d:f:F:j:nO:sw::zhVt::HR:v";

/* After --help or --version: a write error is reported like any other, and a
 * closed pipe ends quietly (see output.c). */
static _Noreturn void exit_after_printing(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		diag_exit(EXIT_SUCCESS);
	if (errno == EPIPE)
		diag_exit(EXIT_SUCCESS);
	die_errno(EXIT_INPUT, "write error");
}

/* Parses SIZE: a positive number with an optional K, M or G suffix (powers of 1024);
 * `what` names it in messages ("buffer size"). */
static size_t parse_size(const char *text, const char *what)
{
	const char *s = text;
	size_t n = 0, unit = 1;

	if (*s < '0' || *s > '9')
		usage_error("invalid %s '%s'", what, text);
	for (; *s >= '0' && *s <= '9'; s++) { /* saturates above the limit: never wraps */
		size_t digit = (size_t)(*s - '0');
		n = n > (MAX_BUFFER_SIZE - digit) / 10 ? MAX_BUFFER_SIZE + 1 : n * 10 + digit;
	}
	if (*s == 'K' || *s == 'k')
		unit = (size_t)1 << 10;
	else if (*s == 'M' || *s == 'm')
		unit = (size_t)1 << 20;
	else if (*s == 'G' || *s == 'g')
		unit = (size_t)1 << 30;
	if (unit > 1)
		s++;
	if (*s != '\0')
		usage_error("invalid %s '%s'", what, text);
	if (n == 0)
		usage_error("invalid %s '%s': it must be at least 1", what, text);
	if (n > MAX_BUFFER_SIZE / unit)
		usage_error("%s '%s' is too large (the limit is 1G)", what, text);
	return n * unit;
}

/* Parses -j's N: 0 (one thread per CPU) to MAX_JOBS. */
static unsigned parse_jobs(const char *text)
{
	const char *s = text;
	unsigned n = 0;
	long cpus;

	if (*s < '0' || *s > '9')
		usage_error("invalid number of jobs '%s'", text);
	for (; *s >= '0' && *s <= '9'; s++) /* saturates above the limit: never wraps */
		n = n > MAX_JOBS ? n : n * 10 + (unsigned)(*s - '0');
	if (*s != '\0')
		usage_error("invalid number of jobs '%s'", text);
	if (n > MAX_JOBS)
		usage_error("number of jobs '%s' is too large (the limit is %d)", text, MAX_JOBS);
	if (n > 0)
		return n;
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : (unsigned)cpus;
}

/* A bad escape in an argument: the decoded copy is freed (nothing is left behind
 * by a usage error, see diag_exit.c) and the error reported. */
static _Noreturn void bad_escape(unsigned char *decoded, const char *what, const char *err)
{
	free(decoded);
	usage_error("%s: %s", what, err);
}

/* Decodes a delimiter argument; an empty one means the NUL byte, as in cut. */
static unsigned char *decode_delim(const char *text, size_t *len, const char *what)
{
	unsigned char *out = malloc(strlen(text) + 1);
	char err[256];
	ptrdiff_t n;

	if (out == NULL)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	n = unescape(text, out, err, sizeof err);
	if (n < 0)
		bad_escape(out, what, err);
	if (n == 0) {
		out[0] = '\0';
		n = 1;
	}
	*len = (size_t)n;
	return out;
}

/* A strip set from an optional CHARS argument: whitespace when there is none. */
static zb_byteset *strip_set(struct config *c, const char *chars, int side)
{
	zb_byteset *set = &c->strip_sets[side];
	unsigned char *bytes;
	char err[256];
	ptrdiff_t n;

	if (chars == NULL) {
		zb_byteset_init(set, NULL, 0);
		return set;
	}
	if (*chars == '\0')
		usage_error("the strip set is empty (leave out '=' for whitespace)");
	if ((bytes = malloc(strlen(chars) + 1)) == NULL)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	if ((n = unescape(chars, bytes, err, sizeof err)) < 0)
		bad_escape(bytes, "strip set", err);
	zb_byteset_init(set, bytes, (size_t)n);
	free(bytes);
	return set;
}

/* The splitter: -d, -w, -R or the default TAB. */
static void choose_splitter(struct config *c, const char *delim, const char *regex,
                            bool blanks, bool trimmed)
{
	struct splitter *sp = &c->split;

	if (delim) {
		sp->kind = SPLIT_DELIM;
		sp->delim = c->delim_mem = decode_delim(delim, &sp->delim_len, "delimiter");
		c->one_record = sp->delim_len == 1 && sp->delim[0] == c->term;
		if (!c->one_record && memchr(sp->delim, c->term, sp->delim_len))
			usage_error("the delimiter '%s' contains the record terminator: only the"
			            " terminator alone may be one (each input is then one record)",
			            delim);
	} else if (regex) {
		int rc;
		if (ere_too_large(regex))
			usage_error("invalid regular expression '%s': %s", regex, ERE_TOO_LARGE);
		rc = regcomp(&c->regex, regex, REG_EXTENDED);
		if (rc != 0) {
			char why[256];
			regerror(rc, &c->regex, why, sizeof why);
			usage_error("invalid regular expression '%s': %s", regex, why);
		}
		c->has_regex = true;
		c->regex_src = regex;
		sp->kind = SPLIT_REGEX;
		sp->re = &c->regex;
		regex_literals_make(&c->regex_lits, regex, REG_EXTENDED);
		sp->lits = &c->regex_lits;
	} else if (blanks) {
		sp->kind = trimmed ? SPLIT_BLANKS_TRIMMED : SPLIT_BLANKS;
	} else {
		sp->kind = SPLIT_DELIM;
		sp->delim = (const unsigned char *)"\t";
		sp->delim_len = 1;
	}
}

/* The first field name in the LIST or the predicates, for a message. */
static const char *first_name(const struct config *c)
{
	size_t i;

	for (i = 0; i < c->list.count; i++)
		if (c->list.items[i].lo.name || c->list.items[i].hi.name)
			return c->list.items[i].lo.name ? c->list.items[i].lo.name
			                                : c->list.items[i].hi.name;
	for (i = 0; i < c->filter.count; i++)
		if (c->filter.preds[i].field.name)
			return c->filter.preds[i].field.name;
	return "?";
}

/* What the command line said, before it is checked and decoded. */
struct words {
	const char *list, *delim, *out_delim, *whitespace, *regex;
	int lists;            /* -f, -F, -b and -c given */
	bool awk_style;       /* the list came with -F */
	bool complement, whitespace_set, zero;
	bool whitespace_short; /* -w came as a short option (its argument, the rest of the word) */
	const char *csv;      /* --csv's argument ("" for none), or NULL */
	bool tsv_out;
	const char *label_values; /* --label-values P:F, or NULL */
};

/* Takes one option getopt_long returned (`index`: a long option's, for predicates). */
static void take_option(int opt, int index, char **argv, struct config *c, struct words *w)
{
	char err[512];

	switch (opt) {
	case 'b':
	case 'c':
	case 'f':
	case 'F':
		w->lists++;
		w->list = optarg;
		w->awk_style = opt == 'F';
		c->mode = opt == 'b' ? MODE_BYTES : opt == 'c' ? MODE_CHARS : MODE_FIELDS;
		break;
	case 'd': w->delim = optarg; break;
	case 'h':
		help_print(stdout);
		exit_after_printing();
	case 'H': c->header = true; break;
	case 'n': c->whole_chars = true; break;
	case 'O': w->out_delim = optarg; break;
	case 'R': w->regex = optarg; break;
	case 's': c->only_delimited = true; break;
	case 't':
		c->lstrip = strip_set(c, optarg, 0);
		c->rstrip = strip_set(c, optarg, 1);
		break;
	case 'v': c->filter.invert = true; break;
	case 'V':
		puts("zbsplit " ZB_VERSION);
		exit_after_printing();
	case 'w':
		w->whitespace_set = true;
		w->whitespace = optarg;
		w->whitespace_short = strncmp(argv[optind - 1], "--", 2) != 0;
		break;
	case 'z': w->zero = true; break;
	case OPT_BUFFER_SIZE: c->buffer_size = parse_size(optarg, "buffer size"); break;
	case OPT_BLOCK_SIZE: c->block_size = parse_size(optarg, "block size"); break;
	case 'j': c->jobs = parse_jobs(optarg); break;
	case OPT_COMPLEMENT: w->complement = true; break;
	case OPT_LSTRIP: c->lstrip = strip_set(c, optarg, 0); break;
	case OPT_RSTRIP: c->rstrip = strip_set(c, optarg, 1); break;
	case OPT_OR: c->filter.any = true; break;
	case OPT_CSV: w->csv = optarg ? optarg : ""; break;
	case OPT_TSV_OUT: w->tsv_out = true; break;
	case OPT_LABEL: c->label = optarg; break;
	case OPT_LABEL_VALUES: w->label_values = optarg; break;
	case ':':
	case '?':
		bad_option(opt, argv[optind - 1], short_options, long_options);
	default:
		if (filter_add(&c->filter, (enum pred_kind)(opt - OPT_PREDICATE),
		               long_options[index].name, optarg, err, sizeof err) != 0)
			usage_error("%s", err);
	}
}

/* The usage errors of options that do not go together. */
static void check_combinations(const struct config *c, const struct words *w)
{
	if (w->lists > 1)
		usage_error("only one list may be given (-f, -F, -b or -c, once)");
	if (w->lists == 0 && c->filter.count == 0 && !w->csv)
		usage_error("you must give a list of fields, bytes or characters (-f, -F, -b or -c)"
		            " or a predicate");
	if (c->mode == MODE_BYTES || c->mode == MODE_CHARS) {
		/* a delimiter only serves predicates here */
		if ((w->delim || w->regex || w->whitespace_set) && c->filter.count == 0)
			usage_error("-d, -w and -R work only with fields (-f or -F) or predicates");
		if (c->only_delimited)
			usage_error("-s works only with fields (-f or -F)");
	}
	if ((w->delim != NULL) + (w->regex != NULL) + w->whitespace_set > 1)
		usage_error("only one of -d, -w and -R may be given");
	check_whitespace_arg(w->whitespace, w->whitespace_short);
	if (w->lists == 0 && (w->complement || (w->out_delim && !w->csv)))
		usage_error("%s needs a list (-f, -F, -b or -c)", w->complement ? "--complement" : "-O");
	if ((c->filter.invert || c->filter.any) && c->filter.count == 0)
		usage_error("%s needs a predicate", c->filter.invert ? "-v" : "--or");
	if (c->label && c->filter.count == 0)
		usage_error("--label needs a predicate (it marks the records where they hold)");
	if (w->label_values && !c->label)
		usage_error("--label-values needs --label");
}

/* --label: the values of its field (--label-values P:F, or 1 and 0), and what
 * joins it to the record. */
static void choose_label(struct config *c, const struct words *w)
{
	const char *values = w->label_values ? w->label_values : "1:0";
	const char *colon = strchr(values, ':');

	if (!c->label)
		return;
	if (colon != NULL) {
		c->label_pass = values;
		c->label_pass_len = (size_t)(colon - values);
		c->label_fail = colon + 1;
		c->label_fail_len = strlen(colon + 1);
	} else {
		usage_error("invalid argument '%s' for --label-values (expected PASS:FAIL)", values);
	}
	if (c->csv || c->mode == MODE_FIELDS) {
		c->label_delim = c->out_delim;
		c->label_delim_len = c->csv ? 1 : c->out_delim_len;
	} else if (c->split.kind == SPLIT_DELIM) {
		c->label_delim = c->split.delim;
		c->label_delim_len = c->split.delim_len;
	} else {
		c->label_delim = (const unsigned char *)"\t";
		c->label_delim_len = 1;
	}
}

/* A one-byte delimiter of --csv (-d or -O, `what`), checked: the quote and the line
 * ends cannot be one. */
static void check_csv_delim(const unsigned char *d, size_t len, const char *text,
                            const char *what)
{
	if (len != 1)
		usage_error("with --csv the %s must be one byte, not '%s'", what, text);
	if (d[0] == '"' || d[0] == '\n' || d[0] == '\r')
		usage_error("with --csv the %s cannot be '%s' (a quote or a line end)", what, text);
}

/* --csv and --tsv-out: what they take and what they refuse. */
static void choose_csv(struct config *c, const struct words *w)
{
	if (w->tsv_out && !w->csv)
		usage_error("--tsv-out converts CSV: use it with --csv");
	if (!w->csv)
		return;
	if (*w->csv != '\0' && strcmp(w->csv, "strict") != 0)
		usage_error("invalid argument '%s' for --csv (only 'strict')", w->csv);
	c->csv = *w->csv ? CSV_STRICT : CSV_LENIENT;
	c->tsv_out = w->tsv_out;
	if (c->mode == MODE_BYTES || c->mode == MODE_CHARS || w->awk_style)
		usage_error("--csv selects fields: use -f, not %s",
		            w->awk_style ? "-F" : c->mode == MODE_BYTES ? "-b" : "-c");
	if (w->whitespace_set || w->regex)
		usage_error("--csv splits at its delimiter: %s cannot be used with it",
		            w->regex ? "-R" : "-w");
	if (w->zero)
		usage_error("--csv records end at line ends: -z cannot be used with it");
	if (w->tsv_out && w->out_delim)
		usage_error("--tsv-out writes TAB between fields: -O cannot be used with it");
	if (!w->delim) {
		c->split.delim = (const unsigned char *)",";
		c->split.delim_len = 1;
	}
	check_csv_delim(c->split.delim, c->split.delim_len, w->delim ? w->delim : ",", "delimiter");
	if (w->out_delim)
		check_csv_delim(c->out_delim, c->out_delim_len, w->out_delim, "output delimiter");
	if (w->tsv_out) {
		c->out_delim = (const unsigned char *)"\t";
		c->out_delim_len = 1;
	} else if (!w->out_delim) {
		c->out_delim = c->split.delim;
		c->out_delim_len = 1;
	}
}

/* The LIST, parsed, and whether its names can be used. */
static void take_list(struct config *c, const struct words *w)
{
	char err[512];

	if (w->lists > 0) {
		if (list_parse(w->list, &c->list, err, sizeof err) != 0) {
			if (w->awk_style)
				awk_list_hint(w->list);
			usage_error("%s", err);
		}
		if (c->list.names && c->mode != MODE_FIELDS)
			usage_error("'%s' is not a byte or character number; names work only in"
			            " -f or -F lists", first_name(c));
	}
	if (c->list.names && !c->header && w->awk_style)
		awk_list_hint(w->list);
	if ((c->list.names || c->filter.names) && !c->header)
		usage_error("'%s' is not a field number; field names need -H (--header)",
		            first_name(c));
	c->list.complement = w->complement;
}

/* What is written between fields or ranges: -O, or the default for the mode. */
static void choose_out_delim(struct config *c, const struct words *w)
{
	if (w->out_delim) {
		c->out_delim = c->out_delim_mem = decode_delim(w->out_delim, &c->out_delim_len,
		                                               "output delimiter");
	} else if (w->awk_style) {
		c->out_delim = (const unsigned char *)" ";
		c->out_delim_len = 1;
	} else if (c->mode != MODE_FIELDS) {
		c->out_delim_len = 0; /* cut writes ranges of bytes back to back */
	} else if (c->split.kind != SPLIT_DELIM) {
		c->out_delim = (const unsigned char *)"\t";
		c->out_delim_len = 1;
	} else {
		c->out_delim = c->split.delim;
		c->out_delim_len = c->split.delim_len;
	}
}

void options_parse(int argc, char **argv, struct config *c)
{
	struct words w = {0};
	int opt, index = 0;

	memset(c, 0, sizeof *c);
	c->buffer_size = DEFAULT_BUFFER_SIZE;
	c->block_size = DEFAULT_BLOCK_SIZE;
	c->jobs = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, short_options, long_options, &index)) != -1)
		take_option(opt, index, argv, c, &w);
	check_combinations(c, &w);
	take_list(c, &w);
	c->whole_chars = c->whole_chars && c->mode == MODE_BYTES; /* ignored otherwise, as in cut */
	c->term = w.zero ? '\0' : '\n';
	choose_splitter(c, w.delim, w.regex, w.whitespace_set || w.awk_style,
	                w.whitespace || w.awk_style);
	choose_out_delim(c, &w);
	choose_csv(c, &w);
	choose_label(c, &w);
	if (c->one_record && c->header)
		usage_error("-H cannot be used with the delimiter '%s': each input is one record,"
		            " its fields the lines", w.delim);
	if (c->one_record)
		c->jobs = 1; /* one record per input: nothing to share out */
	c->inputs = argv + optind;
	c->ninputs = argc - optind;
	if (w.whitespace_set && !w.whitespace)
		check_detached_trimmed(c->inputs, c->ninputs);
}

void options_free(struct config *c)
{
	list_free(&c->list);
	filter_free(&c->filter);
	if (c->has_regex)
		regfree(&c->regex);
	free(c->delim_mem);
	free(c->out_delim_mem);
}
