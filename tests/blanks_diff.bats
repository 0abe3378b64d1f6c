#!/usr/bin/env bats
# Blank splitting, differentially: -F against mawk, -w and -w=trimmed against
# tests/blanks_ref.py (written from the man page), on generated data with runs
# of spaces and tabs, leading and trailing blanks, blank-only and empty lines,
# CRLF, NULs, very long records and no final newline; under `make check` every run
# is repeated at --buffer-size 1, 7 and 64.  One python3 run writes every expected
# output of a test (queue_case, run_queued).

load test_helper

REF="$BATS_TEST_DIRNAME/blanks_ref.py"
MAWK=mawk

# The data is made once for the file and only read by the tests: G holds it, D
# each test's own files.
setup_file() {
	"$PYTHON" "$REF" gen 1 "$BATS_FILE_TMPDIR/eol"
	"$PYTHON" "$REF" gen 2 "$BATS_FILE_TMPDIR/noeol" noeol
}

setup() {
	D=$BATS_TEST_TMPDIR
	G=$BATS_FILE_TMPDIR
}

# awk_items LIST: "3,1-2,4-,NF-2-NF-1" as the "lo:hi" words of fields_awk ("4:"
# ends at NF), in REPLY (no subshell).
awk_items() {
	local item hi words="" b='(NF(-[0-9]+)?|[0-9]+)'
	local IFS=,
	for item in $1; do
		[[ $item =~ ^$b?(-$b?)?$ ]] || return 1
		hi=${BASH_REMATCH[1]:-1}
		[ -z "${BASH_REMATCH[3]}" ] || hi=${BASH_REMATCH[4]}
		words+="${BASH_REMATCH[1]:-1}:$hi "
	done
	REPLY=$words
}

# fields_awk LIST FILE [-s]: what -F LIST writes, by mawk: $lo..$hi of each item
# that exist, joined by a space; a record without a blank whole (or dropped).
# Bounds may be NF and NF-k; an item that starts before field 1 starts there, and
# a field named twice (1,NF of a one-field record) is written once.
fields_awk() {
	fields_awk_each "$BATS_TEST_TMPDIR/fa" "$2" "${3:-}" "$1"
	cat "$BATS_TEST_TMPDIR/fa.1"
}

# fields_awk_each OUT FILE S LIST...: fields_awk for each LIST (with -s when S is
# not empty) in one mawk run, into OUT.1, OUT.2, ... in the order of the LISTs.
fields_awk_each() {
	local out=$1 file=$2 s=$3 list items=""
	shift 3
	for list in "$@"; do
		awk_items "$list"
		items+="$REPLY|"
	done
	"$MAWK" -v lists="$items" -v s="${s:+1}" -v out="$out" '
		function bound(x) { return x ~ /^NF/ ? NF - substr(x, 4) : x + 0 }
		{ rec[++nr] = $0 }
		END {
			nl = split(lists, list, "|") - 1
			for (L = 1; L <= nl; L++) {
				f = out "." L
				printf "" >f
				n = split(list[L], it, " ")
				for (r = 1; r <= nr; r++) {
					$0 = rec[r]
					# fewer than two fields: no delimiter (blanks at the ends are none),
					# so written whole, without those blanks
					if (NF < 2) { if (!s) print (NF ? $1 : "") >f; continue }
					line = ""; k = 0; split("", done)
					for (j = 1; j <= n; j++) {
						split(it[j], b, ":"); lo = bound(b[1]); hi = b[2] == "" ? NF : bound(b[2])
						for (i = lo < 1 ? 1 : lo; i <= hi && i <= NF; i++)
							if (!done[i]++) # 1,NF of one field: written once
								line = line (k++ ? " " : "") $i
					}
					print line >f
				}
				close(f)
			}
		}' "$file"
}

# vs_ref EXPECTED_FILE ARGS...: zbsplit ARGS (input files among them) writes
# EXPECTED, exits 0 and says nothing, at the default buffer size and at 1, 7 and 64.
vs_ref() {
	local exp=$1
	shift
	AT_SIZES="1 7 64" at_all_sizes "$D/got" "$@" || return 1
	same_bytes "$exp" "$D/got" "zbsplit $*"
}

@test "-F LIST vs mawk, with the -f rules for records without a blank" {
	local f list k lists=(3 1 2 5 9 2,1 3,1 7,3 3- 2-4 4,1-2 1- NF NF-1 NF-3 NF,NF-2 NF-2-
		NF-3-NF-1 NF-12 1,NF 5-NF 2-NF-1 NF-1,2) s_lists=(3 1 1,3 NF)
	for f in eol noeol; do
		# one mawk run writes the expected output of every LIST
		fields_awk_each "$D/exp" "$G/$f" "" "${lists[@]}"
		k=0
		for list in "${lists[@]}"; do
			k=$((k + 1))
			vs_ref "$D/exp.$k" -F "$list" "$G/$f"
		done
		fields_awk_each "$D/exp_s" "$G/$f" -s "${s_lists[@]}"
		k=0
		for list in "${s_lists[@]}"; do
			k=$((k + 1))
			vs_ref "$D/exp_s.$k" -F "$list" -s "$G/$f"
		done
	done
}

@test "-F N is mawk '{print \$N}' on the records that have two fields or more" {
	local n
	# (the delimited ones: blanks at a record's ends delimit nothing)
	"$MAWK" 'NF >= 2' "$G/noeol" >"$D/blanked"
	for n in 1 2 3 4 6 10 NF; do
		"$MAWK" "{ print \$$n }" "$D/blanked" >"$D/exp"
		vs_ref "$D/exp" -F "$n" "$D/blanked"
	done
	# awk writes the separators of missing fields, so only records that have both
	"$MAWK" 'NF >= 4' "$D/blanked" >"$D/four"
	"$MAWK" 'BEGIN { OFS = "," } { print $4, $2 }' "$D/four" >"$D/exp"
	vs_ref "$D/exp" -F 4,2 -O , "$D/four"
}

