#!/usr/bin/env bats
# Shell completion (completion/): the bash script is run here as bash runs it on
# TAB, by calling _zbsplit with COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT
# set, and COMPREPLY checked; the zsh and fish scripts are loaded (and fish asked
# for completions) when those shells are installed.  Expected values by hand.

load test_helper

COMPLETION_DIR=$BATS_TEST_DIRNAME/../completion

setup() {
	cd "$BATS_TEST_TMPDIR"
	# shellcheck source=../completion/zbsplit.bash
	source "$COMPLETION_DIR/zbsplit.bash"
	printf 'id\tname\tcity\tzip\n1\tann\tparis\t75001\n' >people.tsv
	printf 'id,name,city\n1,ann,paris\n' >people.csv
	printf 'id   name\tcity  \n1 ann paris\n' >people.txt
	printf 'id\tname\tcity\r\n1\tann\tparis\r\n' >crlf.tsv
	printf 'id\tmy name\tname\tx,y\n' >spaced.tsv
	# CSV: a byte order mark, quoted names (one with a comma, one with "" in it), CRLF
	printf '\xef\xbb\xbf"id","full name","a,b","say ""hi""",city\r\n1,x,y,z,w\r\n' >quoted.csv
	printf 'id;"x;y";name\n' >semi.csv
}

