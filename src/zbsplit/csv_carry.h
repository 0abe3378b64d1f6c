/*
 * csv_carry.h - -j with --csv: blocks cut at a guess, written in order.
 *
 * Where a CSV record ends is known only by scanning from the input's start, so
 * the blocks handed to the threads end at their last line end (a pipe's) or begin
 * after their first (a file's parts), a guess that holds unless that byte is
 * quoted.  Each block is worked on as open (it may end inside a record), and its
 * output is the records' only when it began where a record starts: when the block
 * before was taken whole by its records.  Otherwise the writer works on the start
 * of the record it carried and the block again itself.
 */
#ifndef CSV_CARRY_H
#define CSV_CARRY_H

#include "output.h"
#include "plan.h"
#include "scratch.h"

struct csv_carry {
	zb_collator carry, spare; /* the start of a record not yet taken; a spare */
	struct scratch own;       /* the writer's, for the blocks it works on again */
};

void csv_carry_init(struct csv_carry *c);

/* Makes the writer's scratch for plan p; -1 when out of memory. */
int csv_carry_plan(struct csv_carry *c, const struct plan *p);

/*
 * Writes a block's records, in the input's order: `made` (what a thread's kernel
 * wrote for it, the first `used` bytes of block taken as whole records) when
 * nothing is carried; else the carried bytes and the block worked on again.  What
 * is left is carried on.  `input_end`: the block ends the input.  Dies when out of
 * memory.
 */
void csv_carry_write(struct csv_carry *c, const struct plan *p, zb_view block, size_t used,
                     bool input_end, zb_view made, struct output *out);

/* After the input's last block: what is still carried is its last record (its
 * quote open to the end), written when the input was read to its end (`whole`),
 * dropped after a read error. */
void csv_carry_finish(struct csv_carry *c, const struct plan *p, struct output *out, bool whole);

void csv_carry_free(struct csv_carry *c);

#endif
