#!/usr/bin/env bats
# -j N splits the work across threads and must not change the output: for every
# option set of tests/option_sets.txt, -j 2 and -j 4 at --block-size 1, 7, 4096 and
# the default write byte for byte what -j 1 writes, from a file and from a pipe
# (under `make check`; `make test` runs the option sets at -j 2 and 3 with blocks of
# 1 to 64 bytes in-process, tests/tool/test_engine.c).  Then
# what -j must keep from the one-thread tool: several inputs and a missing one, a FIFO
# fed slowly, output written before a read that waits, a closed pipe, usage errors,
# and a peak memory that does not grow with the input.  -j 1's own output is checked
# against GNU cut and awk by the rest of the suite; a few checks here are by hand.

load test_helper
load corpus

JOBS="2 4"
BLOCKS="1 7 4096 default"
# Under ThreadSanitizer (make tsan, ten times slower) the smallest blocks, where
# threads meet most often, and a middling size: half the runs.
case "${ZB_LDFLAGS:-}" in *sanitize=thread*) BLOCKS="1 4096" ;; esac

# The corpus is made once for the file and only read by the tests.
setup_file() {
	gen_corpus "$BATS_FILE_TMPDIR/corpus"
}

setup() {
	D=$BATS_TEST_TMPDIR
	IN=$BATS_FILE_TMPDIR/corpus
}

# run_ok OUT ARGS...: zbsplit ARGS (stdin /dev/null unless redirected by the caller)
# with stdout in OUT; must exit 0 with an empty stderr.
run_ok() {
	local out=$1 rc=0
	shift
	"$ZBSPLIT" "$@" >"$out" 2>"$D/err" || rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$D/err" ]; then
		echo "zbsplit $*: exit $rc, stderr:"
		cat "$D/err"
		return 1
	fi
}

# block_opt B: sets the array bopt to the --block-size option for B, none for
# "default" (an array, not a $(...), to save a fork a run).
block_opt() {
	bopt=()
	[ "$1" = default ] || bopt=(--block-size="$1")
}

# like_j1 INPUTS ARGS...: zbsplit ARGS on the files INPUTS (one word, blank
# separated) at -j 1, then at every -j in $JOBS and block size in $BLOCKS; every
# output must be -j 1's.  With PIPE_BLOCKS set, also `cat INPUTS | zbsplit -j N
# --block-size B ARGS` for each B in it.  -j 1's output is left in $D/j1.
like_j1() {
	local inputs=$1 j b bopt
	shift
	# shellcheck disable=SC2086 # INPUTS is a list of file names
	run_ok "$D/j1" -j 1 "$@" $inputs </dev/null || return 1
	for j in $JOBS; do
		for b in $BLOCKS; do
			block_opt "$b"
			# shellcheck disable=SC2086
			run_ok "$D/jn" -j "$j" "${bopt[@]}" "$@" $inputs </dev/null || return 1
			same_bytes "$D/j1" "$D/jn" "-j $j --block-size=$b $* $inputs" || return 1
		done
		for b in ${PIPE_BLOCKS:-}; do
			block_opt "$b"
			# shellcheck disable=SC2086
			cat $inputs | run_ok "$D/jn" -j "$j" "${bopt[@]}" "$@" || return 1
			same_bytes "$D/j1" "$D/jn" "cat | -j $j --block-size=$b $*" || return 1
		done
	done
}

# every_set INPUTS [all|some]: like_j1 INPUTS for each option set of corpus.bash,
# or (some) for every fourth one and those with -H or -z, which change how the
# input is cut: a quarter of the runs for the paths where the option set matters
# less than the input's.
every_set() {
	local inputs=$1 which=${2:-all} line n=0 want=70
	[ "$which" = all ] || want=20
	while IFS= read -r line; do
		eval "set -- $line"
		like_j1 "$inputs" "$@" || return 1
		n=$((n + 1))
	done < <(if [ "$which" = all ]; then option_sets; else
		option_sets | "$AWK" 'NR % 4 == 1 || / -[Hz] |^-[Hz] /'; fi)
	# guards the loop: an emptied list must not pass
	[ "$n" -ge "$want" ] || { echo "only $n option sets"; return 1; }
}

