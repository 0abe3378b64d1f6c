/*
 * zb.h - zero-copy byte buffers: the zero_buffer design in C.
 *
 * Three types, after the Python zero_buffer library by Alex Gaynor and David Reid:
 *
 *   zb_buffer    a fixed-size, append-only region of memory that input is read into;
 *   zb_view      a read-only window (pointer, length, owner) onto bytes; a small value
 *                passed by value; making, slicing and splitting views never allocates;
 *   zb_collator  joins views (typically pieces of one record spread over buffers)
 *                into one view, copying only when the pieces are not contiguous.
 *
 * The library never prints and never exits.  Functions that can fail return one of
 * the negative zb_result codes below (keeping errno from the system call for
 * ZB_EOS); functions that return a count return it as a non-negative ptrdiff_t.
 *
 * Lifetime rule (the one that makes reuse safe): bytes a view can see are never
 * changed.  A buffer's written bytes change only through zb_buffer_reset() and
 * zb_buffer_release(), so a caller may reset or release a buffer only when no view
 * into it is still in use -- including views held by a zb_collator, which can be
 * made independent of the buffer first with zb_collator_own().
 *
 * A NUL byte always follows the last byte of a buffer's capacity and of a
 * collator's storage; no view includes it.  It is a sentinel: a C function that
 * scans for a NUL from inside them (as some regexec implementations and sanitizer
 * interceptors do even with REG_STARTEND) stops there, never past the allocation.
 *
 * Seed method (zero_buffer)        C function
 * -------------------------------  ---------------------------------------------
 * Buffer.allocate(size)            zb_buffer_allocate
 * Buffer.capacity                  zb_buffer_capacity
 * Buffer.writepos                  zb_buffer_writepos
 * Buffer.free                      zb_buffer_free
 * Buffer.read_from(fd)             zb_buffer_read_from
 * (beyond the seed: at a position) zb_buffer_read_at, zb_buffer_read_at_most
 * Buffer.add_bytes(b)              zb_buffer_add_bytes
 * Buffer.view(start, stop)         zb_buffer_view, zb_buffer_view_all
 * (beyond the seed: reuse, free)   zb_buffer_reset, zb_buffer_release
 * (beyond the seed: fill in place) zb_buffer_space + zb_buffer_commit
 * BufferView.__bytes__()           zb_view_copy_to (caller memory), zb_view_bytes (new)
 * (beyond the seed: caller memory) zb_view_of, zb_view_empty
 * BufferView.__len__()             zb_view_len
 * BufferView.__eq__(other)         zb_view_eq (a view), zb_view_eq_bytes (a byte array)
 * BufferView.__contains__(needle)  zb_view_contains
 * BufferView.__getitem__(slice)    zb_view_slice
 * BufferView.__getitem__(int)      zb_view_at
 * BufferView.__add__(other)        zb_view_add
 * BufferView.find / index          zb_view_find / zb_view_index
 * (beyond the seed: one byte)      zb_view_find_byte
 * BufferView.rfind / rindex        zb_view_rfind / zb_view_rindex
 * BufferView.split(by, maxsplit)   zb_view_split + zb_split_next
 * (bytes.split() with no `by`)     zb_view_split_ws + zb_split_next
 * (beyond the seed: byte runs)     zb_view_split_runs / zb_view_split_set + zb_split_next
 * BufferView.splitlines(keepends)  zb_view_splitlines + zb_lines_next
 * BufferView.isspace/isdigit/isalpha  zb_view_isspace / zb_view_isdigit / zb_view_isalpha
 * BufferView.strip/lstrip/rstrip   zb_view_strip / zb_view_lstrip / zb_view_rstrip
 * (beyond the seed: prepared sets) zb_byteset_init + zb_view_strip_sets
 * BufferView.write_to(fd)          zb_view_write_to
 * BufferCollator()                 zb_collator_init (or ZB_COLLATOR_INIT), zb_collator_release
 * BufferCollator.__len__()         zb_collator_len
 * BufferCollator.append(view)      zb_collator_append
 * BufferCollator.collapse()        zb_collator_collapse
 * (beyond the seed: copy in)       zb_collator_own
 *
 * Python exception                 result code
 * -------------------------------  ---------------------------------------------
 * EOFError                         ZB_EOF
 * BufferFull                       ZB_FULL
 * ValueError (bad argument)        ZB_EINVAL
 * ValueError (index/rindex miss)   ZB_ENOTFOUND
 * IndexError                       ZB_ERANGE
 * OSError                          ZB_EOS, with errno set by the system call
 * MemoryError                      ZB_ENOMEM (NULL from the allocating functions)
 */
