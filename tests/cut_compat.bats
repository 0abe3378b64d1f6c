#!/usr/bin/env bats
# Drop-in gaps with cut 9.11 (issue 16) and errors that teach.  References: GNU
# cut (/usr/bin/cut, 9.1 here) for -d '\n' and -n, whose -d '\n' agrees with
# coreutils' own newline-14..24 tests; coreutils' w-trim-2 test and the spec
# (man/zbsplit.1) for -w=trimmed; the expected messages are the spec's.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# --- -w=trimmed: blanks at a record's ends are no delimiter ----------------

@test "-s -w=trimmed writes nothing for '  a  ' (coreutils w-trim-2)" {
	check '  a  \n' '' -s -w=trimmed -f1
	check '  a  \n' '' -s --whitespace-delimited=trimmed -f 1
	check '  a  \n' '' -s -F 1
	check '\t \t\n' '' -s -F 1
	# a blank inside delimits, as before
	check '  a b \n' 'a\n' -s -w=trimmed -f1
	check '  a  \na b\n' 'b\n' -s -F 2
}

@test "-w=trimmed without -s: such a record is written whole, without the end blanks" {
	check '  a  \n' 'a\n' -w=trimmed -f 2
	check '  a  \n' 'a\n' -F 2
	check '  a  \n' 'a\n' -F 2 --complement
	check ' \t \n' '\n' -F 3
	# the untrimmed -w: a blank at an end makes an empty field, and delimits
	check '  a  \n' 'a\n' -w -f 2
	check '  a  \n' '\n' -w -f 9 -s
}

# --- -n -------------------------------------------------------------------

@test "-n with -f, -F or -c is accepted and ignored, as GNU cut does" {
	vs_cut_str 'a:b\nc\n' -n -d : -f 2
	vs_cut_str 'a:b\nc\n' -d : -f 1 -n -s
	check 'x y\n' 'y\n' -n -F 2
	check '\xc3\xa9a\n' '\xc3\xa9\n' -n -c 1
	check 'a,b\n' 'b\n' --csv -n -f 2
	# ... and keeps its meaning with -b
	check '\xc3\xa9a\n' '\n' -n -b 1
}

# --- -d '\n': each input is one record, its lines the fields ---------------

@test "-d '\\n': the examples of the issue (coreutils' newline tests)" {
	check 'a\nb\n' 'a\n' -d '\n' -f1
	check 'a\nb\n' 'a:b\n' -d '\n' -f1- --output-delimiter=:
	check 'a\nb\n' 'a:b\n' -d '\n' -f1,2 -O :
	check '\nb' 'b\n' -d '\n' -s -f2
	check '\n' '' -d '\n' -s -f2
	check '\n' '\n' -d '\n' -s -f1
	check '\n' '\n' -d '\n' -f2
	check '' '' -d '\n' -f1
	check 'a:1\nb:' 'a:1\n' -d $'\n' -f1
}

@test "-d '\\n' vs GNU cut: inputs with and without a final newline, empty lines, -s, --complement, -O" {
	local i l o s files=()
	for s in '' '\n' '\n\n' 'a' 'a\n' 'a\n\n' '\nb' 'a\nb' 'a\nb\n' 'a\nbc\n\nd' 'ab\n\nc\n\n'; do
		files+=("in.${#files[@]}")
		printf -- "$s" >"${files[-1]}"
	done
	# each file is a record of its own, in cut as in zbsplit: one run takes them all
	for l in 1 2 3 1- 2- 1,3; do
		for o in "" -s --complement "-s --output-delimiter=:"; do
			# shellcheck disable=SC2086 # $o is words
			"$CUT" -d $'\n' -f "$l" $o "${files[@]}" >exp
			# shellcheck disable=SC2086
			check_args_file exp -d $'\n' -f "$l" $o "${files[@]}"
		done
	done
}

# check_args_file EXPECTED_FILE ARGS...: zbsplit ARGS writes EXPECTED_FILE, exits 0
# and says nothing.
check_args_file() {
	local exp=$1 rc=0
	shift
	"$ZBSPLIT" "$@" </dev/null >got 2>err || rc=$?
	if [ "$rc" -ne 0 ] || [ -s err ]; then
		echo "zbsplit $*: exit $rc, stderr:"
		cat err
		return 1
	fi
	same_bytes "$exp" got "zbsplit $*"
}

@test "-d '\\n': any buffer size, -j, several files, and -z -d ''" {
	printf 'a\nbb\n\nccc\n' >one
	printf 'x\ny' >two
	printf 'z\n' >three
	"$CUT" -d $'\n' -f 2,4 one >exp
	check_file one exp -d '\n' -f 2,4 --buffer-size 1
	check_file one exp -d '\n' -f 2,4 --buffer-size 3 -j 2 --block-size 1
	# each file is a record of its own
	printf 'a\nx\nz\n' >exp
	"$ZBSPLIT" -d '\n' -f 1 one two three >got
	same_bytes exp got
	printf 'bb\ny\n\n' >exp
	"$ZBSPLIT" -d '\n' -f 2 one two three >got
	same_bytes exp got
	# with -z, NUL is the terminator and the delimiter
	check 'a\0b\0' 'b\0' -z -d '' -f 2
	check 'a\0b\0c' 'a|c\0' -z -d '\0' -f 1,3 -O '|'
	check 'a\nb\0' 'a\nb\0' -z -d '' -f 1 -s
	# the lines are the fields, each with its CR: no CRLF rule for the last alone
	check 'a\r\nb\r\n' '' -d '\n' --str-eq 2:b
	check 'a\r\nb\r\n' 'a\r\nb\r\n' -d '\n' --str-eq '2:b\r' --str-eq '1:a\r'
}

