/*
 * cases_main.c - zbsplit_cases DIR: the cases that tests/test_helper.bash's `check`
 * queued in DIR under `make test`, run in-process.
 *
 * Case N is case.N.args (its words, each ending in a NUL), case.N.in, case.N.exp
 * and case.N.where (the test line that queued it), for N from 1 while they exist.
 * Each runs at the default buffer size and at --buffer-size 1, 2, 3, 7 and 64, with
 * its input as a file; every run must exit 0, say nothing and write exactly
 * case.N.exp.  One process for all the checks of a test, where each was a zbsplit
 * and a cmp; `make check` runs them as separate processes instead.  Prints every
 * failure; exits 1 if there was one, 2 if DIR holds no case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inproc.h"

#define MAX_WORDS 64

/* The whole file into memory (NUL-terminated); NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			char *q = realloc(p, cap = (n + 4096 + 1) * 2);
			if (q == NULL) {
				free(p);
				fclose(f);
				return NULL;
			}
			p = q;
		}
		got = fread(p + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	fclose(f);
	p[n] = '\0';
	*len = n;
	return p;
}

/* Prints n bytes with C escapes, at most 300 of them. */
static void show(const char *label, const void *bytes, size_t n)
{
	const unsigned char *s = bytes;
	size_t i;

	fprintf(stderr, "    %s (%zu bytes): \"", label, n);
	for (i = 0; i < n && i < 300; i++) {
		if (s[i] == '\\' || s[i] == '"')
			fprintf(stderr, "\\%c", s[i]);
		else if (s[i] == '\n')
			fputs("\\n", stderr);
		else if (s[i] == '\t')
			fputs("\\t", stderr);
		else if (s[i] >= 0x20 && s[i] < 0x7f)
			fputc(s[i], stderr);
		else
			fprintf(stderr, "\\x%02x", s[i]);
	}
	fputs(i < n ? "\"...\n" : "\"\n", stderr);
}

/* Runs case n (its words in argv[1..argc]) at every size; false on a failure. */
static int run_case(const char *dir, long n, int argc, const char **argv, const char *in,
                    size_t in_len, const char *exp, size_t exp_len)
{
	static const char *const sizes[] = {NULL, "--buffer-size=1", "--buffer-size=2",
	                                    "--buffer-size=3", "--buffer-size=7",
	                                    "--buffer-size=64"};
	char path[4096];
	size_t s, where_len;
	int ok = 1, i;

	for (s = 0; s < sizeof sizes / sizeof sizes[0] && ok; s++) {
		struct inproc_result r;
		int from = sizes[s] ? 0 : 1;
		argv[0] = sizes[s];
		if (inproc_run(argc + 1 - from, argv + from, in, in_len, FEED_FILE, &r) != 0) {
			fprintf(stderr, "zbsplit_cases: case %ld: cannot set the run up\n", n);
			return 0;
		}
		ok = r.status == 0 && r.err_len == 0 && r.out_len == exp_len &&
		     memcmp(r.out, exp, exp_len) == 0;
		if (!ok) {
			char *where;
			snprintf(path, sizeof path, "%s/case.%ld.where", dir, n);
			where = slurp(path, &where_len);
			fprintf(stderr, "check at %s", where ? where : "(unknown line)\n");
			free(where);
			fprintf(stderr, "    zbsplit%s%s", sizes[s] ? " " : "", sizes[s] ? sizes[s] : "");
			for (i = 1; i <= argc; i++)
				fprintf(stderr, " '%s'", argv[i]);
			fprintf(stderr, " (in-process): exit %d\n", r.status);
			if (r.err_len)
				fprintf(stderr, "    stderr: %s", r.err);
			show("input", in, in_len);
			show("expected", exp, exp_len);
			show("actual", r.out, r.out_len);
		}
		inproc_free(&r);
	}
	return ok;
}

int main(int argc, char **argv)
{
	long n;
	int failed = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: zbsplit_cases DIR\n");
		return 2;
	}
	for (n = 1;; n++) {
		char path[4096], *args, *in, *exp, *p;
		const char *words[MAX_WORDS + 1];
		size_t args_len, in_len, exp_len;
		int nwords = 0;

		snprintf(path, sizeof path, "%s/case.%ld.args", argv[1], n);
		if ((args = slurp(path, &args_len)) == NULL)
			break;
		snprintf(path, sizeof path, "%s/case.%ld.in", argv[1], n);
		in = slurp(path, &in_len);
		snprintf(path, sizeof path, "%s/case.%ld.exp", argv[1], n);
		exp = slurp(path, &exp_len);
		for (p = args; p < args + args_len && nwords < MAX_WORDS; p += strlen(p) + 1)
			words[1 + nwords++] = p;
		if (in == NULL || exp == NULL || p != args + args_len) {
			fprintf(stderr, "zbsplit_cases: case %ld in %s is incomplete\n", n, argv[1]);
			failed = 1;
		} else if (!run_case(argv[1], n, nwords, words, in, in_len, exp, exp_len)) {
			failed = 1;
		}
		free(args);
		free(in);
		free(exp);
	}
	if (n == 1) {
		fprintf(stderr, "zbsplit_cases: no case in %s\n", argv[1]);
		return 2;
	}
	return failed;
}
