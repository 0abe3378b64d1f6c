/*
 * select.c - writing the selected fields, bytes or characters of a record.
 *
 * The plan (list.c) says which ranges of units to write, in order.  Each range needs
 * the byte offsets of its first and last unit; these are asked as queries sorted by
 * unit and answered in one scan of the record that stops once the last is answered.
 * So nothing is stored per field or per character, and a record is scanned only as
 * far as the LIST reaches (twice when the LIST counts from NF).
 */
#include <stdint.h>
#include <stdlib.h>

#include "select.h"
#include "utf8.h"

static void make_queries(struct selector *s, size_t offset);
static int plan_tail(struct selector *s);

/* select_tail's plan is made for a record of this many fields, so that NF-k is
 * field TAIL_UNITS - k; any number above every NF-k it allows would do. */
#define TAIL_UNITS ((size_t)1 << 20)

/* The number of predicates (answered after the plan's ranges). */
static size_t npreds(const struct selector *s)
{
	return s->filter ? s->filter->count : 0;
}

int select_init(struct selector *s)
{
	size_t n = s->list.count + 1; /* no plan has more ranges than items + 1 */

	free(s->queries);
	free(s->answers);
	s->queries = calloc(2 * n + npreds(s), sizeof *s->queries);
	s->answers = calloc(n + npreds(s), sizeof *s->answers);
	if (!s->queries || !s->answers)
		return -1;
	if (s->mode != MODE_NONE)
		list_plan(&s->list, UNIT_MAX);
	s->fast = s->split.kind == SPLIT_DELIM && s->split.delim_len == 1 &&
	          (s->mode == MODE_FIELDS ? !s->list.relative : s->mode == MODE_NONE && npreds(s)) &&
	          !(npreds(s) && s->filter->relative);
	/* Fields can be copied as one span with the delimiters between them. */
	s->out_is_delim = s->split.kind == SPLIT_DELIM && !s->lstrip && !s->rstrip &&
	                  s->out_delim_len == s->split.delim_len &&
	                  memcmp(s->out_delim, s->split.delim, s->split.delim_len) == 0;
	if (!s->list.relative) /* the same queries for every record */
		make_queries(s, s->mode == MODE_BYTES ? 1 : 0);
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
	/* the fast path answers the predicates' fields in the same scan */
	for (i = 0; s->fast && i < npreds(s); i++)
		if (s->filter->preds[i].field.n > 0)
			s->queries[n++] = (struct query){s->filter->preds[i].field.n, l->nplan + i, false};
	s->nqueries = n;
	if (n > 1)
		qsort(s->queries, n, sizeof *s->queries, by_key);
}

static void clear_answers(struct selector *s)
{
	size_t i;

	for (i = 0; i < s->list.nplan + npreds(s); i++)
		s->answers[i].has_first = s->answers[i].has_last = false;
}

/* Answers query q with the unit at bytes [start, end). */
static void answer(struct selector *s, const struct query *q, size_t start, size_t end)
{
	struct answer *a = &s->answers[q->range];

	if (q->last) {
		a->last_start = start;
		a->last_end = end;
		a->has_last = true;
	} else {
		a->first_start = start;
		a->first_end = end;
		a->has_first = true;
	}
}

/* The plan for this record: made once for a fixed LIST; per record, with the number
 * of units counted first, when the LIST counts from NF. */
static void plan_record(struct selector *s, size_t units, size_t offset)
{
	if (s->list.relative) {
		list_plan(&s->list, units);
		make_queries(s, offset);
	}
	clear_answers(s);
}

static void put_delim(struct selector *s, struct output *out, bool *first)
{
	if (!*first)
		output_put(out, s->out_delim, s->out_delim_len);
	*first = false;
}

/* ------------------------------------------------------------------ fields */

/* Writes the fields in bytes [start, end) of rec, which begin and end at field
 * boundaries, with the output delimiter between them (one_field: it is one). */
static void put_fields(struct selector *s, zb_view rec, size_t start, size_t end,
                       bool one_field, struct output *out, bool *first)
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

/* A record without a delimiter: written whole (stripped), as cut does. */
static void put_whole(struct selector *s, zb_view rec, struct output *out)
{
	output_view(out, select_strip(s, rec));
	output_put(out, &s->term, 1);
}

/* Writes the ranges the scan found in rec, then the terminator. */
static void put_answers(struct selector *s, zb_view rec, struct output *out)
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

/*
 * The fast path for a block of records with a one-byte delimiter and a fixed plan:
 * one scan finds delimiters and record ends together.  It goes from one wanted
 * field to the next counting the delimiters between in whole 64-byte blocks, and
 * skips to the record's end once the last wanted field is found.
 */
/* The end of the fast path for one record: -s, the predicates, then the output.
 * Returns true for a record kept whole, which the caller writes (in runs). */
static bool finish_record(struct selector *s, zb_view rec, bool delimited, struct output *out)
{
	size_t i;

	if (!delimited && s->only_delimited)
		return false;
	for (i = 0; i < npreds(s); i++) { /* each predicate's field, as filter_keep finds it */
		const struct answer *a = &s->answers[s->list.nplan + i];
		zb_view *v = &s->filter->values[i];
		if (s->filter->preds[i].field.n == 0)
			*v = rec;
		else if (a->has_first)
			*v = (zb_view){rec.data + a->first_start, a->first_end - a->first_start, rec.owner};
		else
			*v = zb_view_empty();
	}
	if (npreds(s) && !filter_decide(s->filter, s->lstrip, s->rstrip))
		return false;
	if (s->mode == MODE_NONE)
		return true;
	if (!delimited) {
		put_whole(s, rec, out);
	} else {
		put_answers(s, rec, out);
	}
	return false;
}

