/*
 * select.c - writing the selected fields, bytes or characters of a record.
 *
 * The plan (list.c) says which ranges of units to write, in order.  Each range needs
 * the byte offsets of its first and last unit; these are asked as queries sorted by
 * unit and answered in one scan of the record that stops once the last is answered.
 * So nothing is stored per field or per character, and a record is scanned only as
 * far as the LIST reaches (twice when the LIST counts from NF).
 */
#include <stdlib.h>

#include "select_int.h"

static void make_queries(struct selector *s, size_t offset);
static int plan_tail(struct selector *s);

/* select_tail's plan is made for a record of this many fields, so that NF-k is
 * field TAIL_UNITS - k; any number above every NF-k it allows would do. */
#define TAIL_UNITS ((size_t)1 << 20)

int select_init(struct selector *s)
{
	size_t n = s->list.count + 1; /* no plan has more ranges than items + 1 */

	free(s->queries);
	free(s->answers);
	s->queries = calloc(2 * n, sizeof *s->queries);
	s->answers = calloc(n, sizeof *s->answers);
	if (!s->queries || !s->answers)
		return -1;
	if (s->mode != MODE_NONE)
		list_plan(&s->list, UNIT_MAX);
	s->fast = s->split.kind == SPLIT_DELIM && s->split.delim_len == 1 &&
	          (s->mode == MODE_FIELDS ? !s->list.relative : s->mode == MODE_NONE && npreds(s)) &&
	          !(npreds(s) && s->filter->relative);
	if ((s->fast_blanks = select_blanks_can(s)) && select_blanks_init(s) != 0)
		return -1;
	/* Fields can be copied as one span with the delimiters between them. */
	s->out_is_delim = s->split.kind == SPLIT_DELIM && !s->lstrip && !s->rstrip &&
	                  s->out_delim_len == s->split.delim_len &&
	                  memcmp(s->out_delim, s->split.delim, s->split.delim_len) == 0;
	if (!s->list.relative) /* the same queries for every record */
		make_queries(s, s->mode == MODE_BYTES ? 1 : 0);
	if (s->fast && select_pick_plan(s) != 0)
		return -1;
	return plan_tail(s);
}

/* Prepares select_tail when the LIST names only fields counted from NF, none deeper
 * than TAIL_MAX, and the delimiter is one byte.  -1 when out of memory. */
static int plan_tail(struct selector *s)
{
	size_t i, depth = 0;

	s->tail_nplan = 0;
	if (s->mode != MODE_FIELDS || s->list.complement || s->split.kind != SPLIT_DELIM ||
	    s->split.delim_len != 1)
		return 0;
	for (i = 0; i < s->list.count; i++) {
		const struct item *it = &s->list.items[i];
		if (!it->lo.from_end || !it->hi.from_end || it->lo.n > TAIL_MAX)
			return 0;
		if (it->lo.n > depth)
			depth = it->lo.n;
	}
	list_plan(&s->list, TAIL_UNITS);
	free(s->tail_plan);
	if ((s->tail_plan = malloc((s->list.nplan + 1) * sizeof *s->tail_plan)) == NULL)
		return -1;
	memcpy(s->tail_plan, s->list.plan, s->list.nplan * sizeof *s->tail_plan);
	s->tail_nplan = s->list.nplan;
	s->tail_depth = depth;
	return 0;
}

