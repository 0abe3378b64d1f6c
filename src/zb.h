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
 * BufferView.__len__()             zb_view_len
 * BufferView.__eq__(other)         zb_view_eq (a view), zb_view_eq_bytes (a byte array)
 * BufferView.__contains__(needle)  zb_view_contains
 * BufferView.__getitem__(slice)    zb_view_slice
 * BufferView.__getitem__(int)      zb_view_at
 * BufferView.__add__(other)        zb_view_add
 * BufferView.find / index          zb_view_find / zb_view_index
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
 * (beyond the seed: a prefix)      zb_collator_collapse_max
 * (beyond the seed: copy in)       zb_collator_own
 * (beyond the seed: two-byte scan) scan2_start + scan2_next / scan2_next_b /
 *                                  scan2_next_nth / scan2_pick / scan2_pick1
 * (beyond the seed: cut -f1)       first_fields
 * (beyond the seed: awk '$n == s') keep_field_eq
 * (beyond the seed: run edges)    scanset_start + scanset_next_nth /
 *                                  scanset_next_term
 * (beyond the seed: UTF-8)         utf8_len, utf8_walk_start + utf8_walk_skip,
 *                                  utf8_find, utf8_find_line
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
const char *zb_strerror(int result);

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
void zb_byteset_init(zb_byteset *set, const void *chars, size_t n);

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
size_t zb_view_copy_to(zb_view v, void *dst, size_t cap);

/* __bytes__ as a new allocation of len bytes (at least one byte is allocated, so an
 * empty view gives a valid pointer); the caller owns it and frees it with free().
 * Returns NULL when out of memory. */
unsigned char *zb_view_bytes(zb_view v);

/* __eq__ with a byte array: whether v holds exactly the n bytes at p.  Inline: the
 * lengths alone decide most comparisons of fields. */
