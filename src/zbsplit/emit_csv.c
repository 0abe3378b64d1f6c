/*
 * emit_csv.c - the emitter's CSV writer: a record's values, chosen by the LIST
 * item by item, each decoded, stripped and written by csv_value's rules.  Columns
 * stay aligned: a single field is a value on every record (empty when missing), a
 * range the fields it finds, and items are never merged.
 */
#include <stdint.h>
#include <string.h>

#include "csv_fields.h"
#include "emit.h"

/* Whether a plain record's fields can be written as their bytes: the output
 * delimiter is the input's, nothing is stripped, and the output is CSV. */
static bool bytes_are_values(const struct plan *p)
{
	const struct config *c = p->cfg;

	return !p->strip && !c->tsv_out && c->out_delim[0] == c->split.delim[0];
}

/* Bit 7 of each byte of x set where that byte is b (and perhaps above such a byte:
 * enough to tell whether any is). */
static inline uint64_t bytes_equal(uint64_t x, unsigned char b)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t y = x ^ (ones * b);

	return (y - ones) & ~y & highs;
}

/* Whether a quoted field's value, whose quotes are all doubled (n bytes at v),
 * needs its quotes: it holds the delimiter, a quote, CR or LF.  Eight bytes at a
 * time: the values are short, and this is asked of every quoted one. */
static inline bool needs_quotes(const unsigned char *v, size_t n, unsigned char delim)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, v + i, 8);
		if ((bytes_equal(x, delim) | bytes_equal(x, '"') | bytes_equal(x, '\r') |
		     bytes_equal(x, '\n')) != 0)
			return true;
	}
	for (; i < n; i++)
		if (v[i] == delim || v[i] == '"' || v[i] == '\r' || v[i] == '\n')
			return true;
	return false;
}

/* A well-formed record's values for a LIST of single fields that do not count from
 * NF (csv_singles), from the kept field starts; false when the output buffer
 * cannot hold them. */
static bool put_singles(const struct plan *p, struct output *out, const struct csv_record *r)
{
	const unsigned char delim = p->cfg->out_delim[0], *end = r->block.data + r->block.len;
	size_t i, n = p->cfg->list.count;
	unsigned char *q, *dst;
	zb_view v = zb_view_empty();

	if (!output_room(out, (r->end - r->start + 1) * n + 3 + COPY_SLACK))
		return false;
	q = dst = zb_buffer_space(out->buf);
	for (i = 0; i < n; i++) {
		size_t k = p->csv_fixed[i].lo;
		v = k <= r->nf ? csv_raw(r, k) : zb_view_empty();
		if (v.len > 0 && v.data[0] == '"' && !needs_quotes(v.data + 1, v.len - 2, delim)) {
			v.data++;
			v.len -= 2;
		}
		if (v.len > 0) { /* (an empty value's bytes are not the block's) */
			copy_field(q, v.data, v.len, end);
			q += v.len;
		}
		*q++ = delim;
	}
	q--; /* the last delimiter */
	if (n == 1 && v.len == 0) {
		*q++ = '"';
		*q++ = '"';
	}
	*q++ = '\n';
	zb_buffer_commit(out->buf, (size_t)(q - dst));
	return true;
}

/* The closing quote of the quoted field whose opening quote is at `open` in a
 * well-formed record ending at `end` (*doubled: a doubled quote is in it), or NULL. */
static const unsigned char *closing_quote(const unsigned char *open, const unsigned char *end,
                                          bool *doubled)
{
	const unsigned char *q = open;

	*doubled = false;
	while ((q = memchr(q + 1, '"', (size_t)(end - q - 1))) != NULL && q + 1 < end && q[1] == '"') {
		*doubled = true;
		q++;
	}
	return q;
}

/* A well-formed record written whole (no LIST): its bytes, less the quotes of the
 * fields whose values do not need them (every quote in it opens or closes a field,
 * so each one found outside a field opens the next).  False when the output buffer
 * cannot hold it. */
static bool put_whole_well_formed(const struct plan *p, struct output *out,
                                  const struct csv_record *r)
{
	const unsigned char *data = r->block.data, *end = data + r->end, *from = data + r->start;
	const unsigned char *open = from, *close, delim = p->cfg->out_delim[0];
	unsigned char *q, *dst;
	bool doubled;

	if (!output_room(out, r->end - r->start + 3))
		return false;
	q = dst = zb_buffer_space(out->buf);
	while ((open = memchr(open, '"', (size_t)(end - open))) != NULL) {
		if ((close = closing_quote(open, end, &doubled)) == NULL)
			return false; /* (not well formed after all: written the slow way) */
		if (!doubled && !needs_quotes(open + 1, (size_t)(close - open - 1), delim)) {
			memcpy(q, from, (size_t)(open - from));
			q += open - from;
			memcpy(q, open + 1, (size_t)(close - open - 1));
			q += close - open - 1;
			from = close + 1;
		}
		open = close + 1;
	}
	memcpy(q, from, (size_t)(end - from));
	q += end - from;
	if (q == dst) { /* one empty value: a blank line would not read back */
		*q++ = '"';
		*q++ = '"';
	}
	*q++ = '\n';
	zb_buffer_commit(out->buf, (size_t)(q - dst));
	return true;
}

