/* test_buffer.c - zb_buffer: allocate, add_bytes, read_from, view, reset, release. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static void test_allocate(void)
{
	zb_buffer *b = zb_buffer_allocate(16);
	zb_buffer *z;

	CHECK(b != NULL);
	if (b == NULL)
		return;
	CHECK_EQ_INT(zb_buffer_capacity(b), 16);
	CHECK_EQ_INT(zb_buffer_writepos(b), 0);
	CHECK_EQ_INT(zb_buffer_free(b), 16);
	CHECK_EQ_INT(zb_buffer_view_all(b).len, 0);
	CHECK_PTR_EQ(zb_buffer_view_all(b).data, b->data);
	CHECK_PTR_EQ(zb_buffer_view_all(b).owner, b);
	zb_buffer_release(b);

	/* zero capacity is allowed; it is always full */
	z = zb_buffer_allocate(0);
	CHECK(z != NULL);
	if (z != NULL) {
		zb_view v = zb_view_of("x", 1);
		CHECK_EQ_INT(zb_buffer_capacity(z), 0);
		CHECK_EQ_INT(zb_buffer_writepos(z), 0);
		CHECK_EQ_INT(zb_buffer_free(z), 0);
		CHECK_EQ_INT(zb_buffer_add_bytes(z, "abc", 3), ZB_FULL);
		CHECK_EQ_INT(zb_buffer_add_bytes(z, "", 0), ZB_FULL);
		CHECK_EQ_INT(zb_buffer_writepos(z), 0);
		CHECK_EQ_INT(zb_buffer_view_all(z).len, 0);
		CHECK_PTR_EQ(zb_buffer_view_all(z).data, z->data);
		CHECK_EQ_INT(zb_buffer_view(z, 0, ZB_NONE, &v), ZB_OK);
		CHECK_EQ_INT(v.len, 0);
		v = zb_view_of("x", 1);
		CHECK_EQ_INT(zb_buffer_view(z, 0, 0, &v), ZB_OK);
		CHECK_EQ_INT(v.len, 0);
		CHECK_EQ_INT(zb_buffer_view(z, 0, 1, &v), ZB_EINVAL);
		CHECK_EQ_INT(zb_buffer_view(z, 1, ZB_NONE, &v), ZB_EINVAL);
		CHECK_EQ_INT(zb_buffer_view(z, -1, ZB_NONE, &v), ZB_EINVAL);
		{
			int fd = open("/dev/null", O_RDONLY);
			CHECK(fd >= 0);
			if (fd >= 0) {
				CHECK_EQ_INT(zb_buffer_read_from(z, fd), ZB_FULL);
				close(fd);
			}
		}
		/* full is checked before the descriptor */
		CHECK_EQ_INT(zb_buffer_read_from(z, -1), ZB_FULL);
		zb_buffer_release(z);
	}

	/* an impossible size: NULL (MemoryError), not a tiny block */
	CHECK(zb_buffer_allocate(SIZE_MAX) == NULL);
	CHECK(zb_buffer_allocate((size_t)PTRDIFF_MAX + 1) == NULL);

	/* releasing NULL is ignored */
	zb_buffer_release(NULL);
	CHECK(1);
}

/* Every length from 1 to 40 (short copies take their own way), one after another
 * into a buffer that holds them all exactly: the bytes land in order. */
static void test_add_bytes_lengths(void)
{
	unsigned char src[42], want[40 * 41 / 2];
	zb_buffer *b = zb_buffer_allocate(sizeof want);
	size_t n, i, at = 0;
	int wrong = 0;

	if (b == NULL) {
		CHECK(b != NULL);
		return;
	}
	for (i = 0; i < sizeof src; i++)
		src[i] = (unsigned char)(i * 37 + 1);
	for (n = 1; n <= 40; n++) { /* from offsets 0, 1 and 2 of src in turn */
		wrong += zb_buffer_add_bytes(b, src + n % 3, n) != (ptrdiff_t)n;
		memcpy(want + at, src + n % 3, n);
		at += n;
	}
	CHECK_EQ_INT(wrong, 0);
	CHECK_VIEW_N(zb_buffer_view_all(b), want, at);
	zb_buffer_release(b);
}

