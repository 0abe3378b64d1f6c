/*
 * select_units.c - characters (-c) and bytes (-b, with -n whole characters): the
 * queries about a record's units answered in one pass over it.  Characters are
 * found by utf8_find, 64 bytes a block, with the record's end (select_chars_block);
 * far ones by utf8_walk; a byte that starts no valid UTF-8 character is one by
 * itself, and is stepped over, with what follows it, one character at a time.
 */
#include <stdint.h>
#include <string.h>

#include "kernels/utf8.h"
#include "records.h"
#include "select_int.h"

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

/* Answers the queries about characters by number, by -c's rule: to the start of
 * each query's character, then over it.  Returns whether it met an invalid byte
 * (stepping from the start when step_first). */
static bool scan_chars(struct selector *s, zb_view rec, bool step_first)
{
	const struct query *q = s->queries, *end = q + s->nqueries;
	size_t at = 0, k = 0, stepped = step_first ? STEP_AFTER_INVALID : 0, stepped0 = stepped;

	clear_answers(s);
	while (q < end && at < rec.len) {
		size_t start;
		if (q->key > k + 1)
			k += pass_chars(rec, &at, q->key - 1 - k, &stepped);
		if ((start = at) == rec.len)
			break;
		at += char_len(rec, at, &stepped);
		for (k++; q < end && q->key == k; q++)
			answer(s, q, start, at);
	}
	return stepped != stepped0;
}

/* Answers the queries of -b -n: the character holding byte `key` of each. */
static void scan_bytes(struct selector *s, zb_view rec)
{
	const struct query *q = s->queries, *end = q + s->nqueries;
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
			answer(s, q, start, at);
	}
}

/* Queries given to one utf8_find (on the stack). */
#define FIND_CHUNK 16

/*
 * Answers the queries about characters with utf8_find, FIND_CHUNK at a time,
 * each chunk from where the one before ended.  With term >= 0, rec is the first
 * line of `rest` and its length is found too.  Returns false when an invalid byte
 * stops it (-c's rule for it is scan_chars').
 */
static bool find_chars(struct selector *s, zb_view rest, int term, zb_view *rec)
{
	const struct query *q = s->queries;
	size_t keys[FIND_CHUNK], done = 0, base = 0, passed = 0; /* characters before base */
	utf8_span spans[FIND_CHUNK];
	bool invalid = false;

	*rec = rest;
	clear_answers(s);
	do {
		size_t n = s->nqueries - done < FIND_CHUNK ? s->nqueries - done : FIND_CHUNK, i, found;
		zb_view from = {rec->data + base, rec->len - base, rec->owner};
		/* cppcheck takes nqueries for 0 here; with no queries n is 0 and find_line
		 * still finds the record's end */
		// cppcheck-suppress knownConditionTrueFalse
		for (i = 0; i < n; i++)
			keys[i] = q[done + i].key - passed;
		if (term >= 0 && done == 0)
			found = utf8_find_line(from, (unsigned char)term, keys, n, spans, &invalid,
			                          &rec->len);
		else
			found = utf8_find(from, keys, n, spans, &invalid);
		for (i = 0; i < found; i++)
			answer(s, &q[done + i], base + spans[i].start, base + spans[i].end);
		// cppcheck-suppress knownConditionTrueFalse ; as above
		if (found < n)
			return !invalid;
		if ((done += n) == s->nqueries)
			break;
		passed = q[done - 1].key;
		base += spans[n - 1].end;
		for (; done < s->nqueries && q[done].key == passed; done++) /* asked again */
			answer(s, &q[done], base - (spans[n - 1].end - spans[n - 1].start), base);
	} while (done < s->nqueries);
	return true;
}

