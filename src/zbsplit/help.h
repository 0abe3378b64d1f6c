/* help.h - the text of --help. */
#ifndef HELP_H
#define HELP_H

#include <stdio.h>

/* Writes the --help text to out (errors are out's to report: see options.c). */
void help_print(FILE *out);

#endif
