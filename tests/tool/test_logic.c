/*
 * test_logic.c - the tool's logic that needs no input: LIST parsing and planning,
 * escapes, predicate parsing and the numbers predicates read, names looked up in
 * headers.  Expected values are from the man page (LISTS, PREDICATES, escapes under
 * -d, HEADERS), worked out by hand.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "escape.h"
#include "filter.h"
#include "fold.h"
#include "header.h"
#include "number.h"
#include "inproc.h"
#include "list.h"
#include "regex_match.h"
#include "tool_check.h"

static zb_view cstr_view(const char *s)
{
	return zb_view_of(s, strlen(s));
}

/* The plan of text for a record of `units` units, as "lo-hi,lo-hi" (hi of
 * UNIT_MAX as "lo-"), or the error message. */
static const char *plan_of(const char *text, bool complement, size_t units)
{
	static char out[320];
	char err[256];
	struct list l;
	struct range plan[64];
	struct group work[64];
	size_t i, n, len = 0;

	if (list_parse(text, &l, err, sizeof err) != 0 || l.count >= 64) {
		snprintf(out, sizeof out, "error: %s", err);
		list_free(&l);
		return out;
	}
	l.complement = complement;
	n = list_plan(&l, units, plan, work);
	out[0] = '\0';
	for (i = 0; i < n && len < sizeof out - 48; i++) {
		if (plan[i].hi == UNIT_MAX)
			len += (size_t)snprintf(out + len, sizeof out - len, "%s%zu-", i ? "," : "",
			                        plan[i].lo);
		else
			len += (size_t)snprintf(out + len, sizeof out - len, "%s%zu-%zu", i ? "," : "",
			                        plan[i].lo, plan[i].hi);
	}
	list_free(&l);
	return out;
}

#define CHECK_PLAN(text, complement, units, want) \
	CHECK_VIEW(cstr_view(plan_of(text, complement, units)), want)

static void lists(void)
{
	/* items in the order named; overlapping ones merged where first named */
	CHECK_PLAN("3,1", false, 10, "3-3,1-1");
	CHECK_PLAN("1-3,2-4", false, 10, "1-4");
	CHECK_PLAN("5,1-2", false, 10, "5-5,1-2");
	CHECK_PLAN("2-4,3", false, 10, "2-4");
	CHECK_PLAN("1,2", false, 10, "1-1,2-2"); /* touching items stay apart */
	CHECK_PLAN("-2,5", false, 10, "1-2,5-5");
	CHECK_PLAN("3-", false, 10, "3-10");
	CHECK_PLAN("3-", false, UNIT_MAX, "3-");
	CHECK_PLAN("1 3", false, 10, "1-1,3-3"); /* blanks separate, as in GNU cut */
	/* NF forms, clipped to the record */
	CHECK_PLAN("NF", false, 7, "7-7");
	CHECK_PLAN("NF-1-", false, 7, "6-7");
	CHECK_PLAN("NF,1", false, 7, "7-7,1-1");
	CHECK_PLAN("NF,1", false, 1, "1-1"); /* one field named twice: written once */
	CHECK_PLAN("NF-3", false, 2, "");     /* before the first field: nothing */
	CHECK_PLAN("2-NF-1", false, 5, "2-4");
	CHECK_PLAN("9", false, 3, "");
	/* the complement: the gaps, ascending */
	CHECK_PLAN("2,3", true, 5, "1-1,4-5");
	CHECK_PLAN("3,1", true, 4, "2-2,4-4");
	CHECK_PLAN("1-", true, 4, "");
	/* errors name the bad item */
	CHECK_PLAN("", false, 3, "error: invalid list: it is empty");
	CHECK_PLAN("1,,2", false, 3, "error: invalid list: an item is empty");
	CHECK_PLAN("0", false, 3, "error: invalid list item '0': numbering starts at 1");
	CHECK_PLAN("3-1", false, 3, "error: invalid list item '3-1': decreasing range");
	CHECK_PLAN("NF-1-NF-3", false, 3, "error: invalid list item 'NF-1-NF-3': decreasing range");
	CHECK_PLAN("2,3x", false, 3, "error: invalid list item '3x'");
	CHECK_PLAN("99999999999999999999", false, 3,
	           "error: invalid list item '99999999999999999999' is too large (the limit is "
	           "9223372036854775807)");
	CHECK_PLAN("\"ab", false, 3, "error: invalid list item '\"ab': a quote is not closed");
}

