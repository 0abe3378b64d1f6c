/* options.h - the command line, checked and turned into a configuration. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include "select.h"

struct config {
	struct selector sel;
	size_t buffer_size; /* input and output buffer size, --buffer-size */
	char **inputs;      /* FILE operands; none means standard input */
	int ninputs;
	unsigned char *delim_mem;     /* decoded -d, owned */
	unsigned char *out_delim_mem; /* decoded -O, owned */
};

/* Fills c from argv; exits with a usage error (status 2) on a bad command line,
 * or after printing --help or --version. */
void options_parse(int argc, char **argv, struct config *c);

/* Frees what options_parse allocated. */
void options_free(struct config *c);

#endif