static int by_key(const void *a, const void *b)
{
	const struct query *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

/*
 * Queries for the plan's ranges: the first unit of each and, unless the range runs
 * to the end, the last.  `offset` turns unit numbers into keys (-1 for byte offsets).
 */
static void make_queries(struct selector *s, size_t offset)
{
	const struct list *l = &s->list;
	size_t i, n = 0;

	for (i = 0; i < l->nplan; i++) {
		s->queries[n++] = (struct query){l->plan[i].lo - offset, i, false};
		if (l->plan[i].hi != UNIT_MAX)
			s->queries[n++] = (struct query){l->plan[i].hi - offset, i, true};
	}
	s->nqueries = n;
	if (n > 1)
		qsort(s->queries, n, sizeof *s->queries, by_key);
}

void plan_record(struct selector *s, size_t units, size_t offset)
{
	if (s->list.relative) {
		list_plan(&s->list, units);
		make_queries(s, offset);
	}
	clear_answers(s);
}

/* ------------------------------------------------------------------ fields */

void put_fields(struct selector *s, zb_view rec, size_t start, size_t end, bool one_field,
                struct output *out, bool *first)
{
	struct field_iter it;
	zb_view f;
	bool more;

	put_delim(s, out, first);
	if (s->out_is_delim) { /* already joined by the output delimiter */
		output_put(out, rec.data + start, end - start);
		return;
	}
	if (one_field) { /* nothing to split again */
		output_view(out, select_strip(s, (zb_view){rec.data + start, end - start, rec.owner}));
		return;
	}
	fields_start(&s->split, rec, start, end, false, &it);
	for (more = fields_next(&it, &f); more;) {
		output_view(out, select_strip(s, f));
		if ((more = fields_next(&it, &f)))
			output_put(out, s->out_delim, s->out_delim_len);
	}
}

void put_whole(struct selector *s, zb_view rec, struct output *out)
{
	output_view(out, select_strip(s, rec));
	output_put(out, &s->term, 1);
}

void put_answers(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

	for (i = 0; i < s->list.nplan; i++) {
		const struct answer *a = &s->answers[i];
		if (a->has_first)
			put_fields(s, rec, a->first_start,
			           a->has_last ? a->last_end : fields_end(&s->split, rec),
			           s->list.plan[i].lo == s->list.plan[i].hi, out, &first);
	}
	output_put(out, &s->term, 1);
}

/*
 * A LIST made only of NF-k items, with a one-byte delimiter, needs only the last
 * few delimiters: they are found backwards from the record's end, so the rest of a
 * long record is never scanned.  Records with fewer fields than the deepest NF-k
 * take the general path.  Returns false when it did not handle rec.
 */
static bool select_tail(struct selector *s, zb_view rec, struct output *out)
{
	size_t pos[TAIL_MAX + 1], found = 0, i;
	ptrdiff_t stop = (ptrdiff_t)rec.len;
	bool first = true;

	while (found <= s->tail_depth) {
		ptrdiff_t d = zb_view_rfind(rec, s->split.delim, 1, 0, stop);
		if (d < 0)
			return false;
		pos[found++] = (size_t)d;
		stop = d;
	}
	/* the plan was made for TAIL_UNITS fields: field TAIL_UNITS - j is the j-th
	 * from the end, between delimiters pos[j] and pos[j - 1] */
	for (i = 0; i < s->tail_nplan; i++) {
		size_t lo = TAIL_UNITS - s->tail_plan[i].lo, hi = TAIL_UNITS - s->tail_plan[i].hi;
		put_fields(s, rec, pos[lo] + 1, hi == 0 ? rec.len : pos[hi - 1], lo == hi, out, &first);
	}
	output_put(out, &s->term, 1);
	return true;
}

static void select_fields(struct selector *s, zb_view rec, struct output *out)
{
	bool more;
	size_t k = 0, i = 0;
	struct field_iter it;
	zb_view f;

	fields_start(&s->split, rec, 0, rec.len, true, &it);
	more = fields_next(&it, &f);
	/* No delimiter at all: the record is written whole, or dropped with -s (cut's rule). */
	if (more ? f.len == rec.len : rec.len == 0) {
		if (!s->only_delimited)
			put_whole(s, rec, out);
		return;
	}
	if (s->tail_nplan > 0 && select_tail(s, rec, out))
		return;
	if (s->list.relative) {
		plan_record(s, fields_count(&s->split, rec), 0);
		fields_start(&s->split, rec, 0, rec.len, true, &it);
		more = fields_next(&it, &f);
	} else {
		clear_answers(s);
	}
	while (more) {
		size_t start = (size_t)(f.data - rec.data);
		for (k++; i < s->nqueries && s->queries[i].key == k; i++)
			answer(s, &s->queries[i], start, start + f.len);
		if (i == s->nqueries) /* the last wanted field: no need to look further */
			break;
		more = fields_next(&it, &f);
	}
	put_answers(s, rec, out);
}

void select_record(struct selector *s, zb_view rec, struct output *out)
{
	switch (s->mode) {
	case MODE_NONE:
		if (s->only_delimited && !fields_delimited(&s->split, rec))
			break;
		output_view(out, rec);
		output_put(out, &s->term, 1);
		break;
	case MODE_FIELDS: select_fields(s, rec, out); break;
	case MODE_CHARS: select_chars(s, rec, out); break;
	case MODE_BYTES: select_bytes(s, rec, out); break;
	}
}

void select_free(struct selector *s)
{
	free(s->queries);
	free(s->answers);
	free(s->tail_plan);
	free(s->pick_nth);
	free(s->pick_at);
	free(s->spans);
	s->pick_nth = s->pick_at = NULL;
	s->spans = NULL;
	s->tail_plan = NULL;
	free(s->blanks);
	s->blanks = NULL;
	list_free(&s->list);
	s->queries = NULL;
	s->answers = NULL;
}
