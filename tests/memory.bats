#!/usr/bin/env bats
# Memory is a few buffers plus the longest record: nothing is kept per record, per
# field or per character, however many there are.  The man page states the bound:
# peak resident memory below 8 MiB plus the longest record (default buffer size).
# Measured as zbsplit's own peak resident set (GNU time's %M), never as a timing.

load test_helper

setup() {
	[ -x /usr/bin/time ] || skip "GNU time is not installed"
	case "${ZB_LDFLAGS:-}" in *sanitize*) skip "sanitizers change memory use" ;; esac
	D=$BATS_TEST_TMPDIR
}

# peak_kb ARGS...: zbsplit's peak resident set in KiB (output discarded)
peak_kb() {
	/usr/bin/time -f %M -o "$D/rss" "$ZBSPLIT" "$@" >/dev/null
	cat "$D/rss"
}

# GiB_of LINE: 1 GiB of LINE, repeated (the last one cut short), from a pipe.
GiB_of() {
	yes "$1" | head -c 1073741824
}

# bound_kb RECORD_BYTES: the man page's bound in KiB, 8 MiB plus the record.
bound_kb() {
	echo $((8192 + $1 / 1024))
}

@test "a record of 20 million fields: -f NF, NF-relative and complement stay near the record size" {
	# one 20 MB record of 20 million empty fields
	head -c 20000000 /dev/zero | tr '\0' '\t' >"$D/tabs"
	for opts in "-f NF" "-f NF,1" "-f 2 --complement" "-f NF-1-" "-w -f NF"; do
		kb=$(peak_kb $opts "$D/tabs")
		echo "$opts: $kb KiB"
		[ "$kb" -lt 40000 ] # the 20 MB record (19532 KiB) plus buffers; a per-field array would be 470 MB
		[ "$kb" -lt "$(bound_kb 20000000)" ]
	done
}

@test "--csv: a record of 20 million fields stays near the record size, in every path" {
	# one 20 MB CSV record of 20 million empty fields, and one with quotes (not well
	# formed, so every field is walked the slow way too)
	head -c 20000000 /dev/zero | tr '\0' ',' >"$D/commas"
	{ head -c 10000000 /dev/zero | tr '\0' ','; printf 'a"b,"c""d"e,'; } >"$D/quotes"
	for opts in "-f NF" "-f NF,1" "-f 2 --complement" "-f 2-" "" "--str-eq NF-1:x" \
		"--csv=strict -f 3"; do
		for f in commas quotes; do
			# (strict rejects the quotes: exit 1, and GNU time says so before the figure)
			kb=$(peak_kb --csv $opts "$D/$f" 2>/dev/null | tail -n 1) || true
			echo "--csv $opts $f: $kb KiB"
			[ "$kb" -lt 40000 ] # a per-field array of starts would be 160 MB
			[ "$kb" -lt "$(bound_kb 20000000)" ]
		done
	done
}

@test "-c and -b -n on 3 million characters stay near the record size" {
	# 6 MB of two-byte characters
	head -c 3000000 /dev/zero | tr '\0' 'x' | sed 's/x/\xc3\xa9/g' >"$D/utf8"
	for opts in "-c NF" "-c 2-NF --complement" "-b 1-9 -n" "-b 3-NF -n"; do
		kb=$(peak_kb $opts "$D/utf8")
		echo "$opts: $kb KiB"
		[ "$kb" -lt 20000 ] # the 6 MB record plus buffers; a per-character array would be 24 MB
	done
}

# gib_peak LINE LINES ARGS...: GiB_of LINE | zbsplit ARGS, which must exit 0 and write
# LINES lines (so the whole GiB went through); prints zbsplit's peak in KiB.
gib_peak() {
	local line=$1 lines=$2
	shift 2
	GiB_of "$line" | {
		/usr/bin/time -f %M -o "$D/rss" "$ZBSPLIT" "$@" | wc -l >"$D/lines"
		echo "${PIPESTATUS[0]}" >"$D/status"
	}
	if [ "$(cat "$D/status")" != 0 ] || [ "$(cat "$D/lines")" != "$lines" ]; then
		echo "zbsplit $*: status $(cat "$D/status"), $(cat "$D/lines") lines, not $lines" >&2
		return 1
	fi
	tail -1 "$D/rss"
}

huge_only() {
	[ "${ZB_HUGE_TESTS:-1}" != 0 ] || skip "ZB_HUGE_TESTS=0 (this pass repeats the suite in a slower build)"
}

@test "1 GiB of ordinary lines: peak memory below 8 MiB, in every path" {
	huge_only
	local line kb opts bound
	# 63 bytes and a newline: 2^24 lines make the GiB exactly
	line=$'2026-11-25 10:00:01\tINFO\tapi\tGET /users/42\t200\t0.042\tcaf\xc3\xa9 \xe2\x82\xac9'
	[ "$(printf '%s\n' "$line" | wc -c)" -eq 64 ]
	bound=$(bound_kb 64)
	# the one-byte-delimiter block path, blank runs with a predicate, characters
	for opts in "-f 2" "-F 2,1 --str-eq 3:INFO" "-c 2-5"; do
		kb=$(gib_peak "$line" 16777216 $opts)
		echo "$opts: $kb KiB (bound $bound)"
		[ "$kb" -lt "$bound" ]
	done
}

@test "1 GiB of 8-byte lines (134 million): peak memory below 8 MiB" {
	huge_only
	local kb bound
	bound=$(bound_kb 8)
	kb=$(gib_peak $'a\tb c d' 134217728 -f 2)
	echo "-f 2: $kb KiB (bound $bound)"
	[ "$kb" -lt "$bound" ]
}

@test "1 GiB of 1 MiB lines: peak memory below 8 MiB plus one line" {
	huge_only
	local kb opts bound i
	# 1 MiB lines, each longer than the buffer, so each is joined in the collator;
	# 64 MiB of them on disk, read 16 times over (yes cannot take a 1 MiB argument)
	{
		printf 'a\t'
		head -c $((1048576 - 3)) /dev/zero | tr '\0' x
		printf '\n'
	} >"$D/line"
	for i in $(seq 64); do cat "$D/line"; done >"$D/block"
	bound=$(bound_kb 1048576)
	for opts in "-f 2" "-c NF" "-d x -f NF-1"; do
		kb=$(yes "$D/block" | head -n 16 | xargs cat | {
			/usr/bin/time -f %M -o "$D/rss" "$ZBSPLIT" $opts | wc -l >"$D/lines"
			tail -1 "$D/rss"
		})
		[ "$(cat "$D/lines")" -eq 1024 ]
		echo "$opts: $kb KiB (bound $bound)"
		[ "$kb" -lt "$bound" ]
	done
}
