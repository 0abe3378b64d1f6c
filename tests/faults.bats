#!/usr/bin/env bats
# Faults: what zbsplit does when its inputs or its output misbehave (the man page's
# EXIT STATUS and DIAGNOSTICS).  Points covered elsewhere are not repeated here:
#   output to /dev/full, much or little ........ errors.bats ">/dev/full: ..."
#   standard output closed (>&-) ................ errors.bats "closed stdout: ..."
#   standard input closed (<&-), alone and as - . errors.bats "closed stdin ..."
#   each of a missing file, a directory, an
#   unreadable file, among good ones ............ errors.bats "a missing file: ..." etc.
#   a FIFO written in small pieces with pauses .. streaming.bats "FIFO written in ..."
#   --help and --version to a full or closed output  errors.bats
# The tests that stream hundreds of MiB run under `make check` only (check_only),
# and not when ZB_HUGE_TESTS is 0 (the Makefile sets it to 0 for the sanitizer and
# portable passes, see there).

load test_helper

setup() {
	D=$BATS_TEST_TMPDIR
	cd "$D"
}

# huge_only: skip unless the huge tests are wanted.
huge_only() {
	[ "${ZB_HUGE_TESTS:-1}" != 0 ] || skip "ZB_HUGE_TESTS=0 (this pass repeats the suite in a slower build)"
}

sanitized() {
	case "${ZB_LDFLAGS:-}" in *sanitize*) return 0 ;; esac
	return 1
}

# run_zb ARGS...: zbsplit with stdout in ./out, stderr in ./err, status in $rc.
run_zb() {
	rc=0
	"$ZBSPLIT" "$@" >out 2>err || rc=$?
}

# unprivileged CMD...: CMD without the power to read files whatever their mode.  As
# root, the capabilities that override file modes are dropped (uid 0 stays, so the
# test folder stays reachable); otherwise CMD runs as it is.
unprivileged() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	else
		setpriv --inh-caps=-dac_override,-dac_read_search \
			--bounding-set=-dac_override,-dac_read_search "$@"
	fi
}

# --- | head -1 ------------------------------------------------------------------

@test "| head -1 on a 100 MB file: one line, exit 0, no message" {
	yes 'alpha:beta:gamma' | head -c 100000000 >big
	# SIGPIPE at its default disposition, so ignoring it is zbsplit's own doing
	bash -c 'env --default-signal=PIPE "$1" -d : -f 2 big 2>err | head -1 >head.out
		echo "${PIPESTATUS[0]}" >status' _ "$ZBSPLIT"
	printf 'beta\n' >head.exp
	same_bytes head.exp head.out
	[ "$(cat status)" = 0 ]
	[ ! -s err ]
}

@test "| head -1 on 100 MB from a pipe, in every mode: one line, exit 0, no message" {
	local opts
	for opts in "-d : -f 3" "-F 1" "-c 2-3" "-b 1 -n" "-d : --str-eq 2:beta" "-d : -f NF,1"; do
		bash -c 'yes "alpha:beta:gamma" | head -c 100000000 |
			env --default-signal=PIPE "$1" $2 2>err | head -1 >head.out
			echo "${PIPESTATUS[2]}" >status' _ "$ZBSPLIT" "$opts"
		[ "$(cat status)" = 0 ] || { echo "$opts: status $(cat status)"; return 1; }
		[ ! -s err ]
		[ "$(wc -l <head.out)" -eq 1 ]
	done
	# the last one's line, checked by hand
	printf 'gamma:alpha\n' >head.exp
	same_bytes head.exp head.out
}

# --- bad inputs among good ones ---------------------------------------------------

@test "a missing file, a directory and an unreadable file among good ones, as root too" {
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null || skip "root, and no setpriv to drop the power to read any file"
	fi
	# good inputs of several buffers each, so 'fully processed' means something
	yes 'a:1:x' | head -n 40000 >good1
	yes 'b:2:y' | head -n 50000 >good2
	yes 'c:3:z' | head -n 30000 >good3
	cat good1 good2 good3 | "$AWK" -F : '{ print $3 ":" $2 }' >exp
	mkdir dir
	printf 'secret:s:s\n' >unreadable
	chmod 000 unreadable
	rc=0
	unprivileged "$ZBSPLIT" -d : -f 3,2 good1 missing good2 dir unreadable good3 \
		>out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	same_bytes exp out
	printf '%s\n' "zbsplit: missing: No such file or directory" \
		"zbsplit: dir: Is a directory" "zbsplit: unreadable: Permission denied" >err.exp
	same_bytes err.exp err
}

