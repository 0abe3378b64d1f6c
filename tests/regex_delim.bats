#!/usr/bin/env bats
# -R/--regex-delimiter=ERE (issue 4), and buffer-size invariance of the
# issue-4 options.  References: hand-written from the spec, awk -F'ERE'
# (mawk) where awk splits the same way, and regerror() for messages.

load test_helper

# --- splitting ------------------------------------------------------------

@test "-R '[,;] *': fields separated by the matches" {
	check 'a, b;c;  d\n' 'a\tb\tc\td\n' -R '[,;] *' -f 1-
	check 'a, b;c;  d\n' 'b\ta\n' -R '[,;] *' -f 2,1
	check 'a, b;c;  d\n' 'd\n' --regex-delimiter='[,;] *' -f NF
	check 'a, b;c;  d\n' 'c\n' --regex-delimiter '[,;] *' -f NF-1
	# blanks not after a separator are data
	check 'a ,b\n' 'a \n' -R '[,;] *' -f 1
}

@test "-R ' +' and -R ' *' split on runs of spaces (empty matches ignored)" {
	check 'a  b c\n' 'a\tb\tc\n' -R ' +' -f 1-
	check 'a  b c\n' 'a\tb\tc\n' -R ' *' -f 1-
	check 'a  b c\n' 'c\ta\n' -R ' *' -f 3,1
	check ' a b\n' '\ta\tb\n' -R ' *' -f 1-
	check ' a b\n' '\ta\tb\n' -R ' +' -f 1-
	check 'a b \n' 'a\tb\t\n' -R ' *' -f 1-
	check 'abc\n' 'abc\n' -R ' *' -f 2
	check 'abc\n' '' -R ' *' -f 2 -s
}

@test "-R 'x*' on text without x: no delimiter, record written whole" {
	check 'abc\n' 'abc\n' -R 'x*' -f 2
	check 'abc\n' 'abc\n' -R 'x*' -f 1
	check 'abc\nax\n' 'a\t\n' -R 'x*' -f 1- -s
	check 'abc\naxxb\n' 'b\n' -R 'x*' -f 2 -s
	check '\n' '\n' -R 'x*' -f 1
	check '\n' '' -R 'x*' -f 1 -s
}

@test "a match at the start or end of the record gives an empty first or last field" {
	check ';a;\n' '\ta\t\n' -R ';' -f 1-
	check ';a;\n' '\n' -R ';' -f 1
	check ';a;\n' '\n' -R ';' -f NF
	check ';a;\n' 'a\n' -R ';' -f 2
	check ',, a,;\n' '\ta\t\n' -R '[,;]+ *' -f 1-
	check ';\n' '\t\n' -R ';+' -f 1-
}

@test "the longest match at the leftmost position separates" {
	check 'a<<>>b\n' 'b\n' -R '<+>*' -f 2
	check 'a<<>>b\n' 'a|b\n' -R '<+>*' -f 1- -O '|'
	check 'aXYZb\n' 'a|b\n' -R 'X|XYZ' -f 1- -O '|'
	check 'a12b345c\n' 'a|b|c\n' -R '[0-9]+' -f 1- -O '|'
}

@test "-R with -O, -F, --complement, -z, CRLF" {
	check 'a, b;c\n' 'c|a\n' -R '[,;] *' -f 3,1 -O '|'
	check 'a, b;c\n' 'c a\n' -R '[,;] *' -F 3,1
	check 'a, b;c\n' 'c::a\n' -R '[,;] *' -F 3,1 -O ::
	check 'a, b;c\n' 'a\tc\n' -R '[,;] *' -f 2 --complement
	check 'a;b\0c;;d\0' 'b\0d\0' -z -R ';+' -f 2
	check 'a;b\0c;;d\0' 'b\0\0' -z -R ';' -f 2
	check 'a;b\r\n' 'b\r\n' -R ';' -f 2
	check 'a\nb\0c\0' 'b\0c\0' -z -R $'\n' -f 2
	check 'a;b\nc;d\n' 'c\n' -R ';' -f 1 --str-eq 2:d
}

@test "-R: the regex is a POSIX ERE (no escape processing by zbsplit)" {
	# '\t' is not an escape for zbsplit here: regcomp sees backslash-t
	check 'a.b\n' 'b\n' -R '[.]' -f 2
	check 'a.b\n' 'b\n' -R '\.' -f 2
	check 'aXb\n' 'aXb\n' -R '\.' -f 2
	check 'a|b\n' 'b\n' -R '[|]' -f 2
	check 'aB1b\n' '1\n' -R '[[:alpha:]]' -f 3
}

