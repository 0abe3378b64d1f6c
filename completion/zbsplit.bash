# bash completion for zbsplit(1)                                  -*- shell-script -*-
#
# Completes the options (short and long), the fixed values of -j/--jobs,
# --whitespace-delimited= and --csv=, file names for the operands and, with
# -H/--header and a readable FILE on the command line, the field names of that
# file's first line for -f/-F/--fields (the last item of a comma-separated LIST)
# and for the F of every predicate (--str-eq F:STR ..., the F1 of --ff-eq F1:F2 ...).  Works with the bash-completion package
# (_init_completion) and without it, in plain bash.

# The options, as `zbsplit --help` and src/zbsplit/options.c list them.
_zbsplit_long_opts=(
	--bytes= --characters= --delimiter= --fields= --complement --only-delimited
	--output-delimiter= --whitespace-delimited --zero-terminated --buffer-size=
	--jobs= --block-size= --strip --lstrip --rstrip --header --regex-delimiter=
	--or --invert
	--str-eq= --str-ne= --str-lt= --str-le= --str-gt= --str-ge= --istr-eq= --istr-ne=
	--contains= --not-contains= --str-in-fld= --str-not-in-fld= --istr-in-fld=
	--istr-not-in-fld= --prefix= --suffix=
	--regex= --not-regex= --iregex= --not-iregex=
	--eq= --ne= --lt= --le= --gt= --ge=
	--char-len-eq= --char-len-ne= --char-len-lt= --char-len-le= --char-len-gt= --char-len-ge=
	--byte-len-eq= --byte-len-ne= --byte-len-lt= --byte-len-le= --byte-len-gt= --byte-len-ge=
	--ff-eq= --ff-ne= --ff-lt= --ff-le= --ff-gt= --ff-ge= --ff-str-eq= --ff-str-ne=
	--ff-istr-eq= --ff-istr-ne= --ff-absdiff-le= --ff-absdiff-gt= --ff-reldiff-le=
	--ff-reldiff-gt=
	--empty= --not-empty= --blank= --not-blank= --isdigit= --isalpha= --isspace=
	--is-numeric= --is-finite= --is-nan= --is-infinity=
	--label= --label-values=
	--help --version --csv --tsv-out
)
_zbsplit_short_opts=(-b -c -d -f -F -j -n -O -s -w -z -h -V -t -H -R -v)

