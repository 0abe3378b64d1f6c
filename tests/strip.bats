#!/usr/bin/env bats
# -t/--strip[=CHARS], --lstrip[=CHARS], --rstrip[=CHARS] (issue 4).
# Expected output written by hand from the spec.

load test_helper

# --- default set: ASCII whitespace ----------------------------------------

@test "-t strips ASCII whitespace from both ends of the selected field" {
	check 'a\t  b  \tc\n' 'b\n' -t -f 2
	check 'a\t  b  \tc\n' '  b  \n' -f 2
	# interior blanks stay
	check 'a\t x  y \tc\n' 'x  y\n' -t -f 2
	# space, TAB, CR, VT, FF all go (TAB inside a ',' field)
	check ' \t\r\v\fx y\f\v\r\t ,b\n' 'x y\n' -d , -t -f 1
	check ' \t\r\v\fx y\f\v\r\t ,b\n' 'x y\n' -d , --strip -f 1
	# a field of whitespace only becomes empty
	check 'a, \t ,c\n' 'a,,c\n' -d , -t -f 1-3
}

@test "-t strips every selected field separately, delimiters stay" {
	check ' a , b , c \n' 'a,b,c\n' -d , -t -f 1-3
	check ' a , b , c \n' 'c,a\n' -d , -t -f 3,1
	check ' a , b , c \n' 'b:c:a\n' -d , -t -f 2-,1 -O :
	check ' a , b , c \n' 'b\n' -d , -t -f 1,3 --complement
}

@test "-t with -z also strips newlines" {
	check '\n a \n,b\0' 'a\0' -z -d , -t -f 1
	check '\n a \n,b\0' '\n a \n\0' -z -d , -f 1
}

@test "--lstrip and --rstrip strip one side" {
	check 'a\t  b  \n' 'b  \n' --lstrip -f 2
	check 'a\t  b  \n' '  b\n' --rstrip -f 2
	check 'a\t  b  \n' 'b\n' --lstrip --rstrip -f 2
	check ' a , b \n' 'a ,b \n' -d , --lstrip -f 1,2
	check ' a , b \n' ' a, b\n' -d , --rstrip -f 1,2
}

# --- CHARS ----------------------------------------------------------------

@test "--strip=CHARS, --lstrip=CHARS, --rstrip=CHARS" {
	check '.,a.b,.:,x,\n' 'a.b:x\n' -d : --strip=., -f 1,2
	check '.,a.b,.:,x,\n' 'a.b:x\n' -d : --strip=,., -f 1,2
	check 'xxaxx\tb\n' 'axx\n' --lstrip=x -f 1
	check 'xxaxx\tb\n' 'xxa\n' --rstrip=x -f 1
	check 'xyaxy\tb\n' 'a\n' --strip=yx -f 1
	# only CHARS go, whitespace stays
	check ' xax \tb\n' ' xax \n' --strip=x -f 1
	check 'x a x\tb\n' ' a \n' --strip=x -f 1
}

@test "-t takes CHARS attached only: -t.," {
	check '.,a.b,.:,x,\n' 'a.b:x\n' -d : -t., -f 1,2
	check 'xxaxx\tb\n' 'a\n' -tx -f 1
	# -t followed by a separate word: whitespace, and the word is an operand
	# or the next option
	check '  a  \tb\n' 'a\n' -t -f 1
	cd "$BATS_TEST_TMPDIR"
	printf ' x \tb\n' >x
	check_args 'x\n' -f 1 -t x
}

@test "CHARS escapes: \\t \\x2c \\\\ \\0 \\r" {
	check '\ta\t,b\n' 'a\n' -d , --strip='\t' -f 1
	check ',a,;b\n' 'a;b\n' -d ';' --strip='\x2c' -f 1,2
	check ',a,;b\n' 'a;b\n' -d ';' -t'\x2c' -f 1,2
	check '\\\\a\\\tb\n' 'a\n' --strip='\\' -f 1
	check '\0a\0\0\tb\n' 'a\n' --strip='\0' -f 1
	check 'a\tb\r\r\n' 'b\n' --rstrip='\r' -f 2
	# the escape names one byte: 'x' and '2' and 'c' are not stripped
	check 'x2ca\tb\n' 'x2ca\n' --strip='\x2c' -f 1
}

@test "a later strip option overrides an earlier one for the same side" {
	# --strip=x then --strip=y: y on both sides
	check 'xyaxy\tb\n' 'xyax\n' --strip=x --strip=y -f 1
	# --strip=x then --lstrip=y: left y, right x
	check 'yxayx\tb\n' 'xay\n' --strip=x --lstrip=y -f 1
	# --lstrip=y then --strip=x: x on both sides
	check 'yxayx\tb\n' 'yxay\n' --lstrip=y --strip=x -f 1
	# -t then --rstrip=x: whitespace on the left, x on the right
	check ' a x\tb\n' 'a \n' -t --rstrip=x -f 1
	# --rstrip=x then -t: whitespace on both sides
	check ' a x\tb\n' 'a x\n' --rstrip=x -t -f 1
	# -t. then -t,: only ','
	check '.,a,.\tb\n' '.,a,.\n' -t. -t, -f 1
	check ',.a.,\tb\n' '.a.\n' -t. -t, -f 1
}

