/* escape.c - backslash escapes in delimiter arguments. */
#include <stdio.h>

#include "escape.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

ptrdiff_t unescape(const char *text, unsigned char *out, char *err, size_t errlen)
{
	const char *s = text;
	ptrdiff_t n = 0;

	while (*s) {
		if (*s != '\\' || s[1] == '\0') {
			out[n++] = (unsigned char)*s++;
			continue;
		}
		switch (s[1]) {
		case 't': out[n++] = '\t'; break;
		case 'n': out[n++] = '\n'; break;
		case 'r': out[n++] = '\r'; break;
		case '0': out[n++] = '\0'; break;
		case '\\': out[n++] = '\\'; break;
		case 'x': {
			int hi = hex_value(s[2]), lo = hi < 0 ? -1 : hex_value(s[3]);
			if (hi < 0) {
				snprintf(err, errlen, "invalid escape '\\x' in '%s': hex digits must follow",
				         text);
				return -1;
			}
			out[n++] = (unsigned char)(lo < 0 ? hi : hi * 16 + lo);
			s += lo < 0 ? 1 : 2;
			break;
		}
		default:
			snprintf(err, errlen, "invalid escape '\\%c' in '%s'", s[1], text);
			return -1;
		}
		s += 2;
	}
	return n;
}
