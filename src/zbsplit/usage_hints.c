/* usage_hints.c - usage errors that teach (usage_hints.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "usage_hints.h"

/* The long options of `table` that `name` (name_len bytes, without "--")
 * abbreviates, into buf as "'--a' '--b'"; returns how many.  The table is read
 * whole, whatever options it holds. */
static size_t candidates(const struct option *table, const char *name, size_t name_len,
                         char *buf, size_t len)
{
	size_t i, n = 0, used = 0;

	buf[0] = '\0';
	for (i = 0; table[i].name; i++) {
		int w;
		if (strncmp(table[i].name, name, name_len) != 0)
			continue;
		n++;
		if (used + 8 >= len)
			continue;
		w = snprintf(buf + used, len - used, "%s'--%s'", n > 1 ? " " : "", table[i].name);
		if (w < 0 || (size_t)w >= len - used - 4) { /* no room: an ellipsis */
			snprintf(buf + used, len - used, " ...");
			used = len;
		} else {
			used += (size_t)w;
		}
	}
	return n;
}

void bad_option(int got, const char *arg, const char *short_options,
                const struct option *table)
{
	bool is_long = strncmp(arg, "--", 2) == 0;
	bool known = optopt >= 256 || (optopt > 0 && strchr(short_options + 1, optopt));
	int name_len = (int)strcspn(arg, "=");
	char list[512];

	if (got == ':' && is_long)
		usage_error("option '%.*s' requires an argument", name_len, arg);
	if (got == ':')
		usage_error("option '-%c' requires an argument", optopt);
	if (known) /* a known long option given an argument it does not take */
		usage_error("option '%.*s' doesn't allow an argument", name_len, arg);
	if (optopt > 0)
		usage_error("invalid option -- '%c'", optopt);
	/* (getopt_long says '?' for an ambiguous abbreviation too) */
	if (is_long && candidates(table, arg + 2, (size_t)name_len - 2, list, sizeof list) > 1)
		usage_error("option '%.*s' is ambiguous; possibilities: %s", name_len, arg, list);
	usage_error("unrecognized option '%.*s'", name_len, arg);
}

/* -w's argument is optional, so getopt gives -w=trimmed as '=trimmed', and the
 * rest of a word after -w is its argument: -ws is not -w -s, as the error says. */
void check_whitespace_arg(const char *arg, bool short_form)
{
	if (arg == NULL || strcmp(arg, "trimmed") == 0 ||
	    (short_form && strcmp(arg, "=trimmed") == 0))
		return;
	if (!short_form)
		usage_error("invalid argument '%s' for --whitespace-delimited (only 'trimmed')",
		            arg);
	if (arg[0] == '=')
		usage_error("invalid argument '%s' for -w (only 'trimmed': -w=trimmed)", arg + 1);
	usage_error("invalid argument '%s' for -w (only 'trimmed', as -w=trimmed or -wtrimmed:"
	            " what follows -w in its word is its argument; write other options apart,"
	            " as -w -%s)", arg, arg);
}

void check_detached_trimmed(char *const *operands, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(operands[i], "trimmed") == 0 && access(operands[i], F_OK) != 0)
			usage_error("'trimmed' is read as a file, and there is none: -w takes its"
			            " argument in the same word (-w=trimmed, -wtrimmed or"
			            " --whitespace-delimited=trimmed)");
}

/* Whether a LIST looks like awk's -F SEPARATOR: no digit in it, and no letter
 * either but in an escape (':', ',', '|', '\t'). */
static bool awk_separator(const char *text)
{
	const char *p;

	for (p = text; *p; p++)
		if ((*p >= '0' && *p <= '9') ||
		    (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') && (p == text || p[-1] != '\\')))
			return false;
	return true;
}

void awk_list_hint(const char *list)
{
	if (awk_separator(list))
		usage_error("invalid field list '%s' for -F (zbsplit's -F takes a LIST, as -f does;"
		            " for awk's -F'%s' use -d '%s')", list, list, list);
}
