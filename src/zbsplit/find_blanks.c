/*
 * find_blanks.c - the kernel for fields between runs of blanks (-w, -w=trimmed,
 * -F) with a fixed plan, and predicates on fixed fields: one scan of the block
 * (scanset) finds the edges of the runs and the record ends together, and fields
 * are found by counting edges, which come in pairs within a record.  Trimmed, the
 * fields are the words: field k lies between edges 2k-1 and 2k.  Untrimmed, the
 * runs are of blanks: field 1 starts with the record and field k lies between
 * edges 2k-2 and 2k-1 (where a run ends and where the next begins).  Only the
 * fields at the ends of the plan's ranges (short ranges are taken as their fields)
 * and those of the predicates are looked for, in ascending order, and after the
 * last the scan goes straight to the record's end.  A LIST of fields counted from
 * NF has the record's fields counted first, from the edges before its end.
 */
#include <stdlib.h>

#include "emit.h"
#include "find_blanks.h"
#include "find_general.h"
#include "kernels/scanset.h"

static const unsigned char blanks[] = " \t"; /* fields_blanks, as scanset wants it */

/*
 * Why FAR works: the plan is made of the LIST's bounds and, with a complement, of
 * 1 and the fields next to the bounds (where its gaps begin and end).  For a
 * record of at least min_fields fields, every such position counted from NF is
 * above every fixed one -- by 2 or more with a complement, whose gaps start one
 * after a bound -- as in the plan, so making the plan compares them alike: the
 * record's plan is this one with NF-k in place of FAR - k.  Fewer fields: the
 * general way.  Numbers and k from FAR / 4 on are left to it too.
 */

/* Folds bound b into the largest fixed number and the largest k seen; false when
 * it is too large for a plan made for FAR fields. */
static bool note_bound(const struct bound *b, size_t *max_fixed, size_t *max_k)
{
	size_t *max = b->from_end ? max_k : max_fixed;

	if (b->n >= FAR / 4)
		return false;
	if (b->n > *max)
		*max = b->n;
	return true;
}

/* The fewest fields a record needs for the plan made for FAR fields to hold (see
 * FAR), or 0 when the plan cannot be made so. */
static size_t fields_needed(const struct config *c)
{
	size_t max_fixed = 0, max_k = 0, i, n;

	for (i = 0; i < c->list.count; i++)
		if (!note_bound(&c->list.items[i].lo, &max_fixed, &max_k) ||
		    !note_bound(&c->list.items[i].hi, &max_fixed, &max_k))
			return 0;
	for (i = 0; i < c->filter.count; i++)
		if (!note_bound(&c->filter.preds[i].field, &max_fixed, &max_k))
			return 0;
	/* NF - max_k > max_fixed; with a complement NF - (max_k + 1) >= (max_fixed + 1) + 2;
	 * and at least 2 fields: a record with a blank */
	n = max_fixed + max_k + (c->list.complement ? 4 : 1);
	return n < 2 ? 2 : n;
}

static bool relative(const struct config *c)
{
	return c->list.relative || c->filter.relative;
}

bool blanks_can(const struct config *c)
{
	if (c->split.kind != SPLIT_BLANKS && c->split.kind != SPLIT_BLANKS_TRIMMED)
		return false;
	if (c->mode != MODE_FIELDS && !(c->mode == MODE_NONE && c->filter.count > 0))
		return false;
	return !relative(c) || fields_needed(c) > 0;
}

/* A predicate's field as a key of the plan: N, FAR - k for NF-k, 0 for the record. */
static size_t pred_key(const struct bound *b)
{
	return b->from_end ? FAR - b->n : b->n;
}

/* The index of field `key` in the ascending keys[0, n), which hold it. */
static size_t index_of(const size_t *keys, size_t n, size_t key)
{
	size_t lo = 0;

	while (n > 1) {
		size_t half = n / 2;
		if (keys[lo + half] <= key)
			lo += half;
		n -= half;
	}
	return lo;
}

