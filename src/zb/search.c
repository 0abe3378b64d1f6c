/*
 * search.c - find, rfind, index, rindex with bytes.find's index rules.
 *
 * One-byte needles go to memchr.  Short needles look for their first byte with
 * memchr and compare the rest, at most SHORT_NEEDLE comparisons a position, so
 * linear.  Longer needles use the Two-Way algorithm (Crochemore and Perrin, 1991):
 * linear time, constant space, no allocation, whatever the needle.  rfind runs the
 * same algorithm over the reversed haystack and needle, through the `rev` flag that
 * the compiler folds into each of the two instantiations.
 */
#include <stdint.h>
#include <string.h>

#include "zb/zb.h"

#if !defined(ZB_PORTABLE) && defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_PAIR_FILTER 1
#include <emmintrin.h>
#endif

enum { SHORT_NEEDLE = 4 };

/* Byte i of the n bytes at s, read forwards or backwards. */
static inline unsigned char at(const unsigned char *s, size_t n, size_t i, bool rev)
{
	return rev ? s[n - 1 - i] : s[i];
}

/* Critical factorisation of the needle: the split point `ms`, with the period of the
 * right half in *period (the maximal suffix under both orderings, as in glibc). */
static size_t critical_factorization(const unsigned char *x, size_t m, size_t *period, bool rev)
{
	size_t ms[2], per[2];
	int order;

	for (order = 0; order < 2; order++) {
		size_t s = SIZE_MAX, j = 0, k = 1, p = 1; /* s is -1: before the needle */
		while (j + k < m) {
			unsigned char a = at(x, m, j + k, rev), b = at(x, m, s + k, rev);
			if (order ? b < a : a < b) {
				j += k;
				k = 1;
				p = j - s;
			} else if (a == b) {
				if (k != p) {
					k++;
				} else {
					j += p;
					k = 1;
				}
			} else {
				s = j++;
				k = p = 1;
			}
		}
		ms[order] = s + 1;
		per[order] = p;
	}
	if (ms[1] < ms[0]) {
		*period = per[0];
		return ms[0];
	}
	*period = per[1];
	return ms[1];
}

/* Offset (in the possibly reversed sense) of the first occurrence of x[0..m) in
 * y[0..n), m >= 2, or SIZE_MAX. */
static inline size_t two_way(const unsigned char *y, size_t n, const unsigned char *x, size_t m,
                             bool rev)
{
	size_t period, ms = critical_factorization(x, m, &period, rev);
	size_t i, j = 0;
	bool periodic = true;

	for (i = 0; i < ms && periodic; i++)
		periodic = at(x, m, i, rev) == at(x, m, i + period, rev);

	if (periodic) {
		/* Remember how much of the right half matched to avoid rescanning it. */
		size_t memory = 0;
		while (j <= n - m) {
			i = ms > memory ? ms : memory;
			while (i < m && at(x, m, i, rev) == at(y, n, i + j, rev))
				i++;
			if (i < m) {
				j += i - ms + 1;
				memory = 0;
				continue;
			}
			i = ms;
			while (i > memory && at(x, m, i - 1, rev) == at(y, n, i - 1 + j, rev))
				i--;
			if (i <= memory)
				return j;
			j += period;
			memory = m - period;
		}
	} else {
		size_t shift = (ms > m - ms ? ms : m - ms) + 1;
		while (j <= n - m) {
			i = ms;
			while (i < m && at(x, m, i, rev) == at(y, n, i + j, rev))
				i++;
			if (i < m) {
				j += i - ms + 1;
				continue;
			}
			i = ms;
			while (i > 0 && at(x, m, i - 1, rev) == at(y, n, i - 1 + j, rev))
				i--;
			if (i == 0)
				return j;
			j += shift;
		}
	}
	return SIZE_MAX;
}

static size_t forward_short(const unsigned char *y, size_t n, const unsigned char *x, size_t m)
{
	const unsigned char *p = y, *last = y + (n - m);

	while (p <= last && (p = memchr(p, x[0], (size_t)(last - p) + 1)) != NULL) {
		if (memcmp(p + 1, x + 1, m - 1) == 0)
			return (size_t)(p - y);
		p++;
	}
	return SIZE_MAX;
}

static size_t backward_short(const unsigned char *y, size_t n, const unsigned char *x, size_t m)
{
	size_t j = n - m + 1;

	while (j-- > 0)
		if (y[j] == x[0] && memcmp(y + j + 1, x + 1, m - 1) == 0)
			return j;
	return SIZE_MAX;
}

#ifdef HAVE_PAIR_FILTER
/*
 * The pair filter (W. Mula's "SIMD-friendly" search): the needle's first and last
 * bytes are compared at 16 positions at once, and the rest of the needle only where
 * both agree, so text that shares the needle's first byte costs no call per byte
 * (Two-Way and memchr on it ran at a third of grep's speed on a log).  Returns the
 * offset of the first x[0..m) in y[0..n), m >= 2, or SIZE_MAX with *done the
 * positions it ruled out: all but the last few, or fewer when the candidates cost
 * more than a few compares a byte ("aaa...a" in "aaaa..."): the caller then goes on
 * from *done the linear way.
 */
