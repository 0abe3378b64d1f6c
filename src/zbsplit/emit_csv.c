/*
 * emit_csv.c - the emitter's CSV writer: a record's values, chosen by the LIST
 * item by item, each decoded, stripped and written by csv_value's rules.  Columns
 * stay aligned: a single field is a value on every record (empty when missing), a
 * range the fields it finds, and items are never merged.
 */
#include "emit.h"

/* Whether a plain record's fields can be written as their bytes: the output
 * delimiter is the input's, nothing is stripped, and the output is CSV. */
static bool bytes_are_values(const struct plan *p)
{
	const struct config *c = p->cfg;

	return !p->strip && !c->tsv_out && c->out_delim[0] == c->split.delim[0];
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

	if (p->cfg->mode == MODE_NONE) {
		s->ranges[0] = (struct range){1, r->nf};
		return 1;
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