static void test_add_bytes(void)
{
	zb_buffer *b = zb_buffer_allocate(8);
	zb_view v;

	if (b == NULL) {
		CHECK(b != NULL);
		return;
	}
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "", 0), 0);
	CHECK_EQ_INT(zb_buffer_writepos(b), 0);
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "abc", 3), 3);
	CHECK_EQ_INT(zb_buffer_writepos(b), 3);
	CHECK_EQ_INT(zb_buffer_free(b), 5);
	CHECK_VIEW(zb_buffer_view_all(b), "abc");
	CHECK_PTR_EQ(zb_buffer_view_all(b).data, b->data);
	CHECK_PTR_EQ(zb_buffer_view_all(b).owner, b);
	/* NUL and high bytes are stored as they are */
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "\0\xff", 2), 2);
	CHECK_VIEW(zb_buffer_view_all(b), "abc\0\xff");
	/* n > free copies only free */
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "defghij", 7), 3);
	CHECK_EQ_INT(zb_buffer_writepos(b), 8);
	CHECK_EQ_INT(zb_buffer_free(b), 0);
	CHECK_VIEW(zb_buffer_view_all(b), "abc\0\xff" "def");
	/* full */
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "x", 1), ZB_FULL);
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "", 0), ZB_FULL);
	CHECK_EQ_INT(zb_buffer_read_from(b, -1), ZB_FULL);
	CHECK_EQ_INT(zb_buffer_writepos(b), 8);
	CHECK_VIEW(zb_buffer_view_all(b), "abc\0\xff" "def");

	/* reset: empty again, same capacity, reusable */
	zb_buffer_reset(b);
	CHECK_EQ_INT(zb_buffer_writepos(b), 0);
	CHECK_EQ_INT(zb_buffer_free(b), 8);
	CHECK_EQ_INT(zb_buffer_capacity(b), 8);
	CHECK_EQ_INT(zb_buffer_view_all(b).len, 0);
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "xy", 2), 2);
	CHECK_EQ_INT(zb_buffer_view(b, 0, ZB_NONE, &v), ZB_OK);
	CHECK_VIEW(v, "xy");
	zb_buffer_release(b);
}

