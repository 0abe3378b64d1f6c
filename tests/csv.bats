#!/usr/bin/env bats
# zbsplit --csv (issue 15).  Differentially: inputs made by tests/csv_gen.py (quoted
# delimiters, doubled quotes, CR, LF and CRLF in quotes, every record end, blank
# lines, NULs, invalid UTF-8, malformed quotes, a quote left open at the end, long
# fields) through many option sets, against tests/csv_ref.py (python's csv module;
# one python run writes every expected output of a test), each at --buffer-size 1,
# 64 and the default and at -j 2 with --block-size 1 and 64 (make check; make test
# takes the default, 7, and -j 2 at 7, which are the other runs' ways of reading:
# a record across buffers, blocks handed to threads).  By hand: the
# reference itself on literal inputs (the same literals then go through zbsplit),
# RFC 4180's examples, lenient and strict malformed input, field 0, -H with names,
# a BOM and blank lines, usage errors, and a quoted field far bigger than the buffer.

load test_helper

REF="$BATS_TEST_DIRNAME/csv_ref.py"
GEN="$BATS_TEST_DIRNAME/csv_gen.py"

# Every differential case runs at each of these (word-split): the default, small
# buffers, and two threads handed small blocks.
if [ "${ZB_CHECK:-0}" = 1 ]; then
	RUNS=("" --buffer-size=1 --buffer-size=64 "-j 2 --block-size=1" "-j 2 --block-size=64")
else
	RUNS=("" --buffer-size=7 "-j 2 --block-size=7")
fi

# The inputs are made once for the file and only read by the tests.  Seeds 1, 2, 3
# end without a final record end, inside a quote left open, and with a record end.
setup_file() {
	local g=$BATS_FILE_TMPDIR
	"$PYTHON" "$GEN" --seed 1 "$g/s1"
	"$PYTHON" "$GEN" --seed 2 "$g/s2"
	"$PYTHON" "$GEN" --seed 3 "$g/s3"
	"$PYTHON" "$GEN" --seed 4 --delim ';' "$g/semi"
	"$PYTHON" "$GEN" --seed 5 --delim "$(printf '\t')" --end open "$g/tab"
	"$PYTHON" "$GEN" --seed 6 --well-formed --end nl "$g/wf1"
	"$PYTHON" "$GEN" --seed 7 --well-formed --end nonl "$g/wf2"
	"$PYTHON" "$GEN" --seed 8 --header 6 --bom "$g/hdr_bom"
	"$PYTHON" "$GEN" --seed 9 --header 6 --end nonl "$g/hdr"
}

setup() {
	D=$BATS_TEST_TMPDIR
	G=$BATS_FILE_TMPDIR
}

# vs_ref EXPECTED_FILE ARGS...: zbsplit ARGS (input files among them, stdin
# /dev/null) exits 0, says nothing and writes exactly EXPECTED_FILE, at every run
# of RUNS.
_vs_ref() {
	local exp=$1 run rc
	shift
	for run in "${RUNS[@]}"; do
		rc=0
		# shellcheck disable=SC2086 # a run is its words
		"$ZBSPLIT" $run "$@" </dev/null >"$D/got" 2>"$D/err" || rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$D/err" ]; then
			echo "zbsplit $run $*: exit $rc, stderr:"
			head -5 "$D/err"
			return 1
		fi
		same_bytes "$exp" "$D/got" "zbsplit $run $*" || return 1
	done
}
vs_ref() { untraced _vs_ref "$@"; }

# diff_sets FILES SET...: queues, for each option SET (shell words, evaluated),
# zbsplit --csv SET FILES against csv_ref.py SET FILES.  FILES is one word of
# blank-separated names.
diff_sets() {
	local files=$1 set
	shift
	for set in "$@"; do
		eval "set -- $set"
		# shellcheck disable=SC2086 # FILES is a list of file names
		queue_case --csv "$@" $files -- --csv "$@" $files
	done
}

# ref_check INPUT EXPECTED ARGS...: csv_ref.py ARGS on the file INPUT writes
# exactly EXPECTED (printf formats, as for check): the reference, checked by hand.
ref_check() {
	printf -- "$1" >"$D/rc.in"
	printf -- "$2" >"$D/rc.exp"
	shift 2
	"$PYTHON" "$REF" "$@" "$D/rc.in" >"$D/rc.out"
	same_bytes "$D/rc.exp" "$D/rc.out" "csv_ref.py $*"
}

