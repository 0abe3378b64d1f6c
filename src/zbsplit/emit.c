/* emit.c - the one writer of records: its slow paths (see emit.h). */
#include "emit.h"
#include "fields.h"

static zb_view stripped(const struct config *c, zb_view v)
{
	return c->lstrip || c->rstrip ? zb_view_strip_sets(v, c->lstrip, c->rstrip) : v;
}

/* The fields of rec[start, end), which begin and end at field boundaries, each
 * stripped and joined by the output delimiter. */
static void put_fields(const struct config *c, const struct splitter *sp, struct output *out,
                       zb_view rec, size_t start, size_t end)
{
	struct field_iter it;
	zb_view f;
	bool more;

	fields_start(sp, rec, start, end, false, &it);
	for (more = fields_next(&it, &f); more;) {
		output_view(out, stripped(c, f));
		if ((more = fields_next(&it, &f)))
			output_put(out, c->out_delim, c->out_delim_len);
	}
}

bool emit_copies_as_is(const struct plan *p)
{
	size_t i;

	if (p->strip)
		return false;
	if (p->cfg->mode != MODE_FIELDS) /* a range of units is one span */
		return true;
	for (i = 0; i < p->nranges && !p->out_is_delim; i++)
		if (p->ranges[i].lo != p->ranges[i].hi)
			return false;
	return true;
}

/* The ranges s->spans[0, n) of rec (at rec_start in the block), joined. */
static void put_ranges(const struct plan *p, const struct scratch *s, struct output *out,
                       zb_view rec, size_t rec_start, size_t n)
{
	const struct config *c = p->cfg;
	bool first = true;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct span *sp = &s->spans[i];
		size_t start = sp->start - rec_start, end = sp->end - rec_start;
		if (sp->start == SPAN_NONE)
			continue;
		if (!first)
			output_put(out, c->out_delim, c->out_delim_len);
		first = false;
		if (sp->multi && !p->out_is_delim)
			put_fields(c, &s->split, out, rec, start, end);
		else
			output_view(out, stripped(c, (zb_view){rec.data + start, end - start, rec.owner}));
	}
}

void emit_ranges_slow(const struct plan *p, const struct scratch *s, struct output *out,
                      zb_view rec, size_t rec_start, size_t n)
{
	put_ranges(p, s, out, rec, rec_start, n);
	output_put(out, &p->cfg->term, 1);
}

/* --label's field: the delimiter, then the header's name or the record's mark. */
static void put_label(const struct config *c, const struct scratch *s, struct output *out)
{
	output_put(out, c->label_delim, c->label_delim_len);
	output_view(out, label_text(c, s));
}

void emit_labelled(const struct plan *p, const struct scratch *s, struct output *out,
                   zb_view block, size_t rec_start, size_t rec_end, bool delimited, size_t n)
{
	const struct config *c = p->cfg;
	zb_view rec = {block.data + rec_start, rec_end - rec_start, block.owner};
	size_t end;

	if (!delimited && c->only_delimited && !s->header)
		return; /* -s */
	if (c->mode != MODE_NONE && delimited) {
		put_ranges(p, s, out, rec, rec_start, n);
		put_label(c, s, out);
	} else { /* the record whole; a CRLF one keeps its CR last, after the label */
		if (c->mode != MODE_NONE)
			rec = stripped(c, rec);
		end = s->crlf ? crlf_value_end(rec.data, 0, rec.len, rec.len) : rec.len;
		output_put(out, rec.data, end);
		put_label(c, s, out);
		output_put(out, rec.data + end, rec.len - end);
	}
	output_put(out, &c->term, 1);
}

/* cut's rule: a record without a delimiter is written whole (stripped); trimmed
 * (-w=trimmed, -F), without the blanks at its ends, which are not part of it. */
void emit_undelimited(const struct plan *p, struct output *out, zb_view rec)
{
	if (p->cfg->split.kind == SPLIT_BLANKS_TRIMMED)
		rec = zb_view_strip_sets(rec, &fields_blanks, &fields_blanks);
	output_view(out, stripped(p->cfg, rec));
	output_put(out, &p->cfg->term, 1);
}

void emit_run_flush(struct scratch *s, struct output *out, zb_view block)
{
	if (s->run_end > s->run_start)
		output_put(out, block.data + s->run_start, s->run_end - s->run_start);
	s->run_start = s->run_end = 0;
}

/* A kept record at the block's end, without its terminator: the run before it and
 * the record go out, then the terminator. */
void emit_whole_last(struct scratch *s, struct output *out, zb_view block, size_t rec_start,
                     unsigned char term)
{
	if (s->run_end != rec_start) {
		emit_run_flush(s, out, block);
		s->run_start = rec_start;
	}
	s->run_end = block.len;
	emit_run_flush(s, out, block);
	output_put(out, &term, 1);
}
