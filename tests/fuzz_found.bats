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
