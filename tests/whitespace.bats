#!/usr/bin/env bats
# -w / --whitespace-delimited[=trimmed] and -F.  References: hand-written
# from the spec, and awk (mawk) for -F and trimmed splitting.

load test_helper

# gen_log FILE SEED: whitespace-aligned log, every record has 4..9 fields,
# separated by runs of 1-4 spaces/tabs, with leading/trailing blanks on some.
gen_log() {
	"$AWK" -v seed="$2" 'BEGIN {
		srand(seed)
		nw = split("GET POST 200 404 500 /index.html /a/b?c=d user42 - [25/Nov] 0.003 x y:z \"q\" ok,err 12345 \xc3\xa9t\xc3\xa9", W, " ")
		for (r = 0; r < 400; r++) {
			nf = 4 + int(rand() * 6)
			line = ""
			if (rand() < 0.3) line = blanks()
			for (i = 1; i <= nf; i++) {
				line = line W[1 + int(rand() * nw)]
				if (rand() < 0.2) line = line int(rand() * 1000)
				if (i < nf) line = line blanks()
			}
			if (rand() < 0.3) line = line blanks()
			print line
		}
	}
	function blanks(   n, s, k) {
		n = 1 + int(rand() * 4); s = ""
		for (k = 0; k < n; k++) s = s (rand() < 0.5 ? " " : "\t")
		return s
	}' >"$1"
}

# The log is made once for the file and only read by the tests.
setup_file() {
	gen_log "$BATS_FILE_TMPDIR/log" 20231125
}

setup() {
	LOG=$BATS_FILE_TMPDIR/log
	EXP=$BATS_TEST_TMPDIR/exp
}

# --- -w -----------------------------------------------------------------

@test "-w: runs of blanks separate fields; leading/trailing give empty fields" {
	# ' a  b\tc ' -> ['', 'a', 'b', 'c', '']
	check ' a  b\tc \n' 'a\n' -w -f 2
	check ' a  b\tc \n' '\n' -w -f 1
	check ' a  b\tc \n' '\n' -w -f NF
	check ' a  b\tc \n' 'c\n' -w -f NF-1
	check ' a  b\tc \n' 'a\tb\tc\n' -w -f 2-4
	check ' a  b\tc \n' '\ta\tb\tc\t\n' -w -f 1-
	check ' a  b\tc \n' 'a,c\n' -w -f 2,4 -O ,
	check 'a \t \tb\n' 'b\ta\n' --whitespace-delimited -f 2,1
}

@test "-w: a record with no blank is undelimited (whole, or dropped with -s)" {
	check 'abc\na b\n' 'abc\nb\n' -w -f 2
	check 'abc\na b\n' 'b\n' -w -f 2 -s
	check '\na b\n' '\nb\n' -w -f 2
	check '\na b\n' 'b\n' -w -f 2 -s
}

@test "-w: a record of only blanks has two empty fields" {
	check '   \n' '\n' -w -f 2
	check ' \t \n' '\t\n' -w -f 1-
}

@test "-w --complement, CRLF, -z" {
	check ' a b\n' 'a\tb\n' -w -f 1 --complement
	check 'a b c d\n' 'a\tc\n' -w -f 2,4- --complement
	check 'a b\r\n' 'b\r\n' -w -f 2
	check 'a b\0c\td\0' 'b\0d\0' -z -w -f 2
	# newline is not a blank
	check 'a\nb c\0' 'a\nb\0' -z -w -f 1
}

@test "-w vs awk on the generated log" {
	# non-trimmed: a leading run adds an empty field 1
	"$AWK" '{ if ($0 ~ /^[ \t]/) print $1; else print $2 }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -w -f 2
	"$AWK" '{ if ($0 ~ /[ \t]$/) print ""; else print $NF }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -w -f NF
}

# --- =trimmed -----------------------------------------------------------

@test "--whitespace-delimited=trimmed ignores leading and trailing runs" {
	check ' a  b\tc \n' 'a\n' --whitespace-delimited=trimmed -f 1
	check ' a  b\tc \n' 'c\n' --whitespace-delimited=trimmed -f NF
	check ' a  b\tc \n' 'a\tb\tc\n' --whitespace-delimited=trimmed -f 1-
	check ' a  b\tc \n' 'c\ta\n' --whitespace-delimited=trimmed -f 5,3,1
	check 'abc\n' 'abc\n' --whitespace-delimited=trimmed -f 2
	check 'abc\n' '' --whitespace-delimited=trimmed -f 2 -s
}

@test "=trimmed: a record of only blanks has zero fields and no delimiter" {
	check '  \t \n' '\n' --whitespace-delimited=trimmed -f 1
	check '  \t \n' '\n' --whitespace-delimited=trimmed -f 1-
	# cut 9.11: blanks at the ends are no delimiter, so -s drops it
	check '  \t \n' '' --whitespace-delimited=trimmed -f 1- -s
}

@test "=trimmed vs awk on the generated log" {
	"$AWK" 'BEGIN { OFS = "\t" } { print $1, $3 }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" --whitespace-delimited=trimmed -f 1,3
	"$AWK" 'BEGIN { OFS = "\t" } { $1 = $1; print }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" --whitespace-delimited=trimmed -f 1-
}

# --- -F -----------------------------------------------------------------

@test "-F 3,1 is awk '{print \$3, \$1}'" {
	"$AWK" '{ print $3, $1 }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -F 3,1
}

@test "-F with ranges and NF forms vs awk" {
	"$AWK" '{ print $2, $3, $4 }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -F 2-3,3-4
	"$AWK" '{ print $NF, $1 }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -F NF,1
	"$AWK" '{ print $(NF-1), $NF }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -F NF-1-
	"$AWK" '{ s = $1; for (i = 3; i <= NF; i++) s = s " " $i; print s }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -F 2 --complement
}

@test "-F with -O vs awk" {
	"$AWK" 'BEGIN { OFS = "," } { print $3, $1 }' "$LOG" >"$EXP"
	check_file "$LOG" "$EXP" -F 3,1 -O ,
	check 'a b c\n' 'c\0a\n' -F 3,1 -O ''
	check ' a b c\n' 'c--a\n' -F 3,1 --output-delimiter=--
}

@test "-F by hand: trimmed, space output, missing fields add no delimiter" {
	check '  a \t b  \n' 'b a\n' -F 2,1
	check 'a b\n' 'a\n' -F 3,1
	check 'abc\n' 'abc\n' -F 2
}

@test "-F with -d splits on DELIM (not trimmed) and joins with a space" {
	check 'a:b:c\n' 'c a\n' -F 3,1 -d :
	check ':a:b\n' ' a\n' -F 1,2 -d :
	check 'a::b::c\n' 'b c\n' -F 2- -d '::'
	check 'a:b:c\n' 'c-a\n' -F 3,1 -d : -O -
	printf 'a:b:c\n:x:y:z\n1:2:3:\n' >"$BATS_TEST_TMPDIR/colon"
	"$AWK" -F : '{ print $3, $1 }' "$BATS_TEST_TMPDIR/colon" >"$EXP"
	check_file "$BATS_TEST_TMPDIR/colon" "$EXP" -F 3,1 -d :
}

@test "-w with -d is a usage error" {
	usage_error -w -d : -f 1
	usage_error -d : -w -f 1
	usage_error --whitespace-delimited=trimmed -d , -f 1
}

@test "-F with -s, and blank-only records" {
	check 'abc\na b\n' 'b\n' -F 2 -s
	check 'abc\na b\n' 'abc\nb\n' -F 2
	check ' \t \n' '\n' -F 1
}