static inline bool zb_view_eq_bytes(zb_view v, const void *p, size_t n)
{
	const unsigned char *x = v.data, *y = p;
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
bool zb_view_contains(zb_view v, const void *needle, size_t n);

/*
 * __getitem__ with a slice v[start:stop] (ZB_NONE for an omitted end): negative
 * indexes count from the end and out-of-range values are clamped, as in Python.
 * Stores a sub-view (same owner, no copy) in *out and returns ZB_OK, or returns
 * ZB_EINVAL when the clamped start is after the clamped stop (a backward slice).
 */
int zb_view_slice(zb_view v, ptrdiff_t start, ptrdiff_t stop, zb_view *out);

/* __getitem__ with an integer: the byte (0..255) at index i, negative counting from
 * the end; ZB_ERANGE when i is outside the view. */
int zb_view_at(zb_view v, ptrdiff_t i);

/*
 * __add__: a view of a's bytes followed by b's.  When b directly follows a in the
 * same owner's memory (or either is empty) the result is a view of that memory,
 * nothing is copied and *storage is set to NULL.  Otherwise both are copied into
 * new storage, *storage points at it, the result views it, and the caller frees it
 * with free() when done with the result.  Returns ZB_OK or ZB_ENOMEM.
 */
int zb_view_add(zb_view a, zb_view b, zb_view *out, unsigned char **storage);

/*
 * find: the lowest index in v at which the n bytes at needle occur wholly within
 * v[start:stop], or -1; exactly bytes.find's rules (negative start/stop count from
 * the end; an empty needle is found at start unless start is past the end or after
 * stop).  Linear time in the worst case, whatever the needle.
 */
ptrdiff_t zb_view_find(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* index: as zb_view_find, but ZB_ENOTFOUND instead of -1. */
ptrdiff_t zb_view_index(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* rfind: the highest such index, or -1 (an empty needle is found at stop). */
ptrdiff_t zb_view_rfind(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* rindex: as zb_view_rfind, but ZB_ENOTFOUND instead of -1. */
ptrdiff_t zb_view_rindex(zb_view v, const void *needle, size_t n, ptrdiff_t start, ptrdiff_t stop);

/* One byte, found with memchr: the offset of the first c in v at or after `from`, or -1. */
static inline ptrdiff_t zb_view_find_byte(zb_view v, unsigned char c, size_t from)
{
	const unsigned char *p;
	if (from >= v.len)
		return -1;
	p = memchr(v.data + from, c, v.len - from);
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
int zb_view_split(zb_view v, const void *sep, size_t n, ptrdiff_t maxsplit, zb_split *it);

/* bytes.split() with no separator: pieces between runs of ASCII whitespace, none
 * empty; leading whitespace is skipped and, once maxsplit is used up, the rest is
 * one piece with its trailing whitespace kept, as in Python. */
void zb_view_split_ws(zb_view v, ptrdiff_t maxsplit, zb_split *it);

/*
 * Beyond the seed: pieces between runs of any of the n bytes at set (a field
 * splitter like awk's default).  With trim, runs at either end are ignored exactly as
 * zb_view_split_ws does; without it, a leading run gives an empty first piece and a
 * trailing run an empty last piece, like splitting on the regular expression [set]+.
 */
void zb_view_split_runs(zb_view v, const void *set, size_t n, bool trim, ptrdiff_t maxsplit,
                        zb_split *it);

/* zb_view_split_runs with a prepared set, for a caller that splits many views on
 * the same bytes. */
void zb_view_split_set(zb_view v, const zb_byteset *set, bool trim, ptrdiff_t maxsplit,
                       zb_split *it);

/* The next piece of a split into *out (a sub-view of the split view); false when done. */
bool zb_split_next(zb_split *it, zb_view *out);

/* The state of a splitlines in progress; borrows the view, allocates nothing. */
typedef struct zb_lines {
	zb_view rest;  /* what is left */
	bool keepends; /* whether pieces keep their line ends */
} zb_lines;

/* splitlines(keepends): lines ending at \n, \r or \r\n, as bytes.splitlines(); no
 * trailing empty line; an empty view yields nothing. */
void zb_view_splitlines(zb_view v, bool keepends, zb_lines *it);

/* The next line into *out (a sub-view); false when there are no more. */
bool zb_lines_next(zb_lines *it, zb_view *out);

/* isspace/isdigit/isalpha: every byte in the ASCII class, and v not empty, as bytes.X.
 * Space is " \t\n\r\v\f". */
bool zb_view_isspace(zb_view v);
bool zb_view_isdigit(zb_view v);
bool zb_view_isalpha(zb_view v);

/*
 * strip/lstrip/rstrip: the sub-view of v without the bytes of the set at both ends /
 * the start / the end.  The set is the n bytes at chars, or ASCII whitespace
 * " \t\n\r\v\f" when chars is NULL (Python's None); an empty set strips nothing.
 */
zb_view zb_view_strip(zb_view v, const void *chars, size_t n);
zb_view zb_view_lstrip(zb_view v, const void *chars, size_t n);
zb_view zb_view_rstrip(zb_view v, const void *chars, size_t n);

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
ptrdiff_t zb_view_write_to(zb_view v, int fd);

/* ---------------------------------------------------------------- scans */

/*
 * Beyond the seed: a one-pass scan of a view for two byte values at once -- a
 * field delimiter and a record terminator -- handing out their offsets in order.
 * It looks at 64 bytes at a time (with SSE2 or AVX2, chosen when the program
 * starts, or a portable loop) and keeps one bit per byte, so finding the next
 * delimiter costs a few instructions and no call.  It borrows the view and
 * allocates nothing.
 */
/* 64-byte blocks examined per refill: at 32 a refill's call and setup are spread
 * over 2 KiB (-f1: 7% fewer instructions, a fifth fewer mispredicted branches than
 * at 8), and the scan state is still a few cache lines. */
#define SCAN2_BLOCKS 32

typedef struct scan2 {
	const unsigned char *data; /* the view being scanned */
	size_t len;
	size_t next;               /* offset of the first byte not yet examined */
	size_t base;               /* offset of the byte that bit 0 of a_bits[0] stands for */
	size_t cur, nblocks;       /* block being handed out, blocks examined */
	uint64_t a_bits[SCAN2_BLOCKS]; /* where `a` is, not yet handed out */
	uint64_t b_bits[SCAN2_BLOCKS]; /* where `b` is, not yet handed out */
	unsigned char a_count[SCAN2_BLOCKS]; /* a's in each block when examined (stale
	                                          once the block is being handed out) */
	unsigned char a, b;
} scan2;

/* Starts a scan of v for the bytes a and b (which must differ). */
void scan2_start(scan2 *s, zb_view v, unsigned char a, unsigned char b);

/* Examines the next blocks (the slow path of scan2_next); false at the end. */
bool scan2_refill(scan2 *s);

/* Which implementation the scans use: "avx2", "sse2" or "portable". */
const char *scan2_engine(void);

/* For tests and benchmarks: makes the scans use the named engine; -1 when this CPU
 * or build does not have it (the engine is then unchanged). */
int scan2_use(const char *name);

static inline unsigned ctz64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
	return (unsigned)__builtin_ctzll(x);
#else
	unsigned n = 0;
	while (!(x & 1)) {
		x >>= 1;
		n++;
	}
	return n;
#endif
}

/*
 * The offset of the next a or b, in order, with *is_b telling which; -1 at the end.
 */
static inline ptrdiff_t scan2_next(scan2 *s, bool *is_b)
{
	for (;;) {
		while (s->cur < s->nblocks) {
			uint64_t a = s->a_bits[s->cur], b = s->b_bits[s->cur], all = a | b;
			if (all) {
				unsigned bit = ctz64(all);
				uint64_t mask = (uint64_t)1 << bit;
				*is_b = (b & mask) != 0;
				s->a_bits[s->cur] = a & ~mask;
				s->b_bits[s->cur] = b & ~mask;
				return (ptrdiff_t)(s->base + s->cur * 64 + bit);
			}
			s->cur++;
		}
		if (!scan2_refill(s))
			return -1;
	}
}

/* Bits set in x, without needing a POPCNT instruction in the build. */
static inline unsigned popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555u);
	x = (x & 0x3333333333333333u) + ((x >> 2) & 0x3333333333333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
	return (unsigned)((x * 0x0101010101010101u) >> 56);
}

/* x without its bits up to and including bit `bit` (0 to 63).  No test of 63: an
 * unsigned 2 << 63 is 0, and the mask then clears every bit. */
static inline uint64_t bits_above(uint64_t x, unsigned bit)
{
	return x & ~(((uint64_t)2 << bit) - 1);
}

/*
 * The offset of the n-th next a (n >= 1), or of the next b when it comes first,
 * with *is_b telling which; -1 at the end.  Whole blocks of a's are counted, not
 * visited, so passing over many fields costs little.
 */
static inline ptrdiff_t scan2_next_nth(scan2 *s, size_t n, bool *is_b)
{
	for (;;) {
		while (s->cur < s->nblocks) {
			uint64_t a = s->a_bits[s->cur], b = s->b_bits[s->cur];
			uint64_t a_first = b ? a & ((b & (~b + 1)) - 1) : a; /* a's before the first b */
			unsigned count, bit;
			if (n == 1 && (a_first || b)) { /* the common case: the next event */
				bit = ctz64(a_first ? a_first : b);
				*is_b = a_first == 0;
				s->a_bits[s->cur] = bits_above(a, bit);
				s->b_bits[s->cur] = *is_b ? b & (b - 1) : b;
				return (ptrdiff_t)(s->base + s->cur * 64 + bit);
			}
			count = popcount64(a_first);
			if (count >= n) {
				while (--n > 0)
					a_first &= a_first - 1;
				bit = ctz64(a_first);
				s->a_bits[s->cur] = bits_above(a, bit);
				*is_b = false;
				return (ptrdiff_t)(s->base + s->cur * 64 + bit);
			}
			if (b) {
				bit = ctz64(b);
				s->b_bits[s->cur] = b & (b - 1);
				s->a_bits[s->cur] = bits_above(a, bit);
				*is_b = true;
				return (ptrdiff_t)(s->base + s->cur * 64 + bit);
			}
			n -= count;
			s->a_bits[s->cur] = 0;
			s->cur++;
		}
		if (!scan2_refill(s))
			return -1;
	}
}

/* The pick functions' end: hands out the first b of block `cur` (whose masks are a
 * and b), leaves the scan just after it, and returns its offset. */
static inline ptrdiff_t scan2_take_b(scan2 *s, size_t cur, uint64_t a, uint64_t b)
{
	unsigned bit = ctz64(b);

	s->b_bits[cur] = b & (b - 1);
	s->a_bits[cur] = bits_above(a, bit);
	s->cur = cur;
	return (ptrdiff_t)(s->base + cur * 64 + bit);
}

/*
 * Picks a's by number in the stretch up to the next b -- the delimiters a record's
 * wanted fields need, in one call per record.  nth[0] < nth[1] < ... < nth[n - 1]
 * number the a's from 1 at the scan's position; the offset of each one present
 * goes to at[], in order.  Returns how many were present (fewer when the b or the
 * end of the view comes first), sets *b_at to the b's offset, or -1 when the view
 * ends first, and leaves the scan after that b.  The state stays in registers
 * while a block is searched; a's between wanted ones are counted, not visited.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline)) /* the hot loop of its caller; a call costs a fifth */
#endif
static inline size_t scan2_pick(scan2 *s, const size_t *nth, size_t n, size_t *at,
                                   ptrdiff_t *b_at)
{
	size_t seen = 0, j = 0;  /* a's passed, nth's found */
	size_t touched = s->cur; /* the one block whose a_count may be stale */

	for (;;) {
		size_t cur = s->cur, nblocks = s->nblocks; /* locals: at[] may alias *s */
		for (; cur < nblocks; cur++) {
			uint64_t a = s->a_bits[cur], b = s->b_bits[cur];
			uint64_t left = b ? a & ((b & (~b + 1)) - 1) : a; /* a's before the b */
			size_t base = s->base + cur * 64;
			if (!b && cur != touched && j < n && nth[j] - seen > s->a_count[cur]) {
				seen += s->a_count[cur]; /* a whole block before the wanted a */
				continue;
			}
			while (j < n && left) {
				size_t want = nth[j] - seen; /* >= 1: the want-th bit of left */
				if (want > 8) { /* far ahead: count the block's a's at once */
					unsigned count = popcount64(left);
					if (want > count) {
						seen += count;
						left = 0;
						break;
					}
				}
				while (--want > 0 && left)
					left &= left - 1;
				if (!left) { /* fewer than want here */
					seen = nth[j] - want - 1;
					break;
				}
				at[j++] = base + ctz64(left);
				seen = nth[j - 1];
				left &= left - 1;
			}
			if (j < n && left)
				seen += popcount64(left);
			if (b) {
				*b_at = scan2_take_b(s, cur, a, b);
				return j;
			}
		}
		s->cur = cur;
		if (!scan2_refill(s)) {
			*b_at = -1;
			return j;
		}
		touched = SIZE_MAX;
	}
}

/*
 * scan2_pick for nth = {1}, the commonest question (the first field, -f1, -f2-):
 * the first a before the next b goes to *at; returns 1 when there is one, else 0.
 * Sets *b_at and leaves the scan as scan2_pick does.  Without the counting of
 * the general pick, a record costs a few instructions a block it spans.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline size_t scan2_pick1(scan2 *s, size_t *at, ptrdiff_t *b_at)
{
	size_t found = 0;

	for (;;) {
		size_t cur = s->cur, nblocks = s->nblocks;
		for (; cur < nblocks; cur++) {
			uint64_t a = s->a_bits[cur], b = s->b_bits[cur];
			size_t base = s->base + cur * 64;
			if (!found) {
				uint64_t left = b ? a & ((b & (~b + 1)) - 1) : a; /* a's before the b */
				if (left) {
					*at = base + ctz64(left);
					found = 1;
				}
			}
			if (b) {
				*b_at = scan2_take_b(s, cur, a, b);
				return found;
			}
		}
		s->cur = cur;
		if (!scan2_refill(s)) {
			*b_at = -1;
			return found;
		}
	}
}

