#!/usr/bin/env bats
# -f: field selection.  Expected output written by hand from the spec, or
# GNU cut's where both tools agree (single-byte delimiter, ascending LIST).

load test_helper

# --- delimiters ---------------------------------------------------------

@test "default delimiter is TAB" {
	check 'a\tb\tc\n' 'b\n' -f 2
	check 'a\tb\tc\n' 'a\tc\n' -f 1,3
	check 'a:b\tc\n' 'c\n' -f 2
	vs_cut_str 'a\tb\tc\nx\ty\n' -f 2
}

@test "-d ':' single-byte delimiter, same as cut" {
	check 'a:b:c:d\n' 'a:c\n' -d : -f 1,3
	vs_cut_str 'a:b:c:d\n1:2\n:::\n' -d : -f 1,3-
	vs_cut_str 'a:b:c:d\n1:2\n:::\n' -d: -f2
	vs_cut_str 'a:b:c:d\n' --delimiter=: --fields=2-3
}

@test "-d '::' multi-byte delimiter" {
	check 'a::b::c\n' 'b\n' -d '::' -f 2
	check 'a::b::c\n' 'a::c\n' -d '::' -f 1,3
	# a single ':' is ordinary data
	check 'a:b::c\n' 'a:b\n' -d '::' -f 1
	check 'a::b:\n' 'b:\n' -d '::' -f 2
}

@test "-d '::' with ':::' and '::::' runs splits left to right, non-overlapping" {
	# 'a:::b' -> ['a', ':b']
	check 'a:::b\n' ':b\n' -d '::' -f 2
	check 'a:::b\n' 'a\n' -d '::' -f 1
	check 'a:::b\n' ':b::a\n' -d '::' -f 2,1
	# ':::' -> ['', ':']
	check ':::\n' '\n' -d '::' -f 1
	check ':::\n' ':\n' -d '::' -f 2
	# 'a::::b' -> ['a', '', 'b']
	check 'a::::b\n' 'b\n' -d '::' -f 3
	check 'a::::b\n' '\n' -d '::' -f 2
	check 'a::::b\n' 'a::b\n' -d '::' -f 1,3
	# '::' -> ['', '']
	check '::\n' '::\n' -d '::' -f 1,2
	# ':::::' -> ['', '', ':']
	check ':::::\n' ':\n' -d '::' -f NF
	check ':::::\n' '\n' -d '::' -f 2
}

@test "multi-byte UTF-8 delimiter" {
	# U+2192 RIGHTWARDS ARROW = e2 86 92
	check 'a\xe2\x86\x92b\xe2\x86\x92c\n' 'c\xe2\x86\x92a\n' -d $'\xe2\x86\x92' -f 3,1
	# a lone lead byte of the delimiter is data
	check 'a\xe2b\xe2\x86\x92c\n' 'a\xe2b\n' -d $'\xe2\x86\x92' -f 1
}

@test "-d '\\t' -d '\\x2c' -d '\\x9' escapes" {
	check 'a\tb\tc\n' 'b\n' -d '\t' -f 2
	check 'a,b,c\n' 'a,c\n' -d '\x2c' -f 1,3
	check 'a\tb\tc\n' 'c\n' -d '\x9' -f 3
	check 'a\\b\\c\n' 'b\n' -d '\\' -f 2
	# a single trailing backslash is literal
	check 'a\\b\\c\n' 'c\n' -d '\' -f 3
	check 'a\rb\n' 'b\n' -d '\r' -f 2
}

@test "-d '' and -d '\\0' mean the NUL byte" {
	check 'a\0b\0c\n' 'b\n' -d '' -f 2
	check 'a\0b\0c\n' 'a\0c\n' -d '' -f 1,3
	check 'a\0b\0c\n' 'c\0a\n' -d '\0' -f 3,1
	check 'abc\n' 'abc\n' -d '' -f 2
	check 'abc\n' '' -d '' -f 2 -s
}

# --- ordering -----------------------------------------------------------

