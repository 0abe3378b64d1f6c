/* csv_value.c - reading a CSV field's value and writing one (see csv_value.h). */
#include <string.h>

#include "csv_value.h"

zb_view csv_value(zb_view raw, unsigned char *dst)
{
	enum { QUOTED, QUOTE_SEEN, AFTER } st = QUOTED;
	size_t i, n = 0;

	if (raw.len == 0 || raw.data[0] != '"')
		return raw;
	if (raw.len >= 2 && raw.data[raw.len - 1] == '"' &&
	    memchr(raw.data + 1, '"', raw.len - 2) == NULL)
		return (zb_view){raw.data + 1, raw.len - 2, raw.owner};
	for (i = 1; i < raw.len; i++) {
		unsigned char c = raw.data[i];
		if (st == QUOTED && c == '"') {
			st = QUOTE_SEEN;
			continue;
		}
		if (st == QUOTE_SEEN)
			st = c == '"' ? QUOTED : AFTER;
		dst[n++] = c;
	}
	return (zb_view){dst, n, NULL};
}

const char *csv_malformed(zb_view raw)
{
	size_t i;

	if (raw.len == 0)
		return NULL;
	if (raw.data[0] != '"')
		return memchr(raw.data, '"', raw.len) ? "a quote inside an unquoted field" : NULL;
	for (i = 1; i < raw.len; i++) {
		if (raw.data[i] != '"')
			continue;
		if (i + 1 == raw.len)
			return NULL; /* the closing quote */
		if (raw.data[i + 1] != '"')
			return "text after a closing quote";
		i++; /* a doubled quote */
	}
	return "a quote not closed before the end of the input";
}

void csv_writer_init(struct csv_writer *w, unsigned char delim, bool tsv)
{
	memset(w->special, 0, sizeof w->special);
	w->tsv = tsv;
	w->delim = delim;
	w->special['\r'] = w->special['\n'] = true;
	if (tsv) {
		w->special['\t'] = w->special['\\'] = true;
	} else {
		w->special[delim] = true;
		w->special['"'] = true;
	}
}

/* TSV: the escape of byte c, which is special. */
static unsigned char escape_of(unsigned char c)
{
	return c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
}

void csv_put(const struct csv_writer *w, struct output *out, zb_view v)
{
	size_t i = 0, from;

	while (i < v.len && !w->special[v.data[i]])
		i++;
	if (i == v.len) {
		output_view(out, v);
		return;
	}
	if (!w->tsv)
		output_put(out, (const unsigned char *)"\"", 1);
	for (from = 0; i < v.len; i++) {
		unsigned char c = v.data[i];
		if (w->tsv ? !w->special[c] : c != '"')
			continue;
		output_put(out, v.data + from, i - from);
		if (w->tsv) {
			unsigned char esc[2] = {'\\', escape_of(c)};
			output_put(out, esc, 2);
			from = i + 1;
		} else {
			output_put(out, (const unsigned char *)"\"", 1); /* doubled: this one again */
			from = i;
		}
	}
	output_put(out, v.data + from, v.len - from);
	if (!w->tsv)
		output_put(out, (const unsigned char *)"\"", 1);
}
