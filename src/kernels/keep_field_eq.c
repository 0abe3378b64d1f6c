/*
 * keep_field_eq.c - keep_field_eq: the records of a view whose field n is a
 * given string (awk -F'\t' '$5 == "200"'), in one pass, with the masks in
 * registers.
 *
 * Per 64-byte block: the masks of the delimiter and the terminator (masks.h); then
 * the block's records are taken in order by their terminator bits, and within a
 * record its delimiters by clearing bits, up to the two around field n (the rest
 * are not visited).  What a record still wants carries into the next block in a
 * few locals, so a record costs a few instructions a delimiter up to field n and
 * a compare, and no call; kept records are copied in runs, one memcpy for each run
 * of adjacent ones.
 */
#include <string.h>

#include "kernels/bits.h"
#include "kernels/crlf.h"
#include "kernels/engine.h"
#include "kernels/masks.h"
#include "kernels/one_pass.h"

/* The walk's state: the question, the record being read, and the run of kept
 * records not yet copied. */
struct walk {
	const unsigned char *data;
	size_t n;               /* the field asked about (>= 1) */
	const unsigned char *str;
	size_t len;
	bool invert;
	bool crlf;              /* field n, when it ends the record, is seen without a
	                           CR before the terminator (crlf.h) */
	size_t rec_start;       /* the record's first byte */
	size_t need;            /* delimiters still to pass before field n starts */
	size_t from, to;        /* field n's bytes: from once it has started, to once
	                           its end is found */
	bool has_field;         /* field n has started */
	bool in_field;          /* ... and its end is not found yet */
	size_t run;             /* the first byte of the kept records not yet copied */
	unsigned char *p;       /* where they go */
};

#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE __attribute__((always_inline)) inline /* the walk's state stays in registers */
#else
#define ALWAYS_INLINE inline
#endif

/* A record begins at `at`. */
static ALWAYS_INLINE void begin_record(struct walk *w, size_t at)
{
	w->rec_start = w->from = at;
	w->need = w->n - 1;
	w->has_field = w->in_field = w->n == 1;
}

/* The record ends at `end` (its terminator, or the view's end) and the next begins
 * at `next`: judged, and when it is dropped the run of kept records before it is
 * copied and the next run begins at `next`.  Returns whether it is kept. */
static ALWAYS_INLINE bool end_record(struct walk *w, size_t end, size_t next)
{
	zb_view field = zb_view_empty(); /* a record without field n: empty */

	if (w->has_field) {
		size_t to = !w->in_field ? w->to
		            : w->crlf    ? crlf_value_end(w->data, w->from, end, end)
		                         : end;
		field = zb_view_of(w->data + w->from, to - w->from);
	}
	if (zb_view_eq_bytes(field, w->str, w->len) != w->invert)
		return true;
	if (w->rec_start > w->run) { /* (run is never past rec_start) */
		memcpy(w->p, w->data + w->run, w->rec_start - w->run);
		w->p += w->rec_start - w->run;
	}
	w->run = next;
	return false;
}

/* One block: a and b are the masks of the delimiter and the terminator of the 64
 * bytes at offset base (only bits of the view set). */
static ALWAYS_INLINE void walk_block(struct walk *w, uint64_t a, uint64_t b, size_t base)
{
	for (;;) {
		uint64_t first_b = b & (~b + 1);
		uint64_t mine = first_b ? a & (first_b - 1) : a; /* the record's delimiters */
		size_t end;

		while (w->need > 0 && mine) { /* those before field n: counted */
			unsigned bit = ctz64(mine);
			mine &= mine - 1;
			if (--w->need == 0) {
				w->from = base + bit + 1;
				w->has_field = w->in_field = true;
			}
		}
		if (w->in_field && mine) { /* the delimiter that ends field n */
			w->to = base + ctz64(mine);
			w->in_field = false;
		}
		if (!first_b)
			return; /* the record goes on in the next block */
		end = base + ctz64(first_b);
		(void)end_record(w, end, end + 1);
		begin_record(w, end + 1);
		a &= ~(first_b | (first_b - 1)); /* the delimiters after the terminator */
		b &= b - 1;
	}
}

typedef void masks_fn(const unsigned char *p, unsigned char a, unsigned char b, uint64_t *am,
                      uint64_t *bm);

/*
 * The loop over the view's blocks, made once per engine (masks is a constant where
 * it is inlined): whole blocks in place, the rest (under 64 bytes) in a copy padded
 * with a byte that is neither delimiter nor terminator.  Then the last record, when
 * it is not terminated (or is the one empty record an empty view is), gets a
 * terminator if it is kept.
 */
static ALWAYS_INLINE unsigned char *walk_view(struct walk q, zb_view v, unsigned char delim,
                                              unsigned char term, masks_fn *masks)
{
	struct walk state = q, *w = &state; /* a local: its fields can live in registers */
	unsigned char tail[64], pad = 0;
	size_t at = 0;
	uint64_t am, bm;
	bool open = v.len == 0 || v.data[v.len - 1] != term, kept;

	begin_record(w, 0);
	for (; v.len - at >= 64; at += 64) {
		masks(v.data + at, delim, term, &am, &bm);
		walk_block(w, am, bm, at);
	}
	if (at < v.len) {
		while (pad == delim || pad == term)
			pad++;
		memset(tail, pad, sizeof tail);
		memcpy(tail, v.data + at, v.len - at);
		masks(tail, delim, term, &am, &bm);
		walk_block(w, am, bm, at);
	}
	kept = open && end_record(w, v.len, v.len);
	if (w->run < v.len) { /* the last run */
		memcpy(w->p, v.data + w->run, v.len - w->run);
		w->p += v.len - w->run;
	}
	if (kept) /* an unterminated last record */
		*w->p++ = term;
	return w->p;
}

/* The question as a walk's starting state. */
#define QUESTION(v, n, str, len, invert, crlf, dst) \
	{(v).data, n, str, len, invert, crlf, 0, 0, 0, 0, false, false, 0, dst}

size_t keep_field_eq_portable(zb_view v, unsigned char delim, unsigned char term, size_t n,
                              const void *str, size_t len, bool invert, bool crlf,
                              unsigned char *dst)
{
	struct walk q = QUESTION(v, n, str, len, invert, crlf, dst);

	return (size_t)(walk_view(q, v, delim, term, pair_masks_portable) - dst);
}

#ifdef HAVE_X86
size_t keep_field_eq_sse2(zb_view v, unsigned char delim, unsigned char term, size_t n,
                          const void *str, size_t len, bool invert, bool crlf,
                          unsigned char *dst)
{
	struct walk q = QUESTION(v, n, str, len, invert, crlf, dst);

	return (size_t)(walk_view(q, v, delim, term, pair_masks_sse2) - dst);
}

__attribute__((target("avx2,bmi"))) size_t
keep_field_eq_avx2(zb_view v, unsigned char delim, unsigned char term, size_t n, const void *str,
                   size_t len, bool invert, bool crlf, unsigned char *dst)
{
	struct walk q = QUESTION(v, n, str, len, invert, crlf, dst);

	return (size_t)(walk_view(q, v, delim, term, pair_masks_avx2) - dst);
}
#endif

size_t keep_field_eq(zb_view v, unsigned char delim, unsigned char term, size_t n,
                     const void *str, size_t len, bool invert, bool crlf, unsigned char *dst)
{
	return kernels()->keep_field_eq(v, delim, term, n, str, len, invert, crlf, dst);
}
