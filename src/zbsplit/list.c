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

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether c ends a bare name (or an item). */
static bool ends_name(char c)
{
	return c == '\0' || c == ',' || c == '-' || c == ':' || c == '"' || is_blank(c);
}

/* A field name at *s: "quoted" (\" and \\ inside) or bare.  Returns 1, or -2 for
 * an unterminated quote, -3 when out of memory. */
static int parse_name(const char **s, char **name)
{
	const char *p = *s;
	size_t n = 0;
	char *out;

	if (*p == '"') {
		for (p++; *p && *p != '"'; p++, n++)
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
		if (*p != '"')
			return -2;
		if ((out = malloc(n + 1)) == NULL)
			return -3;
		for (p = *s + 1, n = 0; *p != '"'; p++) {
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			out[n++] = *p;
		}
		*s = p + 1;
	} else {
		while (!ends_name(*p))
			p++;
		n = (size_t)(p - *s);
		if ((out = malloc(n + 1)) == NULL)
			return -3;
		memcpy(out, *s, n);
		*s = p;
	}
	out[n] = '\0';
	*name = out;
	return 1;
}

int bound_parse(const char **s, struct bound *b)
{
	const char *p = *s;

	b->name = NULL;
	b->from_end = false;
	b->n = 0;
	if (*p >= '0' && *p <= '9')
		return parse_number(s, &b->n) ? 1 : -1;
	if (p[0] == 'N' && p[1] == 'F' && (ends_name(p[2]) && p[2] != '"')) {
		*s += 2;
		b->from_end = true;
		if ((*s)[0] == '-' && (*s)[1] >= '0' && (*s)[1] <= '9') {
			(*s)++;
			return parse_number(s, &b->n) ? 1 : -1;
		}
		return 1;
	}
	if (ends_name(*p) && *p != '"')
		return 0;
	return parse_name(s, &b->name);
}

void bound_free(struct bound *b)
{
	free(b->name);
	b->name = NULL;
}

/* Reports the item at text (up to its separator) in err, with a reason. */
static int bad_item(const char *text, const char *why, char *err, size_t errlen)
{
	size_t len = strcspn(text, ", \t");

	if (len == 0)
		snprintf(err, errlen, "invalid list: an item is empty");
	else
		snprintf(err, errlen, "invalid list item '%.*s%s'%s", len > 40 ? 40 : (int)len, text,
		         len > 40 ? "..." : "", why);
	return -1;
}

/* Checks an item whose ends are known numbers (or NF forms). */
static int check_item(const struct item *it, const char *text, char *err, size_t errlen)
{
	if ((!it->lo.from_end && !it->lo.name && it->lo.n == 0) ||
	    (!it->hi.from_end && !it->hi.name && it->hi.n == 0))
		return bad_item(text, ": numbering starts at 1", err, errlen);
	if ((!it->lo.from_end && !it->hi.from_end && !it->lo.name && !it->hi.name &&
	     it->lo.n > it->hi.n) ||
	    (it->lo.from_end && it->hi.from_end && it->lo.n < it->hi.n))
		return bad_item(text, ": decreasing range", err, errlen);
	return 0;
}

