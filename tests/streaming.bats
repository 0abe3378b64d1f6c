#!/usr/bin/env bats
# Pipes and FIFOs: records split across writes come out whole and in order,
# and output is flushed before a read that may block.

load test_helper

setup() {
	D=$BATS_TEST_TMPDIR
}

@test "FIFO written in small pieces: every record complete and in order" {
	mkfifo "$D/fifo"
	# '::' delimiters and records cut across writes; no final newline
	slow_write 'alpha:' ':1::x\nbe' 'ta::2' '::y\n' 'gam' 'ma:' ':3\n' '\n' 'delta::4::' 'z' \
		>"$D/fifo" 3>&- &
	local writer=$!
	local rc=0
	timeout 20 "$ZBSPLIT" -d '::' -f 2 <"$D/fifo" >"$D/out" 2>"$D/err" || rc=$?
	wait "$writer"
	[ "$rc" -eq 0 ]
	[ ! -s "$D/err" ]
	printf '1\n2\n3\n\n4\n' >"$D/exp"
	same_bytes "$D/exp" "$D/out"
}

@test "FIFO in small pieces: UTF-8 characters split across writes with -c" {
	mkfifo "$D/fifo"
	slow_write 'a\xc3' '\xa9b\n\xe2' '\x82' '\xac' 'c\n\xf0\x9f\x98' '\x80d' >"$D/fifo" 3>&- &
	local writer=$!
	local rc=0
	timeout 20 "$ZBSPLIT" -c 2 "$D/fifo" >"$D/out" 2>"$D/err" || rc=$?
	wait "$writer"
	[ "$rc" -eq 0 ]
	[ ! -s "$D/err" ]
	printf '\xc3\xa9\nc\nd\n' >"$D/exp"
	same_bytes "$D/exp" "$D/out"
}

@test "pipe input: output is flushed before a blocking read (-f)" {
	flush_check 'first:1\n' '1\n' 'second:2\n' '1\n2\n' -d : -f 2
}

@test "pipe input: flushed before a blocking read (-F, -b, -c, -z)" {
	flush_check ' a  b c\n' 'b a\n' 'x y\n' 'b a\ny x\n' -F 2,1
	flush_check 'abcdef\n' 'bc\n' 'xyz\n' 'bc\nyz\n' -b 2-3
	flush_check 'a\xc3\xa9b\n' '\xc3\xa9\n' 'xyz\n' '\xc3\xa9\ny\n' -c 2
	flush_check 'a:b\0' 'b\0' 'c:d\0' 'b\0d\0' -z -d : -f 2
}

@test "pipe input with a small --buffer-size: flushed before a blocking read" {
	flush_check 'first:1\nsecond:2\n' '1\n2\n' 'third:3\n' '1\n2\n3\n' --buffer-size=3 -d : -f 2
}

@test "FIFO operand: flushed before a blocking read" {
	mkfifo "$D/fifo"
	printf 'good\n' >"$D/exp1"
	printf 'good\nbetter\n' >"$D/exp"
	: >"$D/out"
	(
		printf 'x:good\n'
		i=0
		while ! cmp -s "$D/exp1" "$D/out" && [ "$i" -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		cmp -s "$D/exp1" "$D/out" && echo seen >"$D/status"
		printf 'y:better\n'
	) >"$D/fifo" 3>&- &
	local writer=$!
	timeout 20 "$ZBSPLIT" -d : -f 2 "$D/fifo" >>"$D/out"
	wait "$writer"
	[ "$(cat "$D/status")" = seen ]
	same_bytes "$D/exp" "$D/out"
}

@test "FIFO in small pieces: CSV records and quoted fields split across writes" {
	mkfifo "$D/fifo"
	# a quoted LF and a doubled quote cut across writes, CRLF cut between CR and LF
	slow_write 'a,"x' '\ny",1\r' '\nb,"p""' 'q",2\n' '\n' 'c,' '3' >"$D/fifo" 3>&- &
	local writer=$!
	local rc=0
	timeout 20 "$ZBSPLIT" --csv -f 2,3 <"$D/fifo" >"$D/out" 2>"$D/err" || rc=$?
	wait "$writer"
	[ "$rc" -eq 0 ]
	[ ! -s "$D/err" ]
	# by hand: the values x LF y and 1; p"q and 2; 3 and a missing field 3
	printf '"x\ny",1\n"p""q",2\n3,\n' >"$D/exp"
	same_bytes "$D/exp" "$D/out"
}

@test "pipe input: flushed before a blocking read (--csv)" {
	flush_check 'a,"b\nc"\n' '"b\nc"\n' 'd,e\n' '"b\nc"\ne\n' --csv -f 2
	flush_check 'a,b\r\n' 'b\n' 'c,d\r\n' 'b\nd\n' --csv -f 2 --buffer-size=4
}