# comp LINE: completes at the end of LINE as bash does: COMP_WORDS is LINE split
# at blanks, with the = and : of COMP_WORDBREAKS split off as words of their own
# (outside quotes); a LINE that ends in a blank completes an empty word.  Leaves
# the candidates, sorted, one a line, in $out.
comp() {
	local line=$1 i c w="" quote="" breaks=false
	COMP_WORDS=()
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if [[ -n $quote ]]; then
			[[ $c == "$quote" ]] && quote=""
			w+=$c
		elif [[ $c == [\'\"] ]]; then
			quote=$c
			w+=$c
		elif [[ $c == [[:blank:]] ]]; then
			[[ -n $w ]] && COMP_WORDS+=("$w")
			w=""
		elif [[ $c == [=:] ]]; then
			[[ -n $w ]] && ! $breaks && COMP_WORDS+=("$w") && w=""
			w+=$c
			breaks=true
			continue
		else
			$breaks && [[ -n $w ]] && COMP_WORDS+=("$w") && w=""
			w+=$c
		fi
		breaks=false
	done
	COMP_WORDS+=("$w")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_zbsplit
	out=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort)
}

# expect CANDIDATE...: $out is exactly the CANDIDATEs (sorted), one a line.
expect() {
	local want
	want=$(printf '%s\n' "$@" | LC_ALL=C sort)
	[[ $# -gt 0 ]] || want=""
	if [[ $out != "$want" ]]; then
		echo "COMP_WORDS: $(printf '[%s]' "${COMP_WORDS[@]}")"
		echo "expected:"
		echo "$want"
		echo "got:"
		echo "$out"
		return 1
	fi
}

@test "comp splits the line as bash does" {
	comp 'zbsplit --whitespace-delimited='
	[ "${#COMP_WORDS[@]}" -eq 3 ] && [ "${COMP_WORDS[2]}" = = ]
	comp 'zbsplit --str-eq name:Lo'
	[ "${COMP_WORDS[*]}" = 'zbsplit --str-eq name : Lo' ]
	comp 'zbsplit -f '
	[ "${#COMP_WORDS[@]}" -eq 3 ] && [ -z "${COMP_WORDS[2]}" ]
}

@test "bash: long options by prefix" {
	comp 'zbsplit --str-'
	expect --str-eq= --str-ne= --str-lt= --str-le= --str-gt= --str-ge= --str-in-fld= \
		--str-not-in-fld=
	comp 'zbsplit --he'
	expect --header --help
	comp 'zbsplit --whitespace'
	expect --whitespace-delimited
	comp 'zbsplit --not-'
	expect --not-contains= --not-regex= --not-iregex= --not-empty= --not-blank=
	comp 'zbsplit --i'
	expect --invert --iregex= --isdigit= --isalpha= --isspace= --istr-eq= --istr-ne= \
		--istr-in-fld= --istr-not-in-fld= --is-numeric= --is-finite= --is-nan= --is-infinity=
	comp 'zbsplit --ff-a'
	expect --ff-absdiff-le= --ff-absdiff-gt=
	comp 'zbsplit --label'
	expect --label= --label-values=
	# --csv takes its value after = only, like --whitespace-delimited: no = offered
	comp 'zbsplit --cs'
	expect --csv
	comp 'zbsplit --ts'
	expect --tsv-out
}

@test "bash: every option of --help is offered" {
	comp 'zbsplit -'
	local o
	for o in -b -c -d -f -F -j -n -O -s -w -z -h -V -t -H -R -v \
		--bytes= --characters= --delimiter= --fields= --complement --only-delimited \
		--output-delimiter= --whitespace-delimited --zero-terminated --buffer-size= \
		--jobs= --block-size= --strip --lstrip --rstrip --header --regex-delimiter= \
		--or --invert --str-eq= --str-ne= --contains= --not-contains= --prefix= \
		--suffix= --regex= --not-regex= --iregex= --eq= --ne= --lt= --le= --gt= \
		--ge= --empty= --not-empty= --isdigit= --isalpha= --isspace= --help --version \
		--csv --tsv-out --str-lt= --str-le= --str-gt= --str-ge= --istr-eq= --istr-ne= \
		--str-in-fld= --istr-in-fld= --str-not-in-fld= --istr-not-in-fld= --not-iregex= \
		--blank= --not-blank= --is-numeric= --is-finite= --is-nan= --is-infinity= \
		--char-len-{eq,ne,lt,le,gt,ge}= --byte-len-{eq,ne,lt,le,gt,ge}= \
		--ff-{eq,ne,lt,le,gt,ge}= --ff-{str,istr}-{eq,ne}= --ff-{abs,rel}diff-{le,gt}= \
		--label= --label-values=; do
		[[ $'\n'$out$'\n' == *$'\n'$o$'\n'* ]] || { echo "missing: $o"; return 1; }
	done
	# and every long option of zbsplit --help is among them
	local help
	help=$("$ZBSPLIT" --help)
	for o in $(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		[[ $out == *"$o"* ]] || { echo "--help names $o, not offered"; return 1; }
	done
}

@test "bash: option values" {
	comp 'zbsplit --whitespace-delimited='
	expect trimmed
	comp 'zbsplit --whitespace-delimited=tr'
	expect trimmed
	comp 'zbsplit -j '
	expect 0 1 2 4 8
	comp 'zbsplit --jobs '
	expect 0 1 2 4 8
	comp 'zbsplit --jobs='
	expect 0 1 2 4 8
	# free text: nothing offered
	comp 'zbsplit -d '
	expect
	comp 'zbsplit --csv='
	expect strict
	comp 'zbsplit --csv=s'
	expect strict
	comp 'zbsplit --cs=s'
	expect strict
	comp 'zbsplit --csv=x'
	expect
	# the value of --csv is attached or absent: the next word is an operand
	comp 'zbsplit --csv st'
	expect
	comp 'zbsplit --csv people.'
	expect people.csv people.tsv people.txt
}

@test "bash: file names for operands" {
	comp 'zbsplit -f 1 people.'
	expect people.csv people.tsv people.txt
	comp 'zbsplit -f 1 -- -'
	expect
}

@test "bash: header names for -f, TSV (the default delimiter)" {
	comp 'zbsplit -H people.tsv -f '
	expect id name city zip
	comp 'zbsplit -H -f n people.tsv'
	# the word completed is the last one: here the file
	expect people.tsv
	COMP_WORDS=(zbsplit -H -f n people.tsv)
	COMP_CWORD=3
	COMP_LINE='zbsplit -H -f n people.tsv'
	COMP_POINT=15
	_zbsplit
	[ "${COMPREPLY[*]}" = name ]
	comp 'zbsplit --header people.tsv --fields n'
	expect name
	comp 'zbsplit --header people.tsv --fields=n'
	expect name
	# -F splits at blanks (no -d)
	comp 'zbsplit -H people.tsv -F c'
	expect city
	comp 'zbsplit -H people.tsv -fc'
	expect -fcity
}

@test "bash: header names with -d , (comma-separated), -w and -F (blanks)" {
	comp 'zbsplit -H -d , people.csv -f '
	expect id name city
	comp "zbsplit -H -d ',' people.csv -f c"
	expect city
	comp 'zbsplit -H --delimiter=, people.csv -f c'
	expect city
	comp 'zbsplit -Hd, people.csv -f c'
	expect city
	comp 'zbsplit -H -w people.txt -f '
	expect id name city
	comp 'zbsplit -H --whitespace-delimited=trimmed people.txt -f '
	expect id name city
	comp 'zbsplit -H people.txt -F '
	expect id name city
	# the TSV split at commas: one name
	comp 'zbsplit -H -d , people.tsv -f '
	local t=$'\t'
	expect "'\"id${t}name${t}city${t}zip\"'"
}

@test "bash: header names with --csv: unquoted, at a comma or -d's byte, without the BOM" {
	comp 'zbsplit --csv -H quoted.csv -f '
	expect id "'\"full name\"'" "'\"a,b\"'" "'\"say \\\"hi\\\"\"'" city
	comp 'zbsplit --csv -H quoted.csv -f i'
	expect id
	comp 'zbsplit --csv=strict -H quoted.csv --str-eq c'
	expect city:
	comp "zbsplit --csv -H -d ';' semi.csv -f "
	expect id 'x\;y' name
	comp "zbsplit --csv -H -d '\\x3b' semi.csv -f x"
	expect 'x\;y'
	# a comma by default, where the default without --csv is TAB
	comp 'zbsplit --csv -H people.csv -f '
	expect id name city
	comp 'zbsplit -H people.csv -f '
	expect "'\"id,name,city\"'"
	# --csv and --tsv-out take no next word: the FILE after them is found
	comp 'zbsplit -H --tsv-out people.csv --csv -f c'
	expect city
	comp 'zbsplit -H --csv people.csv -f c'
	expect city
	# a delimiter zbsplit refuses with --csv: no names
	comp 'zbsplit --csv -H -d :: people.csv -f '
	expect
}

@test "bash: header names of a CRLF file lose the CR" {
	comp 'zbsplit -H crlf.tsv -f ci'
	expect city
	comp 'zbsplit -H crlf.tsv -f '
	expect id name city
}

@test "bash: names that need double quotes are offered quoted" {
	comp 'zbsplit -H spaced.tsv -f m'
	expect "'\"my name\"'"
	comp 'zbsplit -H spaced.tsv -f '
	expect id "'\"my name\"'" name "'\"x,y\"'"
	# typed inside the quotes: readline closes the open one
	comp "zbsplit -H spaced.tsv -f '\"my"
	expect '"my name"'
	comp "zbsplit -H spaced.tsv --str-eq '\"m"
	expect '"my name":'
}

@test "bash: the last item of a comma-separated list" {
	comp 'zbsplit -H people.tsv -f id,na'
	expect id,name
	comp 'zbsplit -H people.tsv -f 1,zip,c'
	expect 1,zip,city
	comp 'zbsplit -H people.tsv -f id,'
	expect id,id id,name id,city id,zip
	comp 'zbsplit -H spaced.tsv -f id,my'
	expect "id,'\"my name\"'"
	comp 'zbsplit -H spaced.tsv --fields=id,my'
	expect "id,'\"my name\"'"
}

@test "bash: predicate field names" {
	comp 'zbsplit -H people.tsv --str-eq na'
	expect name:
	comp 'zbsplit -H people.tsv --str-eq=na'
	expect name:
	comp 'zbsplit -H people.tsv --gt z'
	expect zip:
	comp 'zbsplit -H people.tsv --contains '
	expect id: name: city: zip:
	# predicates on F alone: no colon
	comp 'zbsplit -H people.tsv --empty ci'
	expect city
	comp 'zbsplit -H people.tsv --is-numeric z'
	expect zip
	comp 'zbsplit -H people.tsv --not-blank=ci'
	expect city
	# tsv-filter's: strings, lengths, and the first field of the ff ones
	comp 'zbsplit -H people.tsv --istr-in-fld ci'
	expect city:
	comp 'zbsplit -H people.tsv --char-len-le=na'
	expect name:
	comp 'zbsplit -H people.tsv --ff-eq i'
	expect id:
	comp 'zbsplit -H spaced.tsv --prefix my'
	expect "'\"my name\"':"
	# past the colon: the value, free text
	comp 'zbsplit -H people.tsv --str-eq name:a'
	expect
}

@test "bash: no header names without -H" {
	comp 'zbsplit people.tsv -f '
	expect
	comp 'zbsplit people.tsv --str-eq na'
	expect
	# nor with -R (fields split by a regex)
	comp 'zbsplit -H -R , people.csv -f '
	expect
}

@test "bash: a FILE that does not exist gives no names and no error" {
	run comp 'zbsplit -H missing.tsv -f '
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	comp 'zbsplit -H missing.tsv -f '
	expect
	comp 'zbsplit -H missing.tsv --str-eq '
	expect
	# a later readable one is used
	comp 'zbsplit -H missing.tsv people.csv -d , -f i'
	expect id
}

@test "bash: with the bash-completion package's _init_completion" {
	local bc=/usr/share/bash-completion/bash_completion
	[ -r "$bc" ] || skip "bash-completion is not installed ($bc)"
	# shellcheck disable=SC1090
	source "$bc"
	comp 'zbsplit -H people.tsv -f id,na'
	expect id,name
	comp 'zbsplit -H people.tsv --str-eq=na'
	expect name:
	comp 'zbsplit --whitespace-delimited='
	expect trimmed
}

@test "bash: the script passes bash -n and shellcheck" {
	bash -n "$COMPLETION_DIR/zbsplit.bash"
	command -v shellcheck >/dev/null || skip "shellcheck is not installed"
	shellcheck -s bash "$COMPLETION_DIR/zbsplit.bash"
}

@test "zsh: the script loads" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	zsh -n "$COMPLETION_DIR/_zbsplit"
	run zsh -fc 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -d "$2/zcompdump"
		autoload -Uz +X _zbsplit && print -r -- "${_comps[zbsplit]}"' zsh \
		"$COMPLETION_DIR" "$BATS_TEST_TMPDIR"
	[ "$status" -eq 0 ]
	[ "$output" = _zbsplit ]
}

@test "zsh: header names" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	# the helpers, outside the completion system: _arguments stubbed
	run zsh -fc '_arguments() { :; }; source "$1/_zbsplit"
		words=(zbsplit -H -d , people.csv -f "") CURRENT=6 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit -H spaced.tsv --str-eq "") CURRENT=4 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit -H -w people.txt -f "") CURRENT=5 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit -H crlf.tsv -f "") CURRENT=4 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit crlf.tsv -f "") CURRENT=3 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit -H missing -f "") CURRENT=3 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"' zsh "$COMPLETION_DIR"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'id|name|city' ]
	[ "${lines[1]}" = 'id|my name|name|x,y' ]
	[ "${lines[2]}" = 'id|name|city' ]
	[ "${lines[3]}" = 'id|name|city' ]
	[ "${#lines[@]}" -eq 4 ] || [ -z "${lines[4]}" ]
}

