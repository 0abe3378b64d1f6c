#!/usr/bin/env bats
# Memory is a few buffers plus the longest record: nothing is kept per field or per
# character, however many a record has.

load test_helper

setup() {
	[ -x /usr/bin/time ] || skip "GNU time is not installed"
	case "${ZB_LDFLAGS:-}" in *sanitize*) skip "sanitizers change memory use" ;; esac
	D=$BATS_TEST_TMPDIR
	# one 20 MB record of 20 million empty fields, and 6 MB of two-byte characters
	head -c 20000000 /dev/zero | tr '\0' '\t' >"$D/tabs"
	head -c 3000000 /dev/zero | tr '\0' 'x' | sed 's/x/\xc3\xa9/g' >"$D/utf8"
}

# peak_kb ARGS...: zbsplit's peak resident set in KiB (output discarded)
peak_kb() {
	/usr/bin/time -f %M -o "$D/rss" "$ZBSPLIT" "$@" >/dev/null
	cat "$D/rss"
}

@test "a record of 20 million fields: -f NF, NF-relative and complement stay near the record size" {
	for opts in "-f NF" "-f NF,1" "-f 2 --complement" "-f NF-1-" "-w -f NF"; do
		kb=$(peak_kb $opts "$D/tabs")
		echo "$opts: $kb KiB"
		[ "$kb" -lt 40000 ] # the 20 MB record (19532 KiB) plus buffers; a per-field array would be 470 MB
	done
}

@test "-c and -b -n on 3 million characters stay near the record size" {
	for opts in "-c NF" "-c 2-NF --complement" "-b 1-9 -n" "-b 3-NF -n"; do
		kb=$(peak_kb $opts "$D/utf8")
		echo "$opts: $kb KiB"
		[ "$kb" -lt 20000 ] # the 6 MB record plus buffers; a per-character array would be 24 MB
	done
}