/* The offset of the next b, passing over any a before it; -1 at the end. */
static inline ptrdiff_t scan2_next_b(scan2 *s)
{
	for (;;) {
		while (s->cur < s->nblocks) {
			uint64_t b = s->b_bits[s->cur];
			if (b) {
				unsigned bit = ctz64(b);
				uint64_t mask = (uint64_t)1 << bit;
				s->b_bits[s->cur] = b & ~mask;
				/* drop the a bits up to and including this position */
				s->a_bits[s->cur] &= bit == 63 ? 0 : ~((mask << 1) - 1);
				return (ptrdiff_t)(s->base + s->cur * 64 + bit);
			}
			s->a_bits[s->cur] = 0;
			s->cur++;
		}
		if (!scan2_refill(s))
			return -1;
	}
}

/* --------------------------------------------------- one-pass functions */

/*
 * Beyond the seed: a view's records through one question in one pass, with the
 * masks of its delimiter and terminator in registers (the scans' engine).
 */

/*
 * The first field of every record of v -- records ended by `term`, fields by `delim`
 * (which must differ) -- each written to dst followed by `term`: cut -f1 of v.  A
 * record without a delimiter is written whole; an unterminated last record, and
 * the one empty record an empty view is, get a terminator.  dst must have room for
 * v.len + 1 + FIRST_FIELDS_SLACK bytes (fields are copied 32 or 64 bytes at a
 * time); returns the number of bytes written.  One pass with the masks in
 * registers: a record costs a few instructions.
 */