@test "a few outputs checked by hand, at -j 2 and -j 4 with tiny blocks" {
	local j b
	for j in 2 4; do
		for b in 1 2 7; do
			check 'a:1\nb:2\nc:3' '1\n2\n3\n' -j "$j" --block-size="$b" -d : -f 2
			check 'x::1::y\r\n\n::2\nz' 'y\r::x\n\n\nz\n' -j "$j" --block-size="$b" -d '::' -f 3,1
			check 'a b\0c d\0' 'b\0d\0' -j "$j" --block-size="$b" -z -w -f 2
			check '\xc3\xa9t\xc3\xa9\nab\n' 't\xc3\xa9\nb\n' -j "$j" --block-size="$b" -c 2-
			check 'h:x\n1:a\n2:b\n3:a\n' 'x\na\na\n' -j "$j" --block-size="$b" -H -d : -f x --str-eq x:a
			# the bytes read with the header (16), longer than a block, end with a
			# terminator, and the next read starts with an empty record
			check 'h:x\n1:aaaaaaa\nb\n\n2:c\n' 'x\naaaaaaa\nb\n\nc\n' -j "$j" --block-size="$b" \
				--buffer-size=16 -H -d : -f x
		done
	done
}

@test "every option set: -j 2, -j 4 at block sizes 1, 7, 4096, default, as -j 1" {
	check_only
	every_set "$IN"
}

@test "option sets from a pipe: -j 2, -j 4 as -j 1" {
	check_only
	BLOCKS="" PIPE_BLOCKS="1 7 default" every_set "$IN" some
}

@test "several inputs, an empty one and one without a final newline: as -j 1" {
	check_only
	: >"$D/empty"
	# (with the corpus's first line: -H's names are looked up in each input's header)
	{ head -n 1 "$IN"; printf 'x:1::2\ny:3'; } >"$D/short"
	BLOCKS="1 7 default" every_set "$IN $D/empty $D/short $IN" some
}

@test "-H with several inputs and -j: the first input's header, written once" {
	: >"$D/empty"
	printf 'h:a::b\nx:1::2\ny:3' >"$D/short"
	local j
	for j in 2 4; do
		check_args 'a:b\n1:2\n1:2\n' -H -d : -f a,b -j "$j" --block-size=7 \
			--str-ne h:y "$D/short" "$D/empty" "$D/short"
	done
}

@test "-H at buffer sizes 5 to 40: what is read with the header, handed on, as -j 1" {
	check_only
	# -j takes over after the header from the one-thread reader, with what it has
	# read beyond it: --buffer-size sets how much, so that some size ends it at a
	# terminator followed by an empty record, or inside "::"
	"$AWK" 'BEGIN {
		srand(5); print "h::x"
		for (i = 0; i < 60; i++) print (rand() < 0.4 ? "" : i "::" substr("abcdefgh", 1, i % 9))
	}' >"$D/short"
	local BLOCKS="1 7" PIPE_BLOCKS="7" bs
	for bs in $(seq 5 40); do
		like_j1 "$D/short" --buffer-size="$bs" -H -d '::' -f x,1
	done
}

@test "an input of 3 MB with records longer than the default block" {
	check_only
	# short records, a 2.5 MB record, more short ones, a 1.5 MB record without
	# a final newline: the default block (256 KiB) is cut many times
	{
		for _ in 1 2 3 4 5 6 7 8; do cat "$IN"; printf '\n'; done
		printf 'long:'
		head -c 2500000 /dev/zero | tr '\0' 'y'
		printf ':end\n'
		cat "$IN"
		printf '\nlast:'
		head -c 1500000 /dev/zero | tr '\0' 'z'
	} >"$D/big"
	local BLOCKS="4096 65536 default" PIPE_BLOCKS="default" opts
	for opts in "-d : -f 2" "-d : -f NF,1" "-w -f 1 -s" "-c 3-5" "-b 2-9 -n" \
		"-d '::' -f 2 --str-ne 1:last" "-H -d : -f tail -t" "-z -d : -f 1"; do
		eval "set -- $opts"
		like_j1 "$D/big" "$@"
	done
	# the long records went through whole
	"$ZBSPLIT" -j 2 -d : -f 1,3 "$D/big" | grep -c '^long:end$\|^last$' >"$D/n"
	[ "$(cat "$D/n")" -eq 2 ]
}