# hand_cases CHECKER: CHECKER INPUT EXPECTED ARGS... for each case worked out by
# hand (and checked with python's csv module) that the reference covers: run
# through ref_check they test the reference, through check zbsplit.
hand_cases() {
	local c=$1
	# quoted fields: the delimiter, doubled quotes, LF, CR and CRLF are data
	$c 'a,"b,c",d\n' '"b,c"\n' --csv -f 2
	$c 'a,"b,c",d\n' 'b,c\n' --csv -f 2 --tsv-out
	$c '"say ""hi""",x\n' '"say ""hi"""\n' --csv -f 1
	$c '"say ""hi""",x\n' 'say "hi"\tx\n' --csv --tsv-out
	$c '1,"two\nlines",3\n4,5,6\n' '"two\nlines",3\n5,6\n' --csv -f 2,3
	$c '1,"two\nlines",3\n4,5,6\n' 'two\\nlines\t3\n5\t6\n' --csv -f 2,3 --tsv-out
	$c '1,"a\rb"\n2,"c\r\nd"\n' '"a\rb"\n"c\r\nd"\n' --csv -f 2
	$c '1,"a\rb"\n2,"c\r\nd"\n' 'a\\rb\nc\\r\\nd\n' --csv -f 2 --tsv-out
	# record ends: CRLF, lone CR, LF, none; blank lines of every kind are not records
	$c 'a,b\r\nc,d\re,f\ng,h' 'b\nd\nf\nh\n' --csv -f 2
	$c '\n\r\n\ra,b\n\n\nc,d\r\r\n\r\n' 'a\nc\n' --csv -f 1
	$c 'a,b\r' 'b\n' --csv -f 2
	$c '' '' --csv -f 1
	$c '\n\r\n\r' '' --csv
	# one value per single-field item, empty where missing; a range writes what
	# exists; no cut rule for a record without a delimiter
	$c 'a,b\nsolo\nc,d\n' 'b\n""\nd\n' --csv -f 2
	$c 'a,b\nsolo\nc,d\n' 'b\n\nd\n' --csv -f 2-
	$c 'a,b\nsolo\nc,d\n' 'b\nd\n' --csv -s -f 2
	$c 'a,b\nsolo\nc,d\n' 'a,b\nc,d\n' --csv -s
	$c 'a,b\nsolo\n' 'a,b\nsolo\n' --csv -f 1-
	$c 'a,b,c,d\na,b,c\nz\n' 'c,c\nc,b\n,\n' --csv -f 3,NF-1
	$c 'a,b,c\n' 'a,a,c,c\n' --csv -f 1,1,NF,3
	$c 'a,b\n' '""\n' --csv -f NF-5
	$c 'a,b\n' 'a,b\n' --csv -f NF-5-NF
	$c 'a\nb,c,d,e,f\n' '\nc,d,e\n' --csv -f 2-4
	$c 'a,b,c,d,e\n' 'a,b,c,e,d\n' --csv -f -3,NF,4
	$c 'a,b,c\nx\n' 'a,c\nx\n' --csv --complement -f 2
	$c 'a,b,c\nx\n' 'b\n\n' --csv --complement -f 1,3-
	# writing: quotes where needed only, `""` for one empty value, `,` for two
	$c 'a"b,c\n' '"a""b"\n' --csv -f 1
	$c '"",x\n,y\n' '""\n""\n' --csv -f 1
	$c '"",""\n""\n' ',\n""\n' --csv
	$c '"plain","x y"\n' 'plain,x y\n' --csv
	$c '"a\\b"\n' 'a\\\\b\n' --csv --tsv-out
	$c '"a\tb",c\\d\n' 'a\\tb\tc\\\\d\n' --csv --tsv-out
	# delimiters: -O, -d, escapes
	$c 'a,"b|c","d,e"\n' 'a|"b|c"|d,e\n' --csv -O '|'
	$c 'a;"b;c";"d,e"\n' '"b;c";d,e\n' --csv -d ';' -f 2,3
	$c 'a;"b;c";"d,e"\n' 'b;c,"d,e"\n' --csv -d ';' -O , -f 2,3
	$c 'a;"b;c"\n' '"b;c"\n' --csv -d '\x3b' -f 2
	$c 'a\t"b\tc"\n' '"b\tc"\ta\n' --csv -d '\t' -f 2,1
	$c 'a\t"b,c"\n' 'a,"b,c"\n' --csv -d '\t' -O ,
	# bytes are bytes
	$c '\0,\xff,"\xc3\0"\n' '\xc3\0,\0\n' --csv -f 3,1
	$c '\xef\xbb\xbfa,caf\xc3\xa9\n' 'caf\xc3\xa9,\xef\xbb\xbfa\n' --csv -f 2,1
	# malformed, lenient: as python's csv.reader
	$c 'a"b,c\n' 'a"b\tc\n' --csv --tsv-out
	$c '"ab"cd"e,f\n' 'abcd"e\tf\n' --csv --tsv-out
	$c '"ab"cd"e,f\n' '"abcd""e"\n' --csv -f 1
	$c '"ab" ,x\n' 'ab \n' --csv -f 1
	$c 'a,"bc\n' 'bc\\n\n' --csv -f 2 --tsv-out
	$c 'a,"bc\n' '"bc\n"\n' --csv -f 2
	$c 'x\nz,"open\n,"",y\r\n' 'x\t\nz\topen\\n,",y\\r\\n\n' --csv -f 1,2 --tsv-out
	$c 'a,"' 'a,\n' --csv
	# predicates see the decoded values; a missing field is empty; kept records
	# are written normalized
	$c 'a,x\nb,y\nc,"x"\n' 'a,x\nc,x\n' --csv --str-eq 2:x
	$c 'a,b\nc,d,e\n' 'a\n' --csv --str-eq 3: -f 1
	$c 'a,"p,q"\nb,pq\n' 'a,"p,q"\n' --csv --contains '2:,'
	$c '1,"a\nb"\n2,ab\n' '1\n' --csv --str-eq '2:a\nb' -f 1
	$c '1,x\n2\n3,y,x\n' '2\n' --csv --str-ne NF:x -f 1
	# -H: names matched against the decoded header; the header written once,
	# selected, never filtered; blank lines before it skipped; a BOM not in the name
	$c 'id,name,"a,b"\n1,ann,x\n2,bob,y\n' 'name,id\nann,1\nbob,2\n' --csv -H -f name,id
	$c 'id,name,"a,b"\n1,ann,x\n2,bob,y\n' '"a,b"\nx\ny\n' --csv -H -f '"a,b"'
	$c 'id,name,"a,b"\n1,ann,x\n2,bob,y\n' 'id\n2\n' --csv -H --str-eq name:bob -f id
	$c 'id,name,"a,b"\n1,ann,x\n2,bob,y\n' 'id,name\n1,ann\n' --csv -H --str-eq '"a,b":x' -f id-name
	$c 'id,v\n1,2\n3,4\n' 'id,v\n1,2\n' --csv -H --str-eq v:2
	$c '\xef\xbb\xbfid,v\n1,2\n' 'v,\xef\xbb\xbfid\n2,1\n' --csv -H -f v,id
	$c '\n\r\n\rid,v\n1,2\n' 'v\n2\n' --csv -H -f v
	$c 'a,field_name,field_name\n1,2,3\n' 'field_name\n2\n' --csv -H -f field_name
}

