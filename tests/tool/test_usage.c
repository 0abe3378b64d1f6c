/*
 * test_usage.c - usage errors in-process: exit status 2, nothing on standard output,
 * and exactly two lines on standard error, "zbsplit: MESSAGE" naming the bad value
 * and the hint to try --help (the man page's DIAGNOSTICS).  These are the loops of
 * tests/filters.bats, errors.bats and hardening.bats over bad predicates, numbers,
 * EREs, field forms, LISTs and sizes, which as separate processes cost seconds; the
 * bats tests run them too under `make check`, and the quick suite keeps one of
 * each through the real binary.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "inproc.h"
#include "tool_check.h"

#define TRY_LINE "Try 'zbsplit --help' for more information.\n"

/* The message of the last usage error (after "zbsplit: ", before the newline). */
static char message[1024];

/* args (NULL-terminated) must be a usage error; its message is left in `message`. */
static int usage_error_v(const char *const *args)
{
	struct inproc_result r;
	const char *nl;
	int argc = 0, ok;

	while (args[argc])
		argc++;
	message[0] = '\0';
	if (inproc_run(argc, args, "", 0, FEED_FILE, &r) != 0) {
		CHECK(!"inproc_run could not set the run up");
		return 0;
	}
	nl = strchr(r.err, '\n');
	ok = r.status == 2 && r.out_len == 0 && strncmp(r.err, "zbsplit: ", 9) == 0 && nl &&
	     nl - r.err > 9 && strcmp(nl + 1, TRY_LINE) == 0;
	if (nl && nl - r.err > 9)
		snprintf(message, sizeof message, "%.*s", (int)(nl - r.err - 9), r.err + 9);
	CHECK(ok);
	if (!ok) {
		int i;
		fprintf(stderr, "    zbsplit");
		for (i = 0; i < argc; i++)
			fprintf(stderr, " '%s'", args[i]);
		fprintf(stderr, ": status %d, %zu bytes out, stderr:\n%s", r.status, r.out_len, r.err);
	}
	inproc_free(&r);
	return ok;
}

#define usage_error(...) usage_error_v((const char *const[]){__VA_ARGS__, NULL})

/* The message mentions at least one of the strings (NULL-terminated). */
static void mentions_any_v(const char *const *words)
{
	const char *const *w;
	int found = 0;

	for (w = words; *w && !found; w++)
		found = strstr(message, *w) != NULL;
	CHECK(found);
	if (!found) {
		fprintf(stderr, "    message '%s' mentions none of:", message);
		for (w = words; *w; w++)
			fprintf(stderr, " '%s'", *w);
		fputc('\n', stderr);
	}
}

#define mentions_any(...) mentions_any_v((const char *const[]){__VA_ARGS__, NULL})

static void message_is(const char *want)
{
	CHECK_VIEW_N(zb_view_of(message, strlen(message)), want, strlen(want));
}

static const char *fmt(const char *format, ...)
{
	static char text[8][256];
	static int next;
	char *out = text[next++ % 8];
	va_list ap;

	va_start(ap, format);
	vsnprintf(out, sizeof text[0], format, ap);
	va_end(ap);
	return out;
}

static const char *const string_preds[] = {
	"--str-eq", "--str-ne", "--contains", "--not-contains", "--prefix", "--suffix", "--regex",
	"--not-regex", "--iregex", "--eq", "--ne", "--lt", "--le", "--gt", "--ge", "--str-lt",
	"--str-le", "--str-gt", "--str-ge", "--istr-eq", "--istr-ne", "--str-in-fld",
	"--str-not-in-fld", "--istr-in-fld", "--istr-not-in-fld", "--not-iregex",
	"--char-len-le", "--byte-len-ne", "--ff-eq", "--ff-str-ne", "--ff-absdiff-le"};
static const char *const numeric_preds[] = {"--eq", "--ne", "--lt", "--le", "--gt", "--ge"};
static const char *const regex_preds[] = {"--regex", "--not-regex", "--iregex", "--not-iregex"};
/* the classes, F alone: a value after it is refused */
static const char *const class_preds[] = {"--empty", "--blank", "--not-blank", "--is-numeric",
                                          "--is-finite", "--is-nan", "--is-infinity"};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* filters.bats: "a predicate without ':'", "a malformed NUM", "a bad ERE", "bad field
 * forms in predicates". */
