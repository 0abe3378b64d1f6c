/* output.c - writing the output Buffer; the one place write errors are handled. */
#include <errno.h>
#include <stdlib.h>

#include "diag.h"
#include "output.h"

int output_open(struct output *o, int fd, size_t size)
{
	o->fd = fd;
	o->buf = zb_buffer_allocate(size);
	return o->buf ? 0 : -1;
}

int output_open_memory(struct output *o, size_t size)
{
	return output_open(o, -1, size);
}

/* An output kept in memory: a buffer of at least `need` free bytes, with what is
 * pending copied over.  Out of memory ends the program, as any allocation would. */
static void grow(struct output *o, size_t need)
{
	size_t used = zb_buffer_writepos(o->buf), cap = zb_buffer_capacity(o->buf);
	zb_buffer *bigger;

	if (cap < used + need) /* at least double, so a block's output is copied O(1) times */
		cap = used + need;
	cap = cap > SIZE_MAX / 2 ? SIZE_MAX / 2 : 2 * cap;
	if ((bigger = zb_buffer_allocate(cap)) != NULL) {
		(void)zb_buffer_add_bytes(bigger, o->buf->data, used);
		zb_buffer_release(o->buf);
		o->buf = bigger;
		return;
	}
	die_errno(EXIT_INPUT, "cannot allocate memory");
}

bool output_make_room(struct output *o, size_t n)
{
	if (o->fd < 0)
		grow(o, n);
	else
		output_flush(o);
	return zb_buffer_free(o->buf) >= n;
}

/* Writes all of v, however many write(2) calls that takes. */
static void write_all(struct output *o, zb_view v)
{
	while (v.len > 0) {
		ptrdiff_t n = zb_view_write_to(v, o->fd);
		if (n == 0) /* write(2) made no progress and said nothing: do not spin */
			errno = EIO;
		if (n <= 0) {
			if (errno == EPIPE) /* the reader is gone: nothing more to say */
				diag_exit(EXIT_SUCCESS);
			die_errno(EXIT_INPUT, "write error");
		}
		(void)zb_view_slice(v, n, ZB_NONE, &v);
	}
}

void output_flush(struct output *o)
{
	if (o->fd < 0) /* kept in memory: the caller takes the bytes */
		return;
	write_all(o, zb_buffer_view_all(o->buf));
	zb_buffer_reset(o->buf);
}

void output_put_slow(struct output *o, const unsigned char *p, size_t n)
{
	if (o->fd < 0) {
		grow(o, n);
		(void)zb_buffer_add_bytes(o->buf, p, n);
		return;
	}
	output_flush(o);
	if (n >= zb_buffer_capacity(o->buf)) /* too big to stage: write it as it is */
		write_all(o, zb_view_of(p, n));
	else
		(void)zb_buffer_add_bytes(o->buf, p, n);
}

void output_pass(struct output *o, zb_view v)
{
	if (o->fd < 0 || v.len < OUTPUT_PASS_MIN) {
		output_view(o, v);
		if (o->fd >= 0 && zb_buffer_writepos(o->buf) >= OUTPUT_PASS_PENDING)
			output_flush(o);
		return;
	}
	output_flush(o);
	write_all(o, v);
}

void output_close(struct output *o)
{
	output_flush(o);
	zb_buffer_release(o->buf);
	o->buf = NULL;
}
