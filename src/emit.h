/*
 * emit.h - the one writer of records: cut's rules applied once, to the spans the
 * kernels found.  A record without a delimiter is written whole (stripped), or
 * dropped with -s; ranges are joined by the output delimiter, each field
 * stripped, a range of several fields split again when the output delimiter
 * differs from the input's; records kept by predicates alone are written whole;
 * every record ends with the terminator.
 */
#ifndef EMIT_H
#define EMIT_H

#include "output.h"
#include "plan.h"
#include "scratch.h"
#include "span.h"

/* The slow paths: strip, fields joined anew, a record larger than the output's
 * room, an unterminated record kept whole. */
void emit_ranges_slow(const struct plan *p, const struct scratch *s, struct output *out,
                      zb_view rec, size_t rec_start, size_t n);
void emit_undelimited(const struct plan *p, struct output *out, zb_view rec);
void emit_run_flush(struct scratch *s, struct output *out, zb_view block);
void emit_whole_last(struct scratch *s, struct output *out, zb_view block, size_t rec_start,
                     unsigned char term);

/* Whether the spans can be copied as they are: nothing is stripped, and no range
 * of several fields needs its delimiters replaced. */
static inline bool spans_copy_as_is(const struct plan *p, const struct span *spans, size_t n)
{
	size_t i;

	if (p->strip)
		return false;
	if (!p->out_is_delim)
		for (i = 0; i < n; i++)
			if (spans[i].multi && spans[i].start != SPAN_NONE)
				return false;
	return true;
}

/* Ranges copied straight into the output buffer, whose room is made once for the
 * record (the ranges are disjoint: at most the record, the delimiters, the
 * terminator and copy_field's slack); false when the buffer cannot hold that. */
static inline bool emit_ranges_direct(const struct plan *p, const struct span *spans, size_t n,
                                      struct output *out, zb_view block, size_t rec_len)
{
	const unsigned char *delim = p->cfg->out_delim, *end = block.data + block.len;
	size_t dlen = p->cfg->out_delim_len, i;
	unsigned char *dst, *q;
	bool first = true;

	if (!output_room(out, rec_len + n * dlen + 1 + COPY_SLACK))
		return false;
	dst = q = zb_buffer_space(out->buf);
	for (i = 0; i < n; i++) {
		size_t start = spans[i].start, len = spans[i].end - start;
		if (start == SPAN_NONE)
			continue;
		if (!first) { /* (not q != dst: the ranges before may be empty) */
			if (dlen == 1)
				*q++ = delim[0];
			else if (dlen > 0)
				q = (unsigned char *)memcpy(q, delim, dlen) + dlen;
		}
		first = false;
		copy_field(q, block.data + start, len, end);
		q += len;
	}
	*q++ = p->cfg->term;
	zb_buffer_commit(out->buf, (size_t)(q - dst));
	return true;
}

/* A record kept whole (predicates alone): adjacent ones are written as one span
 * when the run is flushed (emit_run_flush, at the latest at the block's end). */
static inline void emit_whole(struct scratch *s, struct output *out, zb_view block,
                              size_t rec_start, size_t rec_end, unsigned char term)
{
	if (rec_end == block.len) { /* its terminator is not in the block */
		emit_whole_last(s, out, block, rec_start, term);
		return;
	}
	if (s->run_end != rec_start) {
		emit_run_flush(s, out, block);
		s->run_start = rec_start;
	}
	s->run_end = rec_end + 1;
}

/*
 * The record [rec_start, rec_end) of block, whose ranges' spans are s->spans[0, n):
 * written by cut's rules.  `delimited`: the record holds a delimiter.
 */
static inline void emit_record(const struct plan *p, struct scratch *s, struct output *out,
                               zb_view block, size_t rec_start, size_t rec_end, bool delimited,
                               size_t n)
{
	zb_view rec = {block.data + rec_start, rec_end - rec_start, block.owner};

	if (!delimited && p->cfg->only_delimited && !s->header)
		return; /* -s */
	if (p->cfg->mode == MODE_NONE)
		emit_whole(s, out, block, rec_start, rec_end, p->cfg->term);
	else if (!delimited)
		emit_undelimited(p, out, rec);
	else if (!spans_copy_as_is(p, s->spans, n) ||
	         !emit_ranges_direct(p, s->spans, n, out, block, rec.len))
		emit_ranges_slow(p, s, out, rec, rec_start, n);
}

/* Before a block's first record, and after its last. */
static inline void emit_block_start(struct scratch *s)
{
	s->run_start = s->run_end = 0;
}

static inline void emit_block_end(struct scratch *s, struct output *out, zb_view block)
{
	emit_run_flush(s, out, block);
}

#endif
