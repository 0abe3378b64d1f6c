/* number.c - the forms of a number (see number.h). */
#include <stdbool.h>

#include "number.h"

size_t number_syntax(const char *p, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (p[i] == '+' || p[i] == '-'))
		i++;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		digits++;
	if (i < n && p[i] == '.')
		for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			digits++;
	if (digits == 0)
		return 0;
	if (i < n && (p[i] == 'e' || p[i] == 'E')) {
		size_t exp_digits = 0;
		i++;
		if (i < n && (p[i] == '+' || p[i] == '-'))
			i++;
		for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			exp_digits++;
		if (exp_digits == 0)
			return 0;
	}
	return i == n ? n : 0;
}

/* Whether p[0..n) is the lowercase word w in any case. */
static bool is_word(const char *p, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n && w[i]; i++)
		if ((p[i] | 0x20) != w[i])
			return false;
	return i == n && w[i] == '\0';
}

enum number_special number_special(const char *p, size_t n)
{
	if (n > 0 && (p[0] == '+' || p[0] == '-')) {
		p++;
		n--;
	}
	if (is_word(p, n, "nan"))
		return NUMBER_NAN;
	if (is_word(p, n, "inf") || is_word(p, n, "infinity"))
		return NUMBER_INF;
	return NUMBER_NONE;
}
