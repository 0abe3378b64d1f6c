/*
 * one_pass.h - a view's records through one question in one pass, with the masks
 * of its delimiter and terminator in registers (masks.h, with the engine of
 * engine.h).
 */
#ifndef KERNELS_ONE_PASS_H
#define KERNELS_ONE_PASS_H

#include "zb/zb.h"

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
 * the record).  With `crlf`, field n seen without the CR of a record ended by CR
 * and the terminator (crlf.h).  A kept unterminated last record, and the one
 * empty record an empty view is, get a terminator.  dst must have room for v.len + 1 bytes; returns the
 * number written.  One pass with the masks in registers: a record costs a few
 * instructions a delimiter up to field n, and adjacent kept records are one copy.
 */
size_t keep_field_eq(zb_view v, unsigned char delim, unsigned char term, size_t n,
                     const void *str, size_t len, bool invert, bool crlf, unsigned char *dst);

#endif