#define FIRST_FIELDS_SLACK 64
size_t first_fields(zb_view v, unsigned char delim, unsigned char term, unsigned char *dst);

/*
 * The records of v -- ended by `term`, fields split by `delim` (which must differ)
 * -- whose field n (n >= 1) is the len bytes at str, or with `invert` those whose
 * field n is not, copied to dst in their order: awk -F'\t' '$n == "str"'.  A record
 * without field n has it empty (and field 1 of a record without a delimiter is
 * the record).  A kept unterminated last record, and the one empty record an empty
 * view is, get a terminator.  dst must have room for v.len + 1 bytes; returns the
 * number written.  One pass with the masks in registers: a record costs a few
 * instructions a delimiter up to field n, and adjacent kept records are one copy.
 */
size_t keep_field_eq(zb_view v, unsigned char delim, unsigned char term, size_t n,
                        const void *str, size_t len, bool invert, unsigned char *dst);

/* ------------------------------------------------------------ set scans */

/*
 * Beyond the seed: a one-pass scan for the edges of runs and for a record
 * terminator.  A run is a stretch of bytes of one class, and its edges are where it
 * begins and the byte after it ends.  The class is a small set of bytes (runs of
 * blanks, say) or, with `words`, every byte that is neither in the set nor the
 * terminator (the words between the blanks).  The byte before the view, the
 * terminator and the end of the view are outside the class, so within a record the
 * edges come in pairs: every run that begins is ended, at the latest at the
 * terminator (an edge there is handed out before the terminator) or at offset len.
 * Like scan2 it looks at 64 bytes at a time (AVX2, SSE2 or a portable loop,
 * chosen when the program starts from what the CPU has) and keeps bits; it borrows
 * the view and allocates nothing.
 * The block being handed out is held apart from the others, so the common case --
 * the next edge is in it -- reads two words; only examining more bytes, every
 * SCANSET_BLOCKS blocks, is a call.
 */
