/*
 * find_units.c - characters (-c) and bytes (-b, with -n whole characters): the
 * queries about a record's units answered in one pass over it.  Characters are
 * found by utf8_find, 64 bytes a block, with the record's end (chars_block); far
 * ones by a utf8 walk; a byte that starts no valid UTF-8 character is one by
 * itself, and is stepped over, with what follows it, one character at a time.
 */
#include <stdint.h>
#include <string.h>

#include "emit.h"
#include "find_units.h"
#include "kernels/utf8.h"

/* Bytes stepped over one character at a time after an invalid byte, before the
 * walk is tried again: text full of invalid bytes would otherwise cost a 64-byte
 * check every few bytes. */
#define STEP_AFTER_INVALID 64

/* Characters, or bytes with -n, that are stepped over one at a time rather than
 * walked: a 64-byte check costs more. */
#define NEAR_CHARS 8
#define NEAR_BYTES 32

/* The length of the character at rec's byte `at` by -c's rule: a valid UTF-8
 * character, or else one byte, after which *stepped is moved on. */
static inline size_t char_len(zb_view rec, size_t at, size_t *stepped)
{
	size_t len = utf8_len(rec.data + at, rec.len - at);

	if (len > 0)
		return len;
	*stepped = at + 1 + STEP_AFTER_INVALID;
	return 1;
}

/* From rec's byte *at (before *stepped: only one character at a time), moves to
 * where n more characters by -c's rule end, or to the end; returns how many. */
static size_t pass_chars(zb_view rec, size_t *at, size_t n, size_t *stepped)
{
	size_t k = 0, pos = *at, until = *stepped; /* locals: no reloads in the loop */

	while (k < n && pos < rec.len) {
		if (pos >= until && n - k >= NEAR_CHARS) { /* the valid ones, walked */
			utf8_walk w;
			utf8_walk_start(&w, rec, pos);
			k += utf8_walk_skip(&w, n - k, rec.len);
			if ((pos = w.pos) == rec.len || k == n)
				break;
		}
		do /* one at a time, while invalid bytes keep `until` ahead or n is near */
			pos += char_len(rec, pos, &until);
		while (++k < n && pos < rec.len && (pos < until || n - k < NEAR_CHARS));
	}
	*at = pos;
	*stepped = until;
	return k;
}

/* The number of characters of rec by -c's rule; *invalid: some byte was invalid. */
static size_t count_chars(zb_view rec, bool *invalid)
{
	size_t at = 0, stepped = 0, n = pass_chars(rec, &at, SIZE_MAX, &stepped);

	*invalid = stepped != 0;
	return n;
}

/* The queries of the record at hand: the plan's, or this record's when the LIST
 * counts from NF. */
struct asked {
	const struct range *ranges;
	size_t nranges;
	const struct query *q;
	size_t nq;
};

/* The plan for a record of `units` units (and queries offset by `offset`). */
static struct asked asked_for(const struct plan *p, struct scratch *s, size_t units,
                              size_t offset)
{
	const struct list *l = &p->cfg->list;
	struct asked a = {p->ranges, p->nranges, p->queries, p->nqueries};

	if (l->relative) {
		s->nranges = list_plan(l, units, s->ranges, s->groups);
		s->nqueries = queries_make(s->ranges, s->nranges, offset, s->queries);
		a = (struct asked){s->ranges, s->nranges, s->queries, s->nqueries};
	}
	answers_clear(s->answers, a.nranges);
	return a;
}

/* Answers the queries about characters by number, by -c's rule: to the start of
 * each query's character, then over it.  Returns whether it met an invalid byte
 * (stepping from the start when step_first). */
static bool scan_chars(const struct asked *k, struct answer *answers, zb_view rec,
                       bool step_first)
{
	const struct query *q = k->q, *end = q + k->nq;
	size_t at = 0, n = 0, stepped = step_first ? STEP_AFTER_INVALID : 0, stepped0 = stepped;

	answers_clear(answers, k->nranges);
	while (q < end && at < rec.len) {
		size_t start;
		if (q->key > n + 1)
			n += pass_chars(rec, &at, q->key - 1 - n, &stepped);
		if ((start = at) == rec.len)
			break;
		at += char_len(rec, at, &stepped);
		for (n++; q < end && q->key == n; q++)
			answer(answers, q, start, at);
	}
	return stepped != stepped0;
}

