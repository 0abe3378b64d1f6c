/*
 * parts.c - a part of a regular file, read by position (pread), and the records
 * that start in it: from the first after a terminator (the byte before the part is
 * read to tell), to the end of the last, which is read on past the part until its
 * terminator.  So threads can read the parts of one file at once, and a record
 * that crosses parts belongs to exactly one of them.
 */
#include <errno.h>

#include "parts.h"

/* The bytes read past a part for the end of its last record, in two steps: first
 * FIRST_TAIL, with the part, in the same read, where ordinary records end; when the
 * last record goes on past them, a second read up to TAIL_ROOM; a longer one is
 * read on through the collator.  A part smaller than TAIL_ROOM has as much as
 * itself past it, so that tiny parts do not each take 32 KiB.  (bench/README.md
 * has the figures behind the sizes.) */
#define TAIL_ROOM ((size_t)32 * 1024)
#define FIRST_TAIL ((size_t)4 * 1024)

/* Reads fd on into the part buffer, which holds the file from `offset` on, until
 * it holds `upto` bytes (or is full) or the file ends (*at_end); false, with
 * s->err, on a read error. */
static bool read_upto(zb_buffer *part, struct part *s, int fd, off_t offset, size_t upto,
                      bool *at_end)
{
	while (zb_buffer_writepos(part) < upto) {
		size_t have = zb_buffer_writepos(part);
		ptrdiff_t got = zb_buffer_read_at_most(part, fd, offset + (off_t)have, upto - have);
		if (got == ZB_FULL)
			return true;
		if (got == ZB_EOF) {
			*at_end = true;
			return true;
		}
		if (got < 0) {
			s->err = errno;
			return false;
		}
	}
	return true;
}

/* Reads fd from `offset` into the emptied part buffer until it is full or the file
 * ends (*at_end); false, with s->err, on a read error. */
static bool read_full_at(zb_buffer *part, struct part *s, int fd, off_t offset, bool *at_end)
{
	zb_buffer_reset(part);
	return read_upto(part, s, fd, offset, zb_buffer_capacity(part), at_end);
}

/* Gathers v in the collator, copied in (the buffer is read into again); false,
 * with s->err, when out of memory. */
static bool gather(zb_collator *big, struct part *s, zb_view v)
{
	if (zb_collator_append(big, v) == ZB_OK && zb_collator_own(big) == ZB_OK)
		return true;
	s->err = ENOMEM;
	return false;
}

/* The first line end in v from `from` on: term, or, with cr_too (CSV), a CR too;
 * -1 when there is none. */
static ptrdiff_t find_end(zb_view v, unsigned char term, bool cr_too, ptrdiff_t from)
{
	ptrdiff_t t = zb_view_find_byte(v, term, from), cr;

	if (!cr_too)
		return t;
	if (t >= 0)
		v.len = (size_t)t; /* a CR only before it */
	cr = (size_t)from < v.len ? zb_view_find_byte(v, '\r', from) : -1;
	return cr >= 0 ? cr : t;
}

size_t part_buffer_size(size_t part_size)
{
	return part_size + 1 + (part_size < TAIL_ROOM ? part_size : TAIL_ROOM);
}

/*
 * How part_read reads: the part with the byte before it, unless it begins the
 * region, and FIRST_TAIL bytes after it, and up to TAIL_ROOM when its last record
 * needs them.  Its records start after the first terminator in that, and the last
 * ends at the first terminator from the part's last byte on, most often in those
 * bytes after it, so the block is a view of buf.  A longer record is read on in
 * the collator (it may be longer than many parts).  A part in which no record
 * starts, or past the end of the file, has none.
 */
void part_read(struct part *s, int fd, size_t part_size, unsigned char term, bool cr_too,
               zb_buffer *buf, zb_collator *big)
{
	size_t lead = s->first ? 0 : 1, part_end = lead + part_size, begin = 0;
	off_t at = s->start - (off_t)lead;
	bool at_end = false;
	zb_view have, rest;
	ptrdiff_t t, end;

	s->has_block = s->last = false;
	s->err = 0;
	(void)zb_collator_collapse(big, &rest); /* the last round's long record */
	zb_buffer_reset(buf);
	if (!read_upto(buf, s, fd, at, part_end + FIRST_TAIL, &at_end))
		return;
	have = zb_buffer_view_all(buf);
	/* end: the terminator of the part's last record, when it was read */
	end = have.len < part_end ? -1 : find_end(have, term, cr_too, (ptrdiff_t)part_end - 1);
	if (end < 0 && !at_end && have.len >= part_end && zb_buffer_free(buf) > 0) {
		size_t searched = have.len; /* the last record goes on past FIRST_TAIL */
		if (!read_upto(buf, s, fd, at, zb_buffer_capacity(buf), &at_end))
			return;
		have = zb_buffer_view_all(buf);
		end = find_end(have, term, cr_too, (ptrdiff_t)searched);
	}
	s->last = at_end && have.len <= part_end; /* no part after this one has bytes */
	if (!s->first) {
		if ((t = find_end(have, term, cr_too, 0)) < 0)
			return; /* inside a record that started before the part */
		begin = (size_t)t + 1;
	}
	if (begin >= part_end || begin >= have.len)
		return; /* no record starts in the part */
	if (end >= 0 || at_end) { /* the last record ends in what was read, or the file does */
		(void)zb_view_slice(have, (ptrdiff_t)begin, end >= 0 ? end + 1 : ZB_NONE, &s->block);
		s->has_block = true;
		return;
	}
	(void)zb_view_slice(have, (ptrdiff_t)begin, ZB_NONE, &rest);
	if (!gather(big, s, rest))
		return;
	for (at += (off_t)have.len; !at_end; at += (off_t)have.len) {
		if (!read_full_at(buf, s, fd, at, &at_end))
			return;
		have = zb_buffer_view_all(buf);
		if ((t = find_end(have, term, cr_too, 0)) >= 0)
			(void)zb_view_slice(have, 0, t + 1, &have);
		if (!gather(big, s, have))
			return;
		if (t >= 0)
			break;
	}
	if (zb_collator_collapse(big, &s->block) != ZB_OK) {
		s->err = ENOMEM;
		return;
	}
	s->has_block = true;
}