static void test_buf_view(void)
{
	zb_buffer *b = zb_buffer_allocate(10);
	zb_view v;

	if (b == NULL) {
		CHECK(b != NULL);
		return;
	}
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "hello", 5), 5);

	CHECK_EQ_INT(zb_buffer_view(b, 0, ZB_NONE, &v), ZB_OK);
	CHECK_VIEW(v, "hello");
	CHECK_PTR_EQ(v.data, b->data);
	CHECK_PTR_EQ(v.owner, b);

	/* at the start */
	CHECK_EQ_INT(zb_buffer_view(b, 0, 2, &v), ZB_OK);
	CHECK_VIEW(v, "he");
	CHECK_PTR_EQ(v.data, b->data);
	CHECK_PTR_EQ(v.owner, b);
	/* at the end */
	CHECK_EQ_INT(zb_buffer_view(b, 3, 5, &v), ZB_OK);
	CHECK_VIEW(v, "lo");
	CHECK_PTR_EQ(v.data, b->data + 3);
	CHECK_PTR_EQ(v.owner, b);
	CHECK_EQ_INT(zb_buffer_view(b, 3, ZB_NONE, &v), ZB_OK);
	CHECK_VIEW(v, "lo");
	CHECK_PTR_EQ(v.data, b->data + 3);
	CHECK_EQ_INT(zb_buffer_view(b, 4, 5, &v), ZB_OK);
	CHECK_VIEW(v, "o");
	/* middle */
	CHECK_EQ_INT(zb_buffer_view(b, 1, 4, &v), ZB_OK);
	CHECK_VIEW(v, "ell");
	CHECK_PTR_EQ(v.data, b->data + 1);
	/* empty views (start == stop, start == writepos) keep their position */
	CHECK_EQ_INT(zb_buffer_view(b, 2, 2, &v), ZB_OK);
	CHECK_EQ_INT(v.len, 0);
	CHECK_PTR_EQ(v.data, b->data + 2);
	CHECK_EQ_INT(zb_buffer_view(b, 5, ZB_NONE, &v), ZB_OK);
	CHECK_EQ_INT(v.len, 0);
	CHECK_PTR_EQ(v.data, b->data + 5);
	CHECK_EQ_INT(zb_buffer_view(b, 5, 5, &v), ZB_OK);
	CHECK_EQ_INT(v.len, 0);
	CHECK_PTR_EQ(v.data, b->data + 5);
	CHECK_EQ_INT(zb_buffer_view(b, 0, 0, &v), ZB_OK);
	CHECK_EQ_INT(v.len, 0);
	CHECK_PTR_EQ(v.data, b->data);

	/* ValueError cases */
	CHECK_EQ_INT(zb_buffer_view(b, 3, 2, &v), ZB_EINVAL);   /* stop < start */
	CHECK_EQ_INT(zb_buffer_view(b, 5, 4, &v), ZB_EINVAL);   /* stop < start */
	CHECK_EQ_INT(zb_buffer_view(b, -1, 3, &v), ZB_EINVAL);  /* start < 0 */
	CHECK_EQ_INT(zb_buffer_view(b, -1, ZB_NONE, &v), ZB_EINVAL);
	CHECK_EQ_INT(zb_buffer_view(b, 6, ZB_NONE, &v), ZB_EINVAL); /* start > writepos */
	CHECK_EQ_INT(zb_buffer_view(b, 6, 6, &v), ZB_EINVAL);
	CHECK_EQ_INT(zb_buffer_view(b, 0, 6, &v), ZB_EINVAL);  /* stop > writepos */
	CHECK_EQ_INT(zb_buffer_view(b, 0, 10, &v), ZB_EINVAL); /* inside capacity, unwritten */
	CHECK_EQ_INT(zb_buffer_view(b, 2, -1, &v), ZB_EINVAL); /* negative stop < start */
	CHECK_EQ_INT(zb_buffer_view(b, 0, -1, &v), ZB_EINVAL);
	CHECK_EQ_INT(zb_buffer_view(b, PTRDIFF_MAX, ZB_NONE, &v), ZB_EINVAL);
	CHECK_EQ_INT(zb_buffer_view(b, 0, PTRDIFF_MAX, &v), ZB_EINVAL);

	/* the view stays valid while more is added (written bytes never change) */
	CHECK_EQ_INT(zb_buffer_view(b, 0, 5, &v), ZB_OK);
	CHECK_EQ_INT(zb_buffer_add_bytes(b, "world", 5), 5);
	CHECK_VIEW(v, "hello");
	CHECK_VIEW(zb_buffer_view_all(b), "helloworld");
	zb_buffer_release(b);
}

static int write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static void test_read_from_pipe(void)
{
	int fds[2];
	zb_buffer *b = zb_buffer_allocate(3);
	zb_buffer *c = zb_buffer_allocate(16);

	if (b == NULL || c == NULL || pipe(fds) != 0) {
		CHECK(!"setup failed");
		zb_buffer_release(b);
		zb_buffer_release(c);
		return;
	}
	CHECK_EQ_INT(write_all(fds[1], "hello", 5), 0);
	/* only the free space is filled */
	CHECK_EQ_INT(zb_buffer_read_from(b, fds[0]), 3);
	CHECK_EQ_INT(zb_buffer_writepos(b), 3);
	CHECK_VIEW(zb_buffer_view_all(b), "hel");
	CHECK_EQ_INT(zb_buffer_read_from(b, fds[0]), ZB_FULL);
	CHECK_VIEW(zb_buffer_view_all(b), "hel");

	/* reading appends after bytes already written */
	CHECK_EQ_INT(zb_buffer_add_bytes(c, "ab", 2), 2);
	CHECK_EQ_INT(zb_buffer_read_from(c, fds[0]), 2);
	CHECK_VIEW(zb_buffer_view_all(c), "ablo");
	CHECK_EQ_INT(write_all(fds[1], "\0\x80\xff", 3), 0);
	CHECK_EQ_INT(zb_buffer_read_from(c, fds[0]), 3);
	CHECK_VIEW(zb_buffer_view_all(c), "ablo\0\x80\xff");

	/* write end closed: end of file */
	close(fds[1]);
	CHECK_EQ_INT(zb_buffer_read_from(c, fds[0]), ZB_EOF);
	CHECK_EQ_INT(zb_buffer_read_from(c, fds[0]), ZB_EOF);
	CHECK_EQ_INT(zb_buffer_writepos(c), 7);
	close(fds[0]);

	zb_buffer_release(b);
	zb_buffer_release(c);
}

