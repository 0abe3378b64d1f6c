/* view.c - zb_view: copy-out, comparison, slicing, classes, strip and write_to.
 * Nothing here allocates except zb_view_bytes and a copying zb_view_add. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zb/zb.h"

const char *zb_strerror(int result)
{
	switch (result) {
	case ZB_OK: return "success";
	case ZB_EOF: return "end of file";
	case ZB_FULL: return "buffer full";
	case ZB_EINVAL: return "invalid argument";
	case ZB_ENOTFOUND: return "not found";
	case ZB_ERANGE: return "index out of range";
	case ZB_EOS: return "system call failed";
	case ZB_ENOMEM: return "out of memory";
	default: return "unknown result";
	}
}

size_t zb_view_copy_to(zb_view v, void *dst, size_t cap)
{
	size_t n = v.len < cap ? v.len : cap;

	if (n > 0)
		memcpy(dst, v.data, n);
	return n;
}

unsigned char *zb_view_bytes(zb_view v)
{
	unsigned char *p = malloc(v.len ? v.len : 1);

	if (p != NULL && v.len > 0)
		memcpy(p, v.data, v.len);
	return p;
}

bool zb_view_contains(zb_view v, const void *needle, size_t n)
{
	return zb_view_find(v, needle, n, 0, ZB_NONE) >= 0;
}

/* Python's slice.indices() for one end with step 1: None, negative, clamped. */
static size_t clamp_index(ptrdiff_t i, size_t len, size_t if_none)
{
	if (i == ZB_NONE)
		return if_none;
	if (i < 0) {
		size_t back = (size_t)-(i + 1) + 1; /* -i without overflow at PTRDIFF_MIN+1 */
		return back >= len ? 0 : len - back;
	}
	return (size_t)i > len ? len : (size_t)i;
}

int zb_view_slice(zb_view v, ptrdiff_t start, ptrdiff_t stop, zb_view *out)
{
	size_t lo = clamp_index(start, v.len, 0);
	size_t hi = clamp_index(stop, v.len, v.len);

	if (lo > hi)
		return ZB_EINVAL;
	out->data = v.data + lo; /* even when empty: the position stays meaningful */
	out->len = hi - lo;
	out->owner = v.owner;
	return ZB_OK;
}

int zb_view_at(zb_view v, ptrdiff_t i)
{
	size_t k;

	if (i < 0) {
		size_t back = (size_t)-(i + 1) + 1;
		if (back > v.len)
			return ZB_ERANGE;
		k = v.len - back;
	} else {
		if ((size_t)i >= v.len)
			return ZB_ERANGE;
		k = (size_t)i;
	}
	return v.data[k];
}

int zb_view_add(zb_view a, zb_view b, zb_view *out, unsigned char **storage)
{
	unsigned char *p;

	*storage = NULL;
	if (b.len == 0) {
		*out = a;
		return ZB_OK;
	}
	if (a.len == 0) {
		*out = b;
		return ZB_OK;
	}
	if (a.owner == b.owner && a.data + a.len == b.data) {
		out->data = a.data;
		out->len = a.len + b.len;
		out->owner = a.owner;
		return ZB_OK;
	}
	if (a.len > SIZE_MAX - b.len || (p = malloc(a.len + b.len)) == NULL)
		return ZB_ENOMEM;
	memcpy(p, a.data, a.len);
	memcpy(p + a.len, b.data, b.len);
	*storage = p;
	*out = zb_view_of(p, a.len + b.len);
	return ZB_OK;
}

