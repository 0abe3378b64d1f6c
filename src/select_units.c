/*
 * select_units.c - characters (-c) and bytes (-b, with -n whole characters): the
 * queries about a record's units answered in one pass over it.
 */
#include <stdint.h>

#include "records.h"
#include "select_int.h"

/* Characters stepped one by one after an invalid byte before a new walk is started:
 * text full of them would otherwise cost a 64-byte check a byte. */
#define STEP_AFTER_INVALID 16

/*
 * The rest of pass_chars, after the walk stopped short: at the end, before a
 * character that crosses the limit, or at a byte that starts no valid character.
 * Such a byte is one character; since they tend to come together, the bytes after
 * it are stepped over one by one for a while before the walk starts again.
 */
static size_t pass_invalid(zb_utf8_walk *w, zb_view rec, size_t left, size_t limit)
{
	size_t n = left;

	while (left > 0) {
		size_t at = w->pos, stop = at + STEP_AFTER_INVALID, len;
		while (left > 0 && at < stop && at < rec.len) {
			if ((len = zb_utf8_len(rec.data + at, rec.len - at)) == 0) {
				len = 1;
				stop = at + 1 + STEP_AFTER_INVALID;
			}
			if (at + len > limit)
				break;
			at += len;
			left--;
		}
		if (at == w->pos) /* the end or the limit */
			break;
		zb_utf8_walk_start(w, rec, at);
		left -= zb_utf8_walk_skip(w, left, limit);
	}
	return n - left;
}

/* Moves w over n characters of rec by -c's rule (a byte that starts no valid UTF-8
 * character is one), only over those that end by `limit`; returns how many. */
static inline size_t pass_chars(zb_utf8_walk *w, zb_view rec, size_t n, size_t limit)
{
	size_t done = zb_utf8_walk_skip(w, n, limit);

	return done == n ? n : done + pass_invalid(w, rec, n - done, limit);
}

static size_t count_chars(zb_view rec)
{
	zb_utf8_walk w;

	zb_utf8_walk_start(&w, rec, 0);
	return pass_chars(&w, rec, SIZE_MAX, rec.len);
}

/* Answers the queries about characters by number, by -c's rule: the walk goes to
 * the start of each query's character, then over it. */
static void scan_chars(struct selector *s, zb_view rec)
{
	const struct query *q = s->queries, *end = q + s->nqueries;
	size_t k = 0; /* characters passed: w.pos is where character k + 1 starts */
	zb_utf8_walk w;

	zb_utf8_walk_start(&w, rec, 0);
	while (q < end) {
		size_t start;
		if (q->key > k + 1)
			k += pass_chars(&w, rec, q->key - 1 - k, rec.len);
		if ((start = w.pos) == rec.len)
			break;
		k += pass_chars(&w, rec, 1, rec.len);
		for (; q < end && q->key == k; q++)
			answer(s, q, start, w.pos);
	}
}

/* Answers the queries of -b -n: the character holding byte `key` of each. */
static void scan_bytes(struct selector *s, zb_view rec)
{
	const struct query *q = s->queries, *end = q + s->nqueries;
	zb_utf8_walk w;

	zb_utf8_walk_start(&w, rec, 0);
	while (q < end) {
		size_t start;
		/* past the characters that end at or before byte key */
		pass_chars(&w, rec, SIZE_MAX, q->key);
		if ((start = w.pos) == rec.len)
			break;
		pass_chars(&w, rec, 1, rec.len);
		for (; q < end && q->key < w.pos; q++)
			answer(s, q, start, w.pos);
	}
}

/* Queries that zb_utf8_find answers at once (on the stack); more take the walk. */
#define FIND_MAX 32

/* What zb_utf8_find is asked for a plan's queries, and where the answers go. */
struct finding {
	size_t keys[FIND_MAX];     /* the queries' characters, in order */
	size_t lo_query[FIND_MAX]; /* by range: the query for its first character */
	size_t hi_query[FIND_MAX]; /* ... and for its last, unless it runs to the end */
};

/* Sets f up for s's queries; false when there are too many. */
static bool prepare_finding(const struct selector *s, struct finding *f)
{
	size_t i;

	if (s->nqueries > FIND_MAX)
		return false;
	for (i = 0; i < s->nqueries; i++) {
		f->keys[i] = s->queries[i].key;
		(s->queries[i].last ? f->hi_query : f->lo_query)[s->queries[i].range] = i;
	}
	return true;
}

/* Writes the ranges of rec from the spans of its queries' characters, of which
 * the first `found` are there (the others are past its end). */
static void put_spans(struct selector *s, const struct finding *f, zb_view rec,
                      const zb_utf8_span *spans, size_t found, struct output *out)
{
	bool first = true;
	size_t i;

	for (i = 0; i < s->list.nplan; i++) {
		size_t lo = f->lo_query[i], start, end = rec.len;
		if (lo >= found)
			continue;
		if (s->list.plan[i].hi != UNIT_MAX && f->hi_query[i] < found)
			end = spans[f->hi_query[i]].end;
		start = spans[lo].start;
		put_delim(s, out, &first);
		output_view(out, select_strip(s, (zb_view){rec.data + start, end - start, rec.owner}));
	}
	output_put(out, &s->term, 1);
}

/* select_chars by the walk, which takes -c's rule for invalid bytes. */
static void put_walked(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

	clear_answers(s);
	scan_chars(s, rec);
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

/* -c finds the queries' characters in one pass when the record is valid UTF-8 as
 * far as they reach; invalid bytes, which have -c's rule, take the walk. */
void select_chars(struct selector *s, zb_view rec, struct output *out)
{
	zb_utf8_span spans[FIND_MAX];
	struct finding f;
	size_t found = 0;
	bool invalid = true;

	if (s->list.relative)
		plan_record(s, count_chars(rec), 0);
	if (prepare_finding(s, &f))
		found = zb_utf8_find(rec, f.keys, s->nqueries, spans, &invalid);
	if (invalid)
		put_walked(s, rec, out);
	else
		put_spans(s, &f, rec, spans, found, out);
}

void select_chars_block(struct selector *s, zb_view block, struct output *out)
{
	zb_utf8_span spans[FIND_MAX];
	struct finding f;
	struct block_walk walk;
	size_t at = 0;
	zb_view rec;

	if (s->list.relative || !prepare_finding(s, &f)) { /* no plan for all the records */
		block_walk_start(&walk, block, s->term);
		while (block_walk_next(&walk, &rec))
			select_chars(s, rec, out);
		return;
	}
	do { /* at least once: an empty block is one empty record */
		bool invalid;
		size_t found = zb_utf8_find_line((zb_view){block.data + at, block.len - at, block.owner},
		                                 s->term, f.keys, s->nqueries, spans, &invalid, &rec.len);
		rec.data = block.data + at;
		rec.owner = block.owner;
		if (invalid)
			put_walked(s, rec, out);
		else
			put_spans(s, &f, rec, spans, found, out);
		at += rec.len + 1;
	} while (at < block.len);
}

void select_bytes(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

	plan_record(s, rec.len, 1);
	if (s->whole_chars)
		scan_bytes(s, rec);
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