@test "fields are written in LIST order: -f 3,1" {
	check 'a:b:c:d\n' 'c:a\n' -d : -f 3,1
	check 'a:b:c:d\n' 'd:b:c:a\n' -d : -f 4,2-3,1
}

@test "overlapping items merge, nothing twice: -f 1-3,2 and -f 2,2" {
	check 'a:b:c:d\n' 'a:b:c\n' -d : -f 1-3,2
	check 'a:b:c:d\n' 'b\n' -d : -f 2,2
	check 'a:b:c:d\n' 'b:a\n' -d : -f 2,1,2
}

@test "overlapping group is written ascending at first member: -f 3,1-4" {
	check 'a:b:c:d:e\n' 'a:b:c:d\n' -d : -f 3,1-4
	check 'a:b:c:d:e\n' 'e:a:b:c:d\n' -d : -f 5,3,1-4
	check 'a:b:c:d:e\n' 'd:a:b:c\n' -d : -f 4,1-2,2-3
}

@test "overlap merges transitively" {
	# 1-2 ~ 2-4 ~ 4: one group 1..4, placed where 1-2 is (after 5)
	check 'a:b:c:d:e\n' 'e:a:b:c:d\n' -d : -f 5,1-2,4,2-4
	# 4 and 2 both lie in 1-5: one group at the position of 4
	check 'a:b:c:d:e:f\n' 'f:a:b:c:d:e\n' -d : -f 6,4,2,1-5
}

@test "touching items stay separate: -f 3,1-2" {
	check 'a:b:c:d\n' 'c:a:b\n' -d : -f 3,1-2
	check 'a:b:c:d\n' 'c:d:a:b\n' -d : -f 3-4,1-2
}

# --- NF forms -----------------------------------------------------------

@test "NF, NF-k, 2-NF, NF-2-NF, NF-1-" {
	check 'a:b:c:d\n' 'd\n' -d : -f NF
	check 'a:b:c:d\n' 'c\n' -d : -f NF-1
	check 'a:b:c:d\n' 'b:c:d\n' -d : -f 2-NF
	check 'a:b:c:d\n' 'b:c:d\n' -d : -f NF-2-NF
	check 'a:b:c:d\n' 'c:d\n' -d : -f NF-1-
	check 'a:b:c:d\n' 'd:a\n' -d : -f NF,1
	check 'a:b:c:d:e\n' 'b:c:d\n' -d : -f NF-3-NF-1
}

@test "NF is resolved per record" {
	check 'a:b\nx:y:z\np\n' 'b\nz\np\n' -d : -f NF
	check 'a:b\nx:y:z\n' 'a\nx:y\n' -d : -f 1-NF-1
	# NF-2 is the field NF-2, never a range
	check '1:2:3:4:5\n' '3\n' -d : -f NF-2
}

@test "NF bounds before 1 are clipped, NF-k with k >= NF names nothing" {
	check 'a:b:c\n' 'a:b:c\n' -d : -f NF-5-NF
	check 'a:b:c\n' '\n' -d : -f NF-3
	check 'a:b:c\n' '\n' -d : -f NF-7
	check 'a:b:c\n' 'a\n' -d : -f NF-3,1
}

@test "NF overlapping a numbered item merges per record" {
	# on 'a:b' NF=2 lies in 1-2: one group, in place of NF
	check 'a:b\na:b:c\n' 'a:b\nc:a:b\n' -d : -f NF,1-2
}

@test "huge field numbers are accepted" {
	check 'a:b\n' 'a\n' -d : -f 1,9223372036854775807
	check 'a:b\n' 'b\n' -d : -f 2-9223372036854775807
}

# --- fields past the end, undelimited and empty records -------------------

@test "a field past the end is empty and adds no delimiter" {
	check 'a\tb\n' 'a\n' -f 1,5
	check 'a\tb\n' '\n' -f 5
	check 'a\tb\n' 'a\n' -f 5,1
	check 'a\tb\n' 'b\ta\n' -f 2,5,1
	vs_cut_str 'a\tb\n' -f 1,5
	vs_cut_str 'a\tb\n' -f 3-
}

