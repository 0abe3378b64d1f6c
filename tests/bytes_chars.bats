#!/usr/bin/env bats
# -b, -b -n and -c.  References: GNU cut for -b (and -c on ASCII), hand-written
# expectations from the spec for -n, UTF-8 and descending lists.

load test_helper

# --- -b -----------------------------------------------------------------

@test "-b ascending lists: same as cut" {
	local in='abcdef\n\nxy\na\r\n\0b\0\n'
	vs_cut_str "$in" -b 2-4
	vs_cut_str "$in" -b 1,3
	vs_cut_str "$in" -b 3-
	vs_cut_str "$in" -b -2
	vs_cut_str "$in" -b 1,3-4,6
	vs_cut_str "$in" -b 1-3,2-5
	vs_cut_str "$in" --bytes=2,9
	check 'abcdef\n' 'bcd\n' -b 2-4
}

@test "-b writes bytes in LIST order, overlapping items merged" {
	check 'abcdef\n' 'ca\n' -b 3,1
	check 'abcdef\n' 'abc\n' -b 1-3,2
	check 'abcdef\n' 'fbcd\n' -b 6,2-3,3-4
	check 'abcdef\n' 'efab\n' -b 5-,1-2
}

@test "-b --output-delimiter between separate ranges only" {
	check 'abcdef\n' 'a:c\n' -b 1,3 -O :
	check 'abcdef\n' 'e:ab\n' -b 5,1-2 -O :
	# overlapping: one range, no delimiter
	check 'abcdef\n' 'abcdef\n' -b 1-3,2- -O :
	# touching: separate ranges
	check 'abcdef\n' 'ab:cd\n' -b 1-2,3-4 -O :
	check 'abcdef\n' 'cd::ab\n' -b 3-4,1-2 -O ::
	check 'abcdef\n' 'a\0c\n' -b 1,3 -O ''
	vs_cut_str 'abcdef\nab\n\nabcdefghij\n' -b 1-2,3-4 --output-delimiter=:
	vs_cut_str 'abcdef\nab\n\nabcdefghij\n' -b 1,3,5- --output-delimiter=XY
	vs_cut_str 'abcdef\nab\n\nabcdefghij\n' -b 1-2,2-4,6 --output-delimiter=:
	vs_cut_str 'abcdef\nab\n' -b 1,5 --output-delimiter=:
}

@test "-b with NF forms" {
	check 'abc\r\n' '\r\n' -b NF
	check 'abcd\n' 'cd\n' -b NF-1-
	check 'abcd\nxyzzy\n' 'a\nxy\n' -b 1-NF-3
	check 'abcd\n' 'da\n' -b NF,1
}

@test "-b: empty records, missing final newline, -z" {
	check '\n\nab' '\n\nb\n' -b 2
	check 'ab\0cd\0' 'b\0d\0' -z -b 2
	vs_cut_str 'ab\ncd\0efg\0\0h' -z -b 2-
}

# --- -b -n --------------------------------------------------------------

@test "-b -n: a character is written whole when its last byte is selected" {
	# e9 = C3 A9
	check '\xc3\xa9\n' '\n' -b 1 -n
	check '\xc3\xa9\n' '\xc3\xa9\n' -b 2 -n
	check '\xc3\xa9\n' '\xc3\xa9\n' -b 1-2 -n
	# a e9 b = 61 C3 A9 62
	check 'a\xc3\xa9b\n' '\n' -b 2 -n
	check 'a\xc3\xa9b\n' '\xc3\xa9\n' -b 3 -n
	check 'a\xc3\xa9b\n' 'a\n' -b 1-2 -n
	check 'a\xc3\xa9b\n' '\xc3\xa9b\n' -b 2- -n
	check 'a\xc3\xa9b\n' 'ab\n' -b 1,4 -n
	check 'a\xc3\xa9b\n' 'b\xc3\xa9\n' -b 4,3 -n
}