static void predicates(void)
{
	static const char *const nums[] = {"abc", "", "1e", ".", "-", "+", "0x10", "inf",
	                                   "nan", "1.2.3", "1e+", "++1", "12abc", "1 2", "e5",
	                                   "1e5.0"};
	static const char *const eres[] = {"(", "[a", "a{1", "a{2,1}", "*a", "\\"};
	static const char *const fields[] = {"-1", "2-1", "3-", "", "NF-x", "2x", "0-1", "NF-", "1.5",
	                                     "+1", "NF+"};
	size_t i, j;

	for (i = 0; i < COUNT(string_preds); i++) {
		const char *o = string_preds[i];
		if (usage_error("-f", "1", o, "2"))
			mentions_any(o, "2");
		if (usage_error("-f", "1", o, "abc"))
			mentions_any(o, "abc");
	}
	for (i = 0; i < COUNT(numeric_preds); i++)
		for (j = 0; j < COUNT(nums); j++) {
			const char *o = numeric_preds[i], *v = nums[j];
			if (usage_error("-f", "1", o, fmt("2:%s", v)))
				mentions_any(o, *v ? v : o);
		}
	if (usage_error("-f", "1", "--gt", "3:abc"))
		mentions_any("'abc'");
	for (i = 0; i < COUNT(class_preds); i++)
		if (usage_error("-f", "1", class_preds[i], "2:x"))
			mentions_any(class_preds[i]);
	for (i = 0; i < COUNT(regex_preds); i++)
		for (j = 0; j < COUNT(eres); j++)
			if (usage_error("-f", "1", regex_preds[i], fmt("2:%s", eres[j])))
				mentions_any(regex_preds[i], eres[j]);
	for (i = 0; i < COUNT(fields); i++) {
		const char *f = fields[i], *quoted = *f ? fmt("'%s'", f) : NULL;
		if (usage_error("-f", "1", "--str-eq", fmt("%s:x", f)))
			mentions_any("--str-eq", quoted);
		if (usage_error("-f", "1", "--gt", fmt("%s:1", f)))
			mentions_any("--gt", quoted);
		if (usage_error("-f", "1", "--empty", f))
			mentions_any("--empty", quoted);
	}
}

/* errors.bats: "bad LISTs are usage errors naming the bad item". */
static void lists(void)
{
	static const char *const bad[][2] = {
		{"0", "0"}, {"0-2", "0-2"}, {"3-1", "3-1"}, {"-", "-"}, {"a", "a"},
		{"NF-1-NF-3", "NF-1-NF-3"}, {"1,x", "x"}, {"2-a", "a"}, {"NFx", "NFx"},
		{"7-0", "7-0"}, {"1-3,5-4", "5-4"}};
	static const char *const modes[] = {"-f", "-b", "-c"};
	size_t i, m;

	for (i = 0; i < COUNT(bad); i++)
		for (m = 0; m < COUNT(modes); m++)
			if (usage_error(modes[m], bad[i][0]))
				mentions_any(bad[i][1]);
	if (usage_error("-f", "2-a"))
		message_is("'a' is not a field number; field names need -H (--header)");
	if (usage_error("-H", "-b", "2-a"))
		message_is("'a' is not a byte or character number; names work only in -f or -F lists");
}

/* hardening.bats: sizes and unit numbers past their limits. */
static void limits(void)
{
	static const char *const sizes[] = {"99999999999999999999", "18446744073709551616",
	                                    "18446744073709551617K", "4294967296", "4294967300",
	                                    "1073741825", "1048577K", "1025M", "2G",
	                                    "99999999999999999999G"};
	static const char *const units[] = {"99999999999999999999", "18446744073709551616",
	                                    "9223372036854775808"};
	size_t i;

	for (i = 0; i < COUNT(sizes); i++)
		if (usage_error("-f", "1", fmt("--buffer-size=%s", sizes[i])))
			message_is(fmt("buffer size '%s' is too large (the limit is 1G)", sizes[i]));
	for (i = 0; i < COUNT(units); i++) {
		const char *n = units[i];
		if (usage_error("-f", n))
			message_is(fmt("invalid list item '%s' is too large (the limit is "
			               "9223372036854775807)", n));
		if (usage_error("-b", fmt("1-%s", n)))
			mentions_any("too large");
		if (usage_error("-c", fmt("NF-%s", n)))
			mentions_any("too large");
		if (usage_error("-f", fmt("2,NF-%s-NF", n)))
			mentions_any("too large");
		if (usage_error("--str-eq", fmt("%s:x", n)))
			message_is(fmt("invalid predicate '--str-eq %s:x': the field number is too large",
			               n));
		if (usage_error("--empty", fmt("NF-%s", n)))
			mentions_any("too large");
	}
}

void test_usage(void)
{
	predicates();
	lists();
	limits();
}