@test "records without the delimiter are printed whole, dropped with -s" {
	check 'abc\na:b\n' 'abc\nb\n' -d : -f 2
	check 'abc\na:b\n' 'b\n' -d : -f 2 -s
	check 'abc\na:b\n' 'b\n' -d : -f 2 --only-delimited
	check 'a:b\n' 'a:b\n' -d '::' -f 2
	vs_cut_str 'abc\na:b\nxyz\n' -d : -f 2 -s
}

@test "empty records: printed empty, dropped with -s" {
	check '\na:b\n\n' '\na\n\n' -d : -f 1
	check '\na:b\n\n' 'a\n' -d : -f 1 -s
	check '\n' '\n' -f 2
	vs_cut_str '\n\na\tb\n\n' -f 2
	vs_cut_str '\n\na\tb\n\n' -f 2 -s
}

@test "empty input writes nothing" {
	check '' '' -f 1
	check '' '' -d : -f 1 -s
}

# --- --complement ---------------------------------------------------------

@test "--complement writes the other fields in input order" {
	check 'a:b:c:d:e\n' 'a:c:e\n' -d : -f 2,4 --complement
	check 'a:b:c:d:e\n' 'a:c:e\n' -d : -f 4,2 --complement
	check 'a:b:c:d:e\n' 'a:d:e\n' -d : -f 2-3 --complement
	check 'a:b:c:d:e\n' 'a:b:c:d\n' -d : -f NF --complement
	check 'a:b:c\nx\n' 'c\nx\n' -d : -f 1-2 --complement
	check 'a:b:c\nx\n' 'c\n' -d : -f 1-2 --complement -s
	vs_cut_str 'a:b:c:d:e\n1:2\n\nq\n' -d : -f 2,4- --complement
	vs_cut_str 'a:b:c:d:e\n1:2\n\nq\n' -d : -f 2,4- --complement -s
}

@test "--complement with a multi-byte delimiter and -O" {
	check 'a::b::c\n' 'a::c\n' -d '::' -f 2 --complement
	check 'a::b::c\n' 'a,c\n' -d '::' -f 2 --complement -O ,
}

# --- -O / --output-delimiter -------------------------------------------

@test "-O sets the output delimiter" {
	check 'a:b:c\n' 'a, c\n' -d : -f 1,3 -O ', '
	check 'a:b:c\n' 'c|b|a\n' -d : -f 3,2,1 --output-delimiter='|'
	check 'a:b:c\n' 'b\n' -d : -f 2 -O XYZ
	vs_cut_str 'a:b:c:d\n\nx\n' -d : -f 1,3- --output-delimiter=XY
}

@test "-O '' writes a NUL byte" {
	check 'a:b:c\n' 'a\0c\n' -d : -f 1,3 -O ''
	check 'a:b:c\n' 'a\0b\0c\n' -d : -f 1- --output-delimiter=
}

@test "-O escapes" {
	check 'a:b\n' 'a\tb\n' -d : -f 1,2 -O '\t'
	check 'a:b\n' 'a\0b\n' -d : -f 1,2 -O '\0'
	check 'a:b\n' 'a\\b\n' -d : -f 1,2 -O '\\'
	check 'a:b\n' 'a,b\n' -d : -f 1,2 -O '\x2c'
	check 'a:b\n' 'a\nb\n' -d : -f 1,2 -O '\n'
	check 'a:b\n' 'a\r\nb\n' -d : -f 1,2 -O '\r\n'
	# \xHH takes at most two hex digits
	check 'a:b\n' 'aABb\n' -d : -f 1,2 -O '\x41B'
	check 'a:b\n' 'a\tb\n' -d : -f 1,2 -O '\x9'
	check 'a:b\n' 'a\xffb\n' -d : -f 1,2 -O '\xff'
	# a single trailing backslash is literal
	check 'a:b\n' 'a-\\b\n' -d : -f 1,2 -O '-\'
}

# --- -z -----------------------------------------------------------------

