/*
 * reference.c - zbsplit the slow and obvious way, from man/zbsplit.1 (see reference.h).
 * Each record's units are listed as byte spans first; everything else is loops over
 * those lists.  Speed does not matter here, only that each rule is easy to check
 * against the man page.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "reference.h"

#define INF (1LL << 60) /* "to the end": beyond any record */

const char *const ref_names[REF_NNAMES] = {"a", "b", "ab", "c:d", "x y", "NF"};

/* A unit of a record: bytes [start, end). */
struct span {
	size_t start, end;
};

struct rec {
	const unsigned char *p;
	size_t len;
};

static void put(struct ref_out *o, const void *p, size_t n)
{
	if (o->len + n > o->cap) {
		o->cap = 2 * (o->len + n) + 64;
		if ((o->p = realloc(o->p, o->cap)) == NULL)
			abort();
	}
	if (n > 0)
		memcpy(o->p + o->len, p, n);
	o->len += n;
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

static bool in_strip_set(const struct ref_strip *s, unsigned char c)
{
	size_t i;

	if (s->kind == 1) /* "space, TAB, newline, carriage return, vertical tab, form feed" */
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
	for (i = 0; s->kind == 2 && i < s->len; i++)
		if (s->chars[i] == c)
			return true;
	return false;
}

/* The strip options applied to bytes [start, end) of r. */
static struct span strip(const struct ref_spec *sp, struct rec r, struct span s)
{
	while (s.start < s.end && in_strip_set(&sp->lstrip, r.p[s.start]))
		s.start++;
	while (s.end > s.start && in_strip_set(&sp->rstrip, r.p[s.end - 1]))
		s.end--;
	return s;
}

/* ------------------------------------------------------------------ splitting */

enum splitter { BY_DELIM, BY_BLANKS, BY_BLANKS_TRIMMED, BY_REGEX };

static enum splitter splitter_of(const struct ref_spec *sp)
{
	if (sp->d_given)
		return BY_DELIM; /* -d, with -F too */
	if (sp->regex)
		return BY_REGEX;
	if (sp->w_trimmed || sp->mode == REF_AWK)
		return BY_BLANKS_TRIMMED;
	return sp->w_given ? BY_BLANKS : BY_DELIM;
}

/* The input delimiter: -d's (an empty one is NUL), TAB by default. */
static const unsigned char *delim_of(const struct ref_spec *sp, size_t *len)
{
	if (!sp->d_given) {
		*len = 1;
		return (const unsigned char *)"\t";
	}
	*len = sp->delim_len ? sp->delim_len : 1;
	return sp->delim_len ? sp->delim : (const unsigned char *)"";
}

static bool delim_at(struct rec r, size_t i, const unsigned char *d, size_t m)
{
	size_t k;

	if (i + m > r.len)
		return false;
	for (k = 0; k < m; k++)
		if (r.p[i + k] != d[k])
			return false;
	return true;
}

/* The ERE compiled (REG_EXTENDED, and REG_ICASE when icase), kept for the next call:
 * the EREs come from fuzz_stream's fixed tables, so their addresses tell them apart. */
static const regex_t *compiled(const char *ere, bool icase)
{
	static struct {
		const char *ere;
		bool icase;
		regex_t re;
	} cache[32];
	static size_t n;
	size_t i;

	for (i = 0; i < n; i++)
		if (cache[i].ere == ere && cache[i].icase == icase)
			return &cache[i].re;
	if (n == sizeof cache / sizeof cache[0] ||
	    regcomp(&cache[n].re, ere, REG_EXTENDED | (icase ? REG_ICASE : 0)) != 0)
		abort();
	cache[n].ere = ere;
	cache[n].icase = icase;
	return &cache[n++].re;
}

/* -R: the first non-empty match of the ERE that starts at or after `from`, searched
 * in the whole record (so ^ and $ mean its ends); false when there is none. */
static bool regex_delim(const struct ref_spec *sp, struct rec r, size_t from, struct span *m)
{
	const regex_t *re = compiled(sp->regex, false);
	char *copy = malloc(r.len + 1);
	bool found = false;

	if (copy == NULL)
		abort();
	memcpy(copy, r.p, r.len);
	copy[r.len] = '\0';
	while (from < r.len) {
		regmatch_t pm;
		pm.rm_so = (regoff_t)from;
		pm.rm_eo = (regoff_t)r.len;
		if (regexec(re, copy, 1, &pm, REG_STARTEND) != 0)
			break;
		if (pm.rm_eo > pm.rm_so) {
			*m = (struct span){(size_t)pm.rm_so, (size_t)pm.rm_eo};
			found = true;
			break;
		}
		from = (size_t)pm.rm_so + 1; /* an empty match separates nothing */
	}
	free(copy);
	return found;
}

/* r without the blanks at its ends. */
static struct span trimmed(struct rec r)
{
	struct span s = {0, r.len};

	while (s.start < s.end && is_blank(r.p[s.start]))
		s.start++;
	while (s.end > s.start && is_blank(r.p[s.end - 1]))
		s.end--;
	return s;
}

/* Whether r contains a delimiter at all; trimmed, blanks at its ends are none. */
static bool delimited(const struct ref_spec *sp, struct rec r)
{
	size_t i, m;
	const unsigned char *d = delim_of(sp, &m);
	struct span match;

	if (splitter_of(sp) == BY_REGEX)
		return regex_delim(sp, r, 0, &match);
	if (splitter_of(sp) == BY_BLANKS_TRIMMED) {
		struct span t = trimmed(r);
		r.p += t.start;
		r.len = t.end - t.start;
	}
	for (i = 0; i < r.len; i++)
		if (splitter_of(sp) == BY_DELIM ? delim_at(r, i, d, m) : is_blank(r.p[i]))
			return true;
	return false;
}

/* The fields of a delimited record, into f (room for len + 1); returns how many. */
static size_t split_fields(const struct ref_spec *sp, struct rec r, struct span *f)
{
	size_t i = 0, start = 0, n = 0, m, end;
	const unsigned char *d = delim_of(sp, &m);
	enum splitter by = splitter_of(sp);
	struct span match;

	if (by == BY_REGEX) {
		while (regex_delim(sp, r, start, &match)) {
			f[n++] = (struct span){start, match.start};
			start = match.end;
		}
		f[n++] = (struct span){start, r.len};
		return n;
	}

	if (by == BY_BLANKS_TRIMMED) { /* runs at either end are ignored */
		while (start < r.len && is_blank(r.p[start]))
			start++;
		end = r.len;
		while (end > start && is_blank(r.p[end - 1]))
			end--;
		if (start == end)
			return 0; /* nothing but blanks: no fields */
		r.len = end;
		i = start;
	}
	while (i < r.len) {
		if (by == BY_DELIM && delim_at(r, i, d, m)) {
			f[n++] = (struct span){start, i};
			i += m;
			start = i;
		} else if (by != BY_DELIM && is_blank(r.p[i])) {
			f[n++] = (struct span){start, i};
			while (i < r.len && is_blank(r.p[i]))
				i++;
			start = i;
		} else {
			i++;
		}
	}
	f[n++] = (struct span){start, r.len};
	return n;
}

/* The UTF-8 character at p[0..n): its length, 1 for a byte that does not start a
 * valid sequence (invalid, overlong, surrogate, above U+10FFFF, truncated). */
static size_t char_len(const unsigned char *p, size_t n)
{
	unsigned long cp;
	size_t len, i;

	if (p[0] < 0x80)
		return 1;
	if ((p[0] & 0xE0) == 0xC0) {
		len = 2;
		cp = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3;
		cp = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4;
		cp = p[0] & 0x07;
	} else {
		return 1;
	}
	if (len > n)
		return 1;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 1;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
		return 1; /* overlong */
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 1;
	return len;
}

static size_t split_chars(struct rec r, struct span *u)
{
	size_t i = 0, n = 0;

	while (i < r.len) {
		size_t len = char_len(r.p + i, r.len - i);
		u[n++] = (struct span){i, i + len};
		i += len;
	}
	return n;
}

/* ------------------------------------------------------------------ the LIST */

/* A resolved item or a group of merged ones: units [lo, hi], first named at pos. */
struct group {
	long long lo, hi;
	size_t pos;
};

/* An item's ends on a record of `units` units.  NF-k is units - k, and may come out
 * before the first unit; a range that runs to the end (N-, N-NF, -NF) runs on
 * without bound, so that overlapping does not depend on the record's length. */
static struct group resolve(const struct ref_item *it, long long units, size_t pos)
{
	struct group g;
	const struct ref_bound *lo = &it->lo, *hi = it->dash ? &it->hi : &it->lo;

	g.lo = lo->kind == END_OMITTED ? 1 : lo->kind == END_NUM ? lo->n : units - lo->n;
	if (hi->kind == END_NUM)
		g.hi = hi->n;
	else if (it->dash && lo->kind != END_NF && (hi->kind == END_OMITTED || hi->n == 0))
		g.hi = INF;
	else
		g.hi = hi->kind == END_OMITTED ? units : units - hi->n;
	g.pos = pos;
	return g;
}

/* The groups to write for a record of `units` units, in output order: items merged
 * while any two share a unit, clipped to 1..units.  Returns how many. */
static size_t plan(const struct ref_spec *sp, long long units, struct group *g)
{
	size_t n = 0, i, j, k;
	bool merged = true;

	for (i = 0; i < sp->nitems; i++) {
		struct group one = resolve(&sp->items[i], units, i);
		if (one.lo <= one.hi) /* a range decreasing on this record names nothing */
			g[n++] = one;
	}
	while (merged) {
		merged = false;
		for (i = 0; i < n && !merged; i++)
			for (j = i + 1; j < n && !merged; j++)
				if (g[i].lo <= g[j].hi && g[j].lo <= g[i].hi) {
					g[i].lo = g[j].lo < g[i].lo ? g[j].lo : g[i].lo;
					g[i].hi = g[j].hi > g[i].hi ? g[j].hi : g[i].hi;
					g[i].pos = g[j].pos < g[i].pos ? g[j].pos : g[i].pos;
					g[j] = g[--n];
					merged = true;
				}
	}
	for (i = 0, k = 0; i < n; i++) {
		if (g[i].lo < 1)
			g[i].lo = 1;
		if (g[i].hi > units)
			g[i].hi = units;
		if (g[i].lo <= g[i].hi)
			g[k++] = g[i];
	}
	n = k;
	for (i = 1; i < n; i++) /* in the order first named */
		for (j = i; j > 0 && g[j - 1].pos > g[j].pos; j--) {
			struct group t = g[j];
			g[j] = g[j - 1];
			g[j - 1] = t;
		}
	if (sp->complement) { /* the runs of units no group names, ascending */
		bool *named = calloc((size_t)units + 2, 1);
		long long u;
		if (named == NULL)
			abort();
		for (i = 0; i < n; i++)
			for (u = g[i].lo; u <= g[i].hi; u++)
				named[u] = true;
		for (k = 0, u = 1; u <= units; u++)
			if (!named[u] && (u == 1 || named[u - 1]))
				g[k++] = (struct group){u, u, 0};
			else if (!named[u])
				g[k - 1].hi = u;
		free(named);
		n = k;
	}
	return n;
}

/* ------------------------------------------------------------------ output */

static void put_out_delim(const struct ref_spec *sp, struct ref_out *o, bool *first)
{
	static const unsigned char nul = 0;

	if (!*first) {
		if (sp->o_given)
			put(o, sp->out_len ? sp->out : &nul, sp->out_len ? sp->out_len : 1);
		else if (sp->mode == REF_AWK)
			put(o, " ", 1);
		else if (sp->mode == REF_FIELDS && splitter_of(sp) == BY_DELIM) {
			size_t m;
			const unsigned char *d = delim_of(sp, &m);
			put(o, d, m);
		} else if (sp->mode == REF_FIELDS) { /* -w, -R */
			put(o, "\t", 1);
		} /* bytes and characters: nothing */
	}
	*first = false;
}

static void put_span(struct ref_out *o, struct rec r, struct span s)
{
	put(o, r.p + s.start, s.end - s.start);
}

/* The selected units of r (fields, bytes or characters), without the terminator. */
static void select_units(const struct ref_spec *sp, struct rec r, struct ref_out *o)
{
	struct span *u = malloc((r.len + 1) * sizeof *u);
	struct group *g = malloc((sp->nitems + r.len + 2) * sizeof *g);
	size_t units, ng, i;
	long long k;
	bool first = true;

	if (u == NULL || g == NULL)
		abort();
	if (sp->mode == REF_BYTES) {
		for (i = 0; i < r.len; i++)
			u[i] = (struct span){i, i + 1};
		units = r.len;
	} else if (sp->mode == REF_CHARS) {
		units = split_chars(r, u);
	} else {
		units = split_fields(sp, r, u);
	}
	ng = plan(sp, (long long)units, g);
	for (i = 0; i < ng; i++) {
		if (sp->mode == REF_FIELDS || sp->mode == REF_AWK) { /* every field on its own */
			for (k = g[i].lo; k <= g[i].hi; k++) {
				put_out_delim(sp, o, &first);
				put_span(o, r, strip(sp, r, u[k - 1]));
			}
		} else if (sp->whole_chars) {
			/* -n: the characters whose last byte is in the range, whole */
			struct span c, got = {0, 0};
			size_t at;
			bool any = false;
			for (at = 0; at < r.len; at = c.end) {
				c = (struct span){at, at + char_len(r.p + at, r.len - at)};
				/* c.end is also the number (from 1) of the character's last byte */
				if ((long long)c.end >= g[i].lo && (long long)c.end <= g[i].hi) {
					if (!any)
						got.start = c.start;
					got.end = c.end;
					any = true;
				}
			}
			if (any) {
				put_out_delim(sp, o, &first);
				put_span(o, r, strip(sp, r, got));
			}
		} else { /* a range of bytes or characters, as one piece */
			struct span range = {u[g[i].lo - 1].start, u[g[i].hi - 1].end};
			put_out_delim(sp, o, &first);
			put_span(o, r, strip(sp, r, range));
		}
	}
	free(u);
	free(g);
}

/* ------------------------------------------------------------------ predicates */

/* [+-]?(D+(.D*)?|.D+)([eE][+-]?D+)? and nothing else. */
static bool is_number(const unsigned char *p, size_t n)
{
	size_t i = 0, digits = 0, exp = 0;

	if (i < n && (p[i] == '+' || p[i] == '-'))
		i++;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++, digits++;
	if (i < n && p[i] == '.') {
		i++;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++, digits++;
	}
	if (digits == 0)
		return false;
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		while (i < n && p[i] >= '0' && p[i] <= '9')
			i++, exp++;
		if (exp == 0)
			return false;
	}
	return i == n;
}

