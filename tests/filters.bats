#!/usr/bin/env bats
# Record filters (issue 4): string, regex, numeric and class predicates,
# --or, -v.  Expected output written by hand from the spec.

load test_helper

# Fields: id, name, value.  Record 7 has blanks only in field 2 and ' 42 '
# (a number with blanks around it) in field 3.
D='1,apple,10\n2,banana,2\n3,cherry,\n4,,x5\n5,Apple pie,7.5\n6,grape,-3\n7, \t , 42 \n'

# ids EXPECTED_IDS ARGS...: zbsplit -d , -f 1 ARGS on $D writes the ids
# EXPECTED_IDS (space separated, one per line in the output).
ids() {
	local exp=$1
	shift
	check "$D" "$(printf '%s' "$exp" | tr ' ' '\n')${exp:+\\n}" -d , -f 1 "$@"
}

# --- each predicate alone -------------------------------------------------

@test "--str-eq and --str-ne" {
	ids '1' --str-eq 2:apple
	ids '' --str-eq 2:Apple
	ids '5' --str-eq '2:Apple pie'
	ids '2 3 4 5 6 7' --str-ne 2:apple
	ids '4' --str-eq 2:
	ids '1 2 3 5 6 7' --str-ne 2:
}

@test "--contains and --not-contains" {
	ids '2' --contains 2:an
	ids '1 5' --contains 2:pp
	ids '3 4 5 7' --not-contains 2:a
	ids '1 2 3 4 5 6 7' --contains 2:
	ids '' --not-contains 2:
}

@test "--prefix and --suffix" {
	ids '5' --prefix 2:Ap
	ids '1' --prefix 2:a
	ids '1 5 6' --suffix 2:e
	ids '3' --suffix 2:ry
	ids '1' --prefix 2:apple
	ids '' --prefix 2:applex
	ids '1 2 3 4 5 6 7' --suffix 2:
}

@test "--regex, --not-regex, --iregex (unanchored ERE)" {
	ids '1 2 3' --regex '2:^[a-c]'
	ids '2' --regex 2:an
	ids '1 5' --regex '2:p{2}'
	ids '1 5' --regex '2:(pp|zz)l'
	ids '4 5 6 7' --not-regex '2:^[a-c]'
	ids '1' --regex '2:^apple'
	ids '1 5' --iregex '2:^apple'
	ids '5' --iregex '2:PIE$'
	ids '4' --regex '2:^$'
	ids '7' --regex '2:^[[:space:]]+$'
}

@test "regex anchors match at the ends of the field, not of the record" {
	check 'xa\tb\nya\n' 'xa\tb\nya\n' --regex '1:a$'
	check 'a\tbc\nabc\n' 'a\tbc\n' --regex '2:^b'
	check 'a\tbc\tz\n' 'a\tbc\tz\n' --regex '2:^bc$'
	check 'a\tbc\tz\n' '' --regex '2:c.z'
}

@test "--eq --ne --lt --le --gt --ge" {
	ids '1' --eq 3:10
	ids '1' --eq 3:10.0
	ids '1' --eq 3:1e1
	ids '2 5 6 7' --ne 3:10
	ids '6' --lt 3:2
	ids '2 6' --le 3:2
	ids '1 5 7' --gt 3:2
	ids '1 5 7' --ge 3:7.5
	ids '7' --eq 3:42
	ids '6' --eq 3:-3
}

@test "--empty and --not-empty" {
	ids '4' --empty 2
	ids '1 2 3 5 6 7' --not-empty 2
	ids '3' --empty 3
	# a blank field is not empty
	ids '1 2 3 4 5 6 7' --not-empty 1
}

@test "--isdigit --isalpha --isspace (ASCII; empty is none of them)" {
	ids '1 2' --isdigit 3
	ids '1 2 3 6' --isalpha 2
	ids '7' --isspace 2
	ids '' --isspace 3
	ids '1 2 3 4 5 6 7' --isdigit 1
	check ' \t\v\f\r,a\n,b\n' ' \t\v\f\r,a\n' -d , --isspace 1
	check '\xc3\xa9t\xc3\xa9\nete\n' 'ete\n' --isalpha 1
	check '\xd9\xa3\n3\n' '3\n' --isdigit 1
	check '12\n1 2\n-1\n+1\n1.0\n' '12\n' --isdigit 1
	check 'aZ\na1\na_\n' 'aZ\n' --isalpha 1
}

