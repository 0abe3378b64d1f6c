#!/usr/bin/env bats
# The suite is hermetic: every oracle is called by the name tests/need.sh checks
# (mawk as $AWK or $MAWK, gawk as $GAWK, Debian's python3 as $PYTHON, GNU cut as
# $CUT), never as "whatever awk or python3 comes first in PATH", so the verdicts
# are the same whether the system awk is mawk or gawk.

# bare_calls: lines of the test scripts that run awk, gawk, python or python3 by a
# bare name (comments and test titles aside).
bare_calls() {
	grep -nE '(^|[;&|({]|\$\(|[[:space:]])(g?awk|python3?)[[:space:]]' \
		"$BATS_TEST_DIRNAME"/*.bats "$BATS_TEST_DIRNAME"/*.bash |
		grep -vE '^[^:]+:[0-9]+:[[:space:]]*(#|@test)' || true
}

@test "no test calls awk or python3 by a bare name" {
	run bare_calls
	[ "$status" -eq 0 ]
	[ -z "$output" ] || { echo "bare calls:"; echo "$output"; return 1; }
}

@test "the check above finds a bare call" {
	# guards the grep: a planted call must be found
	cp "$BATS_TEST_DIRNAME"/test_helper.bash "$BATS_TEST_TMPDIR/x.bash"
	printf '\tawk -F: 1 file\n' >>"$BATS_TEST_TMPDIR/x.bash"
	BATS_TEST_DIRNAME=$BATS_TEST_TMPDIR run bare_calls
	[[ $output == *"awk -F: 1 file"* ]]
}
