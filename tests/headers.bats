#!/usr/bin/env bats
# -H/--header and field names (issue 4).  Expected output written by hand
# from the spec, or by awk on generated files.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'id\tuser\tcity\tzip\n1\tann\tparis\t75001\n2\tbob\tlyon\t69001\n' >people
	printf 'id\tuser\tcity\tzip\n3\tcid\tnice\t06000\n' >people2
	printf 'id\tuser\tcity\tzip\n' >people3
	: >empty
}

# no_field NAME ARGS...: zbsplit ARGS must exit 2, write nothing on stdout
# and first "zbsplit: no field named 'NAME' in the header" on stderr.
no_field() {
	local name=$1 rc=0 first
	shift
	"$ZBSPLIT" "$@" </dev/null >nf.out 2>nf.err || rc=$?
	if [ "$rc" -ne 2 ]; then
		echo "zbsplit $*: expected exit 2, got $rc"
		cat nf.err
		return 1
	fi
	if [ -s nf.out ]; then
		echo "zbsplit $*: wrote output:"
		hexdump nf.out
		return 1
	fi
	first=$(sed -n 1p nf.err)
	if [ "$first" != "zbsplit: no field named '$name' in the header" ]; then
		echo "zbsplit $*: stderr:"
		cat nf.err
		return 1
	fi
}

# --- one file -------------------------------------------------------------

@test "-H with one file: the header is written once with the selected fields" {
	check_args 'user\nann\nbob\n' -H -f 2 people
	check_args 'zip\tid\n75001\t1\n69001\t2\n' -H -f 4,1 people
	check_args 'user\nann\nbob\n' --header -f 2 people
	# without a LIST the header is written whole
	check_args 'id\tuser\tcity\tzip\n2\tbob\tlyon\t69001\n' -H --str-eq 2:bob people
	# without -H the first record is data like any other
	check_args 'id\tuser\tcity\tzip\n1\tann\tparis\t75001\n' -H --str-eq 2:ann people
	check_args '1\tann\tparis\t75001\n' --str-eq 2:ann people
	check_args 'id\tuser\tcity\tzip\n' --str-eq 2:user people
}

@test "-H: the header is never filtered" {
	check_args 'user\nbob\n' -H -f 2 --str-eq 3:lyon people
	check_args 'user\n' -H -f 2 --str-eq 3:nowhere people
	check_args 'user\nann\n' -H -f 2 -v --str-eq 3:lyon people
	check_args 'user\nann\nbob\n' -H -f 2 -v --str-eq 2:user people
	check_args 'id\tuser\tcity\tzip\n' -H --gt 1:100 people
	check_args 'user\n' -H -f 2 --isdigit 2 people
}

@test "-H with -b, -c, -F, -w, -z" {
	check_args 'id\t\n1\ta\n2\tb\n3\tc\n' -H -b 1-3 people people2
	check_args 'id\t\n1\ta\n2\tb\n' -H -c 1-3 people
	check_args 'd\tus\n\tbob\n' -H -c 2-5 --str-eq 2:bob people
	printf 'id name  city\n1 bob  paris\n' >sp
	check_args 'city id\nparis 1\n' -H -F 3,1 sp
	check_args 'name\nbob\n' -H -w -f 2 sp
	printf 'h1\th2\0a\tb\0' >z
	check_args 'h2\0b\0' -H -z -f 2 z
}

# --- several files --------------------------------------------------------

@test "-H with several files: the first record of later files is skipped" {
	check_args 'user\nann\nbob\ncid\n' -H -f 2 people people2
	check_args 'user\ncid\nann\nbob\n' -H -f 2 people2 people
	check_args 'user\nann\nbob\ncid\nann\nbob\n' -H -f 2 people people2 people
	# a file with only a header adds nothing
	check_args 'user\nann\nbob\n' -H -f 2 people3 people people3
	# stdin as one of the inputs
	"$ZBSPLIT" -H -f 2 people - <people2 >out
	printf 'user\nann\nbob\ncid\n' >exp
	same_bytes exp out
	# filters apply to every data record, headers of later files are skipped
	check_args 'city\nlyon\n' -H -f city --str-eq user:bob people people2 people3
}

