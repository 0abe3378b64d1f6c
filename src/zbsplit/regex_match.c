/*
 * regex_match.c - matching a value against a predicate's ERE: the literals first,
 * then regexec.  In a UTF-8 locale glibc's regexec reads every value as multi-byte
 * text, at a third of its speed on bytes; a value of ASCII alone reads the same
 * either way, so for an ERE whose meaning cannot differ between the two (ASCII,
 * no case folding, no ranges but digits) it is matched by a twin compiled in the C
 * locale.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

int regex_compile(struct regex *r, const char *ere, int cflags)
{
	int rc = regcomp(&r->re, ere, cflags);

	if (rc != 0)
		return rc;
	regex_literals_make(&r->lits, ere, cflags);
	r->has_ascii = same_on_ascii(ere, cflags) &&
	               compile_in_c_locale(&r->ascii, ere, cflags) == 0;
	return 0;
}

void regex_free(struct regex *r)
{
	regfree(&r->re);
	if (r->has_ascii)
		regfree(&r->ascii);
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

bool regex_matches(const struct regex *r, zb_view v)
{
	regmatch_t m;

	if (r->lits.n > 0) {
		if (!regex_literals_in(&r->lits, v))
			return false;
		if (r->lits.exact)
			return true;
	}
	m.rm_so = 0;
	m.rm_eo = (regoff_t)v.len;
	if ((size_t)m.rm_eo != v.len) /* longer than regexec can index */
		return false;
	return regexec(r->has_ascii && ascii_only(v) ? &r->ascii : &r->re, (const char *)v.data, 1,
	               &m, REG_STARTEND) == 0;
}
