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
