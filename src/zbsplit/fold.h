/*
 * fold.h - what the string predicates know of characters: case folding for the
 * case-insensitive ones (--istr-eq, --istr-in-fld, --ff-istr-eq ...), white space
 * for --blank, and the count of characters for --char-len-*.
 *
 * In a UTF-8 locale every character is folded (Å and å, Σ σ and ς, ẞ and ß are
 * one), in any other locale ASCII letters alone.  Text is compared as a sequence
 * of tokens: a folded code point, or, for a byte that does not start a valid UTF-8
 * character (every byte above 127 outside UTF-8), the byte itself set apart from
 * the code points, so that invalid bytes are compared as bytes.
 */
#ifndef FOLD_H
#define FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "zb/zb.h"

/* Reads the locale's LC_CTYPE (the environment's) once, before any folding; a
 * count of users, so each fold_open has its fold_close. */
void fold_open(void);
void fold_close(void);

/* Whether characters beyond ASCII are folded (a UTF-8 locale). */
bool fold_unicode(void);

/* The token at p[*i] (n bytes in all), *i moved past it. */
uint32_t fold_next_slow(const unsigned char *p, size_t n, size_t *i);

static inline uint32_t fold_next(const unsigned char *p, size_t n, size_t *i)
{
	unsigned char c = p[*i];

	if (c < 0x80) { /* the common case, inline */
		(*i)++;
		return c >= 'A' && c <= 'Z' ? (uint32_t)c + ('a' - 'A') : c;
	}
	return fold_next_slow(p, n, i);
}

/* s with each valid UTF-8 character beyond ASCII folded, its folded code point
 * written back in UTF-8 (Å as å, ẞ as ß, the Kelvin sign as k), into out, which
 * has room for FOLD_UTF8_ROOM(n) bytes; ASCII and the bytes that are not part of
 * a character are copied (in a locale that is not UTF-8, all of s).  Returns the
 * length written.  For regexec, whose REG_ICASE folds ASCII but not ẞ and ß. */
size_t fold_utf8(const unsigned char *s, size_t n, unsigned char *out);

/* A character of two bytes or more folds to one of four bytes at most. */
#define FOLD_UTF8_ROOM(n) (2 * (n))

/* s's tokens into out (room for n of them, one per byte at most); returns how many. */
size_t fold_tokens(const unsigned char *s, size_t n, uint32_t *out);

/* Whether v's tokens are exactly the `n` tokens t. */
bool fold_eq_tokens(zb_view v, const uint32_t *t, size_t n);

/* Whether the `n` tokens t occur in v, starting at one of its tokens. */
bool fold_contains_tokens(zb_view v, const uint32_t *t, size_t n);

/* Whether a and b are the same once folded. */
bool fold_eq(zb_view a, zb_view b);

/* Whether v is empty or only white space: the Unicode White_Space characters
 * (ASCII's six, NEL, NO-BREAK SPACE, the spaces of U+2000..U+200A, ...) in UTF-8,
 * in every locale. */
bool text_blank(zb_view v);

/* The characters of v, counted as -c counts them: a valid UTF-8 character is
 * one, and so is every byte that is not part of one. */
size_t text_chars(zb_view v);

#endif
