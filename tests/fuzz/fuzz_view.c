/*
 * fuzz_view.c - libFuzzer target: the view operations against naive versions.
 *
 * The first bytes choose an operation and its arguments; the rest is the view.  Each
 * result of the library is compared with a deliberately naive version written from
 * Python's bytes rules (the ones zb.h promises): find/rfind/index/rindex with every
 * kind of start and stop, split with a separator and maxsplit, split_ws, split_runs
 * (trimmed or not), splitlines, strip/lstrip/rstrip (whitespace or a set),
 * strip_sets, slice, at, isspace/isdigit/isalpha, eq and contains; the kernels
 * scan2 (pick, pick1), first_fields and keep_field_eq on each engine the CPU has,
 * against a list of events; and the collator against the plain concatenation of
 * what was appended.  The view
 * and the needle are copied into allocations of their exact size, so a read past
 * either is caught by AddressSanitizer.  Any difference aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "kernels/engine.h"
#include "kernels/one_pass.h"
#include "kernels/scan2.h"
#include "zb/zb.h"

enum op {
	OP_FIND, OP_RFIND, OP_INDEX, OP_RINDEX, OP_SPLIT, OP_SPLIT_WS, OP_SPLIT_RUNS,
	OP_SPLITLINES, OP_STRIP, OP_STRIP_SETS, OP_SLICE, OP_AT, OP_CLASSES, OP_EQ, OP_SCAN2,
	OP_COLLATOR, OP_COUNT
};

static const unsigned char ws[] = " \t\n\r\v\f";

/* ---------------------------------------------------------------- naive versions */

static bool in_bytes(const unsigned char *set, size_t n, unsigned char c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (set[i] == c)
			return true;
	return false;
}

static bool match_at(const unsigned char *h, const unsigned char *x, size_t m, long long i)
{
	size_t k;

	for (k = 0; k < m; k++)
		if (h[i + (long long)k] != x[k])
			return false;
	return true;
}

/* bytes.find / rfind: CPython's ADJUST_INDICES, then every position in turn. */
static long long naive_find(const unsigned char *h, size_t n, const unsigned char *x, size_t m,
                            ptrdiff_t start, ptrdiff_t stop, bool rev)
{
	long long len = (long long)n, i;
	long long s = start == ZB_NONE ? 0 : start, e = stop == ZB_NONE ? len : stop;

	if (e > len)
		e = len;
	else if (e < 0 && (e += len) < 0)
		e = 0;
	if (s < 0 && (s += len) < 0)
		s = 0;
	if (e - s < (long long)m)
		return -1;
	if (!rev) {
		for (i = s; i + (long long)m <= e; i++)
			if (match_at(h, x, m, i))
				return i;
	} else {
		for (i = e - (long long)m; i >= s; i--)
			if (match_at(h, x, m, i))
				return i;
	}
	return -1;
}

/* A piece [start, end) of the view, as the naive splits give them. */
struct piece {
	size_t start, end;
};

/* bytes.split(sep, maxsplit). */
static size_t naive_split(const unsigned char *h, size_t n, const unsigned char *x, size_t m,
                          long long maxsplit, struct piece *out)
{
	size_t i = 0, np = 0, j;
	long long done = 0;

	while (maxsplit < 0 || done < maxsplit) {
		for (j = i; j + m <= n && !match_at(h, x, m, (long long)j); j++)
			;
		if (j + m > n)
			break;
		out[np++] = (struct piece){i, j};
		i = j + m;
		done++;
	}
	out[np++] = (struct piece){i, n};
	return np;
}

/* bytes.split(None, maxsplit) with `set` as the whitespace (CPython's split_whitespace). */
static size_t naive_split_trimmed(const unsigned char *h, size_t n, const unsigned char *set,
                                  size_t setn, long long maxsplit, struct piece *out)
{
	size_t i = 0, j, np = 0;
	long long count = maxsplit < 0 ? (long long)n + 1 : maxsplit;

	while (count-- > 0) {
		while (i < n && in_bytes(set, setn, h[i]))
			i++;
		if (i == n)
			break;
		j = i;
		i++;
		while (i < n && !in_bytes(set, setn, h[i]))
			i++;
		out[np++] = (struct piece){j, i};
	}
	if (i < n) {
		while (i < n && in_bytes(set, setn, h[i]))
			i++;
		if (i != n)
			out[np++] = (struct piece){i, n};
	}
	return np;
}