static const char *unescaped(const char *text, size_t *len)
{
	static char out[320];
	char err[256];
	ptrdiff_t n = unescape(text, (unsigned char *)out, err, sizeof err);

	if (n < 0) {
		snprintf(out, sizeof out, "error: %s", err);
		*len = strlen(out);
	} else {
		*len = (size_t)n;
	}
	return out;
}

#define CHECK_UNESCAPE(text, want)                                          \
	do {                                                                \
		size_t n_;                                                  \
		const char *got_ = unescaped(text, &n_);                    \
		CHECK_VIEW_N(zb_view_of(got_, n_), want, sizeof(want) - 1); \
	} while (0)

static void escapes(void)
{
	CHECK_UNESCAPE("a\\tb", "a\tb");
	CHECK_UNESCAPE("\\n\\r\\0\\\\", "\n\r\0\\");
	CHECK_UNESCAPE("\\x2c", ",");
	CHECK_UNESCAPE("\\x9z", "\tz"); /* one hex digit is enough */
	CHECK_UNESCAPE("\\xC3\\xa9", "\xc3\xa9");
	CHECK_UNESCAPE("\\", "\\"); /* a backslash at the end stands for itself, as in cut */
	CHECK_UNESCAPE("", "");
	CHECK_UNESCAPE("\\q", "error: invalid escape '\\q' in '\\q'");
	CHECK_UNESCAPE("a\\xg", "error: invalid escape '\\x' in 'a\\xg': hex digits must follow");
}

/* The options of the predicate kinds (not the ff ones, which take two fields). */
static const char *const pred_options[] = {
	[P_STR_EQ] = "--str-eq", [P_STR_NE] = "--str-ne", [P_CONTAINS] = "--contains",
	[P_NOT_CONTAINS] = "--not-contains", [P_PREFIX] = "--prefix", [P_SUFFIX] = "--suffix",
	[P_STR_LT] = "--str-lt", [P_STR_LE] = "--str-le", [P_STR_GT] = "--str-gt",
	[P_STR_GE] = "--str-ge", [P_ISTR_EQ] = "--istr-eq", [P_ISTR_NE] = "--istr-ne",
	[P_ICONTAINS] = "--istr-in-fld", [P_NOT_ICONTAINS] = "--istr-not-in-fld",
	[P_REGEX] = "--regex", [P_NOT_REGEX] = "--not-regex", [P_IREGEX] = "--iregex",
	[P_NOT_IREGEX] = "--not-iregex", [P_EQ] = "--eq", [P_NE] = "--ne", [P_LT] = "--lt",
	[P_LE] = "--le", [P_GT] = "--gt", [P_GE] = "--ge", [P_CHAR_LEN_LE] = "--char-len-le",
	[P_BYTE_LEN_GT] = "--byte-len-gt", [P_EMPTY] = "--empty", [P_NOT_EMPTY] = "--not-empty",
	[P_ISDIGIT] = "--isdigit", [P_ISALPHA] = "--isalpha", [P_ISSPACE] = "--isspace",
	[P_BLANK] = "--blank", [P_NOT_BLANK] = "--not-blank", [P_IS_NUMERIC] = "--is-numeric",
	[P_IS_FINITE] = "--is-finite", [P_IS_NAN] = "--is-nan", [P_IS_INFINITY] = "--is-infinity"};

