/*
 * reference.h - a deliberately simple zbsplit, for fuzz_stream to compare with.
 *
 * It takes the whole input in memory and follows man/zbsplit.1 with obvious loops:
 * records, then units (fields, bytes, UTF-8 characters), then the LIST resolved for
 * the record, overlapping items merged, written in the order first named.  It shares
 * no code with src/: the LIST comes as numbers (fuzz_stream writes the same LIST as
 * text for the tool), and UTF-8 is decoded by value, not by src/utf8.h's table.
 */
#ifndef REFERENCE_H
#define REFERENCE_H

#include <stdbool.h>
#include <stddef.h>

enum ref_mode { REF_NONE, REF_FIELDS, REF_AWK, REF_BYTES, REF_CHARS };

/* One end of a LIST item, or the field of a predicate. */
enum ref_end { END_NUM, END_NF, END_OMITTED, END_NAME };

struct ref_bound {
	enum ref_end kind;
	long long n; /* END_NUM: the number; END_NF: k of NF-k (0 for NF); END_NAME: the
	                index in ref_names */
};

/* The field names a LIST or a predicate may use (with -H). */
#define REF_NNAMES 6
extern const char *const ref_names[REF_NNAMES];

struct ref_item {
	struct ref_bound lo, hi; /* hi is used only with a dash */
	bool dash;               /* N-M, N-, -M; without it the item is lo alone */
};

/* A strip side: nothing, whitespace, or the bytes given. */
struct ref_strip {
	int kind; /* 0 none, 1 whitespace, 2 chars */
	unsigned char chars[4];
	size_t len;
};

enum ref_pred_kind {
	RP_STR_EQ, RP_STR_NE, RP_CONTAINS, RP_NOT_CONTAINS, RP_PREFIX, RP_SUFFIX,
	RP_EQ, RP_NE, RP_LT, RP_LE, RP_GT, RP_GE,
	RP_EMPTY, RP_NOT_EMPTY, RP_ISDIGIT, RP_ISALPHA, RP_ISSPACE,
	RP_REGEX, RP_NOT_REGEX, RP_IREGEX, RP_COUNT
};

struct ref_pred {
	enum ref_pred_kind kind;
	struct ref_bound field; /* END_NUM n (0: the whole record) or END_NF */
	unsigned char str[6];   /* string kinds: the STR; numeric kinds: the NUM text */
	size_t len;
	const char *ere;        /* regex kinds */
};

#define REF_MAX_ITEMS 8
#define REF_MAX_PREDS 3

struct ref_spec {
	enum ref_mode mode;
	bool whole_chars;    /* -n */
	bool d_given;        /* -d DELIM */
	unsigned char delim[6];
	size_t delim_len;    /* 0: -d '' (the NUL byte) */
	bool w_given, w_trimmed; /* -w, --whitespace-delimited=trimmed */
	const char *regex;       /* -R ERE, or NULL */
	bool o_given;        /* -O STR */
	unsigned char out[3];
	size_t out_len;      /* 0: -O '' (the NUL byte) */
	bool only_delimited, complement, zero, header, invert, any;
	struct ref_strip lstrip, rstrip;
	struct ref_item items[REF_MAX_ITEMS];
	size_t nitems;
	struct ref_pred preds[REF_MAX_PREDS];
	size_t npreds;
};

/* Growable output bytes. */
struct ref_out {
	unsigned char *p;
	size_t len, cap;
};

/* What zbsplit with spec writes for the inputs: nparts files, part i being the
 * bytes data[cut[i]..cut[i + 1]).  Returns its exit status: 0; 2 when a name is
 * not in the first header or makes a decreasing range (nothing is then written);
 * 1 when so in a later input's header (that input's records are skipped). */
int reference_run(const struct ref_spec *spec, const unsigned char *data, const size_t *cut,
                  size_t nparts, struct ref_out *out);

#endif
