/* test_split.c - split, split_ws, split_runs, splitlines. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

struct piece {
	const char *p; /* NULL ends a list */
	size_t n;
	size_t off;    /* where the piece starts in the split view (also when empty) */
};

enum split_kind { K_SPLIT, K_WS, K_RUNS, K_LINES };

struct split_case {
	enum split_kind kind;
	const char *s;
	size_t n;
	const char *arg; /* K_SPLIT: separator; K_RUNS: byte set */
	size_t argn;
	ptrdiff_t maxsplit;
	int flag;        /* K_RUNS: trim; K_LINES: keepends */
	const struct piece *want;
};

/*
 * Generated from Python 3:
 *   K_SPLIT  s.split(sep, maxsplit)
 *   K_WS     s.split(None, maxsplit)
 *   K_RUNS   trim:    CPython's split_whitespace loop with the given byte set
 *                     (checked equal to s.split(None, k) for the whitespace set);
 *            no trim: re.split(b"[set]+", s, maxsplit) for maxsplit > 0, unlimited
 *                     for maxsplit < 0, [s] for maxsplit == 0 (and [s] for an
 *                     empty set: there is nothing to split on)
 *   K_LINES  s.splitlines(keepends)
 * Offsets: each piece's start in s (empty pieces keep their position), from
 * offset-tracking versions of the same loops, checked to give the same pieces.
 */
