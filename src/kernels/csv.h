/*
 * csv.h - where CSV fields and records end: the delimiters, CRs and LFs outside
 * quotes, found as Python's csv.reader finds them (default dialect, strict=False).
 *
 * A field that starts with a quote is quoted until a quote that is not doubled;
 * a quote anywhere else is data, and so is what follows a closing quote up to the
 * next delimiter or line end.  Those rules are one state machine (csv_step).  The
 * vector engines find the same bytes 64 at a time from the parity of the quotes
 * before each byte, which gives the machine's answer wherever every quote opens a
 * field or closes one before a delimiter, a line end or a quote; a block where one
 * does not is scanned again by the machine.
 */
#ifndef KERNELS_CSV_H
#define KERNELS_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where the next byte falls. */
enum csv_state {
	CSV_FIELD_START,      /* at the start of a field (and of a record) */
	CSV_UNQUOTED,         /* in a field that did not start with a quote, or after a
	                         closing quote and something other than a quote */
	CSV_QUOTED,           /* inside quotes */
	CSV_QUOTE_IN_QUOTED   /* after a quote inside quotes: closed, unless a quote follows */
};

struct csv_scan {
	unsigned char delim;
	unsigned char state; /* enum csv_state */
};

static inline void csv_scan_init(struct csv_scan *s, unsigned char delim)
{
	s->delim = delim;
	s->state = CSV_FIELD_START;
}

/* What byte c is to the scan (the state moves on): 0 data, 1 a field's end (the
 * delimiter), 2 a record's end (CR or LF). */
static inline int csv_step(struct csv_scan *s, unsigned char c)
{
	bool line_end = c == '\n' || c == '\r';

	switch (s->state) {
	case CSV_QUOTED:
		if (c == '"')
			s->state = CSV_QUOTE_IN_QUOTED;
		return 0;
	case CSV_QUOTE_IN_QUOTED: /* a doubled quote: inside again */
	case CSV_FIELD_START:     /* a quoted field begins */
		if (c == '"') {
			s->state = CSV_QUOTED;
			return 0;
		}
		break;
	default:
		break;
	}
	if (c == s->delim || line_end) {
		s->state = CSV_FIELD_START;
		return line_end ? 2 : 1;
	}
	s->state = CSV_UNQUOTED;
	return 0;
}

/*
 * Scans the n bytes at p (at most 64 * 64) from s->state: bit i of seps[i / 64] is
 * set where byte i ends a field (an unquoted delimiter, CR or LF), and of
 * ends[i / 64] where it ends a record (an unquoted CR or LF); bits past n are
 * clear.  s->state becomes the state after the n bytes.  seps and ends have room
 * for (n + 63) / 64 words.  Returns the blocks of 64 bytes not known to be well
 * formed (bit b for block b): where one is clear, every quote in it opens a field
 * or closes one before a delimiter, a line end or another quote.
 */
uint64_t csv_scan(struct csv_scan *s, const unsigned char *p, size_t n, uint64_t *seps,
                  uint64_t *ends);

/* The offset of the first unquoted CR or LF in p[0, n), scanned from s->state
 * (which is then CSV_FIELD_START), or -1 (s->state is then the state after n). */
ptrdiff_t csv_first_end(struct csv_scan *s, const unsigned char *p, size_t n);

/* The offset of the last unquoted CR or LF in p[0, n), scanned from s->state, or
 * -1; s->state becomes the state after the n bytes. */
ptrdiff_t csv_last_end(struct csv_scan *s, const unsigned char *p, size_t n);

#endif
