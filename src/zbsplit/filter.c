/*
 * filter.c - predicates on fields, tried.  The fields the predicates name are found
 * in one scan of the record, as far as the highest of them, and compared in place:
 * strings with the view operations, regular expressions with REG_STARTEND (no copy),
 * numbers as integers when they are short ones, else through a small scratch copy
 * for strtod.  (filter_parse.c reads the predicates.)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <math.h>

#include "filter.h"
#include "fold.h"
#include "number.h"

int filter_resolve_names(struct filter *f, name_lookup_fn *lookup, void *ctx, char *err,
                         size_t errlen)
{
	size_t i;

	for (i = 0; i < f->count; i++) {
		struct bound *b = &f->preds[i].field;
		if (b->name && (b->n = lookup(b->name, ctx, err, errlen)) == 0)
			return -1;
	}
	return 0;
}

/* The numeric predicates' hot path is kept in line (see holds_more). */
#if defined(__GNUC__) || defined(__clang__)
#define IN_LINE __attribute__((always_inline))
#define OUT_OF_LINE __attribute__((noinline))
#else
#define IN_LINE
#define OUT_OF_LINE
#endif

/*
 * The value of v when it is [+-]?D{1,15}, the commonest number in a field; false for
 * any other form.  Below 10^15 a double holds every integer exactly, so this is
 * strtod's value, without its cost: a third of --ge 5:400's time was strtod's.
 */
IN_LINE static inline bool small_integer(zb_view v, double *out)
{
	size_t i = 0;
	uint64_t n = 0;

	if (v.len > 0 && (v.data[0] == '+' || v.data[0] == '-'))
		i = 1;
	if (v.len == i || v.len - i > 15)
		return false;
	for (; i < v.len; i++) {
		unsigned digit = (unsigned)v.data[i] - '0';
		if (digit > 9)
			return false;
		n = n * 10 + digit;
	}
	*out = v.data[0] == '-' ? -(double)n : (double)n;
	return true;
}

/* Reads v as a number into *out; false when it is not one (blanks around allowed). */
IN_LINE static inline bool field_number(struct filter_scratch *num, zb_view v, double *out)
{
	v = zb_view_strip_sets(v, &fields_blanks, &fields_blanks);
	if (small_integer(v, out))
		return true;
	if (number_syntax((const char *)v.data, v.len) == 0)
		return false;
	if (v.len + 1 > num->num_cap) { /* grows to the longest number seen, then reused */
		char *p = realloc(num->num, v.len + 1);
		if (p == NULL)
			return false;
		num->num = p;
		num->num_cap = v.len + 1;
	}
	memcpy(num->num, v.data, v.len);
	num->num[v.len] = '\0';
	*out = strtod(num->num, NULL);
	return true;
}

/* a OP b for the comparison at `op` places after the group's EQ (see pred_kind). */
static bool compare(int cmp, int op)
{
	switch (op) {
	case 0: return cmp == 0;
	case 1: return cmp != 0;
	case 2: return cmp < 0;
	case 3: return cmp <= 0;
	case 4: return cmp > 0;
	default: return cmp >= 0;
	}
}

