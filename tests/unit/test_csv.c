/* test_csv.c - the CSV scan against a naive one, with every engine this machine has. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kernels/csv.h"
#include "kernels/engine.h"

/* The naive model, written from Python's _csv.c states (not from csv_step): what
 * each byte is (0 data, 1 a field's end, 2 a record's end) from state `st`. */
static void naive(const unsigned char *p, size_t n, unsigned char delim, int st, int *what)
{
	enum { START, UNQ, QUO, QIQ };
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = p[i];
		int ends = c == '\n' || c == '\r' ? 2 : c == delim ? 1 : 0;
		what[i] = 0;
		if (st == QUO) {
			if (c == '"')
				st = QIQ;
		} else if (st == START && c == '"') {
			st = QUO;
		} else if (st == QIQ && c == '"') {
			st = QUO;
		} else if (ends) {
			what[i] = ends;
			st = START;
		} else {
			st = UNQ;
		}
	}
}

static bool same_as_naive(const unsigned char *p, size_t n, unsigned char delim, int st)
{
	uint64_t seps[16], ends[16];
	int what[1024];
	struct csv_scan s = {delim, (unsigned char)st};
	size_t i;

	naive(p, n, delim, st, what);
	csv_scan(&s, p, n, seps, ends);
	for (i = 0; i < n; i++) {
		int got = (ends[i / 64] >> (i % 64) & 1) ? 2 : (seps[i / 64] >> (i % 64) & 1) ? 1 : 0;
		if (got != what[i])
			return false;
	}
	return true;
}

/* Whether the field p[0, n) is well formed: no quote, or quoted with every quote
 * inside doubled. */
static bool well_formed_field(const unsigned char *p, size_t n)
{
	size_t i;

	if (n == 0 || p[0] != '"')
		return memchr(p, '"', n) == NULL;
	if (n < 2 || p[n - 1] != '"')
		return false;
	for (i = 1; i + 1 < n; i++)
		if (p[i] == '"' && p[++i] != '"')
			return false;
	return i == n - 1;
}

/* Every field wholly inside blocks csv_scan did not flag is well formed. */
static bool unflagged_well_formed(const unsigned char *p, size_t n, unsigned char delim)
{
	uint64_t seps[16], ends[16], slow;
	struct csv_scan s = {delim, CSV_FIELD_START};
	size_t i, start = 0;

	slow = csv_scan(&s, p, n, seps, ends);
	for (i = 0; i <= n; i++) {
		if (i < n && !(seps[i / 64] >> (i % 64) & 1))
			continue;
		bool flagged = false;
		for (size_t b = start / 64; b <= (i == 0 ? 0 : (i - 1) / 64) && !flagged; b++)
			flagged = slow >> b & 1;
		if (i > start && !flagged && i < n && !well_formed_field(p + start, i - start))
			return false;
		start = i + 1;
	}
	return true;
}

static void random_inputs(void)
{
	static const unsigned char alphabet[] = "\"\"\",,,\n\r;aab ";
	unsigned char buf[1024];
	size_t k, i, failures = 0;

	srand(15);
	for (k = 0; k < 20000; k++) {
		size_t n = (size_t)rand() % 1000;
		int st = rand() % 4;
		unsigned char delim = k % 3 == 0 ? ';' : ',';
		for (i = 0; i < n; i++)
			buf[i] = rand() % 8 == 0 ? (unsigned char)(rand() % 256)
			                          : alphabet[(size_t)rand() % (sizeof alphabet - 1)];
		if (k % 2) /* mostly well formed: quotes only around fields */
			for (i = 0; i < n; i++)
				if (buf[i] == '"' && i > 0 && buf[i - 1] != ',' && buf[i - 1] != '"')
					buf[i] = 'x';
		failures += !same_as_naive(buf, n, delim, st);
		failures += !unflagged_well_formed(buf, n, delim);
	}
	CHECK_EQ_INT(failures, 0);
}

static void ends_found(void)
{
	static const unsigned char in[] = "a,\"b\nc\",d\r\ne\"f\ng";
	struct csv_scan s;

	csv_scan_init(&s, ',');
	CHECK_EQ_INT(csv_first_end(&s, in, sizeof in - 1), 9); /* the CR after d */
	CHECK_EQ_INT(s.state, CSV_FIELD_START);
	csv_scan_init(&s, ',');
	CHECK_EQ_INT(csv_last_end(&s, in, sizeof in - 1), 14); /* the LF after e"f */
	CHECK_EQ_INT(s.state, CSV_UNQUOTED);
	csv_scan_init(&s, ',');
	CHECK_EQ_INT(csv_last_end(&s, (const unsigned char *)"\"a\nb", 4), -1);
	CHECK_EQ_INT(s.state, CSV_QUOTED);
}

void test_csv(void)
{
	const char *engines[] = KERNEL_ENGINES;
	const char *was = kernels_engine();
	size_t e;

	for (e = 0; e < sizeof engines / sizeof *engines; e++) {
		if (kernels_use(engines[e]) != 0)
			continue;
		random_inputs();
		ends_found();
	}
	CHECK_EQ_INT(kernels_use(was), 0);
}
