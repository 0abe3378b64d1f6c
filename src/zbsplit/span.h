/* span.h - what a kernel finds: the bytes of a field, a range or a record in a block. */
#ifndef SPAN_H
#define SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes [start, end) of the block being worked on; start is SPAN_NONE when the
 * record does not have what was asked for. */
struct span {
	size_t start, end;
	bool multi; /* a range that may hold several fields (joined by the output delimiter) */
};

#define SPAN_NONE SIZE_MAX

/* Fields are short: a copy of a fixed 32 bytes is two loads and two stores, where a
 * memcpy of the exact length is a call.  The bytes past n are overwritten next. */
#define COPY_SLACK 32

static inline void copy_field(unsigned char *dst, const unsigned char *src, size_t n,
                              const unsigned char *src_end)
{
	if (n <= COPY_SLACK && (size_t)(src_end - src) >= COPY_SLACK)
		memcpy(dst, src, COPY_SLACK);
	else
		memcpy(dst, src, n);
}

#endif
