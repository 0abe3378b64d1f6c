/*
 * filter_parse.c - a predicate's argument read into predicates: its field list
 * expanded into one predicate per field (so the kernels gather one value per
 * predicate, whatever the kind), and its value checked and decoded once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ere_size.h"
#include "escape.h"
#include "filter.h"
#include "fold.h"
#include "number.h"

/* The most fields one predicate's list may name: a bound on the memory a typo
 * such as 1-1000000000 would take. */
#define MAX_LIST_FIELDS 10000

static bool is_numeric_kind(enum pred_kind k) { return k >= P_EQ && k <= P_GE; }
static bool is_length_kind(enum pred_kind k) { return k >= P_CHAR_LEN_EQ && k <= P_BYTE_LEN_GE; }
static bool is_class_kind(enum pred_kind k) { return k >= P_EMPTY && k < P_OPERAND; }
static bool is_diff_kind(enum pred_kind k) { return k >= P_FF_ABSDIFF_LE && k <= P_FF_RELDIFF_GT; }

static bool is_folding_kind(enum pred_kind k)
{
	return (k >= P_ISTR_EQ && k <= P_NOT_ICONTAINS) || k == P_FF_ISTR_EQ || k == P_FF_ISTR_NE;
}

/* What a predicate's argument is, for "expected ..." messages. */
static const char *expected(enum pred_kind k)
{
	return is_numeric_kind(k) ? "FIELD:NUMBER"
	       : pred_is_regex(k) ? "FIELD:ERE"
	       : is_length_kind(k) ? "FIELD:LENGTH"
	       : is_diff_kind(k)   ? "FIELD1:FIELD2:NUMBER"
	       : pred_is_ff(k)     ? "FIELD1:FIELD2"
	                           : "FIELD:STRING";
}

/* The error of a predicate: "invalid predicate '--OPTION ARG': why". */
static int bad(char *err, size_t errlen, const char *option, const char *arg, const char *why)
{
	snprintf(err, errlen, "invalid predicate '--%s %s': %s", option, arg, why);
	return -1;
}

/* A field list being read: its fields, in the order named, ranges expanded. */
struct fields {
	struct bound *b;
	size_t n, cap;
};

static void fields_free(struct fields *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		bound_free(&fl->b[i]);
	free(fl->b);
}

/* Adds a bound to fl (taking its name); NULL when out of memory or too many. */
static const char *fields_push(struct fields *fl, struct bound b)
{
	if (fl->n == MAX_LIST_FIELDS) {
		bound_free(&b);
		return "its field list names more than 10000 fields";
	}
	if (fl->n == fl->cap) {
		size_t cap = fl->cap ? 2 * fl->cap : 8;
		struct bound *grown = realloc(fl->b, cap * sizeof *grown);
		if (grown == NULL) {
			bound_free(&b);
			return "out of memory";
		}
		fl->b = grown;
		fl->cap = cap;
	}
	fl->b[fl->n++] = b;
	return NULL;
}

static bool is_number(const struct bound *b)
{
	return !b->from_end && b->name == NULL;
}

/* One field reference at *s into *b; a message when there is none. */
static const char *one_field(const char **s, struct bound *b, bool first)
{
	int got = bound_parse(s, b);

	if (got > 0)
		return NULL;
	bound_free(b);
	return got == -1   ? "the field number is too large"
	       : got == -2 ? "a quote is not closed"
	       : got == -3 ? "out of memory"
	       : first     ? "it must start with a field"
	                   : "an item of its field list is empty";
}

/* The range lo-hi, both ends read, into fl: numbers only, closed, 1 <= lo <= hi. */
static const char *push_range(struct fields *fl, struct bound lo, struct bound hi)
{
	const char *why = NULL;
	size_t k;

	if (!is_number(&lo) || !is_number(&hi))
		why = "a range of fields is N-M, two numbers (a name with '-' in it is"
		      " written in double quotes: \"a-b\")";
	else if (lo.n == 0 || lo.n > hi.n)
		why = "a range of fields is N-M with 1 <= N <= M";
	else if (hi.n - lo.n >= MAX_LIST_FIELDS)
		why = "its field list names more than 10000 fields";
	for (k = lo.n; why == NULL && k <= hi.n; k++)
		why = fields_push(fl, (struct bound){k, false, NULL});
	bound_free(&lo);
	bound_free(&hi);
	return why;
}