@test "records of 1 byte to 63 KB, so parts end in them at every distance from their end" {
	# A part is read with 4 KiB after it, then with up to 32 KiB when its last
	# record goes on, then through the collator.  Short records and, every eighth,
	# one of 33 to 63 KB put the end of parts' last records in each of the three:
	# with mawk's rand(), 24 parts took the second read and 8 the collator at
	# 64 KiB blocks, and 6 and 2 at the default (counted once with a print in each
	# path).
	"$AWK" 'BEGIN { srand(7); b = "abcdefghijklmnopqrstuvwxyz"
		while (length(b) < 70000) b = b b
		for (i = 0; i < 300; i++) {
			n = i % 8 == 7 ? 33000 + int(30000 * rand()) : int(12000 * rand() * rand()) + 1
			printf "%d:%s:%d\n", i, substr(b, 1, n), n } }' >"$D/varied"
	local BLOCKS="4096 65536 default" PIPE_BLOCKS="default"
	like_j1 "$D/varied" -d : -f 1,3
	like_j1 "$D/varied" -c 1-3,39990-
	# by hand: the first field numbers the records, the third is the second's length
	"$ZBSPLIT" -j 2 --block-size=64K -d : -f 1-3 "$D/varied" >"$D/out"
	"$AWK" -F : '$1 != NR - 1 || $3 != length($2) { exit 1 }
		END { if (NR != 300) exit 1 }' "$D/out"
}

# From a regular file each worker reads its block with pread(2), at positions the
# main thread hands out from where the file offset stands: standard input may
# arrive part read, and is left read to its end, as without -j.
@test "a file as standard input, part read already: from its offset on, left at its end" {
	printf 'skip\tme\nb\t1\nc\t2\n' >"$D/small"
	for _ in 1 2 3 4 5 6 7 8; do cat "$IN"; done >>"$D/small"
	# bash's read leaves the offset just after the first line of a regular file
	{ read -r _; "$ZBSPLIT" -j 1 -f 2,1; } <"$D/small" >"$D/j1"
	[ "$(head -c 6 "$D/j1")" = "$(printf '1\tb\n2\t')" ]
	local j b bopt
	for j in 2 4; do
		for b in 1 7 4096 default; do
			block_opt "$b"
			{ read -r _; "$ZBSPLIT" -j "$j" "${bopt[@]}" -f 2,1; } <"$D/small" >"$D/jn"
			same_bytes "$D/j1" "$D/jn" "-j $j --block-size=$b, after a read"
			# what comes after zbsplit on the same descriptor finds nothing left
			{ "$ZBSPLIT" -j "$j" "${bopt[@]}" -f 1 >/dev/null; cat; } <"$D/small" >"$D/rest"
			[ ! -s "$D/rest" ]
		done
	done
}

@test "empty inputs, a file and a pipe" {
	: >"$D/empty"
	local j
	for j in 2 4; do
		check_args '' -j "$j" -f 1 "$D/empty"
		check_args '' -j "$j" -H -f 1 "$D/empty" "$D/empty"
		run_ok "$D/out" -j "$j" -d : -f 2 </dev/null
		[ ! -s "$D/out" ]
		printf '' | run_ok "$D/out" -j "$j" -d : -f 2
		[ ! -s "$D/out" ]
	done
}

@test "no threads to be had: -j works in one thread, from files and pipes, as -j 1" {
	case "${ZB_LDFLAGS:-}" in *sanitize*) skip "a preloaded library would come before the sanitizer's runtime" ;; esac
	[ -n "${ZB_NO_THREADS:-}" ] || skip "ZB_NO_THREADS (build/no_threads.so) not given"
	local b
	run_ok "$D/j1" -d : -f 2,1 "$IN" "$IN"
	for b in 64 4096 default; do
		block_opt "$b"
		rm -f "$D/log"
		# a file of many parts, then a pipe: both read by the main thread
		cat "$IN" | NO_THREADS_LOG=$D/log LD_PRELOAD=$ZB_NO_THREADS \
			run_ok "$D/jn" -j 2 "${bopt[@]}" -d : -f 2,1 "$IN" -
		same_bytes "$D/j1" "$D/jn" "no threads, --block-size=$b"
		# the threads were asked for (for the pipe at least) and refused
		grep -q refused "$D/log"
	done
}

