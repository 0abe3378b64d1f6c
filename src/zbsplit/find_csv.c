/*
 * find_csv.c - the kernel for --csv: where each record's fields start (from
 * kernels/csv's masks, 64 bytes at a time), the predicates' values, -s, and the
 * record to the emitter.  Blank lines are not records.
 */
#include <stdlib.h>
#include <string.h>

#include "csv_fields.h"
#include "diag.h"
#include "emit.h"
#include "find_csv.h"
#include "kernels/bits.h"
#include "kernels/csv.h"

/* Scanned this many bytes at a time, so the masks stay in L1. */
#define CHUNK ((size_t)64 * 32)

/* The field starts a plan keeps: as far as the fixed fields it reads (the rest are
 * walked with csv_fields), so memory never grows with the number of fields. */
static size_t csv_keep(const struct plan *p)
{
	const struct config *c = p->cfg;
	size_t i, most = 0;

	for (i = 0; p->csv_fixed && i < c->list.count; i++)
		most = c->list.items[i].hi.n > most ? c->list.items[i].hi.n : most;
	for (i = 0; i < p->npreds; i++)
		if (!c->filter.preds[i].field.from_end && c->filter.preds[i].field.n > most)
			most = c->filter.preds[i].field.n;
	return most + 1; /* and the start after the last, where it ends */
}

int csv_prepare(struct plan *p)
{
	const struct list *l = &p->cfg->list;
	size_t i;

	if (p->cfg->mode == MODE_FIELDS && !l->relative && !l->complement) {
		bool to_end = false;
		for (i = 0; i < l->count; i++)
			to_end |= l->items[i].hi.from_end; /* N-: the fields are not fixed */
		if (!to_end) {
			if ((p->csv_fixed = malloc(list_max_ranges(l) * sizeof *p->csv_fixed)) == NULL)
				return -1;
			(void)list_each(l, UNIT_MAX, p->csv_fixed);
			p->csv_singles = true;
			for (i = 0; i < l->count; i++)
				p->csv_singles &= l->items[i].single;
		}
	}
	p->csv_keep = csv_keep(p);
	p->csv_count_all = (p->cfg->mode == MODE_FIELDS && !p->csv_fixed) || p->cfg->filter.relative;
	return 0;
}

/* The field predicate `i` looks at in r: 0 for the record, SIZE_MAX for none. */
static size_t pred_field(const struct config *c, size_t i, const struct csv_record *r)
{
	const struct bound *b = &c->filter.preds[i].field;
	size_t k = !b->from_end ? b->n : b->n >= r->nf ? SIZE_MAX : r->nf - b->n;

	return k > r->nf && k != SIZE_MAX ? SIZE_MAX : k;
}

/* Field k of r (from 1, at most nf): from the kept starts, or walked to with f,
 * which is started when first needed (*walking). */
static zb_view field_raw(const struct plan *p, const struct csv_record *r, size_t k,
                         struct csv_fields *f, bool *walking)
{
	zb_view raw = zb_view_empty();

	if (k < p->csv_keep)
		return csv_raw(r, k);
	if (!*walking) {
		csv_fields_start(f, (zb_view){r->block.data + r->start, r->end - r->start, r->block.owner},
		                 p->cfg->split.delim[0]);
		*walking = true;
	}
	if (!csv_fields_seek(f, k) || !csv_fields_next(f, &raw))
		return zb_view_empty();
	return raw;
}

/* Whether r's predicates hold: each one's value, decoded into the arena when it
 * is quoted. */
static bool passes(const struct plan *p, struct scratch *s, const struct csv_record *r)
{
	const struct config *c = p->cfg;
	size_t i, room = 0, used = 0;
	bool walking = false;
	struct csv_fields f;

	for (i = 0; i < p->npreds; i++) { /* the fields as they are */
		size_t k = pred_field(c, i, r);
		if (k == 0 || k == SIZE_MAX) {
			s->values[i] = k == 0 ? (zb_view){r->block.data + r->start, r->end - r->start,
			                                  r->block.owner}
			                      : zb_view_empty();
			continue;
		}
		s->values[i] = field_raw(p, r, k, &f, &walking);
		if (s->values[i].len > 0 && s->values[i].data[0] == '"')
			room += s->values[i].len;
	}
	if (room > 0) {
		scratch_csv_arena(s, room);
		for (i = 0; i < p->npreds; i++) {
			zb_view raw = s->values[i];
			if (pred_field(c, i, r) == 0 || raw.len == 0 || raw.data[0] != '"')
				continue;
			s->values[i] = csv_value(raw, s->csv_arena + used);
			used += raw.len;
		}
	}
	return scratch_passes(p, s);
}

/* With --csv=strict: what is wrong with r's first malformed field, or NULL.  (A
 * record kernels/csv found well formed has none.) */
static const char *malformed(const struct plan *p, const struct csv_record *r)
{
	zb_view rec = {r->block.data + r->start, r->end - r->start, r->block.owner}, raw;
	const char *why = NULL;
	struct csv_fields f;

	if (r->plain || r->well_formed)
		return NULL;
	csv_fields_start(&f, rec, p->cfg->split.delim[0]);
	while (!why && csv_fields_next(&f, &raw))
		why = csv_malformed(raw);
	return why;
}

/* The record r (its fields found): -s, the predicates, then the emitter.  False
 * when it is malformed (--csv=strict). */