# --- combining ------------------------------------------------------------

@test "several predicates: AND" {
	ids '1 5' --contains 2:p --gt 3:5
	ids '5' --contains 2:p --gt 3:5 --lt 3:10
	ids '' --str-eq 2:apple --str-eq 2:banana
}

@test "--or: any predicate" {
	ids '2 6' --or --str-eq 2:banana --lt 3:0
	ids '1 2' --str-eq 2:apple --or --str-eq 2:banana
	ids '1 2 4' --or --str-eq 2:apple --str-eq 2:banana --empty 2
}

@test "-v / --invert keeps exactly the dropped records" {
	ids '2 3 4 5 6 7' -v --str-eq 2:apple
	ids '2 3 4 5 6 7' --invert --str-eq 2:apple
	ids '2 3 4 6 7' -v --contains 2:p --gt 3:5
	ids '' -v --contains 1:
}

@test "-v with --or: records where no predicate holds" {
	ids '2 3 4 5 7' -v --or --str-eq 2:apple --str-eq 2:grape
	ids '3 4' -v --or --gt 3:0 --lt 3:0
}

# --- field forms ----------------------------------------------------------

@test "field forms N, NF, NF-1, 0" {
	local in='a\nb,c\nd,e,f\n'
	check "$in" 'b,c\n' -d , --str-eq NF:c
	check "$in" 'a\n' -d , --str-eq NF:a
	check "$in" 'd,e,f\n' -d , --str-eq NF-1:e
	check "$in" 'b,c\n' -d , --str-eq NF-1:b
	check "$in" 'd,e,f\n' -d , --str-eq NF-2:d
	check "$in" 'b,c\n' -d , --str-eq 0:b,c
	check "$in" 'b,c\nd,e,f\n' -d , --contains 0:,
	check "$in" 'c\nf\n' -d , -f NF --regex '0:^[bd]'
	# the record terminator is not part of field 0
	check "$in" 'a\n' -d , --suffix 0:a
	check '\na\n' '\n' --empty 0
}

@test "a field the record lacks is empty (NF-k with k >= NF names nothing)" {
	local in='a\nb,c\nd,e,f\n'
	check "$in" 'a\nb,c\n' -d , --empty 3
	check "$in" 'd,e,f\n' -d , --not-empty 3
	check "$in" 'a\nb,c\n' -d , --str-eq 3:
	check "$in" 'd,e,f\n' -d , -v --str-eq 3:
	check "$in" 'a\n' -d , --empty NF-1
	check "$in" 'a\nb,c\n' -d , --empty NF-2
	check "$in" '' -d , --str-eq 9:x
	check "$in" '' -d , --isspace 7
}

@test "a record with no delimiter is field 1 (NF = 1)" {
	check 'abc\nx\ty\n' 'abc\n' --str-eq 1:abc
	check 'abc\nx\ty\n' 'abc\n' --str-eq NF:abc
	check 'abc\nx\ty\n' 'abc\n' --empty 2
	check 'abc\nx\ty\n' 'abc\n' --str-eq 0:abc
	check 'abc\nx\ty\n' 'x\ty\n' --str-eq 2:y
}

# --- numbers --------------------------------------------------------------

# label,value
N='a,-0\nb,1e3\nc,.5\nd,+7\ne,12abc\nf,\ng, 42 \nh,inf\ni,nan\nj,0x10\nk,1e\nl,.\nm,-\nn,5.\no,1E+2\np,-2.5e-1\nq,\t8\t\nr,NaN\ns,Infinity\nt,1 2\n'

# nums EXPECTED_LABELS ARGS...
nums() {
	local exp=$1
	shift
	check "$N" "$(printf '%s' "$exp" | tr ' ' '\n')${exp:+\\n}" -d , -f 1 "$@"
}