@test "the reference on literal inputs worked out by hand" {
	# (python alone: once a CI run, in make test)
	[ "${ZB_CHECK:-0}" != 1 ] || skip "make test checks the reference"
	case "${ZB_LDFLAGS:-}" in *sanitize*) skip "make test checks the reference" ;; esac
	hand_cases ref_check
}

@test "zbsplit on the literal inputs worked out by hand" {
	hand_cases check
}

@test "the generator: seeded, and every hard case in its inputs" {
	"$PYTHON" "$GEN" --seed 1 "$D/again"
	cmp "$G/s1" "$D/again"
	"$PYTHON" "$GEN" --seed 11 "$D/other"
	if cmp -s "$G/s1" "$D/other"; then
		echo "seed 11 wrote seed 1's bytes"
		return 1
	fi
	local all hex
	all=" $(cat "$G/s1" "$G/s2" "$G/s3" | od -An -tx1 -v | tr -s ' \n' '  ')"
	# NUL, \xff, a lone \xc3 before a comma, a lone CR before a letter, a CRLF
	# before a quote, a UTF-8 BOM not at the start, `""` then LF
	for hex in 00 ff "c3 2c" "0d 78" "0d 0a 22" "ef bb bf" "22 22 0a"; do
		case $all in *" $hex "*) ;; *) echo "no $hex in s1-s3"; return 1 ;; esac
	done
	[ "$(head -c 3 "$G/hdr_bom" | od -An -tx1 | tr -d ' ')" = efbbbf ]
	[ "$(tail -c 1 "$G/s1" | od -An -tx1 | tr -d ' ')" != 0a ]
	[ "$(tail -c 1 "$G/s3" | od -An -tx1 | tr -d ' ')" = 0a ]
	# the reference sees many records, blank lines, one-field records, quotes, CR
	# and LF in values, long values, and field 2 often "x" (for the predicates)
	"$PYTHON" - "$G/s1" "$G/s2" "$G/s3" <<'EOF'