/* The field list at *s: F[,F]... with F a field or N-M; *s is left after it. */
static const char *parse_fields(const char **s, struct fields *fl)
{
	bool first = true;

	do {
		struct bound lo, hi;
		const char *why = one_field(s, &lo, first);
		first = false;
		if (why != NULL)
			return why;
		if (**s != '-') {
			why = fields_push(fl, lo);
		} else {
			(*s)++;
			if ((why = one_field(s, &hi, false)) != NULL) {
				bound_free(&lo);
				return **s == ':' || **s == '\0' || **s == ','
				               ? "a range of fields must be closed (N-M): an open"
				                 " one such as 3- is not taken"
				               : why;
			}
			why = push_range(fl, lo, hi);
		}
		if (why != NULL)
			return why;
	} while (**s == ',' && (*s)++);
	return NULL;
}

/* A length: a whole number of 0 or more. */
static bool parse_length(const char *s, size_t *out)
{
	size_t n = 0;

	if (*s == '\0')
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (SIZE_MAX - 9) / 10)
			return false;
		n = n * 10 + (size_t)(*s - '0');
	}
	*out = n;
	return *s == '\0';
}

/* A new predicate at the end of f's, its field `b` taken; NULL when out of memory. */
static struct predicate *push_pred(struct filter *f, enum pred_kind kind, struct bound b)
{
	struct predicate *grown = realloc(f->preds, (f->count + 1) * sizeof *f->preds), *p;

	if (grown == NULL) {
		bound_free(&b);
		return NULL;
	}
	f->preds = grown;
	p = &f->preds[f->count++]; /* from here on filter_free releases it */
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->field = b;
	f->relative |= b.from_end;
	f->names |= b.name != NULL;
	return p;
}

/* Case folding is set up once, for the first predicate that folds. */
static void need_folding(struct filter *f)
{
	if (!f->folds)
		fold_open();
	f->folds = true;
}

/* The value of a string kind into p: escapes decoded, folded for the i kinds. */
static const char *take_string(struct filter *f, struct predicate *p, const char *value,
                               char *why, size_t whylen)
{
	ptrdiff_t n;

	if ((p->str = malloc(strlen(value) + 1)) == NULL)
		return "out of memory";
	if ((n = unescape(value, p->str, why, whylen)) < 0)
		return why;
	p->len = (size_t)n;
	if (is_folding_kind(p->kind)) {
		need_folding(f);
		if ((p->folded = malloc((p->len + 1) * sizeof *p->folded)) == NULL)
			return "out of memory";
		p->nfolded = fold_tokens(p->str, p->len, p->folded);
	}
	return NULL;
}

/* The value of p's kind, from `value`; NULL, or why it is bad (in why, or static). */
static const char *take_value(struct filter *f, struct predicate *p, enum pred_kind kind,
                              const char *value, char *why, size_t whylen)
{
	if (pred_is_regex(kind)) {
		int flags = REG_EXTENDED | REG_NOSUB |
		            (kind == P_IREGEX || kind == P_NOT_IREGEX ? REG_ICASE : 0), rc;
		if (ere_too_large(value))
			return ERE_TOO_LARGE;
		p->pattern = value;
		p->cflags = flags;
		if (flags & REG_ICASE)
			need_folding(f); /* beyond ASCII, folded as the string kinds fold */
		if ((rc = regex_regcomp(&p->re, value, flags)) != 0) {
			regerror(rc, &p->re, why, whylen);
			return why;
		}
		p->kind = kind; /* compiled: filter_free frees it */
		return NULL;
	}
	if (is_numeric_kind(kind)) {
		if (number_syntax(value, strlen(value)) == 0) {
			snprintf(why, whylen, "'%s' is not a number", value);
			return why;
		}
		p->num = strtod(value, NULL);
		return NULL;
	}
	if (is_length_kind(kind)) {
		if (!parse_length(value, &p->count)) {
			snprintf(why, whylen, "'%s' is not a length (a whole number, 0 or more)", value);
			return why;
		}
		return NULL;
	}
	return take_string(f, p, value, why, whylen);
}

