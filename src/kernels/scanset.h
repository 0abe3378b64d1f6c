/*
 * scanset.h - a one-pass scan for the edges of runs and for a record terminator.
 * A run is a stretch of bytes of one class, and its edges are where it begins and
 * the byte after it ends.  The class is a small set of bytes (runs of blanks, say)
 * or, with `words`, every byte that is neither in the set nor the terminator (the
 * words between the blanks).  The byte before the view, the terminator and the end
 * of the view are outside the class, so within a record the edges come in pairs:
 * every run that begins is ended, at the latest at the terminator (an edge there is
 * handed out before the terminator) or at offset len.  Like scan2 it looks at 64
 * bytes at a time (with the engine of engine.h) and keeps bits; it borrows the view
 * and allocates nothing.  The block being handed out is held apart from the others,
 * so the common case -- the next edge is in it -- reads two words; only examining
 * more bytes, every SCANSET_BLOCKS blocks, is a call.
 */
#ifndef KERNELS_SCANSET_H
#define KERNELS_SCANSET_H

#include "kernels/bits.h"
#include "zb/zb.h"

#define SCANSET_MAX 4    /* bytes the set may hold */
#define SCANSET_BLOCKS 8 /* 64-byte blocks examined per refill */

typedef struct scanset {
	uint64_t edges, terms;     /* the block being handed out: what is not yet handed out */
	size_t at;                 /* offset of the byte that bit 0 of edges and terms stands for */
	const unsigned char *data; /* the view being scanned */
	size_t len;
	size_t next;               /* offset of the first byte not yet examined */
	size_t base;               /* offset of the byte that bit 0 of edge_bits[0] stands for */
	size_t cur, nblocks;       /* blocks examined; [cur, nblocks) are still to hand out */
	uint64_t edge_bits[SCANSET_BLOCKS];
	uint64_t term_bits[SCANSET_BLOCKS];
	uint64_t inside;           /* 1 when the last byte examined is in the class */
	unsigned char set[SCANSET_MAX]; /* the set, its first byte repeated to fill it */
	unsigned char nset, term;
	bool words;                /* the class is the bytes outside set and terminator */
} scanset;

/*
 * Starts a scan of v for the edges of runs of the n bytes at set (1 <= n <=
 * SCANSET_MAX), or of the words between them when `words`, and for the byte
 * term.  Returns ZB_OK, or ZB_EINVAL when n is out of range or term is in the set
 * (the scan then hands out nothing).
 */
static inline int scanset_start(scanset *s, zb_view v, const void *set, size_t n,
                                   unsigned char term, bool words)
{
	/* inline: cheap enough to start a scan for every field range a record writes,
	 * and the view is not copied into a call (a stall when it was just made) */
	const unsigned char *bytes = (const unsigned char *)set;
	size_t i;

	s->term = term;
	s->words = words;
	s->data = v.data;
	s->len = 0; /* until the set is known to be good: a refused scan hands out nothing */
	s->next = s->base = s->at = 0;
	s->cur = s->nblocks = 0;
	s->edges = s->terms = 0; /* nothing handed out yet: the first call examines */
	s->inside = 0;
	s->nset = 0;
	if (n == 0 || n > SCANSET_MAX)
		return ZB_EINVAL;
	for (i = 0; i < SCANSET_MAX; i++) { /* repeats change nothing, and fill the compares */
		s->set[i] = bytes[i < n ? i : 0];
		if (s->set[i] == term)
			return ZB_EINVAL;
	}
	s->nset = (unsigned char)n;
	s->len = v.len;
	return ZB_OK;
}

/* Examines the next blocks of the view (the slow path of the functions below);
 * false at the end. */
bool scanset_refill(scanset *s);

/* The number of edges before the next terminator (an edge at its offset counts) or
 * the end of the view: what the calls below will pass over; nothing is handed out. */
size_t scanset_count(const scanset *s);

/* Makes the next block the one handed out; false at the end of the view. */
static inline bool scanset_advance(scanset *s)
{
	if (s->cur == s->nblocks && !scanset_refill(s))
		return false;
	s->edges = s->edge_bits[s->cur];
	s->terms = s->term_bits[s->cur];
	s->at = s->base + 64 * s->cur++;
	return true;
}

/*
 * The offset of the n-th next edge (n >= 1), or of the next terminator when it
 * comes first, with *is_term telling which; -1 at the end.  When many edges are
 * to be passed over they are counted a block at a time.
 */
static inline ptrdiff_t scanset_next_nth(scanset *s, size_t n, bool *is_term)
{
	for (;;) {
		uint64_t e = s->edges, t = s->terms;
		uint64_t mine = e & (t ^ (t - 1)); /* edges up to the terminator, its own included
		                                      (all of them when there is none) */
		if (n > 16 && !t && popcount64(mine) < n) {
			n -= popcount64(mine);
			mine = 0;
		}
		for (; mine; mine &= mine - 1)
			if (--n == 0) { /* mine ^ (mine - 1): the bits up to this edge */
				s->edges = e & ~(mine ^ (mine - 1));
				*is_term = false;
				return (ptrdiff_t)(s->at + ctz64(mine));
			}
		if (t) {
			s->terms = t & (t - 1);
			s->edges = e & ~(t ^ (t - 1));
			*is_term = true;
			return (ptrdiff_t)(s->at + ctz64(t));
		}
		if (!scanset_advance(s))
			return -1;
	}
}

/* The offset of the next terminator, passing over the edges before it; -1 at the end. */
static inline ptrdiff_t scanset_next_term(scanset *s)
{
	for (;;) {
		uint64_t t = s->terms;
		if (t) {
			s->terms = t & (t - 1);
			s->edges &= ~(t ^ (t - 1));
			return (ptrdiff_t)(s->at + ctz64(t));
		}
		if (!scanset_advance(s))
			return -1;
	}
}

#endif