@test "-z: NUL-terminated records in and out" {
	check 'a:b\0c:d\0' 'b\0d\0' -z -d : -f 2
	check 'a\nb:c\0' 'a\nb\0' -z -d : -f 1
	check 'a:b\nc:d\0' 'b\nc\0' -z -d : -f 2
	# no final NUL: one is added
	check 'a:b\0c:d' 'b\0d\0' -z -d : -f 2
	check 'x\0\0a:b\0' 'x\0\0b\0' --zero-terminated -d : -f 2
	check 'x\0\0a:b\0' 'b\0' -z -d : -f 2 -s
	printf 'a:b:c\0\0d\0e:f\nx:y\0' >"$BATS_TEST_TMPDIR/z.in"
	vs_cut "$BATS_TEST_TMPDIR/z.in" -z -d : -f 2-
	vs_cut "$BATS_TEST_TMPDIR/z.in" -z -d : -f 1,3 -s
}

# --- record framing -----------------------------------------------------

@test "a last record without newline is written with one" {
	check 'a:b\nc:d' 'b\nd\n' -d : -f 2
	check 'a:b' 'a\n' -d : -f 1
	check 'abc' 'abc\n' -d : -f 1
	check 'abc' '' -d : -f 1 -s
	vs_cut_str 'a\tb\nc\td' -f 2
}

@test "CRLF: the CR stays part of the last field" {
	check 'a:b\r\nc:d\r\n' 'b\r\nd\r\n' -d : -f 2
	check 'a:b\r\nc:d\r\n' 'a\nc\n' -d : -f 1
	check 'a:b\r\n' 'b\r:a\n' -d : -f 2,1
	check 'a:b\r\n' 'b\r\n' -d : -f NF
	check 'ab\r\n' 'ab\r\n' -d : -f 2
	vs_cut_str 'a:b:c\r\nd:e\r\n\r\n' -d : -f 1,3
}

@test "NUL bytes inside fields are data" {
	check 'a\0x:b\0y\n' 'b\0y\n' -d : -f 2
	check 'a\0x:b\0y\n' 'b\0y:a\0x\n' -d : -f 2,1
	vs_cut_str '\0:\0\0:a\0\n\0\n' -d : -f 2-
}

@test "invalid UTF-8 bytes pass through untouched" {
	check '\xff:\xc3\x28:\xe2\x82\n' '\xe2\x82:\xff\n' -d : -f 3,1
	check '\xc0\x80:\xed\xa0\x80\n' '\xed\xa0\x80\n' -d : -f 2
	check '\xfe\xff\n' '\xfe\xff\n' -d : -f 2
	vs_cut_str '\xff:\xc3\x28:\xe2\x82\n\x80\x80\n' -d : -f 2-
}

@test "several FILE operands and '-' are read in order" {
	local d=$BATS_TEST_TMPDIR
	printf 'a:1\n' >"$d/f1"
	printf 'b:2' >"$d/f2"
	printf 'c:3\n' >"$d/f3"
	printf '1\n2\n3\n' >"$d/exp"
	zb -d : -f 2 "$d/f1" - "$d/f3" <"$d/f2" >"$d/out"
	same_bytes "$d/exp" "$d/out"
}

@test "-NF and -NF-1 (-M with an NF form)" {
	check 'a:b:c:d\n' 'a:b:c:d\n' -d : -f -NF
	check 'a:b:c:d\nx:y\n' 'a:b:c\nx\n' -d : -f -NF-1
}

@test "a range from N to NF is empty on records with fewer than N fields" {
	check 'a:b\na:b:c:d\n' '\nc:d\n' -d : -f 3-NF
	check 'a:b:c:d:e\n' '\n' -d : -f NF-1-2
	check 'a:b\n' 'a:b\n' -d : -f NF-1-2
}

