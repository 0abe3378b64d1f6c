#!/usr/bin/env bats
# --buffer-size must not change the output.  A varied corpus (corpus.bash) goes
# through many option sets at the default buffer size, checked against GNU cut (or
# mawk) where an independent reference exists, and under `make check` at buffer
# sizes 1, 2, 3, 7, 64 and 4096 too: all outputs must be identical.  The shared list
# of option sets (tests/option_sets.txt, also run by jobs.bats and, at sizes 1 to
# 64 in-process, by tests/tool/test_engine.c) goes through at sizes 1, 7 and 64.

load test_helper
load corpus

SIZES="1 2 3 7 64 4096"

# The corpus is made once for the file and only read by the tests.
setup_file() {
	gen_corpus "$BATS_FILE_TMPDIR/corpus"
}

setup() {
	IN=$BATS_FILE_TMPDIR/corpus
	REF=$BATS_TEST_TMPDIR/ref
	DEF=$BATS_TEST_TMPDIR/default.out
}

# sizes ARGS...: zbsplit ARGS on the corpus at the default buffer size and at
# every size in $SIZES; all outputs must be identical.  The default output is
# left in $DEF.
sizes() {
	local rc=0 s small
	"$ZBSPLIT" "$@" "$IN" >"$DEF" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$BATS_TEST_TMPDIR/err" ]; then
		echo "zbsplit $*: exit $rc"
		cat "$BATS_TEST_TMPDIR/err"
		return 1
	fi
	# shellcheck disable=SC2086 # SIZES is a list of numbers
	small_sizes $SIZES
	for s in "${small[@]}"; do
		rc=0
		"$ZBSPLIT" --buffer-size="$s" "$@" "$IN" >"$BATS_TEST_TMPDIR/bs.out" 2>"$BATS_TEST_TMPDIR/err" || rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$BATS_TEST_TMPDIR/err" ]; then
			echo "zbsplit --buffer-size=$s $*: exit $rc"
			cat "$BATS_TEST_TMPDIR/err"
			return 1
		fi
		same_bytes "$DEF" "$BATS_TEST_TMPDIR/bs.out" "--buffer-size=$s $*"
	done
}

# sizes_cut ARGS...: sizes, and the default output must equal GNU cut's.
sizes_cut() {
	sizes "$@"
	"$CUT" "$@" "$IN" >"$REF"
	same_bytes "$REF" "$DEF" "cut $*"
}

@test "corpus sanity: varied content" {
	local bytes
	bytes=$(wc -c <"$IN")
	[ "$bytes" -gt 30000 ] && [ "$bytes" -lt 80000 ]
	# NUL bytes, CRs, '::', no final newline, a record over 10000 bytes
	[ "$(tr -cd '\0' <"$IN" | wc -c)" -gt 10 ]
	[ "$(tr -cd '\r' <"$IN" | wc -c)" -gt 10 ]
	grep -aq '::' "$IN"
	[ "$(tail -c 1 "$IN")" != "" ]
	[ "$("$AWK" '{ if (length($0) > m) m = length($0) } END { print m }' "$IN")" -gt 10000 ]
}

@test "-f with ':' (ascending lists): all sizes, equal to cut" {
	sizes_cut -d : -f 1
	sizes_cut -d : -f 2,4-6
	sizes_cut -d : -f 3-
	sizes_cut -d : -f -2,5
	sizes_cut -d : -f 1-3,2-4
}

@test "-f with ':' -s, --complement, --output-delimiter: all sizes, equal to cut" {
	sizes_cut -d : -f 2 -s
	sizes_cut -d : -f 2,3 --complement
	sizes_cut -d : -f 2 --complement -s
	sizes_cut -d : -f 1,3 --output-delimiter='|'
	sizes_cut -d : -f 2- --output-delimiter=::
}

@test "-f with TAB and NUL delimiters: all sizes, equal to cut" {
	sizes_cut -f 1-3
	sizes_cut -f 2 -s
	sizes_cut -d '' -f 2
	sizes_cut -d '' -f 1,3 -s
}

