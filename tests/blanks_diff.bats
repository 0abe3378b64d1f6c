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

setup() {
	D=$BATS_TEST_TMPDIR
	"$PYTHON" "$REF" gen 1 "$D/eol"
	"$PYTHON" "$REF" gen 2 "$D/noeol" noeol
}

# awk_items LIST: "3,1-2,4-,NF-2-NF-1" as the "lo:hi" words of fields_awk ("4:"
# ends at NF).
awk_items() {
	"$PYTHON" -c 'import re, sys
b = r"(NF(?:-\d+)?|\d+)"
for item in sys.argv[1].split(","):
    m = re.match(b + "?(-" + b + "?)?$", item)
    lo = m.group(1) or "1"
    print(lo + ":" + ((m.group(3) or "") if m.group(2) else lo), end=" ")' "$1"
}

# fields_awk LIST FILE [-s]: what -F LIST writes, by mawk: $lo..$hi of each item
# that exist, joined by a space; a record without a blank whole (or dropped).
# Bounds may be NF and NF-k; an item that starts before field 1 starts there, and
# a field named twice (1,NF of a one-field record) is written once.
fields_awk() {
	"$MAWK" -v items="$(awk_items "$1")" -v s="${3:+1}" '
		function bound(x) { return x ~ /^NF/ ? NF - substr(x, 4) : x + 0 }
		BEGIN { n = split(items, it, " ") }
		{
			if (!index($0, " ") && !index($0, "\t")) { if (!s) print; next }
			out = ""; k = 0; split("", done)
			for (j = 1; j <= n; j++) {
				split(it[j], b, ":"); lo = bound(b[1]); hi = b[2] == "" ? NF : bound(b[2])
				for (i = lo < 1 ? 1 : lo; i <= hi && i <= NF; i++)
					if (!done[i]++) # 1,NF of one field: written once
						out = out (k++ ? " " : "") $i
			}
			print out
		}' "$2"
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
	local f list
	for f in eol noeol; do
		for list in 3 1 2 5 9 2,1 3,1 7,3 3- 2-4 4,1-2 1- NF NF-1 NF-3 NF,NF-2 NF-2- \
			NF-3-NF-1 NF-12 1,NF 5-NF 2-NF-1 NF-1,2; do
			fields_awk "$list" "$D/$f" >"$D/exp"
			vs_ref "$D/exp" -F "$list" "$D/$f"
		done
		for list in 3 1 1,3 NF; do
			fields_awk "$list" "$D/$f" -s >"$D/exp"
			vs_ref "$D/exp" -F "$list" -s "$D/$f"
		done
	done
}

