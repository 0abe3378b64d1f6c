/* escape.h - backslash escapes in delimiter arguments. */
#ifndef ESCAPE_H
#define ESCAPE_H

#include <stddef.h>

/*
 * Decodes text into out (room for strlen(text) bytes): \t \n \r \0 \\ and \xHH
 * (one or two hex digits) stand for their bytes; a backslash at the very end stands
 * for itself, so -d '\' works as in cut.  Returns the length, or -1 with the bad
 * escape in err.
 */
ptrdiff_t unescape(const char *text, unsigned char *out, char *err, size_t errlen);

#endif
