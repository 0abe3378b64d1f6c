/*
 * planner.c - making the plan: the ranges to write, made once when the LIST does
 * not count from NF, and the table that says which kernel serves which
 * configuration.  The first row whose test holds serves it; the last serves any.
 * A kernel finds the bytes its own way and writes through the emitter, so which
 * one serves never changes the output (tests/tool compares each with the last).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "find_blanks.h"
#include "find_csv.h"
#include "find_general.h"
#include "find_pick.h"
#include "find_regex.h"
#include "find_units.h"
#include "planner.h"

typedef void block_fn(const struct plan *p, struct scratch *s, zb_view block,
                      struct output *out);

static bool one_byte_delimiter(const struct config *c)
{
	return c->split.kind == SPLIT_DELIM && c->split.delim_len == 1;
}

/* Not a fast path but another way to read: each input is one record. */
static bool serves_whole(const struct plan *p)
{
	return p->cfg->one_record;
}

static bool serves_csv(const struct plan *p)
{
	return p->cfg->csv != CSV_OFF;
}

/* -f1 (a fixed plan of field 1 alone), without -s, strip or predicates: field 1 of a
 * record without a delimiter is the record, so cut's rule gives the same bytes. */
static bool serves_first_fields(const struct plan *p)
{
	const struct config *c = p->cfg;

	return c->mode == MODE_FIELDS && one_byte_delimiter(c) && !c->list.relative &&
	       p->nranges == 1 && p->ranges[0].lo == 1 && p->ranges[0].hi == 1 &&
	       !c->only_delimited && !p->strip && p->npreds == 0;
}

/* --str-eq N:S alone on a fixed field, without -s or strip: a record without
 * field N has it empty, as the predicates have it. */
static bool serves_keep_str_eq(const struct plan *p)
{
	const struct config *c = p->cfg;
	const struct predicate *pred = c->filter.preds;

	return c->mode == MODE_NONE && one_byte_delimiter(c) && p->npreds == 1 &&
	       pred->kind == P_STR_EQ && pred->field.n >= 1 && !pred->field.from_end &&
	       !c->only_delimited && !p->strip;
}

/* A one-byte delimiter, and fields and predicates that do not count from NF. */
static bool serves_pick(const struct plan *p)
{
	const struct config *c = p->cfg;

	return one_byte_delimiter(c) && !c->filter.relative &&
	       (c->mode == MODE_FIELDS ? !c->list.relative : c->mode == MODE_NONE && p->npreds > 0);
}

static bool serves_blanks(const struct plan *p)
{
	return blanks_can(p->cfg);
}

/* -c with a fixed plan and no predicates. */
static bool serves_chars(const struct plan *p)
{
	const struct config *c = p->cfg;

	return c->mode == MODE_CHARS && !c->list.relative && p->npreds == 0;
}

static bool serves_any(const struct plan *p)
{
	(void)p;
	return true;
}

static const struct {
	enum kernel kernel;
	bool (*serves)(const struct plan *p);
	block_fn *find;
} kernels[] = {
	{KERNEL_WHOLE, serves_whole, whole_block},
	{KERNEL_CSV, serves_csv, csv_block},
	{KERNEL_FIRST_FIELDS, serves_first_fields, first_fields_block},
	{KERNEL_KEEP_STR_EQ, serves_keep_str_eq, keep_str_eq_block},
	{KERNEL_KEEP_REGEX, regex_block_serves, regex_block},
	{KERNEL_PICK, serves_pick, pick_block},
	{KERNEL_BLANKS, serves_blanks, blanks_block},
	{KERNEL_CHARS, serves_chars, chars_block},
	{KERNEL_RECORDS, serves_any, general_block},
};

bool planner_general_only;

/* The ranges for records of `units` units, and their queries (offset: 1 for
 * bytes, whose keys are offsets); -1 when out of memory. */
static int make_ranges(struct plan *p, size_t units)
{
	const struct list *l = &p->cfg->list;
	struct group *work = malloc((l->count > 0 ? l->count : 1) * sizeof *work);

	free(p->ranges);
	free(p->queries);
	p->ranges = malloc(list_max_ranges(l) * sizeof *p->ranges);
	p->queries = malloc(2 * list_max_ranges(l) * sizeof *p->queries);
	if (work && p->ranges && p->queries) {
		p->nranges = p->cfg->mode == MODE_NONE ? 0 : list_plan(l, units, p->ranges, work);
		p->nqueries = queries_make(p->ranges, p->nranges, p->cfg->mode == MODE_BYTES, p->queries);
	}
	free(work);
	return work && p->ranges && p->queries ? 0 : -1;
}

/* The predicates' fields, and their order, when they do not count from NF. */
static int order_predicates(struct plan *p)
{
	const struct filter *f = &p->cfg->filter;
	size_t i, j;

	p->pred_want = malloc((f->count + 1) * sizeof *p->pred_want);
	p->pred_order = malloc((f->count + 1) * sizeof *p->pred_order);
	if (!p->pred_want || !p->pred_order)
		return -1;
	for (i = 0; i < f->count; i++) {
		size_t x = i;
		p->pred_want[i] = f->preds[i].field.n;
		for (j = i; j > 0 && p->pred_want[p->pred_order[j - 1]] > p->pred_want[x]; j--)
			p->pred_order[j] = p->pred_order[j - 1];
		p->pred_order[j] = x;
	}
	return 0;
}

int plan_make(struct plan *p, const struct config *c)
{
	size_t i;

	memset(p, 0, sizeof *p);
	p->cfg = c;
	p->npreds = c->filter.count;
	p->strip = c->lstrip || c->rstrip;
	p->out_is_delim = c->split.kind == SPLIT_DELIM && !p->strip &&
	                  c->out_delim_len == c->split.delim_len &&
	                  memcmp(c->out_delim, c->split.delim, c->split.delim_len) == 0;
	if (make_ranges(p, UNIT_MAX) != 0 || order_predicates(p) != 0)
		return -1;
	p->copy_as_is = emit_copies_as_is(p);
	p->label = c->label != NULL;
	i = 0;
	/* --label keeps every record, marked: only the general kernel and CSV's mark them */
	while (!kernels[i].serves(p) ||
	       ((planner_general_only || p->label) && kernels[i].serves != serves_any &&
	        kernels[i].serves != serves_csv && kernels[i].serves != serves_whole))
		i++; /* the last row serves any (but CSV and whole inputs) */
	p->kernel = kernels[i].kernel;
	switch (p->kernel) {
	case KERNEL_CSV:
		return csv_prepare(p);
	case KERNEL_BLANKS: /* a plan with fields from NF is made for FAR fields */
		if ((c->list.relative || c->filter.relative) && make_ranges(p, FAR) != 0)
			return -1;
		return blanks_prepare(p);
	case KERNEL_CHARS:
		chars_prepare(p);
		return 0;
	case KERNEL_RECORDS:
	case KERNEL_WHOLE:
		return tail_prepare(p);
	case KERNEL_KEEP_REGEX: /* nothing to prepare */
		return 0;
	default: /* the one-pass kernels fall back to the pick for a huge record */
		return pick_prepare(p);
	}
}

void plan_run_block(const struct plan *p, struct scratch *s, zb_view block, struct output *out)
{
	kernels[p->kernel].find(p, s, block, out);
}

void plan_free(struct plan *p)
{
	free(p->ranges);
	free(p->queries);
	free(p->pred_want);
	free(p->pred_order);
	free(p->pick.nth);
	free(p->pick.spans);
	free(p->blanks.first);
	free(p->tail.ranges);
	free(p->csv_fixed);
	memset(p, 0, sizeof *p);
}