static int by_value(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Ranges of up to this many fields are written as single fields, so the walk that
 * finds their ends finds the fields between too (and up to MAX_SINGLES in all). */
#define SHORT_RANGE 16
#define MAX_SINGLES 256

/* The number of ranges the plan becomes when its short ranges are split into
 * their fields; with lo and hi not NULL, also each range's first and last field. */
static size_t split_short(const struct range *plan, size_t nplan, size_t *lo, size_t *hi)
{
	size_t i, k, n = 0;

	for (i = 0; i < nplan; i++) {
		const struct range *r = &plan[i];
		bool split = r->hi != UNIT_MAX && r->hi - r->lo < SHORT_RANGE &&
		             n + (r->hi - r->lo) < MAX_SINGLES;
		for (k = r->lo; k <= (split ? r->hi : r->lo); k++, n++)
			if (lo) {
				lo[n] = k;
				hi[n] = split ? k : r->hi;
			}
	}
	return n;
}

/* The wanted fields' keys, ascending and each once, into keys; returns how many.
 * The ranges (split into short ones) are lo/hi field numbers on entry. */
static size_t wanted_keys(const struct plan *p, const struct blank_plan *bp, size_t *keys)
{
	size_t i, n = 0, key, count = 0;

	for (i = 0; i < bp->nplan; i++) {
		keys[n++] = bp->lo[i];
		if (bp->hi[i] != UNIT_MAX && bp->hi[i] != bp->lo[i])
			keys[n++] = bp->hi[i];
	}
	for (i = 0; i < p->npreds; i++)
		if ((key = pred_key(&p->cfg->filter.preds[i].field)) > 0)
			keys[n++] = key;
	if (n > 1)
		qsort(keys, n, sizeof *keys, by_value);
	for (i = 0; i < n; i++) /* each key once */
		if (count == 0 || keys[count - 1] != keys[i])
			keys[count++] = keys[i];
	return count;
}

int blanks_prepare(struct plan *p)
{
	const struct config *c = p->cfg;
	struct blank_plan *bp = &p->blanks;
	size_t nplan, max, i, lead = c->split.kind == SPLIT_BLANKS_TRIMMED;
	size_t *keys;

	nplan = c->mode == MODE_FIELDS ? split_short(p->ranges, p->nranges, NULL, NULL) : 0;
	/* first and back per wanted field (at most two a range and one a predicate), lo
	 * and hi per range, one per predicate */
	max = 2 * nplan + p->npreds;
	if ((keys = malloc((2 * max + 2 * nplan + p->npreds + 1) * sizeof *keys)) == NULL)
		return -1;
	bp->first = keys;
	bp->back = keys + max;
	bp->lo = bp->back + max;
	bp->hi = bp->lo + nplan;
	bp->pred = bp->hi + nplan;
	bp->nplan = nplan;
	if (nplan > 0) /* the ranges, as field numbers for now */
		(void)split_short(p->ranges, p->nranges, bp->lo, bp->hi);
	bp->nwanted = wanted_keys(p, bp, keys);
	for (i = 0; i < p->npreds; i++) {
		size_t key = pred_key(&c->filter.preds[i].field);
		bp->pred[i] = key == 0 ? SIZE_MAX : index_of(keys, bp->nwanted, key);
	}
	bp->single = true;
	for (i = 0; i < nplan; i++) { /* the ranges' ends as indexes in keys */
		bp->hi[i] = bp->hi[i] == UNIT_MAX ? SIZE_MAX /* runs to the end */
		                                  : index_of(keys, bp->nwanted, bp->hi[i]);
		bp->lo[i] = index_of(keys, bp->nwanted, bp->lo[i]);
		bp->single = bp->single && bp->lo[i] == bp->hi[i];
	}
	bp->min_fields = relative(c) ? fields_needed(c) : 0;
	bp->one_field = c->mode == MODE_FIELDS && bp->single && bp->nplan == 1 &&
	                bp->nwanted == 1 && bp->min_fields == 0 && p->npreds == 0 &&
	                !c->only_delimited;
	bp->relative = bp->nwanted;
	for (i = 0; i < bp->nwanted; i++) { /* field k begins at edge 2k - 2 + lead */
		if (bp->min_fields > 0 && keys[i] >= FAR / 2 && bp->relative == bp->nwanted)
			bp->relative = i; /* the first NF-k (FAR - k) */
		bp->back[i] = 2 * (FAR - keys[i]);
		keys[i] = 2 * keys[i] - 2 + lead;
	}
	return 0;
}

/* For a plan with fields from NF: the edges that begin them in this record, from
 * the number of edges before its end; false when it has too few fields. */
static bool plan_relative(const struct blank_plan *bp, size_t *first, const scanset *scan,
                          size_t lead)
{
	size_t edges = scanset_count(scan), i;
	size_t nf = edges / 2 + !lead; /* words: two edges each; runs: one field more than runs */

	if (nf < bp->min_fields)
		return false;
	for (i = bp->relative; i < bp->nwanted; i++)
		first[i] = 2 * nf - 2 + lead - bp->back[i];
	return true;
}

/* The spans of the ranges whose first field was found (the first `found` wanted
 * fields were), for the emitter. */
static void range_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start,
                        size_t found)
{
	const struct blank_plan *bp = &p->blanks;
	size_t i, j;

	for (i = 0; i < bp->nplan; i++) {
		struct span *sp = &s->spans[i];
		if ((j = bp->lo[i]) >= found) {
			sp->start = SPAN_NONE;
			continue;
		}
		sp->start = s->blank_start[j];
		sp->end = bp->hi[i] < found ? s->blank_end[bp->hi[i]]
		                            : rec_start + fields_end(&s->split, rec);
		sp->multi = j != bp->hi[i];
	}
}

