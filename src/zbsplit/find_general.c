/*
 * find_general.c - the kernel for any plan, a record at a time: the predicates'
 * fields found in one walk over the record's fields, as far as the highest of
 * them; the ranges' first and last units answered in one scan (queries.h) that
 * stops once the last is answered, or, for a LIST of NF-k items, found from the
 * record's end; characters and bytes by find_units.c.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "fields.h"
#include "find_general.h"
#include "find_units.h"
#include "records.h"

/* The tail plan is made for a record of this many fields, so that NF-k is field
 * TAIL_UNITS - k; any number above every NF-k it allows would do. */
#define TAIL_UNITS ((size_t)1 << 20)

int tail_prepare(struct plan *p)
{
	const struct config *c = p->cfg;
	struct group *work;
	size_t i, depth = 0;

	p->tail.n = 0;
	if (c->mode != MODE_FIELDS || c->list.complement || c->split.kind != SPLIT_DELIM ||
	    c->split.delim_len != 1)
		return 0;
	for (i = 0; i < c->list.count; i++) {
		const struct item *it = &c->list.items[i];
		if (!it->lo.from_end || !it->hi.from_end || it->lo.n > TAIL_MAX)
			return 0;
		if (it->lo.n > depth)
			depth = it->lo.n;
	}
	p->tail.ranges = malloc(list_max_ranges(&c->list) * sizeof *p->tail.ranges);
	work = malloc((c->list.count + 1) * sizeof *work);
	if (p->tail.ranges && work)
		p->tail.n = list_plan(&c->list, TAIL_UNITS, p->tail.ranges, work);
	free(work);
	p->tail.depth = depth;
	return p->tail.ranges && work ? 0 : -1;
}

/* Sorts the predicate indexes by the field each wants (n is small: the predicates). */
static void sort_by_want(size_t *order, const size_t *want, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = 1; i < n; i++) {
		size_t x = order[i];
		for (j = i; j > 0 && want[order[j - 1]] > want[x]; j--)
			order[j] = order[j - 1];
		order[j] = x;
	}
}

/* Each predicate's field of rec into s->values, in one walk over rec's fields. */
static void find_values(const struct plan *p, struct scratch *s, zb_view rec)
{
	const struct config *c = p->cfg;
	const size_t *want = p->pred_want, *order = p->pred_order;
	size_t i = 0, k = 0, n = p->npreds;
	struct field_iter it;
	zb_view field;

	if (c->filter.relative) {
		size_t nf = fields_count(&s->split, rec), j;
		for (j = 0; j < n; j++) {
			const struct bound *b = &c->filter.preds[j].field;
			/* NF-k before the first field names nothing: an empty field */
			s->want[j] = !b->from_end ? b->n : b->n >= nf ? SIZE_MAX : nf - b->n;
		}
		sort_by_want(s->order, s->want, n);
		want = s->want;
		order = s->order;
	}
	for (; i < n && want[order[i]] == 0; i++) /* field 0: the record */
		scratch_value(s, order[i], rec, 0, rec.len, rec.len);
	fields_start(&s->split, rec, 0, rec.len, true, &it);
	while (i < n && fields_next(&it, &field))
		for (k++; i < n && want[order[i]] == k; i++)
			scratch_value(s, order[i], rec, (size_t)(field.data - rec.data),
			              (size_t)(field.data - rec.data) + field.len, rec.len);
	for (; i < n; i++)
		scratch_value(s, order[i], rec, SPAN_NONE, 0, 0);
}

/*
 * A LIST made only of NF-k items needs only the last few delimiters: they are
 * found backwards from the record's end, so the rest of a long record is never
 * scanned.  Returns the number of spans, or 0 when rec has fewer fields than the
 * deepest NF-k (the general way then).
 */
static size_t tail_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start)
{
	size_t pos[TAIL_MAX + 1], found = 0, i;
	ptrdiff_t stop = (ptrdiff_t)rec.len;

	while (found <= p->tail.depth) {
		ptrdiff_t d = zb_view_rfind(rec, p->cfg->split.delim, 1, 0, stop);
		if (d < 0)
			return 0;
		pos[found++] = (size_t)d;
		stop = d;
	}
	/* field TAIL_UNITS - j is the j-th from the end, between delimiters pos[j] and
	 * pos[j - 1] */
	for (i = 0; i < p->tail.n; i++) {
		size_t lo = TAIL_UNITS - p->tail.ranges[i].lo, hi = TAIL_UNITS - p->tail.ranges[i].hi;
		s->spans[i] = (struct span){rec_start + pos[lo] + 1,
		                            rec_start + (hi == 0 ? rec.len : pos[hi - 1]), lo != hi};
	}
	return p->tail.n;
}

/* The ranges of a delimited record of fields into s->spans; returns how many.  The
 * walk `it` has handed out the record's first field, f, when `more` (a record of
 * blanks alone, trimmed, has none), so a regex splits each record once; when the
 * plan counts from NF, the walk starts again. */
static size_t field_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start,
                          struct field_iter *it, zb_view f, bool more)
{
	const struct config *c = p->cfg;
	const struct range *ranges = p->ranges;
	const struct query *q = p->queries;
	size_t nranges = p->nranges, nq = p->nqueries, i = 0, k = 0;

