#!/usr/bin/env bats
# tsv-filter's predicates (issue 16): field lists, string order, case-insensitive
# strings, --not-iregex, blanks, numeric classes, lengths, field against field, and
# --label.  Expected outputs are mawk's (LC_ALL=C, which compares and measures
# bytes) where awk can say the same thing, else written by hand from tsv-filter's
# documentation (tsv-filter --help-verbose) and zbsplit's man page.

load test_helper

# TSV rows: two strings, two numbers.
T='apple\tbanana\t3\t3.0\nApple\tapple\t10\t9\nb\tb\t-2\t2\n\tx\t0\t-0\nzeta\tZeta\t1e3\t999\nm\tn\t.5\t0.25\n\xc3\xa9t\xc3\xa9\tz\t7\t70\nb c\t\t-1.5\t-1\n'

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf "$T" >t.tsv
}

# vs_mawk PROGRAM ARGS...: zbsplit ARGS t.tsv writes what mawk -F'\t' PROGRAM does.
vs_mawk() {
	local prog=$1
	shift
	"$AWK" -F'\t' "$prog" t.tsv >awk.out
	check_file t.tsv awk.out "$@"
}

# utf8 COMMAND...: COMMAND in a UTF-8 locale (skips the test when there is none).
utf8() {
	locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || skip "no C.UTF-8 locale"
	LC_ALL=C.UTF-8 "$@"
}

@test "field lists: one test per field, all of them, or any with --or" {
	vs_mawk '$1 == "" || $2 == ""' --or --empty 1-2
	vs_mawk '$1 != "" && $2 != ""' --not-empty 1-2
	vs_mawk '$1 == "b" && $2 == "b"' --str-eq 1,2:b
	vs_mawk '$1 == "b" || $2 == "b" || $3 == "b"' --or --str-eq 1-3:b
	vs_mawk '!($3 > 0 && $4 > 0)' -v --gt 3,NF:0
	vs_mawk '$1 ~ /a/ && $2 ~ /a/' --regex 1,2:a
	# several lists and single predicates mix as separately written ones
	vs_mawk '$1 != "" && $2 != "" && $3 > 0' --not-empty 1-2 --gt 3:0
	# names, with -H
	check 'a\tb\tc\n1\t\t\n2\t\t3\n\t\t\n' 'a\tb\tc\n1\t\t\n' -H --empty b,c --not-empty a
	check 'a\tb\tc\n1\t\t\n2\t\t3\n' 'a\tb\tc\n2\t\t3\n' -H --or --str-eq 'a,"c":3'
	# NF-k, 0 and repeated fields are items like any other
	check 'x:y:z\nx:x:x\n' 'x:x:x\n' -d : --str-eq 1,NF-1,NF,1:x
	check 'ab\nb\n' 'ab\n' --contains 0,1:a
}

@test "field lists: bad lists are usage errors naming the predicate" {
	usage_error --empty 3-
	err_mentions "invalid predicate '--empty 3-': a range of fields must be closed"
	usage_error --str-eq 2-NF:x
	err_mentions "'--str-eq 2-NF:x': a range of fields is N-M, two numbers"
	usage_error --empty my-col -H
	err_mentions 'written in double quotes'
	usage_error --empty 3-1
	err_mentions "'--empty 3-1': a range of fields is N-M with 1 <= N <= M"
	usage_error --empty 0-2
	err_mentions "1 <= N <= M"
	usage_error --str-eq 1,,2:x
	err_mentions "an item of its field list is empty"
	usage_error --empty 1-20000
	err_mentions "more than 10000 fields"
	# a name with '-' is one field when quoted
	check 'my-col\tx\n\tx\ny\tx\n' 'my-col\tx\n\tx\n' -H --empty '"my-col"'
}

@test "--str-lt, --str-le, --str-gt, --str-ge: byte order (UTF-8 code units)" {
	vs_mawk '$1 < "b"' --str-lt 1:b
	vs_mawk '$1 <= "b"' --str-le 1:b
	vs_mawk '$1 > "b"' --str-gt 1:b
	vs_mawk '$1 >= "b"' --str-ge 1:b
	vs_mawk '$2 >= "Zeta" && $2 < "b"' --str-ge 2:Zeta --str-lt 2:b
	# a prefix is less; é (C3 A9) is after z; an empty STR is the least
	check 'ab\na\nabc\n\xc3\xa9\nz\n\n' 'a\n\n' --str-lt 1:ab
	check 'ab\na\nabc\n\xc3\xa9\nz\n\n' '\xc3\xa9\n' --str-gt 1:z
	check 'a\n\n' 'a\n' --str-gt 1:
	check 'a\tb\n' 'a\tb\n' --str-ge '0:a\tb'
}