/* Writes the ranges of rec that the answers give, then the terminator. */
static void put_chars(struct selector *s, zb_view rec, struct output *out)
{
	bool first = true;
	size_t i;

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

/* For a fixed plan of at most FIND_CHUNK queries, made once for a block: the
 * characters asked of utf8_find_line, and where each range's answers are. */
struct few {
	size_t keys[FIND_CHUNK];     /* the queries' characters, in order */
	size_t lo_query[FIND_CHUNK]; /* by range: the query for its first character */
	size_t hi_query[FIND_CHUNK]; /* ... and for its last, unless it runs to the end */
};

static bool prepare_few(const struct selector *s, struct few *f)
{
	size_t i;

	if (s->list.relative || s->nqueries > FIND_CHUNK)
		return false;
	for (i = 0; i < FIND_CHUNK; i++) /* a range without queries (none is) is skipped */
		f->lo_query[i] = f->hi_query[i] = SIZE_MAX;
	for (i = 0; i < s->nqueries; i++) {
		f->keys[i] = s->queries[i].key;
		(s->queries[i].last ? f->hi_query : f->lo_query)[s->queries[i].range] = i;
	}
	return true;
}

/* The bytes [*start, *end) of range i of rec, from the spans of the queries'
 * characters (the first `found` are there, the others past the end); false when
 * its first character is not in rec. */
static inline bool range_bytes(const struct selector *s, const struct few *f, zb_view rec,
                               const utf8_span *spans, size_t found, size_t i,
                               size_t *start, size_t *end)
{
	size_t lo = f->lo_query[i];

	if (lo >= found)
		return false;
	*start = spans[lo].start;
	*end = s->list.plan[i].hi != UNIT_MAX && f->hi_query[i] < found
	               ? spans[f->hi_query[i]].end
	               : rec.len;
	return true;
}

/* Writes the ranges of rec from the spans of the queries' characters, straight
 * from utf8_find_line. */
static void put_spans(struct selector *s, const struct few *f, zb_view rec,
                      const utf8_span *spans, size_t found, struct output *out)
{
	bool first = true;
	size_t i, start, end;

	/* Without strip, the ranges (disjoint: at most the record), their delimiters and
	 * the terminator are copied straight into the output: its room is made once. */
	if (!s->lstrip && !s->rstrip &&
	    output_room(out, rec.len + s->list.nplan * s->out_delim_len + 1 + COPY_SLACK)) {
		unsigned char *dst = zb_buffer_space(out->buf), *p = dst;
		for (i = 0; i < s->list.nplan; i++) {
			if (!range_bytes(s, f, rec, spans, found, i, &start, &end))
				continue;
			if (!first && s->out_delim_len > 0) { /* -c without -O: none (and NULL) */
				memcpy(p, s->out_delim, s->out_delim_len);
				p += s->out_delim_len;
			}
			first = false;
			copy_field(p, rec.data + start, end - start, rec.data + rec.len);
			p += end - start;
		}
		*p++ = s->term;
		zb_buffer_commit(out->buf, (size_t)(p - dst));
		return;
	}
	for (i = 0; i < s->list.nplan; i++) {
		if (!range_bytes(s, f, rec, spans, found, i, &start, &end))
			continue;
		put_delim(s, out, &first);
		output_view(out, select_strip(s, (zb_view){rec.data + start, end - start, rec.owner}));
	}
	output_put(out, &s->term, 1);
}

/* -c finds the queries' characters in one pass when the record is valid UTF-8 as
 * far as they reach; invalid bytes, which have -c's rule, take the walk. */
void select_chars(struct selector *s, zb_view rec, struct output *out)
{
	bool invalid = false; /* known to have an invalid byte: no use finding */

	if (s->list.relative)
		plan_record(s, count_chars(rec, &invalid), 0);
	if (invalid || !find_chars(s, rec, -1, &rec))
		scan_chars(s, rec, invalid);
	put_chars(s, rec, out);
}

/*
 * The record at the start of rest (up to the terminator), for select_chars_block;
 * returns its length.  f: few queries, written from the spans.  *stepping: the
 * last record had an invalid byte, or the LIST is near (only the first few
 * characters), so this one is stepped through at first.
 */
static size_t chars_record(struct selector *s, zb_view rest, const struct few *f, bool near,
                           bool *stepping, struct output *out)
{
	utf8_span spans[FIND_CHUNK];
	zb_view rec = rest;
	size_t found;
	bool invalid;

	if (*stepping) {
		const unsigned char *end = memchr(rest.data, s->term, rest.len);
		rec.len = end ? (size_t)(end - rest.data) : rest.len;
		*stepping = scan_chars(s, rec, !near) || near;
	} else if (f) {
		found = utf8_find_line(rest, s->term, f->keys, s->nqueries, spans, &invalid,
		                          &rec.len);
		if (!invalid) {
			put_spans(s, f, rec, spans, found, out);
			return rec.len;
		}
		*stepping = scan_chars(s, rec, false);
	} else if (!find_chars(s, rest, s->term, &rec)) {
		*stepping = scan_chars(s, rec, false);
	}
	put_chars(s, rec, out);
	return rec.len;
}

void select_chars_block(struct selector *s, zb_view block, struct output *out)
{
	struct block_walk walk;
	struct few f;
	size_t at = 0;
	bool few, near, stepping;
	zb_view rec;

	if (s->list.relative) { /* a plan for each record */
		block_walk_start(&walk, block, s->term);
		while (block_walk_next(&walk, &rec))
			select_chars(s, rec, out);
		return;
	}
	/* a LIST that names only the first few characters needs no 64-byte check */
	stepping = near = s->nqueries > 0 && s->queries[s->nqueries - 1].key < NEAR_CHARS;
	few = prepare_few(s, &f);
	do /* at least once: an empty block is one empty record */
		at += chars_record(s, (zb_view){block.data + at, block.len - at, block.owner},
		                   few ? &f : NULL, near, &stepping, out) + 1;
	while (at < block.len);
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