#define SCANSET_MAX 4    /* bytes the set may hold */
#define SCANSET_BLOCKS 8 /* 64-byte blocks examined per refill */

typedef struct scanset {
	uint64_t edges, terms;     /* the block being handed out: what is not yet handed out */
	size_t at;                 /* offset of the byte that bit 0 of edges and terms stands for */
	const unsigned char *data; /* the view being scanned */
	size_t len;
	size_t next;               /* offset of the first byte not yet examined */
	size_t base;               /* offset of the byte that bit 0 of edge_bits[0] stands for */
	size_t cur, nblocks;       /* blocks examined; [cur, nblocks) are still to hand out */
	uint64_t edge_bits[SCANSET_BLOCKS];
	uint64_t term_bits[SCANSET_BLOCKS];
	uint64_t inside;           /* 1 when the last byte examined is in the class */
	unsigned char set[SCANSET_MAX]; /* the set, its first byte repeated to fill it */
	unsigned char nset, term;
	bool words;                /* the class is the bytes outside set and terminator */
} scanset;

/*
 * Starts a scan of v for the edges of runs of the n bytes at set (1 <= n <=
 * SCANSET_MAX), or of the words between them when `words`, and for the byte
 * term.  Returns ZB_OK, or ZB_EINVAL when n is out of range or term is in the set
 * (the scan then hands out nothing).
 */