static void test_read_from_errors(void)
{
	zb_buffer *b = zb_buffer_allocate(8);
	int fd;

	if (b == NULL) {
		CHECK(b != NULL);
		return;
	}
	/* a bad descriptor: OSError with errno EBADF */
	errno = 0;
	CHECK_EQ_INT(zb_buffer_read_from(b, -1), ZB_EOS);
	CHECK_EQ_INT(errno, EBADF);
	CHECK_EQ_INT(zb_buffer_writepos(b), 0);

	/* /dev/null: end of file at once */
	fd = open("/dev/null", O_RDONLY);
	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK_EQ_INT(zb_buffer_read_from(b, fd), ZB_EOF);
		CHECK_EQ_INT(zb_buffer_writepos(b), 0);
		close(fd);
	}
	/* a descriptor open only for writing: EBADF from read(2) */
	fd = open("/dev/null", O_WRONLY);
	CHECK(fd >= 0);
	if (fd >= 0) {
		errno = 0;
		CHECK_EQ_INT(zb_buffer_read_from(b, fd), ZB_EOS);
		CHECK_EQ_INT(errno, EBADF);
		close(fd);
	}
	zb_buffer_release(b);
}

/* An empty non-blocking pipe: read(2) fails with EAGAIN, which is ZB_EOS, not EOF. */
static void test_read_from_nonblocking(void)
{
	int fds[2];
	zb_buffer *b = zb_buffer_allocate(8);

	if (b == NULL || pipe(fds) != 0) {
		CHECK(!"setup failed");
		zb_buffer_release(b);
		return;
	}
	CHECK(fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK) == 0);
	errno = 0;
	CHECK_EQ_INT(zb_buffer_read_from(b, fds[0]), ZB_EOS);
	CHECK(errno == EAGAIN || errno == EWOULDBLOCK);
	CHECK_EQ_INT(zb_buffer_writepos(b), 0);
	CHECK_EQ_INT(write_all(fds[1], "ab", 2), 0);
	CHECK_EQ_INT(zb_buffer_read_from(b, fds[0]), 2);
	CHECK_VIEW(zb_buffer_view_all(b), "ab");
	close(fds[1]);
	CHECK_EQ_INT(zb_buffer_read_from(b, fds[0]), ZB_EOF);
	/* read_at on a pipe: ESPIPE */
	zb_buffer_reset(b);
	errno = 0;
	CHECK_EQ_INT(zb_buffer_read_at(b, fds[0], 0), ZB_EOS);
	CHECK_EQ_INT(errno, ESPIPE);
	close(fds[0]);
	zb_buffer_release(b);
}

