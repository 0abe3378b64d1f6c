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

/* Whether the record is delimited (holds a blank), from its first field
 * [start, end) -- for trimmed records, found or not (then `end` is the record's). */
static bool has_blank(zb_view block, size_t rec_start, size_t start, size_t end, bool found,
                      bool ended, bool words, unsigned char term)
{
	if (!words)
		return !ended; /* field 1 was ended by a blank, not by the record's end */
	if (!found)
		return end > rec_start; /* blanks only (an empty record has none) */
	return start > rec_start || (end < block.len && block.data[end] != term);
}

void select_blanks(struct selector *s, zb_view block, struct output *out)
{
	const struct query *q = s->queries;
	size_t nq = s->nqueries, rec_start = 0;
	bool words = s->split.kind == SPLIT_BLANKS_TRIMMED;
	size_t lead = words; /* field k begins at edge 2k - 2 + lead (0: the record's start) */
	zb_scanset scan;

	(void)zb_scanset_start(&scan, block, blanks, sizeof blanks - 1, s->term, words);
	do { /* at least once: an empty block is one empty record */
		size_t i = 0, k = 1, seen = 0, start = rec_start, end, rec_end;
		bool ended = false, found, delimited = false, is_term;
		ptrdiff_t at;

		clear_answers(s);
		for (;;) { /* field k, then on to the next wanted one */
			size_t first = 2 * k - 2 + lead;
			found = true;
			if (first > 0) {
				at = zb_scanset_next_nth(&scan, first - seen, &is_term);
				if (at < 0 || is_term) { /* the record ends before field k */
					end = at < 0 ? block.len : (size_t)at;
					ended = true;
					found = false;
				} else {
					start = (size_t)at;
				}
			}
			if (found) {
				at = zb_scanset_next_nth(&scan, 1, &is_term);
				end = at < 0 ? block.len : (size_t)at;
				ended = at < 0 || is_term;
				seen = first + 1;
				for (; i < nq && q[i].key == k; i++)
					answer(s, &q[i], start - rec_start, end - rec_start);
			}
			if (k == 1)
				delimited = has_blank(block, rec_start, start, end, found, ended, words, s->term);
			if (i == nq || ended)
				break;
			k = q[i].key;
		}
		if (ended) {
			rec_end = end;
		} else {
			at = zb_scanset_next_term(&scan);
			rec_end = at < 0 ? block.len : (size_t)at;
		}
		{
			zb_view rec = {block.data + rec_start, rec_end - rec_start, block.owner};
			if (delimited)
				put_answers(s, rec, out);
			else if (!s->only_delimited) /* no blank: written whole, as cut does */
				put_whole(s, rec, out);
		}
		rec_start = rec_end + 1;
	} while (rec_start < block.len);
}