@test "-b -n with 3- and 4-byte characters" {
	# euro sign E2 82 AC
	check '\xe2\x82\xac\n' '\n' -b 1-2 -n
	check '\xe2\x82\xac\n' '\xe2\x82\xac\n' -b 3 -n
	check '\xe2\x82\xac\n' '\xe2\x82\xac\n' -b 2-3 -n
	# U+1F600 F0 9F 98 80
	check 'x\xf0\x9f\x98\x80y\n' 'x\n' -b 1-4 -n
	check 'x\xf0\x9f\x98\x80y\n' '\xf0\x9f\x98\x80\n' -b 5 -n
	check 'x\xf0\x9f\x98\x80y\n' '\xf0\x9f\x98\x80y\n' -b 3- -n
}

@test "-b -n: invalid bytes are one-byte characters" {
	check '\xffa\n' '\xff\n' -b 1 -n
	check 'a\xe2\x82\n' '\xe2\n' -b 2 -n
	check 'a\xe2\x82\n' '\x82\n' -b 3 -n
	check '\xc0\x80\n' '\xc0\n' -b 1 -n
}

@test "-b -n with --output-delimiter and --complement" {
	check 'a\xc3\xa9bc\n' 'a:bc\n' -b 1,4-5 -n -O :
	check 'a\xc3\xa9bc\n' 'a:\xc3\xa9\n' -b 1,3 -n -O :
	# complement of 2 = bytes 1,3,4: byte 3 ends e9
	check 'a\xc3\xa9b\n' 'a\xc3\xa9b\n' -b 2 --complement -n
	# complement of 3 = bytes 1,2,4: byte 2 does not end e9
	check 'a\xc3\xa9b\n' 'ab\n' -b 3 --complement -n
}

# --- -c -----------------------------------------------------------------

@test "-c on ASCII: same as cut" {
	local in='abcdef\n\nxy\n'
	vs_cut_str "$in" -c 2-4
	vs_cut_str "$in" -c 1,3,5-
	vs_cut_str "$in" --characters=-3 --output-delimiter=:
	vs_cut_str "$in" -c 1-2,3-4 --output-delimiter=:
}

@test "-c counts UTF-8 characters of 1, 2, 3 and 4 bytes" {
	# a e9 euro U+1F600 b
	local s='a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80b\n'
	check "$s" '\xc3\xa9\n' -c 2
	check "$s" '\xe2\x82\xac\n' -c 3
	check "$s" '\xf0\x9f\x98\x80\n' -c 4
	check "$s" 'b\n' -c 5
	check "$s" 'b\n' -c NF
	check "$s" '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\n' -c 2-4
	check "$s" '\xf0\x9f\x98\x80\xc3\xa9\n' -c 4,2
	check "$s" 'a:b\n' -c 1,5 -O :
	check "$s" 'a\xc3\xa9:\xe2\x82\xac\xf0\x9f\x98\x80\n' -c 1-2,3-4 -O :
	check "$s" 'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80b\n' -c 1-3,2-
	check 'a\xc3\xa9\n' 'a\n' -c 1,5 -O :
}

@test "-c: valid edge code points are single characters" {
	check 'X\xef\xbf\xbfY\n' '\xef\xbf\xbf\n' -c 2
	check 'X\xf4\x8f\xbf\xbfY\n' '\xf4\x8f\xbf\xbf\n' -c 2
	check 'X\xed\x9f\xbfY\n' 'Y\n' -c 3
	check 'X\xee\x80\x80Y\n' 'Y\n' -c 3
	check 'X\xc2\x80Y\n' '\xc2\x80\n' -c 2
	check '\0\xc3\xa9\n' '\xc3\xa9\n' -c 2
}