@test "-f with descending lists and NF forms: all sizes" {
	sizes -d : -f NF,1
	sizes -d : -f 2-NF
	sizes -d : -f 5,1-2
	sizes -d : -f NF-1-,1 --complement
}

@test "-d '::' and ':::': all sizes, -f 2,3 equal to awk" {
	sizes -d '::' -f 2,3
	"$AWK" -F '::' '{
		if (index($0, "::") == 0) { print; next }
		out = $2
		if (NF >= 3) out = out "::" $3
		print out
	}' "$IN" >"$REF"
	same_bytes "$REF" "$DEF" "awk -F ::"
	sizes -d '::' -f 1,NF
	sizes -d '::' -f 2 -s
	sizes -d ':::' -f 2
	sizes -d '::' -f 3,1 -O '\t'
}

@test "-w, =trimmed, -F: all sizes" {
	sizes -w -f 2,3
	sizes -w -f 1 -s
	sizes --whitespace-delimited=trimmed -f 1,NF
	sizes -F 3,1
	sizes -F 2 -d :
}

@test "-b (ascending lists): all sizes, equal to cut" {
	sizes_cut -b 1-5,20-30,100-
	sizes_cut -b 3- --complement
	sizes_cut -b 2,4,4000-4200 --output-delimiter=:
	sizes_cut -b 1-2,3-4 --complement --output-delimiter=XY
}

@test "-b descending, -b -n, -c: all sizes" {
	sizes -b 9,1-3
	sizes -b NF
	sizes -b 1-5,20-30 -n
	sizes -b 2- -n
	sizes -c 2-8,50-
	sizes -c NF-2-
	sizes -c 5 --complement -O '|'
	sizes -c 3,1
}

@test "-z: all sizes, equal to cut" {
	sizes_cut -z -d : -f 1,3
	sizes_cut -z -b 2-9
	sizes_cut -z -d : -f 2 -s
	sizes -z -w -f 2
	sizes -z -c 1-3
}

@test "self-overlapping multi-byte delimiters: all sizes, equal to awk" {
	"$AWK" 'BEGIN {
		srand(9)
		for (r = 0; r < 400; r++) {
			n = int(rand() * 30); s = ""
			for (i = 0; i < n; i++) { v = rand(); s = s (v < 0.5 ? "a" : (v < 0.85 ? "b" : "c")) }
			print s
		}
	}' >"$BATS_TEST_TMPDIR/ab"
	IN=$BATS_TEST_TMPDIR/ab
	local d
	for d in aab abab aa aba baab aaa; do
		# awk -F with a literal string splits left to right, non-overlapping
		"$AWK" -F "$d" -v D="$d" '{
			if (index($0, D) == 0) { print; next }
			s = $1
			for (i = 2; i <= NF; i++) s = s "|" $i
			print s
		}' "$IN" >"$REF"
		sizes -d "$d" -f 1- -O '|'
		same_bytes "$REF" "$DEF" "awk -F $d"
	done
}

@test "a delimiter and an output delimiter longer than the buffer" {
	printf 'x<<delim>>y<<delim>>z\nq<<deli\n<<delim>>\n' >"$BATS_TEST_TMPDIR/dl"
	IN=$BATS_TEST_TMPDIR/dl
	printf 'z<<delim>>x\nq<<deli\n\n' >"$REF"
	sizes -d '<<delim>>' -f 3,1
	same_bytes "$REF" "$DEF"
	local long
	long=$(printf '%040d' 0)
	printf 'z%sx%sy\nq<<deli\n%s\n' "$long" "$long" "$long" >"$REF"
	sizes -d '<<delim>>' -f 3,1,2 -O "$long"
	same_bytes "$REF" "$DEF"
}

@test "every option set of corpus.bash (strip, predicates, -R, -H): sizes 1, 7, 64" {
	check_only # in-process by tests/tool/test_engine.c (default and sizes 1 to 64) in make test
	local SIZES="1 7 64" line n=0
	while IFS= read -r line; do
		eval "set -- $line"
		sizes "$@"
		n=$((n + 1))
	done < <(option_sets)
	# guards the loop: an emptied list must not pass
	[ "$n" -ge 70 ]
}
