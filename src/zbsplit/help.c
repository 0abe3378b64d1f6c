/* help.c - the text of --help: a summary of zbsplit(1), which it names. */
#include "help.h"

static const char usage_text[] =
	"Usage: zbsplit -f LIST [-d DELIM | -w | -R ERE] [-s] [OPTION]... [FILE]...\n"
	"  or:  zbsplit -F LIST [-d DELIM | -R ERE] [OPTION]... [FILE]...\n"
	"  or:  zbsplit -b LIST [-n] [OPTION]... [FILE]...\n"
	"  or:  zbsplit -c LIST [OPTION]... [FILE]...\n"
	"  or:  zbsplit PREDICATE... [-d DELIM | -w | -R ERE] [OPTION]... [FILE]...\n"
	"Print selected fields, bytes or characters of each record of the FILEs\n"
	"(standard input when none, or for '-'), in the order LIST names them;\n"
	"with PREDICATEs, only of the records where they hold.\n"
	"\n"
	"  -f, --fields=LIST         select these fields\n"
	"  -F LIST                   -f LIST -O ' ', and unless -d is given\n"
	"                            --whitespace-delimited=trimmed\n"
	"  -b, --bytes=LIST          select these bytes\n"
	"  -c, --characters=LIST     select these UTF-8 characters\n"
	"  -n                        with -b: never split a UTF-8 character (ignored\n"
	"                            with -f, -F and -c, as in cut)\n"
	"  -d, --delimiter=DELIM     split fields at DELIM, any string (default TAB);\n"
	"                            -d '\\n': each input is one record of lines\n"
	"  -w, --whitespace-delimited[=trimmed]\n"
	"                            fields are separated by runs of spaces and tabs;\n"
	"                            =trimmed ignores runs at either end\n"
	"  -R, --regex-delimiter=ERE fields are separated by matches of ERE\n"
	"  -O, --output-delimiter=STR  write STR between fields or ranges\n"
	"                            (default: the input delimiter; TAB with -w, -R)\n"
	"  -s, --only-delimited      skip records that contain no delimiter\n"
	"      --complement          select what LIST does not name\n"
	"  -z, --zero-terminated     records end with NUL, not newline\n"
	"  -t, --strip[=CHARS]       strip whitespace (or CHARS) from both ends of\n"
	"                            each selected field; --lstrip, --rstrip: one end\n"
	"  -H, --header              the first record of each input is a header:\n"
	"                            written once; its names may stand for fields\n"
	"      --csv[=strict]        read CSV (RFC 4180, as Python's csv module reads\n"
	"                            it) and write CSV; =strict rejects malformed input\n"
	"      --tsv-out             with --csv, write TSV (\\t \\n \\r \\\\ escaped)\n"
	"      --buffer-size=SIZE    read and write in buffers of SIZE bytes (K, M, G)\n"
	"  -j, --jobs=N              split the work across N threads (0: one per CPU)\n"
	"      --block-size=SIZE     with -j, hand out records SIZE bytes at a time\n"
	"  -h, --help                show this help and exit\n"
	"  -V, --version             show the version and exit\n"
	"\n"
	"LIST is items separated by commas (or blanks): N, N-M, N- (to the end),\n"
	"-M (from 1); NF is the last field and NF-k the k-th before it (2-NF, NF-1-).\n"
	"DELIM and STR take \\t \\n \\r \\0 \\\\ \\xHH; an empty one means NUL.\n"
	"\n";

/* (apart: one string would pass the length C compilers must support) */
static const char predicate_text[] =
	"PREDICATEs keep a record when all hold (any one, with --or).  F is a field\n"
	"or a comma-separated list of them (each is tested): N, N-M, NF, NF-k, 0 (the\n"
	"whole record) or a header name.\n"
	"  --str-eq, --str-ne, --str-lt, --str-le, --str-gt, --str-ge F:STR\n"
	"  --istr-eq, --istr-ne F:STR       ignoring case\n"
	"  --contains, --not-contains, --istr-in-fld, --istr-not-in-fld F:STR\n"
	"  --prefix, --suffix F:STR         (--str-in-fld is --contains,\n"
	"                                    --str-not-in-fld --not-contains)\n"
	"  --regex, --not-regex, --iregex, --not-iregex F:ERE\n"
	"  --eq, --ne, --lt, --le, --gt, --ge F:NUM\n"
	"  --char-len-OP, --byte-len-OP F:N (OP: eq, ne, lt, le, gt, ge)\n"
	"  --ff-eq, --ff-ne, --ff-lt, --ff-le, --ff-gt, --ff-ge F1:F2   as numbers\n"
	"  --ff-str-eq, --ff-str-ne, --ff-istr-eq, --ff-istr-ne F1:F2   as strings\n"
	"  --ff-absdiff-le, --ff-absdiff-gt, --ff-reldiff-le, --ff-reldiff-gt F1:F2:NUM\n"
	"  --empty, --not-empty, --blank, --not-blank, --isdigit, --isalpha,\n"
	"  --isspace, --is-numeric, --is-finite, --is-nan, --is-infinity F\n"
	"  -v, --invert              keep the records the predicates would drop\n"
	"      --or                  keep a record when any predicate holds\n"
	"      --label=STR           keep every record, with a field added: 1 where\n"
	"                            the predicates hold, else 0 (STR on the header)\n"
	"      --label-values=P:F    with --label, P and F instead of 1 and 0\n"
	"\n";

static const char usage_tail[] =
	"Exit status: 0 success, 1 an input or output error, 2 a usage error.\n"
	"\n"
	"Examples:\n"
	"  zbsplit -d : -f 1,NF /etc/passwd     the first and the last field\n"
	"  zbsplit -F 3 app.log                 awk '{print $3}'\n"
	"  zbsplit --ge 5:400 -f 1,5 log.tsv    awk -F'\\t' '$5 >= 400 {print $1 \"\\t\" $5}'\n"
	"  zbsplit -H -f name,email people.tsv  columns by their header names\n"
	"See zbsplit(1).\n";

void help_print(FILE *out)
{
	fputs(usage_text, out);
	fputs(predicate_text, out);
	fputs(usage_tail, out);
}
