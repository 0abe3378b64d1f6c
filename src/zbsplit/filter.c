/*
 * filter.c - predicates on fields.  The fields the predicates name are found in one
 * scan of the record, as far as the highest of them, and compared in place: strings
 * with the view operations, regular expressions with REG_STARTEND (no copy), numbers
 * as integers when they are short ones, else through a small scratch copy for strtod.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ere_size.h"
#include "escape.h"
#include "filter.h"

static bool is_numeric_kind(enum pred_kind k) { return k >= P_EQ && k <= P_GE; }
static bool is_regex_kind(enum pred_kind k) { return k >= P_REGEX && k <= P_IREGEX; }
static bool is_class_kind(enum pred_kind k) { return k >= P_EMPTY; }

/*
 * The length of the number at p[0..n): [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)?, all of it
 * (0 when it is not exactly one number).  Infinity, NaN and hex are not numbers.
 */
static size_t number_syntax(const char *p, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (p[i] == '+' || p[i] == '-'))
		i++;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		digits++;
	if (i < n && p[i] == '.')
		for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			digits++;
	if (digits == 0)
		return 0;
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		size_t exp_digits = 0;
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			exp_digits++;
		if (exp_digits == 0)
			return 0;
	}
	return i == n ? n : 0;
}

int filter_add(struct filter *f, enum pred_kind kind, const char *option, const char *arg,
               char *err, size_t errlen)
{
	struct predicate *p, *grown;
	const char *s = arg, *value;
	int got;

	grown = realloc(f->preds, (f->count + 1) * sizeof *f->preds);
	if (grown == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	f->preds = grown;
	p = &f->preds[f->count];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	got = bound_parse(&s, &p->field);
	if (got <= 0) {
		snprintf(err, errlen, "invalid predicate '--%s %s': %s", option, arg,
		         got == -1 ? "the field number is too large"
		         : got == -2 ? "a quote is not closed" : "it must start with a field");
		bound_free(&p->field);
		return -1;
	}
	f->count++; /* from here on filter_free releases it */
	if (is_class_kind(kind)) {
		if (*s != '\0') {
			snprintf(err, errlen, "invalid predicate '--%s %s': only a field is expected",
			         option, arg);
			return -1;
		}
	} else if (*s != ':') {
		snprintf(err, errlen, "invalid predicate '--%s %s': expected FIELD:%s", option, arg,
		         is_numeric_kind(kind) ? "NUMBER" : is_regex_kind(kind) ? "ERE" : "STRING");
		return -1;
	}
	value = *s ? s + 1 : s;
	f->relative |= p->field.from_end;
	f->names |= p->field.name != NULL;

	if (is_regex_kind(kind)) {
		int flags = REG_EXTENDED | REG_NOSUB | (kind == P_IREGEX ? REG_ICASE : 0);
		int rc;
		if (ere_too_large(value)) {
			snprintf(err, errlen, "invalid predicate '--%s %s': %s", option, arg,
			         ERE_TOO_LARGE);
			p->kind = P_EMPTY; /* nothing compiled to free */
			return -1;
		}
		p->pattern = value;
		p->cflags = flags;
		rc = regcomp(&p->re, value, flags);
		if (rc != 0) {
			char why[256];
			regerror(rc, &p->re, why, sizeof why);
			snprintf(err, errlen, "invalid predicate '--%s %s': %s", option, arg, why);
			p->kind = P_EMPTY; /* nothing compiled to free */
			return -1;
		}
	} else if (is_numeric_kind(kind)) {
		if (number_syntax(value, strlen(value)) == 0) {
			snprintf(err, errlen, "invalid predicate '--%s %s': '%s' is not a number", option,
			         arg, value);
			return -1;
		}
		p->num = strtod(value, NULL);
	} else if (!is_class_kind(kind)) {
		ptrdiff_t n;
		if ((p->str = malloc(strlen(value) + 1)) == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		char why[256];
		if ((n = unescape(value, p->str, why, sizeof why)) < 0) {
			snprintf(err, errlen, "invalid predicate '--%s %s': %s", option, arg, why);
			return -1;
		}
		p->len = (size_t)n;
	}
	return 0;
}

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

/*
 * The value of v when it is [+-]?D{1,15}, the commonest number in a field; false for
 * any other form.  Below 10^15 a double holds every integer exactly, so this is
 * strtod's value, without its cost: a third of --ge 5:400's time was strtod's.
 */
static bool small_integer(zb_view v, double *out)
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
static bool field_number(struct filter_scratch *num, zb_view v, double *out)
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

static bool regex_matches(const regex_t *re, zb_view v)
{
	regmatch_t m;

	m.rm_so = 0;
	m.rm_eo = (regoff_t)v.len;
	if ((size_t)m.rm_eo != v.len) /* longer than regexec can index */
		return false;
	return regexec(re, (const char *)v.data, 1, &m, REG_STARTEND) == 0;
}

static bool holds(struct filter_scratch *fs, const struct predicate *p, size_t i, zb_view v)
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
	case P_NOT_REGEX: return !regex_matches(&fs->re[i], v);
	case P_EMPTY: return v.len == 0;
	case P_NOT_EMPTY: return v.len > 0;
	case P_ISDIGIT: return zb_view_isdigit(v);
	case P_ISALPHA: return zb_view_isalpha(v);
	case P_ISSPACE: return zb_view_isspace(v);
	default: break;
	}
	if (!field_number(fs, v, &x))
		return false; /* not a number: every numeric predicate is false */
	switch (p->kind) {
	case P_EQ: return x == p->num;
	case P_NE: return x != p->num;
	case P_LT: return x < p->num;
	case P_LE: return x <= p->num;
	case P_GT: return x > p->num;
	case P_GE: return x >= p->num;
	default: return false;
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
		if (is_regex_kind(p->kind) && regcomp(&fs->re[fs->nre], p->pattern, p->cflags) != 0)
			return -1;
	}
	return 0;
}

void filter_scratch_close(struct filter_scratch *fs, const struct filter *f)
{
	size_t i;

	for (i = 0; i < fs->nre; i++)
		if (is_regex_kind(f->preds[i].kind))
			regfree(&fs->re[i]);
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
		zb_view v = values[i];
		bool ok;
		if (lstrip || rstrip)
			v = zb_view_strip_sets(v, lstrip, rstrip);
		ok = holds(fs, &f->preds[i], i, v);
		if (f->any ? ok : !ok) {
			keep = f->any;
			break;
		}
	}
	return keep != f->invert;
}

void filter_free(struct filter *f)
{
	size_t i;

	for (i = 0; i < f->count; i++) {
		bound_free(&f->preds[i].field);
		free(f->preds[i].str);
		if (is_regex_kind(f->preds[i].kind))
			regfree(&f->preds[i].re);
	}
	free(f->preds);
	memset(f, 0, sizeof *f);
}
