/*
 * crlf.h - the CRLF rule, written once: on a record ended by CR LF, the value that
 * ends where the record ends (its last field, or the record itself) is seen
 * without the CR.  Predicates and header names use it; the bytes written do not
 * change.  Whether records can end so (a '\n' terminator, not --csv) is the
 * tool's to say.
 */
#ifndef KERNELS_CRLF_H
#define KERNELS_CRLF_H

#include <stddef.h>

/* The end of the value data[start, end) of a record ending at rec_end: end, or
 * end - 1 when the value ends the record and its last byte is a CR. */
static inline size_t crlf_value_end(const unsigned char *data, size_t start, size_t end,
                                    size_t rec_end)
{
	return end == rec_end && end > start && data[end - 1] == '\r' ? end - 1 : end;
}

#endif