@test "--istr-eq, --istr-ne, --istr-in-fld, --istr-not-in-fld: ASCII in the C locale" {
	vs_mawk 'tolower($1) == "apple"' --istr-eq 1:APPLE
	vs_mawk 'tolower($1) != "apple"' --istr-ne 1:aPPle
	vs_mawk 'index(tolower($2), "an") > 0' --istr-in-fld 2:AN
	vs_mawk 'index(tolower($0), "ze") == 0' --istr-not-in-fld 0:zE
	vs_mawk 'index(tolower($1), "") > 0 || 1' --istr-in-fld 1:
	# outside UTF-8, bytes above 127 are compared as they are
	check '\xc3\x85land\n\xc3\xa5land\n' '\xc3\xa5land\n' --istr-eq '1:\xc3\xa5LAND'
}

@test "case-insensitive predicates fold every character in a UTF-8 locale" {
	printf '\xc3\x85land\n\xc3\xa5land\nALAND\n\xce\xa3\xce\xbf\xcf\x86\xce\xaf\xce\xb1\n\xcf\x83\xce\xbf\xcf\x86\xce\xaf\xce\xb1\n\xe1\xba\x9e\n\xc3\x9f\nss\n' >u.txt
	# Åland and åland; not ALAND
	utf8 check_args '\xc3\x85land\n\xc3\xa5land\n' --istr-eq '1:\xc3\xa5LAND' u.txt
	utf8 check_args 'ALAND\n\xce\xa3\xce\xbf\xcf\x86\xce\xaf\xce\xb1\n\xcf\x83\xce\xbf\xcf\x86\xce\xaf\xce\xb1\n\xe1\xba\x9e\n\xc3\x9f\nss\n' \
		--istr-ne '1:\xc3\x85LAND' u.txt
	# Σ and σ (and final ς), ẞ and ß (but not ss: one character is one character)
	utf8 check_args '\xce\xa3\xce\xbf\xcf\x86\xce\xaf\xce\xb1\n\xcf\x83\xce\xbf\xcf\x86\xce\xaf\xce\xb1\n' \
		--istr-in-fld '1:\xcf\x82\xce\x9f' u.txt
	utf8 check_args '\xe1\xba\x9e\n\xc3\x9f\n' --istr-eq '1:\xe1\xba\x9e' u.txt
	utf8 check_args '\xe1\xba\x9e\n\xc3\x9f\n' --istr-eq '1:\xc3\x9f' u.txt
	utf8 check_args 'ALAND\nss\n' --istr-not-in-fld '1:\xc3\x85' --istr-not-in-fld '1:\xce\x9f' \
		--istr-not-in-fld '1:\xc3\x9f' u.txt
	# field against field, and invalid bytes compared as bytes
	printf '\xc3\x85\t\xc3\xa5\nA\ta\n\xff\t\xff\n\xff\t\xfe\n\xc3\t\xc3\xa5\n' >ff.tsv
	utf8 check_args '\xc3\x85\t\xc3\xa5\nA\ta\n\xff\t\xff\n' --ff-istr-eq 1:2 ff.tsv
	utf8 check_args '\xff\t\xfe\n\xc3\t\xc3\xa5\n' --ff-istr-ne 1:2 ff.tsv
	check_args 'A\ta\n\xff\t\xff\n' --ff-istr-eq 1:2 ff.tsv
}

@test "tsv-filter's names: --str-in-fld is --contains, --str-not-in-fld --not-contains" {
	vs_mawk 'index($2, "an") > 0' --str-in-fld 2:an
	vs_mawk 'index($2, "an") == 0' --str-not-in-fld 2:an
	vs_mawk 'index($1, "pp") > 0 && index($2, "pp") > 0' --str-in-fld 1,2:pp
}