/* Whether zbsplit with one predicate keeps rec (fields split at ':'): 1 or 0, or
 * -1 when it refuses the predicate. */
static int keeps(enum pred_kind kind, const char *arg, const char *rec)
{
	const char *args[] = {pred_options[kind], arg, "-d", ":"};
	struct inproc_result r;
	size_t n = strlen(rec);
	int kept = -1;

	if (inproc_run(4, args, rec, n, FEED_FILE, &r) != 0)
		return -2;
	if (r.status == 0 && r.out_len == 0)
		kept = 0;
	else if (r.status == 0 && r.out_len == n + 1 && memcmp(r.out, rec, n) == 0)
		kept = 1;
	inproc_free(&r);
	return kept;
}

static void predicate_error(enum pred_kind kind, const char *arg, const char *want)
{
	struct filter f;
	char err[256] = "";

	memset(&f, 0, sizeof f);
	CHECK(filter_add(&f, kind, "test", arg, err, sizeof err) != 0);
	CHECK_VIEW_N(cstr_view(err), want, strlen(want));
	filter_free(&f);
}

static void predicates(void)
{
	/* strings: the field exactly, escapes decoded; 0 is the record */
	CHECK_EQ_INT(keeps(P_STR_EQ, "2:GET", "a:GET:b"), 1);
	CHECK_EQ_INT(keeps(P_STR_EQ, "2:GET", "a:GETS:b"), 0);
	CHECK_EQ_INT(keeps(P_STR_EQ, "2:", "a::b"), 1);
	CHECK_EQ_INT(keeps(P_STR_EQ, "3:x", "a:b"), 0); /* no field 3: no match */
	CHECK_EQ_INT(keeps(P_STR_NE, "3:x", "a:b"), 1);
	CHECK_EQ_INT(keeps(P_STR_EQ, "NF:b", "a:b"), 1);
	CHECK_EQ_INT(keeps(P_STR_EQ, "2:a\\tb", "x:a\tb"), 1);
	CHECK_EQ_INT(keeps(P_CONTAINS, "0:b:c", "a:b:c"), 1);
	CHECK_EQ_INT(keeps(P_PREFIX, "1:ab", "abc:d"), 1);
	CHECK_EQ_INT(keeps(P_SUFFIX, "1:ab", "abc:d"), 0);
	/* numbers: blanks around them allowed, as awk reads a field */
	CHECK_EQ_INT(keeps(P_GE, "2:400", "a:400"), 1);
	CHECK_EQ_INT(keeps(P_GE, "2:400", "a:399.99"), 0);
	CHECK_EQ_INT(keeps(P_GE, "2:400", "a: 4e2 "), 1);
	CHECK_EQ_INT(keeps(P_EQ, "2:0.5", "a:.5"), 1);
	CHECK_EQ_INT(keeps(P_EQ, "2:-3", "a:-003"), 1);
	CHECK_EQ_INT(keeps(P_EQ, "2:3", "a:+3"), 1);
	CHECK_EQ_INT(keeps(P_LT, "2:10", "a:9"), 1);
	CHECK_EQ_INT(keeps(P_LT, "2:10", "a:x"), 0);  /* not a number: never kept */
	CHECK_EQ_INT(keeps(P_NE, "2:10", "a:x"), 0);
	CHECK_EQ_INT(keeps(P_LT, "2:10", "a:"), 0);   /* empty: not a number */
	CHECK_EQ_INT(keeps(P_GT, "2:1", "a:12abc"), 0);
	/* integers of 15 digits are exact, 2^53 + 1 reads as 2^53 (a double) */
	CHECK_EQ_INT(keeps(P_EQ, "2:999999999999999", "a:999999999999999"), 1);
	CHECK_EQ_INT(keeps(P_EQ, "2:999999999999998", "a:999999999999999"), 0);
	CHECK_EQ_INT(keeps(P_EQ, "2:9007199254740992", "a:9007199254740993"), 1);
	/* classes */
	CHECK_EQ_INT(keeps(P_EMPTY, "2", "a:"), 1);
	CHECK_EQ_INT(keeps(P_EMPTY, "3", "a:"), 1); /* a missing field is empty */
	CHECK_EQ_INT(keeps(P_ISDIGIT, "1", "123:x"), 1);
	CHECK_EQ_INT(keeps(P_ISDIGIT, "1", ":x"), 0);
	CHECK_EQ_INT(keeps(P_ISALPHA, "2", "1:abC"), 1);
	/* regexes: EREs, -i ignores case */
	CHECK_EQ_INT(keeps(P_REGEX, "2:^[a-c]+$", "x:abc"), 1);
	CHECK_EQ_INT(keeps(P_IREGEX, "2:^ABC$", "x:abc"), 1);
	CHECK_EQ_INT(keeps(P_NOT_REGEX, "2:b", "x:abc"), 0);
	/* errors name the option and the bad part */
	predicate_error(P_STR_EQ, "x", "invalid predicate '--test x': expected FIELD:STRING");
	predicate_error(P_GE, "2", "invalid predicate '--test 2': expected FIELD:NUMBER");
	predicate_error(P_GE, "2:abc", "invalid predicate '--test 2:abc': 'abc' is not a number");
	predicate_error(P_GE, "2:inf", "invalid predicate '--test 2:inf': 'inf' is not a number");
	predicate_error(P_EMPTY, "2:x", "invalid predicate '--test 2:x': only a field is expected");
	predicate_error(P_STR_EQ, ":x", "invalid predicate '--test :x': it must start with a field");
	predicate_error(P_STR_EQ, "2:\\q", "invalid predicate '--test 2:\\q': invalid escape "
	                                    "'\\q' in '\\q'");
}