@test "fewer threads than asked for: the main thread works beside them, as -j 1" {
	case "${ZB_LDFLAGS:-}" in *sanitize*) skip "a preloaded library would come before the sanitizer's runtime" ;; esac
	[ -n "${ZB_NO_THREADS:-}" ] || skip "ZB_NO_THREADS (build/no_threads.so) not given"
	local allow b
	run_ok "$D/j1" -d : -f 2,1 "$IN" "$IN" "$IN"
	# -j 3 gets 1 or 2 threads: a file's parts are shared by them and the main
	# thread, a pipe's blocks go to them; then the file again with the threads up
	for allow in 1 2; do
		for b in 64 4096; do
			rm -f "$D/log"
			cat "$IN" | NO_THREADS_ALLOW=$allow NO_THREADS_LOG=$D/log \
				LD_PRELOAD=$ZB_NO_THREADS run_ok "$D/jn" -j 3 --block-size="$b" \
				-d : -f 2,1 "$IN" - "$IN"
			same_bytes "$D/j1" "$D/jn" "$allow threads of 3, --block-size=$b"
			grep -q refused "$D/log"
		done
	done
}

@test "-j 0 (one thread per CPU) and --jobs=N: as -j 1" {
	JOBS="0" BLOCKS="7 default" like_j1 "$IN" -d : -f 2,1
	run_ok "$D/jn" --jobs=3 --block-size=64 -d : -f 2,1 "$IN"
	same_bytes "$D/j1" "$D/jn"
	run_ok "$D/jn" --jobs 2 --block-size 1K -d : -f 2,1 "$IN"
	same_bytes "$D/j1" "$D/jn"
}

@test "FIFO written in small pieces with pauses: every record complete, in order" {
	local b
	for b in 1 7 default; do
		rm -f "$D/fifo"
		mkfifo "$D/fifo"
		slow_write 'alpha:' ':1::x\nbe' 'ta::2' '::y\n' 'gam' 'ma:' ':3\n' '\n' 'delta::4::' 'z' \
			>"$D/fifo" 3>&- &
		local writer=$! rc=0 bopt
		block_opt "$b"
		timeout 20 "$ZBSPLIT" -j 2 "${bopt[@]}" -d '::' -f 2 "$D/fifo" \
			>"$D/out" 2>"$D/err" || rc=$?
		wait "$writer"
		[ "$rc" -eq 0 ]
		[ ! -s "$D/err" ]
		printf '1\n2\n3\n\n4\n' >"$D/exp"
		same_bytes "$D/exp" "$D/out" "--block-size=$b"
	done
}

@test "pipe input: the first records are written before a read that waits" {
	local j
	for j in 2 4; do
		flush_check 'first:1\n' '1\n' 'second:2\n' '1\n2\n' -j "$j" -d : -f 2
		flush_check 'a:1\nb:2\nc:3\n' '1\n2\n3\n' 'd:4\n' '1\n2\n3\n4\n' -j "$j" --block-size=1 -d : -f 2
		flush_check 'a:1\nb:2\nc:' '1\n2\n' '3\n' '1\n2\n3\n' -j "$j" --block-size=4 -d : -f 2
		flush_check 'h:x\n1:a\n' 'x\na\n' '2:b\n' 'x\na\nb\n' -j "$j" -H -d : -f x
		flush_check 'a:b\0' 'b\0' 'c:d\0' 'b\0d\0' -j "$j" -z -d : -f 2
	done
}

@test "a missing file among others: message, the others complete and in order, exit 1" {
	printf 'a:1\nb:2\n' >"$D/good1"
	printf 'c:3' >"$D/good2"
	printf '1\n2\n' >"$D/exp"
	cat "$D/exp" "$D/exp" >"$D/exp2"
	printf '3\n' >>"$D/exp2"
	local j b rc bopt
	for j in 2 4; do
		for b in 1 default; do
			rc=0
			block_opt "$b"
			"$ZBSPLIT" -j "$j" "${bopt[@]}" -d : -f 2 "$D/good1" "$D/nosuch" "$D/good1" \
				"$D/good2" >"$D/out" 2>"$D/err" || rc=$?
			[ "$rc" -eq 1 ]
			same_bytes "$D/exp2" "$D/out"
			printf 'zbsplit: %s: No such file or directory\n' "$D/nosuch" >"$D/err.exp"
			same_bytes "$D/err.exp" "$D/err" "stderr"
		done
	done
}

