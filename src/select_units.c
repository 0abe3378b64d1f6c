/*
 * select_units.c - characters (-c) and bytes (-b, with -n whole characters): the
 * queries about a record's units answered in one pass over it.
 */
#include <stdint.h>

#include "select_int.h"
#include "utf8.h"

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

void select_chars(struct selector *s, zb_view rec, struct output *out)
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

void select_bytes(struct selector *s, zb_view rec, struct output *out)
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
