/*
 * select_block.c - the fast path for a block of records with a one-byte delimiter
 * and a fixed plan.  Before the loop, the plan's ranges and the predicates' fields
 * are turned into the delimiters they start after and end at (select_pick_plan);
 * then one scan2_pick per record finds those delimiters and the record's end
 * in one pass, counting the delimiters in between rather than visiting them, and
 * the fields are copied straight into the output buffer.  The two commonest cases,
 * -f1 and --str-eq alone, are a block each for the library's one-pass functions
 * (first_fields, keep_field_eq).
 */
#include <stdlib.h>

#include "kernels/one_pass.h"
#include "kernels/scan2.h"
#include "select_int.h"

static int by_value(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The index of delimiter number n among the sorted pick_nth. */
static size_t pick_index(const struct selector *s, size_t n)
{
	const size_t *p = bsearch(&n, s->pick_nth, s->npick, sizeof n, by_value);
	return (size_t)(p - s->pick_nth);
}

/* Fields lo..hi start after delimiter lo - 1 and end at delimiter hi. */
static struct pick_span span_for(const struct selector *s, size_t lo, size_t hi)
{
	struct pick_span sp = {NO_PICK, NO_PICK};

	if (lo > 1)
		sp.after = pick_index(s, lo - 1);
	if (hi != UNIT_MAX)
		sp.upto = pick_index(s, hi);
	return sp;
}

int select_pick_plan(struct selector *s)
{
	const struct list *l = &s->list;
	size_t n = 0, i, nspans = l->nplan + npreds(s);

	free(s->pick_nth);
	free(s->pick_at);
	free(s->spans);
	s->pick_nth = malloc((1 + 2 * nspans) * sizeof *s->pick_nth);
	s->pick_at = malloc((1 + 2 * nspans) * sizeof *s->pick_at);
	s->spans = malloc((nspans + 1) * sizeof *s->spans);
	if (!s->pick_nth || !s->pick_at || !s->spans)
		return -1;
	/* the first delimiter always: whether it is there says if a record is delimited */
	s->pick_nth[n++] = 1;
	for (i = 0; i < l->nplan; i++) {
		if (l->plan[i].lo > 1)
			s->pick_nth[n++] = l->plan[i].lo - 1;
		if (l->plan[i].hi != UNIT_MAX)
			s->pick_nth[n++] = l->plan[i].hi;
	}
	for (i = 0; i < npreds(s); i++) {
		size_t f = s->filter->preds[i].field.n;
		if (f > 1)
			s->pick_nth[n++] = f - 1;
		if (f > 0)
			s->pick_nth[n++] = f;
	}
	qsort(s->pick_nth, n, sizeof *s->pick_nth, by_value);
	for (s->npick = 0, i = 0; i < n; i++) /* without repeats: pick wants them ascending */
		if (s->npick == 0 || s->pick_nth[i] != s->pick_nth[s->npick - 1])
			s->pick_nth[s->npick++] = s->pick_nth[i];
	for (i = 0; i < l->nplan; i++)
		s->spans[i] = span_for(s, l->plan[i].lo, l->plan[i].hi);
	s->one_str_eq = npreds(s) == 1 && s->filter->preds[0].kind == P_STR_EQ && !s->lstrip &&
	                !s->rstrip;
	for (i = 0; i < npreds(s); i++) {
		size_t f = s->filter->preds[i].field.n;
		s->spans[l->nplan + i] = span_for(s, f > 0 ? f : 1, f > 0 ? f : UNIT_MAX);
	}
	return 0;
}

/* The bytes [*start, *end) of span sp in the record [rec_start, rec_end) of the
 * block, given that `found` delimiters were picked; false when its first field is
 * not in the record. */
static inline bool span_bytes(const struct selector *s, struct pick_span sp, size_t found,
                              size_t rec_start, size_t rec_end, size_t *start, size_t *end)
{
	if (sp.after == NO_PICK)
		*start = rec_start;
	else if (sp.after < found)
		*start = s->pick_at[sp.after] + 1;
	else
		return false;
	*end = sp.upto < found ? s->pick_at[sp.upto] : rec_end; /* NO_PICK is above found */
	return true;
}

/*
 * Writes the planned ranges of a delimited record, then the terminator, at p, when
 * they are copied as they are (output delimiter = input delimiter, no strip): they
 * take at most the record's length and its terminator, plus COPY_SLACK of room.
 * Each range is followed by the delimiter; the last one's becomes the terminator.
 * Returns the end of what it wrote.
 */
static inline unsigned char *write_ranges(const struct selector *s, zb_view block, size_t found,
                                          size_t rec_start, size_t rec_end, unsigned char *p)
{
	const unsigned char *rec_out = p;
	size_t i, start, end;

	for (i = 0; i < s->list.nplan; i++) {
		if (!span_bytes(s, s->spans[i], found, rec_start, rec_end, &start, &end))
			continue;
		copy_field(p, block.data + start, end - start, block.data + block.len);
		p += end - start;
		*p++ = s->split.delim[0];
	}
	if (p == rec_out)
		*p++ = s->term;
	else
		p[-1] = s->term;
	return p;
}

/* write_ranges for one record, straight into the output buffer; false when the
 * buffer cannot hold the record even empty. */
static bool put_direct(struct selector *s, zb_view block, size_t found, size_t rec_start,
                       size_t rec_end, struct output *out)
{
	unsigned char *dst;

	if (!output_room(out, rec_end - rec_start + 1 + COPY_SLACK))
		return false;
	dst = zb_buffer_space(out->buf);
	zb_buffer_commit(out->buf,
	                 (size_t)(write_ranges(s, block, found, rec_start, rec_end, dst) - dst));
	return true;
}

/* The general writer: the spans as answers for put_answers (strip, -O). */
static void put_spans(struct selector *s, zb_view block, size_t found, size_t rec_start,
                      size_t rec_end, struct output *out)
{
	size_t i, start = rec_start, end = rec_start;

	for (i = 0; i < s->list.nplan; i++) {
		struct answer *a = &s->answers[i];
		a->has_first = a->has_last =
		        span_bytes(s, s->spans[i], found, rec_start, rec_end, &start, &end);
		a->first_start = start - rec_start;
		a->last_end = end - rec_start;
	}
	put_answers(s, (zb_view){block.data + rec_start, rec_end - rec_start, block.owner}, out);
}

/* Whether the predicates hold for the record, each asking about its field's bytes. */
static bool record_passes(struct selector *s, zb_view block, size_t found, size_t rec_start,
                          size_t rec_end)
{
	size_t i, start, end;

	if (s->one_str_eq) { /* "field N is STR", the commonest filter: no call */
		const struct predicate *p = &s->filter->preds[0];
		zb_view v = zb_view_empty(); /* a field the record does not have is empty */
		if (span_bytes(s, s->spans[s->list.nplan], found, rec_start, rec_end, &start, &end))
			v = zb_view_of(block.data + start, end - start);
		return zb_view_eq_bytes(v, p->str, p->len) != s->filter->invert;
	}
	for (i = 0; i < npreds(s); i++) {
		zb_view *v = &s->filter->values[i];
		if (span_bytes(s, s->spans[s->list.nplan + i], found, rec_start, rec_end, &start, &end))
			*v = (zb_view){block.data + start, end - start, block.owner};
		else
			*v = zb_view_empty();
	}
	return filter_decide(s->filter, s->lstrip, s->rstrip);
}

/* One record: -s, the predicates, then the output.  Returns true for a record kept
 * whole, which the caller writes (in runs of records). */
static bool finish_record(struct selector *s, zb_view block, size_t found, size_t rec_start,
                          size_t rec_end, struct output *out)
{
	if (found == 0 && s->only_delimited)
		return false;
	if (npreds(s) && !record_passes(s, block, found, rec_start, rec_end))
		return false;
	if (s->mode == MODE_NONE)
		return true;
	if (found == 0)
		put_whole(s, (zb_view){block.data + rec_start, rec_end - rec_start, block.owner}, out);
	else if (!s->out_is_delim || !put_direct(s, block, found, rec_start, rec_end, out))
		put_spans(s, block, found, rec_start, rec_end, out);
	return false;
}

/*
 * The commonest case, -f without predicates, fields copied as they are: the whole
 * block's output is at most the block and one terminator, so the room for it is
 * made once and each record costs one pick and a copy per range.  False when the
 * output buffer cannot hold that.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* made twice, with first_only a constant */
#endif
static inline bool in_place(struct selector *s, zb_view block, struct output *out,
                            bool first_only)
{
	const unsigned char *data = block.data;
	size_t rec_start = 0, need = block.len + 1 + COPY_SLACK, end;
	unsigned char *dst, *p;
	scan2 scan;

	bool one_range = s->list.nplan == 1;
	bool from_start = s->spans[0].after == NO_PICK, to_end = s->spans[0].upto == NO_PICK;

	if (!output_room(out, need))
		return false;
	dst = p = zb_buffer_space(out->buf);
	scan2_start(&scan, block, s->split.delim[0], s->term);
	do { /* at least once: an empty block is one empty record */
		ptrdiff_t term_at;
		size_t at1 = 0; /* the first delimiter, in a register */
		size_t found = first_only ? scan2_pick1(&scan, &at1, &term_at)
		                          : scan2_pick(&scan, s->pick_nth, s->npick, s->pick_at,
		                                          &term_at);
		end = term_at < 0 ? block.len : (size_t)term_at;
		if (found == 0) { /* no delimiter: whole, or dropped by -s (cut's rule) */
			if (!s->only_delimited) {
				memcpy(p, data + rec_start, end - rec_start);
				p += end - rec_start;
				*p++ = s->term;
			}
		} else if (first_only && one_range) { /* -f1 or -f2-: one span, in locals */
			size_t from = from_start ? rec_start : at1 + 1;
			size_t to = to_end ? end : at1;
			copy_field(p, data + from, to - from, data + block.len);
			p += to - from;
			*p++ = s->term;
		} else {
			if (first_only)
				s->pick_at[0] = at1;
			p = write_ranges(s, block, found, rec_start, end, p);
		}
		rec_start = end + 1;
	} while (rec_start < block.len);
	zb_buffer_commit(out->buf, (size_t)(p - dst));
	return true;
}

/* -f1 (without -s), the commonest selection: the library's one pass for it. */
static bool first_field(struct selector *s, zb_view block, struct output *out)
{
	unsigned char *dst;

	if (!output_room(out, block.len + 1 + FIRST_FIELDS_SLACK))
		return false;
	dst = zb_buffer_space(out->buf);
	zb_buffer_commit(out->buf, first_fields(block, s->split.delim[0], s->term, dst));
	return true;
}

/* in_place, with the plan's one question (the first delimiter: -f1, -f2-) asked
 * by the pick made for it; -f1 alone by first_field. */
static bool fields_in_place(struct selector *s, zb_view block, struct output *out)
{
	if (s->npick == 1 && s->list.nplan == 1 && s->spans[0].after == NO_PICK &&
	    s->spans[0].upto != NO_PICK && !s->only_delimited)
		return first_field(s, block, out);
	if (s->npick == 1)
		return in_place(s, block, out, true);
	return in_place(s, block, out, false);
}

/*
 * The commonest filter alone, awk '$5 == "200"': --str-eq on field N (N >= 1), no
 * LIST, no -s, by the library's one pass for it, straight into the output buffer.
 * False when that cannot take the block (a record longer than it): the general
 * loop judges it.
 */
static bool keep_str_eq(struct selector *s, zb_view block, struct output *out)
{
	const struct predicate *p = &s->filter->preds[0];
	unsigned char *dst;

	if (!output_room(out, block.len + 1))
		return false;
	dst = zb_buffer_space(out->buf);
	zb_buffer_commit(out->buf, keep_field_eq(block, s->split.delim[0], s->term, p->field.n,
	                                            p->str, p->len, s->filter->invert, dst));
	return true;
}

void select_block(struct selector *s, zb_view block, struct output *out)
{
	size_t rec_start = 0, run = 0; /* kept whole records from `run` */
	scan2 scan;

	if (s->mode == MODE_FIELDS && s->out_is_delim && npreds(s) == 0 &&
	    fields_in_place(s, block, out))
		return;
	if (s->mode == MODE_NONE && s->one_str_eq && !s->only_delimited &&
	    s->filter->preds[0].field.n >= 1 && !s->filter->preds[0].field.from_end &&
	    keep_str_eq(s, block, out))
		return;
	scan2_start(&scan, block, s->split.delim[0], s->term);
	do { /* at least once: an empty block is one empty record */
		ptrdiff_t term_at;
		size_t found = scan2_pick(&scan, s->pick_nth, s->npick, s->pick_at, &term_at);
		size_t end = term_at < 0 ? block.len : (size_t)term_at;

		if (!finish_record(s, block, found, rec_start, end, out)) {
			/* dropped or written: the run of whole records before it goes out (a
			 * run exists only without a LIST, where finish_record writes nothing) */
			output_put(out, block.data + run, rec_start - run);
			run = end + 1;
		} else if (term_at < 0) { /* kept, but its terminator is not in the block */
			output_put(out, block.data + run, end - run);
			output_put(out, &s->term, 1);
			run = end + 1;
		}
		rec_start = end + 1;
	} while (rec_start < block.len);
	if (run < block.len) /* adjacent kept records are written as one span */
		output_put(out, block.data + run, block.len - run);
}