@test "numeric fields: -0, 1e3, .5, +7, 5., 1E+2, blanks around" {
	nums 'a' --eq 2:0
	nums 'a' --eq 2:-0
	nums 'a' --eq 2:+0.0e5
	nums 'b' --eq 2:1000
	nums 'b' --eq 2:1e3
	nums 'c' --eq 2:0.5
	nums 'd' --eq 2:7
	nums 'g' --eq 2:42
	nums 'n' --eq 2:5
	nums 'o' --eq 2:100
	nums 'p' --eq 2:-0.25
	nums 'q' --eq 2:8
	nums 'p' --lt 2:0
	nums 'a p' --le 2:0
	nums 'a b c d g n o q' --ge 2:0
	nums 'b c d g n o q' --gt 2:0
	nums 'b o' --gt 2:99.5
}

@test "NUM forms: +1, .6, 5., 1E2, -2.5e-1" {
	nums 'b d g n o q' --gt 2:+1
	nums 'a c p' --lt 2:.6
	nums 'n' --eq 2:5.
	nums 'o' --eq 2:1E2
	nums 'p' --eq 2:-2.5e-1
	nums 'b' --ge 2:1e+3
}

@test "integers up to 15 digits, and longer ones, compare as in awk" {
	# Up to 15 digits a field is read as an integer, longer as any number: the
	# same values either way.  Rows a-e, i, j checked with mawk and gawk
	# (-F, '$2 == 123456789012345' and so on); f, g, h are not numbers, which
	# awk compares as strings and zbsplit never keeps.
	local I='a,123456789012345\nb,-123456789012345\nc,9007199254740993\nd,000000000000000000042\ne,0000000000000007\nf,+\ng,-\nh,+-1\ni,999999999999999\nj,1000000000000000\n'
	check "$I" 'a\n' -d , -f 1 --eq 2:123456789012345
	check "$I" 'a\nc\ni\nj\n' -d , -f 1 --gt 2:123456789012344
	check "$I" 'b\n' -d , -f 1 --lt 2:-123456789012344
	# 2^53 + 1 is read as 2^53, the nearest double, as awk reads it
	check "$I" 'c\n' -d , -f 1 --eq 2:9007199254740992
	check "$I" 'd\n' -d , -f 1 --eq 2:42
	check "$I" 'e\n' -d , -f 1 --eq 2:7
	check "$I" 'a\nb\nd\ne\ni\n' -d , -f 1 --lt 2:1000000000000000
	check "$I" 'c\ni\nj\n' -d , -f 1 --ge 2:999999999999999
}

@test "a field that is not a number makes every numeric predicate false" {
	# e f h i j k l m r s t are not numbers: never kept, --ne included
	nums 'b c d g n o p q' --ne 2:0
	nums 'a b c d g n o p q' --ne 2:1234
	check 'x,12abc\nx,\nx,inf\nx,nan\nx,0x10\nx,1e\nx,.\nx,-\nx,1 2\n' '' -d , --ne 2:0
	check 'x,12abc\nx,\nx,inf\nx,nan\nx,0x10\nx,1e\nx,.\nx,-\nx,1 2\n' '' -d , --lt 2:1e300
	check 'x,12abc\nx,\nx,inf\nx,nan\nx,0x10\nx,1e\nx,.\nx,-\nx,1 2\n' '' -d , --gt 2:-1e300
	check 'x,12abc\nx,\nx,inf\nx,nan\nx,0x10\nx,1e\nx,.\nx,-\nx,1 2\n' '' -d , --eq 2:16
	# -v brings them back
	nums 'a e f h i j k l m r s t' -v --ne 2:0
}

@test "only spaces and tabs may surround a number: a CR does not (unless stripped)" {
	check 'a\t42\r\tb\n' '' --eq 2:42
	check 'a\t42\r\tb\n' 'a\t42\r\tb\n' -t --eq 2:42
	# the CR of a CRLF is not part of the last field (crlf.bats)
	check 'a\t42\r\n' 'a\t42\r\n' --eq 2:42
	check 'a\t\v8\n' '' --eq 2:8
	check 'a, \t8\t \n' 'a, \t8\t \n' -d , --eq 2:8
}

