/* records.c - finding records in buffers, joining those that cross a buffer's end. */
#include <errno.h>
#include <string.h>

#include "records.h"

/* A record starts at pos: the CSV scan starts there too. */
static void at_record_start(struct records *r)
{
	r->scanned = 0;
	r->scan.state = CSV_FIELD_START;
}

/* Empties the buffer for reuse; only when no record handed out is still in use.
 * (The CSV state stays: the bytes scanned may be kept in the collator.) */
static void restart(struct records *r)
{
	zb_buffer_reset(r->buf);
	r->pos = 0;
	r->scanned = 0;
}

/* All consumed: the last record handed out is no longer in use, so start again at
 * the beginning and keep reads large. */
static void restart_if_consumed(struct records *r)
{
	if (r->pos == zb_buffer_writepos(r->buf) && zb_collator_len(&r->pending) == 0) {
		restart(r);
		at_record_start(r);
	}
}

int records_open(struct records *r, size_t size, unsigned char term)
{
	zb_collator_init(&r->pending);
	r->term = term;
	r->before_wait = NULL;
	r->ctx = NULL;
	r->buf = zb_buffer_allocate(size);
	r->fd = -1;
	r->eof = true;
	r->pos = 0;
	r->csv = false;
	r->whole = false;
	at_record_start(r);
	return r->buf ? 0 : -1;
}

void records_csv(struct records *r, unsigned char delim)
{
	r->csv = true;
	csv_scan_init(&r->scan, delim);
}

void records_whole(struct records *r)
{
	r->whole = true;
}

void records_start(struct records *r, int fd, bool may_block)
{
	/* Nothing may remain from an input abandoned in the middle of a record (a read
	 * error, or no memory for a long record): dropped, not gathered, since gathering
	 * would need the memory that may have run out. */
	if (zb_collator_len(&r->pending) > 0)
		zb_collator_release(&r->pending);
	restart(r);
	at_record_start(r);
	r->fd = fd;
	r->eof = false;
	r->may_block = may_block;
}

/* Moves the unfinished record out of the full buffer, so the buffer can be reused. */
static int keep_tail(struct records *r, zb_view tail)
{
	if (zb_collator_append(&r->pending, tail) != ZB_OK ||
	    zb_collator_own(&r->pending) != ZB_OK) {
		errno = ENOMEM;
		return -1;
	}
	restart(r);
	return 0;
}

/* The record ends at `piece`: the whole record, joined with any earlier pieces. */
static int finish(struct records *r, zb_view piece, zb_view *rec)
{
	if (zb_collator_len(&r->pending) == 0) {
		*rec = piece;
		return 1;
	}
	if (zb_collator_append(&r->pending, piece) != ZB_OK ||
	    zb_collator_collapse(&r->pending, rec) != ZB_OK) {
		errno = ENOMEM;
		return -1;
	}
	return 1;
}

/* The first record end in rest from r->scanned on, or -1. */
static ptrdiff_t first_end(struct records *r, zb_view rest)
{
	ptrdiff_t end;

	if (r->whole)
		return -1;
	if (!r->csv)
		return zb_view_find_byte(rest, r->term, (ptrdiff_t)r->scanned);
	end = csv_first_end(&r->scan, rest.data + r->scanned, rest.len - r->scanned);
	return end < 0 ? end : end + (ptrdiff_t)r->scanned;
}

/* The last record end in rest, or -1; CSV's scan goes on to rest's end, so the
 * bytes after the end are scanned already. */
static ptrdiff_t last_end(struct records *r, zb_view rest)
{
	ptrdiff_t end;

	if (r->whole)
		return -1;
	if (!r->csv) {
		end = zb_view_rfind(rest, &r->term, 1, (ptrdiff_t)r->scanned, ZB_NONE);
		r->scanned = 0;
		return end;
	}
	end = csv_last_end(&r->scan, rest.data + r->scanned, rest.len - r->scanned);
	if (end < 0)
		return end;
	end += (ptrdiff_t)r->scanned;
	r->scanned = rest.len - (size_t)end - 1;
	return end;
}

/* Reads on into the buffer, after writing what waits when the read may block;
 * -1 on a read error. */
static int read_more(struct records *r)
{
	ptrdiff_t got;

	if (r->may_block && r->before_wait)
		r->before_wait(r->ctx);
	got = zb_buffer_read_from(r->buf, r->fd);
	if (got == ZB_EOF)
		r->eof = true;
	return got < 0 && got != ZB_EOF ? -1 : 0;
}

/* What next() hands out: a record, a block of whole records, or (CSV) an open block. */
enum want { ONE, BLOCK, OPEN };

/* Whether p[0, n) holds a byte that may end a CSV record. */
static bool may_end_record(const unsigned char *p, size_t n)
{
	return memchr(p, '\n', n) != NULL || memchr(p, '\r', n) != NULL;
}

/* An open block (records_next_open): every byte read and not yet handed out, when
 * some are new and may end a record, or are the input's last. */
