/* select.c - writing the selected fields, bytes or characters of a record. */
#include <stdint.h>
#include <stdlib.h>

#include "select.h"
#include "utf8.h"

static const unsigned char blanks[] = " \t";

/* Makes room for n + 1 entries in the scratch arrays. */
static int reserve(struct selector *s, size_t n)
{
	size_t cap = s->cap ? s->cap : 64;
	zb_view *f;
	size_t *c;

	if (n < s->cap)
		return 0;
	while (cap <= n) {
		if (cap > SIZE_MAX / 2 / sizeof *f)
			return -1;
		cap *= 2;
	}
	if ((f = realloc(s->fields, cap * sizeof *f)) == NULL)
		return -1;
	s->fields = f;
	if ((c = realloc(s->starts, cap * sizeof *c)) == NULL)
		return -1;
	s->starts = c;
	s->cap = cap;
	return 0;
}

/* The plan for a record of `units` units: made once for a fixed LIST, else per record. */
static const struct list *plan_for(struct selector *s, size_t units)
{
	if (s->list.relative)
		list_plan(&s->list, units);
	return &s->list;
}

/* How many units to look at: all when the plan depends on the count, else as far
 * as the fixed plan reaches. */
static size_t reach(const struct selector *s)
{
	return s->list.relative ? UNIT_MAX : list_reach(&s->list);
}

static void put_delim(struct selector *s, struct output *out, bool *first)
{
	if (!*first)
		output_put(out, s->out_delim, s->out_delim_len);
	*first = false;
}

static void start_split(const struct selector *s, zb_view rec, zb_split *it)
{
	if (s->splitter == SPLIT_DELIM)
		(void)zb_view_split(rec, s->delim, s->delim_len, -1, it);
	else
		zb_view_split_runs(rec, blanks, sizeof blanks - 1,
		                   s->splitter == SPLIT_BLANKS_TRIMMED, -1, it);
}

static int select_fields(struct selector *s, zb_view rec, struct output *out)
{
	const struct list *plan;
	size_t limit = reach(s), count = 0, i, f;
	bool first = true, has_piece, same_delim;
	zb_split it;
	zb_view piece;

	start_split(s, rec, &it);
	has_piece = zb_split_next(&it, &piece);
	/* No delimiter at all: the record is written whole, or dropped with -s (cut's rule). */
	if (has_piece ? piece.len == rec.len : rec.len == 0) {
		if (!s->only_delimited) {
			output_view(out, rec);
			output_put(out, &s->term, 1);
		}
		return 0;
	}
	while (has_piece && count < limit) {
		if (count == s->cap && reserve(s, count) != 0)
			return -1;
		s->fields[count++] = piece;
		has_piece = zb_split_next(&it, &piece);
	}
	plan = plan_for(s, count);
	/* Adjacent fields separated by the output delimiter are one span of the record. */
	same_delim = s->splitter == SPLIT_DELIM && s->out_delim_len == s->delim_len &&
	             memcmp(s->out_delim, s->delim, s->delim_len) == 0;
	for (i = 0; i < plan->nplan; i++) {
		size_t lo = plan->plan[i].lo, hi = plan->plan[i].hi < count ? plan->plan[i].hi : count;
		if (lo > hi)
			continue;
		if (same_delim) {
			zb_view a = s->fields[lo - 1], b = s->fields[hi - 1];
			put_delim(s, out, &first);
			output_put(out, a.data, (size_t)(b.data - a.data) + b.len);
			continue;
		}
		for (f = lo; f <= hi; f++) {
			put_delim(s, out, &first);
			output_view(out, s->fields[f - 1]);
		}
	}
	output_put(out, &s->term, 1);
	return 0;
}

/* Byte offsets of the first characters of rec, up to `limit`, in s->starts, with the
 * end of the last one after them; returns how many characters were found. */
static ptrdiff_t find_chars(struct selector *s, zb_view rec, size_t limit)
{
	size_t at = 0, count = 0;

	while (at < rec.len && count < limit) {
		if (count + 1 >= s->cap && reserve(s, count + 1) != 0)
			return -1;
		s->starts[count++] = at;
		at += utf8_len(rec.data + at, rec.len - at);
	}
	if (reserve(s, count) != 0)
		return -1;
	s->starts[count] = at;
	return (ptrdiff_t)count;
}

static int select_chars(struct selector *s, zb_view rec, struct output *out)
{
	ptrdiff_t found = find_chars(s, rec, reach(s));
	const struct list *plan;
	size_t i, count;
	bool first = true;

	if (found < 0)
		return -1;
	count = (size_t)found;
	plan = plan_for(s, count);
	for (i = 0; i < plan->nplan; i++) {
		size_t lo = plan->plan[i].lo, hi = plan->plan[i].hi < count ? plan->plan[i].hi : count;
		if (lo > hi)
			continue;
		put_delim(s, out, &first);
		output_put(out, rec.data + s->starts[lo - 1], s->starts[hi] - s->starts[lo - 1]);
	}
	output_put(out, &s->term, 1);
	return 0;
}

/* -n: the bytes of the whole characters whose last byte is in [lo, hi] (0-based,
 * inclusive); returns false when there are none. */
static bool whole_chars(const struct selector *s, size_t nchars, size_t *lo, size_t *hi)
{
	size_t a = 0, b = nchars, k;

	/* first character whose last byte (starts[k+1] - 1) is >= lo */
	while (a < b) {
		k = a + (b - a) / 2;
		if (s->starts[k + 1] - 1 < *lo)
			a = k + 1;
		else
			b = k;
	}
	k = a;
	if (k == nchars || s->starts[k + 1] - 1 > *hi)
		return false;
	*lo = s->starts[k];
	/* last character whose last byte is <= hi */
	a = k;
	b = nchars;
	while (a + 1 < b) {
		size_t m = a + (b - a) / 2;
		if (s->starts[m + 1] - 1 <= *hi)
			a = m;
		else
			b = m;
	}
	*hi = s->starts[a + 1] - 1;
	return true;
}

static int select_bytes(struct selector *s, zb_view rec, struct output *out)
{
	const struct list *plan = plan_for(s, rec.len);
	size_t i, nchars = 0;
	bool first = true;

	if (s->whole_chars) {
		ptrdiff_t found = find_chars(s, rec, UNIT_MAX);
		if (found < 0)
			return -1;
		nchars = (size_t)found;
	}
	for (i = 0; i < plan->nplan; i++) {
		size_t lo = plan->plan[i].lo - 1;
		size_t hi = (plan->plan[i].hi < rec.len ? plan->plan[i].hi : rec.len) - 1;
		if (plan->plan[i].lo > rec.len)
			continue;
		if (s->whole_chars && !whole_chars(s, nchars, &lo, &hi))
			continue;
		put_delim(s, out, &first);
		output_put(out, rec.data + lo, hi - lo + 1);
	}
	output_put(out, &s->term, 1);
	return 0;
}

int select_record(struct selector *s, zb_view rec, struct output *out)
{
	switch (s->mode) {
	case MODE_FIELDS: return select_fields(s, rec, out);
	case MODE_CHARS: return select_chars(s, rec, out);
	case MODE_BYTES: return select_bytes(s, rec, out);
	}
	return 0;
}

void select_free(struct selector *s)
{
	free(s->fields);
	free(s->starts);
	list_free(&s->list);
	s->fields = NULL;
	s->starts = NULL;
	s->cap = 0;
}