static inline int scanset_start(scanset *s, zb_view v, const void *set, size_t n,
                                   unsigned char term, bool words)
{
	/* inline: cheap enough to start a scan for every field range a record writes,
	 * and the view is not copied into a call (a stall when it was just made) */
	const unsigned char *bytes = (const unsigned char *)set;
	size_t i;

	s->term = term;
	s->words = words;
	s->data = v.data;
	s->len = 0; /* until the set is known to be good: a refused scan hands out nothing */
	s->next = s->base = s->at = 0;
	s->cur = s->nblocks = 0;
	s->edges = s->terms = 0; /* nothing handed out yet: the first call examines */
	s->inside = 0;
	s->nset = 0;
	if (n == 0 || n > SCANSET_MAX)
		return ZB_EINVAL;
	for (i = 0; i < SCANSET_MAX; i++) { /* repeats change nothing, and fill the compares */
		s->set[i] = bytes[i < n ? i : 0];
		if (s->set[i] == term)
			return ZB_EINVAL;
	}
	s->nset = (unsigned char)n;
	s->len = v.len;
	return ZB_OK;
}

/* Examines the next blocks of the view (the slow path of the functions below);
 * false at the end. */
bool scanset_refill(scanset *s);

/* The number of edges before the next terminator (an edge at its offset counts) or
 * the end of the view: what the calls below will pass over; nothing is handed out. */
size_t scanset_count(const scanset *s);

/* Which implementation set scans use: "avx2", "sse2" or "portable". */
const char *scanset_engine(void);

/* For tests and benchmarks: makes set scans use the named engine; -1 when this CPU
 * or build does not have it (the engine is then unchanged). */
int scanset_use(const char *name);

/* Makes the next block the one handed out; false at the end of the view. */
static inline bool scanset_advance(scanset *s)
{
	if (s->cur == s->nblocks && !scanset_refill(s))
		return false;
	s->edges = s->edge_bits[s->cur];
	s->terms = s->term_bits[s->cur];
	s->at = s->base + 64 * s->cur++;
	return true;
}

/*
 * The offset of the n-th next edge (n >= 1), or of the next terminator when it
 * comes first, with *is_term telling which; -1 at the end.  When many edges are
 * to be passed over they are counted a block at a time.
 */
static inline ptrdiff_t scanset_next_nth(scanset *s, size_t n, bool *is_term)
{
	for (;;) {
		uint64_t e = s->edges, t = s->terms;
		uint64_t mine = e & (t ^ (t - 1)); /* edges up to the terminator, its own included
		                                      (all of them when there is none) */
		if (n > 16 && !t && popcount64(mine) < n) {
			n -= popcount64(mine);
			mine = 0;
		}
		for (; mine; mine &= mine - 1)
			if (--n == 0) { /* mine ^ (mine - 1): the bits up to this edge */
				s->edges = e & ~(mine ^ (mine - 1));
				*is_term = false;
				return (ptrdiff_t)(s->at + ctz64(mine));
			}
		if (t) {
			s->terms = t & (t - 1);
			s->edges = e & ~(t ^ (t - 1));
			*is_term = true;
			return (ptrdiff_t)(s->at + ctz64(t));
		}
		if (!scanset_advance(s))
			return -1;
	}
}