/* --ff-*: F1:F2, or F1:F2:NUM for the diff kinds, into two predicates. */
static int add_ff(struct filter *f, enum pred_kind kind, const char *option, const char *arg,
                  char *err, size_t errlen)
{
	const char *s = arg, *why;
	struct bound b1, b2;
	struct predicate *p;
	char form[96];

	snprintf(form, sizeof form, "expected %s", expected(kind));
	if ((why = one_field(&s, &b1, true)) != NULL)
		return bad(err, errlen, option, arg, why);
	if (*s != ':') {
		bound_free(&b1);
		return bad(err, errlen, option, arg, *s == ',' || *s == '-'
		           ? "the fields compared are two single fields" : form);
	}
	s++;
	if ((why = one_field(&s, &b2, false)) != NULL) {
		bound_free(&b1);
		return bad(err, errlen, option, arg, *s == ':' || *s == '\0' ? form : why);
	}
	if ((p = push_pred(f, kind, b1)) == NULL || push_pred(f, P_OPERAND, b2) == NULL) {
		if (p == NULL)
			bound_free(&b2);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (is_diff_kind(kind) ? *s != ':' || number_syntax(s + 1, strlen(s + 1)) == 0
	                       : *s != '\0')
		return bad(err, errlen, option, arg,
		           *s == ',' || *s == '-' ? "the fields compared are two single fields"
		           : is_diff_kind(kind) && *s == ':' ? "the difference is not a number"
		                                             : form);
	if (is_diff_kind(kind) && (f->preds[f->count - 2].num = strtod(s + 1, NULL)) < 0)
		return bad(err, errlen, option, arg, "the difference must be 0 or more");
	if (is_folding_kind(kind))
		need_folding(f);
	return 0;
}

int filter_add(struct filter *f, enum pred_kind kind, const char *option, const char *arg,
               char *err, size_t errlen)
{
	struct fields fl = {NULL, 0, 0};
	const char *s = arg, *why, *value;
	char text[256];
	size_t i;

	if (pred_is_ff(kind))
		return add_ff(f, kind, option, arg, err, errlen);
	if ((why = parse_fields(&s, &fl)) != NULL) {
		fields_free(&fl);
		return bad(err, errlen, option, arg, why);
	}
	if (is_class_kind(kind) ? *s != '\0' : *s != ':') {
		fields_free(&fl);
		snprintf(text, sizeof text, "expected %s", expected(kind));
		return bad(err, errlen, option, arg,
		           is_class_kind(kind) ? "only a field is expected" : text);
	}
	value = *s ? s + 1 : s;
	for (i = 0; i < fl.n; i++) {
		/* (a regex kind is P_EMPTY until compiled: nothing for filter_free to free) */
		struct predicate *p = push_pred(f, pred_is_regex(kind) ? P_EMPTY : kind, fl.b[i]);
		fl.b[i].name = NULL; /* taken */
		if (p == NULL) {
			why = "out of memory";
			break;
		}
		if (!is_class_kind(kind) && (why = take_value(f, p, kind, value, text, sizeof text)))
			break;
	}
	fields_free(&fl);
	if (why == NULL)
		return 0;
	if (strcmp(why, "out of memory") == 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return bad(err, errlen, option, arg, why);
}

void filter_free(struct filter *f)
{
	size_t i;

	for (i = 0; i < f->count; i++) {
		bound_free(&f->preds[i].field);
		free(f->preds[i].str);
		free(f->preds[i].folded);
		if (pred_is_regex(f->preds[i].kind))
			regfree(&f->preds[i].re);
	}
	if (f->folds)
		fold_close();
	free(f->preds);
	memset(f, 0, sizeof *f);
}