import csv, io, sys
csv.field_size_limit(sys.maxsize)
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    rows = list(csv.reader(io.TextIOWrapper(io.BytesIO(data), encoding="latin-1", newline="")))
    kept = [r for r in rows if r]
    assert len(kept) > 100, (path, len(kept))
    assert len(rows) - len(kept) > 5, (path, "blank lines")
    assert sum(len(r) == 1 for r in kept) > 10, (path, "one-field records")
    assert [""] in kept, (path, '""')
    assert any('"' in v for r in kept for v in r), (path, "quotes")
    assert any("\n" in v for r in kept for v in r), (path, "LF in a value")
    assert any("\r" in v for r in kept for v in r), (path, "CR in a value")
    assert any(len(v) > 1000 for r in kept for v in r), (path, "a long field")
    assert sum(len(r) > 1 and r[1] == "x" for r in kept) > 3, (path, "x in field 2")
EOF
	# seed 2 ends inside an open quote: its last value holds the last bytes
	[ "$(tail -c 8 "$G/s2" | od -An -tx1 | tr -d " \n")" = 2c6669656c640d0a ] # ,field\r\n
}

@test "selection vs the reference: -f lists, NF, ranges, --complement, -s" {
	diff_sets "$G/s1" "-f 2" "-f 3,1" "-f 2-4" "-f 3,NF-1" "-f NF" "-f 2-" \
		"--complement -f 2" "-s -f 1" "-f 1,1" "-f -3" "-f NF-2-NF" "-f 12" \
		"--complement -f 2-3,NF" "-s"
	diff_sets "$G/s2" "-f 2" "-f 3,1" "-f 2-4" "-f 3,NF-1" "-f NF" "-f 2-" \
		"--complement -f 2" "-s -f 1" "-f NF-1,NF-12"
	diff_sets "$G/s3" "-f 2" "-f 3,1" "-f 2-4" "-f 3,NF-1" "-f NF" "-f 2-" \
		"--complement -f 2" "-s -f 1" "-f 40,1-2"
	run_queued "$REF" vs_ref
}

@test "predicates and output formats vs the reference" {
	local f
	for f in s1 s2 s3; do
		diff_sets "$G/$f" "--str-eq 2:x" "--str-eq 2:x -f 3,1" "--str-ne 2:x -f NF" \
			"--contains 1:a -f 2-" "--str-eq NF:x" "" "--tsv-out" "--tsv-out -f 3,NF-1" \
			"-O '|'" "-O '|' -f 2-4" "-s --tsv-out"
	done
	run_queued "$REF" vs_ref
}

@test "other delimiters vs the reference: ';' and TAB inputs" {
	diff_sets "$G/semi" "-d ';' -f 2" "-d ';' -f 3,1" "-d ';'" "-d ';' -O , -f 2-" \
		"-d ';' --tsv-out" "-d ';' --str-eq 2:x -f 1" "-d '\x3b' -f NF"
	diff_sets "$G/tab" "-d '\t' -f 2,1" "-d '\t' --tsv-out" "-d '\t' -O , -f 2-" "-d '\t'"
	run_queued "$REF" vs_ref
}

@test "several inputs vs the reference: an open quote and a missing final newline end with their input" {
	# s1 has no final record end, s2 ends inside an open quote: neither reaches
	# into the next input
	diff_sets "$G/s1 $G/s2 $G/s3" "-f 3,1" "" "--tsv-out -f 2-"
	diff_sets "$G/s2 $G/s1" "-f 1,NF"
	run_queued "$REF" vs_ref
}

