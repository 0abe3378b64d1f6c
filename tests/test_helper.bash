# Shared helpers for the zbsplit bats suite.  Load with `load test_helper`.
#
# Expected values never come from zbsplit itself: they are written by hand
# from the specification, or produced by GNU cut (/usr/bin/cut) or mawk on the
# same input.  Every oracle is named (mawk, never "whatever awk is"), so the suite
# gives the same verdicts whether the system awk is mawk or gawk; `make test` checks
# they are installed before it starts (tests/need.sh).

ZBSPLIT="${ZBSPLIT:-$BATS_TEST_DIRNAME/../build/zbsplit}"
case $ZBSPLIT in
	/*) ;;
	*) ZBSPLIT="$PWD/$ZBSPLIT" ;;
esac
export ZBSPLIT

CUT=/usr/bin/cut
AWK=mawk
GAWK=gawk # where a test needs what mawk lacks (locales, {n} intervals)
# Debian's python3 (package python3), by its path: a python3 found first in PATH
# may be a version manager's shim, which costs 0.4 s a start on these machines.
PYTHON=/usr/bin/python3
export LC_ALL=C

# untraced FUNCTION ARGS...: FUNCTION ARGS with bats' DEBUG trap off, returning its
# status.  bats runs that trap before every command of a test, to report the line of
# a failure, at 0.4 ms a command on these machines: the helpers below run tens of
# commands a call and are called thousands of times, so each one (NAME) is the body
# _NAME run through here.  A failure inside is still reported at the line of the test
# that called the helper (the trap's last record).  Nested calls leave the trap off.
untraced() {
	if [ -n "${ZB_UNTRACED:-}" ]; then
		"$@"
		return
	fi
	[ -n "${ZB_DEBUG_TRAP+set}" ] || ZB_DEBUG_TRAP=$(trap -p DEBUG)
	trap - DEBUG
	ZB_UNTRACED=1
	"$@" # under set -e, a failure ends the test here, as it would have without this
	local rc=$?
	ZB_UNTRACED=
	eval "$ZB_DEBUG_TRAP"
	return "$rc"
}

# zb ARGS...: run zbsplit.
zb() {
	"$ZBSPLIT" "$@"
}

# hexdump FILE: show FILE byte by byte (for failure messages).
hexdump() {
	od -An -c -- "$1"
}

# same_bytes EXPECTED_FILE ACTUAL_FILE [WHAT]: cmp, with a dump on failure.
_same_bytes() {
	local a b
	# Files under 64 KiB without a NUL are compared in the shell (1.5 ms at most,
	# where a cmp process costs 7 here): read stops at a NUL or after 65536 bytes
	# (status 0), or at the end of the file (status 1: all of it read).
	if ! IFS= read -r -d '' -n 65536 a <"$1" && ! IFS= read -r -d '' -n 65536 b <"$2" &&
		[ "$a" == "$b" ]; then
		return 0
	fi
	if ! cmp -s -- "$1" "$2"; then
		echo "mismatch${3:+ for: $3}"
		echo "--- expected:"
		hexdump "$1" | head -20
		echo "--- actual:"
		hexdump "$2" | head -20
		cmp -- "$1" "$2" || true
		return 1
	fi
}
same_bytes() { untraced _same_bytes "$@"; }

# check INPUT EXPECTED ARGS...
# INPUT and EXPECTED are printf formats (\t \n \0 \xHH ..., write %% for %).
# Runs zbsplit ARGS on the file INPUT; requires exit 0, an empty stderr and
# exactly the EXPECTED bytes on stdout.  Under `make test` (ZB_CASES names
# build/zbsplit_cases) the case is queued, and when the test ends one process runs
# all its cases in-process, each at the default buffer size and at 1, 2, 3, 7 and
# 64 (a failure then names the line of the check); under `make check`, or without
# ZB_CASES, it runs the binary at once.
_check() {
	local in=$1 exp=$2
	shift 2
	local d=$BATS_TEST_TMPDIR
	if [ "${ZB_CHECK:-0}" != 1 ] && [ -n "${ZB_CASES:-}" ]; then
		local c=$d/case.$((${ZB_NCASES:-0} + 1))
		ZB_NCASES=${c##*.}
		printf -- "$in" >"$c.in"
		printf -- "$exp" >"$c.exp"
		printf '%s\0' "$@" >"$c.args"
		# the caller of check (untraced, check, then the test or its helper)
		printf '%s line %s\n' "${BATS_TEST_FILENAME##*/}" "${BASH_LINENO[2]}" >"$c.where"
		return 0
	fi
	printf -- "$in" >"$d/check.in"
	printf -- "$exp" >"$d/check.exp"
	check_file "$d/check.in" "$d/check.exp" "$@"
}
check() { untraced _check "$@"; }

