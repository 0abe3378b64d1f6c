/*
 * utf8.h - moving over UTF-8 text.  A valid character is a well-formed UTF-8
 * sequence of 1 to 4 bytes: no overlong form, no surrogate (U+D800..U+DFFF), nothing
 * past U+10FFFF.  What to do with other bytes is the caller's rule: these functions
 * stop before them.
 */
#ifndef KERNELS_UTF8_H
#define KERNELS_UTF8_H

#include "zb/zb.h"

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
 * A walk over the valid characters of a view, from a given byte on.  With a SIMD
 * engine (engine.h) it examines 64 bytes at a time, keeping one bit per character
 * start and checking the UTF-8 rules for the whole block at once, so passing over
 * many characters costs a few instructions; otherwise it steps with utf8_len.  It
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
size_t utf8_find(zb_view v, const size_t *nums, size_t count, utf8_span *spans, bool *invalid);

/*
 * As utf8_find, in the first line of v: the bytes before the first byte `term`
 * (an ASCII byte such as '\n'), or all of v when it has none; the line's length goes
 * to *line_len.  The characters and the end of the line are looked for in the same
 * pass, so a block of lines is not scanned twice.
 */
size_t utf8_find_line(zb_view v, unsigned char term, const size_t *nums, size_t count,
                      utf8_span *spans, bool *invalid, size_t *line_len);

#endif