/* number.c: the forms of a number, and of NaN and infinity. */
static void numbers(void)
{
	static const char *const good[] = {"0", "+45", "-.20", "9e+02", "8E-17", "3.", ".5", "-0"};
	static const char *const bad[] = {"", "+", ".", "1e", "1e+", "e5", "0x10", "1 2", "inf",
	                                  "1.2.3", "--1"};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		CHECK_EQ_INT(number_syntax(good[i], strlen(good[i])), strlen(good[i]));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_EQ_INT(number_syntax(bad[i], strlen(bad[i])), 0);
	CHECK_EQ_INT(number_special("nan", 3), NUMBER_NAN);
	CHECK_EQ_INT(number_special("-NaN", 4), NUMBER_NAN);
	CHECK_EQ_INT(number_special("+INF", 4), NUMBER_INF);
	CHECK_EQ_INT(number_special("Infinity", 8), NUMBER_INF);
	CHECK_EQ_INT(number_special("infinit", 7), NUMBER_NONE);
	CHECK_EQ_INT(number_special("nana", 4), NUMBER_NONE);
	CHECK_EQ_INT(number_special("+-inf", 5), NUMBER_NONE);
	CHECK_EQ_INT(number_special("", 0), NUMBER_NONE);
	CHECK_EQ_INT(number_special("\xee\xe1\xee", 3), NUMBER_NONE); /* no letters */
}

/* fold_utf8: Å to å, ẞ (three bytes) to ß (two), Ⱥ (two) to ⱥ (three), the Kelvin
 * sign to k; ASCII and bytes that are not characters copied (all of it in C). */
static void folding_utf8(bool unicode)
{
	static const char in[] = "A\xc3\x85\xe1\xba\x9e\xc8\xba\xe2\x84\xaa\xff\xc3";
	static const char want[] = "A\xc3\xa5\xc3\x9f\xe2\xb1\xa5k\xff\xc3";
	unsigned char out[FOLD_UTF8_ROOM(sizeof in)];
	size_t n = fold_utf8((const unsigned char *)in, sizeof in - 1, out);

	if (unicode) {
		CHECK_EQ_INT(n, sizeof want - 1);
		CHECK(n == sizeof want - 1 && memcmp(out, want, n) == 0);
	} else {
		CHECK_EQ_INT(n, sizeof in - 1);
		CHECK(n == sizeof in - 1 && memcmp(out, in, n) == 0);
	}
	CHECK_EQ_INT(fold_utf8((const unsigned char *)"", 0, out), 0);
}