# --- errors ---------------------------------------------------------------

@test "-R with -d or -w is a usage error" {
	usage_error -R , -d , -f 1
	usage_error -d , -R , -f 1
	usage_error -R , -w -f 1
	usage_error -w -R , -f 1
	usage_error -R , --whitespace-delimited=trimmed -f 1
}

@test "a bad ERE for -R is a usage error with the regerror text" {
	cat >"$BATS_TEST_TMPDIR/re.c" <<-'EOF'
		#include <regex.h>
		#include <stdio.h>
		int main(int argc, char **argv)
		{
			regex_t re;
			char msg[256];
			int e = regcomp(&re, argv[1], REG_EXTENDED);
			if (e == 0)
				return 1;
			regerror(e, &re, msg, sizeof msg);
			puts(msg);
			return 0;
		}
	EOF
	${CC:-cc} -o "$BATS_TEST_TMPDIR/re" "$BATS_TEST_TMPDIR/re.c"
	local e msg
	for e in '(' '[a' 'a{1' 'a{2,1}' '*a' '\'; do
		msg=$("$BATS_TEST_TMPDIR/re" "$e")
		[ -n "$msg" ]
		usage_error -R "$e" -f 1
		err_mentions "$msg"
	done
}

# --- vs awk ---------------------------------------------------------------

# gen_sep FILE SEED: ~600 records of words separated by ',' ';' ', ' ';  '
# and runs of spaces, some with leading/trailing separators, some with no
# separator at all, some empty, some with CR.
gen_sep() {
	"$AWK" -v seed="$2" 'BEGIN {
		srand(seed)
		nw = split("alpha beta gamma 42 x y7 -3.5 url:/a/b q\"t", W, " ")
		ns = split(", ; ,  ;   , ,, ;;", S, " ")
		for (r = 0; r < 600; r++) {
			v = rand()
			if (v < 0.04) { print ""; continue }
			line = ""
			if (rand() < 0.1) line = S[1 + int(rand() * ns)]
			n = 1 + int(rand() * 7)
			for (i = 0; i < n; i++) {
				if (i) {
					w = rand()
					if (w < 0.15) line = line "  "
					else if (w < 0.25) line = line " "
					else line = line S[1 + int(rand() * ns)]
					if (rand() < 0.3) line = line " "
				}
				line = line W[1 + int(rand() * nw)]
				if (rand() < 0.1) line = line "x" int(rand() * 100)
			}
			if (rand() < 0.1) line = line S[1 + int(rand() * ns)]
			if (rand() < 0.05) line = line "\r"
			print line
		}
	}' >"$1"
}

# The input is made once for the file and only read by the tests.
setup_file() {
	gen_sep "$BATS_FILE_TMPDIR/sep" 777
}

setup() {
	IN=$BATS_FILE_TMPDIR/sep
	EXP=$BATS_TEST_TMPDIR/exp
}

@test "corpus sanity: separators, records without any, empty records" {
	grep -q ', ' "$IN"
	grep -q ';;' "$IN"
	grep -q '^[,;]' "$IN"
	grep -q '[,;]$' "$IN"
	grep -qx '' "$IN"
	grep -qvE '[,;]' "$IN"
	[ "$(wc -l <"$IN")" -eq 600 ]
}

@test "-R '[,;] *' vs awk -F'[,;] *'" {
	"$AWK" -F'[,;] *' '{ if (NF < 2) print; else print $2 "\t" $1 }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R '[,;] *' -f 2,1
	"$AWK" -F'[,;] *' 'NF >= 2 { print $NF }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R '[,;] *' -f NF -s
	"$AWK" -F'[,;] *' '{ if (NF < 2) print; else { s = $1; for (i = 2; i <= NF; i++) s = s "|" $i; print s } }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R '[,;] *' -f 1- -O '|'
	# a missing field 3 adds no delimiter
	# (predicates see the last field without the CR of a CRLF)
	"$AWK" -F'[,;] *' '{ f = $2; if (NF == 2) sub(/\r$/, "", f) }
		NF >= 2 && f ~ /^[a-z]+$/ { if (NF >= 3) print $3, $1; else print $1 }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R '[,;] *' -F 3,1 -s --regex '2:^[a-z]+$'
}

