/*
 * emit_csv.c - the emitter's CSV writer: a record's values, chosen by the LIST
 * item by item, each decoded, stripped and written by csv_value's rules.  Columns
 * stay aligned: a single field is a value on every record (empty when missing), a
 * range the fields it finds, and items are never merged.
 */
#include <stdint.h>
#include <string.h>

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
 * NF (csv_singles): put_well_formed without the ranges.  False as its. */
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

/* A well-formed record written whole (no LIST): its bytes, less the quotes of the
 * fields whose values do not need them.  False as put_well_formed's. */
static bool put_whole_well_formed(const struct plan *p, struct output *out,
                                  const struct csv_record *r)
{
	const unsigned char *data = r->block.data, delim = p->cfg->out_delim[0];
	size_t k, from = r->start;
	unsigned char *q, *dst;

	if (!output_room(out, r->end - r->start + 3))
		return false;
	q = dst = zb_buffer_space(out->buf);
	for (k = 1; k <= r->nf; k++) {
		size_t start = r->starts[k - 1], end = k < r->nf ? r->starts[k] - 1 : r->end;
		if (data[start] != '"' || needs_quotes(data + start + 1, end - start - 2, delim))
			continue;
		memcpy(q, data + from, start - from);
		q += start - from;
		memcpy(q, data + start + 1, end - start - 2);
		q += end - start - 2;
		from = end;
	}
	memcpy(q, data + from, r->end - from);
	q += r->end - from;
	if (q == dst) { /* one empty value: a blank line would not read back */
		*q++ = '"';
		*q++ = '"';
	}
	*q++ = '\n';
	zb_buffer_commit(out->buf, (size_t)(q - dst));
	return true;
}

/* A well-formed record's values written straight into the output buffer: a field's
 * bytes, or a quoted field's, whose quotes only the value's bytes may need, without
 * them.  False when the buffer cannot hold the record (the slow way then). */
static bool put_well_formed(const struct plan *p, struct scratch *s, struct output *out,
                            const struct csv_record *r, size_t n)
{
	const unsigned char delim = p->cfg->out_delim[0], *end = r->block.data + r->block.len;
	size_t i, k, room = 3, written = 0;
	unsigned char *q, *dst;
	bool empty = false;

	for (i = 0; i < n; i++) { /* each range's bytes and a delimiter */
		const struct range *g = &s->ranges[i];
		if (g->lo == 0 || g->lo > g->hi)
			room += 1;
		else
			room += (g->hi < r->nf ? r->starts[g->hi] - 1 : r->end) - r->starts[g->lo - 1] + 1;
	}
	if (!output_room(out, room + COPY_SLACK))
		return false;
	q = dst = zb_buffer_space(out->buf);
	for (i = 0; i < n; i++)
		for (k = s->ranges[i].lo; k <= s->ranges[i].hi; k++) {
			zb_view v = k == 0 ? zb_view_empty() : csv_raw(r, k);
			if (written++ > 0)
				*q++ = delim;
			if (v.len > 0 && v.data[0] == '"' && !needs_quotes(v.data + 1, v.len - 2, delim)) {
				v.data++;
				v.len -= 2;
			}
			if (v.len > 0) { /* (an empty value's bytes are not the block's) */
				copy_field(q, v.data, v.len, end);
				q += v.len;
			}
			empty = v.len == 0;
			if (k == 0)
				break;
		}
	if (written == 1 && empty) {
		*q++ = '"';
		*q++ = '"';
	}
	*q++ = '\n';
	zb_buffer_commit(out->buf, (size_t)(q - dst));
	return true;
}

/* Field k's value (k is 0 for an empty one), stripped, written; whether it is
 * empty. */
static bool put_field(const struct plan *p, struct scratch *s, struct output *out,
                      const struct csv_record *r, size_t k, bool as_bytes)
{
	const struct config *c = p->cfg;
	zb_view v;

	if (k == 0)
		return true;
	v = csv_raw(r, k);
	if (as_bytes) {
		output_view(out, v);
		return v.len == 0;
	}
	scratch_csv_arena(s, v.len);
	v = csv_value(v, s->csv_arena);
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

	if (p->cfg->mode == MODE_NONE) {
		s->ranges[0] = (struct range){1, r->nf};
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
	bool as_bytes = r->plain && bytes_are_values(p);
	size_t n, i, k, written = 0;
	bool empty = false;

	if (as_bytes && c->mode == MODE_NONE) { /* the record as it is */
		output_put(out, r->block.data + r->start, r->end - r->start);
		output_put(out, (const unsigned char *)"\n", 1);
		return;
	}
	if ((r->well_formed || r->plain) && bytes_are_values(p) &&
	    (c->mode == MODE_NONE ? put_whole_well_formed(p, out, r)
	     : p->csv_singles     ? put_singles(p, out, r)
	                          : put_well_formed(p, s, out, r, choose(p, s, r))))
		return;
	n = choose(p, s, r);
	for (i = 0; i < n; i++)
		for (k = s->ranges[i].lo; k <= s->ranges[i].hi; k++) {
			if (written++ > 0)
				output_put(out, c->out_delim, 1);
			empty = put_field(p, s, out, r, k, as_bytes);
			if (k == 0)
				break; /* one empty value */
		}
	/* a record of one empty value would read back as a blank line */
	if (written == 1 && empty && !c->tsv_out)
		output_put(out, (const unsigned char *)"\"\"", 2);
	output_put(out, (const unsigned char *)"\n", 1);
}