@test "a missing field is not a number" {
	check 'a\nb,0\n' 'b,0\n' -d , --ne 2:5
	check 'a\nb,0\n' 'b,0\n' -d , --lt 2:5
	check 'a\nb,0\n' 'a\n' -d , -v --eq 2:0
}

# --- STR escapes and odd values -------------------------------------------

@test "STR takes the -d escapes" {
	check 'x,a\tb\nx,a b\n' 'x,a\tb\n' -d , --str-eq '2:a\tb'
	check 'a,b\tc\nd\te\n' 'a,b\tc\n' --contains '0:\x2c'
	check 'x\ta\\b\nx\tab\n' 'x\ta\\b\n' --str-eq '2:a\\b'
	check 'a\tb\0c\nd\te\n' 'a\tb\0c\n' --contains '2:\0'
	check 'a\tb\r\tc\nc\td\n' 'a\tb\r\tc\n' --suffix '2:\r'
}

@test "a bad escape in STR is a usage error naming it" {
	usage_error -f 1 --str-eq '1:\q'
	err_mentions '\q'
}

@test "regex predicates see NUL bytes inside the field" {
	check 'a\0b\tx\nab\ty\n' 'a\0b\tx\n' --regex '1:b$' --not-regex '1:^ab'
}

@test "STR may contain ':'" {
	check 'x,a:b\nx,a\n' 'x,a:b\n' -d , --str-eq 2:a:b
	check 'x,a:b\nx,a\n' 'x,a:b\n' -d , --contains 2::
}

# --- output ---------------------------------------------------------------

@test "a filter without a LIST prints whole records unchanged" {
	check 'a\tb\r\nc\td\n' 'a\tb\r\n' --str-eq 1:a
	# the CR of a CRLF is written, but predicates see the last field without it
	check 'a\tb\r\nc\td\n' 'a\tb\r\n' --str-eq 2:b
	check 'a\tb\r\nc\td\n' '' --str-eq '2:b\r'
	# a last record without terminator gets one
	check 'a\tb\nc\td' 'c\td\n' --str-eq 1:c
	check ' x  y \n' ' x  y \n' -w --str-eq 2:x
	check 'a,b\n' 'a,b\n' -d , --str-eq 2:b
	check 'a\tb\0c\td\0' 'c\td\0' -z --str-eq 1:c
	check 'a\nb\nc\n' 'a\nc\n' -v --str-eq 1:b
}

@test "filters with -f, -F, -w" {
	check 'a\tb\tc\nd\te\tf\n' 'c\ta\n' -f 3,1 --str-eq 2:b
	check ' x  y z\nq y\n' 'z x\n' -F 3,1 --str-eq 2:y --not-empty 3
	check ' x y\n x z\n' 'y\n' -w -f 3 --str-eq 3:y
	check ' x y\n x z\n' ' x y\n' --whitespace-delimited=trimmed --str-eq 2:y
}

@test "filters with -b and -c; -d, -w, -R then only serve the predicates" {
	check 'ab,x\ncd,y\n' 'ab\n' -b 1-2 -d , --str-eq 2:x
	check 'a\tx\nb\ty\n' 'a\n' -b 1 --str-eq 2:x
	check '\xc3\xa9 x\n\xc3\xbc y\n' '\xc3\xbc\n' -c 1 -w --str-eq 2:y
	check 'ab;;x\ncd;y\n' 'cd\n' -c 1-2 -R ';+' --str-eq 2:y
	check 'ab;;x\ncd;y\n' 'ab;;x\n' -b 1- -R ';+' --str-eq 2:x
	check 'abc,1\ndef,2\n' 'd:f\n' -c 1,3 -d , --gt 2:1 -O :
}

@test "-d, -w, -R with -b/-c but no filter, and -s with -b/-c: usage errors" {
	usage_error -b 1 -d ,
	usage_error -c 1 -w
	usage_error -b 1 -R ,
	usage_error -s -b 1 --str-eq 2:x
	usage_error -s -c 1 -d , --str-eq 2:x
}