@test "-H: a first record without newline is still only a header" {
	printf 'id\tuser' >hdr_only
	check_args 'user\nann\nbob\n' -H -f 2 people hdr_only
	check_args 'user\nann\nbob\n' -H -f 2 hdr_only people
}

@test "-H: if the first file is empty the next file's first record is the header" {
	check_args 'user\nann\nbob\ncid\n' -H -f 2 empty people people2
	check_args 'user\nann\nbob\ncid\n' -H -f 2 empty empty people people2
	check_args 'city\nparis\n' -H -f city --str-eq 1:1 empty people people2
	# no records at all: nothing is written and names are not checked
	check_args '' -H -f 2 empty
	check_args '' -H -f nosuch empty empty
	check_args '' -H --str-eq nosuch:x empty
}

@test "-H: an input that cannot be read has no records either" {
	local rc=0
	"$ZBSPLIT" -H -f user nosuch people people2 >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	printf 'zbsplit: nosuch: No such file or directory\n' >exp
	same_bytes exp err
	printf 'user\nann\nbob\ncid\n' >exp
	same_bytes exp out
}

# --- names in LIST --------------------------------------------------------

@test "names in LIST: -f user,city and LIST order" {
	check_args 'user\tcity\nann\tparis\nbob\tlyon\n' -H -f user,city people
	check_args 'city\tuser\nparis\tann\nlyon\tbob\n' -H -f city,user people
	check_args 'zip\tid\n75001\t1\n69001\t2\n' -H -f zip,1 people
	check_args 'user\tcity\tzip\tid\nann\tparis\t75001\t1\nbob\tlyon\t69001\t2\n' -H -f user-zip,id people
}

@test "names as ends of ranges, mixed with numbers and NF forms" {
	check_args 'user\tcity\tzip\nann\tparis\t75001\nbob\tlyon\t69001\n' -H -f user-zip people
	check_args 'id\tuser\tcity\n1\tann\tparis\n2\tbob\tlyon\n' -H -f id-city people
	check_args 'user\tcity\n' -H -f 2-city people3
	check_args 'city\tzip\n' -H -f city-NF people3
	check_args 'user\tcity\n' -H -f user-NF-1 people3
	check_args 'zip\tuser\n' -H -f NF,user people3
	check_args 'id\tcity\n' -H -f user,zip --complement people3
	check_args 'city id\nparis 1\nlyon 2\n' -H -F city,id -d '\t' people3 people
}

@test "the first field with the name wins; NF is not a name, \"NF\" is" {
	printf 'a\tb\ta\n1\t2\t3\n' >dup
	check_args 'a\n1\n' -H -f a dup
	check_args 'a\n3\n' -H -f 3 dup
	check_args 'a\n1\n' -H -f a --str-eq a:1 dup
	check_args 'a\n' -H -f a --str-eq a:3 dup
	printf 'NF\tx\ty\n1\t2\t3\n' >nf
	check_args 'NF\n1\n' -H -f '"NF"' nf
	check_args 'y\n3\n' -H -f NF nf
	check_args 'y\n3\n' -H -f NF --str-eq '"NF":1' nf
}

@test "bare names may hold other characters: _x, a.b, UTF-8" {
	printf '_x\ta.b\t\xc3\xa9t\xc3\xa9\tA+B\n1\t2\t3\t4\n' >odd
	check_args 'a.b\t_x\n2\t1\n' -H -f a.b,_x odd
	check_args '\xc3\xa9t\xc3\xa9\n3\n' -H -f $'\xc3\xa9t\xc3\xa9' odd
	check_args 'A+B\n4\n' -H -f A+B odd
	# names are compared exactly: case matters
	no_field a+b -H -f a+b odd
}

# --- quoted names ---------------------------------------------------------