	if (c->list.relative) { /* this record's plan */
		s->nranges = list_plan(&c->list, fields_count(&s->split, rec), s->ranges, s->groups);
		s->nqueries = queries_make(s->ranges, s->nranges, 0, s->queries);
		ranges = s->ranges, nranges = s->nranges, q = s->queries, nq = s->nqueries;
		fields_start(&s->split, rec, 0, rec.len, true, it);
		more = fields_next(it, &f);
	}
	answers_clear(s->answers, nranges);
	for (; i < nq && more; more = i < nq && fields_next(it, &f)) {
		size_t start = (size_t)(f.data - rec.data);
		for (k++; i < nq && q[i].key == k; i++) /* stops after the last wanted field */
			answer(s->answers, &q[i], start, start + f.len);
	}
	for (i = 0; i < nranges; i++) {
		const struct answer *a = &s->answers[i];
		size_t end = a->has_last ? a->last_end : fields_end(&s->split, rec);
		s->spans[i] = a->has_first ? (struct span){rec_start + a->first_start, rec_start + end,
		                                           ranges[i].lo != ranges[i].hi}
		                           : (struct span){SPAN_NONE, 0, false};
	}
	return nranges;
}

/* Whether any of the first n spans was found. */
static bool any_span(const struct scratch *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s->spans[i].start != SPAN_NONE)
			return true;
	return false;
}

/* A record of fields: whether it holds a delimiter (its first field is not all of
 * it), then its ranges. */
static void fields_record(const struct plan *p, struct scratch *s, zb_view block,
                          size_t rec_start, zb_view rec, struct output *out)
{
	struct field_iter it;
	zb_view f = zb_view_empty();
	size_t n = 0;
	bool more, delimited;

	fields_start(&s->split, rec, 0, rec.len, true, &it);
	more = fields_next(&it, &f);
	delimited = s->lone_line ||
	            (more && fields_delimited_after(&s->split, rec, (size_t)(f.data - rec.data) + f.len));
	if (delimited && p->tail.n > 0)
		n = tail_spans(p, s, rec, rec_start);
	if (delimited && n == 0)
		n = field_spans(p, s, rec, rec_start, &it, f, more);
	if (s->lone_line && p->cfg->only_delimited && !s->header && !any_span(s, n))
		return; /* GNU cut: -s writes a lone line only when its field is selected */
	emit_record(p, s, out, block, rec_start, rec_start + rec.len, delimited, n);
}

void general_record(const struct plan *p, struct scratch *s, zb_view block, size_t rec_start,
                    size_t rec_end, struct output *out)
{
	const struct config *c = p->cfg;
	zb_view rec = {block.data + rec_start, rec_end - rec_start, block.owner};
	bool delimited;

	if (p->npreds > 0 && !s->header) {
		find_values(p, s, rec);
		s->passed = scratch_passes(p, s);
		if (!s->passed && !p->label) /* (--label marks the record instead) */
			return;
	}
	switch (c->mode) {
	case MODE_NONE:
		delimited = !c->only_delimited || s->header || s->lone_line ||
		            fields_delimited(&s->split, rec);
		emit_record(p, s, out, block, rec_start, rec_end, delimited, 0);
		break;
	case MODE_FIELDS:
		fields_record(p, s, block, rec_start, rec, out);
		break;
	case MODE_CHARS:
		emit_record(p, s, out, block, rec_start, rec_end, true,
		            chars_spans(p, s, rec, rec_start));
		break;
	case MODE_BYTES:
		emit_record(p, s, out, block, rec_start, rec_end, true,
		            bytes_spans(p, s, rec, rec_start));
		break;
	}
}

void general_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	size_t rec_start = 0;

	emit_block_start(s);
	do { /* at least once: an empty block is one empty record */
		ptrdiff_t end = zb_view_find_byte(block, p->cfg->term, rec_start);
		size_t rec_end = end < 0 ? block.len : (size_t)end;
		general_record(p, s, block, rec_start, rec_end, out);
		rec_start = rec_end + 1;
	} while (rec_start < block.len);
	emit_block_end(s, out, block);
}

/*
 * -d '\n' (a delimiter that is the terminator, as GNU cut takes it): the records
 * layer hands out each input whole (records_whole), and it is one record whose
 * fields are its lines.  A terminator at its end ends the record and delimits
 * nothing, so "a\nb\n" has the fields a and b.  An input of one line and its
 * terminator counts as delimited, with that one field, as in GNU cut (coreutils'
 * newline tests): -f2 writes an empty line, and -s keeps it only when field 1 is
 * selected.  An input without a terminator and without a line end is undelimited.
 */
void whole_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	unsigned char term = p->cfg->term;
	bool ended = block.len > 0 && block.data[block.len - 1] == term;
	size_t len = block.len - ended;

	emit_block_start(s);
	s->lone_line = ended && memchr(block.data, term, len) == NULL;
	general_record(p, s, block, 0, len, out);
	s->lone_line = false;
	emit_block_end(s, out, block);
}