# teardown: the checks the test queued (see check) must pass.  A test file that
# needs a teardown of its own calls run_queued_checks from it.
run_queued_checks() {
	[ -z "${ZB_NCASES:-}" ] || "$ZB_CASES" "$BATS_TEST_TMPDIR"
}
teardown() {
	run_queued_checks
}

# check_file FILE EXPECTED_FILE ARGS...: zbsplit ARGS FILE must write exactly
# EXPECTED_FILE, exit 0, empty stderr.
_check_file() {
	local f=$1 exp=$2
	shift 2
	local d=$BATS_TEST_TMPDIR rc=0
	"$ZBSPLIT" "$@" "$f" >"$d/cf.out" 2>"$d/cf.err" || rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$d/cf.err" ]; then
		echo "zbsplit $* $f: exit $rc, stderr:"
		cat "$d/cf.err"
		return 1
	fi
	same_bytes "$exp" "$d/cf.out" "zbsplit $* $f"
}
check_file() { untraced _check_file "$@"; }

# vs_cut FILE ARGS...: zbsplit and GNU cut with the same ARGS on FILE must
# produce identical bytes and both exit 0.
_vs_cut() {
	local f=$1
	shift
	local d=$BATS_TEST_TMPDIR rc=0
	if [ -n "${VS_CUT_BATCH:-}" ]; then # see vs_cut_batch
		{ printf '== %s\n' "$*"; "$CUT" "$@" "$f" || printf '\n== exit %s\n' "$?"; } \
			>>"$d/batch.cut"
		{ printf '== %s\n' "$*"; "$ZBSPLIT" "$@" "$f" 2>>"$d/batch.err" ||
			printf '\n== exit %s\n' "$?"; } >>"$d/batch.zb"
		return 0
	fi
	"$CUT" "$@" "$f" >"$d/vc.cut" || {
		echo "reference cut failed: cut $*"
		return 1
	}
	check_file "$f" "$d/vc.cut" "$@"
}
vs_cut() { untraced _vs_cut "$@"; }

# vs_cut_batch CMD...: runs CMD, in which every vs_cut only collects GNU cut's and
# zbsplit's outputs (each after a line naming its arguments); then they must be
# the same bytes, zbsplit must have said nothing and both exited 0.  One cmp for
# hundreds of cases, where vs_cut alone spends a third of its forks on cmp.
_vs_cut_batch() {
	local d=$BATS_TEST_TMPDIR
	: >"$d/batch.cut"
	: >"$d/batch.zb"
	: >"$d/batch.err"
	VS_CUT_BATCH=1 "$@" || return 1
	if ! cmp -s "$d/batch.cut" "$d/batch.zb" || [ -s "$d/batch.err" ] ||
		grep -aq '^== exit' "$d/batch.cut"; then
		echo "GNU cut (<) and zbsplit (>) differ; each output follows the arguments:"
		diff -a "$d/batch.cut" "$d/batch.zb" | head -40
		cat "$d/batch.err"
		return 1
	fi
}
vs_cut_batch() { untraced _vs_cut_batch "$@"; }

# vs_cut_str INPUT ARGS...: like vs_cut on an input given as a printf format.
_vs_cut_str() {
	local in=$1
	shift
	printf -- "$in" >"$BATS_TEST_TMPDIR/vcs.in"
	vs_cut "$BATS_TEST_TMPDIR/vcs.in" "$@"
}
vs_cut_str() { untraced _vs_cut_str "$@"; }

