/* filter.h - predicates on fields that decide which records are kept. */
#ifndef FILTER_H
#define FILTER_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>

#include "fields.h"
#include "list.h"
#include "regex_match.h"
#include "zb/zb.h"

/* The predicates, in groups by the argument they take; each group's comparisons
 * are in the order EQ, NE, LT, LE, GT, GE where it has them (see pred_compare). */
enum pred_kind {
	/* F:STR (F a field list, as for every kind but the ff ones) */
	P_STR_EQ, P_STR_NE, P_CONTAINS, P_NOT_CONTAINS, P_PREFIX, P_SUFFIX,
	P_STR_LT, P_STR_LE, P_STR_GT, P_STR_GE,
	P_ISTR_EQ, P_ISTR_NE, P_ICONTAINS, P_NOT_ICONTAINS,
	/* F:ERE */
	P_REGEX, P_NOT_REGEX, P_IREGEX, P_NOT_IREGEX,
	/* F:NUM */
	P_EQ, P_NE, P_LT, P_LE, P_GT, P_GE,
	/* F:N, a length */
	P_CHAR_LEN_EQ, P_CHAR_LEN_NE, P_CHAR_LEN_LT, P_CHAR_LEN_LE, P_CHAR_LEN_GT, P_CHAR_LEN_GE,
	P_BYTE_LEN_EQ, P_BYTE_LEN_NE, P_BYTE_LEN_LT, P_BYTE_LEN_LE, P_BYTE_LEN_GT, P_BYTE_LEN_GE,
	/* F1:F2, two single fields (the diff kinds F1:F2:NUM) */
	P_FF_EQ, P_FF_NE, P_FF_LT, P_FF_LE, P_FF_GT, P_FF_GE,
	P_FF_STR_EQ, P_FF_STR_NE, P_FF_ISTR_EQ, P_FF_ISTR_NE,
	P_FF_ABSDIFF_LE, P_FF_ABSDIFF_GT, P_FF_RELDIFF_LE, P_FF_RELDIFF_GT,
	/* F alone */
	P_EMPTY, P_NOT_EMPTY, P_ISDIGIT, P_ISALPHA, P_ISSPACE, P_BLANK, P_NOT_BLANK,
	P_IS_NUMERIC, P_IS_FINITE, P_IS_NAN, P_IS_INFINITY,
	/* not an option: the second field of the ff predicate just before it */
	P_OPERAND
};

static inline bool pred_is_ff(enum pred_kind k) { return k >= P_FF_EQ && k <= P_FF_RELDIFF_GT; }
static inline bool pred_is_regex(enum pred_kind k) { return k >= P_REGEX && k <= P_NOT_IREGEX; }

/*
 * One test of one field.  A field list (--empty 1-3, --str-eq 2,4:x) makes one
 * predicate per field, and a field-against-field one (--ff-eq 1:2) two: the test
 * on F1, then a P_OPERAND on F2.  So every kernel gathers one value per predicate
 * and knows nothing of the kinds.
 */
struct predicate {
	enum pred_kind kind;
	struct bound field;  /* N, NF-k or a name; N = 0 is the whole record */
	unsigned char *str;  /* string operand, escapes decoded (owned) */
	size_t len;
	uint32_t *folded;    /* the case-insensitive kinds: str folded (fold.h; owned) */
	size_t nfolded;
	regex_t re;          /* regex kinds: compiled here to check it, and again per thread */
	const char *pattern; /* ... from this (the argument's text, which outlives the run) */
	int cflags;
	double num;          /* numeric and diff kinds */
	size_t count;        /* length kinds */
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
	bool folds;          /* some predicate folds case (fold_open was called) */
};

/* A thread's working memory for the predicates: a field read as a number, and
 * its own compiled copy of each regex (threads that share a regex_t take turns in
 * regexec). */
struct filter_scratch {
	char *num;    /* a field read as a number, for strtod (grows to the longest) */
	size_t num_cap;
	struct regex *re; /* per predicate; compiled for the regex kinds, with literals */
	size_t nre;   /* predicates [0, nre) have theirs compiled */
};

/* Adds the predicate `option` (its long name, for messages) of the given kind with
 * its argument ("F:VALUE", "F" for the class kinds, "F1:F2[:NUM]" for the ff
 * ones; F a comma-separated list of fields N, N-M, NF, NF-k, 0 or names), one
 * predicate per field.  Returns 0, or -1 with a message naming it in err. */
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
