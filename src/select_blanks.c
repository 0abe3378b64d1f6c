/*
 * select_blanks.c - the fast path for fields between runs of blanks (-w,
 * -w=trimmed, -F) with a fixed plan: one scan of the block (zb_scanset) finds the
 * edges of the runs and the record ends together, and fields are found by counting
 * edges, which come in pairs within a record.  Trimmed, the fields are the words:
 * field k lies between edges 2k-1 and 2k.  Untrimmed, the runs are of blanks: field
 * 1 starts with the record and field k lies between edges 2k-2 and 2k-1 (where a run
 * ends and where the next begins).  After the last wanted field the scan goes
 * straight to the record's end.
 */
#include "select_int.h"

static const unsigned char blanks[] = " \t"; /* fields_blanks, as zb_scanset wants it */

/* Whether every range of the plan is one field and nothing is stripped: then a
 * field is written as it is, with no split and no strip. */
static bool single_fields(const struct selector *s)
{
	size_t i;

	if (s->lstrip || s->rstrip)
		return false;
	for (i = 0; i < s->list.nplan; i++)
		if (s->list.plan[i].lo != s->list.plan[i].hi)
			return false;
	return true;
}

/* put_answers when single_fields(s). */
static void put_single(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

	for (i = 0; i < s->list.nplan; i++) {
		const struct answer *a = &s->answers[i];
		if (a->has_first) {
			put_delim(s, out, &first);
			output_put(out, rec.data + a->first_start, a->first_end - a->first_start);
		}
	}
	output_put(out, &s->term, 1);
}

void select_blanks(struct selector *s, zb_view block, struct output *out)
{
	const struct query *q = s->queries;
	size_t nq = s->nqueries, rec_start = 0;
	bool words = s->split.kind == SPLIT_BLANKS_TRIMMED, single = single_fields(s);
	size_t lead = words; /* field k begins at edge 2k - 2 + lead (0: the record's start) */
	zb_scanset scan;

	(void)zb_scanset_start(&scan, block, blanks, sizeof blanks - 1, s->term, words);
	do { /* at least once: an empty block is one empty record */
		size_t i = 0, k = 0, seen = 0, start = rec_start, end = rec_start, rec_end;
		bool ended = false, delimited, is_term;
		ptrdiff_t at;
		zb_view rec;

		clear_answers(s);
		while (i < nq) { /* to the next wanted field; k is the last one found */
			size_t key = q[i].key, first = 2 * key - 2 + lead;
			if (first > 0) {
				at = zb_scanset_next_nth(&scan, first - seen, &is_term);
				if (at < 0 || is_term) { /* the record ends before field `key` */
					ended = true;
					break;
				}
				start = (size_t)at;
			}
			at = zb_scanset_next_nth(&scan, 1, &is_term);
			end = at < 0 ? block.len : (size_t)at;
			ended = at < 0 || is_term;
			seen = first + 1;
			k = key;
			do
				answer(s, &q[i], start - rec_start, end - rec_start);
			while (++i < nq && q[i].key == key);
			if (ended)
				break;
		}
		if (!ended)
			at = zb_scanset_next_term(&scan);
		rec_end = at < 0 ? block.len : (size_t)at;
		rec = (zb_view){block.data + rec_start, rec_end - rec_start, block.owner};
		/* delimited: holding a blank, which a field after the first proves, and a
		 * first field that is not the whole record; else (rare) split again */
		if (k >= 2)
			delimited = true;
		else if (k == 1)
			delimited = start != rec_start || end != rec_end;
		else
			delimited = fields_delimited(&s->split, rec);
		if (!delimited) {
			if (!s->only_delimited) /* no blank: written whole, as cut does */
				put_whole(s, rec, out);
		} else if (single) {
			put_single(s, rec, out);
		} else {
			put_answers(s, rec, out);
		}
		rec_start = rec_end + 1;
	} while (rec_start < block.len);
}
