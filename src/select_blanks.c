/*
 * select_blanks.c - the fast path for fields between runs of blanks (-w,
 * -w=trimmed, -F) with a fixed plan, and predicates on fixed fields: one scan of the
 * block (scanset) finds the edges of the runs and the record ends together, and
 * fields are found by counting edges, which come in pairs within a record.
 * Trimmed, the fields are the words: field k lies between edges 2k-1 and 2k.
 * Untrimmed, the runs are of blanks: field 1 starts with the record and field k
 * lies between edges 2k-2 and 2k-1 (where a run ends and where the next begins).
 * Only the fields at the ends of the plan's ranges (short ranges are taken as
 * their fields) and those of the predicates are looked for, in ascending order,
 * and after the last the scan goes straight to the record's end.  A LIST of fields counted from NF has the record's fields counted
 * first, from the edges before its end.
 */
#include <stdlib.h>

#include "kernels/scanset.h"
#include "select_int.h"

static const unsigned char blanks[] = " \t"; /* fields_blanks, as scanset wants it */

/* The fields to look for, made once from the plan; allocated as one block. */
struct blank_plan {
	size_t nwanted;  /* fields at the ends of the plan's ranges and of the predicates */
	size_t *first;   /* per wanted field, ascending: the edge that begins it (0: the
	                    record's start); those from NF made again for each record */
	size_t *back;    /* per wanted field NF-k (from index `relative` on): 2k */
	size_t *start, *end; /* per wanted field, this record: its bytes in the block */
	size_t *lo, *hi; /* per range: its first and last field's index in `first` */
	size_t nplan;    /* the ranges (the selector's plan is remade by select_record) */
	size_t *pred;    /* per predicate: its field's index in `first`; SIZE_MAX for the
	                    whole record (field 0) */
	size_t relative; /* the index of the first wanted field counted from NF */
	size_t min_fields; /* with fields from NF: fewer, and the record goes the general way */
	bool single;     /* every range is one field and nothing is stripped */
};

/*
 * A plan with fields counted from NF is made for records of FAR fields, where NF-k
 * is field FAR - k.  The plan is made of the LIST's bounds and, with a complement,
 * of 1 and the fields next to the bounds (where its gaps begin and end).  For a
 * record of at least min_fields fields, every such position counted from NF is
 * above every fixed one -- by 2 or more with a complement, whose gaps start one
 * after a bound -- as in the plan, so making the plan compares them alike: the
 * record's plan is this one with NF-k in place of FAR - k.  Fewer fields: the
 * general way.  Numbers and k from FAR / 4 on are left to it too.
 */
#define FAR ((size_t)1 << 30)

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
static size_t fields_needed(const struct selector *s)
{
	size_t max_fixed = 0, max_k = 0, i, n;

	for (i = 0; i < s->list.count; i++)
		if (!note_bound(&s->list.items[i].lo, &max_fixed, &max_k) ||
		    !note_bound(&s->list.items[i].hi, &max_fixed, &max_k))
			return 0;
	for (i = 0; i < npreds(s); i++)
		if (!note_bound(&s->filter->preds[i].field, &max_fixed, &max_k))
			return 0;
	/* NF - max_k > max_fixed; with a complement NF - (max_k + 1) >= (max_fixed + 1) + 2;
	 * and at least 2 fields: a record with a blank */
	n = max_fixed + max_k + (s->list.complement ? 4 : 1);
	return n < 2 ? 2 : n;
}

static bool relative(const struct selector *s)
{
	return s->list.relative || (npreds(s) && s->filter->relative);
}