/* Reads a file written under a fresh mkdtemp directory, in pieces. */
static void test_read_from_file(void)
{
	char dir[] = "/tmp/zbunitXXXXXX";
	char path[sizeof dir + 16];
	zb_buffer *small = zb_buffer_allocate(4);
	zb_buffer *big = zb_buffer_allocate(64);
	int fd;
	ptrdiff_t r;

	if (small == NULL || big == NULL || mkdtemp(dir) == NULL) {
		CHECK(!"setup failed");
		zb_buffer_release(small);
		zb_buffer_release(big);
		return;
	}
	snprintf(path, sizeof path, "%s/in", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK_EQ_INT(write_all(fd, "0123456789", 10), 0);
		close(fd);
	}
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	if (fd >= 0) {
		CHECK_EQ_INT(zb_buffer_read_from(small, fd), 4);
		CHECK_VIEW(zb_buffer_view_all(small), "0123");
		CHECK_EQ_INT(zb_buffer_read_from(small, fd), ZB_FULL);
		/* the rest, read until end of file */
		while ((r = zb_buffer_read_from(big, fd)) > 0)
			;
		CHECK_EQ_INT(r, ZB_EOF);
		CHECK_VIEW(zb_buffer_view_all(big), "456789");
		/* read_at: at a position, the file offset (now at the end) left alone */
		zb_buffer_reset(small);
		CHECK_EQ_INT(zb_buffer_read_at(small, fd, 3), 4);
		CHECK_VIEW(zb_buffer_view_all(small), "3456");
		CHECK_EQ_INT(zb_buffer_read_at(small, fd, 0), ZB_FULL);
		zb_buffer_reset(small);
		CHECK_EQ_INT(zb_buffer_read_at(small, fd, 8), 2); /* short at the end */
		CHECK_VIEW(zb_buffer_view_all(small), "89");
		CHECK_EQ_INT(zb_buffer_read_at(small, fd, 10), ZB_EOF);
		CHECK_EQ_INT(zb_buffer_read_at(small, fd, 99), ZB_EOF);
		/* read_at_most: fewer than the free space, then the rest of it */
		zb_buffer_reset(small);
		CHECK_EQ_INT(zb_buffer_read_at_most(small, fd, 1, 3), 3);
		CHECK_VIEW(zb_buffer_view_all(small), "123");
		CHECK_EQ_INT(zb_buffer_read_at_most(small, fd, 4, 5), 1);
		CHECK_VIEW(zb_buffer_view_all(small), "1234");
		CHECK_EQ_INT(zb_buffer_read_at_most(small, fd, 5, 1), ZB_FULL);
		zb_buffer_reset(small);
		CHECK_EQ_INT(zb_buffer_read_at_most(small, fd, 0, 0), ZB_EINVAL);
		CHECK_EQ_INT(zb_buffer_writepos(small), 0);
		CHECK_EQ_INT(zb_buffer_read_at_most(small, fd, 10, 2), ZB_EOF);
		errno = 0;
		CHECK_EQ_INT(zb_buffer_read_at(small, fd, -1), ZB_EOS);
		CHECK_EQ_INT(errno, EINVAL);
		CHECK_EQ_INT(lseek(fd, 0, SEEK_CUR), 10);
		CHECK_EQ_INT(zb_buffer_read_from(small, fd), ZB_EOF);
		close(fd);
	}
	CHECK_EQ_INT(unlink(path), 0);
	CHECK_EQ_INT(rmdir(dir), 0);
	zb_buffer_release(small);
	zb_buffer_release(big);
}

/* A NUL sentinel follows the capacity, so a scan for NUL never leaves the buffer. */
static void test_sentinel(void)
{
	zb_buffer *b = zb_buffer_allocate(5);
	zb_buffer *z = zb_buffer_allocate(0);

	if (b == NULL || z == NULL) {
		CHECK(!"setup failed");
	} else {
		CHECK_EQ_INT(zb_buffer_add_bytes(b, "abcde", 5), 5);
		CHECK_EQ_INT(b->data[5], 0);
		CHECK_EQ_INT(strlen((const char *)b->data), 5);
		CHECK_EQ_INT(z->data[0], 0);
	}
	zb_buffer_release(b);
	zb_buffer_release(z);
}

/* space + commit: bytes written in place count once committed, and a commit past
 * the free space counts only up to it. */
static void test_space_commit(void)
{
	zb_buffer *b = zb_buffer_allocate(8);

	if (b == NULL) {
		CHECK(!"setup failed");
		return;
	}
	CHECK_PTR_EQ(zb_buffer_space(b), b->data);
	memcpy(zb_buffer_space(b), "abc", 3);
	CHECK_EQ_INT(zb_buffer_writepos(b), 0); /* nothing counts before the commit */
	zb_buffer_commit(b, 3);
	CHECK_EQ_INT(zb_buffer_writepos(b), 3);
	CHECK_VIEW(zb_buffer_view_all(b), "abc");
	CHECK_PTR_EQ(zb_buffer_space(b), b->data + 3);
	memcpy(zb_buffer_space(b), "defgh", 5);
	zb_buffer_commit(b, 100); /* more than the free space: only the free space */
	CHECK_EQ_INT(zb_buffer_writepos(b), 8);
	CHECK_EQ_INT(zb_buffer_free(b), 0);
	CHECK_VIEW(zb_buffer_view_all(b), "abcdefgh");
	zb_buffer_commit(b, 1); /* a full buffer stays full */
	CHECK_EQ_INT(zb_buffer_writepos(b), 8);
	zb_buffer_commit(b, 0);
	CHECK_EQ_INT(zb_buffer_writepos(b), 8);
	zb_buffer_release(b);
}

void test_buffer(void)
{
	test_sentinel();
	test_space_commit();
	test_allocate();
	test_add_bytes();
	test_add_bytes_lengths();
	test_buf_view();
	test_read_from_pipe();
	test_read_from_errors();
	test_read_from_nonblocking();
	test_read_from_file();
}