@test "-H vs the reference: names, a BOM, several inputs" {
	local sets=("-H -f c3,c1" "-H -f c2-c4" "-H --str-eq c2:x -f c1,NF" "-H"
		"-H --complement -f c2" "-H --tsv-out -f NF,c1" "-H -f c6,c5-")
	diff_sets "$G/hdr_bom" "${sets[@]}"
	diff_sets "$G/hdr" "${sets[@]}"
	# the second input's header is skipped; each header with its own first name
	diff_sets "$G/hdr_bom $G/hdr" "-H -f c1,c2" "-H --str-eq c2:x"
	diff_sets "$G/hdr $G/hdr_bom" "-H -f c1,c2"
	run_queued "$REF" vs_ref
}

@test "--csv=strict on well-formed input writes what lenient does (the reference)" {
	local f
	for f in wf1 wf2; do
		diff_sets "$G/$f" "-f 3,1" "" "--tsv-out -f 2-" "--str-eq 2:x -f NF"
	done
	# the inputs are well-formed and not trivial: the reference's records
	"$PYTHON" "$REF" --csv "$G/wf1" >"$D/wf1.out"
	[ "$(wc -l <"$D/wf1.out")" -gt 100 ]
	grep -aq '""' "$G/wf1"
	for f in wf1 wf2; do
		queue_case --csv=strict -f 3,1 "$G/$f" -- --csv=strict -f 3,1 "$G/$f"
	done
	run_queued "$REF" vs_ref
}

@test "from a pipe, at -j 2 and small buffers: as the reference" {
	local set run
	for set in "-f 3,1" "--tsv-out -f 2-" "-s -f NF"; do
		# shellcheck disable=SC2086 # SET is its words
		"$PYTHON" "$REF" --csv $set "$G/s2" >"$D/exp"
		for run in "-j 2 --block-size=7" "-j 2 --block-size=64" "--buffer-size=7" ""; do
			# shellcheck disable=SC2086
			"$ZBSPLIT" --csv $run $set <"$G/s2" >"$D/got"
			same_bytes "$D/exp" "$D/got" "zbsplit --csv $run $set <s2"
			# shellcheck disable=SC2086,SC2002 # a pipe, not a file, on stdin
			cat "$G/s2" | "$ZBSPLIT" --csv $run $set >"$D/got"
			same_bytes "$D/exp" "$D/got" "cat s2 | zbsplit --csv $run $set"
		done
	done
}

# --- RFC 4180, section 2, examples 1 to 7 ---------------------------------------

@test "RFC 4180 examples 1-3: CRLF records, the last without CRLF, a header" {
	# 1. records end with CRLF
	check 'aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n' 'aaa,bbb,ccc\nzzz,yyy,xxx\n' --csv
	check 'aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n' 'bbb\nyyy\n' --csv -f 2
	# 2. the last record without one
	check 'aaa,bbb,ccc\r\nzzz,yyy,xxx' 'aaa,bbb,ccc\nzzz,yyy,xxx\n' --csv
	check 'aaa,bbb,ccc\r\nzzz,yyy,xxx' 'ccc,aaa\nxxx,zzz\n' --csv -f 3,1
	# 3. a header line (its names are all field_name: the first one is meant)
	check 'field_name,field_name,field_name\r\naaa,bbb,ccc\r\nzzz,yyy,xxx\r\n' \
		'field_name,field_name,field_name\naaa,bbb,ccc\nzzz,yyy,xxx\n' --csv
	check 'field_name,field_name,field_name\r\naaa,bbb,ccc\r\nzzz,yyy,xxx\r\n' \
		'field_name\naaa\nzzz\n' --csv -H -f field_name
	check 'field_name,field_name,field_name\r\naaa,bbb,ccc\r\nzzz,yyy,xxx\r\n' \
		'field_name\nyyy\n' --csv -H -f 2 --str-eq field_name:zzz
}

@test "RFC 4180 examples 4-7: spaces, quoted fields, CRLF, commas and quotes in them" {
	# 4. spaces are part of a field; the last field is not followed by a comma
	check 'aaa , bbb,ccc \r\n' 'aaa \t bbb\tccc \n' --csv --tsv-out
	check 'aaa , bbb,ccc \r\n' ' bbb\n' --csv -f 2
	# 5. fields may be quoted: the quotes are not data, nor written back
	check '"aaa","bbb","ccc"\r\nzzz,yyy,xxx' 'aaa,bbb,ccc\nzzz,yyy,xxx\n' --csv
	check '"aaa","bbb","ccc"\r\nzzz,yyy,xxx' 'bbb\nyyy\n' --csv -f 2
	# 6. a quoted CRLF and commas are data
	check '"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx' 'aaa,"b\r\nbb",ccc\nzzz,yyy,xxx\n' --csv
	check '"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx' 'b\\r\\nbb\nyyy\n' --csv -f 2 --tsv-out
	check '"aaa","b,bb","ccc"\r\n' 'ccc,"b,bb"\n' --csv -f 3,2
	check '"aaa","b,bb","ccc"\r\n' 'ccc\tb,bb\n' --csv -f 3,2 --tsv-out
	# 7. a doubled quote inside a quoted field is one quote
	check '"aaa","b""bb","ccc"' 'aaa,"b""bb",ccc\n' --csv
	check '"aaa","b""bb","ccc"' 'b"bb\n' --csv -f 2 --tsv-out
}