static double to_double(const unsigned char *p, size_t n)
{
	char text[64];

	if (n >= sizeof text) { /* long: strtod on a copy all the same */
		char *big = malloc(n + 1);
		double x;
		if (big == NULL)
			abort();
		memcpy(big, p, n);
		big[n] = '\0';
		x = strtod(big, NULL);
		free(big);
		return x;
	}
	memcpy(text, p, n);
	text[n] = '\0';
	return strtod(text, NULL);
}

static bool occurs(struct rec v, const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i + n <= v.len; i++)
		if (n == 0 || memcmp(v.p + i, s, n) == 0)
			return true;
	return false;
}

static bool all_bytes(struct rec v, int cls)
{
	size_t i;

	if (v.len == 0)
		return false;
	for (i = 0; i < v.len; i++) {
		unsigned char c = v.p[i];
		if (cls == 0 && !(c >= '0' && c <= '9'))
			return false;
		if (cls == 1 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return false;
		if (cls == 2 && !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
		                  c == '\f'))
			return false;
	}
	return true;
}

/* The ERE matches somewhere in v (^ and $ at its ends). */
static bool ere_matches(const char *ere, bool icase, struct rec v)
{
	const regex_t *re = compiled(ere, icase);
	regmatch_t pm;
	char *copy = malloc(v.len + 1);
	bool found;

	if (copy == NULL)
		abort();
	memcpy(copy, v.p, v.len);
	copy[v.len] = '\0';
	pm.rm_so = 0;
	pm.rm_eo = (regoff_t)v.len;
	found = regexec(re, copy, 1, &pm, REG_STARTEND) == 0;
	free(copy);
	return found;
}