static int compare_sizes(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

/* Byte order, as tsv-filter compares UTF-8 (code unit by code unit). */
static int compare_bytes(zb_view v, const unsigned char *s, size_t n)
{
	int c = memcmp(v.data, s, v.len < n ? v.len : n);

	return c != 0 ? c : compare_sizes(v.len, n);
}

/* The kinds tsv-filter brought (issue 16), out of filter_decide's loop: the older
 * ones stay in it, their field in registers (passed a view by value, a call
 * stalls on it: --lt 1:5 took half as long again).  *v: the field. */
OUT_OF_LINE static bool holds_more(struct filter_scratch *fs, const struct predicate *p,
                                   const zb_view *v)
{
	enum pred_kind kind = p->kind;
	zb_view t;
	double x;

	switch (kind) {
	case P_ISTR_EQ: return fold_eq_tokens(*v, p->folded, p->nfolded);
	case P_ISTR_NE: return !fold_eq_tokens(*v, p->folded, p->nfolded);
	case P_ICONTAINS: return fold_contains_tokens(*v, p->folded, p->nfolded);
	case P_NOT_ICONTAINS: return !fold_contains_tokens(*v, p->folded, p->nfolded);
	case P_BLANK: return text_blank(*v);
	case P_NOT_BLANK: return !text_blank(*v);
	case P_IS_FINITE: return field_number(fs, *v, &x) && isfinite(x); /* 1e400 reads as inf */
	default: break;
	}
	if (kind >= P_STR_LT && kind <= P_STR_GE)
		return compare(compare_bytes(*v, p->str, p->len), (int)(kind - P_STR_LT) + 2);
	if (kind >= P_CHAR_LEN_EQ && kind <= P_CHAR_LEN_GE)
		return compare(compare_sizes(text_chars(*v), p->count), (int)(kind - P_CHAR_LEN_EQ));
	if (kind >= P_BYTE_LEN_EQ && kind <= P_BYTE_LEN_GE)
		return compare(compare_sizes(v->len, p->count), (int)(kind - P_BYTE_LEN_EQ));
	t = zb_view_strip_sets(*v, &fields_blanks, &fields_blanks); /* --is-numeric ... */
	switch (number_special((const char *)t.data, t.len)) {
	case NUMBER_NAN: return kind == P_IS_NAN || kind == P_IS_NUMERIC;
	case NUMBER_INF: return kind == P_IS_INFINITY || kind == P_IS_NUMERIC;
	default: return kind == P_IS_NUMERIC && field_number(fs, t, &x);
	}
}

/* Whether predicate p (the i-th) holds for its field v. */
static inline bool holds(struct filter_scratch *fs, const struct predicate *p, size_t i,
                         zb_view v)
{
	double x;

	switch (p->kind) {
	case P_STR_EQ: return zb_view_eq_bytes(v, p->str, p->len);
	case P_STR_NE: return !zb_view_eq_bytes(v, p->str, p->len);
	case P_CONTAINS: return zb_view_contains(v, p->str, p->len);
	case P_NOT_CONTAINS: return !zb_view_contains(v, p->str, p->len);
	case P_PREFIX: return v.len >= p->len && memcmp(v.data, p->str, p->len) == 0;
	case P_SUFFIX: return v.len >= p->len && memcmp(v.data + v.len - p->len, p->str, p->len) == 0;
	case P_REGEX:
	case P_IREGEX: return regex_matches(&fs->re[i], v);
	case P_NOT_REGEX:
	case P_NOT_IREGEX: return !regex_matches(&fs->re[i], v);
	case P_EMPTY: return v.len == 0;
	case P_NOT_EMPTY: return v.len > 0;
	case P_ISDIGIT: return zb_view_isdigit(v);
	case P_ISALPHA: return zb_view_isalpha(v);
	case P_ISSPACE: return zb_view_isspace(v);
	case P_EQ:
	case P_NE:
	case P_LT:
	case P_LE:
	case P_GT:
	case P_GE: break;
	default: return holds_more(fs, p, &v);
	}
	if (!field_number(fs, v, &x))
		return false; /* not a number: every numeric predicate is false */
	switch (p->kind) {
	case P_EQ: return x == p->num;
	case P_NE: return x != p->num;
	case P_LT: return x < p->num;
	case P_LE: return x <= p->num;
	case P_GT: return x > p->num;
	default: return x >= p->num;
	}
}

/* The ff kinds: field v against field w. */
OUT_OF_LINE static bool holds_ff(struct filter_scratch *fs, const struct predicate *p,
                                 zb_view v, zb_view w)
{
	double x, y, diff;

	switch (p->kind) {
	case P_FF_STR_EQ: return zb_view_eq_bytes(v, w.data, w.len);
	case P_FF_STR_NE: return !zb_view_eq_bytes(v, w.data, w.len);
	case P_FF_ISTR_EQ: return fold_eq(v, w);
	case P_FF_ISTR_NE: return !fold_eq(v, w);
	default: break;
	}
	if (!field_number(fs, v, &x) || !field_number(fs, w, &y))
		return false; /* as for a field against a NUM */
	diff = fabs(x - y);
	switch (p->kind) {
	case P_FF_ABSDIFF_LE: return diff <= p->num;
	case P_FF_ABSDIFF_GT: return diff > p->num;
	case P_FF_RELDIFF_LE:
	case P_FF_RELDIFF_GT:
		/* relative to the smaller magnitude; equal numbers (0 and 0 too) differ by 0 */
		x = fabs(x);
		y = fabs(y);
		diff = diff == 0 ? 0 : diff / (x < y ? x : y);
		return p->kind == P_FF_RELDIFF_LE ? diff <= p->num : diff > p->num;
	default: return compare((x > y) - (x < y), (int)(p->kind - P_FF_EQ));
	}
}

int filter_scratch_open(struct filter_scratch *fs, const struct filter *f)
{
	memset(fs, 0, sizeof *fs);
	if ((fs->re = calloc(f->count + 1, sizeof *fs->re)) == NULL)
		return -1;
	for (; fs->nre < f->count; fs->nre++) {
		const struct predicate *p = &f->preds[fs->nre];
		/* (it compiled once already: only memory can fail now) */
		if (pred_is_regex(p->kind) &&
		    regex_compile(&fs->re[fs->nre], p->pattern, p->cflags) != 0)
			return -1;
	}
	return 0;
}

void filter_scratch_close(struct filter_scratch *fs, const struct filter *f)
{
	size_t i;

	for (i = 0; i < fs->nre; i++)
		if (pred_is_regex(f->preds[i].kind))
			regex_free(&fs->re[i]);
	free(fs->re);
	free(fs->num);
	memset(fs, 0, sizeof *fs);
}

bool filter_decide(const struct filter *f, const zb_view *values, const zb_byteset *lstrip,
                   const zb_byteset *rstrip, struct filter_scratch *fs)
{
	size_t i;
	bool keep = !f->any;

	for (i = 0; i < f->count; i++) {
		const struct predicate *p = &f->preds[i];
		zb_view v = values[i];
		bool ok;
		if (lstrip || rstrip)
			v = zb_view_strip_sets(v, lstrip, rstrip);
		if (pred_is_ff(p->kind)) { /* with its operand, the next one */
			zb_view w = values[++i];
			if (lstrip || rstrip)
				w = zb_view_strip_sets(w, lstrip, rstrip);
			ok = holds_ff(fs, p, v, w);
		} else {
			ok = holds(fs, p, i, v);
		}
		if (f->any ? ok : !ok) {
			keep = f->any;
			break;
		}
	}
	return keep != f->invert;
}
