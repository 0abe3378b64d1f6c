/* header.c - -H: names looked up in each input's header (see header.h), and the
 * one message for a name a header lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fields.h"
#include "find_csv.h"
#include "header.h"
#include "plan.h"

/* The fields a message lists at most, and the room kept for its end. */
#define NAMES_SHOWN 20
#define MESSAGE_END 40

/* The names of a header record being looked up, and the numbers given so far. */
struct header {
	const struct config *cfg;
	zb_view rec;   /* without a byte order mark */
	const char *input;
	struct header_numbers got;
	bool missing;  /* a name was not found (the message is written) */
};

/* A visit of the header's names, in order, until one returns true. */
typedef bool visit_fn(zb_view name, void *ctx);

struct visit {
	const struct config *cfg;
	visit_fn *visit;
	void *ctx;
};

/* A field of the header as a name: stripped as the predicates' values are. */
static bool visit_stripped(zb_view v, void *ctx)
{
	const struct visit *w = ctx;

	if (w->cfg->lstrip || w->cfg->rstrip)
		v = zb_view_strip_sets(v, w->cfg->lstrip, w->cfg->rstrip);
	return w->visit(v, w->ctx);
}

/* Hands the header's names to visit; returns the number (from 1) of the one it
 * stopped at, or 0. */
static size_t header_walk(const struct header *h, visit_fn *visit, void *ctx)
{
	const struct config *c = h->cfg;
	struct visit w = {c, visit, ctx};
	struct field_iter it;
	zb_view f;
	size_t k = 0;

	if (c->csv)
		return csv_values_visit(c->split.delim[0], h->rec, visit_stripped, &w);
	fields_start(&c->split, h->rec, 0, h->rec.len, true, &it);
	while (fields_next(&it, &f)) {
		size_t start = (size_t)(f.data - h->rec.data);
		k++;
		if (plan_crlf(c))
			f.len = crlf_value_end(h->rec.data, start, start + f.len, h->rec.len) - start;
		if (visit_stripped(f, &w))
			return k;
	}
	return 0;
}

struct wanted {
	const char *name;
	size_t len;
};

static bool is_wanted(zb_view name, void *ctx)
{
	const struct wanted *w = ctx;

	return zb_view_eq_bytes(name, w->name, w->len);
}

/* A message being written into err[0, cap), cut short to keep room for its end. */
struct text {
	char *p;
	size_t len, cap;
	size_t names;   /* the header's names met */
	bool cut;       /* some were left out */
};

static void text_add(struct text *t, const void *s, size_t n)
{
	if (t->len + n + MESSAGE_END > t->cap) {
		t->cut = true;
		return;
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

/* Adds a name to the list, while NAMES_SHOWN are not shown; counts them all. */
static bool list_name(zb_view name, void *ctx)
{
	struct text *t = ctx;

	if (++t->names > NAMES_SHOWN || t->cut)
		t->cut = true;
	else {
		if (t->names > 1)
			text_add(t, ", ", 2);
		text_add(t, name.data, name.len);
	}
	return false;
}

/* The message for a name the header lacks: the names it has, the first
 * NAMES_SHOWN of them, or as many as the message has room for. */
static void no_field(const struct header *h, const char *name, char *err, size_t errlen)
{
	int n = snprintf(err, errlen, "no field named '%s' in the header of %s", name, h->input);
	struct text t = {err, n < 0 ? 0 : (size_t)n, errlen, 0, false};

	if (t.len + MESSAGE_END > errlen)
		return; /* (cut short by snprintf) */
	text_add(&t, " (its fields: ", 14);
	(void)header_walk(h, list_name, &t);
	if (t.cut)
		snprintf(err + t.len, errlen - t.len, ", ... (%zu in all))", t.names);
	else
		snprintf(err + t.len, errlen - t.len, ")");
}

static size_t lookup(const char *name, void *ctx, char *err, size_t errlen)
{
	struct header *h = ctx;
	struct wanted w = {name, strlen(name)};
	size_t k = header_walk(h, is_wanted, &w);
	struct header_numbers *g = &h->got;

	if (k == 0) {
		no_field(h, name, err, errlen);
		h->missing = true;
		return 0;
	}
	if (g->count == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 16;
		size_t *n = realloc(g->n, cap * sizeof *n);
		if (n == NULL)
			die_errno(EXIT_INPUT, "cannot allocate memory");
		g->n = n;
		g->cap = cap;
	}
	g->n[g->count++] = k;
	return k;
}

int header_resolve(struct config *cfg, zb_view rec, const char *input,
                   struct header_numbers *made, char *err, size_t errlen)
{
	struct header h = {cfg, rec, input, {NULL, 0, 0}, false};
	int rc = -1;

	if (h.rec.len >= 3 && memcmp(h.rec.data, "\xEF\xBB\xBF", 3) == 0)
		h.rec = zb_view_of(h.rec.data + 3, h.rec.len - 3); /* a byte order mark */
	if (list_resolve_names(&cfg->list, lookup, &h, err, errlen) == 0 &&
	    filter_resolve_names(&cfg->filter, lookup, &h, err, errlen) == 0) {
		struct header_numbers was = *made;
		rc = h.got.count != was.count ||
		     (h.got.count > 0 && memcmp(h.got.n, was.n, h.got.count * sizeof *was.n) != 0);
		if (rc) { /* the new numbers are kept, the old freed */
			*made = h.got;
			h.got = was;
		}
	} else if (!h.missing) { /* a range that decreases */
		size_t len = strlen(err);
		snprintf(err + len, errlen - len, " in the header of %s", input);
	}
	header_numbers_free(&h.got);
	return rc;
}

void header_numbers_free(struct header_numbers *h)
{
	free(h->n);
	memset(h, 0, sizeof *h);
}
