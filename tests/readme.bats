#!/usr/bin/env bats
# The README's examples run as shown: every `$ command` in a ```console block must
# print exactly the lines under it, and the ```c program must compile and work.

AWK=mawk # named, as in test_helper.bash

setup() {
	ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	ZBSPLIT="${ZBSPLIT:-$ROOT/build/zbsplit}"
	BIN="$BATS_TEST_TMPDIR/bin"
	mkdir -p "$BIN"
	ln -sf "$ZBSPLIT" "$BIN/zbsplit"
	# the examples' awk is mawk, Debian's default, whatever the system awk is
	ln -sf "$(command -v mawk)" "$BIN/awk"
}

@test "README console examples print what the README shows" {
	"$AWK" -v dir="$BATS_TEST_TMPDIR" '
		/^```console$/ { inblock = 1; next }
		/^```$/ { inblock = 0; next }
		inblock && /^\$ / { n++; print substr($0, 3) > (dir "/cmd" n); printf "" > (dir "/want" n); next }
		inblock { print > (dir "/want" n) }
		END { print n > (dir "/count") }
	' "$ROOT/README.md"
	count=$(cat "$BATS_TEST_TMPDIR/count")
	[ "$count" -ge 6 ]
	# the examples run one after another in a scratch directory, where they may leave
	# files for the next ones, with a scratch HOME for GNU parallel's state
	mkdir -p "$BATS_TEST_TMPDIR/run" "$BATS_TEST_TMPDIR/home/.parallel"
	touch "$BATS_TEST_TMPDIR/home/.parallel/will-cite"
	gnu_parallel=1
	parallel --version 2>/dev/null | grep -q '^GNU parallel' || gnu_parallel=0
	skipped=0
	for i in $(seq 1 "$count"); do
		if [ "$gnu_parallel" = 0 ] && grep -qw parallel "$BATS_TEST_TMPDIR/cmd$i"; then
			skipped=$((skipped + 1))
			continue
		fi
		(cd "$BATS_TEST_TMPDIR/run" && HOME="$BATS_TEST_TMPDIR/home" PATH="$BIN:$PATH" \
			bash -c "$(cat "$BATS_TEST_TMPDIR/cmd$i")") >"$BATS_TEST_TMPDIR/got$i"
		if ! cmp "$BATS_TEST_TMPDIR/want$i" "$BATS_TEST_TMPDIR/got$i"; then
			echo "README example failed: $(cat "$BATS_TEST_TMPDIR/cmd$i")"
			diff "$BATS_TEST_TMPDIR/want$i" "$BATS_TEST_TMPDIR/got$i" || true
			return 1
		fi
	done
	if [ "$skipped" -gt 0 ]; then
		skip "$skipped examples not run: GNU parallel is not installed (Debian package parallel)"
	fi
}

@test "README C example compiles against the library and prints first fields" {
	"$AWK" '/^```c$/ { inblock = 1; next } /^```$/ { inblock = 0 } inblock' "$ROOT/README.md" \
		>"$BATS_TEST_TMPDIR/first_field.c"
	[ -s "$BATS_TEST_TMPDIR/first_field.c" ]
	${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -I"$ROOT/src/zb" \
		"$BATS_TEST_TMPDIR/first_field.c" "$(dirname "$ZBSPLIT")/libzb.a" \
		$ZB_LDFLAGS -o "$BATS_TEST_TMPDIR/first_field"
	printf 'root:x:0\nno colon\n:empty first\nlast:line' >"$BATS_TEST_TMPDIR/in"
	printf 'root\nno colon\n\nlast\n' >"$BATS_TEST_TMPDIR/want"
	"$BATS_TEST_TMPDIR/first_field" <"$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/got"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}