/* re.split("[set]+", v, maxsplit) (maxsplit < 0: no limit). */
static size_t naive_split_runs(const unsigned char *h, size_t n, const unsigned char *set,
                               size_t setn, long long maxsplit, struct piece *out)
{
	size_t i = 0, j, k, np = 0;
	long long done = 0;

	while (maxsplit < 0 || done < maxsplit) {
		for (j = i; j < n && !in_bytes(set, setn, h[j]); j++)
			;
		if (j == n)
			break;
		for (k = j; k < n && in_bytes(set, setn, h[k]); k++)
			;
		out[np++] = (struct piece){i, j};
		i = k;
		done++;
	}
	out[np++] = (struct piece){i, n};
	return np;
}

/* bytes.splitlines(keepends). */
static size_t naive_splitlines(const unsigned char *h, size_t n, bool keepends, struct piece *out)
{
	size_t i = 0, j, eol, np = 0;

	while (i < n) {
		for (j = i; j < n && h[j] != '\n' && h[j] != '\r'; j++)
			;
		eol = j;
		if (j < n) {
			if (h[j] == '\r' && j + 1 < n && h[j + 1] == '\n')
				j += 2;
			else
				j += 1;
			if (keepends)
				eol = j;
		}
		out[np++] = (struct piece){i, eol};
		i = j;
	}
	return np;
}

/* Python's slice.indices for one end (step 1). */
static size_t naive_clamp(ptrdiff_t i, size_t n, size_t if_none)
{
	long long v;

	if (i == ZB_NONE)
		return if_none;
	v = i;
	if (v < 0)
		v += (long long)n;
	if (v < 0)
		return 0;
	return v > (long long)n ? n : (size_t)v;
}

static bool naive_class(const unsigned char *h, size_t n, int cls)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = h[i];
		bool ok = cls == 0   ? in_bytes(ws, 6, c)
		          : cls == 1 ? c >= '0' && c <= '9'
		                     : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		if (!ok)
			return false;
	}
	return true;
}

/* ---------------------------------------------------------------- checks */

/* The state of one test: the view under test and its exact-size copy. */
struct ctx {
	unsigned char *hay;    /* exactly n bytes */
	size_t n;
	zb_view v;
	unsigned char *needle; /* exactly m bytes (or 1 unused when m is 0) */
	size_t m;
	int op;
};

static _Noreturn void differ(const struct ctx *c, const char *what, long long got, long long want)
{
	fprintf(stderr, "op %d: %s: got %lld, want %lld\n", c->op, what, got, want);
	fuzz_dump("view", c->hay, c->n);
	fuzz_dump("needle", c->needle, c->m);
	fuzz_fail("the library and the naive version differ");
}

static void expect(const struct ctx *c, const char *what, long long got, long long want)
{
	if (got != want)
		differ(c, what, got, want);
}

/* A sub-view of c->v must be exactly the piece: same position, same length, owner. */
static void expect_piece(const struct ctx *c, const char *what, zb_view got, struct piece want)
{
	expect(c, what, got.data - c->hay, (long long)want.start);
	expect(c, what, (long long)got.len, (long long)(want.end - want.start));
	if (got.owner != c->v.owner)
		differ(c, "owner", 0, 1);
}

static ptrdiff_t take_index(struct fuzz_in *in)
{
	switch (fuzz_take(in, 8)) {
	case 0: return ZB_NONE;
	case 1: return PTRDIFF_MAX;
	case 2: return PTRDIFF_MIN + 1;
	default: return (signed char)fuzz_take(in, 256);
	}
}

static long long take_maxsplit(struct fuzz_in *in)
{
	return (long long)fuzz_take(in, 8) - 2; /* -2 .. 5: negative is no limit */
}