static size_t pair_filter(const unsigned char *y, size_t n, const unsigned char *x, size_t m,
                          size_t *done)
{
	const __m128i first = _mm_set1_epi8((char)x[0]), last = _mm_set1_epi8((char)x[m - 1]);
	size_t j, compared = 0;

	for (j = 0; j + 16 + m - 1 <= n; j += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(y + j));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(y + j + m - 1));
		unsigned mask = (unsigned)_mm_movemask_epi8(
			_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));
		compared += m * (unsigned)__builtin_popcount(mask);
		if (compared > 4 * j + 1024)
			break; /* too many candidates: the rest the linear way, from j */
		for (; mask != 0; mask &= mask - 1) {
			size_t at = j + (size_t)__builtin_ctz(mask);
			if (memcmp(y + at + 1, x + 1, m - 2) == 0)
				return at;
		}
	}
	*done = j;
	return SIZE_MAX;
}
#endif

/* The window [*lo, *hi) of bytes.find(sub, start, stop) (CPython's ADJUST_INDICES);
 * false when no needle of length m can fit in it. */
static bool adjust(size_t len, ptrdiff_t start, ptrdiff_t stop, size_t m, size_t *lo, size_t *hi)
{
	size_t s, e;

	if (start == ZB_NONE || start >= 0)
		s = start == ZB_NONE ? 0 : (size_t)start;
	else
		s = (size_t)-(start + 1) + 1 >= len ? 0 : len - ((size_t)-(start + 1) + 1);
	if (stop == ZB_NONE || (stop >= 0 && (size_t)stop > len))
		e = len;
	else if (stop >= 0)
		e = (size_t)stop;
	else
		e = (size_t)-(stop + 1) + 1 >= len ? 0 : len - ((size_t)-(stop + 1) + 1);
	if (s > e || e - s < m)
		return false;
	*lo = s;
	*hi = e;
	return true;
}

ptrdiff_t zb_view_find(zb_view v, const void *needle, size_t m, ptrdiff_t start, ptrdiff_t stop)
{
	const unsigned char *x = needle, *y;
	size_t lo, hi, n, at_;

	if (!adjust(v.len, start, stop, m, &lo, &hi))
		return -1;
	if (m == 0)
		return (ptrdiff_t)lo;
	y = v.data + lo;
	n = hi - lo;
	if (m == 1) {
		const unsigned char *p = memchr(y, x[0], n);
		return p ? (ptrdiff_t)(p - v.data) : -1;
	}
#ifdef HAVE_PAIR_FILTER
	{
		size_t done = 0;
		if ((at_ = pair_filter(y, n, x, m, &done)) != SIZE_MAX)
			return (ptrdiff_t)(lo + at_);
		if (n - done < m)
			return -1;
		lo += done;
		y += done;
		n -= done;
	}
#endif
	at_ = m <= SHORT_NEEDLE ? forward_short(y, n, x, m) : two_way(y, n, x, m, false);
	return at_ == SIZE_MAX ? -1 : (ptrdiff_t)(lo + at_);
}

/*
 * The offset of the last c in y[0, n), or SIZE_MAX.  There is no memrchr in C11 or
 * POSIX, and records are found by searching back for the last terminator in a
 * buffer, past the whole of a long unfinished record: so eight bytes at a time,
 * with the classic test for a zero byte in a word (x - 0x01..) & ~x & 0x80.. .
 */
static size_t last_byte(const unsigned char *y, size_t n, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	const uint64_t pattern = ones * c;

	for (; n >= 8; n -= 8) {
		uint64_t w;
		memcpy(&w, y + n - 8, 8);
		w ^= pattern; /* c's bytes are now zero */
		if (((w - ones) & ~w & highs) != 0)
			break; /* a c among these eight: found below, a byte at a time */
	}
	while (n-- > 0)
		if (y[n] == c)
			return n;
	return SIZE_MAX;
}

ptrdiff_t zb_view_rfind(zb_view v, const void *needle, size_t m, ptrdiff_t start, ptrdiff_t stop)
{
	const unsigned char *x = needle, *y;
	size_t lo, hi, n, back;

	if (!adjust(v.len, start, stop, m, &lo, &hi))
		return -1;
	if (m == 0)
		return (ptrdiff_t)hi;
	y = v.data + lo;
	n = hi - lo;
	if (m == 1) {
		back = last_byte(y, n, x[0]);
		return back == SIZE_MAX ? -1 : (ptrdiff_t)(lo + back);
	}
	if (m <= SHORT_NEEDLE) {
		back = backward_short(y, n, x, m);
		return back == SIZE_MAX ? -1 : (ptrdiff_t)(lo + back);
	}
	back = two_way(y, n, x, m, true); /* offset from the end of the match to hi */
	return back == SIZE_MAX ? -1 : (ptrdiff_t)(hi - back - m);
}

ptrdiff_t zb_view_index(zb_view v, const void *needle, size_t m, ptrdiff_t start, ptrdiff_t stop)
{
	ptrdiff_t i = zb_view_find(v, needle, m, start, stop);
	return i < 0 ? ZB_ENOTFOUND : i;
}

ptrdiff_t zb_view_rindex(zb_view v, const void *needle, size_t m, ptrdiff_t start, ptrdiff_t stop)
{
	ptrdiff_t i = zb_view_rfind(v, needle, m, start, stop);
	return i < 0 ? ZB_ENOTFOUND : i;
}
