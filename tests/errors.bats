#!/usr/bin/env bats
# Usage errors (exit 2), input and output errors (exit 1), --help, --version.
# Expected messages are the ones the spec gives.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf 'a:1\n' >good1
	printf 'b:2' >good2
	printf '1\n2\n' >good.exp
}

# run_zb ARGS...: run zbsplit with stdout in ./out, stderr in ./err, $rc.
run_zb() {
	rc=0
	"$ZBSPLIT" "$@" >out 2>err || rc=$?
}

# stderr_is TEXT: ./err is exactly TEXT plus a newline.
stderr_is() {
	printf '%s\n' "$1" >err.exp
	same_bytes err.exp err "stderr"
}

# --- list options ---------------------------------------------------------

@test "no list option is a usage error" {
	usage_error
	usage_error good1
	usage_error -d : good1
	usage_error -s
}

@test "more than one list is a usage error" {
	usage_error -f 1 -b 1
	usage_error -b 1 -c 1
	usage_error -F 1 -f 1
	usage_error -c 1 -f 2
	usage_error -f 1 -f 2
	usage_error -b 1 -b 2
	usage_error --fields=1 --fields=2
}

@test "usage errors through the binary: one of each kind (all of them in tests/tool/test_usage.c)" {
	usage_error -f 1 --str-eq 2
	[ "$errline" = "zbsplit: invalid predicate '--str-eq 2': expected FIELD:STRING" ]
	usage_error -f 1 --ge 2:abc
	[ "$errline" = "zbsplit: invalid predicate '--ge 2:abc': 'abc' is not a number" ]
	usage_error -f 1 --regex '2:('
	err_mentions "invalid predicate '--regex 2:('"
	usage_error -f 1 --gt NF-x:1
	[ "$errline" = "zbsplit: invalid predicate '--gt NF-x:1': a range of fields is N-M, two numbers (a name with '-' in it is written in double quotes: \"a-b\")" ]
	usage_error -b 3-1
	[ "$errline" = "zbsplit: invalid list item '3-1': decreasing range" ]
}