@test "-s drops records without a delimiter before filtering" {
	check 'abc\nx\ty\n' 'abc\n' -f 1 --empty 2
	check 'abc\nx\ty\n' '' -f 1 -s --empty 2
	check 'abc\nx\ty\nz\tw\n' 'abc\nz\n' -f 1 -v --str-eq 1:x
	check 'abc\nx\ty\nz\tw\n' 'z\n' -f 1 -s -v --str-eq 1:x
	check 'abc\nx\ty\n' 'x\n' -f 1 -s -v --str-eq 1:abc
}

# --- usage errors ---------------------------------------------------------

# bad OPT ARG [NAMES...]: zbsplit -f 1 OPT ARG is a usage error whose message
# mentions the predicate or one of NAMES.
bad() {
	local opt=$1 arg=$2
	shift 2
	usage_error -f 1 "$opt" "$arg"
	err_mentions_any "$opt" "$@"
}

@test "a predicate without ':' is a usage error" {
	check_only # in-process by tests/tool/test_usage.c in make test
	local o
	for o in --str-eq --str-ne --contains --not-contains --prefix --suffix \
		--regex --not-regex --iregex --eq --ne --lt --le --gt --ge; do
		bad "$o" 2
		bad "$o" abc
	done
}

@test "a malformed NUM is a usage error naming it" {
	check_only # in-process by tests/tool/test_usage.c in make test
	local o v
	for o in --eq --ne --lt --le --gt --ge; do
		for v in abc '' 1e . - + 0x10 inf nan 1.2.3 1e+ ++1 12abc '1 2' e5 1e5.0; do
			usage_error -f 1 "$o" "2:$v"
			if [ -n "$v" ]; then
				err_mentions_any "$o" "$v"
			else
				err_mentions "$o"
			fi
		done
	done
	usage_error -f 1 --gt 3:abc
	err_mentions --gt
	err_mentions "'abc'"
}

@test "a bad ERE is a usage error" {
	check_only # in-process by tests/tool/test_usage.c in make test
	local o e
	for o in --regex --not-regex --iregex; do
		for e in '(' '[a' 'a{1' 'a{2,1}' '*a' '\'; do
			usage_error -f 1 "$o" "2:$e"
			err_mentions_any "$o" "$e"
		done
	done
}

@test "bad field forms in predicates are usage errors" {
	check_only # in-process by tests/tool/test_usage.c in make test
	local f
	for f in -1 2-1 3- '' NF-x 2x 0-1 NF- 1.5 +1 NF+; do
		usage_error -f 1 --str-eq "$f:x"
		err_mentions_any --str-eq "${f:+'$f'}"
		usage_error -f 1 --gt "$f:1"
		err_mentions_any --gt "${f:+'$f'}"
		usage_error -f 1 --empty "$f"
		err_mentions_any --empty "${f:-'--empty'}"
	done
}

@test "a field name without -H is a usage error" {
	usage_error -f 1 --str-eq name:x
	err_mentions_any --str-eq name
	usage_error --empty city
	err_mentions_any --empty city
	usage_error -f 1 --gt '"2024":5'
	err_mentions_any --gt 2024
	usage_error -f 1 --regex 'user:^a'
	err_mentions_any --regex user
}

@test "a predicate option without its argument is a usage error" {
	usage_error -f 1 --str-eq
	usage_error -f 1 --empty
	usage_error -f 1 --gt
}

@test "a bad escape in a predicate names the predicate; --or and -v need a predicate" {
	usage_error -f 1 --contains '1:\q'
	[ "$errline" = "zbsplit: invalid predicate '--contains 1:\q': invalid escape '\q' in '\q'" ]
	usage_error --or -f 1
	[ "$errline" = "zbsplit: --or needs a predicate" ]
	usage_error -v -f 1
	[ "$errline" = "zbsplit: -v needs a predicate" ]
}

