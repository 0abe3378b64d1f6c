/* list.c - parsing a LIST and planning which ranges to write for a record. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"

/* Parses a decimal unit number at *s; false when it is out of range. */
static bool parse_number(const char **s, size_t *out)
{
	size_t n = 0;

	for (; **s >= '0' && **s <= '9'; (*s)++) {
		if (n > (UNIT_MAX - (size_t)(**s - '0')) / 10)
			return false;
		n = n * 10 + (size_t)(**s - '0');
	}
	*out = n;
	return true;
}

/* A bound at *s: N, NF or NF-k.  Returns 1 when one was read, 0 when there is none
 * at *s, -1 on a number out of range. */
static int parse_bound(const char **s, struct bound *b)
{
	if (**s >= '0' && **s <= '9') {
		b->from_end = false;
		return parse_number(s, &b->n) ? 1 : -1;
	}
	if ((*s)[0] == 'N' && (*s)[1] == 'F') {
		*s += 2;
		b->from_end = true;
		b->n = 0;
		if ((*s)[0] == '-' && (*s)[1] >= '0' && (*s)[1] <= '9') {
			(*s)++;
			return parse_number(s, &b->n) ? 1 : -1;
		}
		return 1;
	}
	return 0;
}

static int parse_item(const char *text, size_t len, struct item *it, char *err, size_t errlen)
{
	char buf[64];
	const char *s = text, *end = text + len;
	int got_lo, got_hi = 0;
	bool dash = false;

	snprintf(buf, sizeof buf, "%.*s%s", len > 40 ? 40 : (int)len, text, len > 40 ? "..." : "");
	if (len == 0) {
		snprintf(err, errlen, "invalid list: an item is empty");
		return -1;
	}
	got_lo = parse_bound(&s, &it->lo);
	if (got_lo >= 0 && s < end && *s == '-') {
		dash = true;
		s++;
		got_hi = s < end ? parse_bound(&s, &it->hi) : 0;
	}
	if (got_lo < 0 || got_hi < 0) {
		snprintf(err, errlen, "list item '%s' is too large (the limit is %zu)", buf,
		         (size_t)UNIT_MAX);
		return -1;
	}
	if (s != end || (!got_lo && !got_hi)) {
		snprintf(err, errlen, "invalid list item '%s'", buf);
		return -1;
	}
	if (!got_lo) { /* -M: from 1 */
		it->lo.n = 1;
		it->lo.from_end = false;
	}
	if (!dash) {
		it->hi = it->lo;
	} else if (!got_hi) { /* N-: to the end */
		it->hi.n = 0;
		it->hi.from_end = true;
	}
	if ((!it->lo.from_end && it->lo.n == 0) || (!it->hi.from_end && it->hi.n == 0)) {
		snprintf(err, errlen, "invalid list item '%s': numbering starts at 1", buf);
		return -1;
	}
	if ((!it->lo.from_end && !it->hi.from_end && it->lo.n > it->hi.n) ||
	    (it->lo.from_end && it->hi.from_end && it->lo.n < it->hi.n)) {
		snprintf(err, errlen, "invalid list item '%s': decreasing range", buf);
		return -1;
	}
	return 0;
}

int list_parse(const char *text, struct list *l, char *err, size_t errlen)
{
	size_t n = 1, i;
	const char *p;

	memset(l, 0, sizeof *l);
	for (p = text; *p; p++) /* items are separated by commas, or blanks as GNU cut allows */
		n += *p == ',' || *p == ' ' || *p == '\t';
	l->items = calloc(n, sizeof *l->items);
	l->plan = calloc(n + 1, sizeof *l->plan); /* a complement has at most n + 1 gaps */
	l->spans = calloc(n, sizeof *l->spans);
	if (!l->items || !l->plan || !l->spans) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (*text == '\0') {
		snprintf(err, errlen, "invalid list: it is empty");
		return -1;
	}
	for (i = 0, p = text; i < n; i++) {
		size_t len = strcspn(p, ", \t");
		if (parse_item(p, len, &l->items[i], err, errlen) != 0)
			return -1;
		l->relative |= l->items[i].lo.from_end || (l->items[i].hi.from_end && l->items[i].hi.n);
		p += len + 1;
	}
	l->count = n;
	return 0;
}

/*
 * Positions are compared with an offset of UNIT_MAX, so that NF-k before the first
 * unit stays a position of its own (below 1 + UNIT_MAX) instead of being clipped:
 * whether items overlap is decided by what they name, not by what the record has.
 */
#define ORIGIN UNIT_MAX

/* A bound's position (offset by ORIGIN) in a record of `units` units. */
static size_t resolve(struct bound b, size_t units)
{
	if (!b.from_end)
		return ORIGIN + b.n;
	if (units == UNIT_MAX) /* unknown length: only "to the end" (NF) reaches here */
		return ORIGIN + UNIT_MAX;
	return ORIGIN + units - b.n;
}

static int by_lo(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int by_pos(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

void list_plan(struct list *l, size_t units)
{
	struct span *s = l->spans;
	size_t i, n = 0, groups = 0, next;

	/* Every item resolved for this record, keeping its position in the list. */
	for (i = 0; i < l->count; i++) {
		size_t lo = resolve(l->items[i].lo, units), hi = resolve(l->items[i].hi, units);
		if (lo <= hi) /* NF-3-2 on a long record names nothing */
			s[n++] = (struct span){lo, hi, i};
	}
	if (n > 1)
		qsort(s, n, sizeof *s, by_lo);

	/* Merge overlapping items (touching ones stay apart), then clip the groups to
	 * 1..units; a group keeps the position of its first-named item. */
	for (i = 0; i < n; i++) {
		if (groups > 0 && s[i].lo <= s[groups - 1].hi) {
			struct span *g = &s[groups - 1];
			if (s[i].hi > g->hi)
				g->hi = s[i].hi;
			if (s[i].pos < g->pos)
				g->pos = s[i].pos;
		} else {
			s[groups++] = s[i];
		}
	}
	for (i = 0, n = 0; i < groups; i++) {
		size_t lo = s[i].lo < ORIGIN + 1 ? 1 : s[i].lo - ORIGIN;
		size_t hi = s[i].hi - ORIGIN > units ? units : s[i].hi - ORIGIN;
		if (s[i].hi >= ORIGIN + 1 && lo <= hi)
			s[n++] = (struct span){lo, hi, s[i].pos};
	}
	groups = n;

	if (l->complement) { /* the gaps between the groups, ascending */
		for (i = 0, next = 1, n = 0; i < groups; i++) {
			if (s[i].lo > next)
				l->plan[n++] = (struct range){next, s[i].lo - 1};
			next = s[i].hi + 1;
		}
		if (next <= units)
			l->plan[n++] = (struct range){next, units};
		l->nplan = n;
		return;
	}
	if (groups > 1)
		qsort(s, groups, sizeof *s, by_pos);
	for (i = 0; i < groups; i++)
		l->plan[i] = (struct range){s[i].lo, s[i].hi};
	l->nplan = groups;
}

size_t list_reach(const struct list *l)
{
	size_t i, reach = 0;

	for (i = 0; i < l->nplan; i++)
		if (l->plan[i].hi > reach)
			reach = l->plan[i].hi;
	return reach;
}

void list_free(struct list *l)
{
	free(l->items);
	free(l->plan);
	free(l->spans);
	memset(l, 0, sizeof *l);
}
