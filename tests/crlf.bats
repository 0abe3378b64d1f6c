#!/usr/bin/env bats
# The CRLF rule (issue 16): on a record ending in CR LF, the predicates see the
# last field, and the record (field 0), without the CR; the output keeps it.  One
# rule for every kernel.  Expected output by hand, or from mawk with the CR taken
# off the last field ({ sub(/\r$/, "", f) }), printing the record as it was.

load test_helper

@test "CRLF: the last field is seen without the CR, other fields keep theirs" {
	# --str-eq alone (its one-pass kernel), with a LIST (the pick), from NF (general)
	check 'a\tUIQ\r\nb\tUIQ\r\tc\nd\tUIQ\n' 'a\tUIQ\r\nd\tUIQ\n' --str-eq 2:UIQ
	check 'a\tUIQ\r\nb\tUIQ\r\tc\nd\tUIQ\n' 'b\tUIQ\r\tc\n' -v --str-eq 2:UIQ
	check 'a\tUIQ\r\nb\tUIQ\r\tc\nd\tUIQ\n' 'a\nd\n' --str-eq 2:UIQ -f 1
	check 'a\tUIQ\r\nb\tUIQ\r\tc\nd\tUIQ\n' 'b\n' --str-eq '2:UIQ\r' -f 1
	check 'a\tUIQ\r\nb\tUIQ\r\tc\nd\tUIQ\n' 'a\nd\n' --str-eq NF:UIQ -f 1
	check 'a\tUIQ\r\nb\tUIQ\r\tc\nd\tUIQ\n' 'b\n' --str-eq 'NF-1:UIQ\r' -f 1
	# the output is unchanged: the CR is still written where it was
	check 'a\tUIQ\r\n' 'UIQ\r\n' --str-eq 2:UIQ -f 2
	check 'a\tUIQ\r\n' 'UIQ\r\ta\n' --str-eq 2:UIQ -f 2,1
	# an unterminated last record, and a record that is only a CR
	check 'x\na\tb\r' 'a\tb\r\n' --str-eq 2:b
	check 'a\n\r\nb\n' '\r\n' --empty 1
	check 'a\t\r\nb\tc\r\n' 'a\t\r\n' --empty 2
	# one CR only: a field that ends in two keeps one
	check 'a\tb\r\r\n' 'a\tb\r\r\n' --str-eq '2:b\r'
}

@test "CRLF: numbers, field 0, regexes, prefixes and suffixes" {
	check 'a\t3\r\nb\t4\r\n' 'a\t3\r\n' --eq 2:3
	check 'a\t3\r\nb\t4\r\n' 'b\n' --gt 2:3 -f 1
	check 'a\t3\r\tx\r\n' '' --eq 2:3
	check 'a\t1.5e1\r\n' 'a\n' --eq 2:15 -f 1
	check 'ab\r\nac\n' 'ab\r\n' --regex '0:b$'
	check 'ab\r\nac\n' 'ab\r\n' --regex '2:^b$' -d a
	check 'ab\r\nac\n' 'ab\r\n' --str-eq 0:ab
	check 'ab\r\nac\n' 'ab\r\n' --suffix 0:b
	check 'ab\r\nac\n' '' --suffix '0:\r'
	check 'ab\r\nac\n' 'ac\n' --not-regex '0:b$'
	check 'a\tb\r\n' 'a\tb\r\n' --isalpha 2
}

@test "CRLF: blanks, a regex delimiter, a delimiter of two bytes" {
	check 'a b\r\nc d\n' 'a\nc\n' -w -f 1 --str-eq 2:b --or --str-eq 2:d
	check 'a b\r\n' 'a\n' -F 1 --str-eq 2:b
	check 'a b\r\n' 'a b\r\n' -w --str-eq 2:b
	check 'a b\r\n' 'a b\r\n' -w --str-eq NF:b
	# a blank before the CR: the CR is a field of its own, then empty
	check 'a b \r\n' 'a b \r\n' -w --empty 3
	check 'a;b\r\n' 'a\n' -R ';' -f 1 --str-eq 2:b
	check 'a;b\r\n' 'a;b\r\n' -R ';+' --str-eq NF:b
	check 'a::b\r\n' 'a\n' -d '::' -f 1 --str-eq 2:b
}

@test "CRLF: not with -z, and --csv ends its records before a CR LF" {
	check 'a\tb\r\0' '' -z --str-eq 2:b
	check 'a\tb\r\0' 'a\tb\r\0' -z --str-eq '2:b\r'
	check 'a,b\r\nc,d\r\n' 'a,b\n' --csv --str-eq 2:b
	check 'a,b\r\nc,d\r\n' 'a\n' --csv -f 1 --str-eq 2:b
	check 'a,"b\r"\r\n' '' --csv --str-eq 2:b
}

# A file of records with and without CRLF, CRs inside records, empty fields.
gen_crlf() {
	"$AWK" 'BEGIN {
		srand(16)
		nv = split("UIQ,3,x,,3.0,UIQ\r,Q", V, ",")
		for (r = 0; r < 400; r++) {
			nf = 1 + int(rand() * 4); s = ""
			for (i = 1; i <= nf; i++) s = s (i > 1 ? "\t" : "") V[1 + int(rand() * nv)]
			print s (rand() < 0.4 ? "\r" : "")
		}
	}' >"$1"
}

# vs_awk AWK_PROGRAM ARGS...: mawk -F'\t' AWK_PROGRAM (where f(n) is field n, and
# f(0) the record, without the CR of a CRLF) and zbsplit ARGS on the file must
# agree, by default, at --buffer-size=1 and with -j 2 on blocks of 64 bytes.
vs_awk() {
	local prog=$1 d=$BATS_TEST_TMPDIR v
	shift
	"$AWK" -F'\t' 'function f(n,   x) { x = $n; if (n == NF || n == 0) sub(/\r$/, "", x); return x }
		'"$prog" "$d/in" >"$d/exp"
	for v in "" "--buffer-size=1" "-j 2 --block-size=64"; do
		# shellcheck disable=SC2086 # v is a list of words
		"$ZBSPLIT" $v "$@" "$d/in" >"$d/got"
		same_bytes "$d/exp" "$d/got" "$v $*"
	done
}

@test "CRLF on a generated file: every kernel agrees with mawk, at --buffer-size=1 and -j 2" {
	gen_crlf "$BATS_TEST_TMPDIR/in"
	[ "$(grep -c $'\r$' "$BATS_TEST_TMPDIR/in")" -gt 100 ]
	vs_awk 'f(2) == "UIQ"' --str-eq 2:UIQ
	vs_awk 'f(2) != "UIQ"' -v --str-eq 2:UIQ
	vs_awk 'f(2) == "UIQ" { print $1 }' --str-eq 2:UIQ -f 1
	vs_awk 'f(NF) == "UIQ" { print $1 }' --str-eq NF:UIQ -f 1
	vs_awk 'f(3) == "" { print (NF > 1 ? $2 : $0) }' --empty 3 -f 2
	vs_awk 'f(2) ~ /^[0-9.]+$/ && f(2) + 0 == 3' --eq 2:3
	vs_awk 'f(0) ~ /Q$/' --regex '0:Q$'
	vs_awk 'NF > 1 && f(2) == "x" { print $1 }' -R $'\t' -s -f 1 --str-eq 2:x
}