/* The predicates' verdict on rec, whose first `found` wanted fields were found. */
static bool passes(const struct plan *p, struct scratch *s, zb_view block, zb_view rec,
                   size_t found)
{
	const struct blank_plan *bp = &p->blanks;
	size_t i;

	for (i = 0; i < p->npreds; i++) {
		size_t j = bp->pred[i], rec_start = (size_t)(rec.data - block.data);
		if (j == SIZE_MAX) /* field 0: the record */
			scratch_value(s, i, block, rec_start, rec_start + rec.len, rec_start + rec.len);
		else if (j < found)
			scratch_value(s, i, block, s->blank_start[j], s->blank_end[j],
			              rec_start + rec.len);
		else
			scratch_value(s, i, block, SPAN_NONE, 0, 0);
	}
	return scratch_passes(p, s);
}

/*
 * The commonest use, awk '{print $N}' (-F N, -w -f N): one field, without
 * predicates or -s.  Per record, the edges that begin and end the field and the
 * record's end are asked for, in locals: the general loop's bookkeeping costs more
 * than the scan.
 */
static void one_field(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	const struct config *c = p->cfg;
	size_t rec_start = 0, lead = c->split.kind == SPLIT_BLANKS_TRIMMED;
	size_t first = p->blanks.first[0]; /* the edge that begins the field (0: the start) */
	struct direct w = {0};
	scanset scan;

	(void)scanset_start(&scan, block, blanks, sizeof blanks - 1, c->term, lead);
	do { /* at least once: an empty block is one empty record */
		size_t start = rec_start, end = 0, rec_end;
		bool found = true, is_term = false, delimited;
		ptrdiff_t at = 0;
		zb_view rec;

		if (first > 0) {
			at = scanset_next_nth(&scan, first, &is_term);
			found = at >= 0 && !is_term;
			start = (size_t)at;
		}
		if (found) {
			at = scanset_next_nth(&scan, 1, &is_term); /* the edge that ends it */
			end = at < 0 ? block.len : (size_t)at;
			if (at >= 0 && !is_term)
				at = scanset_next_term(&scan);
		}
		rec_end = at < 0 ? block.len : (size_t)at;
		rec = (zb_view){block.data + rec_start, rec_end - rec_start, block.owner};
		/* delimited when a field after the first is there, or the first ends before
		 * the last (fields_delimited_after); else (rare) split again */
		if (found)
			delimited = first >= 2 + lead ||
			            fields_delimited_after(&s->split, rec, end - rec_start);
		else
			delimited = fields_delimited(&s->split, rec);
		if (found && delimited && p->copy_as_is &&
		    direct_begin(&w, p, out, block, end - start + 1)) {
			direct_one(&w, block.data, start, end, c->term);
			direct_end(&w, out);
		} else {
			s->spans[0] = (struct span){found ? start : SPAN_NONE, end, false};
			emit_record(p, s, out, block, rec_start, rec_end, delimited, 1);
		}
		rec_start = rec_end + 1;
	} while (rec_start < block.len);
}