@test "zsh: header names with --csv" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	run zsh -fc '_arguments() { :; }; source "$1/_zbsplit"
		words=(zbsplit --csv -H quoted.csv -f "") CURRENT=6 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit --csv=strict -H -d "'"';'"'" semi.csv -f "") CURRENT=7 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"
		words=(zbsplit -H --tsv-out people.csv --csv -f "") CURRENT=6 _zbsplit_header_names
		print -r -- "${(j:|:)reply}"' zsh "$COMPLETION_DIR"
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = 'id|full name|a,b|say "hi"|city' ]
	[ "${lines[1]}" = 'id|x;y|name' ]
	[ "${lines[2]}" = 'id|name|city' ]
}

@test "zsh: --csv completes strict after =, --tsv-out is offered" {
	command -v zsh >/dev/null || skip "zsh is not installed"
	# the specs handed to _arguments (stubbed to print them)
	run zsh -fc '_arguments() { print -rl -- "$@"; }; source "$1/_zbsplit"' zsh "$COMPLETION_DIR"
	[ "$status" -eq 0 ]
	printf '%s\n' "${lines[@]}" | grep -E '^\([^)]*\)--csv=-\[[^]]*\]::[^:]*:\(strict\)$'
	printf '%s\n' "${lines[@]}" | grep -E '^\([^)]*\)--tsv-out\[[^]]*\]$'
	# --csv shuts out the options it refuses
	printf '%s\n' "${lines[@]}" | grep -E '^\([^)]*-w [^)]*\)--csv=-'
}