static bool holds(const struct ref_pred *p, struct rec v)
{
	double x, num;
	struct rec t = v;

	switch (p->kind) {
	case RP_STR_EQ: return v.len == p->len && memcmp(v.p, p->str, p->len) == 0;
	case RP_STR_NE: return !(v.len == p->len && memcmp(v.p, p->str, p->len) == 0);
	case RP_CONTAINS: return occurs(v, p->str, p->len);
	case RP_NOT_CONTAINS: return !occurs(v, p->str, p->len);
	case RP_PREFIX: return v.len >= p->len && memcmp(v.p, p->str, p->len) == 0;
	case RP_SUFFIX: return v.len >= p->len && memcmp(v.p + v.len - p->len, p->str, p->len) == 0;
	case RP_EMPTY: return v.len == 0;
	case RP_NOT_EMPTY: return v.len > 0;
	case RP_ISDIGIT: return all_bytes(v, 0);
	case RP_ISALPHA: return all_bytes(v, 1);
	case RP_ISSPACE: return all_bytes(v, 2);
	case RP_REGEX: return ere_matches(p->ere, false, v);
	case RP_NOT_REGEX: return !ere_matches(p->ere, false, v);
	case RP_IREGEX: return ere_matches(p->ere, true, v);
	default: break;
	}
	/* numbers: spaces and tabs at the ends set aside; not a number: false */
	while (t.len > 0 && is_blank(t.p[0]))
		t.p++, t.len--;
	while (t.len > 0 && is_blank(t.p[t.len - 1]))
		t.len--;
	if (!is_number(t.p, t.len))
		return false;
	x = to_double(t.p, t.len);
	num = to_double(p->str, p->len);
	switch (p->kind) {
	case RP_EQ: return x == num;
	case RP_NE: return x != num;
	case RP_LT: return x < num;
	case RP_LE: return x <= num;
	case RP_GT: return x > num;
	default: return x >= num;
	}
}