/* The ASCII classes of bytes.isX; a table, so a test costs no call per byte. */
enum { C_SPACE = 1, C_DIGIT = 2, C_ALPHA = 4 };
static const unsigned char ascii_class[256] = {
	['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE,
	['\r'] = C_SPACE, [' '] = C_SPACE,
	['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
	['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
	['A'] = C_ALPHA, ['B'] = C_ALPHA, ['C'] = C_ALPHA, ['D'] = C_ALPHA, ['E'] = C_ALPHA,
	['F'] = C_ALPHA, ['G'] = C_ALPHA, ['H'] = C_ALPHA, ['I'] = C_ALPHA, ['J'] = C_ALPHA,
	['K'] = C_ALPHA, ['L'] = C_ALPHA, ['M'] = C_ALPHA, ['N'] = C_ALPHA, ['O'] = C_ALPHA,
	['P'] = C_ALPHA, ['Q'] = C_ALPHA, ['R'] = C_ALPHA, ['S'] = C_ALPHA, ['T'] = C_ALPHA,
	['U'] = C_ALPHA, ['V'] = C_ALPHA, ['W'] = C_ALPHA, ['X'] = C_ALPHA, ['Y'] = C_ALPHA,
	['Z'] = C_ALPHA,
	['a'] = C_ALPHA, ['b'] = C_ALPHA, ['c'] = C_ALPHA, ['d'] = C_ALPHA, ['e'] = C_ALPHA,
	['f'] = C_ALPHA, ['g'] = C_ALPHA, ['h'] = C_ALPHA, ['i'] = C_ALPHA, ['j'] = C_ALPHA,
	['k'] = C_ALPHA, ['l'] = C_ALPHA, ['m'] = C_ALPHA, ['n'] = C_ALPHA, ['o'] = C_ALPHA,
	['p'] = C_ALPHA, ['q'] = C_ALPHA, ['r'] = C_ALPHA, ['s'] = C_ALPHA, ['t'] = C_ALPHA,
	['u'] = C_ALPHA, ['v'] = C_ALPHA, ['w'] = C_ALPHA, ['x'] = C_ALPHA, ['y'] = C_ALPHA,
	['z'] = C_ALPHA,
};

static bool all_in_class(zb_view v, unsigned char cls)
{
	size_t i;

	if (v.len == 0)
		return false;
	for (i = 0; i < v.len; i++)
		if (!(ascii_class[v.data[i]] & cls))
			return false;
	return true;
}

bool zb_view_isspace(zb_view v) { return all_in_class(v, C_SPACE); }
bool zb_view_isdigit(zb_view v) { return all_in_class(v, C_DIGIT); }
bool zb_view_isalpha(zb_view v) { return all_in_class(v, C_ALPHA); }

void zb_byteset_init(zb_byteset *set, const void *chars, size_t n)
{
	static const unsigned char whitespace[] = " \t\n\r\v\f";
	const unsigned char *c = chars ? chars : whitespace;
	size_t i;

	if (chars == NULL)
		n = sizeof whitespace - 1;
	memset(set, 0, sizeof *set);
	for (i = 0; i < n; i++)
		set->bits[c[i] >> 3] |= (unsigned char)(1u << (c[i] & 7));
}

static zb_view strip_ends(zb_view v, const void *chars, size_t n, bool left, bool right)
{
	zb_byteset set;

	zb_byteset_init(&set, chars, n);
	return zb_view_strip_sets(v, left ? &set : NULL, right ? &set : NULL);
}

zb_view zb_view_strip(zb_view v, const void *chars, size_t n)
{
	return strip_ends(v, chars, n, true, true);
}

zb_view zb_view_lstrip(zb_view v, const void *chars, size_t n)
{
	return strip_ends(v, chars, n, true, false);
}

zb_view zb_view_rstrip(zb_view v, const void *chars, size_t n)
{
	return strip_ends(v, chars, n, false, true);
}

ptrdiff_t zb_view_write_to(zb_view v, int fd)
{
	size_t len = v.len > SSIZE_MAX ? SSIZE_MAX : v.len;
	ssize_t n;

	do
		n = write(fd, v.data, len);
	while (n < 0 && errno == EINTR);
	return n < 0 ? ZB_EOS : n;
}
