/*
 * first_fields.c - first_fields: the first field of every record of a view
 * (cut -f1), in one pass, with the masks in registers.
 *
 * Per 64-byte block: the masks of the delimiter and the terminator (masks.h), then
 * one addition finds every record's first field.  With M the bytes that are
 * neither, and S the first byte of each record, M + S carries from each start
 * through the ordinary bytes after it and stops on the byte that ends the field
 * (the record's first delimiter, or its terminator), so (M + S) ^ M marks each
 * first field and its ending byte as one run of bits: one run a record, however
 * many fields follow.  The carry out of bit 63 continues a field into the next
 * block.  Each run is copied by one fixed 64-byte copy (no call), and its ending
 * byte becomes the terminator.  A record costs a few instructions, not a visit to
 * every delimiter and a search for its end.
 */
#include <stdbool.h>
#include <string.h>

#include "kernels/bits.h"
#include "kernels/engine.h"
#include "kernels/masks.h"
#include "kernels/one_pass.h"

/* x + y + carry (carry 0 or 1) to *sum; returns the carry out. */
static inline uint64_t add_carry(uint64_t x, uint64_t y, uint64_t carry, uint64_t *sum)
{
#ifdef HAVE_X86
	unsigned long long out;
	unsigned char c = _addcarry_u64((unsigned char)carry, x, y, &out);
	*sum = out;
	return c;
#else
	uint64_t s1 = x + y, s2 = s1 + carry;
	*sum = s2;
	return (uint64_t)(s1 < x) | (uint64_t)(s2 < s1); /* never both */
#endif
}

/* What carries from one block to the next. */
struct walk {
	uint64_t starts; /* 1: a record starts at the next block's first byte */
	uint64_t carry;  /* 1: a first field runs on into the next block */
};

/*
 * One block: a and b are the masks of the delimiter and the terminator in the 64
 * bytes at src (which must be readable up to src + 127, for the fixed copies),
 * valid the bits that are in the view.  Writes the block's part of the output at p
 * (up to 64 bytes past it) and returns its end.
 */
static inline unsigned char *walk_block(struct walk *w, uint64_t a, uint64_t b, uint64_t valid,
                                        const unsigned char *src, unsigned char term,
                                        unsigned char *p)
{
	uint64_t m = ~(a | b), s = b << 1 | w->starts, sum, runs;
	bool open;

	w->carry = add_carry(m, s, w->carry, &sum);
	runs = (sum ^ m) & valid;
	open = w->carry && valid >> 63; /* the last run goes on into the next block */
	w->starts = b >> 63;
	while (runs) {
		uint64_t after = runs + (runs & (~runs + 1)); /* the bit after the lowest run */
		unsigned from = ctz64(runs), to = after ? ctz64(after) : 64;
		memcpy(p, src + from, 32); /* fields are mostly short: one copy */
		if (to - from > 32)
			memcpy(p + 32, src + from + 32, 32);
		p += to - from;
		if (after || !open) /* the run ends on the byte that ends the field */
			p[-1] = term;
		runs &= after;
	}
	return p;
}

typedef void masks_fn(const unsigned char *p, unsigned char a, unsigned char b, uint64_t *am,
                      uint64_t *bm);

/*
 * The loop over the view's blocks, made once per engine (masks is a constant where
 * it is inlined).  Blocks are walked in place while 128 bytes are left (the copies
 * read up to 127 bytes past a block's start); the rest, under 128 bytes, is walked
 * in a copy padded with terminators.  The first padding byte ends an unterminated
 * last record (or stands for the empty record an empty view is), so it is valid
 * only then.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline unsigned char *walk_view(zb_view v, unsigned char delim, unsigned char term,
                                       unsigned char *p, masks_fn *masks)
{
	struct walk w = {1, 0};
	unsigned char tail[192];
	size_t at = 0, rest, nvalid, k;
	uint64_t am, bm;

	for (; v.len - at >= 128; at += 64) {
		masks(v.data + at, delim, term, &am, &bm);
		p = walk_block(&w, am, bm, ~(uint64_t)0, v.data + at, term, p);
	}
	rest = v.len - at;
	if (rest)
		memcpy(tail, v.data + at, rest);
	memset(tail + rest, term, sizeof tail - rest);
	nvalid = rest + (v.len == 0 || v.data[v.len - 1] != term);
	for (k = 0; k < nvalid; k += 64) {
		uint64_t valid = nvalid - k >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << (nvalid - k)) - 1;
		masks(tail + k, delim, term, &am, &bm);
		p = walk_block(&w, am, bm, valid, tail + k, term, p);
	}
	return p;
}

size_t first_fields_portable(zb_view v, unsigned char delim, unsigned char term,
                             unsigned char *dst)
{
	return (size_t)(walk_view(v, delim, term, dst, pair_masks_portable) - dst);
}

#ifdef HAVE_X86
size_t first_fields_sse2(zb_view v, unsigned char delim, unsigned char term, unsigned char *dst)
{
	return (size_t)(walk_view(v, delim, term, dst, pair_masks_sse2) - dst);
}

__attribute__((target("avx2,bmi"))) size_t first_fields_avx2(zb_view v, unsigned char delim,
                                                             unsigned char term,
                                                             unsigned char *dst)
{
	return (size_t)(walk_view(v, delim, term, dst, pair_masks_avx2) - dst);
}
#endif

size_t first_fields(zb_view v, unsigned char delim, unsigned char term, unsigned char *dst)
{
	return kernels()->first_fields(v, delim, term, dst);
}