@test "-R ' +' and -R '[ ,;]+' vs awk" {
	"$AWK" -F' +' '{ if (NF < 2) print; else if (NF < 3) print $1; else print $1 "\t" $3 }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R ' +' -f 1,3
	check_file "$IN" "$EXP" -R ' *' -f 1,3
	"$AWK" -F'[ ,;]+' '{ if (NF < 2) print; else print $NF "," $1 }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R '[ ,;]+' -f NF,1 -O ,
	"$AWK" -F'[ ,;]+' '{ f = $2; if (NF == 2) sub(/\r$/, "", f) } NF >= 2 && f == "x" { print $1 }' "$IN" >"$EXP"
	check_file "$IN" "$EXP" -R '[ ,;]+' -f 1 -s --str-eq 2:x
}

# --- buffer sizes ---------------------------------------------------------

@test "issue-4 options: same output at buffer sizes 1, 2, 3, 7, 64 and default" {
	local out=$BATS_TEST_TMPDIR/out
	# -R, equal to awk
	"$AWK" -F'[,;] *' '{ if (NF < 2) print; else print $2 "\t" $1 }' "$IN" >"$EXP"
	at_all_sizes "$out" -R '[,;] *' -f 2,1 "$IN"
	same_bytes "$EXP" "$out" "-R '[,;] *' -f 2,1"
	at_all_sizes "$out" -R ' *' -f NF,1 "$IN"
	at_all_sizes "$out" -R ';+' -F 2- -s "$IN"
	# strip
	at_all_sizes "$out" -d , -t -f 2,1 "$IN"
	at_all_sizes "$out" -d , --strip=' ;' -f 1- "$IN"
	at_all_sizes "$out" -d ';' --lstrip -f 2 --rstrip=' ,' "$IN"
	at_all_sizes "$out" -b 2-9,20- -t -O '|' "$IN"
	at_all_sizes "$out" -c 1-4 --strip=a "$IN"
	# filters, equal to awk
	"$AWK" -F, '$2 ~ /a/' "$IN" >"$EXP"
	at_all_sizes "$out" -d , --contains 2:a "$IN"
	same_bytes "$EXP" "$out" "-d , --contains 2:a"
	"$AWK" -F';' '!($1 ~ /^al/ || $NF ~ /x[0-9]$/)' "$IN" >"$EXP"
	at_all_sizes "$out" -d ';' -v --or --prefix 1:al --regex 'NF:x[0-9]$' "$IN"
	same_bytes "$EXP" "$out" "-v --or"
	at_all_sizes "$out" -d , -f 1 --not-empty 3 --not-contains 0:beta "$IN"
	at_all_sizes "$out" -R '[,;] *' -f 2 -t --lt 2:10 "$IN"
	at_all_sizes "$out" -b 1-6 -R ' +' --isalpha 2 "$IN"
	# headers over several files
	head -n 200 "$IN" >"$BATS_TEST_TMPDIR/h1"
	sed -n '201,$p' "$IN" >"$BATS_TEST_TMPDIR/h2"
	"$AWK" 'FNR == 1 && NR != 1 { next } { print }' "$BATS_TEST_TMPDIR/h1" "$BATS_TEST_TMPDIR/h2" >"$EXP"
	at_all_sizes "$out" -H -d , -f 1- "$BATS_TEST_TMPDIR/h1" "$BATS_TEST_TMPDIR/h2"
	same_bytes "$EXP" "$out" "-H -f 1-"
	at_all_sizes "$out" -H -R '[,;] *' -t -f 2,1 --not-empty 2 "$BATS_TEST_TMPDIR/h1" "$BATS_TEST_TMPDIR/h2" "$IN"
}

@test "-R: look-ahead operators judge a selected span as they judged the whole record" {
	# in abZcd, b is followed by Z (a word character), so b\> never matches: one
	# delimiter, Z; the fields are ab and cd, however they are written out
	check 'abZcd\n' 'ab,cd\n' -R 'b\>|Z+' -f 1,2 -O,
	check 'abZcd\n' 'ab\n' -R 'b\>|Z+' -f 1
	# \' is the end of the record only: in abca the match is c, fields ab and a
	check 'abca\n' 'ab\n' -R "b\\'|c" -f 1
}
