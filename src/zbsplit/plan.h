/*
 * plan.h - what to do with every record, decided once from the configuration: the
 * ranges to write, the kernel that finds them (planner.c's table), and what that
 * kernel prepared.  A plan does not change while records are worked on, so every
 * thread reads the same one; what changes per record is a thread's scratch.
 */
#ifndef PLAN_H
#define PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "list.h"
#include "options.h"
#include "output.h"
#include "queries.h"
#include "zb/zb.h"

/* The kernels: what finds the spans of a block's records (plan.c says which serves
 * which plan). */
enum kernel {
	KERNEL_WHOLE,        /* -d '\n': each input one record (whole_block) */
	KERNEL_CSV,          /* --csv: fields found by kernels/csv, per block */
	KERNEL_FIRST_FIELDS, /* -f1: the block's output in one pass (kernels/first_fields) */
	KERNEL_KEEP_STR_EQ,  /* --str-eq N:S alone: kept records in one pass (keep_field_eq) */
	KERNEL_KEEP_REGEX,   /* --regex 0:ERE alone: its literals searched per block */
	KERNEL_PICK,         /* a one-byte delimiter, fixed fields: scan2_pick per record */
	KERNEL_BLANKS,       /* fields between blank runs: scanset per block */
	KERNEL_CHARS,        /* -c without predicates: utf8_find per record */
	KERNEL_RECORDS       /* anything: a record at a time */
};

/* KERNEL_PICK: a range of fields starts after pick `after` and ends at pick `upto`,
 * by index in nth; NO_PICK: at the record's start, or its end. */
#define NO_PICK SIZE_MAX
struct pick_span {
	size_t after, upto;
};

struct pick_plan {
	size_t *nth;             /* the delimiters asked for, ascending, always starting with
	                            1 (whether it is there says if a record is delimited) */
	size_t n;
	struct pick_span *spans; /* per range, then per predicate */
	bool copy;               /* fields without predicates, copied as they are: the copy
	                            loop, with the output's room made once a block */
	bool first_only;         /* the one delimiter asked for is the first (scan2_pick1) */
};

/* KERNEL_BLANKS: the fields to look for, by the edges of blank runs that begin them. */
struct blank_plan {
	size_t nwanted;    /* fields at the ends of the ranges and of the predicates */
	size_t *first;     /* per wanted field, ascending: the edge that begins it (0: the
	                      record's start); those from NF are made again per record */
	size_t *back;      /* per wanted field NF-k (from index `relative` on): 2k */
	size_t *lo, *hi;   /* per range: its first and last field's index in `first` */
	size_t nplan;      /* the ranges, short ones split into their fields */
	size_t *pred;      /* per predicate: its field's index in `first`; SIZE_MAX for the
	                      whole record (field 0) */
	size_t relative;   /* the index of the first wanted field counted from NF */
	size_t min_fields; /* with fields from NF: fewer, and the record goes the general way */
	bool single;       /* every range is one field */
	bool one_field;    /* one field, no predicates, no -s: awk '{print $N}' */
};

/* KERNEL_RECORDS with a LIST of NF-k items only and a one-byte delimiter: the
 * plan made for TAIL_UNITS fields, found from the record's end. */
#define TAIL_MAX 63 /* the deepest NF-k handled so */
struct tail_plan {
	struct range *ranges;
	size_t n;          /* 0: not used */
	size_t depth;      /* the deepest k */
};

/* KERNEL_CHARS with a fixed plan of at most FIND_CHUNK queries: the characters
 * asked of utf8_find_line, and where each range's answers are. */
#define FIND_CHUNK 16
struct few_plan {
	bool usable;
	size_t keys[FIND_CHUNK];     /* the queries' characters, in order */
	size_t lo_query[FIND_CHUNK]; /* by range: the query for its first character */
	size_t hi_query[FIND_CHUNK]; /* ... and for its last, unless it runs to the end */
};

/* Whether the CRLF rule (kernels/crlf.h) holds: records end in '\n', and not as
 * CSV's do (--csv ends a record before a CR LF), nor are whole inputs (-d '\n',
 * whose fields are lines: a rule for the last line alone would treat them apart). */
static inline bool plan_crlf(const struct config *c)
{
	return c->term == '\n' && c->csv == CSV_OFF && !c->one_record;
}

struct plan {
	const struct config *cfg;
	enum kernel kernel;
	bool out_is_delim;        /* fields are joined by the delimiter that split them, so a
	                             range of several is copied as it is */
	bool strip;               /* --strip, --lstrip or --rstrip */
	bool copy_as_is;          /* the fixed plan's ranges are copied as they are */
	bool label;               /* --label: every record written, marked (emit_labelled) */
	size_t npreds;
	struct range *ranges;     /* the fixed plan (the LIST does not count from NF) */
	size_t nranges;
	struct query *queries;    /* its queries */
	size_t nqueries;
	size_t *pred_want;        /* per predicate: its field (0: the record), when fixed */
	size_t *pred_order;       /* the predicates by field, for one walk */
	struct pick_plan pick;
	struct blank_plan blanks;
	struct tail_plan tail;
	struct few_plan few;
	bool near;                /* -c: the LIST names only the first few characters */
	size_t csv_keep;          /* KERNEL_CSV: the field starts kept (csv_keep) */
	struct range *csv_fixed;  /* ... and the items' fields, when they do not count
	                             from NF (list_each for any number of fields) */
	bool csv_singles;         /* ... all of which are single fields */
	bool csv_count_all;       /* NF is needed: the fields past csv_keep are counted
	                             (else a record's nf says only that there are more) */
};

#endif