/* regex_compile with REG_ICASE folds as fold.c does in a UTF-8 locale: ẞ and ß are
 * one (glibc's REG_ICASE alone keeps them apart), in the ERE and in the value. */
static void folding_regex(const char *locale, bool unicode)
{
	struct regex r;

	if (setlocale(LC_CTYPE, locale) == NULL)
		return;
	if (regex_compile(&r, "^x\xc3\x9f[\xe1\xba\x9e]y$", REG_EXTENDED | REG_NOSUB | REG_ICASE) ==
	    0) {
		CHECK(regex_matches(&r, cstr_view("X\xe1\xba\x9e\xc3\x9fY")) == unicode);
		/* (in C the bracket takes one byte of ẞ) */
		CHECK(regex_matches(&r, cstr_view("x\xc3\x9f\xe1\xba\x9eY")) == unicode);
		CHECK(!regex_matches(&r, cstr_view("xsssy")));
		CHECK(!regex_matches(&r, cstr_view("x\xc3\x9f\xffy")));
		regex_free(&r);
	} else {
		CHECK(!"regex_compile");
	}
	setlocale(LC_CTYPE, "C");
}

/* fold.c: characters, white space, and folding in the locale LC_ALL names. */
static void folding_in(const char *locale, bool unicode)
{
	const char *saved = getenv("LC_ALL");
	char *keep = saved ? strdup(saved) : NULL;
	uint32_t t[16];
	size_t n;

	setenv("LC_ALL", locale, 1);
	fold_open();
	if (fold_unicode() == unicode) {
		CHECK(fold_eq(cstr_view("ABC"), cstr_view("abc")));
		CHECK(!fold_eq(cstr_view("abc"), cstr_view("abcd")));
		/* Å å, Σ ς, ẞ ß in UTF-8; bytes compared as they are in C */
		CHECK(fold_eq(cstr_view("\xc3\x85"), cstr_view("\xc3\xa5")) == unicode);
		CHECK(fold_eq(cstr_view("\xce\xa3"), cstr_view("\xcf\x82")) == unicode);
		CHECK(fold_eq(cstr_view("\xe1\xba\x9e"), cstr_view("\xc3\x9f")) == unicode);
		CHECK(!fold_eq(cstr_view("\xc3\x9f"), cstr_view("ss")));
		CHECK(fold_eq(cstr_view("\xff"), cstr_view("\xff")));
		CHECK(!fold_eq(cstr_view("\xc3"), cstr_view("\xc3\xa5")));
		n = fold_tokens((const unsigned char *)"\xc3\x85L", 3, t);
		CHECK_EQ_INT(n, unicode ? 2 : 3);
		CHECK(fold_contains_tokens(cstr_view("x\xc3\xa5lz"), t, n) == unicode);
		CHECK(fold_eq_tokens(cstr_view("\xc3\xa5l"), t, n) == unicode);
		CHECK(fold_contains_tokens(cstr_view(""), t, 0));
		CHECK(!fold_contains_tokens(cstr_view("\xc3"), t, n));
		folding_utf8(unicode);
		folding_regex(locale, unicode);
	}
	fold_close();
	if (keep)
		setenv("LC_ALL", keep, 1);
	else
		unsetenv("LC_ALL");
	free(keep);
}