static const struct split_case cases[] = {
	{K_SPLIT, ",a,,b,", 6, ",", 1, -1, 0, (const struct piece[]){{"", 0, 0}, {"a", 1, 1}, {"", 0, 3}, {"b", 1, 4}, {"", 0, 6}, {NULL, 0, 0}}},
	{K_SPLIT, "", 0, ",", 1, -1, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_SPLIT, "", 0, ",", 1, 0, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_SPLIT, "", 0, ",", 1, 3, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_SPLIT, "a<>b<><>c<>", 11, "<>", 2, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 3}, {"", 0, 6}, {"c", 1, 8}, {"", 0, 11}, {NULL, 0, 0}}},
	{K_SPLIT, "<>a<>b", 6, "<>", 2, -1, 0, (const struct piece[]){{"", 0, 0}, {"a", 1, 2}, {"b", 1, 5}, {NULL, 0, 0}}},
	{K_SPLIT, "aaa", 3, "aa", 2, -1, 0, (const struct piece[]){{"", 0, 0}, {"a", 1, 2}, {NULL, 0, 0}}},
	{K_SPLIT, "aaaa", 4, "aa", 2, -1, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 2}, {"", 0, 4}, {NULL, 0, 0}}},
	{K_SPLIT, "a,b,c", 5, ",", 1, 0, 0, (const struct piece[]){{"a,b,c", 5, 0}, {NULL, 0, 0}}},
	{K_SPLIT, "a,b,c", 5, ",", 1, 1, 0, (const struct piece[]){{"a", 1, 0}, {"b,c", 3, 2}, {NULL, 0, 0}}},
	{K_SPLIT, "a,b,c", 5, ",", 1, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_SPLIT, "a,b,c", 5, ",", 1, -7, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_SPLIT, "a,b,c", 5, ",", 1, 5, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_SPLIT, ",a,", 3, ",", 1, 1, 0, (const struct piece[]){{"", 0, 0}, {"a,", 2, 1}, {NULL, 0, 0}}},
	{K_SPLIT, "a,b,c", 5, ",", 1, 2, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_SPLIT, "abc", 3, "abcd", 4, -1, 0, (const struct piece[]){{"abc", 3, 0}, {NULL, 0, 0}}},
	{K_SPLIT, "abc", 3, "abc", 3, -1, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 3}, {NULL, 0, 0}}},
	{K_SPLIT, "abc", 3, "x", 1, -1, 0, (const struct piece[]){{"abc", 3, 0}, {NULL, 0, 0}}},
	{K_SPLIT, ",", 1, ",", 1, -1, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 1}, {NULL, 0, 0}}},
	{K_SPLIT, ",,", 2, ",", 1, -1, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 1}, {"", 0, 2}, {NULL, 0, 0}}},
	{K_SPLIT, ",,", 2, ",", 1, 1, 0, (const struct piece[]){{"", 0, 0}, {",", 1, 1}, {NULL, 0, 0}}},
	{K_SPLIT, "a\x00" "b\x00\x00" "c", 6, "\x00", 1, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"", 0, 4}, {"c", 1, 5}, {NULL, 0, 0}}},
	{K_SPLIT, "x\xff\x80y\xff\x80", 6, "\xff\x80", 2, -1, 0, (const struct piece[]){{"x", 1, 0}, {"y", 1, 3}, {"", 0, 6}, {NULL, 0, 0}}},
	{K_SPLIT, "1::2:::3", 8, "::", 2, -1, 0, (const struct piece[]){{"1", 1, 0}, {"2", 1, 3}, {":3", 2, 6}, {NULL, 0, 0}}},
	{K_SPLIT, "1::2:::3", 8, "::", 2, 1, 0, (const struct piece[]){{"1", 1, 0}, {"2:::3", 5, 3}, {NULL, 0, 0}}},
	{K_SPLIT, "abcabc", 6, "abc", 3, -1, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 3}, {"", 0, 6}, {NULL, 0, 0}}},
	{K_SPLIT, "a b  c", 6, " ", 1, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"", 0, 4}, {"c", 1, 5}, {NULL, 0, 0}}},
	{K_WS, "", 0, NULL, 0, -1, 0, (const struct piece[]){{NULL, 0, 0}}},
	{K_WS, "", 0, NULL, 0, 0, 0, (const struct piece[]){{NULL, 0, 0}}},
	{K_WS, " \x09\x0a\x0d\x0b\x0c", 6, NULL, 0, -1, 0, (const struct piece[]){{NULL, 0, 0}}},
	{K_WS, " \x09\x0a\x0d\x0b\x0c", 6, NULL, 0, 0, 0, (const struct piece[]){{NULL, 0, 0}}},
	{K_WS, " a  b\x09" "c\x0a", 8, NULL, 0, -1, 0, (const struct piece[]){{"a", 1, 1}, {"b", 1, 4}, {"c", 1, 6}, {NULL, 0, 0}}},
	{K_WS, "  a  b  c  ", 11, NULL, 0, 1, 0, (const struct piece[]){{"a", 1, 2}, {"b  c  ", 6, 5}, {NULL, 0, 0}}},
	{K_WS, "  a b  ", 7, NULL, 0, 0, 0, (const struct piece[]){{"a b  ", 5, 2}, {NULL, 0, 0}}},
	{K_WS, "   ", 3, NULL, 0, 0, 0, (const struct piece[]){{NULL, 0, 0}}},
	{K_WS, "a\x0b" "b\x0c" "c", 5, NULL, 0, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_WS, "a\x1c" "b\x85" "c\xa0" "d", 7, NULL, 0, -1, 0, (const struct piece[]){{"a\x1c" "b\x85" "c\xa0" "d", 7, 0}, {NULL, 0, 0}}},
	{K_WS, "a b ", 4, NULL, 0, 1, 0, (const struct piece[]){{"a", 1, 0}, {"b ", 2, 2}, {NULL, 0, 0}}},
	{K_WS, "a ", 2, NULL, 0, 1, 0, (const struct piece[]){{"a", 1, 0}, {NULL, 0, 0}}},
	{K_WS, "a b c d", 7, NULL, 0, 2, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c d", 3, 4}, {NULL, 0, 0}}},
	{K_WS, "a b c d", 7, NULL, 0, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {"d", 1, 6}, {NULL, 0, 0}}},
	{K_WS, "abc", 3, NULL, 0, -1, 0, (const struct piece[]){{"abc", 3, 0}, {NULL, 0, 0}}},
	{K_WS, "a b c d", 7, NULL, 0, -3, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {"d", 1, 6}, {NULL, 0, 0}}},
	{K_WS, "  a  b  ", 8, NULL, 0, 2, 0, (const struct piece[]){{"a", 1, 2}, {"b", 1, 5}, {NULL, 0, 0}}},
	{K_WS, "a\x00" "b c", 5, NULL, 0, -1, 0, (const struct piece[]){{"a\x00" "b", 3, 0}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_WS, " a\x0d\x0a" "b ", 6, NULL, 0, 5, 0, (const struct piece[]){{"a", 1, 1}, {"b", 1, 4}, {NULL, 0, 0}}},
	{K_WS, "a b", 3, NULL, 0, 0, 0, (const struct piece[]){{"a b", 3, 0}, {NULL, 0, 0}}},
	{K_RUNS, " a\x0a" "b\x09 c ", 8, " \x09", 2, -1, 1, (const struct piece[]){{"a\x0a" "b", 3, 1}, {"c", 1, 6}, {NULL, 0, 0}}},
	{K_RUNS, " a\x0a" "b\x09 c ", 8, " \x09", 2, -1, 0, (const struct piece[]){{"", 0, 0}, {"a\x0a" "b", 3, 1}, {"c", 1, 6}, {"", 0, 8}, {NULL, 0, 0}}},
	{K_RUNS, "", 0, " \x09", 2, -1, 1, (const struct piece[]){{NULL, 0, 0}}},
	{K_RUNS, "", 0, " \x09", 2, -1, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_RUNS, " \x09 ", 3, " \x09", 2, -1, 1, (const struct piece[]){{NULL, 0, 0}}},
	{K_RUNS, " \x09 ", 3, " \x09", 2, -1, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 3}, {NULL, 0, 0}}},
	{K_RUNS, "a \x09" "b", 4, " \x09", 2, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 3}, {NULL, 0, 0}}},
	{K_RUNS, "a \x09" "b", 4, " \x09", 2, -1, 1, (const struct piece[]){{"a", 1, 0}, {"b", 1, 3}, {NULL, 0, 0}}},
	{K_RUNS, " a b ", 5, " \x09", 2, 1, 0, (const struct piece[]){{"", 0, 0}, {"a b ", 4, 1}, {NULL, 0, 0}}},
	{K_RUNS, " a b ", 5, " \x09", 2, 1, 1, (const struct piece[]){{"a", 1, 1}, {"b ", 2, 3}, {NULL, 0, 0}}},
	{K_RUNS, "a b c", 5, " \x09", 2, 2, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_RUNS, "a b c", 5, " \x09", 2, 2, 1, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 4}, {NULL, 0, 0}}},
	{K_RUNS, "a  b\x09\x09" "c", 7, " \x09", 2, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 3}, {"c", 1, 6}, {NULL, 0, 0}}},
	{K_RUNS, "  a  b  c  ", 11, " \x09", 2, 1, 1, (const struct piece[]){{"a", 1, 2}, {"b  c  ", 6, 5}, {NULL, 0, 0}}},
	{K_RUNS, "a b ", 4, " \x09", 2, 1, 1, (const struct piece[]){{"a", 1, 0}, {"b ", 2, 2}, {NULL, 0, 0}}},
	{K_RUNS, "a ", 2, " \x09", 2, 1, 1, (const struct piece[]){{"a", 1, 0}, {NULL, 0, 0}}},
	{K_RUNS, "a ", 2, " \x09", 2, 1, 0, (const struct piece[]){{"a", 1, 0}, {"", 0, 2}, {NULL, 0, 0}}},
	{K_RUNS, "a b", 3, " \x09", 2, 0, 0, (const struct piece[]){{"a b", 3, 0}, {NULL, 0, 0}}},
	{K_RUNS, " a b", 4, " \x09", 2, 0, 0, (const struct piece[]){{" a b", 4, 0}, {NULL, 0, 0}}},
	{K_RUNS, " a b ", 5, " \x09", 2, 0, 1, (const struct piece[]){{"a b ", 4, 1}, {NULL, 0, 0}}},
	{K_RUNS, "   ", 3, " \x09", 2, 0, 1, (const struct piece[]){{NULL, 0, 0}}},
	{K_RUNS, "x\x00\xffy\x00z", 6, "\x00\xff", 2, -1, 0, (const struct piece[]){{"x", 1, 0}, {"y", 1, 3}, {"z", 1, 5}, {NULL, 0, 0}}},
	{K_RUNS, "\x00x\x00", 3, "\x00", 1, -1, 1, (const struct piece[]){{"x", 1, 1}, {NULL, 0, 0}}},
	{K_RUNS, "\x00x\x00", 3, "\x00", 1, -1, 0, (const struct piece[]){{"", 0, 0}, {"x", 1, 1}, {"", 0, 3}, {NULL, 0, 0}}},
	{K_RUNS, "a:b;;c", 6, ":;", 2, -1, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 5}, {NULL, 0, 0}}},
	{K_RUNS, "a\x0a" "b", 3, " \x09", 2, -1, 1, (const struct piece[]){{"a\x0a" "b", 3, 0}, {NULL, 0, 0}}},
	{K_RUNS, "a b", 3, "", 0, -1, 0, (const struct piece[]){{"a b", 3, 0}, {NULL, 0, 0}}},
	{K_RUNS, "a b", 3, "", 0, -1, 1, (const struct piece[]){{"a b", 3, 0}, {NULL, 0, 0}}},
	{K_RUNS, "", 0, "", 0, -1, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x0a" "b\x0d\x0a" "c\x0d" "d", 8, NULL, 0, 0, 0, (const struct piece[]){{"a", 1, 0}, {"b", 1, 2}, {"c", 1, 5}, {"d", 1, 7}, {NULL, 0, 0}}},
	{K_LINES, "a\x0a" "b\x0d\x0a" "c\x0d" "d", 8, NULL, 0, 0, 1, (const struct piece[]){{"a\x0a", 2, 0}, {"b\x0d\x0a", 3, 2}, {"c\x0d", 2, 5}, {"d", 1, 7}, {NULL, 0, 0}}},
	{K_LINES, "a\x0a", 2, NULL, 0, 0, 0, (const struct piece[]){{"a", 1, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x0a", 2, NULL, 0, 0, 1, (const struct piece[]){{"a\x0a", 2, 0}, {NULL, 0, 0}}},
	{K_LINES, "", 0, NULL, 0, 0, 0, (const struct piece[]){{NULL, 0, 0}}},
	{K_LINES, "", 0, NULL, 0, 0, 1, (const struct piece[]){{NULL, 0, 0}}},
	{K_LINES, "\x0a\x0a", 2, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 1}, {NULL, 0, 0}}},
	{K_LINES, "\x0a\x0a", 2, NULL, 0, 0, 1, (const struct piece[]){{"\x0a", 1, 0}, {"\x0a", 1, 1}, {NULL, 0, 0}}},
	{K_LINES, "\x0d\x0d\x0a", 3, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 1}, {NULL, 0, 0}}},
	{K_LINES, "\x0d\x0d\x0a", 3, NULL, 0, 0, 1, (const struct piece[]){{"\x0d", 1, 0}, {"\x0d\x0a", 2, 1}, {NULL, 0, 0}}},
	{K_LINES, "\x0a\x0d", 2, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 1}, {NULL, 0, 0}}},
	{K_LINES, "\x0a\x0d", 2, NULL, 0, 0, 1, (const struct piece[]){{"\x0a", 1, 0}, {"\x0d", 1, 1}, {NULL, 0, 0}}},
	{K_LINES, "a\x0d", 2, NULL, 0, 0, 0, (const struct piece[]){{"a", 1, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x0d", 2, NULL, 0, 0, 1, (const struct piece[]){{"a\x0d", 2, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x0b" "b\x0c" "c\x1c" "d\x85", 8, NULL, 0, 0, 0, (const struct piece[]){{"a\x0b" "b\x0c" "c\x1c" "d\x85", 8, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x0b" "b\x0c" "c\x1c" "d\x85", 8, NULL, 0, 0, 1, (const struct piece[]){{"a\x0b" "b\x0c" "c\x1c" "d\x85", 8, 0}, {NULL, 0, 0}}},
	{K_LINES, "abc", 3, NULL, 0, 0, 0, (const struct piece[]){{"abc", 3, 0}, {NULL, 0, 0}}},
	{K_LINES, "abc", 3, NULL, 0, 0, 1, (const struct piece[]){{"abc", 3, 0}, {NULL, 0, 0}}},
	{K_LINES, "\x0d\x0a", 2, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_LINES, "\x0d\x0a", 2, NULL, 0, 0, 1, (const struct piece[]){{"\x0d\x0a", 2, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x0a\x0a" "b", 4, NULL, 0, 0, 0, (const struct piece[]){{"a", 1, 0}, {"", 0, 2}, {"b", 1, 3}, {NULL, 0, 0}}},
	{K_LINES, "a\x0a\x0a" "b", 4, NULL, 0, 0, 1, (const struct piece[]){{"a\x0a", 2, 0}, {"\x0a", 1, 2}, {"b", 1, 3}, {NULL, 0, 0}}},
	{K_LINES, "\x0a", 1, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_LINES, "\x0a", 1, NULL, 0, 0, 1, (const struct piece[]){{"\x0a", 1, 0}, {NULL, 0, 0}}},
	{K_LINES, "\x0d", 1, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {NULL, 0, 0}}},
	{K_LINES, "\x0d", 1, NULL, 0, 0, 1, (const struct piece[]){{"\x0d", 1, 0}, {NULL, 0, 0}}},
	{K_LINES, "a\x00\x0a\xff", 4, NULL, 0, 0, 0, (const struct piece[]){{"a\x00", 2, 0}, {"\xff", 1, 3}, {NULL, 0, 0}}},
	{K_LINES, "a\x00\x0a\xff", 4, NULL, 0, 0, 1, (const struct piece[]){{"a\x00\x0a", 3, 0}, {"\xff", 1, 3}, {NULL, 0, 0}}},
	{K_LINES, "\x0d\x0a\x0d\x0a", 4, NULL, 0, 0, 0, (const struct piece[]){{"", 0, 0}, {"", 0, 2}, {NULL, 0, 0}}},
	{K_LINES, "\x0d\x0a\x0d\x0a", 4, NULL, 0, 0, 1, (const struct piece[]){{"\x0d\x0a", 2, 0}, {"\x0d\x0a", 2, 2}, {NULL, 0, 0}}},
};

static const char *kind_name(enum split_kind k)
{
	switch (k) {
	case K_SPLIT: return "split";
	case K_WS: return "split_ws";
	case K_RUNS: return "split_runs";
	default: return "splitlines";
	}
}

/* With exact false, the view is made inside a buffer between guard bytes that would
 * change the result if the splitter looked outside the view: the separator (or set)
 * itself for split and split_runs, whitespace for split_ws, and "\r\n" before /
 * "\n\r" after for splitlines.  With exact true, the view is the whole of a block
 * of exactly its size, so the sanitizers or valgrind catch any read past its end. */
static void run_case(const struct split_case *k, size_t idx, int exact)
{
	unsigned char *blk = NULL;
	const char *pre, *post;
	size_t pren, postn;
	zb_buffer *b;
	zb_view v, piece = zb_view_empty();
	size_t i, got = 0;
	int ok = 1;

	switch (k->kind) {
	case K_SPLIT:
	case K_RUNS:
		pre = post = k->arg;
		pren = postn = k->argn;
		break;
	case K_WS:
		pre = post = " \t";
		pren = postn = 2;
		break;
	default:
		pre = "\r\n";
		post = "\n\r";
		pren = postn = 2;
		break;
	}
	if (exact) {
		pren = postn = 0;
		if (k->n == 0)
			return;
		blk = malloc(k->n);
		if (blk == NULL) {
			CHECK(blk != NULL);
			return;
		}
		memcpy(blk, k->s, k->n);
	}
	b = zb_buffer_allocate(pren + k->n + postn);
	if (b == NULL) {
		free(blk);
		CHECK(b != NULL);
		return;
	}
	if (pren)
		zb_buffer_add_bytes(b, pre, pren);
	if (k->n)
		zb_buffer_add_bytes(b, k->s, k->n);
	if (postn)
		zb_buffer_add_bytes(b, post, postn);
	CHECK_EQ_INT(zb_buffer_view(b, (ptrdiff_t)pren, (ptrdiff_t)(pren + k->n), &v), ZB_OK);
	if (exact)
		v = zb_view_of(blk, k->n);

	if (k->kind == K_LINES) {
		zb_lines it;
		zb_view_splitlines(v, k->flag != 0, &it);
		for (i = 0; ok; i++) {
			if (!zb_lines_next(&it, &piece)) {
				ok = k->want[i].p == NULL;
				break;
			}
			got++;
			if (k->want[i].p == NULL || piece.len != k->want[i].n ||
			    (piece.len && memcmp(piece.data, k->want[i].p, piece.len) != 0) ||
			    piece.data != v.data + k->want[i].off)
				ok = 0;
			else if (piece.len && (piece.data < v.data ||
			                       piece.data + piece.len > v.data + v.len ||
			                       piece.owner != v.owner))
				ok = 0; /* not a sub-view */
		}
		if (ok)
			ok = !zb_lines_next(&it, &piece); /* stays done */
	} else {
		zb_split it;
		if (k->kind == K_SPLIT)
			CHECK_EQ_INT(zb_view_split(v, k->arg, k->argn, k->maxsplit, &it), ZB_OK);
		else if (k->kind == K_WS)
			zb_view_split_ws(v, k->maxsplit, &it);
		else
			zb_view_split_runs(v, k->arg, k->argn, k->flag != 0, k->maxsplit, &it);
		for (i = 0; ok; i++) {
			if (!zb_split_next(&it, &piece)) {
				ok = k->want[i].p == NULL;
				break;
			}
			got++;
			if (k->want[i].p == NULL || piece.len != k->want[i].n ||
			    (piece.len && memcmp(piece.data, k->want[i].p, piece.len) != 0) ||
			    piece.data != v.data + k->want[i].off)
				ok = 0;
			else if (piece.len && (piece.data < v.data ||
			                       piece.data + piece.len > v.data + v.len ||
			                       piece.owner != v.owner))
				ok = 0;
		}
		if (ok)
			ok = !zb_split_next(&it, &piece);
	}
	if (!check_report(ok, __FILE__, __LINE__, "pieces == Python's")) {
		fprintf(stderr, "    case %zu%s (%s, maxsplit %td, flag %d): wrong at or after piece %zu",
		        idx, exact ? " exact" : "", kind_name(k->kind), k->maxsplit, k->flag, got);
		if (got > 0)
			fprintf(stderr, ", last piece \"%.*s\" (len %zu, offset %td)",
			        (int)piece.len, (const char *)piece.data, piece.len,
			        piece.data - v.data);
		fputc('\n', stderr);
	}
	zb_buffer_release(b);
	free(blk);
}

static void test_table(void)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
	{
		run_case(&cases[i], i, 0);
		run_case(&cases[i], i, 1);
	}
}

static void test_split_misc(void)
{
	zb_split it;
	zb_view v = zb_view_of("a,b", 3), p;
	char sep[2] = ",";
	int n;

	/* an empty separator is a ValueError */
	CHECK_EQ_INT(zb_view_split(v, "", 0, -1, &it), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_split(zb_view_empty(), "", 0, -1, &it), ZB_EINVAL);
	CHECK_EQ_INT(zb_view_split(v, ",", 0, 1, &it), ZB_EINVAL);

	/* pieces are sub-views: no copies */
	CHECK_EQ_INT(zb_view_split(v, sep, 1, -1, &it), ZB_OK);
	CHECK(zb_split_next(&it, &p));
	CHECK_VIEW(p, "a");
	CHECK_PTR_EQ(p.data, v.data);
	CHECK(zb_split_next(&it, &p));
	CHECK_VIEW(p, "b");
	CHECK_PTR_EQ(p.data, v.data + 2);
	CHECK(!zb_split_next(&it, &p));
	CHECK(!zb_split_next(&it, &p));

	/* a long view with many pieces */
	{
		static char big[3000];
		int i;
		for (i = 0; i < 1000; i++)
			memcpy(big + 3 * i, "xy;", 3);
		CHECK_EQ_INT(zb_view_split(zb_view_of(big, sizeof big), ";", 1, -1, &it), ZB_OK);
		n = 0;
		while (zb_split_next(&it, &p)) {
			if (n < 1000 && !zb_view_eq_bytes(p, "xy", 2))
				break;
			if (n == 1000 && p.len != 0)
				break;
			n++;
		}
		/* Python: (b"xy;" * 1000).split(b";") has 1001 pieces, the last empty */
		CHECK_EQ_INT(n, 1001);
	}
}

/* split_set is split_runs with the set made once: the same pieces, at the same
 * places, for the same views, trimmed or not, with or without maxsplit. */
static void test_split_set(void)
{
	static const char *const views[] = {"", " ", "a", " a b\t\tc ", "\t\ta  b", "a b c d e",
	                                    "x\t", "  "};
	static const ptrdiff_t maxsplits[] = {-1, 0, 1, 2};
	zb_byteset blanks;
	size_t i, m, t;

	zb_byteset_init(&blanks, " \t", 2);
	for (i = 0; i < sizeof views / sizeof views[0]; i++)
		for (m = 0; m < sizeof maxsplits / sizeof maxsplits[0]; m++)
			for (t = 0; t < 2; t++) {
				zb_view v = zb_view_of(views[i], strlen(views[i])), a, b;
				zb_split x, y;
				bool more_x, more_y;
				int pieces = 0;
				zb_view_split_runs(v, " \t", 2, t == 1, maxsplits[m], &x);
				zb_view_split_set(v, &blanks, t == 1, maxsplits[m], &y);
				do {
					more_x = zb_split_next(&x, &a);
					more_y = zb_split_next(&y, &b);
					CHECK_EQ_INT(more_x, more_y);
					if (more_x && more_y) {
						CHECK_PTR_EQ(a.data, b.data);
						CHECK_EQ_INT(a.len, b.len);
						pieces++;
					}
				} while (more_x && more_y && pieces < 20);
			}
	/* and one by hand: " a b\t\tc " trimmed is a, b, c */
	{
		zb_view v = zb_view_of(" a b\t\tc ", 8), p;
		zb_split it;
		zb_view_split_set(v, &blanks, true, -1, &it);
		CHECK(zb_split_next(&it, &p));
		CHECK_VIEW(p, "a");
		CHECK(zb_split_next(&it, &p));
		CHECK_VIEW(p, "b");
		CHECK(zb_split_next(&it, &p));
		CHECK_VIEW(p, "c");
		CHECK(!zb_split_next(&it, &p));
	}
}

void test_split(void)
{
	test_table();
	test_split_misc();
	test_split_set();
}
