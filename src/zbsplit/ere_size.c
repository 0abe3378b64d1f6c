/*
 * ere_size.c - how large an ERE grows when compiled.
 *
 * glibc's regcomp copies a subexpression once for each repetition around it, and
 * its memory grows with those copies (and, for optional or starred ones, with their
 * square): "a" followed by 16 '+' takes 42 MB, 20 take 700 MB, "a{1,10000}" 790 MB,
 * "(.*){1000}" 84 MB.  A pattern comes from the command line, but scripts build
 * them, so the tool refuses the ones that would expand beyond a bound instead of
 * letting regcomp take the machine's memory.  The count here follows the ERE
 * grammar of regex(7): a sequence costs the sum of its parts, a group one more
 * than what it holds, an alternation the sum of its branches, and a repetition multiplies what it repeats ('*', '+' and
 * '?' by 2, {N} by N, {N,} by N + 1, {N,M} by M).  '*' and '?' copy nothing, but
 * what they make optional costs regcomp the most: counted so, the costliest
 * patterns at the bound below ("(.?){333}", "(()*){333}") take about 25 MB.
 */
#include "ere_size.h"

#include <stdint.h>
#include <string.h>

/* Groups nested deeper count as too large: the count recurses for each, and
 * argv can hold a pattern of a million '('. */
#define MAX_DEPTH 256

/* More repetitions in a row on one part ("a+?+++") count as too large: regcomp's
 * time, not its memory, grows exponentially with them (a literal after an anchor
 * with 6 in a row compiles at once, with 7 in 7 s, with 9 in minutes); real
 * patterns have two at most ("a+?", which ERE reads as "(a+)?"). */
#define MAX_STACKED 4

static size_t add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

static size_t mul(size_t a, size_t b)
{
	return b != 0 && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

/* The end of the bracket expression that starts at p ('['). */
static const char *skip_bracket(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']') /* a ']' first is a member */
		p++;
	while (*p && *p != ']') {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			char kind = p[1];
			p += 2;
			while (*p && !(p[0] == kind && p[1] == ']'))
				p++;
			if (*p)
				p += 2;
		} else {
			p++;
		}
	}
	return *p ? p + 1 : p;
}

/* A number of at most 9 digits at *p (RE_DUP_MAX is far below), or -1. */
static long number(const char **p)
{
	long n = 0;
	int digits = 0;

	while (**p >= '0' && **p <= '9' && digits < 9) {
		n = n * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	return digits ? n : -1;
}

/* The copies an interval {N}, {N,} or {N,M} at *p makes, with *p moved past it; 0
 * when what is at *p is not an interval (regcomp then decides what it is). */
static size_t interval(const char **p)
{
	const char *q = *p + 1;
	long lo = number(&q), hi = lo;

	if (lo < 0)
		return 0;
	if (*q == ',') {
		q++;
		hi = *q == '}' ? lo + 1 : number(&q);
		if (hi < 0)
			return 0;
	}
	if (*q != '}')
		return 0;
	*p = q + 1;
	return hi > 1 ? (size_t)hi : 1;
}

static size_t alternation(const char **p, int depth);

/* A branch: the parts up to '|', the end, or the ')' closing a group (outside one,
 * glibc takes a ')' as itself, and so does this count). */
static size_t branch(const char **p, int depth)
{
	size_t total = 0, last = 0; /* last: the part a repetition applies to */
	int stacked = 0;            /* repetitions in a row on it */

	for (;;) {
		const char *s = *p;
		size_t times;
		if (*s == '\0' || !strchr("*+?{", *s))
			stacked = 0; /* a part, or the end: the run of repetitions is over */
		switch (*s) {
		case ')':
			if (depth == 0) {
				*p = s + 1;
				last = 1;
				total = add(total, 1);
				continue;
			}
			return total;
		case '\0':
		case '|':
			return total;
		case '^':
		case '$': /* anchors repeat nothing */
			*p = s + 1;
			last = 0;
			continue;
		case '(':
			if (depth >= MAX_DEPTH)
				return SIZE_MAX;
			*p = s + 1;
			last = add(1, alternation(p, depth + 1)); /* the group is a part of its own */
			if (**p == ')')
				(*p)++;
			total = add(total, last);
			continue;
		case '[':
			*p = skip_bracket(s);
			last = 1;
			total = add(total, 1);
			continue;
		case '\\':
			*p = s[1] ? s + 2 : s + 1;
			last = 1;
			total = add(total, 1);
			continue;
		case '*':
		case '?':
		case '+':
			*p = s + 1;
			times = 2;
			break;
		case '{':
			times = interval(p);
			if (times == 0) { /* not an interval: a literal brace */
				stacked = 0;
				*p = s + 1;
				last = 1;
				total = add(total, 1);
				continue;
			}
			break;
		default:
			*p = s + 1;
			last = 1;
			total = add(total, 1);
			continue;
		}
		if (last == 0) { /* nothing before it to repeat: count it as a part */
			last = 1;
			total = add(total, 1);
		}
		if (++stacked > MAX_STACKED)
			return SIZE_MAX;
		/* a repetition: what it repeats, `times` over */
		total = add(total - last, mul(last, times));
		last = mul(last, times);
	}
}

static size_t alternation(const char **p, int depth)
{
	size_t total = branch(p, depth);

	while (**p == '|') {
		(*p)++;
		total = add(total, branch(p, depth));
	}
	return total;
}

bool ere_too_large(const char *pattern)
{
	const char *p = pattern;

	/* SIZE_MAX, the count's saturation, also stands for stacked or nested too deep */
	return alternation(&p, 0) > ERE_MAX_COPIES;
}