# usage_error ARGS...: zbsplit ARGS (stdin /dev/null) must exit 2, write
# nothing to stdout, and two stderr lines: "zbsplit: ..." and the Try line.
# Sets $errline to the first stderr line.
_usage_error() {
	local d=$BATS_TEST_TMPDIR rc=0 all="" lines
	"$ZBSPLIT" "$@" </dev/null >"$d/ue.out" 2>"$d/ue.err" || rc=$?
	if [ "$rc" -ne 2 ]; then
		echo "zbsplit $*: expected exit 2, got $rc; stderr:"
		cat "$d/ue.err"
		return 1
	fi
	if [ -s "$d/ue.out" ]; then
		echo "zbsplit $*: stdout not empty"
		return 1
	fi
	# read with builtins, not sed and wc: this runs thousands of times
	IFS= read -r -d '' all <"$d/ue.err" || true
	mapfile -t lines <<<"${all%$'\n'}"
	errline=${lines[0]-}
	case $errline in
		"zbsplit: "?*) ;;
		*)
			echo "zbsplit $*: first stderr line is '$errline'"
			return 1
			;;
	esac
	if [ "${lines[1]-}" != "Try 'zbsplit --help' for more information." ] ||
		[ "${#lines[@]}" -ne 2 ] || [ "${all: -1}" != $'\n' ]; then
		echo "zbsplit $*: unexpected stderr:"
		cat "$d/ue.err"
		return 1
	fi
}
usage_error() { untraced _usage_error "$@"; }

# err_mentions STRING: the last usage_error's first line contains STRING.
err_mentions() {
	case $errline in
		*"$1"*) ;;
		*)
			echo "error line '$errline' does not mention '$1'"
			return 1
			;;
	esac
}

# --- helpers for the issue-4 tests (strip, filters, headers, -R) -----------

# err_mentions_any STRING...: the last usage_error's first line contains at
# least one of the STRINGs.
err_mentions_any() {
	local s
	for s in "$@"; do
		case $errline in
			*"$s"*) return 0 ;;
		esac
	done
	echo "error line '$errline' mentions none of: $*"
	return 1
}

# check_args EXPECTED ARGS...: zbsplit ARGS (input FILEs are among ARGS,
# stdin is /dev/null) must exit 0 with an empty stderr and write exactly
# EXPECTED (a printf format) on stdout.
_check_args() {
	local d=$BATS_TEST_TMPDIR rc=0
	printf -- "$1" >"$d/ca.exp"
	shift
	"$ZBSPLIT" "$@" </dev/null >"$d/ca.out" 2>"$d/ca.err" || rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$d/ca.err" ]; then
		echo "zbsplit $*: exit $rc, stderr:"
		cat "$d/ca.err"
		return 1
	fi
	same_bytes "$d/ca.exp" "$d/ca.out" "zbsplit $*"
}
check_args() { untraced _check_args "$@"; }

# small_sizes SIZE...: sets the array `small` to the SIZEs under `make check`
# (ZB_ALL_SIZES=1), to none under `make test`.  The quick suite runs each case at
# the default buffer size against its reference; tests/tool/test_engine.c runs the
# engine at sizes 1, 2, 3, 7 and 64 in-process, and `make check` repeats every case
# here at them too.
small_sizes() {
	small=()
	if [ "${ZB_ALL_SIZES:-0}" = 1 ]; then
		small=("$@")
	fi
}

# check_only: the test runs under `make check` (ZB_CHECK=1), not `make test`: it
# streams hundreds of MiB, or repeats every option set over hundreds of runs.  The
# quick suite covers the same rules on small inputs, and tests/tool runs the option
# sets in-process at -j 2 and 3 with tiny blocks, from files and pipes.
check_only() {
	[ "${ZB_CHECK:-0}" = 1 ] || skip "make check only (ZB_CHECK=1)"
}

# at_all_sizes OUT ARGS...: zbsplit ARGS (input FILEs among ARGS) at the
# default buffer size and, under `make check`, at --buffer-size 1, 2, 3, 7 and 64
# (or the sizes in AT_SIZES): every run must exit 0 with an empty stderr and the
# same stdout.  The default run's output is left in OUT.
_at_all_sizes() {
	local out=$1 d=$BATS_TEST_TMPDIR rc s small
	shift
	rc=0
	"$ZBSPLIT" "$@" </dev/null >"$out" 2>"$d/aas.err" || rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$d/aas.err" ]; then
		echo "zbsplit $*: exit $rc"
		cat "$d/aas.err"
		return 1
	fi
	# shellcheck disable=SC2086 # AT_SIZES is a list of numbers
	small_sizes ${AT_SIZES:-1 2 3 7 64}
	for s in "${small[@]}"; do
		rc=0
		"$ZBSPLIT" --buffer-size="$s" "$@" </dev/null >"$d/aas.out" 2>"$d/aas.err" || rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$d/aas.err" ]; then
			echo "zbsplit --buffer-size=$s $*: exit $rc"
			cat "$d/aas.err"
			return 1
		fi
		same_bytes "$out" "$d/aas.out" "--buffer-size=$s $*" || return 1
	done
}
at_all_sizes() { untraced _at_all_sizes "$@"; }