static void check_find(const struct ctx *c, struct fuzz_in *in)
{
	ptrdiff_t start = take_index(in), stop = take_index(in), got;
	bool rev = c->op == OP_RFIND || c->op == OP_RINDEX;
	long long want = naive_find(c->hay, c->n, c->needle, c->m, start, stop, rev);

	switch (c->op) {
	case OP_FIND: got = zb_view_find(c->v, c->needle, c->m, start, stop); break;
	case OP_RFIND: got = zb_view_rfind(c->v, c->needle, c->m, start, stop); break;
	case OP_INDEX: got = zb_view_index(c->v, c->needle, c->m, start, stop); break;
	default: got = zb_view_rindex(c->v, c->needle, c->m, start, stop); break;
	}
	if ((c->op == OP_INDEX || c->op == OP_RINDEX) && want < 0)
		want = ZB_ENOTFOUND;
	expect(c, "find", got, want);
	if (c->op == OP_FIND && start == ZB_NONE && stop == ZB_NONE)
		expect(c, "contains", zb_view_contains(c->v, c->needle, c->m), want >= 0);
}

static void check_pieces(const struct ctx *c, zb_split *it, const struct piece *want, size_t np)
{
	zb_view got;
	size_t i;

	for (i = 0; i < np; i++) {
		if (!zb_split_next(it, &got))
			differ(c, "split: pieces", (long long)i, (long long)np);
		expect_piece(c, "split piece", got, want[i]);
	}
	if (zb_split_next(it, &got))
		differ(c, "split: pieces", (long long)np + 1, (long long)np);
}

static void check_split(const struct ctx *c, struct fuzz_in *in, struct piece *want)
{
	long long maxsplit = take_maxsplit(in);
	bool trim = fuzz_bool(in);
	zb_split it;
	size_t np;

	if (c->op == OP_SPLIT) {
		int rc = zb_view_split(c->v, c->needle, c->m, (ptrdiff_t)maxsplit, &it);
		expect(c, "split result", rc, c->m == 0 ? ZB_EINVAL : ZB_OK);
		if (c->m == 0)
			return;
		np = naive_split(c->hay, c->n, c->needle, c->m, maxsplit, want);
	} else if (c->op == OP_SPLIT_WS) {
		zb_view_split_ws(c->v, (ptrdiff_t)maxsplit, &it);
		np = naive_split_trimmed(c->hay, c->n, ws, 6, maxsplit, want);
	} else {
		/* the needle is the set; an empty one splits nothing */
		zb_view_split_runs(c->v, c->m ? c->needle : NULL, c->m, trim, (ptrdiff_t)maxsplit, &it);
		np = trim ? naive_split_trimmed(c->hay, c->n, c->needle, c->m, maxsplit, want)
		          : naive_split_runs(c->hay, c->n, c->needle, c->m, maxsplit, want);
	}
	check_pieces(c, &it, want, np);
}

static void check_splitlines(const struct ctx *c, struct fuzz_in *in, struct piece *want)
{
	bool keepends = fuzz_bool(in);
	size_t np = naive_splitlines(c->hay, c->n, keepends, want), i;
	zb_lines it;
	zb_view got;

	zb_view_splitlines(c->v, keepends, &it);
	for (i = 0; i < np; i++) {
		if (!zb_lines_next(&it, &got))
			differ(c, "splitlines: lines", (long long)i, (long long)np);
		expect_piece(c, "line", got, want[i]);
	}
	if (zb_lines_next(&it, &got))
		differ(c, "splitlines: lines", (long long)np + 1, (long long)np);
}