@test "-c: each invalid byte counts as one character" {
	check '\xffa\n' '\xff\n' -c 1
	check '\xffa\n' 'a\n' -c 2
	check '\x80\x80a\n' 'a\n' -c 3
	# truncated sequence at the end of the record: 2 characters
	check 'x\xe2\x82\n' '\xe2\n' -c 2
	check 'x\xe2\x82\n' '\x82\n' -c 3
	check 'x\xe2\x82\n' '\x82\n' -c NF
	check 'x\xe2\x82\n' '\xe2\x82\n' -c 2-
	# truncated sequence before a valid character
	check '\xe2\x82a\n' 'a\n' -c 3
	check '\xc3a\n' 'a\n' -c 2
	# overlong C0 80: 2 characters
	check '\xc0\x80b\n' '\x80\n' -c 2
	check '\xc0\x80b\n' 'b\n' -c 3
	# overlong E0 80 80: 3 characters
	check '\xe0\x80\x80b\n' 'b\n' -c 4
	# surrogate ED A0 80: 3 characters
	check '\xed\xa0\x80b\n' '\x80\n' -c 3
	check '\xed\xa0\x80b\n' 'b\n' -c 4
	# above U+10FFFF: 4 characters
	check '\xf4\x90\x80\x80b\n' 'b\n' -c 5
	# truncated sequence at the end of a record without newline
	check 'ab\n\xe2\x82' 'b\n\x82\n' -c 2
}

@test "-c with -z and CRLF" {
	check 'a\xc3\xa9\0b\xe2\x82\xac\0' '\xc3\xa9\0\xe2\x82\xac\0' -z -c 2
	check '\xc3\xa9\r\n' '\r\n' -c 2
}

# --- --complement -------------------------------------------------------

@test "-b --complement, with and without -O: same as cut" {
	local in='abcdef\n\nab\nabcdefghij\n'
	check 'abcdef\n' 'adef\n' -b 2-3 --complement
	check 'abcdef\n' 'a:c:ef\n' -b 2,4 --complement -O :
	check 'abcdef\n' 'a:c:ef\n' -b 4,2 --complement -O :
	vs_cut_str "$in" -b 2-3 --complement
	vs_cut_str "$in" -b 2,4 --complement --output-delimiter=:
	vs_cut_str "$in" -b 1-2,4- --complement --output-delimiter=:
	vs_cut_str "$in" -b 3-4 --complement --output-delimiter=::
}

@test "-c --complement, with and without -O" {
	local s='a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80b\n'
	check 'a\xc3\xa9\xe2\x82\xacb\n' 'a\xe2\x82\xacb\n' -c 2 --complement
	check 'a\xc3\xa9\xe2\x82\xacb\n' 'a:\xe2\x82\xacb\n' -c 2 --complement -O :
	check "$s" 'a:\xe2\x82\xac:b\n' -c 2,4 --complement -O :
	check "$s" 'a\xc3\xa9\n' -c 3- --complement
}

@test "-c and -b -n on long mixed lines: ASCII runs and multi-byte characters at every position" {
	cd "$BATS_TEST_TMPDIR"
	# awk builds each line from a list of known characters and writes, beside it,
	# the characters 2-20 and 9-40 joined: the expected output, made independently
	"$AWK" 'BEGIN { srand(5); split("a b c \303\251 \344\270\255 \360\237\216\211 x y z", pool, " ");
		for (i = 0; i < 2000; i++) {
			n = int(rand() * 70); line = ""; e1 = ""; e2 = "";
			for (j = 1; j <= n; j++) {
				r = rand(); c = r < 0.7 ? pool[1 + int(rand() * 3)] : pool[4 + int(rand() * 6)];
				line = line c
				if (j >= 2 && j <= 20) e1 = e1 c
				if (j >= 9 && j <= 40) e2 = e2 c
			}
			print line > "in"; print e1 > "exp1"; print e2 > "exp2"
		} }'
	check_file in exp1 -c 2-20
	check_file in exp2 -c 9-40
	# pure ASCII lines: -b -n selects exactly what -b does
	"$AWK" 'BEGIN { for (i = 0; i < 500; i++) { s = ""; for (j = 0; j < i % 90; j++) s = s "k"; print s } }' >ascii
	cut -b 3-47 ascii >exp3
	check_file ascii exp3 -b 3-47 -n
}