bool select_blanks_can(const struct selector *s)
{
	if (s->split.kind != SPLIT_BLANKS && s->split.kind != SPLIT_BLANKS_TRIMMED)
		return false;
	if (s->mode != MODE_FIELDS && !(s->mode == MODE_NONE && npreds(s)))
		return false;
	return !relative(s) || fields_needed(s) > 0;
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
static size_t split_short(const struct list *l, size_t nplan, size_t *lo, size_t *hi)
{
	size_t i, k, n = 0;

	for (i = 0; i < nplan; i++) {
		const struct range *r = &l->plan[i];
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

int select_blanks_init(struct selector *s)
{
	const struct list *l = &s->list;
	size_t nplan, max, n = 0, i, key, lead = s->split.kind == SPLIT_BLANKS_TRIMMED;
	struct blank_plan *bp;
	size_t *keys;

	free(s->blanks);
	if (relative(s) && s->mode == MODE_FIELDS)
		list_plan(&s->list, FAR);
	nplan = s->mode == MODE_FIELDS ? split_short(l, l->nplan, NULL, NULL) : 0;
	/* first, back, start and end per wanted field (at most two a range and one a
	 * predicate), lo and hi per range, one per predicate */
	max = 2 * nplan + npreds(s);
	s->blanks = bp = malloc(sizeof *bp + (4 * max + 2 * nplan + npreds(s) + 1) * sizeof(size_t));
	if (bp == NULL)
		return -1;
	keys = (size_t *)(bp + 1);
	bp->first = keys;
	bp->back = keys + max;
	bp->start = bp->back + max;
	bp->end = bp->start + max;
	bp->lo = bp->end + max;
	bp->hi = bp->lo + nplan;
	bp->pred = bp->hi + nplan;
	bp->nplan = nplan;
	if (nplan > 0) /* the ranges, as field numbers for now */
		(void)split_short(l, l->nplan, bp->lo, bp->hi);
	for (i = 0; i < nplan; i++) {
		keys[n++] = bp->lo[i];
		if (bp->hi[i] != UNIT_MAX && bp->hi[i] != bp->lo[i])
			keys[n++] = bp->hi[i];
	}
	for (i = 0; i < npreds(s); i++)
		if ((key = pred_key(&s->filter->preds[i].field)) > 0)
			keys[n++] = key;
	if (n > 1)
		qsort(keys, n, sizeof *keys, by_value);
	bp->nwanted = 0;
	for (i = 0; i < n; i++) /* each key once */
		if (bp->nwanted == 0 || keys[bp->nwanted - 1] != keys[i])
			keys[bp->nwanted++] = keys[i];
	for (i = 0; i < npreds(s); i++) {
		key = pred_key(&s->filter->preds[i].field);
		bp->pred[i] = key == 0 ? SIZE_MAX : index_of(keys, bp->nwanted, key);
	}
	bp->single = !s->lstrip && !s->rstrip;
	for (i = 0; i < nplan; i++) { /* the ranges' ends as indexes in keys */
		bp->hi[i] = bp->hi[i] == UNIT_MAX ? SIZE_MAX /* runs to the end */
		                                  : index_of(keys, bp->nwanted, bp->hi[i]);
		bp->lo[i] = index_of(keys, bp->nwanted, bp->lo[i]);
		bp->single = bp->single && bp->lo[i] == bp->hi[i];
	}
	bp->min_fields = relative(s) ? fields_needed(s) : 0;
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
static bool plan_relative(struct blank_plan *bp, const scanset *scan, size_t lead)
{
	size_t edges = scanset_count(scan), i;
	size_t nf = edges / 2 + !lead; /* words: two edges each; runs: one field more than runs */

	if (nf < bp->min_fields)
		return false;
	for (i = bp->relative; i < bp->nwanted; i++)
		bp->first[i] = 2 * nf - 2 + lead - bp->back[i];
	return true;
}

/* Writes the fields of part, which begins and ends at field boundaries, stripped
 * and joined by the output delimiter: a scan of its own finds the blank runs
 * between them (at either end, untrimmed, they make empty fields, as split). */
static void put_range(struct selector *s, zb_view part, struct output *out)
{
	scanset scan;
	size_t start = 0, end;
	ptrdiff_t at;
	bool is_term;

	(void)scanset_start(&scan, part, blanks, sizeof blanks - 1, s->term, false);
	for (;;) {
		at = scanset_next_nth(&scan, 1, &is_term); /* a run begins: the field ends */
		end = at < 0 ? part.len : (size_t)at;
		output_view(out, select_strip(s, (zb_view){part.data + start, end - start, part.owner}));
		if (at < 0)
			return;
		output_put(out, s->out_delim, s->out_delim_len);
		/* the run ends where the next field begins (at the part's end at the latest) */
		start = (size_t)scanset_next_nth(&scan, 1, &is_term);
	}
}

/* put_ranges when every range is one field and nothing is stripped: each is
 * copied as it is, straight into the output buffer, whose room is made once for
 * the record (the fields, the delimiters between them, the terminator, and the
 * slack of copy_field).  The plan is read into locals first, as the output's
 * stores could change anything as far as the compiler knows. */
static void put_single(struct selector *s, zb_view block, size_t found, struct output *out)
{
	const struct blank_plan *bp = s->blanks;
	const size_t *lo = bp->lo, *start = bp->start, *end = bp->end;
	const unsigned char *data = block.data, *data_end = block.data + block.len;
	const unsigned char *delim = s->out_delim;
	size_t i, j, nplan = bp->nplan, dlen = s->out_delim_len, need = 1 + COPY_SLACK;
	unsigned char *dst, *p;
	bool first = true;

	for (i = 0; i < nplan; i++)
		if ((j = lo[i]) < found)
			need += end[j] - start[j] + dlen;
	if (!output_room(out, need)) { /* a huge record into an output that cannot grow */
		for (i = 0; i < nplan; i++)
			if ((j = lo[i]) < found) {
				put_delim(s, out, &first);
				output_put(out, data + start[j], end[j] - start[j]);
			}
		output_put(out, &s->term, 1);
		return;
	}
	dst = p = zb_buffer_space(out->buf);
	for (i = 0, first = true; i < nplan; i++) {
		if ((j = lo[i]) >= found)
			continue;
		if (!first) { /* (not p != dst: the fields before may be empty) */
			if (dlen == 1)
				*p++ = delim[0];
			else
				p = (unsigned char *)memcpy(p, delim, dlen) + dlen;
		}
		copy_field(p, data + start[j], end[j] - start[j], data_end);
		p += end[j] - start[j];
		first = false;
	}
	*p++ = s->term;
	zb_buffer_commit(out->buf, (size_t)(p - dst));
}

/* Writes the ranges of the plan whose first field was found (the first `found`
 * wanted fields were), then the terminator, as put_answers does. */
static void put_ranges(struct selector *s, zb_view block, size_t rec_start, zb_view rec,
                       size_t found, struct output *out)
{
	const struct blank_plan *bp = s->blanks;
	bool first = true;
	size_t i, j, end;

	for (i = 0; i < bp->nplan; i++) {
		if ((j = bp->lo[i]) >= found)
			continue;
		put_delim(s, out, &first);
		end = bp->hi[i] < found ? bp->end[bp->hi[i]] : rec_start + fields_end(&s->split, rec);
		if (j == bp->hi[i]) /* one field */
			output_view(out, select_strip(s, (zb_view){block.data + bp->start[j],
			                                           end - bp->start[j], block.owner}));
		else
			put_range(s, (zb_view){block.data + bp->start[j], end - bp->start[j], block.owner},
			          out);
	}
	output_put(out, &s->term, 1);
}

/* The predicates' verdict on rec, whose first `found` wanted fields were found. */
static bool keep(struct selector *s, zb_view block, zb_view rec, size_t found)
{
	const struct blank_plan *bp = s->blanks;
	size_t i;

	for (i = 0; i < npreds(s); i++) { /* each predicate's field, as filter_keep finds it */
		size_t j = bp->pred[i];
		if (j == SIZE_MAX)
			s->filter->values[i] = rec;
		else if (j < found)
			s->filter->values[i] = (zb_view){block.data + bp->start[j],
			                                  bp->end[j] - bp->start[j], block.owner};
		else
			s->filter->values[i] = zb_view_empty();
	}
	return filter_decide(s->filter, s->lstrip, s->rstrip);
}

/*
 * The commonest use, awk '{print $N}' (-F N, -w -f N): one field, copied as it is,
 * without predicates or -s.  Per record, the edges that begin and end the field
 * and the record's end are asked for, and the field copied, in locals: the
 * general loop's bookkeeping costs more than the scan.
 */
static void one_field(struct selector *s, zb_view block, struct output *out)
{
	const struct blank_plan *bp = s->blanks;
	const unsigned char *data = block.data, *data_end = block.data + block.len;
	size_t rec_start = 0, lead = s->split.kind == SPLIT_BLANKS_TRIMMED;
	size_t first = bp->first[0]; /* the edge that begins the field (0: the record's start) */
	unsigned char term = s->term;
	scanset scan;

	(void)scanset_start(&scan, block, blanks, sizeof blanks - 1, term, lead);
	do { /* at least once: an empty block is one empty record */
		size_t start = rec_start, end = 0, rec_end;
		bool found = true, is_term = false;
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
		rec = (zb_view){data + rec_start, rec_end - rec_start, block.owner};
		rec_start = rec_end + 1;
		/* delimited (holding a blank) when a field after the first is there, or the
		 * first is not the whole record; else (rare) split again, as select_blanks */
		if (found && (first >= 2 + lead || start != rec_end - rec.len || end != rec_end)) {
			unsigned char *p;
			if (!output_room(out, end - start + 1 + COPY_SLACK)) {
				output_put(out, data + start, end - start);
				output_put(out, &term, 1);
				continue;
			}
			p = zb_buffer_space(out->buf);
			copy_field(p, data + start, end - start, data_end);
			p[end - start] = term;
			zb_buffer_commit(out->buf, end - start + 1);
		} else if (!found && fields_delimited(&s->split, rec)) {
			output_put(out, &term, 1); /* too few fields: an empty line */
		} else {
			put_whole(s, rec, out); /* no blank: written whole, as cut does */
		}
	} while (rec_start < block.len);
}

void select_blanks(struct selector *s, zb_view block, struct output *out)
{
	struct blank_plan *bp = s->blanks; /* its per-record parts are written */
	size_t rec_start = 0, lead = s->split.kind == SPLIT_BLANKS_TRIMMED;
	scanset scan;

	if (s->mode == MODE_FIELDS && bp->single && bp->nplan == 1 && bp->nwanted == 1 &&
	    bp->min_fields == 0 && npreds(s) == 0 && !s->only_delimited) {
		one_field(s, block, out);
		return;
	}
	(void)scanset_start(&scan, block, blanks, sizeof blanks - 1, s->term, lead);
	do { /* at least once: an empty block is one empty record */
		size_t j, seen = 0, start = rec_start, end = 0, rec_end;
		bool ended = false, delimited, is_term;
		ptrdiff_t at = -1;
		zb_view rec;

		if (bp->min_fields > 0 && !plan_relative(bp, &scan, lead)) { /* the general way */
			at = scanset_next_term(&scan);
			rec_end = at < 0 ? block.len : (size_t)at;
			rec = (zb_view){block.data + rec_start, rec_end - rec_start, block.owner};
			if (!npreds(s) || filter_keep(s->filter, &s->split, s->lstrip, s->rstrip, rec))
				select_record(s, rec, out);
			rec_start = rec_end + 1;
			continue;
		}
		for (j = 0; j < bp->nwanted && !ended; j++) {
			size_t first = bp->first[j];
			if (first > 0) {
				at = scanset_next_nth(&scan, first - seen, &is_term);
				if (at < 0 || is_term) { /* the record ends before this field */
					ended = true;
					break;
				}
				start = (size_t)at;
			}
			at = scanset_next_nth(&scan, 1, &is_term);
			end = at < 0 ? block.len : (size_t)at;
			ended = at < 0 || is_term;
			seen = first + 1;
			bp->start[j] = start;
			bp->end[j] = end;
		}
		if (!ended)
			at = scanset_next_term(&scan);
		rec_end = at < 0 ? block.len : (size_t)at;
		rec = (zb_view){block.data + rec_start, rec_end - rec_start, block.owner};
		rec_start = rec_end + 1;
		if (npreds(s) && !keep(s, block, rec, j))
			continue;
		/* delimited: holding a blank, which a field after the first proves, and a
		 * first field that is not the whole record; else (rare) split again */
		if ((s->mode == MODE_NONE && !s->only_delimited) /* not asked */ ||
		    (j > 0 && bp->first[j - 1] >= 2 + lead))
			delimited = true;
		else if (j > 0)
			delimited = start != rec_end - rec.len || end != rec_end;
		else
			delimited = fields_delimited(&s->split, rec);
		if (!delimited) {
			if (!s->only_delimited) /* no blank: written whole, as cut does */
				put_whole(s, rec, out);
		} else if (s->mode == MODE_NONE) { /* kept by the predicates: whole, unstripped */
			output_view(out, rec);
			output_put(out, &s->term, 1);
		} else if (bp->single) {
			put_single(s, block, j, out);
		} else {
			put_ranges(s, block, rec_end - rec.len, rec, j, out);
		}
	} while (rec_start < block.len);
}