@test "quoted names: digits, ',', '-', ':', blanks" {
	printf 'id\t2024-01\ta:b\tx,y\t7\tfirst name\n1\tjan\tab\txy\tseven\tann\n' >q
	check_args '2024-01\tid\njan\t1\n' -H -f '"2024-01",id' q
	check_args 'x,y\nxy\n' -H -f '"x,y"' q
	# "7" is the field named 7, not field 7
	check_args '7\nseven\n' -H -f '"7"' q
	check_args 'first name\nann\n' -H -f '"first name"' q
	check_args 'a:b\tx,y\nab\txy\n' -H -f '"a:b"-"x,y"' q
	check_args '2024-01\ta:b\tx,y\n' -H -f '"2024-01"-"x,y"' --str-eq 1:0 q
	check_args 'id\n1\n' -H -f id --str-eq '"a:b":ab' q
	check_args 'id\n' -H -f id --str-eq '"a:b":x' q
	check_args 'id\n1\n' -H -f id --str-eq '"2024-01":jan' --eq '"7":7' --or q
	check_args 'id\n1\n' -H -f id --prefix '"first name":a' q
	check_args 'id\n1\n' -H -f id --not-empty '"x,y"' q
	# a quoted ordinary name is the same name
	check_args 'id\n1\n' -H -f '"id"' q
}

@test "quoted names: \\\" is a quote and \\\\ a backslash" {
	printf 'say "hi"\ta\\b\tc\n1\t2\t3\n' >esc
	check_args 'say "hi"\n1\n' -H -f '"say \"hi\""' esc
	check_args 'a\\b\n2\n' -H -f '"a\\b"' esc
	check_args 'c\n3\n' -H -f c --str-eq '"say \"hi\"":1' esc
	check_args 'c\n' -H -f c --str-eq '"a\\b":1' esc
}

# --- names in predicates --------------------------------------------------

@test "names in predicates" {
	check_args 'user\nbob\n' -H -f user --str-eq city:lyon people
	check_args 'id\tuser\tcity\tzip\n2\tbob\tlyon\t69001\n' -H --lt zip:70000 people
	check_args 'user\nann\ncid\n' -H -f user --or --prefix city:p --prefix city:n people people2
	check_args 'user\ncid\n' -H -f user --regex 'zip:^0' people people2
	check_args 'user\nann\nbob\n' -H -f user -v --isdigit user people
}

# --- strip and CRLF -------------------------------------------------------

@test "names are compared after the strip options" {
	printf ' id , name \n 1 , bob \n' >sp
	check_args 'name\nbob\n' -H -d , -t -f name sp
	check_args 'id\n1\n' -H -d , -t -f id --str-eq name:bob sp
	no_field name -H -d , -f name sp
	check_args ' name \n bob \n' -H -d , -f '" name "' sp
	printf '..id..\tx\n1\t2\n' >dots
	check_args 'x\tid\n2\t1\n' -H --strip=. -f x,id dots
}

@test "a header with CRLF: name matching ignores the CR" {
	printf 'id\tname\r\n1\tbob\r\n2\tann\r\n' >crlf
	check_args 'name\r\nbob\r\nann\r\n' -H -f name crlf
	check_args 'name\tid\nbob\t1\nann\t2\n' -H -t -f name,id crlf
	# the CR is still part of the data's last field
	check_args 'id\n' -H -f id --str-eq name:bob crlf
	check_args 'id\n1\n' -H -f id --str-eq 'name:bob\r' crlf
	check_args 'id\n1\n' -H -t -f id --str-eq name:bob crlf
}

# --- errors ---------------------------------------------------------------

@test "an unknown name: exit 2, one message, nothing written" {
	no_field x -H -f x people
	no_field x -H -f id,x people people2
	no_field x -H -f id --str-eq x:1 people
	no_field x -H --empty x people
	# (-f id-x, read as a range, is in cut_compat.bats: its message says how to quote)
	no_field 'a b' -H -f '"a b"' people
	# the header is the next input's first record when the first is empty
	no_field x -H -f x empty people
	# names are compared exactly
	no_field User -H -f User people
	no_field 'city ' -H -f '"city "' people
}