#ifndef ZB_H
#define ZB_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h> /* off_t */

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; zb_version() gives the library's. */
#define ZB_VERSION_MAJOR 0
#define ZB_VERSION_MINOR 1
#define ZB_VERSION_PATCH 0
#define ZB_VERSION "0.1.0"

/* Marks the functions the shared library exports (it is built with every other
 * symbol hidden). */
#if defined(__GNUC__) || defined(__clang__)
#define ZB_API __attribute__((visibility("default")))
#else
#define ZB_API
#endif

enum zb_result {
	ZB_OK = 0,
	ZB_EOF = -1,       /* end of file: read(2) returned 0 */
	ZB_FULL = -2,      /* the buffer had no free space when called */
	ZB_EINVAL = -3,    /* an argument out of its documented range */
	ZB_ENOTFOUND = -4, /* index/rindex: the needle is not there */
	ZB_ERANGE = -5,    /* zb_view_at: index out of range */
	ZB_EOS = -6,       /* the system call failed; errno tells why */
	ZB_ENOMEM = -7     /* memory could not be allocated */
};

/* A short English description of a zb_result code ("end of file", ...). */
ZB_API const char *zb_strerror(int result);

/* The version of the library linked in, "MAJOR.MINOR.PATCH" (a program built with
 * one header may run with a later library of the same major version). */
ZB_API const char *zb_version(void);

/* Stands for Python's None as a start or stop index: "from the start" / "to the end". */
#define ZB_NONE PTRDIFF_MIN

/* ------------------------------------------------------------------ views */

/*
 * A view: `len` bytes at `data`, which belong to the memory region `owner` (a buffer,
 * a collator's storage, or caller memory).  Two views are merged without copying
 * only when they have the same owner and the second starts where the first ends.
 * An empty sub-view keeps its position (data points where it would start), so
 * offsets between views of one region can always be computed.  Read the fields
 * freely; make views only through the functions below.
 */
typedef struct zb_view {
	const unsigned char *data; /* first byte; when len is 0, still the position */
	size_t len;                /* number of bytes */
	const void *owner;         /* region the bytes belong to; NULL for the empty view */
} zb_view;

/* Beyond the seed: a set of byte values, made once and used for many strips and splits. */
typedef struct zb_byteset {
	unsigned char bits[32]; /* bit c is set when byte c is in the set */
} zb_byteset;

/* Makes *set hold the n bytes at chars, or ASCII whitespace when chars is NULL. */
ZB_API void zb_byteset_init(zb_byteset *set, const void *chars, size_t n);

static inline bool zb_byteset_has(const zb_byteset *set, unsigned char c)
{
	return set->bits[c >> 3] & (1u << (c & 7));
}

/* The empty view, which borrows nothing. */
static inline zb_view zb_view_empty(void)
{
	zb_view v = {(const unsigned char *)"", 0, NULL};
	return v;
}

/* A view of n bytes of caller memory at p; it borrows them for as long as it is used. */
static inline zb_view zb_view_of(const void *p, size_t n)
{
	zb_view v = {(const unsigned char *)p, n, p};
	return p ? v : zb_view_empty();
}

/* __len__: the number of bytes in v. */
static inline size_t zb_view_len(zb_view v) { return v.len; }

/* __bytes__ into caller memory: copies min(len, cap) bytes of v to dst, returns the count. */
ZB_API size_t zb_view_copy_to(zb_view v, void *dst, size_t cap);

/* __bytes__ as a new allocation of len bytes (at least one byte is allocated, so an
 * empty view gives a valid pointer); the caller owns it and frees it with free().
 * Returns NULL when out of memory. */
ZB_API unsigned char *zb_view_bytes(zb_view v);

/* __eq__ with a byte array: whether v holds exactly the n bytes at p.  Inline: the
 * lengths alone decide most comparisons of fields. */
