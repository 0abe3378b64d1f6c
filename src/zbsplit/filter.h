/* filter.h - predicates on fields that decide which records are kept. */
#ifndef FILTER_H
#define FILTER_H

#include <regex.h>
#include <stdbool.h>

#include "fields.h"
#include "list.h"
#include "zb/zb.h"

enum pred_kind {
	P_STR_EQ, P_STR_NE, P_CONTAINS, P_NOT_CONTAINS, P_PREFIX, P_SUFFIX,
	P_REGEX, P_NOT_REGEX, P_IREGEX,
	P_EQ, P_NE, P_LT, P_LE, P_GT, P_GE,
	P_EMPTY, P_NOT_EMPTY, P_ISDIGIT, P_ISALPHA, P_ISSPACE
};

struct predicate {
	enum pred_kind kind;
	struct bound field;  /* N, NF-k or a name; N = 0 is the whole record */
	unsigned char *str;  /* string operand, escapes decoded (owned) */
	size_t len;
	regex_t re;          /* regex kinds: compiled here to check it, and again per thread */
	const char *pattern; /* ... from this (the argument's text, which outlives the run) */
	int cflags;
	double num;          /* numeric kinds */
};

/* The predicates; they do not change once their names are resolved, so threads
 * share them. */
struct filter {
	struct predicate *preds;
	size_t count;
	bool any;            /* --or: one predicate holding is enough */
	bool invert;         /* -v: keep what would be dropped */
	bool relative;       /* some predicate counts from NF */
	bool names;          /* some predicate names a header field */
};

/* A thread's working memory for the predicates: a field read as a number, and
 * its own compiled copy of each regex (threads that share a regex_t take turns in
 * regexec). */
struct filter_scratch {
	char *num;    /* a field read as a number, for strtod (grows to the longest) */
	size_t num_cap;
	regex_t *re;  /* per predicate; compiled for the regex kinds */
	size_t nre;   /* predicates [0, nre) have theirs compiled */
};

/* Adds the predicate `option` (its long name, for messages) of the given kind with
 * its argument ("F:VALUE", or "F" for the class kinds).  Returns 0, or -1 with a
 * message naming it in err. */
int filter_add(struct filter *f, enum pred_kind kind, const char *option, const char *arg,
               char *err, size_t errlen);

/* Gives named fields their numbers (see list_resolve_names). */
int filter_resolve_names(struct filter *f, name_lookup_fn *lookup, void *ctx, char *err,
                         size_t errlen);

/* Prepares fs for f's predicates; -1 when out of memory (fs can then be closed). */
int filter_scratch_open(struct filter_scratch *fs, const struct filter *f);

void filter_scratch_close(struct filter_scratch *fs, const struct filter *f);

/* Whether a record is kept, given each predicate's field (values[i] for preds[i];
 * empty when the record lacks it), stripped by lstrip/rstrip (NULL: no strip)
 * before the predicates see them. */
bool filter_decide(const struct filter *f, const zb_view *values, const zb_byteset *lstrip,
                   const zb_byteset *rstrip, struct filter_scratch *fs);

void filter_free(struct filter *f);

#endif