@test "--not-iregex: no match, ignoring case" {
	vs_mawk 'tolower($1) !~ /^a/' --not-iregex '1:^A'
	vs_mawk 'tolower($2) !~ /an|ze/' --not-iregex '2:AN|Ze'
	vs_mawk '!(tolower($1) !~ /p/ && tolower($2) !~ /p/)' -v --not-iregex 1,2:P
}

@test "--blank, --not-blank: empty or only white space, Unicode's included" {
	# space, TAB, CR, VT, FF; NO-BREAK SPACE (C2 A0), IDEOGRAPHIC SPACE (E3 80 80),
	# EN SPACE (E2 80 82); not ZERO WIDTH SPACE (E2 80 8B), not an invalid byte
	in='1,\n2, \t\r\v\f\n3,\xc2\xa0\xe3\x80\x80\xe2\x80\x82\n4,\xe2\x80\x8b\n5, x \n6,\xa0\n7,\xc2\n'
	check "$in" '1\n2\n3\n' -d , -f 1 --blank 2
	check "$in" '4\n5\n6\n7\n' -d , -f 1 --not-blank 2
	check "$in" '1\n2\n3\n' -d , -f 1 -v --not-blank 2
	# a missing field is empty, so blank
	check 'a\nb,c\n' 'a\n' -d , --blank 2
	check 'a\n' 'a\n' -d , --blank 2-3
}

@test "--is-numeric, --is-finite, --is-nan, --is-infinity" {
	# the issue's examples, NaN and infinity in any case and with a sign, blanks
	# around (as for --eq), and what is not a number
	in='+45\n-.20\n9e+02\n8E-17\nnan\nNaN\n-NAN\ninf\nINF\n-inf\n+Infinity\n 3 \n\t7\n12abc\n\n1e\n.\n-\n0x10\ninfinit\nnanx\n1 2\n'
	check "$in" '+45\n-.20\n9e+02\n8E-17\nnan\nNaN\n-NAN\ninf\nINF\n-inf\n+Infinity\n 3 \n\t7\n' \
		-d , --is-numeric 1
	check "$in" '+45\n-.20\n9e+02\n8E-17\n 3 \n\t7\n' -d , --is-finite 1
	# a number too large for a double reads as infinity: not finite
	check '1e400\n-1e400\n1e300\n' '1e300\n' --is-finite 1
	check "$in" 'nan\nNaN\n-NAN\n' -d , --is-nan 1
	check "$in" 'inf\nINF\n-inf\n+Infinity\n' -d , --is-infinity 1
	check "$in" '12abc\n\n1e\n.\n-\n0x10\ninfinit\nnanx\n1 2\n' -d , -v --is-numeric 1
	# the numeric comparisons still take nan and inf for no number (the man page)
	check 'inf\n5\nnan\n' '5\n' --gt 1:0 --or --lt 1:0 --or --ne 1:1
	# a list
	check '1,x\n1,2\nnan,inf\n' '1,2\nnan,inf\n' -d , --is-numeric 1-2
}

@test "--char-len-*: UTF-8 characters, as -c counts them; --byte-len-*: bytes" {
	vs_mawk 'length($1) <= 4' --byte-len-le 1:4
	vs_mawk 'length($1) < 4' --byte-len-lt 1:4
	vs_mawk 'length($1) >= 5' --byte-len-ge 1:5
	vs_mawk 'length($1) > 5' --byte-len-gt 1:5
	vs_mawk 'length($2) == 0' --byte-len-eq 2:0
	vs_mawk 'length($2) != 1' --byte-len-ne 2:1
	vs_mawk 'length($1) == 5 || length($2) == 5' --or --byte-len-eq 1-2:5
	# été is 3 characters and 5 bytes; an invalid byte is one character, and so is
	# each byte of a cut-short sequence (E2 82); 🎉 (4 bytes) is one
	in='\xc3\xa9t\xc3\xa9\nabc\nab\xff\na\xe2\x82\n\xf0\x9f\x8e\x89\n\n'
	check "$in" '\xc3\xa9t\xc3\xa9\nabc\nab\xff\na\xe2\x82\n' --char-len-eq 1:3
	check "$in" '\xf0\x9f\x8e\x89\n\n' --char-len-ne 1:3
	check "$in" '\xf0\x9f\x8e\x89\n\n' --char-len-lt 1:3
	check "$in" '\xc3\xa9t\xc3\xa9\nabc\nab\xff\na\xe2\x82\n\xf0\x9f\x8e\x89\n\n' --char-len-le 1:3
	check "$in" '' --char-len-gt 1:3
	check "$in" '\xc3\xa9t\xc3\xa9\nabc\nab\xff\na\xe2\x82\n' --char-len-ge 1:2
	check "$in" '\xc3\xa9t\xc3\xa9\n' --byte-len-eq 1:5
	check "$in" '\xf0\x9f\x8e\x89\n' --byte-len-eq 1:4 --char-len-eq 1:1
	# a length is a whole number
	usage_error --char-len-le 1:x
	err_mentions "invalid predicate '--char-len-le 1:x': 'x' is not a length"
	usage_error --byte-len-gt 1:-1
	err_mentions "'-1' is not a length"
	usage_error --byte-len-gt 1:1.5
	usage_error --char-len-eq 1
	err_mentions "expected FIELD:LENGTH"
}