static bool hand_out_open(struct records *r, zb_view rest, zb_view *out)
{
	if (rest.len == 0 ||
	    (!r->eof && !may_end_record(rest.data + r->scanned, rest.len - r->scanned)))
		return false;
	*out = rest;
	r->open = !r->eof;
	r->open_len = rest.len;
	if (!r->open) { /* the input's last records: handed out whole */
		r->pos += rest.len;
		at_record_start(r);
	}
	return true;
}

/* The next record, block or open block (`want`); see records.h. */
static int next(struct records *r, zb_view *out, enum want want)
{
	bool one = want == ONE;

	r->cut_end = false;
	r->open = false;
	for (;;) {
		zb_view rest;
		ptrdiff_t end;

		restart_if_consumed(r);
		(void)zb_buffer_view(r->buf, (ptrdiff_t)r->pos, ZB_NONE, &rest);
		if (want == OPEN && zb_collator_len(&r->pending) == 0 && hand_out_open(r, rest, out))
			return 1;
		if (one || zb_collator_len(&r->pending) > 0) /* up to the first terminator */
			end = first_end(r, rest);
		else if ((end = last_end(r, rest)) >= 0) {
			(void)zb_view_slice(rest, 0, end + 1, out); /* every whole record there, */
			r->pos += (size_t)end + 1;                  /* each with its terminator */
			return 1;
		}
		if (end >= 0) {
			r->ended_by = rest.data[end];
			r->cut_end = true;
			r->pos += (size_t)end + 1;
			at_record_start(r);
			(void)zb_view_slice(rest, 0, end, &rest);
			return finish(r, rest, out);
		}
		r->scanned = rest.len; /* no terminator so far: never look at these bytes again */
		if (r->eof) {
			r->pos += rest.len;
			at_record_start(r);
			if (rest.len == 0 && zb_collator_len(&r->pending) == 0)
				return 0;
			return finish(r, rest, out);
		}
		if (zb_buffer_free(r->buf) == 0 && keep_tail(r, rest) != 0)
			return -1;
		if (read_more(r) != 0)
			return -1;
	}
}

int records_next(struct records *r, zb_view *rec)
{
	return next(r, rec, ONE);
}

int records_next_block(struct records *r, zb_view *block)
{
	return next(r, block, BLOCK);
}

int records_next_open(struct records *r, zb_view *block)
{
	return next(r, block, r->csv ? OPEN : BLOCK);
}

void records_consumed(struct records *r, size_t used, unsigned char state)
{
	r->pos += used;
	r->scanned = r->open_len - used;
	r->scan.state = state;
	r->open = false;
}

/* The last CR or LF in v, or -1. */
static ptrdiff_t last_line_end(zb_view v)
{
	ptrdiff_t lf = zb_view_rfind(v, "\n", 1, 0, ZB_NONE);
	ptrdiff_t cr = zb_view_rfind(v, "\r", 1, lf + 1, ZB_NONE); /* (only after it) */

	return lf > cr ? lf : cr;
}

/* CSV for -j: the bytes read up to their last CR or LF, which may not end a record
 * (see records.h); all of them at the input's end, or when the buffer is full and
 * holds none. */
static int next_guessed(struct records *r, zb_view *out)
{
	for (;;) {
		zb_view rest;

		restart_if_consumed(r);
		(void)zb_buffer_view(r->buf, (ptrdiff_t)r->pos, ZB_NONE, &rest);
		if (rest.len > 0 &&
		    (r->eof || zb_buffer_free(r->buf) == 0 ||
		     may_end_record(rest.data + r->scanned, rest.len - r->scanned))) {
			ptrdiff_t end = r->eof ? -1 : last_line_end(rest);
			size_t take = end < 0 ? rest.len : (size_t)end + 1;
			(void)zb_view_slice(rest, 0, (ptrdiff_t)take, out);
			r->pos += take;
			r->scanned = 0;
			r->input_end = r->eof && take == rest.len;
			return 1;
		}
		if (r->eof)
			return 0;
		r->scanned = rest.len;
		if (read_more(r) != 0)
			return -1;
	}
}

int records_hand_over(struct records *r, zb_buffer **buf, zb_collator *big, zb_view *block)
{
	int rc = r->csv ? next_guessed(r, block) : records_next_block(r, block);
	zb_buffer *taken = r->buf;
	zb_view unread;

	if (rc <= 0)
		return rc;
	if (block->owner != taken) { /* a record gathered in the collator's storage */
		zb_collator held = r->pending;
		r->pending = *big;
		*big = held;
		return 1;
	}
	(void)zb_buffer_view(taken, (ptrdiff_t)r->pos, ZB_NONE, &unread);
	r->buf = *buf;
	*buf = taken;
	zb_buffer_reset(r->buf);
	(void)zb_buffer_add_bytes(r->buf, unread.data, unread.len); /* the same capacity */
	r->pos = 0;
	r->scanned = 0;
	return 1;
}

void records_close(struct records *r)
{
	zb_buffer_release(r->buf);
	zb_collator_release(&r->pending);
}