# --- field 0, the raw record ----------------------------------------------------

@test "field 0 of a predicate is the record's raw bytes, without its end" {
	check '"x",y\r\nz\r\n' 'x,y\n' --csv --suffix 0:y
	check 'a,"b""c"\nd,"e"\n' 'a,"b""c"\n' --csv --contains '0:""'
	check '"a",b\nc,"d"\n' 'b\n' --csv --prefix '0:"' -f 2
	check '"a\nb",c\nd\n' '"a\nb"\n' --csv --contains '0:\n' -f 1
}

# --- strict mode ----------------------------------------------------------------

# strict_fails INPUT OUT LINE ARGS...: zbsplit --csv=strict ARGS on the file INPUT
# (a printf format) exits 1, writes exactly OUT (a printf format: the records before
# the bad one) and one stderr line "zbsplit: FILE: line LINE: malformed CSV: ...";
# at the default buffer size, at 1 and 7, and at -j 2 with blocks of 1 and 7.
_strict_fails() {
	local in=$1 out=$2 line=$3 run rc err
	shift 3
	printf -- "$in" >"$D/bad.csv"
	printf -- "$out" >"$D/strict.exp"
	for run in "${RUNS[@]}"; do
		rc=0
		# shellcheck disable=SC2086
		"$ZBSPLIT" $run --csv=strict "$@" "$D/bad.csv" </dev/null >"$D/strict.out" 2>"$D/strict.err" || rc=$?
		if [ "$rc" -ne 1 ]; then
			echo "zbsplit $run --csv=strict $*: exit $rc, expected 1; stderr:"
			cat "$D/strict.err"
			return 1
		fi
		IFS= read -r err <"$D/strict.err" || true
		case $err in
			"zbsplit: $D/bad.csv: line $line: malformed CSV: "?*) ;;
			*)
				echo "zbsplit $run --csv=strict $*: stderr '$err', expected line $line"
				return 1
				;;
		esac
		if [ "$(wc -l <"$D/strict.err")" -ne 1 ]; then
			echo "zbsplit $run --csv=strict $*: more than one stderr line:"
			cat "$D/strict.err"
			return 1
		fi
		same_bytes "$D/strict.exp" "$D/strict.out" "zbsplit $run --csv=strict $*" || return 1
	done
}
strict_fails() { untraced _strict_fails "$@"; }

@test "--csv=strict: a quote in an unquoted field, text after a closing quote, an open quote" {
	strict_fails 'a,b\nc"d,e\nf,g\n' 'a\n' 2 -f 1
	strict_fails 'a,b\nc,d"\nf,g\n' 'a,b\n' 2
	strict_fails 'a\n\n"x"y,z\nw\n' 'a\n' 3 -f 1
	strict_fails 'a,"x" ,z\n' '' 1 -f 1
	strict_fails 'a,b\r\n\r\nc,d\re"f\n' 'b\nd\n' 4 -f 2
	strict_fails 'a\n"b\nc\n' 'a\n' 2 -f 1
	strict_fails 'a\n"b,c\n"d""' 'a\n' 2 --tsv-out
	# lines as python counts them: LF, CRLF, lone CR, also inside quotes
	strict_fails '"1\r\n2",x\r3\n"4"5\n6\n' '"1\r\n2"\n3\n' 4 -f 1
	strict_fails '"a\nb",c\n"x\ny\n' 'c\n' 3 -f 2
	# a long good prefix, so that the bad record is well past small buffers
	strict_fails "$(printf 'k,"%s"\\n' {1..300} | tr -d '\n')"'bad"\n' \
		"$(printf '%s\\n' {1..300} | tr -d '\n')" 301 -f 2
}

