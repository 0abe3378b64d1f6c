/* list.h - LIST: which fields, bytes or characters to select, and in which order. */
#ifndef LIST_H
#define LIST_H

#include <stdbool.h>
#include <stddef.h>

#define UNIT_MAX (SIZE_MAX >> 1) /* the highest unit number a LIST may name */

/* One end of an item: unit n (from 1), or NF-n when from_end (NF itself is n = 0),
 * or a header field's name, whose number n is set once the header is read. */
struct bound {
	size_t n;
	bool from_end;
	char *name; /* owned; NULL for numbers and NF forms */
};

/* Parses a field reference at *s (N, NF, NF-k, a bare or "quoted" name), leaving *s
 * after it.  Returns 1, 0 when there is none, -1 for a number too large, -2 for an
 * unclosed quote, -3 when out of memory. */
int bound_parse(const char **s, struct bound *b);

void bound_free(struct bound *b);

/* One LIST item, N-M, with both ends resolved from the text (N- ends at NF). */
struct item {
	struct bound lo, hi;
};

/* A selected run of units, 1-based and inclusive; hi may be UNIT_MAX ("to the end"). */
struct range {
	size_t lo, hi;
};

/* An item clipped to a record, or a group of merged ones, with the position in the
 * LIST of the first item named (planning scratch). */
struct span {
	size_t lo, hi, pos;
};

struct list {
	struct item *items;   /* in the order the LIST names them */
	size_t count;
	bool relative;        /* some end counts from NF: the plan is made per record */
	bool complement;      /* select what the items do not name */
	bool names;           /* some end is a header field's name */
	struct range *plan;   /* the ranges to write, in output order */
	size_t nplan;
	struct span *spans;   /* scratch for planning, one per item */
};

/* Parses text into l (empty before the call).  Returns 0, or -1 with a message
 * naming the bad item in err. */
int list_parse(const char *text, struct list *l, char *err, size_t errlen);

/* Gives every name in l its field number from lookup (0: no such field).  Returns
 * 0, or -1 with a message naming the unknown field in err. */
int list_resolve_names(struct list *l, size_t (*lookup)(const char *name, void *ctx), void *ctx,
                       char *err, size_t errlen);

/* Makes l's plan for records of `units` units (UNIT_MAX when unknown): the items
 * clipped to 1..units, overlapping ones merged, in the order first named (or, with
 * complement, the gaps between them in ascending order). */
void list_plan(struct list *l, size_t units);

/* The highest unit the plan can need (UNIT_MAX when it runs to the end). */
size_t list_reach(const struct list *l);

void list_free(struct list *l);

#endif
