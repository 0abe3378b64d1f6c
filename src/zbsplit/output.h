/* output.h - the tool's standard output: an output Buffer written in large blocks. */
#ifndef OUTPUT_H
#define OUTPUT_H

#include "zb/zb.h"

struct output {
	zb_buffer *buf; /* pending bytes, written when full or flushed */
	int fd;         /* -1: kept in memory, the buffer grows (a -j worker's block) */
};

/* Opens the output on fd with a buffer of `size` bytes; -1 when out of memory. */
int output_open(struct output *o, int fd, size_t size);

/* Opens an output kept in memory, starting with `size` bytes; -1 when out of
 * memory.  Its bytes are zb_buffer_view_all(o->buf) until output_reset. */
int output_open_memory(struct output *o, size_t size);

/* Empties an output kept in memory for reuse. */
static inline void output_reset(struct output *o)
{
	zb_buffer_reset(o->buf);
}

/* The slow path of output_room: the free space is too small. */
bool output_make_room(struct output *o, size_t n);

/* Makes room for n more bytes in the buffer: writes what is pending, or grows an
 * output kept in memory.  False when n bytes do not fit even then.  Writers that
 * build a record in place ask once a record: the common case is one compare. */
static inline bool output_room(struct output *o, size_t n)
{
	return zb_buffer_free(o->buf) >= n || output_make_room(o, n);
}

/* Writes everything pending (nothing, for an output kept in memory).  A closed
 * pipe ends the program quietly with status 0; any other write error ends it with
 * a message and status 1 (never a silent loss). */
void output_flush(struct output *o);

/* The slow path of output_put: the bytes do not fit in the free space. */
void output_put_slow(struct output *o, const unsigned char *p, size_t n);

/* Queues n bytes for output; the common case is one copy into the buffer. */
static inline void output_put(struct output *o, const unsigned char *p, size_t n)
{
	if (n <= zb_buffer_free(o->buf))
		(void)zb_buffer_add_bytes(o->buf, p, n);
	else
		output_put_slow(o, p, n);
}

static inline void output_view(struct output *o, zb_view v)
{
	output_put(o, v.data, v.len);
}

/*
 * Writes v after what is pending.  From OUTPUT_PASS_MIN bytes on, v is written as
 * it is, after the pending bytes, with no copy (what a -j worker made of a block:
 * the one thread that writes would otherwise copy every output byte once more);
 * smaller, it is copied, so that writes stay large, and written once
 * OUTPUT_PASS_PENDING bytes are pending: the buffer is then touched only that far,
 * which keeps -j's resident memory down.
 */
#define OUTPUT_PASS_MIN ((size_t)16 * 1024)
#define OUTPUT_PASS_PENDING ((size_t)64 * 1024)
void output_pass(struct output *o, zb_view v);

/* Flushes and frees the output. */
void output_close(struct output *o);

#endif