/* Parses one item at *s, up to its separator (left at *s). */
static int parse_item(const char **s, struct item *it, char *err, size_t errlen)
{
	const char *text = *s;
	int got_lo, got_hi = 0;
	bool dash = false, bare_lo = *text != '"', bare_hi = false;

	memset(it, 0, sizeof *it);
	got_lo = bound_parse(s, &it->lo);
	if (got_lo >= 0 && **s == '-') {
		dash = true;
		(*s)++;
		bare_hi = **s != '"';
		got_hi = bound_parse(s, &it->hi);
	}
	it->dashed = dash && got_lo > 0 && ((it->lo.name && bare_lo) || (it->hi.name && bare_hi));
	if (got_lo == -3 || got_hi == -3) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (got_lo == -1 || got_hi == -1) {
		char why[64];
		snprintf(why, sizeof why, " is too large (the limit is %zu)", (size_t)UNIT_MAX);
		return bad_item(text, why, err, errlen);
	}
	if (got_lo == -2 || got_hi == -2)
		return bad_item(text, ": a quote is not closed", err, errlen);
	if ((**s != '\0' && **s != ',' && !is_blank(**s)) || (!got_lo && !got_hi))
		return bad_item(text, "", err, errlen);
	if (!got_lo) /* -M: from 1 */
		it->lo.n = 1;
	if (!dash) {
		it->single = true;
		it->hi = it->lo;
		if (it->lo.name && (it->hi.name = strdup(it->lo.name)) == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	} else if (!got_hi) { /* N-: to the end */
		it->hi.from_end = true;
		it->hi.n = 0;
	}
	return check_item(it, text, err, errlen);
}

int list_parse(const char *text, struct list *l, char *err, size_t errlen)
{
	size_t n = 1;
	const char *p;

	memset(l, 0, sizeof *l);
	for (p = text; *p; p++) /* items are separated by commas, or blanks as GNU cut allows */
		n += *p == ',' || is_blank(*p);
	l->items = calloc(n, sizeof *l->items);
	if (!l->items) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (*text == '\0') {
		snprintf(err, errlen, "invalid list: it is empty");
		return -1;
	}
	for (p = text;; p++) {
		struct item *it = &l->items[l->count++];
		if (parse_item(&p, it, err, errlen) != 0)
			return -1;
		l->relative |= it->lo.from_end || (it->hi.from_end && it->hi.n);
		l->names |= it->lo.name || it->hi.name;
		if (*p == '\0')
			break;
	}
	return 0;
}

/* An end of an item as it was written (a name, N, NF or NF-k; "" for none). */
static void bound_text(const struct bound *b, char *buf, size_t len)
{
	if (b->name)
		snprintf(buf, len, "%s", b->name);
	else if (b->from_end && b->n > 0)
		snprintf(buf, len, "NF-%zu", b->n);
	else if (b->from_end)
		snprintf(buf, len, "NF");
	else
		snprintf(buf, len, "%zu", b->n);
}

/* After a message about a dashed item (see struct item): how to quote a name that
 * holds '-', appended to err. */
static void dash_hint(const struct item *it, char *err, size_t errlen)
{
	char lo[128], hi[128];
	size_t used = strlen(err);

	if (!it->dashed || used >= errlen)
		return;
	bound_text(&it->lo, lo, sizeof lo);
	bound_text(&it->hi, hi, sizeof hi);
	snprintf(err + used, errlen - used,
	         "; '%s-%s' is read as a range: quote a name that holds '-', as -f '\"%s-%s\"'",
	         lo, hi, lo, hi);
}

int list_resolve_names(struct list *l, name_lookup_fn *lookup, void *ctx, char *err,
                       size_t errlen)
{
	size_t i, k;

	for (i = 0; i < l->count; i++) {
		struct bound *ends[2] = {&l->items[i].lo, &l->items[i].hi};
		for (k = 0; k < 2; k++) {
			if (!ends[k]->name)
				continue;
			if ((ends[k]->n = lookup(ends[k]->name, ctx, err, errlen)) == 0) {
				dash_hint(&l->items[i], err, errlen);
				return -1;
			}
		}
		if (!l->items[i].lo.from_end && !l->items[i].hi.from_end &&
		    l->items[i].lo.n > l->items[i].hi.n) {
			char lo[32], hi[32];
			snprintf(lo, sizeof lo, "%zu", l->items[i].lo.n);
			snprintf(hi, sizeof hi, "%zu", l->items[i].hi.n);
			snprintf(err, errlen, "invalid list: the range from '%s' to '%s' decreases",
			         l->items[i].lo.name ? l->items[i].lo.name : lo,
			         l->items[i].hi.name ? l->items[i].hi.name : hi);
			return -1;
		}
	}
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
	const struct group *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int by_pos(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

size_t list_plan(const struct list *l, size_t units, struct range *plan, struct group *work)
{
	struct group *s = work;
	size_t i, n = 0, groups = 0, next;

	/* Every item resolved for this record, keeping its position in the list.  A
	 * range from a number to the end (N-, N-NF) runs on without bound, as in a plan
	 * made once for every record, so what it overlaps never depends on the record. */
	for (i = 0; i < l->count; i++) {
		const struct item *it = &l->items[i];
		size_t lo = resolve(it->lo, units), hi = resolve(it->hi, units);
		if (!it->lo.from_end && it->hi.from_end && it->hi.n == 0)
			hi = ORIGIN + UNIT_MAX;
		if (lo <= hi) /* NF-3-2 on a long record names nothing */
			s[n++] = (struct group){lo, hi, i};
	}
	if (n > 1)
		qsort(s, n, sizeof *s, by_lo);

	/* Merge overlapping items (touching ones stay apart), then clip the groups to
	 * 1..units; a group keeps the position of its first-named item. */
	for (i = 0; i < n; i++) {
		if (groups > 0 && s[i].lo <= s[groups - 1].hi) {
			struct group *g = &s[groups - 1];
			if (s[i].hi > g->hi)
				g->hi = s[i].hi;
			if (s[i].pos < g->pos)
				g->pos = s[i].pos;
		} else {
			s[groups++] = s[i];
		}
	}
	for (i = 0, n = 0; i < groups; i++) {
		size_t lo, hi;
		if (s[i].hi < ORIGIN + 1) /* wholly before the first unit */
			continue;
		lo = s[i].lo < ORIGIN + 1 ? 1 : s[i].lo - ORIGIN;
		hi = s[i].hi - ORIGIN > units ? units : s[i].hi - ORIGIN;
		if (lo <= hi)
			s[n++] = (struct group){lo, hi, s[i].pos};
	}
	groups = n;

	if (l->complement) { /* the gaps between the groups, ascending */
		for (i = 0, next = 1, n = 0; i < groups; i++) {
			if (s[i].lo > next)
				plan[n++] = (struct range){next, s[i].lo - 1};
			next = s[i].hi + 1;
		}
		if (next <= units)
			plan[n++] = (struct range){next, units};
		return n;
	}
	if (groups > 1)
		qsort(s, groups, sizeof *s, by_pos);
	for (i = 0; i < groups; i++)
		plan[i] = (struct range){s[i].lo, s[i].hi};
	return groups;
}

size_t list_each(const struct list *l, size_t units, struct range *plan)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		const struct item *it = &l->items[i];
		size_t lo = resolve(it->lo, units), hi = resolve(it->hi, units);
		if (!it->lo.from_end && it->hi.from_end && it->hi.n == 0)
			hi = ORIGIN + UNIT_MAX; /* N-: to the end */
		if (it->single)
			plan[i] = lo > ORIGIN && lo - ORIGIN <= units ? (struct range){lo - ORIGIN, lo - ORIGIN}
			                                                : (struct range){0, 0};
		else if (hi <= ORIGIN || lo > hi)
			plan[i] = (struct range){1, 0};
		else
			plan[i] = (struct range){lo <= ORIGIN ? 1 : lo - ORIGIN,
			                         hi - ORIGIN > units ? units : hi - ORIGIN};
	}
	return l->count;
}

void list_free(struct list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++) {
		bound_free(&l->items[i].lo);
		bound_free(&l->items[i].hi);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
