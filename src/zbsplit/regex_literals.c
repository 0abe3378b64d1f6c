/*
 * regex_literals.c - the literals a match of an ERE must contain.  The pattern is
 * read as glibc's regcomp reads it (after regcomp accepted it): per top-level
 * alternative, the runs of plain characters outside groups and brackets, less any
 * character a quantifier makes optional; the longest run is that alternative's
 * literal.  Whatever is not understood gives no literal, which only costs speed:
 * every value then goes to regexec.
 */
#include <limits.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "regex_literals.h"

/* What the reading of one alternative found. */
struct alt {
	unsigned char run[REGEX_LITERAL_BYTES], best[REGEX_LITERAL_BYTES];
	size_t run_len, best_len;
	bool cut;   /* a run was longer than REGEX_LITERAL_BYTES */
	bool plain; /* nothing but plain characters so far */
};

static void end_run(struct alt *a)
{
	if (a->run_len > a->best_len) {
		memcpy(a->best, a->run, a->run_len);
		a->best_len = a->run_len;
	}
	a->run_len = 0;
}

static void add_char(struct alt *a, const char *c, size_t n)
{
	if (a->run_len + n > REGEX_LITERAL_BYTES) { /* keep the start, which is required */
		a->cut = true;
		end_run(a);
		return;
	}
	memcpy(a->run + a->run_len, c, n);
	a->run_len += n;
}

/* The end of the bracket expression that starts at p ('['), or NULL. */
static const char *skip_bracket(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']') /* first: a member */
		p++;
	for (; *p && *p != ']'; p++)
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			char close = p[1];
			for (p += 2; *p && !(p[0] == close && p[1] == ']'); p++)
				;
			if (!*p)
				return NULL;
			p++;
		}
	return *p ? p + 1 : NULL;
}

/* The end of the group that starts at p ('('), or NULL. */
static const char *skip_group(const char *p)
{
	int depth = 0;

	do {
		if (*p == '\\') {
			if (*++p == '\0' || (*p >= '1' && *p <= '9'))
				return NULL; /* (a back-reference: given up on) */
			p++;
		} else if (*p == '[') {
			if ((p = skip_bracket(p)) == NULL)
				return NULL;
		} else {
			depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
			p++;
		}
	} while (*p && depth > 0);
	return depth == 0 ? p : NULL;
}

/* Reads an interval "{m}", "{m,}", "{m,n}" or "{,n}" at p: its end, and whether it
 * allows zero repetitions; NULL when it is not one. */
static const char *skip_interval(const char *p, bool *zero)
{
	long m = 0;
	bool digits = false;

	for (p++; *p >= '0' && *p <= '9'; p++, digits = true)
		m = m < 100000 ? m * 10 + (*p - '0') : m;
	*zero = !digits || m == 0;
	if (*p == ',')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return *p == '}' ? p + 1 : NULL;
}

/* Skips the quantifiers at *p; false when one is not understood.  *optional: one
 * of them allows zero repetitions ("a+?" is "(a+)?"). */
static bool skip_quantifiers(const char **p, bool *optional, bool *any)
{
	*optional = *any = false;
	for (;;) {
		bool zero;
		switch (**p) {
		case '*':
		case '?':
			*optional = true;
			/* fall through */
		case '+':
			(*p)++;
			*any = true;
			continue;
		case '{':
			if ((*p = skip_interval(*p, &zero)) == NULL)
				return false;
			*optional |= zero;
			*any = true;
			continue;
		default:
			return true;
		}
	}
}

/* The length of the character at p in the current locale (0: not one). */
static size_t char_length(const char *p)
{
	mbstate_t st = {0};
	size_t n;

	if (MB_CUR_MAX == 1 || (unsigned char)*p < 0x80)
		return 1;
	n = mbrlen(p, strlen(p), &st);
	return n == (size_t)-1 || n == (size_t)-2 ? 0 : n;
}

/* The atom at *p when it is a character (its bytes in c, *n), or false with *p past a
 * non-literal atom; *fail when the pattern is not understood. */
