/*
 * utf8.c - utf8_walk and utf8_find: the portable engine, which steps a character
 * at a time with utf8_len, and the calls that go to the engine engine.c chose
 * (the block engines are in utf8_simd.c).
 */
#include <string.h>

#include "kernels/engine.h"
#include "kernels/utf8.h"

/* utf8_walk_skip without a block engine: a character at a time. */
size_t utf8_skip_portable(utf8_walk *w, size_t n, size_t limit)
{
	size_t k = 0, at = w->pos, end = limit < w->len ? limit : w->len;

	while (k < n && at < end) {
		size_t l;
		uint64_t word;
		if (end - at >= 8 && n - k >= 8) { /* eight ASCII bytes are eight characters */
			memcpy(&word, w->data + at, 8);
			if ((word & 0x8080808080808080u) == 0) {
				at += 8;
				k += 8;
				continue;
			}
		}
		if ((l = utf8_len(w->data + at, w->len - at)) == 0 || at + l > end)
			break;
		at += l;
		k++;
	}
	w->pos = at;
	return k;
}

/* utf8_find_line with a walk. */
size_t utf8_find_portable(zb_view v, int term, const size_t *nums, size_t count,
                          utf8_span *spans, bool *invalid, size_t *line_len)
{
	const unsigned char *end = term < 0 ? NULL : memchr(v.data, term, v.len);
	size_t i, k = 0; /* characters passed */
	utf8_walk w;

	if (end)
		v.len = (size_t)(end - v.data);
	utf8_walk_start(&w, v, 0);
	for (i = 0; i < count; i++) {
		if (i > 0 && nums[i] == nums[i - 1]) {
			spans[i] = spans[i - 1];
			continue;
		}
		if ((k += utf8_skip_portable(&w, nums[i] - 1 - k, v.len)) < nums[i] - 1 ||
		    w.pos == v.len)
			break;
		spans[i].start = w.pos;
		if (utf8_skip_portable(&w, 1, v.len) == 0)
			break;
		spans[i].end = w.pos;
		k++;
	}
	*invalid = i < count && w.pos < v.len;
	*line_len = v.len;
	return i;
}

size_t utf8_walk_skip(utf8_walk *w, size_t n, size_t limit)
{
	return kernels()->utf8_skip(w, n, limit);
}

size_t utf8_find(zb_view v, const size_t *nums, size_t count, utf8_span *spans, bool *invalid)
{
	size_t len;

	return kernels()->utf8_find(v, -1, nums, count, spans, invalid, &len);
}

size_t utf8_find_line(zb_view v, unsigned char term, const size_t *nums, size_t count,
                      utf8_span *spans, bool *invalid, size_t *line_len)
{
	return kernels()->utf8_find(v, term, nums, count, spans, invalid, line_len);
}
