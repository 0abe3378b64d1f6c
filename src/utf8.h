/* utf8.h - the length of one UTF-8 character, for -c and -n. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/*
 * The length of the character starting at p (n > 0 bytes available): 1 to 4 for a
 * valid UTF-8 sequence (no overlong forms, surrogates or values past U+10FFFF), and
 * 1 for a byte that does not start one, which then counts as a character of its own.
 */
static inline size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
	size_t len, i;

	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 1;
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
		return 1;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 1;
	return len;
}

#endif