static void check_strip(const struct ctx *c, struct fuzz_in *in)
{
	unsigned sides = 1 + fuzz_take(in, 3); /* 1 left, 2 right, 3 both */
	bool none = fuzz_bool(in);             /* NULL chars: whitespace */
	const unsigned char *set = none ? ws : c->needle;
	size_t setn = none ? 6 : c->m, lo = 0, hi = c->n;
	zb_view got;

	if (sides & 1)
		while (lo < hi && in_bytes(set, setn, c->hay[lo]))
			lo++;
	if (sides & 2)
		while (hi > lo && in_bytes(set, setn, c->hay[hi - 1]))
			hi--;
	if (c->op == OP_STRIP) {
		const void *chars = none ? NULL : c->needle;
		got = sides == 1   ? zb_view_lstrip(c->v, chars, c->m)
		      : sides == 2 ? zb_view_rstrip(c->v, chars, c->m)
		                   : zb_view_strip(c->v, chars, c->m);
	} else {
		zb_byteset b;
		zb_byteset_init(&b, none ? NULL : c->needle, c->m);
		got = zb_view_strip_sets(c->v, sides & 1 ? &b : NULL, sides & 2 ? &b : NULL);
	}
	expect_piece(c, "strip", got, (struct piece){lo, hi});
}

static void check_slice(const struct ctx *c, struct fuzz_in *in)
{
	ptrdiff_t start = take_index(in), stop = take_index(in);
	size_t lo = naive_clamp(start, c->n, 0), hi = naive_clamp(stop, c->n, c->n);
	zb_view got;
	int rc = zb_view_slice(c->v, start, stop, &got);

	expect(c, "slice result", rc, lo > hi ? ZB_EINVAL : ZB_OK);
	if (rc == ZB_OK)
		expect_piece(c, "slice", got, (struct piece){lo, hi});
}

static void check_at(const struct ctx *c, struct fuzz_in *in)
{
	ptrdiff_t i = take_index(in);
	long long k = i == ZB_NONE ? 0 : i, want;

	if (i == ZB_NONE)
		return;
	if (k < 0)
		k += (long long)c->n;
	want = k < 0 || k >= (long long)c->n ? ZB_ERANGE : c->hay[k];
	expect(c, "at", zb_view_at(c->v, i), want);
}

static void check_eq(const struct ctx *c)
{
	bool want = c->n == c->m && (c->n == 0 || match_at(c->hay, c->needle, c->m, 0));

	expect(c, "eq_bytes", zb_view_eq_bytes(c->v, c->needle, c->m), want);
	expect(c, "eq", zb_view_eq(c->v, zb_view_of(c->needle, c->m)), want);
}

/* scan2_pick: the wanted a's (by number from the scan's position) up to the next
 * b; false once the view has ended. */
static bool check_pick(const struct ctx *c, struct fuzz_in *in, scan2 *s, unsigned char a,
                       unsigned char b, size_t *cur)
{
	size_t nth[4], at[4], want_at[4], n = 1 + fuzz_take(in, 4), found = 0, seen = 0, i, x;
	long long want_b = -1;
	ptrdiff_t b_at;

	for (i = 0; i < n; i++)
		nth[i] = (i ? nth[i - 1] : 0) + 1 + fuzz_take(in, 70);
	for (x = *cur; x < c->n; x++) {
		if (c->hay[x] == b) {
			want_b = (long long)x;
			break;
		}
		if (c->hay[x] == a && found < n && ++seen == nth[found])
			want_at[found++] = x;
	}
	expect(c, "pick count", (long long)scan2_pick(s, nth, n, at, &b_at), (long long)found);
	for (i = 0; i < found; i++)
		expect(c, "pick offset", (long long)at[i], (long long)want_at[i]);
	expect(c, "pick b", b_at, want_b);
	*cur = want_b < 0 ? c->n : (size_t)want_b + 1;
	return want_b >= 0;
}

/* first_fields against cut -f1 a byte at a time. */
static void check_first_fields(const struct ctx *c, unsigned char delim, unsigned char term)
{
	unsigned char *want = malloc(c->n + 2), *got = malloc(c->n + 1 + FIRST_FIELDS_SLACK);
	size_t i = 0, o = 0, k;

	if (want == NULL || got == NULL)
		abort();
	do { /* at least once: an empty view is one empty record */
		bool in_field = true;
		for (; i < c->n && c->hay[i] != term; i++) {
			if (c->hay[i] == delim)
				in_field = false;
			else if (in_field)
				want[o++] = c->hay[i];
		}
		want[o++] = term;
		i++;
	} while (i < c->n);
	k = first_fields(c->v, delim, term, got);
	expect(c, "first_fields length", (long long)k, (long long)o);
	for (i = 0; i < o; i++)
		expect(c, "first_fields byte", got[i], want[i]);
	free(want);
	free(got);
}

