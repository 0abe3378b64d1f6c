/* csv_carry.c - -j with --csv: blocks cut at a guess, written in order (see csv_carry.h). */
#include <string.h>

#include "csv_carry.h"
#include "diag.h"
#include "planner.h"

void csv_carry_init(struct csv_carry *c)
{
	zb_collator_init(&c->carry);
	zb_collator_init(&c->spare);
	memset(&c->own, 0, sizeof c->own);
}

int csv_carry_plan(struct csv_carry *c, const struct plan *p)
{
	scratch_close(&c->own);
	return scratch_open(&c->own, p);
}

/* Keeps v (the start of a record) after what is carried. */
static void keep(zb_collator *into, zb_view v)
{
	if (zb_collator_append(into, v) != ZB_OK || zb_collator_own(into) != ZB_OK)
		die_errno(EXIT_INPUT, "cannot allocate memory");
}

void csv_carry_write(struct csv_carry *c, const struct plan *p, zb_view block, size_t used,
                     bool input_end, zb_view made, struct output *out)
{
	zb_view all, rest;

	if (zb_collator_len(&c->carry) == 0) { /* the block began where a record starts */
		output_pass(out, made);
		if (used < block.len) {
			(void)zb_view_slice(block, (ptrdiff_t)used, ZB_NONE, &rest);
			keep(&c->carry, rest);
		}
		return;
	}
	keep(&c->carry, block);
	if (zb_collator_collapse(&c->carry, &all) != ZB_OK)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	c->own.csv_open = !input_end;
	plan_run_block(p, &c->own, all, out);
	if (c->own.csv_open && c->own.csv_used < all.len) { /* the rest, kept by the spare */
		zb_collator held = c->carry;
		(void)zb_view_slice(all, (ptrdiff_t)c->own.csv_used, ZB_NONE, &rest);
		c->carry = c->spare;
		c->spare = held;
		keep(&c->carry, rest);
	}
}

void csv_carry_finish(struct csv_carry *c, const struct plan *p, struct output *out, bool whole)
{
	zb_view last;

	if (zb_collator_len(&c->carry) == 0)
		return;
	if (zb_collator_collapse(&c->carry, &last) != ZB_OK)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	if (!whole)
		return;
	c->own.csv_open = false;
	plan_run_block(p, &c->own, last, out);
	output_flush(out);
}

void csv_carry_free(struct csv_carry *c)
{
	scratch_close(&c->own);
	zb_collator_release(&c->carry);
	zb_collator_release(&c->spare);
}
