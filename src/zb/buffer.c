/* buffer.c - zb_buffer: fixed-size, append-only memory that input is read into. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zb/zb.h"

/*
 * The bytes follow the struct, so in a buffer that malloc maps on its own (128 KiB
 * or more) they start 32 bytes into a page: malloc's header, then the struct.  Keep
 * it so: when the file position is at a page's start too, as it is for a buffer's
 * worth after a buffer's worth, the copy out of the page cache is fast (a copy
 * into memory a few bytes out of step with the file's page runs much slower).
 */
zb_buffer *zb_buffer_allocate(size_t capacity)
{
	zb_buffer *b;

	if (capacity > PTRDIFF_MAX - sizeof *b - 1) /* counts fit in a ptrdiff_t */
		return NULL;
	b = malloc(sizeof *b + capacity + 1);
	if (b == NULL)
		return NULL;
	b->capacity = capacity;
	b->writepos = 0;
	b->data[capacity] = '\0'; /* the sentinel (see zb.h) */
	return b;
}

void zb_buffer_release(zb_buffer *b)
{
	free(b);
}

/* read_from, read_at and read_at_most: one read(2), or pread(2) at `offset` when
 * `at`, of at most `max` bytes. */
static ptrdiff_t read_into(zb_buffer *b, int fd, bool at, off_t offset, size_t max)
{
	size_t room = zb_buffer_free(b);
	ssize_t n;

	if (room == 0)
		return ZB_FULL;
	if (room > max)
		room = max;
	if (room > SSIZE_MAX)
		room = SSIZE_MAX;
	do
		n = at ? pread(fd, b->data + b->writepos, room, offset)
		       : read(fd, b->data + b->writepos, room);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return ZB_EOS;
	if (n == 0)
		return ZB_EOF;
	b->writepos += (size_t)n;
	return n;
}

ptrdiff_t zb_buffer_read_from(zb_buffer *b, int fd)
{
	return read_into(b, fd, false, 0, SIZE_MAX);
}

ptrdiff_t zb_buffer_read_at(zb_buffer *b, int fd, off_t offset)
{
	return read_into(b, fd, true, offset, SIZE_MAX);
}

ptrdiff_t zb_buffer_read_at_most(zb_buffer *b, int fd, off_t offset, size_t max)
{
	if (max == 0) /* a read of nothing, which pread(2) would report as end of file */
		return ZB_EINVAL;
	return read_into(b, fd, true, offset, max);
}

int zb_buffer_view(const zb_buffer *b, ptrdiff_t start, ptrdiff_t stop, zb_view *out)
{
	size_t end;

	if (start < 0 || (size_t)start > b->writepos)
		return ZB_EINVAL;
	if (stop == ZB_NONE)
		end = b->writepos;
	else if (stop < start || (size_t)stop > b->writepos)
		return ZB_EINVAL;
	else
		end = (size_t)stop;
	out->data = b->data + start;
	out->len = end - (size_t)start;
	out->owner = b;
	return ZB_OK;
}
