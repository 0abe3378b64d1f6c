#!/usr/bin/env bats
# Differential tests against GNU cut (/usr/bin/cut) on generated inputs, for
# random ascending LISTs: for those zbsplit must behave exactly like cut.

load test_helper

NLISTS=25

# gen_input FILE SEED DELIM [Z]: 300 records of 0..12 fields (some with no
# delimiter, empty fields, empty records).  DELIM is ':' or 'tab'.  With
# Z=1 records end with NUL and fields may contain newlines.
gen_input() {
	"$AWK" -v seed="$2" -v dname="$3" -v z="${4:-0}" 'BEGIN {
		srand(seed)
		d = (dname == "tab") ? "\t" : ":"
		other = (dname == "tab") ? ":" : "\t"
		na = split("a b c X Y Z 0 1 - _", A, " ")
		A[++na] = " "; A[++na] = other
		if (z) A[++na] = "\n"
		for (r = 0; r < 300; r++) {
			if (rand() < 0.1) {
				# no delimiter at all
				line = word(12)
			} else {
				nf = int(rand() * 13)
				line = ""
				for (i = 0; i < nf; i++) line = line (i ? d : "") word(5)
			}
			if (z) printf "%s%c", line, 0
			else print line
		}
	}
	function word(max,   n, s) {
		n = int(rand() * max); s = ""
		while (n-- > 0) s = s A[1 + int(rand() * na)]
		return s
	}' >"$1"
}

# gen_lists: print $NLISTS random ascending LISTs (item starts never
# decrease), with single items, ranges (often overlapping), N- and -M.
gen_lists() {
	local k n s i items
	RANDOM=42
	for ((k = 0; k < NLISTS; k++)); do
		n=$((1 + RANDOM % 4))
		s=$((1 + RANDOM % 4))
		items=()
		if ((RANDOM % 5 == 0)); then
			items+=("-$((1 + RANDOM % 4))")
		fi
		for ((i = 0; i < n; i++)); do
			case $((RANDOM % 5)) in
				0 | 1) items+=("$s") ;;
				2 | 3) items+=("$s-$((s + RANDOM % 5))") ;;
				4) items+=("$s-") ;;
			esac
			s=$((s + RANDOM % 4))
		done
		(
			IFS=,
			echo "${items[*]}"
		)
	done
}

# The inputs and lists are made once for the file and only read by the tests: G
# holds them, D each test's own files.
setup_file() {
	local G=$BATS_FILE_TMPDIR
	gen_input "$G/colon" 101 :
	gen_input "$G/tab" 202 tab
	gen_input "$G/zcolon" 303 : 1
	gen_lists >"$G/lists"
}

setup() {
	D=$BATS_TEST_TMPDIR
	G=$BATS_FILE_TMPDIR
}

# for_lists CMD...: run "CMD... LIST" for every generated list, the vs_cut calls
# in it compared in one batch (vs_cut_batch).
for_lists() {
	vs_cut_batch each_list "$@"
}

# each_list CMD...: "CMD... LIST" for the first 10 lists under `make test`, for all
# $NLISTS under `make check`: each costs a GNU cut and a zbsplit process.
each_list() {
	local l n=0 max=10
	[ "${ZB_CHECK:-0}" != 1 ] || max=$NLISTS
	while read -r l && [ "$n" -lt "$max" ]; do
		n=$((n + 1))
		"$@" "$l" || {
			echo "failed with LIST=$l"
			return 1
		}
	done <"$G/lists"
}

f_colon() { vs_cut "$G/colon" -d : "$@"; }
f_tab() { vs_cut "$G/tab" "$@"; }

@test "the generated inputs and lists are varied" {
	[ "$(wc -l <"$G/lists")" -eq "$NLISTS" ]
	grep -q -- '-$' "$G/lists"
	grep -q '^-' "$G/lists"
	grep -q '^[0-9]*,' "$G/lists"
	grep -q '^$' "$G/colon"
	grep -qv ':' "$G/colon"
	grep -q '::' "$G/colon"
	[ "$(tr -cd '\0' <"$G/zcolon" | wc -c)" -eq 300 ]
}

@test "-f LIST, ':' and TAB delimiters" {
	for_lists f_colon -f
	for_lists f_tab -f
}

@test "-f LIST -s" {
	cut_s() { vs_cut "$G/colon" -d : -s -f "$1"; }
	cut_s_tab() { vs_cut "$G/tab" --only-delimited -f "$1"; }
	for_lists cut_s
	for_lists cut_s_tab
}

@test "-f LIST --complement" {
	cut_c() { vs_cut "$G/colon" -d : --complement -f "$1"; }
	cut_cs() { vs_cut "$G/tab" --complement -s -f "$1"; }
	for_lists cut_c
	for_lists cut_cs
}

@test "-f LIST --output-delimiter" {
	cut_o() { vs_cut "$G/colon" -d : --output-delimiter=XY -f "$1"; }
	cut_o2() { vs_cut "$G/tab" --output-delimiter='|' -f "$1"; }
	for_lists cut_o
	for_lists cut_o2
}

@test "-b LIST" {
	cut_b() { vs_cut "$G/colon" -b "$1"; }
	for_lists cut_b
}

@test "-b LIST --output-delimiter" {
	cut_bo() { vs_cut "$G/colon" --output-delimiter=: -b "$1"; }
	cut_bo2() { vs_cut "$G/tab" --output-delimiter='<>' -b "$1"; }
	for_lists cut_bo
	for_lists cut_bo2
}

@test "-b LIST --complement, with and without --output-delimiter" {
	cut_bc() { vs_cut "$G/colon" --complement -b "$1"; }
	cut_bco() { vs_cut "$G/tab" --complement --output-delimiter=: -b "$1"; }
	for_lists cut_bc
	for_lists cut_bco
}

@test "-z with -f, -f -s and -b" {
	cut_zf() { vs_cut "$G/zcolon" -z -d : -f "$1"; }
	cut_zfs() { vs_cut "$G/zcolon" -z -d : -s --complement -f "$1"; }
	cut_zb() { vs_cut "$G/zcolon" -z --output-delimiter=, -b "$1"; }
	for_lists cut_zf
	for_lists cut_zfs
	for_lists cut_zb
}

@test "descending LIST: zbsplit keeps LIST order, cut does not" {
	check 'a:b:c\n' 'c:a\n' -d : -f 3,1
	printf 'a:b:c\n' >"$D/abc"
	[ "$("$CUT" -d : -f 3,1 "$D/abc")" = "a:c" ]
	check 'a:b:c:d\n' 'c:d:a\n' -d : -f 3-4,1
	[ "$("$CUT" -d : -f 3-4,1 "$D/abc")" = "a:c" ]
	check 'abcdef\n' 'ca\n' -b 3,1
	printf 'abcdef\n' >"$D/abcdef"
	[ "$("$CUT" -b 3,1 "$D/abcdef")" = "ac" ]
	# on the generated input: -s -f 3,1 is awk's $3 ":" $1
	"$AWK" -F : 'NF > 1 { if (NF >= 3) print $3 ":" $1; else print $1 }' "$G/colon" >"$D/exp"
	check_file "$G/colon" "$D/exp" -d : -s -f 3,1
	"$CUT" -d : -s -f 3,1 "$G/colon" >"$D/cut.out"
	if cmp -s "$D/exp" "$D/cut.out"; then
		echo "cut unexpectedly keeps LIST order"
		return 1
	fi
}