static inline bool zb_view_eq_bytes(zb_view v, const void *p, size_t n)
{
	const unsigned char *x = v.data, *y = (const unsigned char *)p;
	uint64_t a8, b8, c8, d8;
	uint32_t a4, b4, c4, d4;

	if (v.len != n)
		return false;
	/* Fields and the strings they are compared with are short: up to 16 bytes are
	 * compared as two loads from each end, which may overlap, instead of a call. */
	if (n > 16)
		return memcmp(x, y, n) == 0;
	if (n >= 8) {
		memcpy(&a8, x, 8), memcpy(&b8, x + n - 8, 8);
		memcpy(&c8, y, 8), memcpy(&d8, y + n - 8, 8);
		return ((a8 ^ c8) | (b8 ^ d8)) == 0;
	}
	if (n >= 4) {
		memcpy(&a4, x, 4), memcpy(&b4, x + n - 4, 4);
		memcpy(&c4, y, 4), memcpy(&d4, y + n - 4, 4);
		return ((a4 ^ c4) | (b4 ^ d4)) == 0;
	}
	if (n >= 2) { /* 2 or 3 bytes: the first two and the last two */
		uint16_t a2, b2, c2, d2;
		memcpy(&a2, x, 2), memcpy(&b2, x + n - 2, 2);
		memcpy(&c2, y, 2), memcpy(&d2, y + n - 2, 2);
		return ((a2 ^ c2) | (b2 ^ d2)) == 0;
	}
	return n == 0 || x[0] == y[0];
}

/* __eq__: whether a and b hold the same bytes (their owners do not matter). */
static inline bool zb_view_eq(zb_view a, zb_view b)
{
	return zb_view_eq_bytes(a, b.data, b.len);
}

/* __contains__: whether the n bytes at needle occur in v (an empty needle always does). */
ZB_API bool zb_view_contains(zb_view v, const void *needle, size_t n);

/*
 * __getitem__ with a slice v[start:stop] (ZB_NONE for an omitted end): negative
 * indexes count from the end and out-of-range values are clamped, as in Python.
 * Stores a sub-view (same owner, no copy) in *out and returns ZB_OK, or returns
 * ZB_EINVAL when the clamped start is after the clamped stop (a backward slice).
 */
ZB_API int zb_view_slice(zb_view v, ptrdiff_t start, ptrdiff_t stop, zb_view *out);

/* __getitem__ with an integer: the byte (0..255) at index i, negative counting from
 * the end; ZB_ERANGE when i is outside the view. */
ZB_API int zb_view_at(zb_view v, ptrdiff_t i);

/*
 * __add__: a view of a's bytes followed by b's.  When b directly follows a in the
 * same owner's memory (or either is empty) the result is a view of that memory,
 * nothing is copied and *storage is set to NULL.  Otherwise both are copied into
 * new storage, *storage points at it, the result views it, and the caller frees it
 * with free() when done with the result.  Returns ZB_OK or ZB_ENOMEM.
 */
ZB_API int zb_view_add(zb_view a, zb_view b, zb_view *out, unsigned char **storage);

/*
 * find: the lowest index in v at which the n bytes at needle occur wholly within
 * v[start:stop], or -1; exactly bytes.find's rules (negative start/stop count from
 * the end; an empty needle is found at start unless start is past the end or after
 * stop).  Linear time in the worst case, whatever the needle.
 */
