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
# and first "zbsplit: no field named 'NAME' in the header of ..." on stderr.
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
	if [ "${first%% of *}" != "zbsplit: no field named '$name' in the header" ]; then
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

# --- several files whose headers differ ------------------------------------

@test "-H with several files: names are looked up in each file's own header" {
	printf 'a,b\n1,2\n' >ab
	printf 'b,a\n3,4\n' >ba
	printf 'x,b,y,a\n5,6,7,8\n' >xbya
	# the header written is the first file's, as selected
	check_args 'a\n1\n4\n8\n' -H -d , -f a ab ba xbya
	check_args 'b,a\n3,4\n2,1\n6,8\n' -H -d , -f b,a ba ab xbya
	check_args 'a\n4\n' -H -d , -f a --str-eq b:3 ab ba xbya
	check_args 'b,a\n1,2\n5,6,7,8\n' -H -d , --or --str-eq a:1 --eq a:8 ba ab xbya
	# ranges of names: each file's own fields between them
	printf 'x,a,y,b\n5,6,7,8\n' >xayb
	check_args 'a,b\n1,2\n6,7,8\n' -H -d , -f a-b ab xayb
	# numbers are numbers in every file
	check_args 'a\n1\n3\n5\n' -H -d , -f 1 ab ba xbya
	# without names, nothing is looked up: the first header alone is written
	check_args 'a,b\n1,2\n3,4\n' -H -d , -f 1- ab ba
}

@test "-H: a later file whose header lacks a name is skipped, with exit 1" {
	printf 'a,b\n1,2\n' >ab
	printf 'a,c\n3,4\n' >ac
	printf 'b,a\n5,6\n' >ba
	local rc=0
	"$ZBSPLIT" -H -d , -f b ab ac ba >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	printf 'b\n2\n5\n' >exp
	same_bytes exp out
	printf "zbsplit: no field named 'b' in the header of ac (its fields: a, c)\n" >exp
	same_bytes exp err
	# in a predicate too, and a range of names that decreases in a later file
	rc=0
	"$ZBSPLIT" -H -d , -f a --str-eq b:2 ab ac ab >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	printf 'a\n1\n1\n' >exp
	same_bytes exp out
	rc=0
	"$ZBSPLIT" -H -d , -f a-b ab ba ab >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	printf 'a,b\n1,2\n1,2\n' >exp
	same_bytes exp out
	printf "zbsplit: invalid list: the range from 'a' to 'b' decreases in the header of ba\n" >exp
	same_bytes exp err
}

@test "-H with several files whose headers differ: -j 2, small blocks and buffers, vs awk" {
	"$AWK" 'BEGIN { print "id,user,city"; for (i = 0; i < 400; i++) print i "," i % 7 "," i % 5 }' >h1
	"$AWK" 'BEGIN { print "city,id,user"; for (i = 0; i < 400; i++) print i % 3 "," 1000 + i "," i % 4 }' >h2
	"$AWK" -F, 'FNR == 1 && NR != 1 { next } NR == 1 { print $3 "," $1; next }
		FILENAME == "h2" && $3 == "2" { print $1 "," $2 }
		FILENAME == "h1" && $2 == "2" { print $3 "," $1 }' h1 h2 h1 >exp
	# -f id and --str-eq id:N alone: field 1 in h1 and 2 in h2, so the kernel
	# changes from one input to the next (first_fields or keep_field_eq, pick)
	"$AWK" -F, 'FNR == 1 && NR != 1 { next } { print FILENAME == "h2" ? $2 : $1 }' h1 h2 h1 >exp_id
	local args v
	for args in "-j 1" "-j 2 --block-size=64" "-j 2 --block-size=1000" "-j 3 --buffer-size=7 --block-size=5"; do
		# shellcheck disable=SC2086 # args is a list of words
		"$ZBSPLIT" $args -H -d , -f city,id --str-eq user:2 h1 h2 h1 >out
		same_bytes exp out "$args"
		# shellcheck disable=SC2086
		cat h2 | "$ZBSPLIT" $args -H -d , -f city,id --str-eq user:2 h1 - h1 >out
		same_bytes exp out "$args, the second from a pipe"
		# shellcheck disable=SC2086
		"$ZBSPLIT" $args -H -d , -f id h1 h2 h1 >out
		same_bytes exp_id out "$args -f id"
		for v in 7 1007; do
			"$AWK" -F, -v v="$v" 'FNR == 1 && NR != 1 { next }
				NR == 1 || $(FILENAME == "h2" ? 2 : 1) == v' h1 h2 h1 >exp_eq
			# shellcheck disable=SC2086
			"$ZBSPLIT" $args -H -d , --str-eq id:"$v" h1 h2 h1 >out
			same_bytes exp_eq out "$args --str-eq id:$v"
		done
	done
	AT_SIZES="1 7" at_all_sizes out -H -d , -f city,id --str-eq user:2 h1 h2 h1
	same_bytes exp out
}