@test "fish: the script loads and completes" {
	command -v fish >/dev/null || skip "fish is not installed"
	run fish --no-config -c 'source $argv[1]' "$COMPLETION_DIR/zbsplit.fish"
	[ "$status" -eq 0 ] && [ -z "$output" ]
	fish_complete() {
		fish --no-config -c 'source $argv[1]; complete -C $argv[2]' \
			"$COMPLETION_DIR/zbsplit.fish" "$1" | cut -f 1 | LC_ALL=C sort
	}
	out=$(fish_complete 'zbsplit --str-')
	expect --str-eq --str-ne --str-lt --str-le --str-gt --str-ge --str-in-fld --str-not-in-fld
	out=$(fish_complete 'zbsplit -H people.tsv --ff-str-eq na')
	expect name:
	out=$(fish_complete 'zbsplit --whitespace-delimited=')
	expect --whitespace-delimited=trimmed
	out=$(fish_complete 'zbsplit -H people.tsv -f id,na')
	expect id,name
	out=$(fish_complete 'zbsplit -H -d , people.csv -f c')
	expect city
	out=$(fish_complete 'zbsplit -H crlf.tsv --str-eq na')
	expect name:
	out=$(fish_complete 'zbsplit -H spaced.tsv -f my')
	expect '"my name"'
	out=$(fish_complete 'zbsplit people.tsv -f ')
	expect
	out=$(fish_complete 'zbsplit --csv=')
	expect --csv=strict
	out=$(fish_complete 'zbsplit --ts')
	expect --tsv-out
	out=$(fish_complete 'zbsplit --csv -H quoted.csv -f ')
	expect '"a,b"' '"full name"' '"say \"hi\""' city id
	out=$(fish_complete "zbsplit --csv -H -d ';' semi.csv -f x")
	expect 'x;y'
	out=$(fish_complete 'zbsplit -H --tsv-out people.csv --csv -f c')
	expect city
}
