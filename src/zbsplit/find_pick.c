/*
 * find_pick.c - the kernels for a one-byte delimiter and fixed fields.  Before the
 * loop, the plan's ranges and the predicates' fields are turned into the
 * delimiters they start after and end at (pick_prepare); then one scan2_pick per
 * record finds those delimiters and the record's end in one pass, counting the
 * delimiters in between rather than visiting them.  -f1 and --str-eq alone each
 * have a kernel that does the whole block in one pass.
 */
#include <stdlib.h>

#include "emit.h"
#include "find_pick.h"
#include "kernels/one_pass.h"
#include "kernels/scan2.h"

static int by_value(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The index of delimiter number n among the sorted nth. */
static size_t pick_index(const struct pick_plan *pk, size_t n)
{
	const size_t *p = bsearch(&n, pk->nth, pk->n, sizeof n, by_value);
	return (size_t)(p - pk->nth);
}

/* Fields lo..hi start after delimiter lo - 1 and end at delimiter hi. */
static struct pick_span span_for(const struct pick_plan *pk, size_t lo, size_t hi)
{
	struct pick_span sp = {NO_PICK, NO_PICK};

	if (lo > 1)
		sp.after = pick_index(pk, lo - 1);
	if (hi != UNIT_MAX)
		sp.upto = pick_index(pk, hi);
	return sp;
}

int pick_prepare(struct plan *p)
{
	struct pick_plan *pk = &p->pick;
	const struct predicate *preds = p->cfg->filter.preds;
	size_t n = 0, i, nspans = p->nranges + p->npreds;

	pk->nth = malloc((1 + 2 * nspans) * sizeof *pk->nth);
	pk->spans = malloc((nspans + 1) * sizeof *pk->spans);
	if (!pk->nth || !pk->spans)
		return -1;
	pk->nth[n++] = 1; /* always: whether it is there says if a record is delimited */
	for (i = 0; i < p->nranges; i++) {
		if (p->ranges[i].lo > 1)
			pk->nth[n++] = p->ranges[i].lo - 1;
		if (p->ranges[i].hi != UNIT_MAX)
			pk->nth[n++] = p->ranges[i].hi;
	}
	for (i = 0; i < p->npreds; i++) {
		size_t f = preds[i].field.n;
		if (f > 1)
			pk->nth[n++] = f - 1;
		if (f > 0)
			pk->nth[n++] = f;
	}
	qsort(pk->nth, n, sizeof *pk->nth, by_value);
	for (pk->n = 0, i = 0; i < n; i++) /* without repeats: pick wants them ascending */
		if (pk->n == 0 || pk->nth[i] != pk->nth[pk->n - 1])
			pk->nth[pk->n++] = pk->nth[i];
	for (i = 0; i < p->nranges; i++)
		pk->spans[i] = span_for(pk, p->ranges[i].lo, p->ranges[i].hi);
	for (i = 0; i < p->npreds; i++) { /* field 0 is the whole record */
		size_t f = preds[i].field.n;
		pk->spans[p->nranges + i] = span_for(pk, f > 0 ? f : 1, f > 0 ? f : UNIT_MAX);
	}
	/* the commonest case, -f without predicates, fields copied as they are: every
	 * delimited record through the direct writer, with room made once a block */
	pk->copy = p->cfg->mode == MODE_FIELDS && p->npreds == 0 && p->copy_as_is &&
	           p->out_is_delim;
	pk->first_only = pk->n == 1;
	return 0;
}

/* The bytes of span sp in the record [rec_start, rec_end), given that `found`
 * delimiters were picked (at at[]); start SPAN_NONE when its first field is not
 * in the record. */
static inline struct span span_bytes(const size_t *at, struct pick_span sp, size_t found,
                                     size_t rec_start, size_t rec_end)
{
	struct span out = {SPAN_NONE, 0, false};

	if (sp.after == NO_PICK)
		out.start = rec_start;
	else if (sp.after < found)
		out.start = at[sp.after] + 1;
	else
		return out;
	out.end = sp.upto < found ? at[sp.upto] : rec_end; /* NO_PICK is above found */
	return out;
}

/* One record whose first `found` delimiters asked for were found: the predicates'
 * fields, then the ranges' spans, to the emitter. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* the hot loop of the filters */
#endif
static inline void pick_record(const struct plan *p, struct scratch *s, zb_view block,
                               size_t found, size_t rec_start, size_t rec_end,
                               struct output *out)
{
	const struct pick_span *spans = p->pick.spans;
	size_t i, n = p->nranges;

	if (p->npreds > 0) {
		for (i = 0; i < p->npreds; i++) {
			struct span v = span_bytes(s->pick_at, spans[n + i], found, rec_start, rec_end);
			scratch_value(s, i, block, v.start, v.end, rec_end);
		}
		if (!scratch_passes(p, s))
			return;
	}
	if (found > 0)
		for (i = 0; i < n; i++) {
			s->spans[i] = span_bytes(s->pick_at, spans[i], found, rec_start, rec_end);
			s->spans[i].multi = p->ranges[i].lo != p->ranges[i].hi;
		}
	emit_record(p, s, out, block, rec_start, rec_end, found > 0, n);
}

/* The next record's delimiters asked for, into s->pick_at; returns how many were
 * found and sets *end to the record's end.  first_only is a constant where this is
 * inlined: the plan's one question (the first delimiter: -f2-, -f1 -s) is asked by
 * scan2_pick1. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline size_t pick_next(const struct plan *p, size_t *at, scan2 *scan, zb_view block,
                               size_t *end, bool first_only)
{
	ptrdiff_t term_at;
	size_t found = first_only ? scan2_pick1(scan, at, &term_at)
	                          : scan2_pick(scan, p->pick.nth, p->pick.n, at, &term_at);

	*end = term_at < 0 ? block.len : (size_t)term_at;
	return found;
}

/* The block's records, a pick_record each (made twice, with first_only a constant). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void pick_loop(const struct plan *p, struct scratch *s, zb_view block,
                             struct output *out, bool first_only)
{
	size_t rec_start = 0, end;
	scan2 scan;

	emit_block_start(s);
	scan2_start(&scan, block, p->cfg->split.delim[0], p->cfg->term);
	do { /* at least once: an empty block is one empty record */
		size_t found = pick_next(p, s->pick_at, &scan, block, &end, first_only);
		pick_record(p, s, block, found, rec_start, end, out);
		rec_start = end + 1;
	} while (rec_start < block.len);
	emit_block_end(s, out, block);
}

