/* options.h - the command line, checked and turned into a configuration. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <regex.h>

#include "filter.h"
#include "select.h"

struct config {
	struct selector sel;
	struct filter filter;  /* predicates; none keeps every record */
	bool header;           /* -H: the first record of each input is a header */
	size_t buffer_size; /* input and output buffer size, --buffer-size */
	unsigned jobs;      /* -j: worker threads; 1 works in the main thread */
	size_t block_size;  /* -j: bytes of records handed to a worker at once */
	int argc;           /* the command line, for options_parse_again */
	char **argv;
	char **inputs;      /* FILE operands; none means standard input */
	int ninputs;
	unsigned char *delim_mem;     /* decoded -d, owned */
	unsigned char *out_delim_mem; /* decoded -O, owned */
	zb_byteset strip_sets[2];     /* what sel.lstrip and sel.rstrip point at */
	regex_t regex;                /* -R, compiled */
	bool has_regex;
};

/* Fills c from argv; exits with a usage error (status 2) on a bad command line,
 * or after printing --help or --version. */
void options_parse(int argc, char **argv, struct config *c);

/* Makes *c a configuration of its own from the command line first was made from
 * (a -j worker's: nothing per record is shared).  The line parsed once, so it
 * parses again. */
void options_parse_again(const struct config *first, struct config *c);

/* Frees what options_parse allocated. */
void options_free(struct config *c);

#endif