static void characters(void)
{
	CHECK_EQ_INT(text_chars(cstr_view("")), 0);
	CHECK_EQ_INT(text_chars(cstr_view("abc")), 3);
	CHECK_EQ_INT(text_chars(cstr_view("\xc3\xa9t\xc3\xa9")), 3);
	CHECK_EQ_INT(text_chars(cstr_view("a\xe2\x82")), 3); /* cut short: a byte each */
	CHECK_EQ_INT(text_chars(cstr_view("\xf0\x9f\x8e\x89\xff")), 2);
	CHECK_EQ_INT(text_chars(cstr_view("\xed\xa0\x80")), 3); /* a surrogate */
	CHECK(text_blank(cstr_view("")));
	CHECK(text_blank(cstr_view(" \t\r\n\v\f")));
	CHECK(text_blank(cstr_view("\xc2\xa0\xe3\x80\x80\xe2\x80\x8a\xc2\x85")));
	CHECK(!text_blank(cstr_view("\xe2\x80\x8b"))); /* ZERO WIDTH SPACE is not */
	CHECK(!text_blank(cstr_view(" x ")));
	CHECK(!text_blank(cstr_view("\xa0")));
	CHECK(!text_blank(cstr_view("\x1c")));
	folding_in("C", false);
	folding_in("C.UTF-8", true); /* (skipped where there is no such locale) */
}

/* header_resolve of header (a C string) for cfg; the numbers it gave, as
 * "lo-hi,...;pred" in *got, or the message. */
static int resolve(struct config *cfg, const char *header, const char *input,
                   struct header_numbers *made, char *got, size_t len)
{
	char err[1024];
	int rc = header_resolve(cfg, cstr_view(header), input, made, err, sizeof err);

	if (rc < 0)
		snprintf(got, len, "%s", err);
	else
		snprintf(got, len, "%zu-%zu,%zu-%zu;%zu", cfg->list.items[0].lo.n,
		         cfg->list.items[0].hi.n, cfg->list.items[1].lo.n, cfg->list.items[1].hi.n,
		         cfg->filter.preds[0].field.n);
	return rc;
}

#define CHECK_RESOLVE(header, input, want_rc, want)                                  \
	do {                                                                         \
		CHECK_EQ_INT(resolve(&cfg, header, input, &made, got, sizeof got), want_rc); \
		CHECK_VIEW(cstr_view(got), want);                                    \
	} while (0)

/* Each input's names from its own header; the plan is made again (1) only when a
 * number changed since it was made. */
static void headers(void)
{
	char *argv[] = {"zbsplit", "-H", "-d", ",", "-f", "b,a-c", "--str-eq", "c:x", NULL};
	struct config cfg;
	struct header_numbers made = {NULL, 0, 0};
	char got[1024];

	optind = 0; /* glibc: getopt afresh */
	options_parse(8, argv, &cfg);
	CHECK_RESOLVE("a,b,c", "one", 1, "2-2,1-3;3");
	CHECK_RESOLVE("a,b,c", "two", 0, "2-2,1-3;3");
	/* a byte order mark, the CR of a CRLF: not parts of names */
	CHECK_RESOLVE("\xEF\xBB\xBF" "a,b,c\r", "three", 0, "2-2,1-3;3");
	CHECK_RESOLVE("x,a,b,c", "four", 1, "3-3,2-4;4");
	CHECK_RESOLVE("a,c", "five", -1,
	              "no field named 'b' in the header of five (its fields: a, c)");
	/* after an input that failed, the numbers are compared with the plan's */
	CHECK_RESOLVE("y,a,b,c", "six", 0, "3-3,2-4;4");
	CHECK_RESOLVE("c,b,a", "seven", -1,
	              "invalid list: the range from 'a' to 'c' decreases in the header of seven");
	CHECK_RESOLVE("b,a,c", "eight", 1, "1-1,2-3;3");
	header_numbers_free(&made);
	options_free(&cfg);
}

void test_logic(void)
{
	lists();
	escapes();
	predicates();
	numbers();
	characters();
	headers();
}
