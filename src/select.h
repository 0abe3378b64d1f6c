/* select.h - what to write of each record: fields, bytes or characters. */
#ifndef SELECT_H
#define SELECT_H

#include <stdbool.h>

#include "fields.h"
#include "filter.h"
#include "list.h"
#include "output.h"
#include "zb/zb.h"

enum mode { MODE_NONE, MODE_FIELDS, MODE_BYTES, MODE_CHARS };

struct selector {
	enum mode mode;                 /* MODE_NONE: records are written whole */
	struct splitter split;          /* how a record is cut into fields */
	const zb_byteset *lstrip;       /* bytes stripped from the left of what is written */
	const zb_byteset *rstrip;       /* ... and from the right; NULL: none */
	const unsigned char *out_delim; /* written between fields or ranges */
	size_t out_delim_len;
	bool only_delimited;            /* -s: drop records without a delimiter */
	bool whole_chars;               /* -n: -b never splits a UTF-8 character */
	bool out_is_delim;              /* fields are joined by the delimiter that split them */
	bool fast;                      /* select_block can do the work (one-byte delimiter,
	                                   fixed plan, predicates on fixed fields) */
	bool fast_blanks;               /* select_blanks does the work */
	struct blank_plan *blanks;      /* select_blanks: the fields it looks for */
	unsigned char term;             /* record terminator, written after each record */
	struct list list;
	struct filter *filter;          /* predicates, answered by the fast path too */
	/* Where each planned range starts and ends in a record is found by queries,
	 * answered in one scan of the record; their number is set by the LIST, so
	 * memory does not grow with the record. */
	struct query *queries;          /* two per range; by key */
	size_t nqueries;
	struct answer *answers;         /* one per range */
	/* The fast path's questions (select_block.c): the delimiters numbered pick_nth,
	 * ascending and always starting with 1 (its presence says a record is
	 * delimited), found at pick_at; each planned range, then each predicate's
	 * field, lies between two of them (spans). */
	size_t *pick_nth, *pick_at, npick;
	struct pick_span *spans;
	bool one_str_eq;                /* the only predicate is --str-eq, without strip */
	struct range *tail_plan;        /* the plan of a LIST of NF-k items only */
	size_t tail_nplan;              /* 0: select_tail is not used */
	size_t tail_depth;              /* the deepest k */
};

#define TAIL_MAX 63 /* the deepest NF-k that select_tail handles */

/* A question for the scan: the unit numbered `key` (fields, characters), or with -n
 * the character holding byte `key`; the answer goes to range `range`, as its first
 * or its last unit. */
struct query {
	size_t key;
	size_t range;
	bool last;
};

/* A range of fields starts after pick `after` and ends at pick `upto`, by index in
 * pick_nth; NO_PICK: at the record's start, or its end. */
#define NO_PICK SIZE_MAX
struct pick_span {
	size_t after, upto;
};

/* The byte spans of a range's first and last units, once the scan has seen them. */
struct answer {
	size_t first_start, first_end, last_start, last_end;
	bool has_first, has_last;
};

/* Allocates the scratch memory for s's LIST and makes its fixed plan; -1 when out
 * of memory.  Called again after field names in the LIST are resolved. */
int select_init(struct selector *s);

/* rec with the strip options applied. */
static inline zb_view select_strip(const struct selector *s, zb_view rec)
{
	return s->lstrip || s->rstrip ? zb_view_strip_sets(rec, s->lstrip, s->rstrip) : rec;
}

/* Writes to out what s selects of rec (a record without its terminator), followed
 * by the terminator, or nothing when -s drops it. */
void select_record(struct selector *s, zb_view rec, struct output *out);

/* As select_record for each record of block (records_next_block's), when s->fast. */
void select_block(struct selector *s, zb_view block, struct output *out);

/* Prepares select_block's questions for s's fixed plan; -1 when out of memory. */
int select_pick_plan(struct selector *s);

/* Whether select_blanks can do s's work: blank runs, a LIST fixed or made only of
 * NF-k items, no predicates. */
bool select_blanks_can(const struct selector *s);

/* Prepares select_blanks for s's plan; -1 when out of memory. */
int select_blanks_init(struct selector *s);

/* As select_block, for fields between blank runs, when s->fast_blanks. */
void select_blanks(struct selector *s, zb_view block, struct output *out);

/* As select_record for each record of block (records_next_block's), for -c
 * without predicates. */
void select_chars_block(struct selector *s, zb_view block, struct output *out);

/* Frees the scratch memory and the list. */
void select_free(struct selector *s);

#endif