@test "--str-eq alone (no LIST) keeps what awk's \$N == \"STR\" keeps, at every buffer size" {
	# its own fast path: only the delimiters around field N are looked for, and kept
	# records go out in runs; records without field N, empty fields, a last record
	# without its newline, CRLF (the last field is seen without the CR: awk's
	# reference takes it off)
	local d=$BATS_TEST_TMPDIR n v
	# field n, without the CR of a CRLF when it is the last
	local CRLF_FIELD='{ f = $n; if (n == NF) sub(/\r$/, "", f) } '
	{
		for i in $(seq 1 300); do
			case $((i % 7)) in
			0) printf 'x\n' ;;
			1) printf '\n' ;;
			2) printf 'a\t\t200\tb\r\n' ;;
			*) printf '%s\t%s\t%s\t%s\n' "$((i % 3))" "$((i % 5 * 100))" "$((i % 2))" "$((i % 4))" ;;
			esac
		done
		printf '1\t200\t1\t200'
	} >"$d/in"
	for n in 1 2 3 4 5; do
		for v in 200 1 0 '' $([ "$n" != 4 ] || echo b); do
			"$AWK" -F'\t' -v n="$n" -v v="$v" "$CRLF_FIELD"'f == v""' "$d/in" >"$d/exp"
			AT_SIZES="1 7 64" at_all_sizes "$d/got" --str-eq "$n:$v" "$d/in"
			same_bytes "$d/exp" "$d/got" "--str-eq $n:$v"
			"$AWK" -F'\t' -v n="$n" -v v="$v" "$CRLF_FIELD"'f != v""' "$d/in" >"$d/exp"
			AT_SIZES="1 7 64" at_all_sizes "$d/got" -v --str-eq "$n:$v" "$d/in"
			same_bytes "$d/exp" "$d/got" "-v --str-eq $n:$v"
		done
	done
	# a far field: the delimiters before it are counted a block at a time
	"$AWK" 'BEGIN { OFS = "\t"; for (r = 1; r <= 60; r++) {
		for (i = 1; i <= 200; i++) $i = (i * r) % 7; print } }' >"$d/wide"
	for n in 70 150 200 201; do
		"$AWK" -F'\t' -v n="$n" '$n == "3"' "$d/wide" >"$d/exp"
		AT_SIZES="1 7 64" at_all_sizes "$d/got" --str-eq "$n:3" "$d/wide"
		same_bytes "$d/exp" "$d/got" "--str-eq $n:3"
	done
	# records longer than the output buffer (the input's plus 64 KiB) take another
	# way: judged one at a time, written as they come
	# (100000 bytes of 'y' by head and tr: mawk's sprintf stops at 8 KiB)
	local ys
	ys=$(head -c 100000 /dev/zero | tr '\0' y)
	for r in 1 2 3 4 5 6; do printf '%d\t%s\t%d\n' $((r % 2)) "$ys" $((r % 3)); done >"$d/long"
	for p in 1:1 1:0 3:2 3:0 2:; do
		"$AWK" -F'\t' -v n="${p%%:*}" -v v="${p#*:}" '$n == v""' "$d/long" >"$d/exp"
		"$ZBSPLIT" --buffer-size=1K --str-eq "$p" "$d/long" >"$d/got"
		same_bytes "$d/exp" "$d/got" "--buffer-size=1K --str-eq $p"
		"$AWK" -F'\t' -v n="${p%%:*}" -v v="${p#*:}" '$n != v""' "$d/long" >"$d/exp"
		"$ZBSPLIT" --buffer-size=1K -v --str-eq "$p" "$d/long" >"$d/got"
		same_bytes "$d/exp" "$d/got" "--buffer-size=1K -v --str-eq $p"
	done
	# by hand: field 2 of 'a\t\tc\r' is empty; of 'd\te\r', 'e' (the CR of a CRLF
	# is not part of the last field)
	printf 'a\t\tc\r\nd\te\r\n' >"$d/crlf"
	printf 'a\t\tc\r\n' >"$d/exp"
	check_file "$d/crlf" "$d/exp" --str-eq 2:
	printf 'd\te\r\n' >"$d/exp"
	check_file "$d/crlf" "$d/exp" --str-eq 2:e
	: >"$d/exp"
	check_file "$d/crlf" "$d/exp" --str-eq '2:e\r'
}
