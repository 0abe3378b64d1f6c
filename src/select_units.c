/*
 * select_units.c - characters (-c) and bytes (-b, with -n whole characters): the
 * queries about a record's units answered in one pass over it.
 */
#include <stdint.h>
#include <string.h>

#include "records.h"
#include "select_int.h"

/* Bytes stepped over one character at a time after an invalid byte, before the
 * walk is tried again: text full of invalid bytes would otherwise cost a 64-byte
 * check every few bytes. */
#define STEP_AFTER_INVALID 64

/*
 * A walk over a record by -c's rule: a byte that starts no valid UTF-8 character
 * is a character of its own.  The library's walk passes the valid stretches; the
 * bytes from an invalid one to `stepped` go one character at a time.
 */
struct chars_walk {
	zb_utf8_walk w; /* w.pos: where the walk is */
	zb_view rec;
	size_t stepped;  /* stepping one at a time until here */
	bool invalid;    /* an invalid byte was met */
};

static void chars_start(struct chars_walk *c, zb_view rec, bool step_first)
{
	zb_utf8_walk_start(&c->w, rec, 0);
	c->rec = rec;
	c->stepped = step_first ? STEP_AFTER_INVALID : 0;
	c->invalid = false;
}

/* Moves c over n characters, only over those that end by `limit`; returns how many. */
static size_t pass_chars(struct chars_walk *c, size_t n, size_t limit)
{
	const unsigned char *d = c->rec.data;
	size_t left = n, len = c->rec.len;

	while (left > 0) {
		size_t at = c->w.pos, l;
		if (at >= c->stepped) {
			left -= zb_utf8_walk_skip(&c->w, left, limit);
			/* stopped short: at the end, the limit, or an invalid byte */
			if ((at = c->w.pos) == len || left == 0 || zb_utf8_len(d + at, len - at) > 0)
				break;
		}
		for (; left > 0 && at < len && (at < c->stepped || at == c->w.pos); left--, at += l) {
			if ((l = zb_utf8_len(d + at, len - at)) == 0) {
				l = 1;
				c->stepped = at + 1 + STEP_AFTER_INVALID;
				c->invalid = true;
			}
			if (at + l > limit)
				break;
		}
		if (at == c->w.pos) /* the end or the limit */
			break;
		zb_utf8_walk_start(&c->w, c->rec, at);
	}
	return n - left;
}

static size_t count_chars(zb_view rec)
{
	struct chars_walk c;

	chars_start(&c, rec, false);
	return pass_chars(&c, SIZE_MAX, rec.len);
}

/* Answers the queries about characters by number, by -c's rule: the walk goes to
 * the start of each query's character, then over it.  Returns whether it met an
 * invalid byte. */
static bool scan_chars(struct selector *s, zb_view rec, bool step_first)
{
	const struct query *q = s->queries, *end = q + s->nqueries;
	size_t k = 0; /* characters passed: c.w.pos is where character k + 1 starts */
	struct chars_walk c;

	chars_start(&c, rec, step_first);
	clear_answers(s);
	while (q < end) {
		size_t start;
		if (q->key > k + 1)
			k += pass_chars(&c, q->key - 1 - k, rec.len);
		if ((start = c.w.pos) == rec.len)
			break;
		k += pass_chars(&c, 1, rec.len);
		for (; q < end && q->key == k; q++)
			answer(s, q, start, c.w.pos);
	}
	return c.invalid;
}

/* Answers the queries of -b -n: the character holding byte `key` of each. */
static void scan_bytes(struct selector *s, zb_view rec)
{
	const struct query *q = s->queries, *end = q + s->nqueries;
	struct chars_walk c;

	chars_start(&c, rec, false);
	while (q < end) {
		size_t start;
		/* past the characters that end at or before byte key */
		pass_chars(&c, SIZE_MAX, q->key);
		if ((start = c.w.pos) == rec.len)
			break;
		pass_chars(&c, 1, rec.len);
		for (; q < end && q->key < c.w.pos; q++)
			answer(s, q, start, c.w.pos);
	}
}

/* Queries given to one zb_utf8_find (on the stack). */
#define FIND_CHUNK 16

/*
 * Answers the queries about characters with zb_utf8_find, FIND_CHUNK at a time,
 * each chunk from where the one before ended.  With term >= 0, rec is the first
 * line of `rest` and its length is found too.  Returns false when an invalid byte
 * stops it (-c's rule for it is scan_chars').
 */
static bool find_chars(struct selector *s, zb_view rest, int term, zb_view *rec)
{
	const struct query *q = s->queries;
	size_t keys[FIND_CHUNK], done = 0, base = 0, passed = 0; /* characters before base */
	zb_utf8_span spans[FIND_CHUNK];
	bool invalid = false;

	*rec = rest;
	clear_answers(s);
	do {
		size_t n = s->nqueries - done < FIND_CHUNK ? s->nqueries - done : FIND_CHUNK, i, found;
		zb_view from = {rec->data + base, rec->len - base, rec->owner};
		for (i = 0; i < n; i++)
			keys[i] = q[done + i].key - passed;
		if (term >= 0 && done == 0)
			found = zb_utf8_find_line(from, (unsigned char)term, keys, n, spans, &invalid,
			                          &rec->len);
		else
			found = zb_utf8_find(from, keys, n, spans, &invalid);
		for (i = 0; i < found; i++)
			answer(s, &q[done + i], base + spans[i].start, base + spans[i].end);
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

/* -c finds the queries' characters in one pass when the record is valid UTF-8 as
 * far as they reach; invalid bytes, which have -c's rule, take the walk. */
void select_chars(struct selector *s, zb_view rec, struct output *out)
{
	if (s->list.relative)
		plan_record(s, count_chars(rec), 0);
	if (!find_chars(s, rec, -1, &rec))
		scan_chars(s, rec, false);
	put_chars(s, rec, out);
}

void select_chars_block(struct selector *s, zb_view block, struct output *out)
{
	struct block_walk walk;
	size_t at = 0;
	bool stepping = false; /* the last record had an invalid byte: so may this one */
	zb_view rec;

	if (s->list.relative) { /* a plan for each record */
		block_walk_start(&walk, block, s->term);
		while (block_walk_next(&walk, &rec))
			select_chars(s, rec, out);
		return;
	}
	do { /* at least once: an empty block is one empty record */
		zb_view rest = {block.data + at, block.len - at, block.owner};
		if (stepping) { /* straight to the walk, stepping at first */
			const unsigned char *end = memchr(rest.data, s->term, rest.len);
			rec = (zb_view){rest.data, end ? (size_t)(end - rest.data) : rest.len, rest.owner};
			stepping = scan_chars(s, rec, true);
		} else if (!find_chars(s, rest, s->term, &rec)) {
			stepping = scan_chars(s, rec, false);
		}
		put_chars(s, rec, out);
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
