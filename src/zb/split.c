/* split.c - split and splitlines as iterators over sub-views; nothing is allocated. */
#include <string.h>

#include "zb/zb.h"

static const unsigned char whitespace[] = " \t\n\r\v\f";

static bool in_set(const zb_split *it, unsigned char c)
{
	return zb_byteset_has(&it->set, c);
}

int zb_view_split(zb_view v, const void *sep, size_t n, ptrdiff_t maxsplit, zb_split *it)
{
	if (n == 0)
		return ZB_EINVAL;
	memset(it, 0, sizeof *it);
	it->rest = v;
	it->sep = sep;
	it->seplen = n;
	it->splits_left = maxsplit;
	return ZB_OK;
}

void zb_view_split_runs(zb_view v, const void *set, size_t n, bool trim, ptrdiff_t maxsplit,
                        zb_split *it)
{
	zb_byteset bytes;

	zb_byteset_init(&bytes, set ? set : "", n); /* NULL here is the empty set */
	zb_view_split_set(v, &bytes, trim, maxsplit, it);
}

void zb_view_split_set(zb_view v, const zb_byteset *set, bool trim, ptrdiff_t maxsplit,
                       zb_split *it)
{
	size_t i;

	it->sep = NULL;
	it->seplen = 0;
	it->done = false;
	it->set = *set;
	it->trim = trim;
	it->splits_left = maxsplit;
	if (trim) { /* leading runs never make a piece; nothing but a run: no pieces at all */
		for (i = 0; i < v.len && in_set(it, v.data[i]); i++)
			;
		v.data += i;
		v.len -= i;
		it->done = v.len == 0;
	}
	it->rest = v;
}

void zb_view_split_ws(zb_view v, ptrdiff_t maxsplit, zb_split *it)
{
	zb_view_split_runs(v, whitespace, sizeof whitespace - 1, true, maxsplit, it);
}

/* The next piece of a run split: up to the next run, which is then skipped. */
static bool next_run_piece(zb_split *it, zb_view *out)
{
	zb_view r = it->rest;
	size_t end = 0, after;

	if (it->splits_left != 0)
		while (end < r.len && !in_set(it, r.data[end]))
			end++;
	else
		end = r.len;
	if (end == r.len) { /* last piece: the rest, kept whole once maxsplit is used up */
		*out = r;
		it->done = true;
		return true;
	}
	for (after = end + 1; after < r.len && in_set(it, r.data[after]); after++)
		;
	*out = r;
	out->len = end;
	it->rest.data += after;
	it->rest.len -= after;
	if (it->splits_left > 0)
		it->splits_left--;
	if (it->trim && after == r.len) /* a trailing run ends the split with no empty piece */
		it->done = true;
	return true;
}

bool zb_split_next(zb_split *it, zb_view *out)
{
	ptrdiff_t at;

	if (it->done)
		return false;
	if (it->seplen == 0)
		return next_run_piece(it, out);
	at = it->splits_left == 0 ? -1
	                          : (it->seplen == 1
	                                 ? zb_view_find_byte(it->rest, it->sep[0], 0)
	                                 : zb_view_find(it->rest, it->sep, it->seplen, 0, ZB_NONE));
	*out = it->rest;
	if (at < 0) {
		it->done = true;
		return true;
	}
	out->len = (size_t)at;
	it->rest.data += (size_t)at + it->seplen;
	it->rest.len -= (size_t)at + it->seplen;
	if (it->splits_left > 0)
		it->splits_left--;
	return true;
}

void zb_view_splitlines(zb_view v, bool keepends, zb_lines *it)
{
	it->rest = v;
	it->keepends = keepends;
}

bool zb_lines_next(zb_lines *it, zb_view *out)
{
	zb_view r = it->rest;
	size_t end = 0, eol;

	if (r.len == 0)
		return false;
	while (end < r.len && r.data[end] != '\n' && r.data[end] != '\r')
		end++;
	eol = end;
	if (end < r.len)
		end += (r.data[end] == '\r' && end + 1 < r.len && r.data[end + 1] == '\n') ? 2 : 1;
	(void)zb_view_slice(r, 0, (ptrdiff_t)(it->keepends ? end : eol), out);
	(void)zb_view_slice(r, (ptrdiff_t)end, ZB_NONE, &it->rest);
	return true;
}
