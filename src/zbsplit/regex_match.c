/*
 * regex_match.c - matching a value against a predicate's ERE: the literals first,
 * then regexec.  In a UTF-8 locale glibc's regexec reads every value as multi-byte
 * text, at a third of its speed on bytes; a value of ASCII alone reads the same
 * either way, so for an ERE whose meaning cannot differ between the two (ASCII,
 * no case folding, no ranges but digits) it is matched by a twin compiled in the C
 * locale.  For REG_ICASE in a UTF-8 locale the ERE and the values are folded
 * beyond ASCII as fold.c folds (REG_ICASE still folds ASCII), since glibc's
 * REG_ICASE compares upper cases and so leaves ẞ apart from ß.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "regex_match.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Whether a range that is not of digits starts at p ("a-z"). */
static bool other_range(const char *p)
{
	return p[1] == '-' && p[2] != ']' && p[2] != '\0' && !(is_digit(p[0]) && is_digit(p[2]));
}

/* The end of the bracket expression at p ('['), or NULL when it holds a range of
 * other than digits, an equivalence class or a collating symbol (which a UTF-8
 * locale may read otherwise than the C locale), or does not end. */
static const char *plain_bracket(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++) {
		if (p[0] == '[' && p[1] == ':') {
			const char *end = strstr(p + 2, ":]");
			if (end == NULL)
				return NULL;
			p = end + 1;
		} else if ((p[0] == '[' && (p[1] == '=' || p[1] == '.')) || other_range(p)) {
			return NULL;
		}
	}
	return *p ? p + 1 : NULL;
}

/* Whether ere, compiled with cflags, means the same on ASCII text in the C locale
 * as in this one. */
static bool same_on_ascii(const char *ere, int cflags)
{
	const char *p;

	if (MB_CUR_MAX == 1 || (cflags & REG_ICASE))
		return false;
	for (p = ere; *p; p++)
		if ((unsigned char)*p >= 0x80)
			return false;
	for (p = ere; *p;) {
		if (*p == '\\')
			p += p[1] ? 2 : 1;
		else if (*p == '[')
			p = plain_bracket(p);
		else
			p++;
		if (p == NULL)
			return false;
	}
	return true;
}

/* regcomp in the C locale, for this thread alone (uselocale). */
static int compile_in_c_locale(regex_t *re, const char *ere, int cflags)
{
	locale_t c = newlocale(LC_CTYPE_MASK, "C", (locale_t)0), old;
	int rc;

	if (c == (locale_t)0)
		return -1;
	old = uselocale(c);
	rc = regcomp(re, ere, cflags);
	uselocale(old);
	freelocale(c);
	return rc;
}

/* Copies the byte at ere[*i] to out[*k]; both move on. */
static void copy_byte(const unsigned char *ere, size_t *i, unsigned char *out, size_t *k)
{
	out[(*k)++] = ere[(*i)++];
}

/* ere with its characters beyond ASCII folded (fold_utf8), wherever they are; NULL
 * when out of memory.  A backslash before one outside a bracket expression is
 * dropped (\é is é to regcomp), so that one folded to an ASCII letter (ſ to s) is
 * not read as an escape (\s).  `in` is 0 outside a bracket expression, '[' inside
 * one, and ':', '=' or '.' inside a [: :], [= =] or [. .] within it. */
static char *fold_ere(const char *text)
{
	const unsigned char *ere = (const unsigned char *)text;
	size_t n = strlen(text), i = 0, k = 0, run;
	unsigned char *out = malloc(FOLD_UTF8_ROOM(n) + 1), in = 0;

	if (out == NULL)
		return NULL;
	while (i < n) {
		unsigned char c = ere[i];
		if (c >= 0x80) { /* a run of bytes beyond ASCII is of whole characters */
			for (run = i; run < n && ere[run] >= 0x80; run++)
				;
			k += fold_utf8(ere + i, run - i, out + k);
			i = run;
		} else if (in == 0 && c == '\\') {
			if (++i < n && ere[i] >= 0x80)
				continue; /* the backslash dropped */
			out[k++] = '\\';
			if (i < n)
				copy_byte(ere, &i, out, &k); /* \W stays \W */
		} else if (in == 0 && c == '[') {
			copy_byte(ere, &i, out, &k);
			if (i < n && ere[i] == '^')
				copy_byte(ere, &i, out, &k);
			if (i < n && ere[i] == ']') /* a first ] is one of the bracket's */
				copy_byte(ere, &i, out, &k);
			in = '[';
		} else if (in == '[' && c == '[' && i + 1 < n && strchr(":=.", ere[i + 1])) {
			in = ere[i + 1];
			copy_byte(ere, &i, out, &k);
			copy_byte(ere, &i, out, &k);
		} else if (in != 0 && in != '[' && c == in && i + 1 < n && ere[i + 1] == ']') {
			in = '['; /* the end of a [: :], [= =] or [. .] */
			copy_byte(ere, &i, out, &k);
			copy_byte(ere, &i, out, &k);
		} else {
			if (in == '[' && c == ']')
				in = 0;
			copy_byte(ere, &i, out, &k);
		}
	}
	out[k] = '\0';
	return (char *)out;
}

