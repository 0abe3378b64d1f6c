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

/* --label's field of the record at hand: the header's name, or its mark. */
static inline zb_view label_text(const struct config *c, const struct scratch *s)
{
	const char *text = s->header ? c->label : s->passed ? c->label_pass : c->label_fail;
	size_t len = s->header ? strlen(c->label) : s->passed ? c->label_pass_len
	                                                     : c->label_fail_len;

	return (zb_view){(const unsigned char *)text, len, NULL};
}

/* --label: the record as emit_record would write it, then the label's field (the
 * header's name, or the value for s->passed) before the terminator. */
void emit_labelled(const struct plan *p, const struct scratch *s, struct output *out,
                   zb_view block, size_t rec_start, size_t rec_end, bool delimited, size_t n);

/* Whether the ranges of a fixed plan are always copied as they are (see
 * spans_copy_as_is); plan_make keeps it in plan.copy_as_is. */
bool emit_copies_as_is(const struct plan *p);

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

/* The direct writer: a record's ranges copied as they are straight into the output
 * buffer, whose room is made once for the record (the ranges are disjoint: at
 * most the record, the delimiters, the terminator and copy_field's slack), or once
 * for a block whose records are all so written when the output delimiter is the
 * input's (a record's ranges and the delimiters between them are then at most the
 * record).  A kernel whose plan copies as is (plan.copy_as_is) writes a delimited
 * record through it with the spans in registers. */
struct direct {
	unsigned char *dst, *q; /* where the writing began, and where it is */
	unsigned char *rec;     /* where the record being written began */
	const unsigned char *delim, *src_end;
	size_t dlen;
};

/* Makes room for `need` bytes; false when the output buffer cannot hold them. */
static inline bool direct_begin(struct direct *w, const struct plan *p, struct output *out,
                                zb_view block, size_t need)
{
	w->delim = p->cfg->out_delim;
	w->dlen = p->cfg->out_delim_len;
	if (!output_room(out, need + COPY_SLACK))
		return false;
	w->dst = w->q = zb_buffer_space(out->buf);
	w->src_end = block.data + block.len;
	return true;
}

/* The room a record of rec_len bytes with n ranges may need. */
static inline size_t direct_record_room(const struct plan *p, size_t rec_len, size_t n)
{
	return rec_len + (n + 1) * p->cfg->out_delim_len + 1;
}

/* The room a block's records need when the output delimiter is the input's. */
static inline size_t direct_block_room(zb_view block)
{
	return block.len + 1;
}

static inline void direct_record(struct direct *w)
{
	w->rec = w->q;
}

/* The range at bytes [start, end) of the block at data, and a delimiter after it
 * (the last one's becomes the terminator). */
static inline void direct_span(struct direct *w, const unsigned char *data, size_t start,
                               size_t end)
{
	copy_field(w->q, data + start, end - start, w->src_end);
	w->q += end - start;
	if (w->dlen == 1)
		*w->q++ = w->delim[0];
	else if (w->dlen > 0) /* (-c and -b join ranges with none, and have no -O string) */
		w->q = (unsigned char *)memcpy(w->q, w->delim, w->dlen) + w->dlen;
}

/* Ends the record with the terminator, in place of the last range's delimiter. */
static inline void direct_record_end(struct direct *w, unsigned char term)
{
	if (w->q != w->rec) /* a range was written (with its delimiter, however empty) */
		w->q -= w->dlen;
	*w->q++ = term;
}

/* A record of one range: the range and the terminator. */
static inline void direct_one(struct direct *w, const unsigned char *data, size_t start,
                              size_t end, unsigned char term)
{
	copy_field(w->q, data + start, end - start, w->src_end);
	w->q += end - start;
	*w->q++ = term;
}

/* Adds what was written to the output. */
static inline void direct_end(struct direct *w, struct output *out)
{
	zb_buffer_commit(out->buf, (size_t)(w->q - w->dst));
}

/* The spans s->spans[0, n) written by the direct writer; false when the output
 * buffer cannot hold them. */
static inline bool emit_ranges_direct(const struct plan *p, const struct span *spans, size_t n,
                                      struct output *out, zb_view block, size_t rec_len)
{
	struct direct w;
	size_t i;

	if (!direct_begin(&w, p, out, block, direct_record_room(p, rec_len, n)))
		return false;
	direct_record(&w);
	for (i = 0; i < n; i++)
		if (spans[i].start != SPAN_NONE)
			direct_span(&w, block.data, spans[i].start, spans[i].end);
	direct_record_end(&w, p->cfg->term);
	direct_end(&w, out);
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
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* in every kernel's loop */
#endif
static inline void emit_record(const struct plan *p, struct scratch *s, struct output *out,
                               zb_view block, size_t rec_start, size_t rec_end, bool delimited,
                               size_t n)
{
	zb_view rec = {block.data + rec_start, rec_end - rec_start, block.owner};

	if (p->label) {
		emit_labelled(p, s, out, block, rec_start, rec_end, delimited, n);
		return;
	}
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

/* --csv: the record r's values, chosen by the LIST, written as CSV (or TSV). */
void emit_csv_record(const struct plan *p, struct scratch *s, struct output *out,
                     const struct csv_record *r);

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