@test "--csv=strict: well-formed input passes, quotes at field starts included" {
	local run
	for run in "${RUNS[@]}"; do
		# shellcheck disable=SC2086
		check 'a,"b",""\n"",x\n"c""d","e,\r\nf"\r\n"g"' \
			'b,a\nx,\n"e,\r\nf","c""d"\n,g\n' $run --csv=strict -f 2,1
	done
}

@test "--csv=strict: the next FILE operands are still read, exit 1" {
	printf 'a,1\nb",2\nc,3\n' >"$D/bad.csv"
	printf 'd,4\n"e",5\n' >"$D/good.csv"
	local rc=0
	"$ZBSPLIT" --csv=strict -f 2 "$D/good.csv" "$D/bad.csv" "$D/good.csv" \
		>"$D/out" 2>"$D/err" || rc=$?
	[ "$rc" -eq 1 ]
	printf '4\n5\n1\n4\n5\n' >"$D/exp"
	same_bytes "$D/exp" "$D/out"
	[ "$(wc -l <"$D/err")" -eq 1 ]
	case $(cat "$D/err") in
		"zbsplit: $D/bad.csv: line 2: malformed CSV: "?*) ;;
		*) echo "stderr: $(cat "$D/err")"; return 1 ;;
	esac
	# -j 2, small blocks: the same
	rc=0
	"$ZBSPLIT" --csv=strict -j 2 --block-size=3 -f 2 "$D/good.csv" "$D/bad.csv" "$D/good.csv" \
		>"$D/out" 2>"$D/err" || rc=$?
	[ "$rc" -eq 1 ]
	same_bytes "$D/exp" "$D/out"
}

@test "--csv=strict from standard input: named as other read errors name it" {
	local rc=0
	printf 'a\nb"\n' | "$ZBSPLIT" --csv=strict >"$D/out" 2>"$D/err" || rc=$?
	[ "$rc" -eq 1 ]
	printf 'a\n' >"$D/exp"
	same_bytes "$D/exp" "$D/out"
	# the spec says "-", the other read errors say "standard input": either is taken
	case $(cat "$D/err") in
		"zbsplit: -: line 2: malformed CSV: "?* | "zbsplit: standard input: line 2: malformed CSV: "?*) ;;
		*) echo "stderr: $(cat "$D/err")"; return 1 ;;
	esac
}

@test "lenient (default) reads what strict rejects, as python does" {
	# checked by hand and with python's csv.reader (strict=False)
	check 'a,b\nc"d,e\n' 'a,b\n"c""d",e\n' --csv
	check '"x"y,z\n' 'xy,z\n' --csv
	check '"a"",b\n' '"a"",b\n"\n' --csv
	check '"a"",b\n' 'a",b\\n\n' --csv --tsv-out
}

# --- -H ------------------------------------------------------------------------

@test "-H: the first input's header written once, names, a BOM, blank lines before it" {
	printf '\xef\xbb\xbfid,name\n1,ann\n' >"$D/a.csv"
	printf '\n\r\nid,name\n2,"bob, jr"\n' >"$D/b.csv"
	: >"$D/empty.csv"
	check_args 'name,\xef\xbb\xbfid\nann,1\n"bob, jr",2\n' --csv -H -f name,id \
		"$D/a.csv" "$D/b.csv"
	check_args 'name,id\n"bob, jr",2\nann,1\n' --csv -H -f name,id \
		"$D/empty.csv" "$D/b.csv" "$D/a.csv"
	check_args '\xef\xbb\xbfid\n1\n' --csv -H -f id --str-eq name:ann "$D/a.csv" "$D/b.csv"
	check_args 'name\tid\nbob, jr\t2\n' --csv -H --tsv-out -f name,id --str-eq id:2 \
		"$D/b.csv" "$D/a.csv"
	# a name not in the header is a usage error
	printf 'id,name\n1,ann\n' >"$D/c.csv"
	local rc=0
	"$ZBSPLIT" --csv -H -f nosuch "$D/c.csv" >"$D/out" 2>"$D/err" || rc=$?
	[ "$rc" -eq 2 ]
	[ ! -s "$D/out" ]
	grep -q "^zbsplit: .*nosuch" "$D/err"
}

# --- usage errors --------------------------------------------------------------