@test "bad LISTs are usage errors naming the bad item" {
	check_only # in-process by tests/tool/test_usage.c in make test
	# LIST=ITEM: the message must name the bad ITEM
	local p l item o
	for p in 0=0 0-2=0-2 3-1=3-1 -=- a=a NF-1-NF-3=NF-1-NF-3 1,x=x 2-a=a \
		NFx=NFx 7-0=7-0 1-3,5-4=5-4; do
		l=${p%%=*} item=${p#*=}
		for o in -f -b -c; do
			usage_error $o "$l"
			err_mentions "$item"
		done
	done
	# without -H, a word in a LIST is a field name, and the message says so
	usage_error -f 2-a
	[ "$errline" = "zbsplit: 'a' is not a field number; field names need -H (--header)" ]
	usage_error -H -b 2-a
	[ "$errline" = "zbsplit: 'a' is not a byte or character number; names work only in -f or -F lists" ]
}

@test "LISTs with an empty item are usage errors" {
	local l
	for l in , 1,,2 1, ,3; do
		usage_error -f "$l"
		usage_error -b "$l"
	done
}

@test "an empty LIST is a usage error" {
	usage_error -f ''
	usage_error -b ''
	usage_error --characters=
}

@test "numbers above 9223372036854775807 are too large" {
	local n
	for n in 9223372036854775808 99999999999999999999999; do
		usage_error -f "NF-$n"
		err_mentions "too large"
		usage_error -f "$n"
		err_mentions "too large"
		err_mentions "$n"
		usage_error -b "1-$n"
		err_mentions "too large"
		err_mentions "$n"
	done
}

@test "valid NF forms are not errors" {
	check 'a:b:c:d:e\n' 'b:c:d\n' -d : -f NF-3-NF-1
	check 'a:b:c:d:e\n' 'e\n' -d : -f 9223372036854775807,NF
}

# --- -d / -O --------------------------------------------------------------

@test "an unknown escape in -d or -O is a usage error naming it" {
	usage_error -d '\q' -f 1
	err_mentions '\q'
	usage_error -f 1 -O 'a\z'
	err_mentions '\z'
	usage_error -f 1 --output-delimiter='\e'
	err_mentions '\e'
}

@test "a delimiter of several bytes containing the record terminator is a usage error" {
	# (the terminator alone is allowed: each input is one record, cut_compat.bats)
	usage_error -d 'a\nb' -f 1
	err_mentions "the delimiter 'a\nb' contains the record terminator"
	usage_error -d $'x\n' -f 1
	usage_error -z -d 'x\x00' -f 1
	usage_error -z -d '\0\0' -f 1
	usage_error -H -d '\n' -f 1
	err_mentions "-H cannot be used with the delimiter"
	# ... but not a newline with -z
	check 'a\nb\0c\0' 'b\0c\0' -z -d '\n' -f 2
}

# --- incompatible options -------------------------------------------------

@test "-s, -d or -w with -b/-c is a usage error" {
	usage_error -b 1 -s
	usage_error -c 1 -s
	usage_error -b 1 -d :
	usage_error -c 1 -d :
	usage_error -b 1 -w
	usage_error -c 1 --whitespace-delimited=trimmed
}

@test "-n without a list is a usage error (with -f, -F or -c it is ignored: cut_compat.bats)" {
	usage_error -n
}

@test "-w with -d is a usage error" {
	usage_error -w -d : -f 1
	usage_error -w -d '' -f 1
}

@test "a bad --whitespace-delimited argument is a usage error naming it" {
	usage_error --whitespace-delimited=foo -f 1
	err_mentions foo
	usage_error --whitespace-delimited=trim -f 1
	err_mentions trim
	usage_error --whitespace-delimited= -f 1
}

# --- --buffer-size --------------------------------------------------------

@test "bad --buffer-size values are usage errors naming the value" {
	local v
	for v in 0 abc -1 2G 1073741825 1025M 5T 1KK 12x 0K 99999999999999999999999; do
		usage_error -f 1 --buffer-size="$v"
		err_mentions "$v"
	done
	usage_error -f 1 --buffer-size=
}

@test "valid --buffer-size values work" {
	local v
	for v in 1 5 1K 64K 1M 3M; do
		check 'a\tb\nc\td\n' 'b\nd\n' -f 2 --buffer-size="$v"
	done
	check 'a\tb\n' 'b\n' -f 2 --buffer-size 17
}

# --- option parsing -------------------------------------------------------

@test "unknown options and missing arguments" {
	usage_error -q -f 1
	[ "$errline" = "zbsplit: invalid option -- 'q'" ]
	usage_error --foo -f 1
	[ "$errline" = "zbsplit: unrecognized option '--foo'" ]
	usage_error -f
	[ "$errline" = "zbsplit: option '-f' requires an argument" ]
	usage_error -d : -b
	usage_error -f 1 -d
	usage_error -f 1 -O
	usage_error --fields
	[ "$errline" = "zbsplit: option '--fields' requires an argument" ]
	usage_error -sf
	[ "$errline" = "zbsplit: option '-f' requires an argument" ]
	usage_error --help=x
	[ "$errline" = "zbsplit: option '--help' doesn't allow an argument" ]
	usage_error -f 1 --complement=yes
	[ "$errline" = "zbsplit: option '--complement' doesn't allow an argument" ]
}

@test "--help and --version: a write error is reported, a closed pipe is quiet" {
	for opt in --help --version; do
		run "$ZBSPLIT" "$opt"
		[ "$status" -eq 0 ]
		run bash -c '"$0" "$1" >/dev/full' "$ZBSPLIT" "$opt"
		[ "$status" -eq 1 ]
		[ "$output" = "zbsplit: write error: No space left on device" ]
		run bash -c '"$0" "$1" >&-' "$ZBSPLIT" "$opt"
		[ "$status" -eq 1 ]
		[ "$output" = "zbsplit: write error: Bad file descriptor" ]
		# the reader is gone before zbsplit writes: status 0 and no message
		run bash -c '(sleep 0.3; "$0" "$1" 2>&1; echo "rc=$?" >&2) | true' "$ZBSPLIT" "$opt"
		[ "$output" = "rc=0" ]
	done
}

# --- input errors -------------------------------------------------------

@test "a missing file: message, others processed in order, exit 1" {
	run_zb -d : -f 2 good1 nosuch good2
	[ "$rc" -eq 1 ]
	same_bytes good.exp out
	stderr_is "zbsplit: nosuch: No such file or directory"
}

@test "a directory: message, others processed in order, exit 1" {
	mkdir somedir
	run_zb -d : -f 2 good1 somedir good2
	[ "$rc" -eq 1 ]
	same_bytes good.exp out
	stderr_is "zbsplit: somedir: Is a directory"
}

@test "an unreadable file: message, others processed in order, exit 1" {
	printf 'x:secret\n' >secret
	chmod 000 secret
	if [ "$(id -u)" -eq 0 ]; then
		# root reads anything: run zbsplit as nobody, which the mode does stop
		command -v setpriv >/dev/null || skip "running as root without setpriv"
		chmod 755 "$BATS_TEST_TMPDIR" "$PWD"
		chmod 644 good1 good2
		as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
		as_nobody "$ZBSPLIT" -f 1 good1 >/dev/null 2>&1 ||
			skip "nobody cannot run zbsplit or read the test folder here"
		rc=0
		as_nobody "$ZBSPLIT" -d : -f 2 good1 secret good2 >out 2>err || rc=$?
	else
		run_zb -d : -f 2 good1 secret good2
	fi
	[ "$rc" -eq 1 ]
	same_bytes good.exp out
	stderr_is "zbsplit: secret: Permission denied"
}

@test "several bad inputs: one message each, in order" {
	mkdir somedir
	printf 'c:3\n' >good3
	printf '1\n2\n3\n' >exp3
	run_zb -d : -f 2 nosuch good1 somedir good2 nosuch2 good3
	[ "$rc" -eq 1 ]
	same_bytes exp3 out
	printf '%s\n' "zbsplit: nosuch: No such file or directory" \
		"zbsplit: somedir: Is a directory" \
		"zbsplit: nosuch2: No such file or directory" >err.exp
	same_bytes err.exp err
}

@test "closed stdin: 'standard input' message, exit 1" {
	rc=0
	"$ZBSPLIT" -f 1 <&- >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	[ ! -s out ]
	stderr_is "zbsplit: standard input: Bad file descriptor"
}

@test "closed stdin named by '-' among good files" {
	rc=0
	"$ZBSPLIT" -d : -f 2 good1 - good2 <&- >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	same_bytes good.exp out
	stderr_is "zbsplit: standard input: Bad file descriptor"
}

# --- output errors ------------------------------------------------------

@test ">/dev/full: write error message, exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	rc=0
	"$ZBSPLIT" -d : -f 2 good1 >/dev/full 2>err || rc=$?
	[ "$rc" -eq 1 ]
	stderr_is "zbsplit: write error: No space left on device"
}