/* Finds the wanted fields of the record at the scan's position, from rec_start:
 * their bytes into s->blank_start and blank_end; returns how many were found, with
 * *at the offset where the scan stopped (the record's end when *ended). */
static size_t find_wanted(const struct blank_plan *bp, struct scratch *s, scanset *scan,
                          size_t rec_start, size_t block_len, ptrdiff_t *at, bool *ended)
{
	size_t j, seen = 0, start = rec_start;
	bool is_term;

	*ended = false;
	*at = -1;
	for (j = 0; j < bp->nwanted && !*ended; j++) {
		size_t first = s->blank_first[j];
		if (first > 0) {
			*at = scanset_next_nth(scan, first - seen, &is_term);
			if (*at < 0 || is_term) { /* the record ends before this field */
				*ended = true;
				break;
			}
			start = (size_t)*at;
		}
		*at = scanset_next_nth(scan, 1, &is_term);
		*ended = *at < 0 || is_term;
		seen = first + 1;
		s->blank_start[j] = start;
		s->blank_end[j] = *at < 0 ? block_len : (size_t)*at;
	}
	return j;
}

/* Whether rec is delimited, given the first `found` wanted fields: a field after
 * the first proves it, and field 1 says it by where it ends (fields_delimited_after);
 * else (rare) it is split again. */
static bool holds_blank(const struct plan *p, const struct scratch *s, zb_view rec,
                        size_t rec_start, size_t found)
{
	size_t lead = p->cfg->split.kind == SPLIT_BLANKS_TRIMMED;

	if (found > 0 && s->blank_first[found - 1] >= 2 + lead)
		return true;
	if (found > 0) /* field 1 alone */
		return fields_delimited_after(&s->split, rec, s->blank_end[0] - rec_start);
	return fields_delimited(&s->split, rec);
}

void blanks_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	const struct config *c = p->cfg;
	const struct blank_plan *bp = &p->blanks;
	size_t rec_start = 0, lead = c->split.kind == SPLIT_BLANKS_TRIMMED;
	scanset scan;

	emit_block_start(s);
	if (bp->one_field) {
		one_field(p, s, block, out);
		return;
	}
	(void)scanset_start(&scan, block, blanks, sizeof blanks - 1, c->term, lead);
	do { /* at least once: an empty block is one empty record */
		size_t found = 0, rec_end;
		bool ended = false, delimited;
		ptrdiff_t at = -1;
		zb_view rec;

		if (bp->min_fields > 0 && !plan_relative(bp, s->blank_first, &scan, lead)) {
			at = scanset_next_term(&scan); /* too few fields: the general way */
			rec_end = at < 0 ? block.len : (size_t)at;
			general_record(p, s, block, rec_start, rec_end, out);
			rec_start = rec_end + 1;
			continue;
		}
		found = find_wanted(bp, s, &scan, rec_start, block.len, &at, &ended);
		if (!ended)
			at = scanset_next_term(&scan);
		rec_end = at < 0 ? block.len : (size_t)at;
		rec = (zb_view){block.data + rec_start, rec_end - rec_start, block.owner};
		if (p->npreds > 0 && !passes(p, s, block, rec, found)) {
			rec_start = rec_end + 1;
			continue;
		}
		/* (predicates alone and no -s: whether it is delimited is not asked) */
		delimited = (c->mode == MODE_NONE && !c->only_delimited) ||
		            holds_blank(p, s, rec, rec_start, found);
		if (c->mode == MODE_FIELDS && delimited)
			range_spans(p, s, rec, rec_start, found);
		emit_record(p, s, out, block, rec_start, rec_end, delimited, bp->nplan);
		rec_start = rec_end + 1;
	} while (rec_start < block.len);
	emit_block_end(s, out, block);
}
