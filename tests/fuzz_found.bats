#!/usr/bin/env bats
# Regression tests for what the fuzzers (tests/fuzz, make fuzz) found.  Expected
# outputs are worked out by hand from man/zbsplit.1; the input that found each
# problem is also in the fuzzer's seed corpus.

load test_helper

# fuzz_stream: a range to the end (N-) merged with an item past the record's end
# when the plan was made once (a LIST without NF-k), but not when another item
# counted from NF and the plan was made per record, so an item that names nothing
# (NF-100) changed the order.  N- runs on without bound, always.
@test "fuzz: N- overlaps items past the end, with or without NF-k items" {
	# 22 and 5- overlap: bytes 5 to 10 go first, at 22's place, then byte 1
	check 'abcdefghij\n' 'efghija\n' -b 22,1,5-
	check 'abcdefghij\n' 'efghija\n' -b 22,1,5-,NF-100
	check 'abcdefghij\n' 'efghija\n' -b 22,1,5-NF,NF-100
	# 12- and 8- overlap: character 8 goes at 12-'s place, before 1-3
	check 'abcdefgh\n' 'ehabc\n' -c 5,12-,-3,8-
	check 'abcdefgh\n' 'eghabc\n' -c 5,NF-1,12-,-3,8-
	# fields: 5 and 3- overlap, so field 3 (the last) goes first
	check 'a\tb\tc\n' 'c\ta\n' -f 5,1,3-,NF-9
	check 'a\tb\tc\n' 'c\ta\n' -f 5,1,3-
}

# fuzz_stream: with -j, the bytes read with a -H header and not yet handed out
# (up to --buffer-size) went to a slot's collator when longer than --block-size, as
# if they were the start of one long record, and the terminator that ended the
# gathered part was dropped: the empty record after it was lost.
@test "fuzz: -j after -H keeps the record that follows the bytes read with the header" {
	check 'id\na\nb\n\nc\n' 'id\na\nb\n\nc\n' --buffer-size=7 -H -f 1 -j 2 --block-size=2
	check 'h\n\n\n\n\n' 'h\n\n\n\n\n' --buffer-size=5 -H -f 1 -j 2 --block-size=1
	check '\0\0\0\0\0' '\0\0\0\0\0' --buffer-size=3 -z -H -c 1 -j 2 --block-size=1
}

# fuzz_stream: the general kernel (a header, -R, lists from NF) took a record of
# blanks alone, trimmed (-F, -w=trimmed), for delimited, as cut's rule has it, and
# then read the first field of a split that had handed out none.  Such a record has
# no fields: every range is missing, and an empty line is written (as awk does).
@test "fuzz: a record of blanks alone, trimmed, in the general kernel: an empty line" {
	check ' \n a b\n' '\nb a\n' -F 2,1 -H
	check ' \n a b\n\t\n' '\nb a\n' -F 2,1 -H -s # (-s: no delimiter, dropped)
	check '  \n a b c\n' '\nb c\n' -F 'NF-1-'
	check '  \n a b c\n' '\nb c\n' --whitespace-delimited=trimmed -f 2- -O ' '
}

# fuzz_options: glibc's regcomp copies a subexpression for each repetition around
# it, so stacked or nested repetitions took memory without bound ('a' and 20 '+':
# 700 MB; 28: more than 24 GB).  The tool now counts the copies an ERE expands to
# (src/zbsplit/ere_size.c) and refuses more than 1000 before regcomp sees it.  Then, with
# the fuzz build's own guard gone, fuzz_options found that repetitions in a row
# after an anchor take exponential time ('^2+?+++++++' with REG_ICASE: minutes): more
# than 4 in a row are refused too.
@test "fuzz: an ERE that repeats too much is refused at once, for -R and predicates" {
	local plus28=a++++++++++++++++++++++++++++ why='it repeats too much'
	for args in "-R $plus28 -f1" "--regex 1:$plus28" "--iregex 0:$plus28" \
		"--not-regex 2:$plus28" "-f1 -R (.*){334}" "--regex 0:x{1001}" \
		"--regex 0:x{1000}|x" "-R ((((a*)*)*)*){63} -f2" "-R a)++++++++++ -f1" \
		"--iregex 1:^2+?+++++++" "-R x{2}{3}{4}{5}{6} -f1"; do
		# shellcheck disable=SC2086 # the words of args are the arguments
		timeout 20 "$ZBSPLIT" $args </dev/null >/dev/null 2>"$BATS_TEST_TMPDIR/err" && return 1
		# shellcheck disable=SC2086
		usage_error $args
		err_mentions "$why"
	done
	# nested past 256 groups: refused too (the count recurses for each)
	usage_error -R "$(printf '%.0s(' {1..300})a$(printf '%.0s)' {1..300})" -f1
	err_mentions "$why"
}

@test "fuzz: EREs up to the bound still work: x{1000}, (.*){333}, ordinary ones" {
	local x999 x1000
	x999=$(printf '%.0sx' {1..999})
	x1000=${x999}x
	check "$x999\n$x1000\n${x1000}x\n" "$x1000\n" --regex '0:^x{1000}$'
	check 'ab12cd345ef\n' 'ab\tef\n' -R '[0-9]{1,3}' -f 1,3
	check 'a b\n' 'a b\n' --regex '0:(.*){333}'
	check 'ab\nb\nc\n' 'ab\nb\n' --regex '0:^a+?b' # ERE: ^(a+)?b, as grep -E
	check 'aaab\n' 'aaab\n' --regex '0:^a{1}{1}{3}{1}b$'
	check '10.0.0.1 GET\nx GET\n' '10.0.0.1\n' -d ' ' -f1 --regex '1:^([0-9]{1,3}\.){3}[0-9]{1,3}$'
}

# fuzz_options: a bad escape in a strip set was reported, but the set decoded so far
# was not freed: a leak, which LeakSanitizer (make sanitize runs this file) reports
# by failing the run.  Each strip option, and a bad escape after good ones.
@test "fuzz: a bad escape in a strip set: a usage error naming it, nothing leaked" {
	local opt
	for opt in --strip --lstrip --rstrip; do
		usage_error "$opt="'ab\q' -f 1
		err_mentions '\q'
		usage_error "$opt="'\t\x' -d : -f 2
		err_mentions '\x'
	done
}