/* Answers the queries of -b -n: the character holding byte `key` of each. */
static void scan_bytes(const struct asked *k, struct answer *answers, zb_view rec)
{
	const struct query *q = k->q, *end = q + k->nq;
	size_t at = 0, stepped = 0;

	while (q < end && at < rec.len) {
		size_t start = at;
		if (q->key >= at + NEAR_BYTES && at >= stepped) {
			/* the valid characters that end by byte key, walked */
			utf8_walk w;
			utf8_walk_start(&w, rec, at);
			utf8_walk_skip(&w, SIZE_MAX, q->key);
			if ((start = at = w.pos) == rec.len)
				break;
		}
		at += char_len(rec, at, &stepped);
		for (; q < end && q->key < at; q++)
			answer(answers, q, start, at);
	}
}

/*
 * Answers the queries about characters with utf8_find, FIND_CHUNK at a time, each
 * chunk from where the one before ended.  With term >= 0, rec is the first line of
 * `rest` and its length is found too.  Returns false when an invalid byte stops it
 * (-c's rule for it is scan_chars').
 */
static bool find_chars(const struct asked *k, struct answer *answers, zb_view rest, int term,
                       zb_view *rec)
{
	const struct query *q = k->q;
	size_t keys[FIND_CHUNK], done = 0, base = 0, passed = 0; /* characters before base */
	utf8_span spans[FIND_CHUNK];
	bool invalid = false;

	*rec = rest;
	answers_clear(answers, k->nranges);
	do {
		size_t n = k->nq - done < FIND_CHUNK ? k->nq - done : FIND_CHUNK, i, found;
		zb_view from = {rec->data + base, rec->len - base, rec->owner};
		/* with no queries n is 0, and find_line still finds the record's end */
		// cppcheck-suppress knownConditionTrueFalse
		for (i = 0; i < n; i++)
			keys[i] = q[done + i].key - passed;
		if (term >= 0 && done == 0)
			found = utf8_find_line(from, (unsigned char)term, keys, n, spans, &invalid,
			                       &rec->len);
		else
			found = utf8_find(from, keys, n, spans, &invalid);
		for (i = 0; i < found; i++)
			answer(answers, &q[done + i], base + spans[i].start, base + spans[i].end);
		// cppcheck-suppress knownConditionTrueFalse ; as above
		if (found < n)
			return !invalid;
		if ((done += n) == k->nq)
			break;
		passed = q[done - 1].key;
		base += spans[n - 1].end;
		for (; done < k->nq && q[done].key == passed; done++) /* asked again */
			answer(answers, &q[done], base - (spans[n - 1].end - spans[n - 1].start), base);
	} while (done < k->nq);
	return true;
}

/* The ranges the answers give into s->spans; returns how many. */
static size_t answered_spans(const struct asked *k, struct scratch *s, zb_view rec,
                             size_t rec_start)
{
	size_t i;

	for (i = 0; i < k->nranges; i++) {
		const struct answer *a = &s->answers[i];
		size_t end = a->has_last ? a->last_end : rec.len;
		s->spans[i] = a->has_first ? (struct span){rec_start + a->first_start, rec_start + end,
		                                           false}
		                           : (struct span){SPAN_NONE, 0, false};
	}
	return k->nranges;
}

/* -c finds the queries' characters in one pass when the record is valid UTF-8 as
 * far as they reach; invalid bytes, which have -c's rule, take the walk. */
size_t chars_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start)
{
	bool invalid = false; /* known to have an invalid byte: no use finding */
	size_t units = p->cfg->list.relative ? count_chars(rec, &invalid) : 0;
	struct asked k = asked_for(p, s, units, 0);

	if (invalid || !find_chars(&k, s->answers, rec, -1, &rec))
		scan_chars(&k, s->answers, rec, invalid);
	return answered_spans(&k, s, rec, rec_start);
}