/* The value of the field whose bytes are raw, written; whether it is empty.
 * `as_bytes`: the record is well formed and its fields need no other change than
 * quotes taken off where the value does not need them. */
static bool put_value(const struct plan *p, struct scratch *s, struct output *out, zb_view raw,
                      bool as_bytes)
{
	const struct config *c = p->cfg;
	zb_view v = raw;

	if (as_bytes) {
		if (raw.len > 0 && raw.data[0] == '"' &&
		    !needs_quotes(raw.data + 1, raw.len - 2, c->out_delim[0]))
			v = (zb_view){raw.data + 1, raw.len - 2, raw.owner};
		output_view(out, v);
		return v.len == 0;
	}
	scratch_csv_arena(s, raw.len);
	v = csv_value(raw, s->csv_arena);
	if (p->strip)
		v = zb_view_strip_sets(v, c->lstrip, c->rstrip);
	csv_put(&s->csv_out, out, v);
	return v.len == 0;
}

/* The fields to write, as ranges of field numbers ({0, 0}: an empty value). */
static size_t choose(const struct plan *p, struct scratch *s, const struct csv_record *r)
{
	const struct list *l = &p->cfg->list;
	size_t i;

	if (p->cfg->mode == MODE_NONE) { /* (nf may not be counted: the walk ends) */
		s->ranges[0] = (struct range){1, SIZE_MAX};
		return 1;
	}
	if (p->csv_fixed) { /* the plan's items, clipped to this record */
		for (i = 0; i < l->count; i++) {
			struct range g = p->csv_fixed[i];
			if (l->items[i].single)
				s->ranges[i] = g.lo <= r->nf ? g : (struct range){0, 0};
			else
				s->ranges[i] = (struct range){g.lo, g.hi < r->nf ? g.hi : r->nf};
		}
		return l->count;
	}
	return l->complement ? list_plan(l, r->nf, s->ranges, s->groups)
	                     : list_each(l, r->nf, s->ranges);
}

void emit_csv_record(const struct plan *p, struct scratch *s, struct output *out,
                     const struct csv_record *r)
{
	const struct config *c = p->cfg;
	bool as_bytes = (r->well_formed || r->plain) && bytes_are_values(p), empty = false;
	bool whole = as_bytes && !p->label; /* (--label adds a value: not the record as is) */
	zb_view rec = {r->block.data + r->start, r->end - r->start, r->block.owner}, raw;
	size_t n, i, k, written = 0;
	struct csv_fields f;

	if (whole && c->mode == MODE_NONE && r->plain) { /* the record as it is */
		output_view(out, rec);
		output_put(out, (const unsigned char *)"\n", 1);
		return;
	}
	if (whole && (c->mode == MODE_NONE ? put_whole_well_formed(p, out, r)
	                 : p->csv_singles    && put_singles(p, out, r)))
		return;
	n = choose(p, s, r);
	csv_fields_start(&f, rec, c->split.delim[0]);
	for (i = 0; i < n; i++) {
		const struct range *g = &s->ranges[i];
		if (g->lo > g->hi || (g->lo > 0 && !csv_fields_seek(&f, g->lo)))
			continue; /* nothing of it is there */
		for (k = g->lo; k <= g->hi; k++) {
			bool have = k > 0 && csv_fields_next(&f, &raw);
			if (k > 0 && !have)
				break; /* the record's last field was written */
			if (written++ > 0)
				output_put(out, c->out_delim, 1);
			empty = !have || put_value(p, s, out, raw, as_bytes);
			if (k == 0)
				break; /* one empty value */
		}
	}
	/* a record of one empty value would read back as a blank line */
	if (written == 1 && empty && !c->tsv_out && !p->label)
		output_put(out, (const unsigned char *)"\"\"", 2);
	if (p->label) {
		output_put(out, c->out_delim, 1);
		csv_put(&s->csv_out, out, label_text(c, s));
	}
	output_put(out, (const unsigned char *)"\n", 1);
}
