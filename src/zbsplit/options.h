/* options.h - the command line, checked and turned into a configuration. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <regex.h>
#include <stdbool.h>

#include "fields.h"
#include "filter.h"
#include "list.h"
#include "zb/zb.h"

enum mode { MODE_NONE, MODE_FIELDS, MODE_BYTES, MODE_CHARS };

/* --csv: records and fields as CSV (strict: malformed input is an error). */
enum csv_mode { CSV_OFF, CSV_LENIENT, CSV_STRICT };

/* What the command line asks for.  It does not change once the header's names are
 * resolved (plan.c), so every thread reads the same one. */
struct config {
	enum mode mode;                 /* MODE_NONE: records are written whole */
	struct list list;               /* -f, -F, -b or -c */
	struct filter filter;           /* predicates; none keeps every record */
	struct splitter split;          /* how a record is cut into fields */
	const zb_byteset *lstrip;       /* bytes stripped from the left of what is written */
	const zb_byteset *rstrip;       /* ... and from the right; NULL: none */
	const unsigned char *out_delim; /* written between fields or ranges */
	size_t out_delim_len;
	bool only_delimited;            /* -s: drop records without a delimiter */
	bool one_record;                /* -d is the terminator: each input is one record
	                                   (KERNEL_WHOLE) */
	bool whole_chars;               /* -n: -b never splits a UTF-8 character */
	bool header;                    /* -H: the first record of each input is a header */
	enum csv_mode csv;              /* --csv: split.delim is one byte, out_delim too */
	bool tsv_out;                   /* --tsv-out: with --csv, write TSV with escapes */
	unsigned char term;             /* record terminator, written after each record */
	const char *label;              /* --label: the header's name for the field added to
	                                   every record, which filters nothing; or NULL */
	const char *label_pass, *label_fail; /* that field's values (--label-values) */
	size_t label_pass_len, label_fail_len;
	const unsigned char *label_delim; /* written before the label: the output delimiter
	                                     of fields, else the input's (TAB for -w, -R) */
	size_t label_delim_len;
	size_t buffer_size;             /* input and output buffer size, --buffer-size */
	unsigned jobs;                  /* -j: worker threads; 1 works in the main thread */
	size_t block_size;              /* -j: bytes of records handed to a worker at once */
	char **inputs;                  /* FILE operands; none means standard input */
	int ninputs;
	unsigned char *delim_mem;       /* decoded -d, owned */
	unsigned char *out_delim_mem;   /* decoded -O, owned */
	zb_byteset strip_sets[2];       /* what lstrip and rstrip point at */
	regex_t regex;                  /* -R, compiled (to check it; each thread compiles
	                                   its own from regex_src) */
	const char *regex_src;
	struct regex_literals regex_lits; /* -R: its literals (regex_literals.h) */
	bool has_regex;
};

/* Fills c from argv; exits with a usage error (status 2) on a bad command line,
 * or after printing --help or --version. */
void options_parse(int argc, char **argv, struct config *c);

/* Frees what options_parse allocated. */
void options_free(struct config *c);

#endif
