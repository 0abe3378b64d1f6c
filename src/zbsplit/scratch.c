/* scratch.c - a thread's working memory, sized by the plan (see scratch.h). */
#include <stdlib.h>
#include <string.h>

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
	s->filter = &p->cfg->filter;
	if (filter_scratch_open(&s->fs, s->filter) != 0)
		return -1;
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
	memset(s, 0, sizeof *s);
}