@test "-H --csv with several files whose headers differ: -j 2, small blocks, vs Python's csv" {
	"$AWK" 'BEGIN { print "a,b,c"; for (i = 0; i < 300; i++) print i ",\"x" i ",y\"," i % 7 }' >v1.csv
	"$AWK" 'BEGIN { print "\xef\xbb\xbfc,a,b"; for (i = 0; i < 300; i++) print i % 5 "," i + 1 ",\"q\r\n" i "\"" }' >v2.csv
	"$PYTHON" -c '
import csv, sys
out = csv.writer(sys.stdout, lineterminator="\n")
for k, name in enumerate(["v1.csv", "v2.csv", "v1.csv"]):
    with open(name, newline="", encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        h = next(rows)
        if k == 0:
            out.writerow([h[h.index("b")], h[h.index("a")]])
        for r in rows:
            if r[h.index("c")] == "3":
                out.writerow([r[h.index("b")], r[h.index("a")]])
' >exp
	local args
	for args in "-j 1" "-j 2 --block-size=64" "-j 3 --buffer-size=7 --block-size=5"; do
		# shellcheck disable=SC2086 # args is a list of words
		"$ZBSPLIT" $args -H --csv -f b,a --str-eq c:3 v1.csv v2.csv v1.csv >out
		same_bytes exp out "$args"
	done
}

@test "-H: a UTF-8 byte order mark is not part of the first name (it is written)" {
	printf '\xef\xbb\xbfid,name\n1,Ada\n' >bom
	printf 'name,id\nBob,2\n' >nobom
	printf '\xef\xbb\xbfname,id\nCy,3\n' >bom2
	check_args '\xef\xbb\xbfid\n1\n' -H -d , -f id bom
	check_args '\xef\xbb\xbfid\n1\n' -H --csv -f id bom
	check_args 'name,\xef\xbb\xbfid\nAda,1\n' -H -d , -f name,id bom
	check_args 'name,\xef\xbb\xbfid\nAda,1\n' -H --csv -f name,id bom
	check_args '\xef\xbb\xbfid\n1\n2\n3\n' -H -d , -f id bom nobom bom2
	check_args 'id\n2\n1\n3\n' -H --csv -f id nobom bom bom2
	check_args '\xef\xbb\xbfid,name\n' -H -d , --str-eq id:2 bom
	check_args 'name\nAda\n' -H -d , -f name --str-eq id:1 bom
	# from standard input too
	printf '\xef\xbb\xbfid,name\n1,Ada\n' | "$ZBSPLIT" -H -d , -f id >out
	printf '\xef\xbb\xbfid\n1\n' >exp
	same_bytes exp out
	# only at the start of the header: elsewhere it is data, and so without -H
	no_field id -H -d , -f id <(printf 'name,\xef\xbb\xbfid\n')
	check '\xef\xbb\xbfa\nb\n' '' --str-eq 1:a
}

@test "-H: a header with CRLF in later files, in another order" {
	printf 'id\tname\r\n1\tbob\r\n' >c1
	printf 'name\tid\r\nann\t2\r\n' >c2
	check_args 'id\r\n2\r\n1\n' -H -f id c2 c1
	check_args 'name\r\nbob\r\nann\n' -H -f name c1 c2
	check_args 'id\n2\r\n' -H -f id --str-eq name:ann c1 c2
}

@test "a missing name: the message lists the header's fields, the first 20 of many" {
	local rc=0
	"$ZBSPLIT" -H -f nme people >out 2>err || rc=$?
	[ "$rc" -eq 2 ]
	[ "$(sed -n 1p err)" = "zbsplit: no field named 'nme' in the header of people (its fields: id, user, city, zip)" ]
	rc=0
	"$ZBSPLIT" -H -f nme <people >out 2>err || rc=$?
	[ "$rc" -eq 2 ]
	[ "$(sed -n 1p err)" = "zbsplit: no field named 'nme' in the header of standard input (its fields: id, user, city, zip)" ]
	# the names as they are compared: stripped, CSV values decoded
	printf '"a,b", c \n' >q.csv
	usage_error -H --csv -t -f x q.csv
	[ "$errline" = "zbsplit: no field named 'x' in the header of q.csv (its fields: a,b, c)" ]
	"$AWK" 'BEGIN { for (i = 1; i <= 30; i++) printf "f%d%s", i, i < 30 ? "\t" : "\n" }' >wide
	usage_error -H -f x wide
	[ "$errline" = "zbsplit: no field named 'x' in the header of wide (its fields: f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, ... (30 in all))" ]
	# a header of long names: as many as fit
	"$AWK" 'BEGIN { s = sprintf("%0200d", 0); for (i = 1; i <= 10; i++) printf "%s%d%s", s, i, i < 10 ? "\t" : "\n" }' >long
	usage_error -H -f x long
	[ "${#errline}" -lt 1024 ]
	[[ $errline == *", ... (10 in all))" ]]
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
	# the CR is written, but the predicates see the last field without it
	check_args 'id\n1\n' -H -f id --str-eq name:bob crlf
	check_args 'id\n' -H -f id --str-eq 'name:bob\r' crlf
	check_args 'id\n1\n' -H -t -f id --str-eq name:bob crlf
	# only the last field's CR: a CR inside the header is part of its name
	printf 'a\rb\tc\r\n1\t2\r\n' >cr
	check_args 'a\rb\n1\n' -H -f "$(printf 'a\rb')" cr
	no_field a -H -f a cr
	# with --csv, a CRLF ends the record
	printf 'id,name\r\n1,bob\r\n' >crlf.csv
	check_args 'name,id\nbob,1\n' -H --csv -f name,id --str-eq name:bob crlf.csv
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
	[ "$errline" = "zbsplit: invalid list: the range from '4' to 'b' decreases in the header of $BATS_TEST_TMPDIR/in" ]
}