# vs_awk_filter AWK_CONDITION LIST ARGS...: zbsplit -F LIST ARGS on each input
# writes what fields_awk writes of the records that mawk's AWK_CONDITION keeps;
# in it, f(N) is field N as the predicates see it (the last without the CR of a
# CRLF).
vs_awk_filter() {
	local cond=$1 list=$2 f
	shift 2
	for f in eol noeol; do
		"$MAWK" 'function f(n,   x) { x = $n; if (n == NF) sub(/\r$/, "", x); return x }
			'"$cond" "$G/$f" >"$D/kept"
		fields_awk "$list" "$D/kept" >"$D/exp"
		vs_ref "$D/exp" -F "$list" "$@" "$G/$f"
	done
}

@test "-F with predicates vs mawk" {
	vs_awk_filter 'f(2) == "GET"' 3,1 --str-eq 2:GET
	vs_awk_filter 'f(2) == "GET" && f(3) != ""' NF --str-eq 2:GET --not-empty 3
	vs_awk_filter 'NF >= 2 && f(NF - 1) == "a"' 1 --str-eq NF-1:a
	vs_awk_filter 'f(1) != "-"' 2 --str-ne 1:-
	vs_awk_filter 'index(f(3), "1")' 2-NF --contains 3:1
}

@test "-w vs the python reference" {
	local f list
	for f in eol noeol; do
		for list in 1 2 3 6 3,1 2-4 1- 4,1-2 9 NF NF-1 NF,NF-2 NF-2- NF-8; do
			queue_case select "$list" "$G/$f" -- -w -f "$list" "$G/$f"
		done
		for list in 2 NF NF-1 1,NF 2-NF-1 3-; do
			queue_case select --complement "$list" "$G/$f" -- -w --complement -f "$list" "$G/$f"
		done
		for list in 3 1 1-2; do
			queue_case select -s "$list" "$G/$f" -- -w -s -f "$list" "$G/$f"
		done
		queue_case select -O '<>' 2,5 "$G/$f" -- -w -O '<>' -f 2,5 "$G/$f"
		queue_case select --str-eq 3:a 1,NF "$G/$f" -- -w --str-eq 3:a -f 1,NF "$G/$f"
		queue_case select --str-eq NF:- none "$G/$f" -- -w --str-eq NF:- "$G/$f"
		queue_case select -s --str-eq 1: none "$G/$f" -- -w -s --str-eq 1: "$G/$f"
		queue_case select --strip a1 --str-eq 2:GET 1-3,5- "$G/$f" -- -w --strip=a1 --str-eq 2:GET -f 1-3,5- "$G/$f"
	done
	run_queued "$REF" vs_ref
}

@test "-w=trimmed vs the python reference" {
	local f list
	for f in eol noeol; do
		for list in 1 2 3 6 3,1 2-4 1- 4,1-2 9 NF NF-1 NF,NF-2 NF-2- NF-8; do
			queue_case select --trimmed "$list" "$G/$f" -- --whitespace-delimited=trimmed -f "$list" "$G/$f"
		done
		for list in 2 NF NF-1 1,NF 2-NF-1 3-; do
			queue_case select --trimmed --complement "$list" "$G/$f" -- --whitespace-delimited=trimmed --complement -f "$list" "$G/$f"
		done
		for list in 3 1 1-2; do
			queue_case select --trimmed -s "$list" "$G/$f" -- --whitespace-delimited=trimmed -s -f "$list" "$G/$f"
		done
		queue_case select --trimmed -O ' ' 3,1 "$G/$f" -- -F 3,1 "$G/$f"
		queue_case select --trimmed --str-eq 1:a none "$G/$f" -- --whitespace-delimited=trimmed --str-eq 1:a "$G/$f"
		queue_case select --trimmed --str-eq 0: 2 "$G/$f" -- --whitespace-delimited=trimmed --str-eq 0: -f 2 "$G/$f"
		queue_case select --trimmed --str-eq NF-2:- 2-NF "$G/$f" -- --whitespace-delimited=trimmed --str-eq NF-2:- -f 2-NF "$G/$f"
		queue_case select --trimmed -O ' ' --strip 1 3-30,1 "$G/$f" -- -F 3-30,1 --strip=1 "$G/$f"
	done
	run_queued "$REF" vs_ref
}

@test "-z: blank splitting of NUL-terminated records, newlines inside them" {
	tr '\n\0' '\0\n' <"$G/noeol" >"$D/z"
	queue_case select -z 2,4 "$D/z" -- -z -w -f 2,4 "$D/z"
	queue_case select -z --trimmed -O ' ' 3 "$D/z" -- -z -F 3 "$D/z"
	run_queued "$REF" vs_ref
}

@test "the locale changes nothing: LC_ALL=C.UTF-8 writes what LC_ALL=C writes" {
	LC_ALL=C "$ZBSPLIT" -F 3,1 "$G/eol" >"$D/exp"
	LC_ALL=C.UTF-8 "$ZBSPLIT" -F 3,1 "$G/eol" >"$D/got"
	same_bytes "$D/exp" "$D/got"
	LC_ALL=C.UTF-8 "$ZBSPLIT" -w -f 2- "$G/eol" >"$D/got"
	LC_ALL=C "$ZBSPLIT" -w -f 2- "$G/eol" >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}
