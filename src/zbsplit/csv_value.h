/*
 * csv_value.h - a CSV field's value, and how a value is written: the rules of
 * Python's csv module (default dialect) in one place.  A field is read as its
 * bytes, or, when it starts with a quote, as what is between the quotes with each
 * doubled quote made one (and, malformed, anything after the closing quote added
 * as it is).  A value is written as it is, or quoted, with its quotes doubled,
 * when it holds the delimiter, a quote, CR or LF; or, for TSV, with TAB, LF, CR
 * and backslash escaped.
 */
#ifndef CSV_VALUE_H
#define CSV_VALUE_H

#include <stdbool.h>

#include "output.h"
#include "zb/zb.h"

/* The value of the field whose bytes are raw (between its delimiters): raw itself,
 * a part of it, or the bytes written to dst, which has room for raw.len. */
zb_view csv_value(zb_view raw, unsigned char *dst);

/* Whether raw is a well-formed field: without quotes, or quoted with every quote
 * inside doubled and nothing after the closing one.  NULL when it is; else what
 * is wrong, for a message. */
const char *csv_malformed(zb_view raw);

/* How values are written: which bytes need a value quoted (or escaped). */
struct csv_writer {
	bool special[256];
	bool tsv;              /* escape instead of quoting */
	unsigned char delim;
};

void csv_writer_init(struct csv_writer *w, unsigned char delim, bool tsv);

/* Writes v as a value. */
void csv_put(const struct csv_writer *w, struct output *out, zb_view v);

#endif
