/* check.c - the counters and failure reports of check.h, shared by the library's
 * unit tests (tests/unit) and the tool's (tests/tool). */
#include <ctype.h>
#include <stdio.h>

#include "check.h"

long check_passed;
long check_failed;

int check_report(int ok, const char *file, int line, const char *expr)
{
	if (ok) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, expr);
	}
	return ok;
}

int check_report_int(long long a, long long b, const char *file, int line, const char *expr)
{
	int ok = check_report(a == b, file, line, expr);

	if (!ok)
		fprintf(stderr, "    got %lld, expected %lld\n", a, b);
	return ok;
}

static void print_escaped(const unsigned char *p, size_t n)
{
	size_t i;
	size_t shown = n > 200 ? 200 : n;

	fputc('"', stderr);
	for (i = 0; i < shown; i++) {
		if (p[i] == '"' || p[i] == '\\')
			fprintf(stderr, "\\%c", p[i]);
		else if (isprint(p[i]))
			fputc(p[i], stderr);
		else
			fprintf(stderr, "\\x%02x", p[i]);
	}
	fputc('"', stderr);
	if (shown < n)
		fprintf(stderr, "...");
}

int check_report_view(zb_view v, const void *p, size_t n, const char *file, int line,
                      const char *expr)
{
	int ok = v.len == n && (n == 0 || memcmp(v.data, p, n) == 0);

	check_report(ok, file, line, expr);
	if (!ok) {
		fprintf(stderr, "    got (len %zu) ", v.len);
		if (v.len == 0 || v.data != NULL)
			print_escaped(v.data, v.len);
		else
			fprintf(stderr, "(NULL data)");
		fprintf(stderr, "\n    expected (len %zu) ", n);
		print_escaped(p, n);
		fputc('\n', stderr);
	}
	return ok;
}
