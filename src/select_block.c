/*
 * select_block.c - the fast path for a block of records with a one-byte delimiter
 * and a fixed plan: one scan finds delimiters and record ends together.  It goes
 * from one wanted field to the next counting the delimiters between in whole
 * 64-byte blocks, and skips to the record's end once the last wanted field is found.
 */
#include "select_int.h"

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