@test "| head -1 on a large file with -j 2: one line, exit 0, no message" {
	yes 'alpha:beta:gamma' | head -c 30000000 >"$D/big"
	local j
	for j in 2 4; do
		# SIGPIPE at its default disposition, so ignoring it is zbsplit's own doing
		bash -c 'env --default-signal=PIPE "$1" -j "$2" -d : -f 2 "$3" 2>"$4/err" | head -1 >"$4/head.out"
			echo "${PIPESTATUS[0]}" >"$4/status"' _ "$ZBSPLIT" "$j" "$D/big" "$D"
		printf 'beta\n' >"$D/head.exp"
		same_bytes "$D/head.exp" "$D/head.out"
		[ "$(cat "$D/status")" = 0 ]
		[ ! -s "$D/err" ]
	done
}

@test "bad -j and --block-size values: usage errors naming the value" {
	usage_error -f 1 -j x
	[ "$errline" = "zbsplit: invalid number of jobs 'x'" ]
	usage_error -f 1 -j -1
	[ "$errline" = "zbsplit: invalid number of jobs '-1'" ]
	usage_error -f 1 --jobs=2x
	[ "$errline" = "zbsplit: invalid number of jobs '2x'" ]
	usage_error -f 1 --jobs=
	[ "$errline" = "zbsplit: invalid number of jobs ''" ]
	usage_error -f 1 -j 99999999999999999999
	[ "$errline" = "zbsplit: number of jobs '99999999999999999999' is too large (the limit is 1024)" ]
	usage_error -f 1 -j 1025
	[ "$errline" = "zbsplit: number of jobs '1025' is too large (the limit is 1024)" ]
	usage_error -f 1 -j
	[ "$errline" = "zbsplit: option '-j' requires an argument" ]
	usage_error -f 1 --block-size=0
	[ "$errline" = "zbsplit: invalid block size '0': it must be at least 1" ]
	usage_error -f 1 --block-size=2G
	[ "$errline" = "zbsplit: block size '2G' is too large (the limit is 1G)" ]
	usage_error -f 1 --block-size=1073741825
	[ "$errline" = "zbsplit: block size '1073741825' is too large (the limit is 1G)" ]
	usage_error -f 1 --block-size=x
	[ "$errline" = "zbsplit: invalid block size 'x'" ]
	usage_error -f 1 --block-size=1KK
	[ "$errline" = "zbsplit: invalid block size '1KK'" ]
	# the limits themselves are accepted
	check 'a\tb\n' 'b\n' -f 2 -j 1024 --block-size=1
	check 'a\tb\n' 'b\n' -f 2 -j 2 --block-size=1G
}

@test "peak memory with -j 4, a 256 MiB file and 512 MiB streamed: bounded by the slots" {
	check_only
	[ "${ZB_HUGE_TESTS:-1}" != 0 ] || skip "ZB_HUGE_TESTS=0 (this pass repeats the suite in a slower build)"
	[ -x /usr/bin/time ] || skip "GNU time is not installed"
	case "${ZB_LDFLAGS:-}" in *sanitize*) skip "sanitizers change memory use" ;; esac
	local line opts kb bound
	line=$'2026-11-25 10:00:01\tINFO\tapi\tGET /users/42\t200\t0.042\tcaf\xc3\xa9 \xe2\x82\xac9'
	# 8 slots (2 per worker), each a block (256 KiB by default, at most 1 MiB as it
	# was) and its output (kept in a buffer of the block's size, doubled when
	# outgrown: -O :: does), plus the one-thread tool's 8 MiB: at most 8 * 3 + 8 MiB.
	# A file fills every block; a pipe as it comes.
	bound=$(((8 * 3 + 8) * 1024))
	yes "$line" | head -c 268435456 >"$D/big"
	for opts in "-f 2" "-f 1- -O ::" "-c 2-5" "-F 2,1 --str-eq 3:INFO"; do
		/usr/bin/time -f %M -o "$D/rss" "$ZBSPLIT" -j 4 $opts "$D/big" | wc -l >"$D/lines"
		kb=$(tail -1 "$D/rss")
		echo "-j 4 $opts, file: $kb KiB (bound $bound)"
		[ "$(cat "$D/lines")" -eq 4194304 ]
		[ "$kb" -lt "$bound" ]
		yes "$line" | head -c 536870912 | {
			/usr/bin/time -f %M -o "$D/rss" "$ZBSPLIT" -j 4 $opts | wc -l >"$D/lines"
		}
		kb=$(tail -1 "$D/rss")
		echo "-j 4 $opts, pipe: $kb KiB (bound $bound)"
		[ "$(cat "$D/lines")" -eq 8388608 ]
		[ "$kb" -lt "$bound" ]
	done
	rm -f "$D/big"
}
