/*
 * test_regex_literals.c - the literals taken from an ERE (regex_literals.c), written
 * by hand from the rule: per top-level alternative, the longest run of characters
 * outside groups and brackets that no quantifier makes optional; none when an
 * alternative has none or the pattern is not understood.  Then the prefilter
 * against regexec alone: on every value, regex_matches decides as regexec does.
 */
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "regex_match.h"
#include "tool_check.h"

/* "none", or the literals joined by '|', after "exact " when holding one is matching. */
static const char *lits_of(const char *ere, int cflags)
{
	static char out[600];
	struct regex_literals l;
	size_t i, n = 0;

	regex_literals_make(&l, ere, REG_EXTENDED | cflags);
	if (l.n == 0)
		return "none";
	n += (size_t)snprintf(out, sizeof out, "%s", l.exact ? "exact " : "");
	for (i = 0; i < l.n && n < sizeof out - 80; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s", i ? "|" : "", (int)l.len[i],
		                      (const char *)l.text[i]);
	return out;
}

#define CHECK_LITS(ere, cflags, want) CHECK(strcmp(lits_of(ere, cflags), want) == 0 || \
	(fprintf(stderr, "  '%s': got '%s'\n", ere, lits_of(ere, cflags)), 0))

static void test_extraction(void)
{
	CHECK_LITS("ERROR|timeout", 0, "exact ERROR|timeout");
	CHECK_LITS("ERROR", 0, "exact ERROR");
	CHECK_LITS("user9[0-9]{3}$", 0, "user9");
	CHECK_LITS("^na.ve$", 0, "na"); /* two of two bytes: the first */
	CHECK_LITS("(a+)+b", 0, "b");
	CHECK_LITS("(a|aa)*c", 0, "c");
	CHECK_LITS("ab*c", 0, "a"); /* b optional: "a" and "c", the first of the longest */
	CHECK_LITS("abc?d", 0, "ab");
	CHECK_LITS("ab+cd", 0, "ab"); /* b required, once at least: the run ends after it */
	CHECK_LITS("xab{2}cde", 0, "xab"); /* b twice: once is required */
	CHECK_LITS("xab{0,2}cd", 0, "xa");
	CHECK_LITS("xab{,2}cd", 0, "xa");
	CHECK_LITS("ab+?cd", 0, "cd"); /* "b+?" is "(b+)?" */
	CHECK_LITS("a\\.b", 0, "exact a.b");
	CHECK_LITS("a\\|b", 0, "exact a|b"); /* one literal "a|b" */
	CHECK_LITS("GET|POST [a-z]+", 0, "GET|POST ");
	CHECK_LITS("\\bword\\b", 0, "word");
	CHECK_LITS("[]x]yz[[:alpha:]]", 0, "yz");
	CHECK_LITS("ab|", 0, "none");      /* the empty alternative matches anything */
	CHECK_LITS("ab|[0-9]", 0, "none");
	CHECK_LITS("", 0, "none");
	CHECK_LITS("(ab)", 0, "none");      /* groups are not looked into */
	CHECK_LITS("(a)x\\1", 0, "none");   /* back-references: given up on */
	CHECK_LITS("abc", REG_ICASE, "none");
	CHECK_LITS("\\d12", 0, "none");     /* an escaped letter regcomp reads its own way */
	CHECK_LITS("a|b|c|d|e|f|g|h", 0, "exact a|b|c|d|e|f|g|h");
	CHECK_LITS("a|b|c|d|e|f|g|h|i", 0, "none"); /* more than REGEX_LITERALS_MAX */
	/* a run longer than REGEX_LITERAL_BYTES keeps its first 64 bytes, not exact */
	CHECK_LITS("0123456789012345678901234567890123456789012345678901234567890123456789", 0,
	           "0123456789012345678901234567890123456789012345678901234567890123");
	/* C locale: the bytes of é are two characters, the quantifier takes the last */
	CHECK_LITS("caf\xc3\xa9?s", 0, "caf\xc3");
}

/* In a UTF-8 locale a quantifier takes the whole character, and a literal with
 * non-ASCII bytes is confirmed by regexec (input that is not UTF-8). */
static void test_extraction_utf8(void)
{
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
		fprintf(stderr, "  (no C.UTF-8 locale: UTF-8 literal checks skipped)\n");
		return;
	}
	CHECK_LITS("caf\xc3\xa9?s", 0, "caf");
	CHECK_LITS("na\xc3\xafve", 0, "na\xc3\xafve");
	CHECK_LITS("ERROR|timeout", 0, "exact ERROR|timeout");
	setlocale(LC_CTYPE, "C");
}

/* regex_matches with the literals agrees with regexec alone on every value made of
 * a few bytes that the patterns use, invalid UTF-8 included. */
static void agree_on(const char *ere)
{
	static const char *const parts[] = {"a", "b", "ab", "c", "x", "\xc3\xa9", "\xc3", "\n", ":"};
	struct regex r;
	unsigned v, k;
	int wrong = 0;

	if (regex_compile(&r, ere, REG_EXTENDED) != 0) {
		CHECK(!"the pattern compiles");
		return;
	}
	for (v = 0; v < 9 * 9 * 9 * 9; v++) {
		char buf[32];
		size_t n = 0;
		regmatch_t m;
		bool want;
		for (k = v; k > 0; k /= 9) {
			memcpy(buf + n, parts[k % 9], strlen(parts[k % 9]));
			n += strlen(parts[k % 9]);
		}
		m.rm_so = 0;
		m.rm_eo = (regoff_t)n;
		want = regexec(&r.re, buf, 1, &m, REG_STARTEND) == 0;
		wrong += regex_matches(&r, zb_view_of(buf, n)) != want;
	}
	CHECK_EQ_INT(wrong, 0);
	regex_free(&r);
}

static void test_agreement(const char *locale)
{
	static const char *const eres[] = {
		"ab|c", "a+b", "ab*c", "(a|b)+x", "b{2}", "\xc3\xa9", "x|\xc3\xa9", "^ab$", "a.b",
		"[^a]c", ":x|b:", "a\\:", "\\bab\\b", "[[:alpha:]]+x", "a[0-9]{2}|\\<c", "[[:punct:]]b",
	};
	size_t i;

	if (setlocale(LC_CTYPE, locale) == NULL)
		return;
	for (i = 0; i < sizeof eres / sizeof eres[0]; i++)
		agree_on(eres[i]);
	setlocale(LC_CTYPE, "C");
}

void test_regex_literals(void)
{
	test_extraction();
	test_extraction_utf8();
	test_agreement("C");
	test_agreement("C.UTF-8");
}