static bool record(const struct plan *p, struct scratch *s, struct output *out,
                   struct csv_record *r)
{
	const struct config *c = p->cfg;

	r->starts = s->csv_starts;
	/* (a well-formed record is read the fast way whether it has quotes or not) */
	r->plain = !r->well_formed &&
	           memchr(r->block.data + r->start, '"', r->end - r->start) == NULL;
	if (c->csv == CSV_STRICT && (s->csv_bad = malformed(p, r)) != NULL) {
		s->csv_bad_at = r->start;
		return false;
	}
	if (s->header) {
		emit_csv_record(p, s, out, r);
		return true;
	}
	if (c->only_delimited && r->nf == 1)
		return true;
	if (p->npreds > 0 && !(s->passed = passes(p, s, r)) && !p->label)
		return true; /* (--label marks the record instead) */
	emit_csv_record(p, s, out, r);
	return true;
}

/* The fields that end at the bits of `fields` (delimiters of one record, in the
 * 64 bytes from `base`): r->nf counts them, and the starts of the next ones are
 * kept, as far as `keep`. */
static inline void delims_end(struct scratch *s, struct csv_record *r, size_t keep,
                              bool count_all, uint64_t fields, size_t base)
{
	size_t nf = r->nf, need = keep < nf + 64 ? keep : nf + 64;
	size_t *starts;

	if (need > s->csv_cap)
		scratch_csv_starts(s, need);
	starts = s->csv_starts;
	for (; fields != 0 && nf < keep; fields &= fields - 1)
		starts[nf++] = base + ctz64(fields) + 1;
	/* past keep, the count is needed only when something counts from NF */
	r->nf = nf + (fields == 0 ? 0 : count_all ? popcount64(fields) : 1);
}

/* A record ends at `at` (a CR, an LF, or the block's end): worked on unless it is
 * a blank line; the next starts after it.  `slow_end`: where the last block not
 * known to be well formed up to `at` ends.  False as record's. */
static inline bool record_end(const struct plan *p, struct scratch *s, struct output *out,
                              struct csv_record *r, size_t at, size_t slow_end)
{
	bool ok = true;

	r->end = at;
	r->well_formed = slow_end <= r->start;
	if (at > r->start || r->nf > 1)
		ok = record(p, s, out, r);
	r->start = at + 1;
	r->nf = 1;
	s->csv_starts[0] = at + 1;
	return ok;
}

/* The field and record ends of the 64 bytes from `base` (seps, ends); false as
 * record's. */
static inline bool walk(const struct plan *p, struct scratch *s, struct output *out,
                        struct csv_record *r, uint64_t seps, uint64_t ends, size_t base,
                        size_t slow_end)
{
	uint64_t delims = seps & ~ends;

	for (; ends != 0; ends &= ends - 1) {
		unsigned bit = ctz64(ends);
		uint64_t before = (ends & -ends) - 1;
		if ((delims & before) != 0)
			delims_end(s, r, p->csv_keep, p->csv_count_all, delims & before, base);
		if (!record_end(p, s, out, r, base + bit, slow_end))
			return false;
		delims &= ~before;
	}
	if (delims != 0)
		delims_end(s, r, p->csv_keep, p->csv_count_all, delims, base);
	return true;
}

void csv_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	uint64_t seps[CHUNK / 64] = {0}, ends[CHUNK / 64] = {0}, slow;
	struct csv_record r = {block, 0, 0, 1, NULL, false, false};
	size_t at, slow_end = 0; /* (of the chunks before) */
	struct csv_scan scan;

	csv_scan_init(&scan, p->cfg->split.delim[0]);
	scratch_csv_starts(s, 1);
	s->csv_starts[0] = 0;
	s->csv_bad = NULL;
	for (at = 0; at < block.len; at += CHUNK) {
		size_t len = block.len - at < CHUNK ? block.len - at : CHUNK, b;
		slow = csv_scan(&scan, block.data + at, len, seps, ends);
		for (b = 0; b < (len + 63) / 64; b++) {
			if (slow >> b & 1)
				slow_end = at + 64 * (b + 1);
			if (!walk(p, s, out, &r, seps[b], ends[b], at + 64 * b, slow_end))
				return;
		}
	}
	if (s->csv_open) { /* the rest is the start of a record read on later */
		s->csv_used = r.start < block.len ? r.start : block.len;
		s->csv_state = scan.state;
	} else if (r.start < block.len || r.nf > 1) { /* the input's last, without its end:
	                                                 its quote may be open */
		(void)record_end(p, s, out, &r, block.len, SIZE_MAX);
	}
}

size_t csv_values_visit(unsigned char delim, zb_view rec, bool (*visit)(zb_view v, void *ctx),
                        void *ctx)
{
	struct csv_scan scan;
	size_t i, from = 0, k = 1;
	unsigned char *dst = malloc(rec.len + 1);

	if (dst == NULL)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	csv_scan_init(&scan, delim);
	for (i = 0; i <= rec.len; i++) {
		if (i < rec.len && csv_step(&scan, rec.data[i]) == 0)
			continue;
		if (visit(csv_value((zb_view){rec.data + from, i - from, NULL}, dst), ctx)) {
			free(dst);
			return k;
		}
		from = i + 1;
		k++;
	}
	free(dst);
	return 0;
}