/* The CRLF rule: a span that ends a record ending in CR (before a newline) is
 * seen without the CR. */
static struct span crlf(const struct ref_spec *sp, struct rec r, struct span s)
{
	if (!sp->zero && s.end == r.len && s.end > s.start && r.p[s.end - 1] == '\r')
		s.end--;
	return s;
}

/* The field a predicate tests: 0 the record, N, NF-k; empty when the record lacks it. */
static struct rec pred_field(const struct ref_spec *sp, const struct ref_pred *p, struct rec r)
{
	struct span *f = malloc((r.len + 1) * sizeof *f), s;
	long long nf, want;
	struct rec v = {r.p, 0};

	if (f == NULL)
		abort();
	if (p->field.kind == END_NUM && p->field.n == 0) {
		s = (struct span){0, r.len};
	} else {
		if (delimited(sp, r) || splitter_of(sp) == BY_BLANKS_TRIMMED) {
			nf = (long long)split_fields(sp, r, f); /* (trimmed: one field or none) */
		} else { /* no delimiter: the record is its one field */
			nf = 1;
			f[0] = (struct span){0, r.len};
		}
		want = p->field.kind == END_NUM ? p->field.n : nf - p->field.n;
		s = want >= 1 && want <= nf ? f[want - 1] : (struct span){0, 0};
	}
	s = crlf(sp, r, s);
	s = strip(sp, r, s);
	v.p = r.p + s.start;
	v.len = s.end - s.start;
	free(f);
	return v;
}