/* keep_field_eq against awk '$field == needle' a byte at a time (with crlf, the
 * last field without a CR at its end). */
static void check_keep_field_eq(const struct ctx *c, struct fuzz_in *in, unsigned char delim,
                                unsigned char term)
{
	size_t field = 1 + fuzz_take(in, 8), i = 0, o = 0, k;
	bool invert = fuzz_bool(in), crlf = fuzz_bool(in);
	unsigned char *want = malloc(c->n + 2), *got = malloc(c->n + 1);

	if (want == NULL || got == NULL)
		abort();
	do { /* at least once: an empty view is one empty record */
		size_t start = i, f = 1, from = i, to = i;
		bool there = field == 1;
		for (; i < c->n && c->hay[i] != term; i++)
			if (c->hay[i] == delim) {
				if (f == field)
					to = i;
				if (++f == field) {
					from = i + 1;
					there = true;
				}
			}
		if (f == field) /* the record's last field */
			to = i;
		if (crlf && f == field && there && to > from && c->hay[to - 1] == '\r')
			to--;
		if (!there)
			from = to = i;
		if ((to - from == c->m && memcmp(c->hay + from, c->needle, c->m) == 0) != invert) {
			memcpy(want + o, c->hay + start, i - start);
			o += i - start;
			want[o++] = term;
		}
		i++;
	} while (i < c->n);
	k = keep_field_eq(c->v, delim, term, field, c->needle, c->m, invert, crlf, got);
	expect(c, "keep_field_eq length", (long long)k, (long long)o);
	for (i = 0; i < o; i++)
		expect(c, "keep_field_eq byte", got[i], want[i]);
	free(want);
	free(got);
}

/* scan2_pick1: the first a up to the next b, and that b. */
static bool check_pick1(const struct ctx *c, scan2 *s, unsigned char a, unsigned char b,
                        size_t *cur)
{
	size_t at = SIZE_MAX, want_at = SIZE_MAX, x, found;
	long long want_b = -1;
	ptrdiff_t b_at;

	for (x = *cur; x < c->n; x++) {
		if (c->hay[x] == b) {
			want_b = (long long)x;
			break;
		}
		if (c->hay[x] == a && want_at == SIZE_MAX)
			want_at = x;
	}
	found = scan2_pick1(s, &at, &b_at);
	expect(c, "pick1 count", (long long)found, want_at != SIZE_MAX);
	if (found)
		expect(c, "pick1 offset", (long long)at, (long long)want_at);
	expect(c, "pick1 b", b_at, want_b);
	*cur = want_b < 0 ? c->n : (size_t)want_b + 1;
	return want_b >= 0;
}

/* The kernels of two bytes on an engine the input chooses: scan2's picks against
 * the list of events, record by record, and the one-pass functions. */
static void check_scan2(const struct ctx *c, struct fuzz_in *in)
{
	static const char *const engines[] = {"portable", "sse2", "avx2", "avx2-bmi2"};
	unsigned char a = (unsigned char)fuzz_take(in, 256), b = (unsigned char)fuzz_take(in, 256);
	size_t cur = 0; /* the next byte not yet handed out (or passed over) */
	scan2 s;

	if (a == b)
		b ^= 1;
	(void)kernels_use(engines[fuzz_take(in, 4)]); /* stays as it is when absent */
	check_first_fields(c, a, b);
	check_keep_field_eq(c, in, a, b);
	scan2_start(&s, c->v, a, b);
	while (fuzz_bool(in) ? check_pick1(c, &s, a, b, &cur) : check_pick(c, in, &s, a, b, &cur))
		;
}

/* The collator holds pieces of two separate regions (the view and the needle); what
 * it gives back must be their concatenation, whatever it had to copy. */
