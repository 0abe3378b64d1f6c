/* fields.h - the fields of a record: between delimiters, blank runs or regex matches. */
#ifndef FIELDS_H
#define FIELDS_H

#include <regex.h>
#include <stdbool.h>

#include "regex_literals.h"
#include "zb/zb.h"

enum split_kind {
	SPLIT_DELIM,          /* between occurrences of the delimiter string (-d) */
	SPLIT_BLANKS,         /* between runs of spaces and tabs (-w) */
	SPLIT_BLANKS_TRIMMED, /* the same, ignoring runs at either end (-w=trimmed, -F) */
	SPLIT_REGEX           /* between non-empty matches of an ERE (-R) */
};

struct splitter {
	enum split_kind kind;
	const unsigned char *delim; /* SPLIT_DELIM */
	size_t delim_len;
	regex_t *re;                /* SPLIT_REGEX, compiled with REG_EXTENDED */
	const struct regex_literals *lits; /* ... and what every match of it holds */
};

/* Space and tab: the blanks of -w, -F and of numbers in predicates. */
extern const zb_byteset fields_blanks;

/* A walk over the fields of bytes [pos, end) of a record; allocates nothing. */
struct field_iter {
	zb_split split;            /* the library's iterator, for all but regexes */
	const struct splitter *sp;
	const unsigned char *base; /* SPLIT_REGEX: the record, for the matcher's context */
	const void *owner;         /* the record's owner, given to the fields */
	size_t pos, end, rec_len;
	bool done;
	bool no_match;             /* SPLIT_REGEX: the part holds none of the ERE's literals */
};

/*
 * Starts a walk over the fields of rec[start, end), which must begin and end at
 * field boundaries (the whole record, or a run of whole fields).  `trim` drops blank
 * runs at the ends for SPLIT_BLANKS_TRIMMED; a run of whole fields has none.
 */
void fields_start(const struct splitter *sp, zb_view rec, size_t start, size_t end, bool trim,
                  struct field_iter *it);

/* The next field into *out (a sub-view of the record); false after the last. */
bool fields_next(struct field_iter *it, zb_view *out);

/* The number of fields in rec. */
size_t fields_count(const struct splitter *sp, zb_view rec);

/* Where the last field of rec ends (before trailing blanks when trimmed). */
size_t fields_end(const struct splitter *sp, zb_view rec);

/*
 * cut's rule for -s and for records written whole, decided here only: a record is
 * delimited when it has two fields or more, that is when its first field, which
 * ends at offset first_end, ends before its last.  Trimmed (-w=trimmed, -F), blanks
 * at the record's ends are no delimiter: "  a  " and a record of blanks alone are
 * undelimited, as in cut 9.11.
 */
static inline bool fields_delimited_after(const struct splitter *sp, zb_view rec,
                                          size_t first_end)
{
	return first_end < fields_end(sp, rec);
}

/* Whether rec holds a delimiter at all (fields_delimited_after, splitting it). */
bool fields_delimited(const struct splitter *sp, zb_view rec);

#endif