static bool kept(const struct ref_spec *sp, struct rec r)
{
	size_t i;
	bool any = false, all = true;

	if (sp->npreds == 0)
		return true;
	for (i = 0; i < sp->npreds; i++) {
		bool ok = holds(&sp->preds[i], pred_field(sp, &sp->preds[i], r));
		any |= ok;
		all &= ok;
	}
	return (sp->any ? any : all) != sp->invert;
}

/* ------------------------------------------------------------------ records */

static void one_record(const struct ref_spec *sp, struct rec r, bool is_header, struct ref_out *o)
{
	unsigned char term = sp->zero ? '\0' : '\n';
	bool fields = sp->mode == REF_FIELDS || sp->mode == REF_AWK;

	if (!is_header) {
		if (sp->only_delimited && !delimited(sp, r))
			return; /* dropped before any predicate looks at it */
		if (!kept(sp, r))
			return;
	}
	if (sp->mode == REF_NONE) {
		put(o, r.p, r.len); /* kept records are written whole, unchanged */
	} else if (fields && !delimited(sp, r)) {
		/* whole (trimmed: without the blanks at its ends), stripped */
		struct span whole = {0, r.len};
		if (splitter_of(sp) == BY_BLANKS_TRIMMED)
			whole = trimmed(r);
		put_span(o, r, strip(sp, r, whole));
	} else {
		select_units(sp, r, o);
	}
	put(o, &term, 1);
}

