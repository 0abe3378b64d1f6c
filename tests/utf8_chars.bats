#!/usr/bin/env bats
# -c and -b -n against utf8_ref.py, a reference written from the man page's rules
# (a well-formed UTF-8 sequence is a character, any other byte is one by itself),
# on generated text: ASCII, NULs, CRLF, 2-, 3- and 4-byte characters and the edges
# of each form, overlong forms, surrogates, values past U+10FFFF, bytes F5..FF,
# stray continuation bytes and sequences cut short, some at a record's end;
# records of every length about the 64-byte blocks, long ones, empty ones, and a
# last one without a newline.  Every buffer size gives the same output (sizes 1, 7
# and 64 under `make check`: see small_sizes).

load test_helper

# The text is made once for the file; a test that wants other text writes a file
# of its own.
setup_file() {
	"$PYTHON" "$BATS_TEST_DIRNAME/utf8_ref.py" gen 7 400 >"$BATS_FILE_TMPDIR/utf8.txt"
}

setup() {
	REF="$PYTHON $BATS_TEST_DIRNAME/utf8_ref.py"
	IN=$BATS_FILE_TMPDIR/utf8.txt
}

# vs_ref MODE LIST [ZBSPLIT OPTIONS...]: queues zbsplit -c LIST (MODE chars) or
# -b LIST -n (MODE bytes) on $IN against the reference; run_queued runs the
# reference once for all of a test's cases, then each at the default buffer size
# (and at 1, 7 and 64 under `make check`).
vs_ref() {
	local mode=$1 list=$2
	shift 2
	local opts=("$@") flag=-c
	[ "$mode" = bytes ] && flag=-b && opts+=(-n)
	queue_case "$mode" "$list" "$@" "$IN" -- "$flag" "$list" "${opts[@]}" "$IN"
}

LISTS=(2-20 1 -5 30- 3,7-9 1-3,60-70 65- NF NF-2- 1-NF-3 2-NF-60)

@test "utf8_ref.py: the reference itself on hand-checked records" {
	# a, e-acute, euro, U+1F600, then a stray continuation, an overlong '/'
	# (C0 AF: two characters) and a surrogate (ED A0 80: three)
	IN=$BATS_TEST_TMPDIR/hand.txt
	printf 'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x80\xc0\xaf\xed\xa0\x80\n' >"$IN"
	run $REF chars 2-4 <"$IN"
	[ "$output" = "$(printf '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80')" ]
	run $REF chars 5-6 <"$IN"
	[ "$output" = "$(printf '\x80\xc0')" ]
	run $REF chars 8- <"$IN"
	[ "$output" = "$(printf '\xed\xa0\x80')" ]
	run $REF chars NF-1- <"$IN"
	[ "$output" = "$(printf '\xa0\x80')" ]
	# -n: bytes 2-3 end e-acute; byte 5 is inside the euro sign
	run $REF bytes 2-3 <"$IN"
	[ "$output" = "$(printf '\xc3\xa9')" ]
	run $REF bytes 2-5 <"$IN"
	[ "$output" = "$(printf '\xc3\xa9')" ]
	run $REF bytes 2-6 <"$IN"
	[ "$output" = "$(printf '\xc3\xa9\xe2\x82\xac')" ]
}

@test "-c against the reference, every LIST and buffer size" {
	for list in "${LISTS[@]}"; do
		vs_ref chars "$list"
	done
	run_queued "$BATS_TEST_DIRNAME/utf8_ref.py" matches
}

@test "-c --complement against the reference" {
	for list in 2-20 1 30- 3,7-9 NF-2-; do
		vs_ref chars "$list" --complement
	done
	run_queued "$BATS_TEST_DIRNAME/utf8_ref.py" matches
}

@test "-b -n against the reference, every LIST and buffer size" {
	for list in "${LISTS[@]}"; do
		vs_ref bytes "$list"
	done
	run_queued "$BATS_TEST_DIRNAME/utf8_ref.py" matches
}

@test "-b -n --complement against the reference" {
	for list in 2-20 1 30- 3,7-9 NF-2-; do
		vs_ref bytes "$list" --complement
	done
	run_queued "$BATS_TEST_DIRNAME/utf8_ref.py" matches
}

@test "-c and -b -n with -z against the reference" {
	IN=$BATS_TEST_TMPDIR/z.txt
	$REF gen 11 200 | tr '\n\0' '\0\n' >"$IN"
	for list in 2-20 1 30- NF-2-; do
		vs_ref chars "$list" -z
		vs_ref bytes "$list" -z
	done
	run_queued "$BATS_TEST_DIRNAME/utf8_ref.py" matches
}

@test "-c on other seeds" {
	for seed in 1 2 3; do
		IN=$BATS_TEST_TMPDIR/seed$seed.txt # a file each: the cases run after the loop
		$REF gen "$seed" 300 >"$IN"
		vs_ref chars 2-20
		vs_ref chars 1,40-
	done
	run_queued "$BATS_TEST_DIRNAME/utf8_ref.py" matches
}
