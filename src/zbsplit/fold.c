/*
 * fold.c - case folding (see fold.h).  A character is folded as towlower(towupper(c))
 * in the environment's LC_CTYPE, read once with newlocale, so folding needs no
 * setlocale and no per-record memory: ς and Σ go to σ, ẞ to ß, K (Kelvin) to k.
 */
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wctype.h>

#include "fold.h"
#include "kernels/utf8.h"

/* Tokens above every code point: FOLD_BYTE + b for a byte b that is not a character. */
#define FOLD_BYTE 0x110000u

static locale_t fold_locale = (locale_t)0; /* a UTF-8 LC_CTYPE, or none: ASCII alone */
static unsigned fold_users;

void fold_open(void)
{
	locale_t loc;

	if (fold_users++ > 0)
		return;
	loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
	if (loc == (locale_t)0)
		return; /* an unknown locale: ASCII, as in the C locale */
	if (strcmp(nl_langinfo_l(CODESET, loc), "UTF-8") == 0)
		fold_locale = loc;
	else
		freelocale(loc);
}

void fold_close(void)
{
	if (fold_users == 0 || --fold_users > 0)
		return;
	if (fold_locale != (locale_t)0)
		freelocale(fold_locale);
	fold_locale = (locale_t)0;
}

bool fold_unicode(void)
{
	return fold_locale != (locale_t)0;
}

/* The code point of the valid character of `len` bytes at p. */
static uint32_t decode(const unsigned char *p, size_t len)
{
	static const unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	uint32_t cp = p[0] & lead_bits[len];
	size_t i;

	for (i = 1; i < len; i++)
		cp = (cp << 6) | (p[i] & 0x3Fu);
	return cp;
}

/* c's folded code point (c a character beyond ASCII, the locale UTF-8). */
static uint32_t fold_char(uint32_t c)
{
	uint32_t f = (uint32_t)towlower_l(towupper_l((wint_t)c, fold_locale), fold_locale);

	return f > 0x10FFFF || (f >= 0xD800 && f <= 0xDFFF) ? c : f; /* (never: a guard) */
}

uint32_t fold_next_slow(const unsigned char *p, size_t n, size_t *i)
{
	size_t len;
	uint32_t cp;

	if (fold_locale == (locale_t)0 || (len = utf8_len(p + *i, n - *i)) == 0)
		return FOLD_BYTE + p[(*i)++];
	cp = decode(p + *i, len);
	*i += len;
	return fold_char(cp);
}

/* c in UTF-8 at out; returns its length. */
static size_t encode(uint32_t c, unsigned char *out)
{
	if (c < 0x80) {
		out[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (unsigned char)(0xC0 | (c >> 6));
		out[1] = (unsigned char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (c >> 12));
		out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (c >> 18));
	out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

size_t fold_utf8(const unsigned char *s, size_t n, unsigned char *out)
{
	size_t i = 0, k = 0, len;

	if (fold_locale == (locale_t)0) {
		memcpy(out, s, n);
		return n;
	}
	while (i < n) {
		if (s[i] < 0x80 || (len = utf8_len(s + i, n - i)) == 0) {
			out[k++] = s[i++]; /* ASCII, or a byte that is not a character */
			continue;
		}
		k += encode(fold_char(decode(s + i, len)), out + k);
		i += len;
	}
	return k;
}

size_t fold_tokens(const unsigned char *s, size_t n, uint32_t *out)
{
	size_t i = 0, k = 0;

	while (i < n)
		out[k++] = fold_next(s, n, &i);
	return k;
}

bool fold_eq_tokens(zb_view v, const uint32_t *t, size_t n)
{
	size_t i = 0, k = 0;

	while (i < v.len && k < n)
		if (fold_next(v.data, v.len, &i) != t[k++])
			return false;
	return i == v.len && k == n;
}

/* Whether the n tokens t are at v's byte `at` (a token's start). */
static bool tokens_at(zb_view v, size_t at, const uint32_t *t, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (at >= v.len || fold_next(v.data, v.len, &at) != t[k])
			return false;
	return true;
}

bool fold_contains_tokens(zb_view v, const uint32_t *t, size_t n)
{
	size_t at = 0;

	if (n == 0)
		return true;
	while (at < v.len) {
		size_t next = at;
		uint32_t first = fold_next(v.data, v.len, &next);
		if (first == t[0] && tokens_at(v, next, t + 1, n - 1))
			return true;
		at = next;
	}
	return false;
}

bool fold_eq(zb_view a, zb_view b)
{
	size_t i = 0, j = 0;

	while (i < a.len && j < b.len)
		if (fold_next(a.data, a.len, &i) != fold_next(b.data, b.len, &j))
			return false;
	return i == a.len && j == b.len;
}

/* Unicode's White_Space property, beyond ASCII. */
static bool is_unicode_space(uint32_t cp)
{
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool text_blank(zb_view v)
{
	size_t i = 0, len;

	while (i < v.len) {
		unsigned char c = v.data[i];
		if (c < 0x80) {
			if (c != ' ' && (c < '\t' || c > '\r'))
				return false;
			i++;
		} else if ((len = utf8_len(v.data + i, v.len - i)) > 0 &&
		           is_unicode_space(decode(v.data + i, len))) {
			i += len;
		} else {
			return false;
		}
	}
	return true;
}

size_t text_chars(zb_view v)
{
	size_t n = 0, at = 0;
	utf8_walk w;

	while (at < v.len) {
		utf8_walk_start(&w, v, at);
		n += utf8_walk_skip(&w, SIZE_MAX, v.len);
		if (w.pos < v.len) { /* a byte that is not a character: one, as -c has it */
			n++;
			at = w.pos + 1;
		} else {
			at = v.len;
		}
	}
	return n;
}