@test "--ff-eq ... --ff-ge: two fields as numbers" {
	# every row's fields 3 and 4 are numbers
	vs_mawk '$3 + 0 == $4 + 0' --ff-eq 3:4
	vs_mawk '$3 + 0 != $4 + 0' --ff-ne 3:4
	vs_mawk '$3 + 0 < $4 + 0' --ff-lt 3:4
	vs_mawk '$3 + 0 <= $4 + 0' --ff-le 3:4
	vs_mawk '$3 + 0 > $4 + 0' --ff-gt 3:4
	vs_mawk '$3 + 0 > $4 + 0' --ff-ge 4:3 -v
	vs_mawk '$3 + 0 < $4 + 0 || $1 == "b"' --or --ff-lt 3:NF --str-eq 1:b
	# a field that is not a number makes them false, --ff-ne too (tsv-filter stops
	# with an error there)
	check '1,x\nx,x\n,\n2,2\n' '' -d , --ff-ne 1:2
	check '1,x\nx,x\n,\n2,2\n' '2,2\n' -d , --ff-eq 1:2
	check '1,x\nx,x\n,\n2,2\n' '1,x\nx,x\n,\n' -d , -v --ff-eq 1:2
}

@test "--ff-str-eq, --ff-str-ne, --ff-istr-eq, --ff-istr-ne: two fields as strings" {
	vs_mawk '$1 == $2' --ff-str-eq 1:2
	vs_mawk '$1 != $2' --ff-str-ne 1:2
	vs_mawk 'tolower($1) == tolower($2)' --ff-istr-eq 1:2
	vs_mawk 'tolower($1) != tolower($2)' --ff-istr-ne 2:1
	vs_mawk '$3 "" == $4 ""' --ff-str-eq 3:4 # 0 and -0 are not the same string
	# a field the record lacks is empty
	check 'a\n\tb\n' 'a\n' --ff-str-eq 2:3
}

@test "--ff-absdiff-le/-gt, --ff-reldiff-le/-gt" {
	vs_mawk 'function abs(x) { return x < 0 ? -x : x } abs($3 - $4) <= 1' --ff-absdiff-le 3:4:1
	vs_mawk 'function abs(x) { return x < 0 ? -x : x } abs($3 - $4) > 1' --ff-absdiff-gt 3:4:1
	vs_mawk 'function abs(x) { return x < 0 ? -x : x } abs($3 - $4) > 0.5' --ff-absdiff-gt 4:3:.5
	# relative to the smaller magnitude: |a - b| / min(|a|, |b|), 0 when equal (no
	# row of t.tsv has a 0 against another number)
	prog='function abs(x) { return x < 0 ? -x : x }
		function m(a, b) { return abs(a) < abs(b) ? abs(a) : abs(b) }
		{ d = abs($3 - $4); r = d == 0 ? 0 : d / m($3, $4) } r OP 0.2'
	vs_mawk "${prog/OP/<=}" --ff-reldiff-le 3:4:0.2
	vs_mawk "${prog/OP/>}" --ff-reldiff-gt 3:4:0.2
	vs_mawk "${prog/OP/>}" --ff-reldiff-gt 4:3:.2
	# equal numbers differ by 0, zeros too; a 0 against another number by infinity
	check '0,0\n0,1\n-0,0\n5,5\n' '0,0\n-0,0\n5,5\n' -d , --ff-reldiff-le 1:2:0
	check '0,0\n0,1\n-0,0\n5,5\n' '0,1\n' -d , --ff-reldiff-gt 1:2:1e300
	# not numbers: false
	check 'a,1\n1,\n' '' -d , --or --ff-absdiff-le 1:2:1e9 --ff-reldiff-le 1:2:1e9
}

