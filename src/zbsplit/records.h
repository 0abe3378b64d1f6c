/*
 * records.h - the records of one input, read into a fixed-size Buffer.
 *
 * A record wholly inside the buffer is handed out as a view of it, with no copy.
 * Only a record that crosses the end of the buffer goes through the collator,
 * which copies its pieces together; so memory is one buffer plus the longest
 * record, and the records are the same whatever the buffer size.
 */
#ifndef RECORDS_H
#define RECORDS_H

#include <stdbool.h>

#include "kernels/csv.h"
#include "zb/zb.h"

struct records {
	zb_buffer *buf;          /* input bytes; reset when full and scanned */
	size_t pos;              /* where the next record starts in buf */
	size_t scanned;          /* bytes after pos known to hold no terminator */
	zb_collator pending;     /* the start of a record that crossed the buffer's end */
	unsigned char term;      /* record terminator: '\n', or '\0' with -z */
	bool csv;                /* records end at CR or LF outside CSV quotes instead */
	bool whole;              /* records end only at the input's end (records_whole) */
	struct csv_scan scan;    /* ... and the CSV state at `scanned` */
	unsigned char ended_by;  /* the byte that ended the last record handed out ... */
	bool cut_end;            /* ... when that byte is not in what was handed out */
	bool open;               /* the block handed out is open (records_next_open) */
	bool input_end;          /* records_hand_over's CSV block ends the input */
	size_t open_len;         /* ... and this long */
	int fd;                  /* the input */
	bool eof;                /* read(2) has said end of file */
	bool may_block;          /* a pipe or terminal: call before_wait before reading */
	void (*before_wait)(void *ctx); /* called before a read that may block */
	void *ctx;
};

/* Prepares r for reading records ending in term, with a buffer of `size` bytes;
 * -1 when out of memory. */
int records_open(struct records *r, size_t size, unsigned char term);

/* Makes r read CSV records split at delim: a record ends at a CR or LF outside
 * quotes, and the block of records_next_block at the last such byte (a CRLF may
 * then be cut after its CR: the LF begins the next block as an empty line). */
void records_csv(struct records *r, unsigned char delim);

/* Makes each input one record, terminator bytes and all (-d '\n', the delimiter
 * being the terminator): memory is then as large as the input. */
void records_whole(struct records *r);

/* Starts a new input fd.  When `may_block` (a pipe, a terminal), before_wait is
 * called before each read so output already made is not held back. */
void records_start(struct records *r, int fd, bool may_block);

/*
 * The next record of the input into *rec, without its terminator.  Returns 1, 0 at
 * the end of the input, or -1 on a read error (errno set; the input is abandoned).
 * The view is valid until the next call.  A last record without a terminator is
 * returned like any other.
 */
int records_next(struct records *r, zb_view *rec);

/*
 * The next block of records into *block: one or more whole records, each with its
 * terminator, straight from the buffer; or, when the next record was gathered
 * across buffers (the collator) or is the input's last without a terminator, that
 * one record without its terminator.  Returns 1, 0 at the end of the input, or -1
 * on a read error or when a record does not fit in memory (errno set; the input
 * is abandoned).  The view is valid until the next call.
 */
int records_next_block(struct records *r, zb_view *block);

/*
 * records_next_block for a CSV reader in this thread: where CSV records end is
 * known only by scanning from a record's start, so rather than scan the buffer for
 * the last end and have the kernel scan the block again, this hands out every byte
 * read and not handed out (r->open), and the kernel, which scans them anyway,
 * says with records_consumed how many its whole records took and the CSV state
 * after the rest.  The rest is handed out again with the bytes read next.  A block
 * is open only when the bytes new in it hold a CR or LF; otherwise, at the input's
 * end, or for a record longer than the buffer, it is what records_next_block gives
 * (r->open false).  Without CSV, records_next_block.
 */
int records_next_open(struct records *r, zb_view *block);

/* After an open block: its first `used` bytes were whole records, and the CSV
 * state after the rest is `state`. */
void records_consumed(struct records *r, size_t used, unsigned char state);

/*
 * records_next_block for a reader that hands blocks to other threads (-j): the
 * memory the block is in goes with it, so the block stays valid until the caller
 * is done with it.  A block in the buffer takes the buffer, and *buf (an empty
 * buffer of the same capacity, the caller's) becomes r's, holding the bytes after
 * the block; a record gathered in the collator takes the collator's storage, and
 * *big (an empty collator, the caller's) becomes r's.  The same results.
 *
 * CSV differs: where a record ends is known only by scanning from the input's
 * start, which would leave one thread scanning for all, so the block ends at its
 * last CR or LF, a guess that holds unless that byte is quoted.  The one who works
 * on it takes it as open (records_next_open), and the next block began where a
 * record starts only if this one's records took all of it (jobs.c writes them
 * again in order otherwise).  r->input_end says the block ends the input.
 */
int records_hand_over(struct records *r, zb_buffer **buf, zb_collator *big, zb_view *block);

/* What r has read of its input but not handed out, for a reader that takes over
 * (-j): valid until r is used again.  *eof tells whether the input's end was seen. */
static inline zb_view records_unread(const struct records *r, bool *eof)
{
	zb_view rest = zb_view_empty();

	*eof = r->eof;
	(void)zb_buffer_view(r->buf, (ptrdiff_t)r->pos, ZB_NONE, &rest);
	return rest;
}

/* Frees what records_open allocated. */
void records_close(struct records *r);

#endif