@test "out of memory for a long record: a message, the next inputs processed, exit 1" {
	sanitized && skip "the sanitizers reserve more address space than the limit"
	printf 'a:1\n' >good1
	printf 'b:2\n' >good2
	rc=0
	# a 100 MB record cannot be held in 60 MB of address space
	{ head -c 100000000 /dev/zero | tr '\0' x; printf ':lost\nq:lost\n'; } |
		(ulimit -v 60000 && exec "$ZBSPLIT" -d : -f 2 good1 - good2) >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	printf '1\n2\n' >exp
	same_bytes exp out
	printf 'zbsplit: standard input: Cannot allocate memory\n' >err.exp
	same_bytes err.exp err
}

@test "-j 2: out of memory for a long record from a pipe: that input is abandoned, the next is read" {
	sanitized && skip "the sanitizers reserve more address space than the limit"
	printf 'a\tb\n' >ok
	rc=0
	# the workers start (200 MB leave room for their stacks); the record outgrows them
	head -c 300000000 /dev/zero | (ulimit -v 200000 && exec "$ZBSPLIT" -j 2 -f 1 - ok) \
		>out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	printf 'a\n' >exp
	same_bytes exp out
	printf 'zbsplit: standard input: Cannot allocate memory\n' >err.exp
	same_bytes err.exp err
}

@test "no memory for the buffers: a message before anything is read, exit 1" {
	sanitized && skip "the sanitizers reserve more address space than the limit"
	rc=0
	(ulimit -v 200000 && exec "$ZBSPLIT" --buffer-size=1G -f 1) </dev/null >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	[ ! -s out ]
	printf 'zbsplit: cannot allocate buffers: Cannot allocate memory\n' >err.exp
	same_bytes err.exp err
}

# --- inputs that end in the middle of something -------------------------------------

@test "an input ending inside a multi-byte delimiter: the partial delimiter is data" {
	printf 'a::b:' >in1
	at_all_sizes out -d '::' -f 2 in1
	printf 'b:\n' >exp
	same_bytes exp out
	at_all_sizes out -d '::' -f 1,NF in1
	printf 'a::b:\n' >exp
	same_bytes exp out
	# only a partial delimiter: undelimited, so whole, or dropped with -s
	printf 'ab:' >in2
	at_all_sizes out -d '::' -f 2 in2
	printf 'ab:\n' >exp
	same_bytes exp out
	at_all_sizes out -d '::' -f 2 -s in2
	[ ! -s out ]
	# a three-byte delimiter cut after two bytes, and a UTF-8 one after one
	printf 'xabcyab' >in3
	at_all_sizes out -d abc -f 2 in3
	printf 'yab\n' >exp
	same_bytes exp out
	printf 'a\xc3\xa9b\xc3' >in4
	at_all_sizes out -d '\xc3\xa9' -f 2 in4
	printf 'b\xc3\n' >exp
	same_bytes exp out
	at_all_sizes out --contains '2:b\xc3' -d '\xc3\xa9' in4
	printf 'a\xc3\xa9b\xc3\n' >exp
	same_bytes exp out
}

@test "a delimiter split between two files does not join them" {
	printf 'x:' >f1
	printf ':y\n' >f2
	at_all_sizes out -d '::' -f 2 f1 f2
	printf 'x:\n:y\n' >exp
	same_bytes exp out
	at_all_sizes out -d '::' -f 2 -s f1 f2
	[ ! -s out ]
}

@test "an input ending inside a UTF-8 character: each byte left is a character" {
	# 'a', 'b', then the first two bytes of the euro sign (e2 82 ac)
	printf 'ab\xe2\x82' >in
	at_all_sizes out -c 3 in
	printf '\xe2\n' >exp
	same_bytes exp out
	at_all_sizes out -c NF in
	printf '\x82\n' >exp
	same_bytes exp out
	at_all_sizes out -c 2- -O , in
	printf 'b\xe2\x82\n' >exp
	same_bytes exp out
	at_all_sizes out -c 1,3 -O , in
	printf 'a,\xe2\n' >exp
	same_bytes exp out
	at_all_sizes out -b 1-3 -n in
	printf 'ab\xe2\n' >exp
	same_bytes exp out
	at_all_sizes out -z -c 3- in
	printf '\xe2\x82\0' >exp
	same_bytes exp out
	# an e-acute split between two files: two records, not one character
	printf 'x\xc3' >f1
	printf '\xa9y' >f2
	at_all_sizes out -c 1,2 -O , f1 f2
	printf 'x,\xc3\n\xa9,y\n' >exp
	same_bytes exp out
}

# --- binary input ------------------------------------------------------------------