/* The offset of the next terminator, passing over the edges before it; -1 at the end. */
static inline ptrdiff_t scanset_next_term(scanset *s)
{
	for (;;) {
		uint64_t t = s->terms;
		if (t) {
			s->terms = t & (t - 1);
			s->edges &= ~(t ^ (t - 1));
			return (ptrdiff_t)(s->at + ctz64(t));
		}
		if (!scanset_advance(s))
			return -1;
	}
}

/* ---------------------------------------------------------------- UTF-8 */

/*
 * Beyond the seed: moving over UTF-8 text.  A valid character is a well-formed UTF-8
 * sequence of 1 to 4 bytes: no overlong form, no surrogate (U+D800..U+DFFF), nothing
 * past U+10FFFF.
 */

/* The length (1 to 4) of the valid character at p, of which n > 0 bytes may be
 * read; 0 when p does not start one, or starts one that n bytes cut short. */
static inline size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	size_t len, i;

	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0;
	if (c < 0xE0) {
		len = 2;
	} else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	}
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

/*
 * A walk over the valid characters of a view, from a given byte on.  With AVX2 or
 * SSSE3 it examines 64 bytes at a time, keeping one bit per character start and
 * checking the UTF-8 rules for the whole block at once, so passing over many
 * characters costs a few instructions; otherwise it steps with utf8_len.  It
 * borrows the view and allocates nothing.  Read `pos`; set the rest only through
 * the functions below.
 */
typedef struct utf8_walk {
	const unsigned char *data; /* the view walked */
	size_t len;
	size_t start;     /* where the walk began: the bytes before are not looked at */
	size_t pos;       /* where the walk is: a character's first byte, or len */
	size_t base;      /* offset of the block the masks stand for */
	uint64_t starts;  /* the block's character starts after pos, before `bound` */
	unsigned bound;   /* bits from here on are past an error or the end; 64: none */
	bool final;       /* the walk cannot go past this block: an error or the end */
	bool examined;    /* the masks stand for the block at base */
} utf8_walk;

/* Starts a walk over v at byte `start` (<= v.len), taking the text to begin there. */
static inline void utf8_walk_start(utf8_walk *w, zb_view v, size_t start)
{
	w->data = v.data;
	w->len = v.len;
	w->start = w->pos = w->base = start;
	w->starts = 0;
	w->bound = 0;
	w->final = false;
	w->examined = false;
}

/*
 * Moves w over at most n valid characters, and only over those that end at or
 * before byte offset `limit`; returns how many it passed (w->pos is then after
 * them).  It stops early at the end of the view, at the limit, or before a byte that
 * does not start a valid character (one cut short by the end of the view
 * included): a caller with its own rule for such bytes applies it there and starts
 * a new walk after them.
 */
size_t utf8_walk_skip(utf8_walk *w, size_t n, size_t limit);

/* Where a character is in a view: bytes [start, end). */
typedef struct utf8_span {
	size_t start, end;
} utf8_span;

/*
 * Finds characters by number, in one pass: for numbers 0 < nums[0] <= nums[1] <= ...
 * (character 1 starts at the start of v), sets spans[i] to where character nums[i]
 * is.  Returns how many it found.  When fewer than count, *invalid says whether it
 * stopped before a byte that does not start a valid character (a caller with its
 * own rule for such bytes must then look further with a walk) rather than at the
 * end of v.
 */
size_t utf8_find(zb_view v, const size_t *nums, size_t count, utf8_span *spans,
                    bool *invalid);

/*
 * As utf8_find, in the first line of v: the bytes before the first byte `term`
 * (an ASCII byte such as '\n'), or all of v when it has none; the line's length goes
 * to *line_len.  The characters and the end of the line are looked for in the same
 * pass, so a block of lines is not scanned twice.
 */
size_t utf8_find_line(zb_view v, unsigned char term, const size_t *nums, size_t count,
                         utf8_span *spans, bool *invalid, size_t *line_len);

/* Which implementation utf8_walk_skip and utf8_find use: "avx2-pdep", "avx2",
 * "ssse3" or "portable". */
const char *utf8_engine(void);

/* For tests and benchmarks: makes them use the named engine; -1 when this CPU or
 * build does not have it (the engine is then unchanged). */