/* A record that copy_loop does not write directly (kept out of its loop). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void pick_record_slow(const struct plan *p, struct scratch *s, zb_view block,
                             size_t found, size_t rec_start, size_t rec_end, struct output *out)
{
	pick_record(p, s, block, found, rec_start, rec_end, out);
}

/* pick_loop when the block's records are copied as they are (pick.copy):
 * the delimited ones through the direct writer, with room made once. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void copy_loop(const struct plan *p, struct scratch *s, zb_view block,
                             struct output *out, bool first_only)
{
	const struct pick_span *spans = p->pick.spans;
	size_t rec_start = 0, n = p->nranges, i, end, at1 = 0;
	size_t *at = first_only ? &at1 : s->pick_at; /* the one delimiter: in a register */
	struct direct w = {0};
	bool direct = direct_begin(&w, p, out, block, direct_block_room(block));
	bool from_start = spans[0].after == NO_PICK, to_end = spans[0].upto == NO_PICK;
	unsigned char term = p->cfg->term;
	scan2 scan;

	emit_block_start(s);
	scan2_start(&scan, block, p->cfg->split.delim[0], p->cfg->term);
	do { /* at least once: an empty block is one empty record */
		size_t found = pick_next(p, at, &scan, block, &end, first_only);
		if (direct && found > 0 && first_only && n == 1) { /* -f2-, -f1 -s: one span */
			direct_one(&w, block.data, from_start ? rec_start : at1 + 1, to_end ? end : at1,
			           term);
		} else if (direct && found > 0) {
			direct_record(&w);
			for (i = 0; i < n; i++) {
				struct span sp = span_bytes(at, spans[i], found, rec_start, end);
				if (sp.start != SPAN_NONE)
					direct_span(&w, block.data, sp.start, sp.end);
			}
			direct_record_end(&w, term);
		} else { /* a record without a delimiter, or an output that cannot take the
		            block at once (then a record at a time to the block's end) */
			s->pick_at[0] = at[0]; /* (the same, unless first_only) */
			if (direct) /* what was written directly goes before */
				direct_end(&w, out);
			pick_record_slow(p, s, block, found, rec_start, end, out);
			if (direct)
				direct = direct_begin(&w, p, out, block, direct_block_room(block));
		}
		rec_start = end + 1;
	} while (rec_start < block.len);
	if (direct)
		direct_end(&w, out);
	emit_block_end(s, out, block);
}

void pick_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	if (p->pick.copy && p->pick.first_only)
		copy_loop(p, s, block, out, true);
	else if (p->pick.copy)
		copy_loop(p, s, block, out, false);
	else if (p->pick.first_only)
		pick_loop(p, s, block, out, true);
	else
		pick_loop(p, s, block, out, false);
}

void first_fields_block(const struct plan *p, struct scratch *s, zb_view block,
                        struct output *out)
{
	unsigned char *dst;

	if (!output_room(out, block.len + 1 + FIRST_FIELDS_SLACK)) { /* a huge record */
		pick_block(p, s, block, out);
		return;
	}
	dst = zb_buffer_space(out->buf);
	zb_buffer_commit(out->buf,
	                 first_fields(block, p->cfg->split.delim[0], p->cfg->term, dst));
}

void keep_str_eq_block(const struct plan *p, struct scratch *s, zb_view block,
                       struct output *out)
{
	const struct config *c = p->cfg;
	const struct predicate *pred = &c->filter.preds[0];
	unsigned char *dst;

	if (!output_room(out, block.len + 1)) { /* a huge record */
		pick_block(p, s, block, out);
		return;
	}
	dst = zb_buffer_space(out->buf);
	zb_buffer_commit(out->buf, keep_field_eq(block, c->split.delim[0], c->term, pred->field.n,
	                                         pred->str, pred->len, c->filter.invert, s->crlf,
	                                         dst));
}
