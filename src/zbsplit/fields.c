/* fields.c - walking the fields of a record with the library's splits, or a regex. */
#include <stdlib.h>
#include <wchar.h>

#include "fields.h"

const zb_byteset fields_blanks = {{[' ' >> 3] = 1u << (' ' & 7), ['\t' >> 3] = 1u << ('\t' & 7)}};

void fields_start(const struct splitter *sp, zb_view rec, size_t start, size_t end, bool trim,
                  struct field_iter *it)
{
	zb_view part = {rec.data + start, end - start, rec.owner};

	it->sp = sp;
	it->done = false;
	switch (sp->kind) {
	case SPLIT_DELIM:
		(void)zb_view_split(part, sp->delim, sp->delim_len, -1, &it->split);
		break;
	case SPLIT_BLANKS:
	case SPLIT_BLANKS_TRIMMED:
		zb_view_split_set(part, &fields_blanks, trim && sp->kind == SPLIT_BLANKS_TRIMMED, -1,
		                  &it->split);
		break;
	case SPLIT_REGEX:
		/* The matcher sees the whole record, so ^, $ and word boundaries keep
		 * their meaning inside a part of it. */
		it->base = rec.data;
		it->owner = rec.owner;
		it->pos = start;
		it->end = end;
		it->rec_len = rec.len;
		/* a part without the strings every match holds has no match: regexec,
		 * superlinear on some patterns, is not run on it (one search a part) */
		it->no_match = sp->lits && sp->lits->n > 0 &&
		               !regex_literals_in(sp->lits, zb_view_of(part.data, rec.len - start));
		break;
	}
}

/* The bytes of the character at p[0, n) as the matcher reads it: one in a
 * single-byte locale, and for a byte that does not begin a valid UTF-8 character
 * (the matcher takes such a byte alone). */
static size_t char_len(const unsigned char *p, size_t n)
{
	mbstate_t st = {0};
	size_t k;

	if (MB_CUR_MAX == 1 || p[0] < 0x80)
		return 1;
	k = mbrlen((const char *)p, n, &st);
	return k == 0 || k > n ? 1 : k; /* (size_t)-1 and -2 are above n too */
}

/*
 * The first non-empty match that starts in base[from, end): false when there is
 * none.  The matcher always sees the record to its end, so operators that look
 * ahead (\>, \b, $) judge a part of it as they judged the whole.  Empty matches
 * never separate fields, so the search moves past them, a whole character at a
 * time in a UTF-8 locale (never into the middle of one).
 */
static bool next_match(const struct field_iter *it, size_t from, size_t *so, size_t *eo)
{
	if ((size_t)(regoff_t)it->rec_len != it->rec_len) /* beyond what regexec can index */
		return false;
	if (it->no_match)
		return false;
	while (from < it->end) {
		regmatch_t m;
		m.rm_so = (regoff_t)from;
		m.rm_eo = (regoff_t)it->rec_len;
		if (regexec(it->sp->re, (const char *)it->base, 1, &m, REG_STARTEND) != 0 ||
		    (size_t)m.rm_so >= it->end)
			return false;
		if (m.rm_eo > m.rm_so) {
			*so = (size_t)m.rm_so;
			*eo = (size_t)m.rm_eo;
			return true;
		}
		from = (size_t)m.rm_so;
		from += char_len(it->base + from, it->rec_len - from);
	}
	return false;
}

bool fields_next(struct field_iter *it, zb_view *out)
{
	size_t so, eo;

	if (it->sp->kind != SPLIT_REGEX)
		return zb_split_next(&it->split, out);
	if (it->done)
		return false;
	out->data = it->base + it->pos;
	out->owner = it->owner;
	if (!next_match(it, it->pos, &so, &eo)) {
		out->len = it->end - it->pos;
		it->done = true;
		return true;
	}
	out->len = so - it->pos;
	it->pos = eo;
	return true;
}

bool fields_delimited(const struct splitter *sp, zb_view rec)
{
	struct field_iter it;
	zb_view f;

	fields_start(sp, rec, 0, rec.len, true, &it);
	return fields_next(&it, &f) &&
	       fields_delimited_after(sp, rec, (size_t)(f.data - rec.data) + f.len);
}

size_t fields_count(const struct splitter *sp, zb_view rec)
{
	struct field_iter it;
	zb_view f;
	size_t n = 0;

	fields_start(sp, rec, 0, rec.len, true, &it);
	while (fields_next(&it, &f))
		n++;
	return n;
}

size_t fields_end(const struct splitter *sp, zb_view rec)
{
	if (sp->kind != SPLIT_BLANKS_TRIMMED)
		return rec.len;
	return zb_view_strip_sets(rec, NULL, &fields_blanks).len;
}