@test "escape edge cases in -d and -O" {
	# '\\' then a trailing '\': two backslashes
	check 'a\\\\b\\\\c\n' 'b\n' -d '\\\' -f 2
	# \x takes 1-2 hex digits: \x4 then 'g'
	check 'a:b\n' 'a\x04gb\n' -d : -f 1,2 -O '\x4g'
	check 'a:b\n' 'a\x1fb\n' -d : -f 1,2 -O '\x1F'
}

@test "a 3 MB record: same as cut" {
	"$AWK" 'BEGIN { for (i = 0; i < 300000; i++) printf "f%05d:xyz", i % 100000; printf "\n" }' >"$BATS_TEST_TMPDIR/big"
	vs_cut "$BATS_TEST_TMPDIR/big" -d : -f 2,299999-
	vs_cut "$BATS_TEST_TMPDIR/big" -b 5-10,2999990-
}

# many_files DIR: DIR/0 .. DIR/299 holding x:0 .. x:299 (untraced: 300 commands
# under bats' trap cost a tenth of a second).
many_files() {
	local i
	for ((i = 0; i < 300; i++)); do printf 'x:%d\n' "$i" >"$1/$i"; done
}

@test "many FILE operands: each is closed after use" {
	local d=$BATS_TEST_TMPDIR i
	mkdir "$d/many"
	untraced many_files "$d/many"
	seq 0 299 >"$d/exp"
	(
		ulimit -n 32
		cd "$d/many"
		"$ZBSPLIT" -d : -f 2 $(seq 0 299) >"$d/out"
	)
	same_bytes "$d/exp" "$d/out"
}

@test "'-' twice: stdin is read once, then is at end of file" {
	local d=$BATS_TEST_TMPDIR
	printf 'a:1\nb:2\n' >"$d/in"
	printf '1\n2\n' >"$d/exp"
	"$ZBSPLIT" -d : -f 2 - - <"$d/in" >"$d/out"
	same_bytes "$d/exp" "$d/out"
}

@test "NF-k with huge k is clipped or names nothing" {
	check 'a:b:c\n' 'a:b:c\n' -d : -f NF-9223372036854775807-NF
	check 'a:b:c\n' '\n' -d : -f NF-9223372036854775807
}

@test "overlap is decided by the numbers items name, with or without NF items" {
	# 22 and 5-30 overlap as numbers, so their group goes first even in a short record;
	# an item naming nothing (NF-99) must not change that
	check 'abcdefghij\n' 'efghij,a\n' -b 22,1,5-30 -O,
	check 'abcdefghij\n' 'efghij,a\n' -b 22,1,5-30,NF-99 -O,
	check 'a\tb\tc\n' 'c\ta\tb\n' -f 4-9,1-2,3-4
	check 'a\tb\tc\n' 'c\ta\tb\n' -f 4-9,1-2,3-4,NF-99
	# NF-5 lies before field 1 in a 3-field record: NF-5-1 does not overlap 3
	check 'a\tb\tc\n' 'c\ta\n' -f 3,NF-5-1
	check 'a\tb\tc\n' 'a\tb\tc\n' -f NF-5-NF,1
}

@test "fields counted from NF agree with awk's \$NF and \$(NF-k), on short and long records" {
	# 6 to 80 fields a record, some empty: awk numbers them as zbsplit does
	"$AWK" 'BEGIN { srand(11); for (i = 0; i < 3000; i++) { n = 6 + int(rand() * 75); s = "";
		for (j = 1; j <= n; j++) s = s (j > 1 ? "\t" : "") substr("abcdefgh", 1, int(rand() * 4));
		print s } }' >"$BATS_TEST_TMPDIR/in"
	"$AWK" -F'\t' '{ print $NF }' "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/exp1"
	check_file "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/exp1" -f NF
	"$AWK" -F'\t' '{ print $(NF-2) "\t" $NF }' "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/exp2"
	check_file "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/exp2" -f NF-2,NF
	"$AWK" -F'\t' '{ print $NF ":" $(NF-5) ":" $(NF-4) }' "$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/exp3"
	check_file "$BATS_TEST_TMPDIR/in" "$BATS_TEST_TMPDIR/exp3" -f NF,NF-5-NF-4 -O :
}
