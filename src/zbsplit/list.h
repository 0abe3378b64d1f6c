/* list.h - LIST: which fields, bytes or characters to select, and in which order. */
#ifndef LIST_H
#define LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	bool single; /* one field (N, NF-k, a name), not a range: with --csv it writes a
	                value on every record, empty where the record lacks it */
	bool dashed; /* a range with an unquoted name at an end (first-name): perhaps a
	                name that holds '-', which the messages then say how to quote */
};

/* A selected run of units, 1-based and inclusive; hi may be UNIT_MAX ("to the end"). */
struct range {
	size_t lo, hi;
};

/* An item clipped to a record, or a group of merged ones, with the position in the
 * LIST of the first item named: list_plan's working memory, one per item. */
struct group {
	size_t lo, hi, pos;
};

/* A parsed LIST; it does not change once its names are resolved, so threads share it. */
struct list {
	struct item *items;   /* in the order the LIST names them */
	size_t count;
	bool relative;        /* some end counts from NF: the plan is made per record */
	bool complement;      /* select what the items do not name */
	bool names;           /* some end is a header field's name */
};

/* Parses text into l (empty before the call).  Returns 0, or -1 with a message
 * naming the bad item in err. */
int list_parse(const char *text, struct list *l, char *err, size_t errlen);

/* A header's answer to a name: the number (from 1) of its field so called, or 0
 * after writing the message that says so in err (header.c writes it, once for
 * the LIST and the predicates). */
typedef size_t name_lookup_fn(const char *name, void *ctx, char *err, size_t errlen);

/* Gives every name in l its field number from lookup.  Returns 0, or -1 with a
 * message in err (lookup's, or one naming a decreasing range). */
int list_resolve_names(struct list *l, name_lookup_fn *lookup, void *ctx, char *err,
                       size_t errlen);

/* The most ranges a plan of l can have (a complement has a gap more than items). */
static inline size_t list_max_ranges(const struct list *l)
{
	return l->count + 1;
}

/* l's plan for records of `units` units (UNIT_MAX when unknown) into plan[], which
 * has room for list_max_ranges(l), using work[] (l->count of them); returns the
 * number of ranges: the items clipped to 1..units, overlapping ones merged, in the
 * order first named (or, with complement, the gaps between them in ascending order). */
size_t list_plan(const struct list *l, size_t units, struct range *plan, struct group *work);

/* With --csv: l's items for a record of `units` fields into plan[] (l->count of
 * them), each in the LIST's order, neither merged nor sorted: a single item's
 * field, or {0, 0} when the record lacks it (an empty value); a range clipped to
 * 1..units, or lo > hi when nothing of it is there.  Returns l->count. */
size_t list_each(const struct list *l, size_t units, struct range *plan);

void list_free(struct list *l);

#endif