void select_block(struct selector *s, zb_view block, struct output *out)
{
	const struct query *q = s->queries;
	size_t nq = s->nqueries, rec_start = 0, run = 0; /* kept whole records from `run` */
	zb_scan2 scan;

	zb_scan2_start(&scan, block, s->split.delim[0], s->term);
	do { /* at least once: an empty block is one empty record */
		size_t k = 1, i = 0, field_start = rec_start;
		bool is_term;
		ptrdiff_t at = zb_scan2_next_nth(&scan, 1, &is_term); /* the end of field 1 */
		size_t end = at < 0 ? block.len : (size_t)at;
		bool delimited = at >= 0 && !is_term;

		clear_answers(s);
		for (;;) {
			for (; i < nq && q[i].key == k; i++)
				answer(s, &q[i], field_start - rec_start, end - rec_start);
			if (i == nq || at < 0 || is_term)
				break;
			field_start = end + 1;
			if (q[i].key > k + 1) { /* pass over the fields in between */
				at = zb_scan2_next_nth(&scan, q[i].key - k - 1, &is_term);
				if (at < 0 || is_term)
					break;
				field_start = (size_t)at + 1;
				k = q[i].key - 1;
			}
			at = zb_scan2_next_nth(&scan, 1, &is_term); /* the end of field k + 1 */
			end = at < 0 ? block.len : (size_t)at;
			k++;
		}
		if (at >= 0 && !is_term) /* the last wanted field is found: on to the end */
			at = zb_scan2_next_b(&scan);
		end = at < 0 ? block.len : (size_t)at;
		if (!finish_record(s, (zb_view){block.data + rec_start, end - rec_start, block.owner},
		                   delimited, out)) {
			/* dropped or written: the run of whole records before it goes out (a
			 * run exists only without a LIST, where finish_record writes nothing) */
			output_put(out, block.data + run, rec_start - run);
			run = end + 1;
		} else if (at < 0) { /* kept, but its terminator is not in the block */
			output_put(out, block.data + run, end - run);
			output_put(out, &s->term, 1);
			run = end + 1;
		}
		rec_start = end + 1;
	} while (rec_start < block.len);
	if (run < block.len) /* adjacent kept records are written as one span */
		output_put(out, block.data + run, block.len - run);
}

/* -------------------------------------------------------------- characters */

static size_t count_chars(zb_view rec)
{
	size_t at = 0, n = 0;

	for (; at < rec.len; n++)
		at += utf8_len(rec.data + at, rec.len - at);
	return n;
}

/* Answers the queries about characters: by number, or (bytes) holding byte `key`. */
static void scan_chars(struct selector *s, zb_view rec, bool by_byte)
{
	size_t at = 0, k = 0, i = 0;

	while (i < s->nqueries && at < rec.len) {
		size_t end;
		uint64_t word;
		/* Eight ASCII bytes are eight characters: pass over them at once when no
		 * query falls among them. */
		if (rec.len - at >= 8 && (by_byte ? s->queries[i].key >= at + 8
		                                  : s->queries[i].key > k + 8)) {
			memcpy(&word, rec.data + at, 8);
			if ((word & 0x8080808080808080u) == 0) {
				at += 8;
				k += 8;
				continue;
			}
		}
		end = at + utf8_len(rec.data + at, rec.len - at);
		k++;
		while (i < s->nqueries && (by_byte ? s->queries[i].key < end : s->queries[i].key == k))
			answer(s, &s->queries[i++], at, end);
		at = end;
	}
}

static void select_chars(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

	plan_record(s, s->list.relative ? count_chars(rec) : 0, 0);
	scan_chars(s, rec, false);
	for (i = 0; i < s->list.nplan; i++) {
		const struct answer *a = &s->answers[i];
		size_t end = a->has_last ? a->last_end : rec.len;
		if (!a->has_first)
			continue;
		put_delim(s, out, &first);
		output_view(out, select_strip(s, (zb_view){rec.data + a->first_start,
		                                           end - a->first_start, rec.owner}));
	}
	output_put(out, &s->term, 1);
}

/* ------------------------------------------------------------------- bytes */

static void select_bytes(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

	plan_record(s, rec.len, 1);
	if (s->whole_chars)
		scan_chars(s, rec, true);
	for (i = 0; i < s->list.nplan; i++) {
		const struct range *r = &s->list.plan[i];
		const struct answer *a = &s->answers[i];
		size_t lo = r->lo - 1, hi = (r->hi < rec.len ? r->hi : rec.len) - 1;
		if (r->lo > rec.len)
			continue;
		if (s->whole_chars) {
			/* -n: the whole characters whose last byte is in [lo, hi] */
			size_t last_start = a->has_last ? a->last_start : rec.len;
			size_t last_end = a->has_last ? a->last_end : rec.len;
			if (a->first_end - 1 > hi)
				continue;
			lo = a->first_start;
			if (last_end - 1 != hi) {
				if (last_start == 0 || last_start - 1 < lo)
					continue;
				hi = last_start - 1;
			}
		}
		put_delim(s, out, &first);
		output_view(out, select_strip(s, (zb_view){rec.data + lo, hi - lo + 1, rec.owner}));
	}
	output_put(out, &s->term, 1);
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
	s->tail_plan = NULL;
	list_free(&s->list);
	s->queries = NULL;
	s->answers = NULL;
}