# --- CRLF, undelimited records --------------------------------------------

@test "CRLF input: -t removes the trailing CR of the last field" {
	check 'a\tb\r\n' 'b\n' -t -f 2
	check 'a\tb \r\n' 'b\ta\n' -t -f 2,1
	check 'a\tb\r\n' 'b\r\n' -f 2
	check 'a\tb\r\n' 'b\n' --rstrip -f 2
	check 'a\tb\r\n' 'b\r\n' --lstrip -f 2
	# CHARS without \r keep it
	check 'a\tbx\r\n' 'bx\r\n' --strip=x -f 2
}

@test "a record with no delimiter, written whole, is stripped too" {
	check '  abc  \na\tb\n' 'abc\nb\n' -t -f 2
	check '  abc  \na\tb\n' 'b\n' -t -f 2 -s
	check 'xxabcx\n' 'abc\n' --strip=x -f 3
	check '  abc  \r\n' 'abc  \r\n' --lstrip -f 2
	check ' abc \n' 'abc\n' -w -t -f 2
}

# --- strip with -F, -b, -c, -w, -R ----------------------------------------

@test "strip with -F" {
	check '"a" "b"  "c"\n' 'c a\n' -F 3,1 --strip='"'
	check ' a , b ,c\n' 'b a\n' -F 2,1 -d , -t
	check ' a , b ,c\n' ' b   a \n' -F 2,1 -d ,
}

@test "strip with -b: every selected range" {
	# '  ab  cd  ' is 10 bytes
	check '  ab  cd  \n' 'ab\n' -b 1-5 -t
	check '  ab  cd  \n' 'ab|cd\n' -b 1-4,7-10 -O '|' -t
	check '  ab  cd  \n' 'abcd\n' -b 1-4,7-10 -t
	check '  ab  cd  \n' 'cd|ab\n' -b 7-10,1-4 -O '|' -t
	# overlapping items merge into one range, stripped once as a whole
	check '  ab  cd  \n' 'ab  cd\n' -b 1-6,5-10 -t
	# --complement: the gaps ' ab' and 'cd ' (bytes 1-3, 6-8) are the ranges
	check ' ab  cd \n' 'ab|cd\n' -b 4-5 --complement -O '|' -t
	check 'xxaxx\n' 'axx\n' -b 1- --lstrip=x
	check 'a\tb \r\n' 'a\tb\n' -b 1- -t
}

@test "strip with -c: every selected range, UTF-8 aware" {
	check ' \xc3\xa9 x \n' '\xc3\xa9\n' -c 1-3 -t
	check ' \xc3\xa9 x \n' '\xc3\xa9,x\n' -c 1-2,4- -O , -t
	check '..\xe2\x82\xac..\n' '\xe2\x82\xac\n' -c 2-4 --strip=.
}

@test "strip with -w and -R" {
	check 'a, b ,c\n' 'b\n' -R , -t -f 2
	check 'a, b ,c\n' ' b \n' -R , -f 2
	check 'a ..b.. c\n' 'b\n' -w -f 2 -t.
}

# --- strip and filters ----------------------------------------------------

@test "filters see the stripped value" {
	check 'a\t x \nb\tx\nc\ty\n' 'a\nb\n' -t --str-eq 2:x -f 1
	check 'a\t x \nb\tx\nc\ty\n' 'b\n' --str-eq 2:x -f 1
	check 'a\t x \nb\tx\nc\ty\n' 'a\n' --str-eq '2: x ' -f 1
	check 'a\t x \nb\tx \nc\t x\n' 'a\nc\n' --rstrip --str-eq '2: x' -f 1
	check 'a\t x \nb\tx\nc\ty\n' 'a\nb\n' -t --regex '2:^x$' -f 1
	check 'a\t..12..\nb\t.1a.\n' 'a\n' --strip=. --isdigit 2 -f 1
	check 'a\t 7 \r\nb\t8\n' 'a\n' -t --str-eq 2:7 -f 1
	# field 0 is the whole record, stripped
	check ' a b \nab\n' ' a b \n' -t --str-eq '0:a b'
}

@test "without a LIST records are written unchanged; strip only affects predicates" {
	check 'a\t x \nb\tx\nc\ty\n' 'a\t x \nb\tx\n' -t --str-eq 2:x
	check '..a..\tb\n' '..a..\tb\n' --strip=. --str-eq 1:a
	check ' a\tb \r\n' ' a\tb \r\n' -t --suffix 0:b
}

# --- errors ---------------------------------------------------------------

@test "empty CHARS (--strip=) is a usage error" {
	usage_error --strip= -f 1
	err_mentions strip
}

@test "a bad escape in CHARS is a usage error naming it" {
	usage_error --strip='\q' -f 1
	err_mentions '\q'
}
