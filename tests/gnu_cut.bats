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

setup() {
	D=$BATS_TEST_TMPDIR
	gen_input "$D/colon" 101 :
	gen_input "$D/tab" 202 tab
	gen_input "$D/zcolon" 303 : 1
	gen_lists >"$D/lists"
}

# for_lists CMD...: run "CMD... LIST" for every generated list.
for_lists() {
	local l
	while read -r l; do
		"$@" "$l" || {
			echo "failed with LIST=$l"
			return 1
		}
	done <"$D/lists"
}

f_colon() { vs_cut "$D/colon" -d : "$@"; }
f_tab() { vs_cut "$D/tab" "$@"; }

@test "the generated inputs and lists are varied" {
	[ "$(wc -l <"$D/lists")" -eq "$NLISTS" ]
	grep -q -- '-$' "$D/lists"
	grep -q '^-' "$D/lists"
	grep -q '^[0-9]*,' "$D/lists"
	grep -q '^$' "$D/colon"
	grep -qv ':' "$D/colon"
	grep -q '::' "$D/colon"
	[ "$(tr -cd '\0' <"$D/zcolon" | wc -c)" -eq 300 ]
}

@test "-f LIST, ':' and TAB delimiters" {
	for_lists f_colon -f
	for_lists f_tab -f
}

@test "-f LIST -s" {
	cut_s() { vs_cut "$D/colon" -d : -s -f "$1"; }
	cut_s_tab() { vs_cut "$D/tab" --only-delimited -f "$1"; }
	for_lists cut_s
	for_lists cut_s_tab
}

@test "-f LIST --complement" {
	cut_c() { vs_cut "$D/colon" -d : --complement -f "$1"; }
	cut_cs() { vs_cut "$D/tab" --complement -s -f "$1"; }
	for_lists cut_c
	for_lists cut_cs
}

@test "-f LIST --output-delimiter" {
	cut_o() { vs_cut "$D/colon" -d : --output-delimiter=XY -f "$1"; }
	cut_o2() { vs_cut "$D/tab" --output-delimiter='|' -f "$1"; }
	for_lists cut_o
	for_lists cut_o2
}

@test "-b LIST" {
	cut_b() { vs_cut "$D/colon" -b "$1"; }
	for_lists cut_b
}

@test "-b LIST --output-delimiter" {
	cut_bo() { vs_cut "$D/colon" --output-delimiter=: -b "$1"; }
	cut_bo2() { vs_cut "$D/tab" --output-delimiter='<>' -b "$1"; }
	for_lists cut_bo
	for_lists cut_bo2
}

@test "-b LIST --complement, with and without --output-delimiter" {
	cut_bc() { vs_cut "$D/colon" --complement -b "$1"; }
	cut_bco() { vs_cut "$D/tab" --complement --output-delimiter=: -b "$1"; }
	for_lists cut_bc
	for_lists cut_bco
}

@test "-z with -f, -f -s and -b" {
	cut_zf() { vs_cut "$D/zcolon" -z -d : -f "$1"; }
	cut_zfs() { vs_cut "$D/zcolon" -z -d : -s --complement -f "$1"; }
	cut_zb() { vs_cut "$D/zcolon" -z --output-delimiter=, -b "$1"; }
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
	"$AWK" -F : 'NF > 1 { if (NF >= 3) print $3 ":" $1; else print $1 }' "$D/colon" >"$D/exp"
	check_file "$D/colon" "$D/exp" -d : -s -f 3,1
	"$CUT" -d : -s -f 3,1 "$D/colon" >"$D/cut.out"
	if cmp -s "$D/exp" "$D/cut.out"; then
		echo "cut unexpectedly keeps LIST order"
		return 1
	fi
}