@test ">/dev/full with much output: one message, exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	yes 'alpha:beta:gamma' | head -n 30000 >big
	rc=0
	"$ZBSPLIT" -d : -f 2 big >/dev/full 2>err || rc=$?
	[ "$rc" -eq 1 ]
	stderr_is "zbsplit: write error: No space left on device"
}

@test "closed stdout: write error message, exit 1" {
	rc=0
	"$ZBSPLIT" -d : -f 2 good1 >&- 2>err || rc=$?
	[ "$rc" -eq 1 ]
	stderr_is "zbsplit: write error: Bad file descriptor"
}

# A closed pipe (| head -1) is quiet with status 0: tests/faults.bats.

# --- --help / --version -------------------------------------------------

@test "--help: usage on stdout, exit 0, every option mentioned" {
	run_zb --help
	[ "$rc" -eq 0 ]
	[ ! -s err ]
	local o
	for o in -f --fields -F -b --bytes -c --characters -n -d --delimiter \
		-w --whitespace-delimited =trimmed -O --output-delimiter -s --only-delimited \
		--complement -z --zero-terminated --buffer-size -h --help -V --version; do
		grep -q -e "$o\\b" out || {
			echo "--help does not mention $o"
			return 1
		}
	done
	head -1 out | grep -q '^Usage: zbsplit '
	grep -q '^Examples:$' out
	# the examples do what they say, on data made for them
	printf 'root:x:0:0::/root:/bin/bash\n' >passwd
	[ "$("$ZBSPLIT" -d : -f 1,NF passwd)" = "root:/bin/bash" ]
	printf '12:00 host INFO start\n12:01 host WARN disk\n' >app.log
	[ "$("$ZBSPLIT" -F 3 app.log | tr '\n' ' ')" = "INFO WARN " ]
	printf 'a\tb\tc\td\t500\nx\ty\tz\tw\t200\n' >log.tsv
	[ "$("$ZBSPLIT" --ge 5:400 -f 1,5 log.tsv)" = "$(printf 'a\t500')" ]
	printf 'id\tname\temail\n1\tAda\tada@x\n' >people.tsv
	[ "$("$ZBSPLIT" -H -f name,email people.tsv | tr '\n' ' ')" = "$(printf 'name\temail Ada\tada@x ')" ]
	cp out help.out
	run_zb -h
	[ "$rc" -eq 0 ]
	same_bytes help.out out
}

@test "--version and -V print 'zbsplit 0.1.0'" {
	printf 'zbsplit 0.1.0\n' >v.exp
	run_zb --version
	[ "$rc" -eq 0 ]
	[ ! -s err ]
	same_bytes v.exp out
	run_zb -V
	[ "$rc" -eq 0 ]
	same_bytes v.exp out
}

@test "stdin is a directory: 'standard input' message, exit 1" {
	mkdir somedir
	rc=0
	"$ZBSPLIT" -d : -f 2 good1 - good2 <somedir >out 2>err || rc=$?
	[ "$rc" -eq 1 ]
	same_bytes good.exp out
	stderr_is "zbsplit: standard input: Is a directory"
}
