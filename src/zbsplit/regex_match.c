/* regex_match.c - matching a value against a predicate's ERE, the literals first. */
#include "regex_match.h"

int regex_compile(struct regex *r, const char *ere, int cflags)
{
	int rc = regcomp(&r->re, ere, cflags);

	if (rc == 0)
		regex_literals_make(&r->lits, ere, cflags);
	return rc;
}

void regex_free(struct regex *r)
{
	regfree(&r->re);
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
	return regexec(&r->re, (const char *)v.data, 1, &m, REG_STARTEND) == 0;
}
