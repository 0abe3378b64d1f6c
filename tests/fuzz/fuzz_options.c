/*
 * fuzz_options.c - libFuzzer target: the command line and the LIST parser.
 *
 * The input is an argument vector: words separated by NUL bytes, after "zbsplit".
 * options_parse must either return a configuration that keeps the man page's rules,
 * or end with --help/--version (status 0, nothing on stderr) or with a usage error
 * (status 2, and on stderr exactly "zbsplit: ..." on one line, then the --help hint).
 * Any other ending, a crash, a leak or a sanitizer report is a failure.  A returned
 * configuration is then exercised as the tool would use it: field names resolved
 * against a made-up header, and the LIST planned for records of several lengths,
 * each plan checked (ranges inside the record, not overlapping; with --complement,
 * ascending).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "planner.h"

#define MAX_ARGS 64

static const char hint[] = "Try 'zbsplit --help' for more information.\n";

/* A made-up header: a name is field 1 + its length, or absent when its first byte
 * is 'x' (to reach the "no field named" paths, whose message the lookup writes). */
static size_t lookup(const char *name, void *ctx, char *err, size_t errlen)
{
	(void)ctx;
	if (name[0] != 'x')
		return 1 + strlen(name);
	snprintf(err, errlen, "no field named '%s' in the header of fuzz", name);
	return 0;
}

static void check_usage_message(void)
{
	const char *text = fuzz_stderr_text;
	const char *nl = memchr(text, '\n', fuzz_stderr_len);

	if (fuzz_stderr_len < 9 || strncmp(text, "zbsplit: ", 9) != 0 || nl == NULL ||
	    strcmp(nl + 1, hint) != 0 || strlen(text) != fuzz_stderr_len) {
		fuzz_dump("stderr", text, fuzz_stderr_len);
		fuzz_fail("a usage error must be one 'zbsplit: ' line and the --help hint");
	}
}

/* The plan for a record of `units` units must lie inside it, without overlaps. */
static void check_plan(const struct list *l, size_t units)
{
	struct range *plan = calloc(list_max_ranges(l), sizeof *plan);
	struct group *work = calloc(l->count + 1, sizeof *work);
	size_t i, j, n;

	if (!plan || !work)
		fuzz_fail("out of memory");
	n = list_plan(l, units, plan, work);
	if (n > l->count + 1)
		fuzz_fail("%zu ranges planned for %zu items", n, l->count);
	for (i = 0; i < n; i++) {
		const struct range *r = &plan[i];
		if (r->lo < 1 || r->lo > r->hi || r->hi > units)
			fuzz_fail("range %zu-%zu planned for a record of %zu units", r->lo, r->hi, units);
		for (j = 0; j < i; j++)
			if (r->lo <= plan[j].hi && plan[j].lo <= r->hi)
				fuzz_fail("planned ranges overlap");
		if (l->complement && i > 0 && r->lo <= plan[i - 1].hi)
			fuzz_fail("complement ranges not ascending");
	}
	free(plan);
	free(work);
}

/* What the man page promises of a configuration options_parse accepted. */
static void check_config(struct config *c)
{
	static const size_t lengths[] = {0, 1, 2, 3, 5, 8, 13, 100};
	struct config *s = c;
	struct plan plan;
	char err[512];
	size_t i;

	if (fuzz_stderr_len != 0)
		fuzz_fail("options_parse returned after writing to stderr");
	if (c->buffer_size < 1 || c->buffer_size > ((size_t)1 << 30))
		fuzz_fail("buffer size %zu", c->buffer_size);
	/* (--csv alone writes every field: it needs neither) */
	if (s->mode == MODE_NONE ? c->filter.count == 0 && c->csv == CSV_OFF : s->list.count == 0)
		fuzz_fail("neither a LIST nor a predicate");
	if (s->split.kind == SPLIT_DELIM &&
	    (s->split.delim_len == 0 || (memchr(s->split.delim, s->term, s->split.delim_len) &&
	                                 !(s->one_record && s->split.delim_len == 1))))
		fuzz_fail("the delimiter is empty or holds the terminator (but for -d '\\n')");
	if (s->one_record && (c->header || c->jobs != 1))
		fuzz_fail("-d '\\n' with -H or threads");
	if (s->whole_chars && s->mode != MODE_BYTES)
		fuzz_fail("-n without -b");
	if (s->only_delimited && (s->mode == MODE_BYTES || s->mode == MODE_CHARS))
		fuzz_fail("-s with -b or -c");
	if ((s->list.names || c->filter.names) && !c->header)
		fuzz_fail("field names without -H");
	if (s->list.names && s->mode != MODE_FIELDS)
		fuzz_fail("field names in a LIST of bytes or characters");

	/* as run.c does once the header is read */
	if (s->list.names || c->filter.names) {
		if (list_resolve_names(&s->list, lookup, NULL, err, sizeof err) != 0 ||
		    filter_resolve_names(&c->filter, lookup, NULL, err, sizeof err) != 0) {
			if (strncmp(err, "no field named '", 16) != 0 &&
			    strncmp(err, "invalid list: the range from", 28) != 0)
				fuzz_fail("unexpected message '%s'", err);
			return;
		}
	}
	if (plan_make(&plan, c) != 0)
		fuzz_fail("out of memory");
	plan_free(&plan);
	if (s->mode == MODE_NONE)
		return;
	for (i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
		check_plan(&s->list, lengths[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config cfg; /* static: it lives across the longjmp of a usage error */
	char *argv[MAX_ARGS + 2];
	int argc = 1, status;
	size_t at = 0;

	argv[0] = strdup("zbsplit");
	while (at <= size && argc <= MAX_ARGS) { /* each word in its own exact allocation */
		const uint8_t *end = memchr(data + at, '\0', size - at);
		size_t len = end ? (size_t)(end - (data + at)) : size - at;
		if ((argv[argc] = malloc(len + 1)) == NULL)
			abort();
		memcpy(argv[argc], data + at, len);
		argv[argc++][len] = '\0';
		at += len + 1;
	}
	argv[argc] = NULL;
	{
		char *words[MAX_ARGS + 2]; /* getopt_long permutes argv: free the originals */
		memcpy(words, argv, sizeof words);
		status = fuzz_options_parse(argc, argv, &cfg);
		if (status == -1)
			check_config(&cfg);
		else if (status == 2)
			check_usage_message();
		else if (status != 0 || fuzz_stderr_len != 0)
			fuzz_fail("options_parse ended with status %d", status);
		options_free(&cfg);
		for (status = 0; status < argc; status++)
			free(words[status]);
	}
	return 0;
}
