/*
 * find_regex.c - --regex 0:ERE alone, as grep runs it: the ERE's literals are
 * searched across the whole block (the library's find), and only the record around
 * a hit is given to regex_matches, the rule every kernel uses; the records between
 * hits hold no literal, so they do not match, and are dropped, or written whole in
 * one span when non-matches are kept (--not-regex, -v).
 */
#include "emit.h"
#include "find_regex.h"
#include "regex_match.h"

bool regex_block_serves(const struct plan *p)
{
	const struct config *c = p->cfg;
	const struct predicate *pred = c->filter.preds;
	struct regex_literals lits;

	if (c->mode != MODE_NONE || p->npreds != 1 || c->only_delimited || p->strip ||
	    (pred->kind != P_REGEX && pred->kind != P_NOT_REGEX) || pred->field.n != 0 ||
	    pred->field.from_end)
		return false;
	regex_literals_make(&lits, pred->pattern, pred->cflags);
	return lits.n > 0;
}

/* The value field 0 has for the record [start, end) of block: the record, less a
 * CRLF's CR when the CRLF rule holds (scratch_value's rule). */
static zb_view record_value(const struct scratch *s, zb_view block, size_t start, size_t end)
{
	if (s->crlf)
		end = crlf_value_end(block.data, start, end, end);
	return (zb_view){block.data + start, end - start, block.owner};
}

/* The records in [from, to) of block, all kept: `to` is a record's start, or the
 * block's end (whose last record may lack its terminator). */
static void keep_all(struct scratch *s, struct output *out, zb_view block, size_t from,
                     size_t to, unsigned char term)
{
	ptrdiff_t last;

	if (from >= to)
		return;
	if (to < block.len || block.data[to - 1] == term) {
		emit_whole(s, out, block, from, to - 1, term);
		return;
	}
	last = zb_view_rfind(block, &term, 1, (ptrdiff_t)from, (ptrdiff_t)to);
	if (last >= 0) { /* the records before the unterminated one */
		emit_whole(s, out, block, from, (size_t)last, term);
		from = (size_t)last + 1;
	}
	emit_whole(s, out, block, from, to, term);
}

void regex_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	const struct config *c = p->cfg;
	struct regex *r = &s->fs.re[0];
	bool keep_non_matches = (c->filter.preds[0].kind == P_NOT_REGEX) != c->filter.invert;
	unsigned char term = c->term;
	struct regex_hits hits;
	size_t from = 0; /* the first record not decided yet */

	emit_block_start(s);
	regex_hits_start(&hits);
	if (block.len == 0 && regex_matches(r, block) != keep_non_matches)
		emit_whole(s, out, block, 0, 0, term); /* an empty block is one empty record */
	while (from < block.len) {
		size_t hit = regex_hits_next(&hits, &r->lits, block, from), start, end;
		ptrdiff_t t;
		if (hit == block.len) {
			if (keep_non_matches)
				keep_all(s, out, block, from, block.len, term);
			break;
		}
		t = zb_view_rfind(block, &term, 1, (ptrdiff_t)from, (ptrdiff_t)hit);
		start = t < 0 ? from : (size_t)t + 1;
		t = zb_view_find_byte(block, term, hit);
		end = t < 0 ? block.len : (size_t)t;
		if (keep_non_matches)
			keep_all(s, out, block, from, start, term);
		if (regex_matches(r, record_value(s, block, start, end)) != keep_non_matches)
			emit_whole(s, out, block, start, end, term);
		from = end + 1;
	}
	emit_block_end(s, out, block);
}