int utf8_use(const char *name);

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
 * of memory or capacity is above PTRDIFF_MAX.  The caller owns it and releases it with zb_buffer_release(). */
zb_buffer *zb_buffer_allocate(size_t capacity);

/* Frees b (NULL is ignored).  Every view into b becomes invalid. */
void zb_buffer_release(zb_buffer *b);

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
ptrdiff_t zb_buffer_read_from(zb_buffer *b, int fd);

/*
 * Beyond the seed: read_from at a position.  One pread(2) of fd at `offset` into the
 * free space (retried only when interrupted), which neither uses nor moves the file
 * offset, so threads can read parts of one file at once.  The same results as
 * zb_buffer_read_from: bytes read, ZB_EOF at or past the end of the file, ZB_FULL,
 * or ZB_EOS with errno set (ESPIPE for a pipe; EINVAL for a negative offset).
 */
ptrdiff_t zb_buffer_read_at(zb_buffer *b, int fd, off_t offset);

/*
 * read_at of at most `max` bytes of the free space, so that a reader can take a
 * little more of a file without paying for a buffer's worth.  The same results,
 * and ZB_EINVAL when max is 0.
 */
ptrdiff_t zb_buffer_read_at_most(zb_buffer *b, int fd, off_t offset, size_t max);


/*
 * view(start, stop): a view of written bytes [start, stop) (ZB_NONE as stop means
 * writepos), no copy.  It borrows from b and stays valid until b is reset or
 * released.  Returns ZB_OK, or ZB_EINVAL when stop is before start, start is
 * negative or after writepos, or stop is after writepos.
 */
int zb_buffer_view(const zb_buffer *b, ptrdiff_t start, ptrdiff_t stop, zb_view *out);

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
	zb_view *pieces;     /* held views: pieces[first..count) */
	size_t first;        /* index of the oldest held piece */
	size_t count;        /* one past the newest */
	size_t cap;          /* slots allocated in pieces */
	size_t len;          /* total bytes held */
	unsigned char *store; /* storage for copied results */
	size_t store_cap;    /* its size */
} zb_collator;

#define ZB_COLLATOR_INIT {NULL, 0, 0, 0, 0, NULL, 0}

/* A new empty collator in *c (the same as assigning ZB_COLLATOR_INIT). */
void zb_collator_init(zb_collator *c);

/* Frees what c owns and leaves it empty; views it returned become invalid. */
void zb_collator_release(zb_collator *c);

/* __len__: the total number of bytes held. */
static inline size_t zb_collator_len(const zb_collator *c) { return c->len; }

/*
 * append: holds v after the views already held.  A view that starts where the last
 * held one ends, in the same owner, is merged with it, so the pieces of one region
 * never cause a copy.  Empty views are ignored.  Returns ZB_OK or ZB_ENOMEM.
 */
int zb_collator_append(zb_collator *c, zb_view v);

/*
 * collapse: one view of everything held, in order, into *out; the collator is then
 * empty (a second collapse gives an empty view).  A single held piece is returned
 * as it is, with no copy.  Several are copied into the collator's storage: the
 * result then stays valid until the collator's next collapse, collapse_max, own or
 * release.  Appending that result back and collapsing again extends it in place,
 * so a record gathered one buffer at a time is copied in amortised linear time.
 * Returns ZB_OK or ZB_ENOMEM (the collator is then unchanged).
 */
int zb_collator_collapse(zb_collator *c, zb_view *out);

/*
 * Beyond the seed: as collapse, but *out gets only the first min(max, len) bytes
 * held; the rest stays held, in order, for the next call.  The same no-copy and
 * lifetime rules apply; the bytes kept may be moved into the collator's storage.
 */
int zb_collator_collapse_max(zb_collator *c, size_t max, zb_view *out);

/*
 * Beyond the seed: copies the views held into the collator's own storage (what is
 * already there is not copied again), so that the buffers they came from may be
 * reset or released while the collator keeps the bytes.  Views returned earlier by
 * collapse become invalid.  Returns ZB_OK or ZB_ENOMEM (nothing is then changed).
 */
int zb_collator_own(zb_collator *c);

#endif