# _zbsplit_long_name WORD: sets _zbsplit_long to the long option WORD (--name or
# --name=value) stands for, its unique prefixes included as getopt_long takes them,
# and to "" when there is none.
_zbsplit_long_name() {
	local name=${1%%=*} o found=""
	name=${name#--}
	for o in "${_zbsplit_long_opts[@]}"; do
		o=${o#--}
		o=${o%=}
		if [[ $o == "$name" ]]; then
			_zbsplit_long=$o
			return
		fi
		[[ -n $name && $o == "$name"* ]] && found+=" $o"
	done
	found=${found# }
	[[ $found == *" "* ]] && found=""
	_zbsplit_long=$found
}

# _zbsplit_dequote WORD: sets _zbsplit_word to the text WORD stands for, for the
# simple quoting a user types ('...', "...", $'...', backslashes); no expansion
# but a leading ~/.
_zbsplit_dequote() {
	local w=$1
	case $w in
		\$\'*\') printf -v w %b "${w:2:${#w}-3}" ;;
		\'*\') w=${w:1:${#w}-2} ;;
		\"*\") w=${w:1:${#w}-2} ;;
		*\\*)
			local out="" i c
			for ((i = 0; i < ${#w}; i++)); do
				c=${w:i:1}
				if [[ $c == \\ ]]; then
					((i++))
					c=${w:i:1}
				fi
				out+=$c
			done
			w=$out
			;;
	esac
	# shellcheck disable=SC2088 # the text typed, not a path
	[[ $w == "~/"* ]] && w=$HOME/${w#"~/"}
	_zbsplit_word=$w
}

# _zbsplit_header_names: sets the array _zbsplit_names to the field names of the
# header, when -H/--header is among the words and a FILE operand is a readable
# file; empty otherwise.  The first line of the first such file is split as the
# words say: -d DELIM (its escapes decoded), -w/--whitespace-delimited or -F
# without -d (runs of spaces and tabs), TAB by default; none with -R (a regex).
# With --csv, as CSV: at -d's byte or a comma, quoted fields unquoted, a UTF-8
# byte order mark dropped (a quoted line end in the header is not followed).
# A trailing CR is dropped; -t/--strip/--lstrip/--rstrip without CHARS strip blanks.
_zbsplit_header_names() {
	_zbsplit_names=()
	local header=false delim="" ws=false awk=false regex=false zero=false csv=false
	local lstrip=false rstrip=false file="" operands=false
	local i w j c rest val n=${#words[@]}
	for ((i = 1; i < n; i++)); do
		((i == cword)) && continue
		w=${words[i]}
		if $operands || [[ $w != -* || $w == - ]]; then
			if [[ -z $file ]]; then
				_zbsplit_dequote "$w"
				[[ -f $_zbsplit_word && -r $_zbsplit_word ]] && file=$_zbsplit_word
			fi
			continue
		fi
		if [[ $w == -- ]]; then
			operands=true
			continue
		fi
		if [[ $w == --* ]]; then
			_zbsplit_long_name "$w"
			val=""
			case $_zbsplit_long in
				header) header=true ;;
				csv) csv=true ;;
				whitespace-delimited) ws=true ;;
				zero-terminated) zero=true ;;
				strip) [[ $w == *=* ]] || { lstrip=true && rstrip=true; } ;;
				lstrip) [[ $w == *=* ]] || lstrip=true ;;
				rstrip) [[ $w == *=* ]] || rstrip=true ;;
				complement | only-delimited | or | invert | help | version | tsv-out | "") ;;
				*) # the rest take an argument, after = or as the next word
					if [[ $w == *=* ]]; then
						val=${w#*=}
					elif ((i + 1 < n && i + 1 != cword)); then
						((i++))
						val=${words[i]}
					else
						((i++))
						continue
					fi
					case $_zbsplit_long in
						delimiter) delim=$val ;;
						regex-delimiter) regex=true ;;
					esac
					;;
			esac
			continue
		fi
		# a cluster of short options: -Hw, -d, (next word) -d, -f1,2 ...
		for ((j = 1; j < ${#w}; j++)); do
			c=${w:j:1}
			rest=${w:j+1}
			case $c in
				H) header=true ;;
				w) ws=true ;;
				z) zero=true ;;
				t)
					[[ -z $rest ]] && lstrip=true && rstrip=true
					break
					;;
				b | c | d | f | F | j | O | R)
					[[ $c == F ]] && awk=true
					[[ $c == R ]] && regex=true
					if [[ -n $rest ]]; then
						val=$rest
					elif ((i + 1 < n && i + 1 != cword)); then
						((i++))
						val=${words[i]}
					else
						val=""
					fi
					[[ $c == d ]] && delim=$val
					break
					;;
			esac
		done
	done
	$header && [[ -n $file ]] && ! $regex || return 0

	local line=""
	if $zero; then
		IFS= read -r -d '' line <"$file"
	else
		IFS= read -r line <"$file"
	fi 2>/dev/null
	line=${line%$'\r'}
	$csv && line=${line#$'\xef\xbb\xbf'}
	[[ -n $line ]] || return 0

	local names=()
	if $csv; then
		if [[ -n $delim ]]; then
			_zbsplit_dequote "$delim"
			printf -v delim %b "$_zbsplit_word"
		else
			delim=,
		fi
		[[ ${#delim} -eq 1 ]] || return 0 # zbsplit refuses it
		_zbsplit_csv_fields "$line" "$delim"
		names=("${_zbsplit_csv[@]}")
	elif [[ -n $delim ]]; then
		_zbsplit_dequote "$delim"
		printf -v delim %b "$_zbsplit_word"
		[[ -n $delim ]] || return 0 # an empty DELIM (or \0) is NUL
		while [[ $line == *"$delim"* ]]; do
			names+=("${line%%"$delim"*}")
			line=${line#*"$delim"}
		done
		names+=("$line")
	elif $ws || $awk; then
		IFS=$' \t' read -r -a names <<<"$line"
	else
		IFS=$'\t' read -r -a names <<<"$line"$'\t'
	fi
	for w in "${names[@]}"; do
		if $lstrip; then
			w=${w#"${w%%[![:space:]]*}"}
		fi
		if $rstrip; then
			w=${w%"${w##*[![:space:]]}"}
		fi
		[[ -n $w ]] && _zbsplit_names+=("$w")
	done
	return 0
}

# _zbsplit_csv_fields LINE DELIM: sets the array _zbsplit_csv to the values of the
# CSV record LINE, split at the one character DELIM: a field that starts with a
# double quote runs to the closing one, "" in it is a quote, and the quotes are
# dropped (text after the closing quote joins the value, as zbsplit --csv reads it).
_zbsplit_csv_fields() {
	local line=$1 delim=$2 i c value="" start=true quoted=false
	_zbsplit_csv=()
	for ((i = 0; i < ${#line}; i++)); do
		c=${line:i:1}
		if $quoted; then
			if [[ $c != \" ]]; then
				value+=$c
			elif [[ ${line:i+1:1} == \" ]]; then
				value+=\"
				((i++))
			else
				quoted=false
			fi
		elif [[ $c == "$delim" ]]; then
			_zbsplit_csv+=("$value")
			value=""
			start=true
			continue
		elif [[ $c == \" ]] && $start; then
			quoted=true
		else
			value+=$c
		fi
		start=false
	done
	_zbsplit_csv+=("$value")
}

# _zbsplit_name_candidates PREFIX TYPED SUFFIX: adds to COMPREPLY, for each header
# name that starts with TYPED (dequoted), PREFIX then the name as the shell must
# see it, then SUFFIX.  A name that the LIST syntax wants in double quotes (it
# starts with a digit, holds a comma, hyphen, colon, double quote or blank, or is
# NF or NF-k) is offered as '"name"', \ and " escaped inside; others as %q makes them.
_zbsplit_name_candidates() {
	local prefix=$1 typed=$2 suffix=$3 name q dq=false close="'"
	# typed after a shell quote: the candidates are written for inside it, and
	# readline closes it
	[[ $typed == \"* ]] && dq=true
	[[ $typed == \'* ]] && close=""
	# what was typed of the name: quotes aside
	typed=${typed//\'/}
	typed=${typed#\"}
	typed=${typed//\\\"/\"}
	typed=${typed#\"}
	typed=${typed//\\\\/\\}
	for name in "${_zbsplit_names[@]}"; do
		[[ $name == "$typed"* ]] || continue
		q=$name
		if [[ $name == [0-9]* || $name == *[,:\"\ $'\t']* || $name == *-* ||
			$name == NF ]]; then
			q=${q//\\/\\\\}
			q=\"${q//\"/\\\"}\"
			if ! $dq; then
				COMPREPLY+=("$prefix'${q//\'/\'\\\'\'}$close$suffix")
				continue
			fi
		fi
		if $dq; then
			q=${q//\\/\\\\}
			q=${q//\"/\\\"}
			q=${q//\$/\\\$}
			q=${q//\`/\\\`}
			COMPREPLY+=("$prefix\"$q$suffix")
		else
			printf -v q %q "$name"
			COMPREPLY+=("$prefix$q$suffix")
		fi
	done
}

# _zbsplit_list_names CUR: header names for the last item of the LIST CUR.
_zbsplit_list_names() {
	local cur=$1 prefix="" i c quote=""
	# the last comma outside quotes ends the items already written
	for ((i = 0; i < ${#cur}; i++)); do
		c=${cur:i:1}
		if [[ -n $quote ]]; then
			[[ $c == "$quote" ]] && quote=""
			[[ $c == \\ && $quote == \" ]] && ((i++))
		elif [[ $c == [\'\"] ]]; then
			quote=$c
		elif [[ $c == \\ ]]; then
			((i++))
		elif [[ $c == , ]]; then
			prefix=${cur:0:i+1}
		fi
	done
	_zbsplit_header_names
	_zbsplit_name_candidates "$prefix" "${cur:${#prefix}}" ""
}

# _zbsplit_pred_names CUR SUFFIX: header names for the F of a predicate.
_zbsplit_pred_names() {
	local cur=$1
	# F:VALUE already has its F: the value is free text
	_zbsplit_dequote "$cur"
	[[ $_zbsplit_word == \"* ]] && [[ ${_zbsplit_word:1} == *\":* ]] && return
	[[ $_zbsplit_word != \"* && $_zbsplit_word == *:* ]] && return
	_zbsplit_header_names
	_zbsplit_name_candidates "" "$cur" "$2"
	if [[ -n $2 ]]; then
		compopt -o nospace 2>/dev/null || :
	fi
	return 0
}

# _zbsplit_reassemble: sets words and cword from COMP_WORDS and COMP_CWORD, each
# word rejoined with the = and : that bash split off it (COMP_WORDBREAKS).
_zbsplit_reassemble() {
	local line=$COMP_LINE i w ws last=""
	words=()
	cword=0
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		ws=${line%%[![:space:]]*}
		line=${line#"$ws"}
		line=${line#"$w"}
		if ((i > 0)) && [[ -n $COMP_LINE && -z $ws ]] &&
			{ [[ -n $w && $w != *[!=:]* ]] || [[ -n $last && $last != *[!=:]* ]]; }; then
			words[${#words[@]} - 1]+=$w
		else
			words+=("$w")
		fi
		((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
		last=$w
	done
	cur=${words[cword]}
	prev=""
	((cword > 0)) && prev=${words[cword - 1]}
}

_zbsplit() {
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion -n =: || return
	else
		_zbsplit_reassemble
	fi
	COMPREPLY=()

	# readline replaces the text after the last = or : of the word (when they are
	# in COMP_WORDBREAKS): every candidate is the whole word, and this is cut off
	# (or after the quote that opens an unfinished quoted part)
	local drop="" saved="" i c quote=""
	for ((i = 0; i < ${#cur}; i++)); do
		c=${cur:i:1}
		if [[ -n $quote ]]; then
			[[ $c == "$quote" ]] && quote="" && drop=$saved
		elif [[ $c == [\'\"] ]]; then
			quote=$c
			saved=$drop
			drop=${cur:0:i+1}
		elif [[ $c == \\ ]]; then
			((i++))
		elif [[ $c == [=:] && $COMP_WORDBREAKS == *"$c"* ]]; then
			drop=${cur:0:i+1}
		fi
	done
	_zbsplit_complete
	local k
	for k in "${!COMPREPLY[@]}"; do
		COMPREPLY[k]=${COMPREPLY[k]#"$drop"}
	done
	return 0
}

# _zbsplit_complete: COMPREPLY for cur (whole words; see _zbsplit).
_zbsplit_complete() {
	local i operands=false
	for ((i = 1; i < cword; i++)); do
		[[ ${words[i]} == -- ]] && operands=true
	done

	if ! $operands; then
		# the argument of the previous word, an option that takes one
		local opt=""
		case $prev in
			--?*)
				if [[ $prev != *=* ]]; then
					_zbsplit_long_name "$prev"
					opt=$_zbsplit_long
				fi
				;;
			-?*)
				# a short option that ends its word and takes an argument
				local last=${prev: -1}
				if [[ $last == [bcdfFjOR] ]] &&
					[[ ${prev:1:${#prev}-2} != *[bcdfFjOtR]* ]]; then
					opt=$last
				fi
				;;
		esac
		case $opt in
			f | F | fields)
				_zbsplit_list_names "$cur"
				return
				;;
			j | jobs)
				mapfile -t COMPREPLY < <(compgen -W '0 1 2 4 8' -- "$cur")
				return
				;;
			str-* | istr-* | contains | not-contains | prefix | suffix | regex | \
				not-regex | iregex | not-iregex | eq | ne | lt | le | gt | ge | \
				char-len-* | byte-len-* | ff-*)
				_zbsplit_pred_names "$cur" :
				return
				;;
			empty | not-empty | blank | not-blank | isdigit | isalpha | isspace | is-*)
				_zbsplit_pred_names "$cur" ""
				return
				;;
			b | c | d | O | R | bytes | characters | delimiter | output-delimiter | \
				buffer-size | block-size | regex-delimiter | label | label-values)
				return # free text
				;;
			# --csv and --whitespace-delimited take their value only after =: the
			# next word is an operand or an option
		esac

		case $cur in
			--*=*)
				local name=${cur%%=*} val=${cur#*=}
				_zbsplit_long_name "$name"
				case $_zbsplit_long in
					whitespace-delimited)
						[[ trimmed == "$val"* ]] && COMPREPLY=("$name=trimmed")
						;;
					jobs) mapfile -t COMPREPLY < <(compgen -P "$name=" -W '0 1 2 4 8' -- "$val") ;;
					fields) _zbsplit_list_names "$val" ;;
					str-* | istr-* | contains | not-contains | prefix | suffix | regex | \
						not-regex | iregex | not-iregex | eq | ne | lt | le | gt | ge | \
						char-len-* | byte-len-* | ff-*)
						_zbsplit_pred_names "$val" :
						;;
					empty | not-empty | blank | not-blank | isdigit | isalpha | isspace | is-*)
						_zbsplit_pred_names "$val" ""
						;;
					csv)
						[[ strict == "$val"* ]] && COMPREPLY=("$name=strict")
						;;
				esac
				local k
				for k in "${!COMPREPLY[@]}"; do
					[[ ${COMPREPLY[k]} == "$name="* ]] || COMPREPLY[k]=$name=${COMPREPLY[k]}
				done
				return
				;;
			--*)
				mapfile -t COMPREPLY < <(compgen -W "${_zbsplit_long_opts[*]}" -- "$cur")
				# an option that takes its argument after = gets no space
				if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
					compopt -o nospace 2>/dev/null || :
				fi
				return
				;;
			-[fF]?*)
				_zbsplit_list_names "${cur:2}"
				COMPREPLY=("${COMPREPLY[@]/#/${cur:0:2}}")
				return
				;;
			-*)
				mapfile -t COMPREPLY < <(compgen -W "${_zbsplit_short_opts[*]} ${_zbsplit_long_opts[*]}" -- "$cur")
				return
				;;
		esac
	fi

	compopt -o filenames 2>/dev/null || :
	mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

complete -F _zbsplit zbsplit
