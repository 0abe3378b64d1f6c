/*
 * scratch.h - a thread's working memory for the records it works on: what a
 * kernel found in the record at hand, and the plan of a record when the LIST
 * counts from NF.  Its size is set by the plan, so memory does not grow with the
 * records.
 */
#ifndef SCRATCH_H
#define SCRATCH_H

#include "csv_value.h"
#include "filter.h"
#include "kernels/crlf.h"
#include "plan.h"
#include "span.h"

struct scratch {
	struct range *ranges;   /* this record's plan, when it counts from NF */
	size_t nranges;
	struct group *groups;   /* list_plan's working memory */
	struct query *queries;  /* this record's queries, when it counts from NF */
	size_t nqueries;
	struct answer *answers; /* per range: the first and last units found */
	struct span *spans;     /* per range: its bytes in this record, for the emitter */
	zb_view *values;        /* per predicate: its field in this record */
	size_t *want;           /* per predicate: the field it looks at in this record */
	size_t *order;          /* the predicates by field, in this record */
	size_t *pick_at;        /* KERNEL_PICK: where the delimiters asked for are */
	size_t *blank_first;    /* KERNEL_BLANKS: per wanted field, as in the plan, for
	                           this record */
	size_t *blank_start, *blank_end; /* ... and its bytes */
	struct filter_scratch fs; /* the predicates' working memory */
	struct splitter split;  /* the configuration's, with a regex of this thread's own */
	regex_t split_re;       /* -R, compiled for this thread (split.re points here) */
	bool has_split_re;
	const struct filter *filter; /* what fs was made for */
	size_t run_start, run_end; /* the emitter's run of kept records not yet written */
	bool header;            /* the record is a header: -s and predicates do not apply */
	bool passed;            /* --label: the predicates held for the record (with -v, not) */
	bool crlf;              /* the CRLF rule holds (plan_crlf) */
	bool lone_line;         /* KERNEL_WHOLE: the input is one line and its terminator,
	                           which delimits it though it has one field (GNU cut) */
	/* KERNEL_CSV: the record's field starts (in the block), the values decoded, how
	 * values are written, and the first malformed record met with --csv=strict */
	size_t *csv_starts;
	size_t csv_cap;         /* csv_starts' room */
	unsigned char *csv_arena; /* room for the record's decoded values */
	size_t csv_arena_cap;
	struct csv_writer csv_out;
	bool csv_open;          /* the block may end inside a record (records_next_open): */
	size_t csv_used;        /* its whole records' bytes, and the state after them */
	unsigned char csv_state;
	const char *csv_bad;    /* what is wrong with it, or NULL */
	size_t csv_bad_at;      /* where it starts in the block */
};

/* Room for n field starts, or for values decoded from n bytes; dies when out of
 * memory (the room grows to the longest record's, and stays). */
void scratch_csv_starts(struct scratch *s, size_t n);
void scratch_csv_arena(struct scratch *s, size_t n);

/* Allocates s for plan p; -1 when out of memory (s can then be closed). */
int scratch_open(struct scratch *s, const struct plan *p);

void scratch_close(struct scratch *s);

/* What a kernel found of predicate i's field: bytes [start, end) of block, in a
 * record ending at rec_end, or nothing (start SPAN_NONE), which the predicates see
 * as an empty field.  Every kernel's predicates see their fields through here, so
 * the CRLF rule is applied once for all. */
static inline void scratch_value(struct scratch *s, size_t i, zb_view block, size_t start,
                                 size_t end, size_t rec_end)
{
	if (start == SPAN_NONE) {
		s->values[i] = zb_view_empty();
		return;
	}
	if (s->crlf)
		end = crlf_value_end(block.data, start, end, rec_end);
	s->values[i] = (zb_view){block.data + start, end - start, block.owner};
}

/* Whether the predicates hold, once s->values holds each one's field. */
static inline bool scratch_passes(const struct plan *p, struct scratch *s)
{
	const struct config *c = p->cfg;

	return filter_decide(&c->filter, s->values, c->lstrip, c->rstrip, &s->fs);
}

#endif