size_t bytes_spans(const struct plan *p, struct scratch *s, zb_view rec, size_t rec_start)
{
	struct asked k = asked_for(p, s, rec.len, 1);
	size_t i;

	if (p->cfg->whole_chars)
		scan_bytes(&k, s->answers, rec);
	for (i = 0; i < k.nranges; i++) {
		const struct range *r = &k.ranges[i];
		const struct answer *a = &s->answers[i];
		size_t lo = r->lo - 1, hi = (r->hi < rec.len ? r->hi : rec.len) - 1;
		s->spans[i].start = SPAN_NONE;
		s->spans[i].multi = false;
		if (r->lo > rec.len)
			continue;
		if (p->cfg->whole_chars) {
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
		s->spans[i].start = rec_start + lo;
		s->spans[i].end = rec_start + hi + 1;
	}
	return k.nranges;
}

void chars_prepare(struct plan *p)
{
	struct few_plan *f = &p->few;
	size_t i;

	/* a LIST that names only the first few characters needs no 64-byte check */
	p->near = p->nqueries > 0 && p->queries[p->nqueries - 1].key < NEAR_CHARS;
	f->usable = !p->cfg->list.relative && p->nqueries <= FIND_CHUNK;
	if (!f->usable)
		return;
	for (i = 0; i < FIND_CHUNK; i++) /* a range without queries (none is) is skipped */
		f->lo_query[i] = f->hi_query[i] = SIZE_MAX;
	for (i = 0; i < p->nqueries; i++) {
		f->keys[i] = p->queries[i].key;
		(p->queries[i].last ? f->hi_query : f->lo_query)[p->queries[i].range] = i;
	}
}

/* The bytes of range i of rec from the spans of the few queries' characters (the
 * first `found` are there, the others past the end); start SPAN_NONE when its
 * first character is not in rec. */
static inline struct span few_span(const struct plan *p, size_t i, zb_view rec, size_t rec_start,
                                   const utf8_span *spans, size_t found)
{
	size_t lo = p->few.lo_query[i], hi = p->few.hi_query[i];
	struct span sp = {SPAN_NONE, 0, false};

	if (lo >= found)
		return sp;
	sp.start = rec_start + spans[lo].start;
	sp.end = rec_start + (hi < found ? spans[hi].end : rec.len); /* (SIZE_MAX: to the end) */
	return sp;
}

/* The ranges of rec from the few queries' characters to the emitter (a plan copied
 * as is through its direct writer, with the spans in registers). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void few_record(const struct plan *p, struct scratch *s, zb_view block, size_t at,
                       zb_view rec, const utf8_span *spans, size_t found, struct output *out)
{
	size_t i, n = p->nranges;
	struct direct w;

	if (p->copy_as_is && direct_begin(&w, p, out, block, direct_record_room(p, rec.len, n))) {
		direct_record(&w);
		for (i = 0; i < n; i++) {
			struct span sp = few_span(p, i, rec, at, spans, found);
			if (sp.start != SPAN_NONE)
				direct_span(&w, block.data, sp.start, sp.end);
		}
		direct_record_end(&w, p->cfg->term);
		direct_end(&w, out);
		return;
	}
	for (i = 0; i < n; i++)
		s->spans[i] = few_span(p, i, rec, at, spans, found);
	emit_record(p, s, out, block, at, at + rec.len, true, n);
}

/*
 * The record at `at` in block (up to the terminator), for chars_block: found and
 * written; returns its length.  *stepping: the last record had an invalid byte, or
 * the LIST is near (only the first few characters), so this one is stepped
 * through at first.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* the hot loop of chars_block */
#endif
static inline size_t chars_record(const struct plan *p, struct scratch *s, zb_view block, size_t at,
                           bool *stepping, struct output *out)
{
	zb_view rest = {block.data + at, block.len - at, block.owner}, rec = rest;
	utf8_span spans[FIND_CHUNK];
	struct asked k;
	size_t found, n;
	bool invalid;

	if (p->few.usable && !*stepping) { /* the common case first */
		found = utf8_find_line(rest, p->cfg->term, p->few.keys, p->nqueries, spans, &invalid,
		                       &rec.len);
		if (!invalid) {
			few_record(p, s, block, at, rec, spans, found, out);
			return rec.len;
		}
	}
	k = (struct asked){p->ranges, p->nranges, p->queries, p->nqueries};
	if (*stepping) {
		const unsigned char *end = memchr(rest.data, p->cfg->term, rest.len);
		rec.len = end ? (size_t)(end - rest.data) : rest.len;
		*stepping = scan_chars(&k, s->answers, rec, !p->near) || p->near;
	} else if (p->few.usable || !find_chars(&k, s->answers, rest, p->cfg->term, &rec)) {
		*stepping = scan_chars(&k, s->answers, rec, false); /* an invalid byte: -c's rule */
	}
	n = answered_spans(&k, s, rec, at);
	emit_record(p, s, out, block, at, at + rec.len, true, n);
	return rec.len;
}

void chars_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	bool stepping = p->near;
	size_t at = 0;

	do /* at least once: an empty block is one empty record */
		at += chars_record(p, s, block, at, &stepping, out) + 1;
	while (at < block.len);
}