# ref_vs REFARGS -- ZBARGS: on ./bin, zbsplit ZBARGS must write what
# tests/reference.py REFARGS writes, at every buffer size.
ref_vs() {
	local ref=()
	while [ "$1" != -- ]; do
		ref+=("$1")
		shift
	done
	shift
	"$PYTHON" "$BATS_TEST_DIRNAME/reference.py" "${ref[@]}" <bin >ref.out
	[ -s ref.out ] || { echo "the reference wrote nothing for ${ref[*]}"; return 1; }
	at_all_sizes out "$@" bin
	same_bytes ref.out out "zbsplit $*"
}

@test "binary input (NUL bytes, invalid UTF-8) in every mode: as cut and a model of the spec" {
	"$PYTHON" "$BATS_TEST_DIRNAME/reference.py" gen 7 1500 >bin
	# what the input holds: NULs, every byte value, invalid and valid UTF-8
	[ "$(tr -cd '\0' <bin | wc -c)" -gt 1000 ]
	[ "$(od -An -v -tu1 bin | tr -s ' ' '\n' | sed '/^$/d' | sort -un | wc -l)" -eq 256 ]
	grep -q $'\xed\xa0\x80' bin
	grep -q $'\xf0\x9f\x98\x80' bin
	# bytes and fields as GNU cut, which treats every byte alike
	vs_cut bin -f 2,4-
	vs_cut bin -d : -f 1,3 -s
	vs_cut bin -d '' -f 2
	vs_cut bin -b 2-5,9
	vs_cut bin -z -d : -f 2
	vs_cut bin -d : -f 2 --complement
	# the rest against the reference model
	ref_vs f 3,1 -- -f 3,1
	ref_vs f NF-1- --delim 3a3a -- -d '::' -f NF-1-
	ref_vs f 4-,2 --out 2c00 -- -f 4-,2 -O ',\0'
	ref_vs w 2,1 -- -w -f 2,1
	ref_vs F 3,1 -- -F 3,1
	ref_vs R 2,1 --regex '[:;]+' -- -R '[:;]+' -f 2,1
	ref_vs c 2-4 -- -c 2-4
	ref_vs c NF-2-NF -z -- -z -c NF-2-NF
	ref_vs bn 2-7 -- -b 2-7 -n
	ref_vs f 1 --contains 2:ff -- --contains '2:\xff' -f 1
	ref_vs f 2 --delim 3a --empty 3 -- -d : --empty 3 -f 2
}

# --- one record of 200 MB ----------------------------------------------------------

# big_record BYTES: BYTES bytes of 'x', then ':end', no newline.
big_record() {
	head -c "$1" /dev/zero | tr '\0' x
	printf ':end'
}

# big_expected BYTES: what -d : -f 2,1 writes for it.
big_expected() {
	printf 'end:'
	head -c "$1" /dev/zero | tr '\0' x
	printf '\n'
}

# big_run BYTES ARGS...: big_record BYTES | zbsplit -d : -f 2,1 ARGS; its output's
# checksum must be the expected one, and its peak memory below 8 MiB plus the record
# (the man page's bound).
big_run() {
	local bytes=$1 want got kb
	shift
	want=$(big_expected "$bytes" | cksum)
	big_record "$bytes" | {
		timeout 600 /usr/bin/time -f %M -o rss "$ZBSPLIT" -d : -f 2,1 "$@" 2>err
		echo $? >status
	} | cksum >sum
	got=$(cat sum)
	[ "$(cat status)" = 0 ] && [ ! -s err ] || { echo "status $(cat status)"; cat err; return 1; }
	[ "$got" = "$want" ] || { echo "output checksum $got, expected $want"; return 1; }
	if ! sanitized; then
		kb=$(tail -1 rss)
		echo "zbsplit $*: $kb KiB"
		[ "$kb" -lt $((8192 + (bytes + 4) / 1024)) ]
	fi
}

@test "a single 200 MB record without a newline, at the default buffer size" {
	check_only
	[ -x /usr/bin/time ] || skip "GNU time is not installed"
	big_run 200000000
}

@test "a single 200 MB record without a newline, at --buffer-size=64" {
	check_only
	huge_only
	[ -x /usr/bin/time ] || skip "GNU time is not installed"
	big_run 200000000 --buffer-size=64
}

# At the smallest buffer every byte is a read(2) and an append to the collator: 200 MB
# would be 200 million system calls, 5 minutes on these machines (1.5 us a read), so
# the record is 20 MB; what a byte-sized buffer could get wrong (a collator that grows
# by copying everything each time, memory that grows by buffer) shows at that size.
@test "a single 20 MB record without a newline, at --buffer-size=1 (one read per byte)" {
	check_only
	huge_only
	[ -x /usr/bin/time ] || skip "GNU time is not installed"
	big_run 20000000 --buffer-size=1
}