# --- pipes and FIFOs (tests/streaming.bats, tests/jobs.bats) ---------------

# slow_write PIECE...: printf each piece (escapes allowed) with a pause after it.
slow_write() {
	local p
	for p in "$@"; do
		printf "$p"
		sleep 0.1
	done
}

# flush_check FIRST_IN FIRST_OUT REST_IN ALL_OUT ARGS...: a writer sends
# FIRST_IN into a pipe to zbsplit ARGS, then waits (up to 5 s) until the
# output file holds exactly FIRST_OUT before sending REST_IN.  The output
# must reach FIRST_OUT while zbsplit still waits for input, and end as ALL_OUT.
flush_check() {
	local first_in=$1 first_out=$2 rest_in=$3 all_out=$4
	shift 4
	local d=$BATS_TEST_TMPDIR
	printf "$first_out" >"$d/exp1"
	printf "$all_out" >"$d/exp"
	rm -f "$d/status" "$d/out"
	: >"$d/out"
	{
		printf "$first_in"
		local i=0
		while ! cmp -s "$d/exp1" "$d/out" && [ "$i" -lt 50 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		if cmp -s "$d/exp1" "$d/out"; then
			echo seen >"$d/status"
		else
			echo timeout >"$d/status"
		fi
		printf "$rest_in"
	} | timeout 20 "$ZBSPLIT" "$@" >>"$d/out" 2>"$d/err"
	[ "$(cat "$d/status")" = seen ] || {
		echo "zbsplit $*: first output not written before the next read"
		hexdump "$d/out"
		return 1
	}
	[ ! -s "$d/err" ]
	same_bytes "$d/exp" "$d/out" "zbsplit $*"
}

# --- one reference process for many cases ---------------------------------

# matches EXPECTED_FILE ARGS...: zbsplit ARGS (input files among them) writes
# exactly EXPECTED_FILE, exits 0 and says nothing, at the default buffer size and,
# under `make check`, at 1, 7 and 64.
_matches() {
	local exp=$1
	shift
	AT_SIZES="1 7 64" at_all_sizes "$BATS_TEST_TMPDIR/matches.out" "$@" || return 1
	same_bytes "$exp" "$BATS_TEST_TMPDIR/matches.out" "zbsplit $*"
}
matches() { untraced _matches "$@"; }

# queue_case REF_WORDS... -- ZBSPLIT_ARGS...: queues a case for run_queued: the
# words of one line of a python reference's batch (its CASES file) and the zbsplit
# arguments that must write what that line gives.  No word may be empty or hold a
# TAB (the lines are TAB-separated).
_queue_case() {
	local d=$BATS_TEST_TMPDIR
	while [ "$1" != -- ]; do
		printf '%s\t' "$1" >>"$d/ref.cases"
		shift
	done
	shift
	echo >>"$d/ref.cases"
	printf '%s\t' "$@" >>"$d/zb.cases"
	echo >>"$d/zb.cases"
}
queue_case() { untraced _queue_case "$@"; }

# run_queued SCRIPT CHECK: `python3 SCRIPT batch` writes the expected output of
# every queued case in one run; then CHECK EXPECTED_FILE ZBSPLIT_ARGS... runs for
# each, in order, and the first failure fails.  The queue is emptied.
_run_queued() {
	local d=$BATS_TEST_TMPDIR script=$1 check=$2 n=0 args
	rm -rf "$d/expected" && mkdir "$d/expected"
	"$PYTHON" "$script" batch "$d/ref.cases" "$d/expected"
	while IFS=$'\t' read -r -a args; do
		n=$((n + 1))
		"$check" "$d/expected/$n" "${args[@]}" || return 1
	done <"$d/zb.cases"
	rm -f "$d/ref.cases" "$d/zb.cases"
	# guards the loop: a queue that ran nothing must not pass
	[ "$n" -gt 0 ]
}
run_queued() { untraced _run_queued "$@"; }