@test "-F N is mawk '{print \$N}' on the records that hold a blank" {
	local n
	# (and at least one field: awk's $NF of a blank-only record is $0)
	"$MAWK" 'NF && (index($0, " ") || index($0, "\t"))' "$D/noeol" >"$D/blanked"
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
# writes what fields_awk writes of the records that mawk's AWK_CONDITION keeps.
vs_awk_filter() {
	local cond=$1 list=$2 f
	shift 2
	for f in eol noeol; do
		"$MAWK" "$cond" "$D/$f" >"$D/kept"
		fields_awk "$list" "$D/kept" >"$D/exp"
		vs_ref "$D/exp" -F "$list" "$@" "$D/$f"
	done
}

@test "-F with predicates vs mawk" {
	vs_awk_filter '$2 == "GET"' 3,1 --str-eq 2:GET
	vs_awk_filter '$2 == "GET" && $3 != ""' NF --str-eq 2:GET --not-empty 3
	vs_awk_filter 'NF >= 2 && $(NF-1) == "a"' 1 --str-eq NF-1:a
	vs_awk_filter '$1 != "-"' 2 --str-ne 1:-
	vs_awk_filter 'index($3, "1")' 2-NF --contains 3:1
}

@test "-w vs the python reference" {
	local f list
	for f in eol noeol; do
		for list in 1 2 3 6 3,1 2-4 1- 4,1-2 9 NF NF-1 NF,NF-2 NF-2- NF-8; do
			queue_case select "$list" "$D/$f" -- -w -f "$list" "$D/$f"
		done
		for list in 2 NF NF-1 1,NF 2-NF-1 3-; do
			queue_case select --complement "$list" "$D/$f" -- -w --complement -f "$list" "$D/$f"
		done
		for list in 3 1 1-2; do
			queue_case select -s "$list" "$D/$f" -- -w -s -f "$list" "$D/$f"
		done
		queue_case select -O '<>' 2,5 "$D/$f" -- -w -O '<>' -f 2,5 "$D/$f"
		queue_case select --str-eq 3:a 1,NF "$D/$f" -- -w --str-eq 3:a -f 1,NF "$D/$f"
		queue_case select --str-eq NF:- none "$D/$f" -- -w --str-eq NF:- "$D/$f"
		queue_case select -s --str-eq 1: none "$D/$f" -- -w -s --str-eq 1: "$D/$f"
		queue_case select --strip a1 --str-eq 2:GET 1-3,5- "$D/$f" -- -w --strip=a1 --str-eq 2:GET -f 1-3,5- "$D/$f"
	done
	run_queued "$REF" vs_ref
}

@test "-w=trimmed vs the python reference" {
	local f list
	for f in eol noeol; do
		for list in 1 2 3 6 3,1 2-4 1- 4,1-2 9 NF NF-1 NF,NF-2 NF-2- NF-8; do
			queue_case select --trimmed "$list" "$D/$f" -- --whitespace-delimited=trimmed -f "$list" "$D/$f"
		done
		for list in 2 NF NF-1 1,NF 2-NF-1 3-; do
			queue_case select --trimmed --complement "$list" "$D/$f" -- --whitespace-delimited=trimmed --complement -f "$list" "$D/$f"
		done
		for list in 3 1 1-2; do
			queue_case select --trimmed -s "$list" "$D/$f" -- --whitespace-delimited=trimmed -s -f "$list" "$D/$f"
		done
		queue_case select --trimmed -O ' ' 3,1 "$D/$f" -- -F 3,1 "$D/$f"
		queue_case select --trimmed --str-eq 1:a none "$D/$f" -- --whitespace-delimited=trimmed --str-eq 1:a "$D/$f"
		queue_case select --trimmed --str-eq 0: 2 "$D/$f" -- --whitespace-delimited=trimmed --str-eq 0: -f 2 "$D/$f"
		queue_case select --trimmed --str-eq NF-2:- 2-NF "$D/$f" -- --whitespace-delimited=trimmed --str-eq NF-2:- -f 2-NF "$D/$f"
		queue_case select --trimmed -O ' ' --strip 1 3-30,1 "$D/$f" -- -F 3-30,1 --strip=1 "$D/$f"
	done
	run_queued "$REF" vs_ref
}

@test "-z: blank splitting of NUL-terminated records, newlines inside them" {
	tr '\n\0' '\0\n' <"$D/noeol" >"$D/z"
	queue_case select -z 2,4 "$D/z" -- -z -w -f 2,4 "$D/z"
	queue_case select -z --trimmed -O ' ' 3 "$D/z" -- -z -F 3 "$D/z"
	run_queued "$REF" vs_ref
}

@test "the locale changes nothing: LC_ALL=C.UTF-8 writes what LC_ALL=C writes" {
	LC_ALL=C "$ZBSPLIT" -F 3,1 "$D/eol" >"$D/exp"
	LC_ALL=C.UTF-8 "$ZBSPLIT" -F 3,1 "$D/eol" >"$D/got"
	same_bytes "$D/exp" "$D/got"
	LC_ALL=C.UTF-8 "$ZBSPLIT" -w -f 2- "$D/eol" >"$D/got"
	LC_ALL=C "$ZBSPLIT" -w -f 2- "$D/eol" >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}