@test "-d '\\n': a longer delimiter holding the terminator, and -H, are usage errors" {
	usage_error -d $'x\n' -f 1
	# (the message shows the newline escaped: diag.c)
	[ "$errline" = "zbsplit: the delimiter 'x\n' contains the record terminator: only the terminator alone may be one (each input is then one record)" ]
	usage_error -d '\n\n' -f 1
	usage_error -z -d 'a\0' -f 1
	usage_error -H -d '\n' -f 1
	[ "$errline" = "zbsplit: -H cannot be used with the delimiter '\\n': each input is one record, its fields the lines" ]
}

# --- errors that teach -------------------------------------------------------

@test "a name with '-' read as a range says how to quote it" {
	printf 'id,first-name\n1,Ada\n' >people
	usage_error -H -d , -f first-name people
	[ "${errline%% (*}" = "zbsplit: no field named 'first' in the header of people" ]
	err_mentions "; 'first-name' is read as a range: quote a name that holds '-', as -f '\"first-name\"'"
	usage_error -H -d , -f id-x people
	err_mentions "; 'id-x' is read as a range"
	usage_error -H -d , -f x-2 people
	err_mentions "; 'x-2' is read as a range"
	# quoted, it is the name
	check_args 'first-name\nAda\n' -H -d , -f '"first-name"' people
	# a quoted name in a range, or no name, gets no such note
	usage_error -H -d , -f '"x"-2' people
	[ "$errline" = "zbsplit: no field named 'x' in the header of people (its fields: id, first-name)" ]
}

@test "awk's -F: or -F, suggests -d" {
	usage_error -F: x
	[ "$errline" = "zbsplit: invalid field list ':' for -F (zbsplit's -F takes a LIST, as -f does; for awk's -F':' use -d ':')" ]
	usage_error -F,
	err_mentions "for awk's -F',' use -d ','"
	usage_error -F '|'
	err_mentions "use -d '|'"
	usage_error -F '\t'
	err_mentions "use -d '\\t'"
	# a LIST that is merely wrong keeps its own message
	usage_error -F 1:
	[ "$errline" = "zbsplit: invalid list item '1:'" ]
	usage_error -F x
	[ "$errline" = "zbsplit: 'x' is not a field number; field names need -H (--header)" ]
}

@test "-w=trimmed and -wtrimmed work; -ws and '-w trimmed' say why not" {
	check ' a b \n' 'b\n' -w=trimmed -f 2
	check ' a b \n' 'b\n' -wtrimmed -f 2
	check ' a  \n' '' -sw=trimmed -f 1
	usage_error -ws -f 1
	[ "$errline" = "zbsplit: invalid argument 's' for -w (only 'trimmed', as -w=trimmed or -wtrimmed: what follows -w in its word is its argument; write other options apart, as -w -s)" ]
	usage_error -w=trim -f 1
	[ "$errline" = "zbsplit: invalid argument 'trim' for -w (only 'trimmed': -w=trimmed)" ]
	usage_error --whitespace-delimited=x -f 1
	[ "$errline" = "zbsplit: invalid argument 'x' for --whitespace-delimited (only 'trimmed')" ]
	usage_error -w trimmed -f 1
	[ "$errline" = "zbsplit: 'trimmed' is read as a file, and there is none: -w takes its argument in the same word (-w=trimmed, -wtrimmed or --whitespace-delimited=trimmed)" ]
	# a file of that name is read
	printf 'x y\n' >trimmed
	check_args 'y\n' -w -f 2 trimmed
}

@test "an ambiguous long option lists the candidates" {
	usage_error --str 1:a
	err_mentions "zbsplit: option '--str' is ambiguous; possibilities: "
	err_mentions "'--strip'"
	err_mentions "'--str-eq'"
	err_mentions "'--str-ne'"
	usage_error --not 1
	err_mentions "zbsplit: option '--not' is ambiguous; possibilities: '--not-"
	err_mentions "'--not-contains'"
	err_mentions "'--not-empty'"
	# unknown stays unknown; a unique prefix works
	usage_error --zzz
	[ "$errline" = "zbsplit: unrecognized option '--zzz'" ]
	check 'a:b\n' 'b\n' --delim=: --fie=2
}

@test "--help ends with examples that do what they say" {
	run "$ZBSPLIT" --help
	[ "$status" -eq 0 ]
	# the examples, then the pointer to the manual, end the text
	[ "${lines[-1]}" = "See zbsplit(1)." ]
	local n=${#lines[@]}
	[ "${lines[n - 6]}" = "Examples:" ]
	# (errors.bats runs each of the four on data made for it)
}