static void check_collator(const struct ctx *c, struct fuzz_in *in)
{
	zb_collator col = ZB_COLLATOR_INIT;
	unsigned char *model = malloc(4 * (c->n + c->m) + 1);
	size_t held = 0, steps = 1 + fuzz_take(in, 12), i;
	zb_view got;

	if (model == NULL)
		abort();
	for (i = 0; i < steps; i++) {
		unsigned what = fuzz_take(in, 4);
		if (what <= 1) { /* append a slice of the view or of the needle */
			const unsigned char *base = what ? c->needle : c->hay;
			size_t len = what ? c->m : c->n, lo = len ? fuzz_take(in, 256) % (len + 1) : 0;
			size_t hi = lo + (len - lo ? fuzz_take(in, 256) % (len - lo + 1) : 0);
			zb_view piece = {base + lo, hi - lo, base};
			if (held + (hi - lo) > 4 * (c->n + c->m))
				continue;
			if (zb_collator_append(&col, piece) != ZB_OK)
				abort();
			memcpy(model + held, base + lo, hi - lo);
			held += hi - lo;
		} else if (what == 2) {
			if (zb_collator_own(&col) != ZB_OK)
				abort();
		} else { /* collapse */
			if (zb_collator_collapse(&col, &got) != ZB_OK)
				abort();
			expect(c, "collapse length", (long long)got.len, (long long)held);
			if (held > 0 && memcmp(got.data, model, held) != 0)
				differ(c, "collapse bytes", 0, 1);
			held = 0;
		}
		expect(c, "collator length", (long long)zb_collator_len(&col), (long long)held);
	}
	zb_collator_release(&col);
	free(model);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	struct ctx c;
	struct piece *want;
	size_t m, at;
	bool sliced;

	c.op = (int)fuzz_take(&in, OP_COUNT);
	m = fuzz_take(&in, 24); /* needle (or set) length */
	sliced = fuzz_bool(&in);
	at = fuzz_take(&in, 256);
	if (m > in.n)
		m = in.n;
	c.m = m;
	c.needle = malloc(m ? m : 1);
	if (c.needle == NULL)
		abort();
	if (sliced) { /* a needle that occurs: a slice of what follows */
		memcpy(c.needle, in.p + at % (in.n - m + 1), m);
	} else {
		memcpy(c.needle, in.p, m);
		in.p += m;
		in.n -= m;
	}
	/* the view takes the rest, after the operation's arguments: those come from the
	 * front of what is left, and the view from its end */
	c.n = in.n > 16 ? in.n - 16 : 0;
	c.hay = malloc(c.n ? c.n : 1);
	want = malloc((c.n + 2) * sizeof *want);
	if (c.hay == NULL || want == NULL)
		abort();
	memcpy(c.hay, in.p + (in.n - c.n), c.n);
	in.n -= c.n;
	c.v = zb_view_of(c.hay, c.n);

	switch (c.op) {
	case OP_FIND:
	case OP_RFIND:
	case OP_INDEX:
	case OP_RINDEX: check_find(&c, &in); break;
	case OP_SPLIT:
	case OP_SPLIT_WS:
	case OP_SPLIT_RUNS: check_split(&c, &in, want); break;
	case OP_SPLITLINES: check_splitlines(&c, &in, want); break;
	case OP_STRIP:
	case OP_STRIP_SETS: check_strip(&c, &in); break;
	case OP_SLICE: check_slice(&c, &in); break;
	case OP_AT: check_at(&c, &in); break;
	case OP_CLASSES:
		expect(&c, "isspace", zb_view_isspace(c.v), naive_class(c.hay, c.n, 0));
		expect(&c, "isdigit", zb_view_isdigit(c.v), naive_class(c.hay, c.n, 1));
		expect(&c, "isalpha", zb_view_isalpha(c.v), naive_class(c.hay, c.n, 2));
		break;
	case OP_EQ: check_eq(&c); break;
	case OP_SCAN2: check_scan2(&c, &in); break;
	default: check_collator(&c, &in); break;
	}
	free(want);
	free(c.hay);
	free(c.needle);
	return 0;
}