/* ------------------------------------------------------------------ -H names */

/* The number of the first header field called `name` (a byte order mark before the
 * header set aside, then the CRLF rule and the strip applied to the fields), or 0. */
static long long lookup(const struct ref_spec *sp, struct rec h, const char *name)
{
	struct span *f = malloc((h.len + 1) * sizeof *f), s;
	size_t n, i, len = strlen(name);
	long long found = 0;

	if (f == NULL)
		abort();
	if (h.len >= 3 && memcmp(h.p, "\xEF\xBB\xBF", 3) == 0) {
		h.p += 3;
		h.len -= 3;
	}
	if (delimited(sp, h) || splitter_of(sp) == BY_BLANKS_TRIMMED) {
		n = split_fields(sp, h, f);
	} else {
		n = 1;
		f[0] = (struct span){0, h.len};
	}
	for (i = 0; i < n && !found; i++) {
		s = strip(sp, h, crlf(sp, h, f[i]));
		if (s.end - s.start == len && memcmp(h.p + s.start, name, len) == 0)
			found = (long long)i + 1;
	}
	free(f);
	return found;
}

static bool name_to_number(const struct ref_spec *sp, struct rec h, struct ref_bound *b)
{
	if (b->kind != END_NAME)
		return true;
	b->kind = END_NUM;
	b->n = lookup(sp, h, ref_names[b->n]);
	return b->n > 0;
}

/* Replaces the names in *sp by their numbers in the header h; false when one is
 * missing, or a range with a name decreases. */
static bool resolve_names(struct ref_spec *sp, struct rec h)
{
	size_t i;

	for (i = 0; i < sp->nitems; i++) {
		struct ref_item *it = &sp->items[i];
		bool named = it->lo.kind == END_NAME || (it->dash && it->hi.kind == END_NAME);
		if (!name_to_number(sp, h, &it->lo) || (it->dash && !name_to_number(sp, h, &it->hi)))
			return false;
		if (named && it->dash && it->lo.kind != END_NF && it->hi.kind == END_NUM &&
		    (it->lo.kind == END_OMITTED ? 1 : it->lo.n) > it->hi.n)
			return false;
	}
	for (i = 0; i < sp->npreds; i++)
		if (!name_to_number(sp, h, &sp->preds[i].field))
			return false;
	return true;
}

/* ------------------------------------------------------------------ inputs */

int reference_run(const struct ref_spec *spec, const unsigned char *data, const size_t *cut,
                  size_t nparts, struct ref_out *out)
{
	unsigned char term = spec->zero ? '\0' : '\n';
	struct ref_spec resolved = *spec;
	const struct ref_spec *sp = &resolved;
	bool header_done = false; /* -H: the first record of the inputs is out */
	size_t part, i;
	int status = 0;

	out->len = 0;
	for (part = 0; part < nparts; part++) {
		size_t start = cut[part], end = cut[part + 1];
		bool first = true; /* records never continue from one input into the next */
		for (i = start; i <= end; i++) {
			if (i == end && start == end)
				break; /* no last record without a terminator */
			if (i == end || data[i] == term) {
				struct rec r = {data + start, i - start};
				/* each input's names, from its own header */
				if (first && sp->header && (resolved = *spec, !resolve_names(&resolved, r))) {
					if (!header_done) {
						out->len = 0;
						return 2; /* found once the header is read; nothing is written */
					}
					status = 1; /* a later input: skipped */
					break;
				}
				if (!(first && sp->header && header_done)) /* later headers: skipped */
					one_record(sp, r, first && sp->header, out);
				header_done |= first;
				first = false;
				start = i + 1;
			}
		}
	}
	return status;
}