static bool read_atom(const char **p, const char **c, size_t *n, bool *fail)
{
	const char *s = *p;

	*c = s;
	*n = 0;
	switch (*s) {
	case '\\':
		if (s[1] == '\0' || (unsigned char)s[1] >= 0x80 || (s[1] >= '0' && s[1] <= '9')) {
			*fail = true; /* a back-reference, or what regcomp reads its own way */
			return false;
		}
		*p = s + 2;
		if (strchr("wWsSbB<>`'", s[1]) != NULL) /* classes and assertions */
			return false;
		if ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z')) {
			*fail = true;
			return false;
		}
		*c = s + 1;
		*n = 1;
		return true;
	case '[':
		*fail = (*p = skip_bracket(s)) == NULL;
		return false;
	case '(':
		*fail = (*p = skip_group(s)) == NULL;
		return false;
	case '.':
	case '^':
	case '$':
		*p = s + 1;
		return false;
	case ')':
	case '*':
	case '+':
	case '?':
	case '{': /* a quantifier with nothing before it: regcomp's own reading */
		*fail = true;
		return false;
	default:
		if ((*n = char_length(s)) == 0) {
			*fail = true;
			return false;
		}
		*p = s + *n;
		return true;
	}
}

/* Reads one alternative from *p up to '|' or the end; false when not understood. */
static bool read_alternative(const char **p, struct alt *a)
{
	memset(a, 0, sizeof *a);
	a->plain = true;
	while (**p && **p != '|') {
		const char *c;
		size_t n;
		bool fail = false, literal = read_atom(p, &c, &n, &fail), optional, quantified;
		if (fail || !skip_quantifiers(p, &optional, &quantified))
			return false;
		a->plain &= literal && !quantified;
		if (literal && !optional)
			add_char(a, c, n);
		if (!literal || quantified)
			end_run(a);
	}
	end_run(a);
	return true;
}

static bool ascii(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return false;
	return true;
}

void regex_literals_make(struct regex_literals *l, const char *ere, int cflags)
{
	const char *p = ere;
	bool exact = true;

	memset(l, 0, sizeof *l);
	if (cflags & REG_ICASE) /* no case-blind search, and K matches the Kelvin sign */
		return;
	for (;;) {
		struct alt a;
		if (l->n == REGEX_LITERALS_MAX || !read_alternative(&p, &a) || a.best_len == 0) {
			l->n = 0;
			return;
		}
		memcpy(l->text[l->n], a.best, a.best_len);
		l->len[l->n] = (unsigned char)a.best_len;
		/* holding the bytes is matching the characters in a UTF-8 locale too, but for
		 * input that is not UTF-8, which regexec reads its own way: ASCII only */
		exact &= a.plain && !a.cut && (MB_CUR_MAX == 1 || ascii(a.best, a.best_len));
		l->n++;
		if (*p == '\0')
			break;
		p++; /* the '|' */
	}
	l->exact = exact;
}

bool regex_literals_in(const struct regex_literals *l, zb_view v)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (zb_view_find(v, l->text[i], l->len[i], 0, PTRDIFF_MAX) >= 0)
			return true;
	return false;
}

void regex_hits_start(struct regex_hits *h)
{
	size_t i;

	for (i = 0; i < REGEX_LITERALS_MAX; i++)
		h->next[i] = SIZE_MAX;
}

size_t regex_hits_next(struct regex_hits *h, const struct regex_literals *l, zb_view v,
                       size_t from)
{
	size_t i, first = v.len;

	for (i = 0; i < l->n; i++) {
		if (h->next[i] == SIZE_MAX || h->next[i] < from) {
			ptrdiff_t at = -1;
			if (from < v.len)
				at = zb_view_find(v, l->text[i], l->len[i], (ptrdiff_t)from, PTRDIFF_MAX);
			h->next[i] = at < 0 ? v.len : (size_t)at;
		}
		if (h->next[i] < first)
			first = h->next[i];
	}
	return first;
}