ZB_API ptrdiff_t zb_view_find(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* index: as zb_view_find, but ZB_ENOTFOUND instead of -1. */
ZB_API ptrdiff_t zb_view_index(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* rfind: the highest such index, or -1 (an empty needle is found at stop). */
ZB_API ptrdiff_t zb_view_rfind(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* rindex: as zb_view_rfind, but ZB_ENOTFOUND instead of -1. */
ZB_API ptrdiff_t zb_view_rindex(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* One byte, found with memchr: the offset of the first c in v at or after `from`, or -1. */
static inline ptrdiff_t zb_view_find_byte(zb_view v, unsigned char c, size_t from)
{
	const unsigned char *p;
	if (from >= v.len)
		return -1;
	p = (const unsigned char *)memchr(v.data + from, c, v.len - from);
	return p ? p - v.data : -1;
}

/*
 * The state of a split in progress.  It lives where the caller puts it (usually on
 * the stack), borrows the view and the separator, and allocates nothing.
 */
typedef struct zb_split {
	zb_view rest;              /* what is left to split */
	const unsigned char *sep;  /* separator bytes (split) */
	size_t seplen;             /* 0 for the byte-run modes */
	ptrdiff_t splits_left;     /* splits still allowed; negative: no limit */
	bool done;                 /* no more pieces */
	bool trim;                 /* run modes: leading/trailing runs give no empty pieces */
	zb_byteset set;            /* run modes: the separating bytes */
} zb_split;

/*
 * split(by, maxsplit): prepares *it to yield the pieces of v between occurrences of
 * the n bytes at sep, left to right, at most maxsplit splits (negative: no limit),
 * as bytes.split(sep): an empty v yields one empty piece.  Returns ZB_OK, or
 * ZB_EINVAL for an empty separator.  sep must outlive the iteration.
 */
ZB_API int zb_view_split(zb_view v, const void *sep, size_t n, ptrdiff_t maxsplit, zb_split *it);

/* bytes.split() with no separator: pieces between runs of ASCII whitespace, none
 * empty; leading whitespace is skipped and, once maxsplit is used up, the rest is
 * one piece with its trailing whitespace kept, as in Python. */
ZB_API void zb_view_split_ws(zb_view v, ptrdiff_t maxsplit, zb_split *it);

/*
 * Beyond the seed: pieces between runs of any of the n bytes at set (a field
 * splitter like awk's default).  With trim, runs at either end are ignored exactly as
 * zb_view_split_ws does; without it, a leading run gives an empty first piece and a
 * trailing run an empty last piece, like splitting on the regular expression [set]+.
 */
ZB_API void zb_view_split_runs(zb_view v, const void *set, size_t n, bool trim, ptrdiff_t maxsplit,
                        zb_split *it);

/* zb_view_split_runs with a prepared set, for a caller that splits many views on
 * the same bytes. */
ZB_API void zb_view_split_set(zb_view v, const zb_byteset *set, bool trim, ptrdiff_t maxsplit,
                       zb_split *it);

/* The next piece of a split into *out (a sub-view of the split view); false when done. */
ZB_API bool zb_split_next(zb_split *it, zb_view *out);

/* The state of a splitlines in progress; borrows the view, allocates nothing. */
typedef struct zb_lines {
	zb_view rest;  /* what is left */
	bool keepends; /* whether pieces keep their line ends */
} zb_lines;

/* splitlines(keepends): lines ending at \n, \r or \r\n, as bytes.splitlines(); no
 * trailing empty line; an empty view yields nothing. */
ZB_API void zb_view_splitlines(zb_view v, bool keepends, zb_lines *it);

/* The next line into *out (a sub-view); false when there are no more. */
ZB_API bool zb_lines_next(zb_lines *it, zb_view *out);

/* isspace/isdigit/isalpha: every byte in the ASCII class, and v not empty, as bytes.X.
 * Space is " \t\n\r\v\f". */
ZB_API bool zb_view_isspace(zb_view v);
ZB_API bool zb_view_isdigit(zb_view v);
ZB_API bool zb_view_isalpha(zb_view v);

/*
 * strip/lstrip/rstrip: the sub-view of v without the bytes of the set at both ends /
 * the start / the end.  The set is the n bytes at chars, or ASCII whitespace
 * " \t\n\r\v\f" when chars is NULL (Python's None); an empty set strips nothing.
 */
ZB_API zb_view zb_view_strip(zb_view v, const void *chars, size_t n);
ZB_API zb_view zb_view_lstrip(zb_view v, const void *chars, size_t n);
ZB_API zb_view zb_view_rstrip(zb_view v, const void *chars, size_t n);

/* strip with prepared sets: removes bytes of `left` from the start and of `right`
 * from the end of v (a NULL set strips nothing on its side). */
static inline zb_view zb_view_strip_sets(zb_view v, const zb_byteset *left,
                                         const zb_byteset *right)
{
	/* inline: a field is stripped for every record, and usually has nothing to strip */
	size_t lo = 0, hi = v.len;

	while (left && lo < hi && zb_byteset_has(left, v.data[lo]))
		lo++;
	while (right && hi > lo && zb_byteset_has(right, v.data[hi - 1]))
		hi--;
	v.data += lo;
	v.len = hi - lo;
	return v;
}

/* write_to: one write(2) of v to fd (retried only when interrupted by a signal);
 * returns the number of bytes written, which may be fewer than len, or ZB_EOS. */
ZB_API ptrdiff_t zb_view_write_to(zb_view v, int fd);

/* ---------------------------------------------------------------- buffers */

/*
 * A buffer: `capacity` bytes, of which the first `writepos` are written and never
 * change until the buffer is reset.  Read the fields through the functions below.
 */
typedef struct zb_buffer {
	size_t capacity;       /* fixed at allocation */
	size_t writepos;       /* bytes written so far */
	unsigned char data[];  /* the bytes, allocated with the struct */
} zb_buffer;

/* allocate: a new empty buffer of `capacity` bytes (0 is allowed), or NULL when out
 * of memory or capacity is above PTRDIFF_MAX.  The caller owns it and releases it
 * with zb_buffer_release(). */
ZB_API zb_buffer *zb_buffer_allocate(size_t capacity);

/* Frees b (NULL is ignored).  Every view into b becomes invalid. */
ZB_API void zb_buffer_release(zb_buffer *b);

/* capacity, writepos, free: the size, the bytes written, and the space left. */
static inline size_t zb_buffer_capacity(const zb_buffer *b) { return b->capacity; }
static inline size_t zb_buffer_writepos(const zb_buffer *b) { return b->writepos; }
static inline size_t zb_buffer_free(const zb_buffer *b) { return b->capacity - b->writepos; }

/* add_bytes: copies min(n, free) of the n bytes at p to the end of the written data
 * and returns the count, or ZB_FULL when there is no free space at all (n == 0 with
 * free space returns 0).  Inline: it is the hot path of every writer. */
static inline ptrdiff_t zb_buffer_add_bytes(zb_buffer *b, const void *p, size_t n)
{
	size_t room = b->capacity - b->writepos; /* at most PTRDIFF_MAX (see allocate) */

	if (n - 1 >= room) { /* n is 0 or does not fit: the one-compare test of the common case */
		if (room == 0)
			return ZB_FULL;
		if (n == 0)
			return 0;
		n = room;
	}
	if (n <= 16) { /* short, as fields are: fixed-size copies, no call */
		unsigned char *d = b->data + b->writepos;
		const unsigned char *src = (const unsigned char *)p;
		if (n >= 8) {
			uint64_t x, y;
			memcpy(&x, src, 8);
			memcpy(&y, src + n - 8, 8);
			memcpy(d, &x, 8);
			memcpy(d + n - 8, &y, 8);
		} else if (n >= 4) {
			uint32_t x, y;
			memcpy(&x, src, 4);
			memcpy(&y, src + n - 4, 4);
			memcpy(d, &x, 4);
			memcpy(d + n - 4, &y, 4);
		} else {
			d[0] = src[0];
			d[n / 2] = src[n / 2];
			d[n - 1] = src[n - 1];
		}
	} else {
		memcpy(b->data + b->writepos, p, n);
	}
	b->writepos += n;
	return (ptrdiff_t)n;
}

/* Beyond the seed, for writers that build their bytes in place (sds's MakeRoomFor
 * and IncrLen): the free space starts at zb_buffer_space(b); once n bytes are
 * written there, zb_buffer_commit(b, n) adds them to the written data (n above
 * zb_buffer_free(b) counts as free). */
static inline unsigned char *zb_buffer_space(zb_buffer *b) { return b->data + b->writepos; }
static inline void zb_buffer_commit(zb_buffer *b, size_t n)
{
	b->writepos += n < b->capacity - b->writepos ? n : b->capacity - b->writepos;
}

/*
 * read_from: one read(2) from fd into the free space (retried only when interrupted
 * by a signal).  Returns the number of bytes read (> 0), ZB_EOF at end of file,
 * ZB_FULL when there is no free space (nothing is read), or ZB_EOS with errno set.
 */
ZB_API ptrdiff_t zb_buffer_read_from(zb_buffer *b, int fd);

/*
 * Beyond the seed: read_from at a position.  One pread(2) of fd at `offset` into the
 * free space (retried only when interrupted), which neither uses nor moves the file
 * offset, so threads can read parts of one file at once.  The same results as
 * zb_buffer_read_from: bytes read, ZB_EOF at or past the end of the file, ZB_FULL,
 * or ZB_EOS with errno set (ESPIPE for a pipe; EINVAL for a negative offset).
 */
ZB_API ptrdiff_t zb_buffer_read_at(zb_buffer *b, int fd, off_t offset);

/*
 * read_at of at most `max` bytes of the free space, so that a reader can take a
 * little more of a file without paying for a buffer's worth.  The same results,
 * and ZB_EINVAL when max is 0.
 */
ZB_API ptrdiff_t zb_buffer_read_at_most(zb_buffer *b, int fd, off_t offset, size_t max);

/*
 * view(start, stop): a view of written bytes [start, stop) (ZB_NONE as stop means
 * writepos), no copy.  It borrows from b and stays valid until b is reset or
 * released.  Returns ZB_OK, or ZB_EINVAL when stop is before start, start is
 * negative or after writepos, or stop is after writepos.
 */
ZB_API int zb_buffer_view(const zb_buffer *b, ptrdiff_t start, ptrdiff_t stop, zb_view *out);

/* view(): a view of all written bytes, borrowed from b as zb_buffer_view's. */
static inline zb_view zb_buffer_view_all(const zb_buffer *b)
{
	zb_view v = {b->data, b->writepos, b};
	return v;
}

/* Beyond the seed: empties b for reuse (writepos back to 0) without freeing it.
 * Allowed only when no view into b is still in use (see the lifetime rule above). */
static inline void zb_buffer_reset(zb_buffer *b) { b->writepos = 0; }

/* ------------------------------------------------------------- collators */

/*
 * A collator: views held in order, to be collapsed into one.  It borrows the bytes of
 * the views it holds (their buffers must not be reset while it holds them) and owns
 * storage, reused from one collapse to the next, for the results it has to copy.
 */
typedef struct zb_collator {
	zb_view *pieces;     /* held views: pieces[0..count) */
	size_t count;        /* views held */
	size_t cap;          /* slots allocated in pieces */
	size_t len;          /* total bytes held */
	unsigned char *store; /* storage for copied results */
	size_t store_cap;    /* its size */
	zb_view empty;       /* an empty view appended while nothing was held */
	bool has_empty;      /* ... which collapse hands back if nothing else comes */
} zb_collator;

#define ZB_COLLATOR_INIT {NULL, 0, 0, 0, NULL, 0, {NULL, 0, NULL}, false}

/* A new empty collator in *c (the same as assigning ZB_COLLATOR_INIT). */
ZB_API void zb_collator_init(zb_collator *c);

/* Frees what c owns and leaves it empty; views it returned become invalid. */
ZB_API void zb_collator_release(zb_collator *c);

/* __len__: the total number of bytes held. */
static inline size_t zb_collator_len(const zb_collator *c) { return c->len; }

/*
 * append: holds v after the views already held.  A view that starts where the last
 * held one ends, in the same owner, is merged with it, so the pieces of one region
 * never cause a copy.  An empty view adds no bytes; when it is all the collator
 * holds, collapse hands it back (its position kept).  Returns ZB_OK or ZB_ENOMEM.
 */
ZB_API int zb_collator_append(zb_collator *c, zb_view v);

/*
 * collapse: one view of everything held, in order, into *out; the collator is then
 * empty (a second collapse gives an empty view).  A single held piece is returned
 * as it is, with no copy, and so is a lone empty view that was appended.  Several are copied into the collator's storage: the
 * result then stays valid until the collator's next collapse, own or release.
 * Appending that result back and collapsing again extends it in place, so a
 * record gathered one buffer at a time is copied in amortised linear time.
 * Returns ZB_OK or ZB_ENOMEM (the collator is then unchanged).
 */
ZB_API int zb_collator_collapse(zb_collator *c, zb_view *out);

/*
 * Beyond the seed: copies the views held into the collator's own storage (what is
 * already there is not copied again), so that the buffers they came from may be
 * reset or released while the collator keeps the bytes.  Views returned earlier by
 * collapse become invalid.  Returns ZB_OK or ZB_ENOMEM (nothing is then changed).
 */
ZB_API int zb_collator_own(zb_collator *c);

#ifdef __cplusplus
}
#endif

#endif