@test "usage errors: delimiters that are not one byte, or a quote, CR, LF" {
	local d
	for d in ab '"' '\r' '\n' '\x22' '\x0d' '\x0a' 'é' ',,'; do
		usage_error --csv -d "$d" -f 1
		usage_error --csv -O "$d" -f 1
	done
	usage_error --csv=strict -d '"' -f 1
}

@test "usage errors: --tsv-out without --csv or with -O; options --csv refuses" {
	usage_error --tsv-out -f 1
	usage_error --tsv-out -d , -f 1
	usage_error --csv --tsv-out -O , -f 1
	usage_error --csv --tsv-out -O '\t'
	usage_error --csv -w -f 1
	usage_error --csv -R , -f 1
	usage_error --csv -F 1
	usage_error --csv -b 1
	usage_error --csv -c 1
	# (--csv -n -f 1: -n is ignored with -f, as without --csv; cut_compat.bats)
	usage_error --csv -b 1 -n
	usage_error --csv -z -f 1
	usage_error --csv=strict -z
	usage_error -c 1 --csv
}

# --- big fields, blocks ----------------------------------------------------------

@test "a quoted field of 100 KB with newlines inside, at --buffer-size 64 and -j" {
	# a,"<value, its LFs as a doubled quote and CRLF>",b / c,d,e / x,"<value>"
	"$PYTHON" - "$D/big.csv" <<'EOF'
import sys
value = "".join("line %04d %s\n" % (i, "x" * 80) for i in range(1100))  # about 100 KB
with open(sys.argv[1], "w", newline="") as f:
    f.write('a,"' + value.replace("\n", '""\r\n') + '",b\r\nc,d,e\nx,"' + value + '"\n')
EOF
	[ "$(wc -c <"$D/big.csv")" -gt 200000 ]
	printf 'b,a\ne,c\n,x\n' >"$D/exp1"
	printf 'a\nx\n' >"$D/exp2"
	local run
	for run in --buffer-size=64 --buffer-size=7 "-j 2 --block-size=64" "-j 2 --block-size=4096" ""; do
		# shellcheck disable=SC2086
		check_file "$D/big.csv" "$D/exp1" $run --csv -f 3,1
		# shellcheck disable=SC2086
		check_file "$D/big.csv" "$D/exp2" $run --csv -f 1 --contains 2:line
	done
	# the values whole: against the reference
	"$PYTHON" "$REF" --csv -f 2 "$D/big.csv" >"$D/exp"
	[ "$(wc -c <"$D/exp")" -gt 200000 ]
	vs_ref "$D/exp" --csv -f 2 "$D/big.csv"
	"$PYTHON" "$REF" --csv --tsv-out "$D/big.csv" >"$D/exp"
	vs_ref "$D/exp" --csv --tsv-out "$D/big.csv"
}

@test "quoted record ends across -j block boundaries" {
	# 3000 records, each with LF, CRLF and a lone CR inside quotes and doubled
	# quotes next to them: any block boundary falls in a quote at some record
	"$AWK" 'BEGIN { for (i = 1; i <= 3000; i++)
		printf "%d,\"l\n%d\r\n\"\"q\"\"\r\",x%d\n", i, i, i }' >"$D/q.csv"
	"$AWK" 'BEGIN { for (i = 1; i <= 3000; i++) printf "x%d,%d\n", i, i }' >"$D/exp1"
	"$AWK" 'BEGIN { for (i = 1; i <= 3000; i++)
		printf "\"l\n%d\r\n\"\"q\"\"\r\"\n", i }' >"$D/exp2"
	local b
	for b in 1 2 3 5 7 11 64 100 4096; do
		check_file "$D/q.csv" "$D/exp1" -j 2 --block-size="$b" --csv -f 3,1
		check_file "$D/q.csv" "$D/exp2" -j 3 --block-size="$b" --csv -f 2
	done
	# and a file that opens a quote and never closes it (every quote after the
	# first is doubled): one record, to the end
	{ printf 'a,"'; sed 's/"/""/g' "$D/q.csv"; } >"$D/open.csv"
	printf 'a\n' >"$D/exp3"
	for b in 1 7 64; do
		check_file "$D/open.csv" "$D/exp3" -j 2 --block-size="$b" --csv -f 1
	done
	"$PYTHON" "$REF" --csv --tsv-out -f 2 "$D/open.csv" >"$D/exp4"
	[ "$(wc -l <"$D/exp4")" -eq 1 ]
	vs_ref "$D/exp4" --csv --tsv-out -f 2 "$D/open.csv"
}
