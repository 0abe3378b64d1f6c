/* scratch.c - a thread's working memory, sized by the plan (see scratch.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "scratch.h"

/* n elements of `size` bytes, at least one (so that a plan with none still gets a
 * valid pointer); NULL when out of memory. */
static void *alloc_n(size_t n, size_t size)
{
	return calloc(n > 0 ? n : 1, size);
}

int scratch_open(struct scratch *s, const struct plan *p)
{
	const struct list *l = &p->cfg->list;
	size_t ranges = list_max_ranges(l), spans = ranges, wanted = p->blanks.nwanted;

	memset(s, 0, sizeof *s);
	if (p->blanks.nplan > spans)
		spans = p->blanks.nplan;
	s->ranges = alloc_n(ranges, sizeof *s->ranges);
	s->groups = alloc_n(l->count, sizeof *s->groups);
	s->queries = alloc_n(2 * ranges, sizeof *s->queries);
	s->answers = alloc_n(ranges, sizeof *s->answers);
	s->spans = alloc_n(spans, sizeof *s->spans);
	s->values = alloc_n(p->npreds, sizeof *s->values);
	s->want = alloc_n(p->npreds, sizeof *s->want);
	s->order = alloc_n(p->npreds, sizeof *s->order);
	s->pick_at = alloc_n(p->pick.n, sizeof *s->pick_at);
	s->blank_first = alloc_n(wanted, sizeof *s->blank_first);
	s->blank_start = alloc_n(wanted, sizeof *s->blank_start);
	s->blank_end = alloc_n(wanted, sizeof *s->blank_end);
	if (!s->ranges || !s->groups || !s->queries || !s->answers || !s->spans || !s->values ||
	    !s->want || !s->order || !s->pick_at || !s->blank_first || !s->blank_start ||
	    !s->blank_end)
		return -1;
	if (wanted > 0) /* the fixed fields; those from NF are made per record */
		memcpy(s->blank_first, p->blanks.first, wanted * sizeof *s->blank_first);
	s->crlf = plan_crlf(p->cfg);
	s->filter = &p->cfg->filter;
	if (filter_scratch_open(&s->fs, s->filter) != 0)
		return -1;
	if (p->cfg->csv)
		csv_writer_init(&s->csv_out, p->cfg->out_delim[0], p->cfg->tsv_out);
	s->split = p->cfg->split;
	if (s->split.kind == SPLIT_REGEX) { /* (it compiled once already: only memory can fail) */
		if (regcomp(&s->split_re, p->cfg->regex_src, REG_EXTENDED) != 0)
			return -1;
		s->has_split_re = true;
		s->split.re = &s->split_re;
	}
	return 0;
}

void scratch_close(struct scratch *s)
{
	free(s->ranges);
	free(s->groups);
	free(s->queries);
	free(s->answers);
	free(s->spans);
	free(s->values);
	free(s->want);
	free(s->order);
	free(s->pick_at);
	free(s->blank_first);
	free(s->blank_start);
	free(s->blank_end);
	if (s->filter)
		filter_scratch_close(&s->fs, s->filter);
	if (s->has_split_re)
		regfree(&s->split_re);
	free(s->csv_starts);
	free(s->csv_arena);
	memset(s, 0, sizeof *s);
}

/* mem (of *cap elements of `size` bytes) grown to at least n, doubling. */
static void *grow(void *mem, size_t *cap, size_t n, size_t size)
{
	size_t want = *cap > 0 ? *cap : 64;
	void *got;

	while (want < n)
		want = want > SIZE_MAX / 2 / size ? n : 2 * want;
	if (want > SIZE_MAX / size || (got = realloc(mem, want * size)) == NULL)
		die_errno(EXIT_INPUT, "cannot allocate memory");
	*cap = want;
	return got;
}

void scratch_csv_starts(struct scratch *s, size_t n)
{
	if (n > s->csv_cap)
		s->csv_starts = grow(s->csv_starts, &s->csv_cap, n, sizeof *s->csv_starts);
}

void scratch_csv_arena(struct scratch *s, size_t n)
{
	if (n > s->csv_arena_cap)
		s->csv_arena = grow(s->csv_arena, &s->csv_arena_cap, n, 1);
}