@test "names without -H are usage errors" {
	usage_error -f user
	err_mentions_any user -H
	usage_error -f 1,user
	err_mentions_any user -H
	usage_error -f 'user-2'
	usage_error -f '"2024-01"'
	usage_error -F city,id
	usage_error -f 1 --str-eq user:x
	usage_error --gt zip:5
}

@test "names in -b/-c LISTs are usage errors" {
	usage_error -H -b user
	usage_error -H -b 1,user
	usage_error -H -c user-3
	usage_error -H -c '"7"'
	usage_error -H -b user --str-eq user:x
}

@test "a bad quoted name is a usage error" {
	usage_error -H -f '"abc'
	usage_error -H -f 'a"b'
	usage_error -H --str-eq '"abc:x'
}

# --- buffer sizes, several files, vs awk ----------------------------------

# gen_csv FILE SEED: header 'id,user,city,score,note' and ~300 records.
gen_csv() {
	"$AWK" -v seed="$2" 'BEGIN {
		srand(seed)
		nu = split("ann bob cid dan eve fay gus", U, " ")
		nc = split("paris lyon nice brest lille", C, " ")
		print "id,user,city,score,note"
		for (r = 0; r < 300; r++) {
			note = ""
			n = int(rand() * 60)
			for (k = 0; k < n; k++) note = note substr("abc xyz-", 1 + int(rand() * 8), 1)
			printf "%d,%s,%s,%d,%s%s\n", seed * 1000 + r, U[1 + int(rand() * nu)],
				C[1 + int(rand() * nc)], int(rand() * 200) - 50, note,
				(rand() < 0.1 ? "\r" : "")
		}
	}' >"$1"
}

@test "-H with several files: same output at buffer sizes 1, 2, 3, 7, 64 and default; equal to awk" {
	gen_csv c1 11
	gen_csv c2 22
	gen_csv c3 33
	: >c0
	local ref=ref out=out
	"$AWK" -F, 'FNR == 1 && NR != 1 { next } { print $3 "," $2 }' c1 c2 c3 >"$ref"
	at_all_sizes "$out" -H -d , -f city,user c1 c2 c3
	same_bytes "$ref" "$out" "-H -f city,user"
	at_all_sizes "$out" -H -d , -f city,user c0 c1 c0 c2 c3
	same_bytes "$ref" "$out" "-H -f city,user with empty files"
	"$AWK" -F, 'FNR == 1 && NR != 1 { next } NR == 1 || ($2 == "bob" && $4 > 20) { print $1 "," $4 }' c1 c2 c3 >"$ref"
	at_all_sizes "$out" -H -d , -f id,score --str-eq user:bob --gt score:20 c1 c2 c3
	same_bytes "$ref" "$out" "-H --str-eq user:bob --gt score:20"
	"$AWK" -F, 'FNR == 1 && NR != 1 { next } NR == 1 || $4 < 0 || $3 == "nice"' c1 c2 c3 >"$ref"
	at_all_sizes "$out" -H -d , --or --lt score:0 --str-eq city:nice c1 c2 c3
	same_bytes "$ref" "$out" "-H --or (no LIST)"
	"$AWK" -F, 'FNR == 1 && NR != 1 { next } { print $5 }' c1 c2 c3 >"$ref"
	at_all_sizes "$out" -H -d , -f NF c1 c2 c3
	same_bytes "$ref" "$out" "-H -f NF"
	at_all_sizes "$out" -H -d , -f note -t c1 c2 c3
	at_all_sizes "$out" -H -d , -f user-score --complement --contains 'note:x-' c1 c2 c3
}

@test "-H with -s: the header is written even when it has no delimiter" {
	check 'id\nx;y\nz\n' 'id\nx\n' -H -s -d ';' -f 1
}

@test "a decreasing range between a number and a name names both" {
	printf 'a;b\n1;2\n' >"$BATS_TEST_TMPDIR/in"
	usage_error -H -d ';' -f '4-b' "$BATS_TEST_TMPDIR/in"
	[ "$errline" = "zbsplit: invalid list: the range from '4' to 'b' decreases" ]
}