/* Whether ere, compiled with cflags, is folded (see regex_compile). */
static bool folds(int cflags)
{
	return (cflags & REG_ICASE) && fold_unicode();
}

int regex_regcomp(regex_t *re, const char *ere, int cflags)
{
	char *folded;
	int rc;

	if (!folds(cflags))
		return regcomp(re, ere, cflags);
	if ((folded = fold_ere(ere)) == NULL)
		return REG_ESPACE;
	rc = regcomp(re, folded, cflags);
	free(folded);
	return rc;
}

int regex_compile(struct regex *r, const char *ere, int cflags)
{
	int rc = regex_regcomp(&r->re, ere, cflags);

	if (rc != 0)
		return rc;
	regex_literals_make(&r->lits, ere, cflags); /* (none for REG_ICASE) */
	r->has_ascii = same_on_ascii(ere, cflags) &&
	               compile_in_c_locale(&r->ascii, ere, cflags) == 0;
	r->fold = folds(cflags);
	r->folded = NULL;
	r->folded_cap = 0;
	return 0;
}

void regex_free(struct regex *r)
{
	regfree(&r->re);
	if (r->has_ascii)
		regfree(&r->ascii);
	free(r->folded);
	r->folded = NULL;
	r->folded_cap = 0;
}

/* Whether v is ASCII alone, eight bytes at a time. */
static bool ascii_only(zb_view v)
{
	uint64_t any = 0;
	size_t i = 0;

	for (; i + 8 <= v.len; i += 8) {
		uint64_t w;
		memcpy(&w, v.data + i, 8);
		any |= w;
	}
	for (; i < v.len; i++)
		any |= v.data[i];
	return (any & 0x8080808080808080u) == 0;
}

/* v folded into r's buffer, grown when v is the longest yet; v itself when the
 * buffer cannot grow (out of memory: then REG_ICASE alone folds).  The copy ends
 * in a NUL, which regexec does not need with REG_STARTEND but ASan's regexec
 * interceptor reads up to. */
static zb_view folded_value(struct regex *r, zb_view v)
{
	size_t n;

	if (r->folded_cap == 0 || v.len > (r->folded_cap - 1) / 2) {
		unsigned char *p = v.len < SIZE_MAX / 2 - 1
		                       ? realloc(r->folded, FOLD_UTF8_ROOM(v.len) + 1)
		                       : NULL;
		if (p == NULL)
			return v;
		r->folded = p;
		r->folded_cap = FOLD_UTF8_ROOM(v.len) + 1;
	}
	n = fold_utf8(v.data, v.len, r->folded);
	r->folded[n] = '\0';
	return zb_view_of(r->folded, n);
}

bool regex_matches(struct regex *r, zb_view v)
{
	regmatch_t m;
	bool ascii;

	if (r->lits.n > 0) {
		if (!regex_literals_in(&r->lits, v))
			return false;
		if (r->lits.exact)
			return true;
	}
	ascii = (r->has_ascii || r->fold) && ascii_only(v);
	if (r->fold && !ascii)
		v = folded_value(r, v);
	m.rm_so = 0;
	m.rm_eo = (regoff_t)v.len;
	if ((size_t)m.rm_eo != v.len) /* longer than regexec can index */
		return false;
	return regexec(r->has_ascii && ascii ? &r->ascii : &r->re, (const char *)v.data, 1, &m,
	               REG_STARTEND) == 0;
}