@test "field against field: usage errors" {
	usage_error --ff-eq 1
	err_mentions "invalid predicate '--ff-eq 1': expected FIELD1:FIELD2"
	usage_error --ff-eq 1:2:3
	err_mentions "expected FIELD1:FIELD2"
	usage_error --ff-lt 1,2:3
	err_mentions "the fields compared are two single fields"
	usage_error --ff-str-eq 1:2-3
	err_mentions "two single fields"
	usage_error --ff-absdiff-le 1:2
	err_mentions "expected FIELD1:FIELD2:NUMBER"
	usage_error --ff-reldiff-gt 1:2:x
	err_mentions "the difference is not a number"
	usage_error --ff-reldiff-gt 1:2:-1
	err_mentions "the difference must be 0 or more"
	usage_error --ff-absdiff-le 1:2:-0.5
	err_mentions "the difference must be 0 or more"
	usage_error --ff-eq a:2
	err_mentions "field names need -H"
}

@test "--label STR: every record kept, a field added: STR on the header, 1 or 0" {
	in='id\tv\n1\t5\n2\t\n3\t7\n'
	check "$in" 'id\tv\tbig\n1\t5\t0\n2\t\t0\n3\t7\t1\n' -H --ge 2:6 --label big
	check "$in" 'id\tv\tbig\n1\t5\t1\n2\t\t1\n3\t7\t0\n' -H -v --ge 2:6 --label big
	check "$in" 'v\tbig\n5\tno\n\tno\n7\tyes\n' -H -f 2 --ge 2:6 --label big --label-values yes:no
	# no header: STR is not used; --label-values' values may be empty or hold ':'
	check "$in" 'id\tv\tb:c\n1\t5\tb:c\n2\t\t\n3\t7\tb:c\n' --empty 2 --label x --label-values :b:c
	# joined by the output delimiter with fields, else the input's (TAB for -w, -R)
	check 'a b\nc d\n' 'a b 1\nc d 0\n' -d ' ' --str-eq 1:a --label L
	check 'a b\nc d\n' 'b|1\nd|0\n' -w -f 2 -O '|' --str-eq 1:a --label L
	check 'a b\nc d\n' 'a b\t1\nc d\t0\n' -w --str-eq 1:a --label L
	check 'a::b\n' 'a::b::1\n' -d :: --str-eq 1:a --label L
	check 'ab\ncd\n' 'a\t1\nc\t0\n' -c 1 --contains 0:b --label L
	# -s still drops undelimited records; a record without a delimiter is whole
	check 'a,b\nc\n' 'a,1\n' -d , -f 1 -s --str-eq 1:a --label L
	check 'a,b\nc\n' 'a,1\nc,0\n' -d , -f 1 --str-eq 1:a --label L
	# with --or; with -z
	check 'a\0b\0c\0' 'a\t1\0b\t1\0c\t0\0' -z --or --str-eq 1:a --str-eq 1:b --label L
	# a CRLF record keeps its CR last
	check 'a,b\r\nc,d\r\n' 'a,b,1\r\nc,d,0\r\n' -d , --str-eq 1:a --label L
}

@test "--label with --csv: the label a CSV value" {
	in='name,city\nAda,"London, UK"\nBob,Paris\n'
	check "$in" 'name,city,"in, UK"\nAda,"London, UK",1\nBob,Paris,0\n' \
		--csv -H --contains 'city:UK' --label 'in, UK'
	check "$in" 'name\tin\nAda\t1\nBob\t0\n' --csv --tsv-out -H -f name --contains city:UK --label in
}

@test "--label: usage errors" {
	usage_error --label x -f 1
	err_mentions "--label needs a predicate"
	usage_error --label-values a:b --empty 1
	err_mentions "--label-values needs --label"
	usage_error --label x --label-values ab --empty 1
	err_mentions "invalid argument 'ab' for --label-values (expected PASS:FAIL)"
}
