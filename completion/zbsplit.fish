# fish completion for zbsplit(1): the options with their descriptions, the values
# of -j/--jobs, --whitespace-delimited= and --csv=, file operands (fish's default) and,
# with -H/--header and a readable FILE on the command line, the names in that
# file's first line for the last item of a -f/-F LIST and for the F of the
# predicates (--str-eq F:STR ...).

# __zbsplit_header_names: the header's names, one a line, from the command line
# before the cursor; none without -H or a readable FILE.  The first line is split
# at -d DELIM, at blanks with -w or -F without -d, else at TAB; none with -R; with
# --csv as CSV (at -d's byte or a comma, quoted fields unquoted, a UTF-8 byte
# order mark dropped).  A trailing CR is dropped.
function __zbsplit_header_names
    set -l words (commandline -opc)
    set -e words[1]
    set -l header 0
    set -l csv 0
    set -l delim ''
    set -l ws 0
    set -l awk 0
    set -l regex 0
    set -l file ''
    set -l operands 0
    set -l i 1
    while test $i -le (count $words)
        set -l w $words[$i]
        set i (math $i + 1)
        if test $operands = 1; or not string match -q -- '-*' $w; or test "$w" = -
            if test -z "$file"; and test -f "$w"; and test -r "$w"
                set file $w
            end
            continue
        end
        if test "$w" = --
            set operands 1
            continue
        end
        if string match -q -- '--*' $w
            set -l long (string replace -r -- '=.*' '' (string sub -s 3 -- $w))
            switch $long
                case he hea head heade header
                    set header 1
                case cs csv
                    set csv 1
                case 'wh*'
                    set ws 1
                case 'd' 'de' 'del*' 'r' 're' 'reg' 'rege' 'regex-*' 'b' 'by*' 'ch*' 'f' 'fi*' 'ou*' 'bu*' 'j*' 'bl*' 'str-*' 'con*' 'not-c*' 'not-r*' 'p*' 'su*' regex 'ir*' eq ne lt le gt ge 'em*' 'not-e*' 'is*'
                    set -l val
                    if string match -q -- '*=*' $w
                        set val (string replace -r -- '^[^=]*=' '' $w)
                    else if test $i -le (count $words)
                        set val $words[$i]
                        set i (math $i + 1)
                    end
                    string match -q -- 'd*' $long; and set delim $val
                    string match -q -- 'rege*' $long; and set regex 1
            end
            continue
        end
        # a cluster of short options
        set -l chars (string split '' -- (string sub -s 2 -- $w))
        set -l j 1
        for c in $chars
            set j (math $j + 1)
            switch $c
                case H
                    set header 1
                case w
                    set ws 1
                case t
                    break
                case b c d f F j O R
                    test $c = F; and set awk 1
                    test $c = R; and set regex 1
                    set -l val (string sub -s (math $j + 1) -- $w)
                    if test -z "$val"; and test $i -le (count $words)
                        set val $words[$i]
                        set i (math $i + 1)
                    end
                    test $c = d; and set delim $val
                    break
            end
        end
    end
    test $header = 1; and test -n "$file"; and test $regex = 0; or return 0

    set -l line (head -n 1 -- $file | string replace -r -- '\r$' '')
    test $csv = 1; and set line (string replace -r -- '^\x{feff}' '' $line)
    test -n "$line"; or return 0
    if test $csv = 1
        set -q delim[1]; and test -n "$delim"; and set delim (printf '%b' "$delim"); or set delim ,
        test (string length -- "$delim") = 1; or return 0
        __zbsplit_csv_fields $line $delim | string match -v ''
    else if test -n "$delim"
        set delim (printf '%b' "$delim")
        test -n "$delim"; or return 0
        string split -- $delim $line | string match -v ''
    else if test $ws = 1 -o $awk = 1
        string replace -a -- \t ' ' $line | string split -n ' '
    else
        string split -- \t $line | string match -v ''
    end
end

# __zbsplit_csv_fields LINE DELIM: the values of the CSV record LINE, one a line,
# split at the one character DELIM: a field that starts with a double quote runs
# to the closing one, "" in it is a quote, and the quotes are dropped (text after
# the closing quote joins the value, as zbsplit --csv reads it).
function __zbsplit_csv_fields
    set -l delim $argv[2]
    set -l value ''
    set -l start 1
    set -l quoted 0
    set -l skip 0
    set -l chars (string split '' -- $argv[1])
    set -l n (count $chars)
    for i in (seq $n)
        if test $skip = 1
            set skip 0
            continue
        end
        set -l c $chars[$i]
        set -l next (math $i + 1)
        if test $quoted = 1
            if test "$c" != '"'
                set value "$value$c"
            else if test $next -le $n; and test "$chars[$next]" = '"'
                set value "$value\""
                set skip 1
            else
                set quoted 0
            end
        else if test "$c" = "$delim"
            printf '%s\n' $value
            set value ''
            set start 1
            continue
        else if test "$c" = '"'; and test $start = 1
            set quoted 1
        else
            set value "$value$c"
        end
        set start 0
    end
    printf '%s\n' $value
end

# __zbsplit_names [SUFFIX [LIST]]: the names in the LIST syntax (double-quoted
# when they start with a digit, hold a comma, hyphen, colon, double quote or blank,
# or are NF or NF-k; fish escapes them for the shell), then SUFFIX; with LIST, each
# after the items before the last comma of the current token.
function __zbsplit_names
    set -l suffix $argv[1]
    set -l prefix ''
    set -l token (commandline -ct)
    set token (string replace -r -- '^--[^=]*=' '' $token)
    if test "$argv[2]" = list
        string match -q -- '*,*' $token; and set prefix (string replace -r -- ',[^,]*$' ',' $token)
    end
    for name in (__zbsplit_header_names)
        if string match -qr -- '^[0-9]|[,:" \t-]|^NF$' $name
            set name (string replace -a -- '\\' '\\\\' $name | string replace -a -- '"' '\\"')
            set name "\"$name\""
        end
        printf '%s%s%s\n' $prefix $name $suffix
    end
end

complete -c zbsplit -s f -l fields -x -d 'Select these fields' -a '(__zbsplit_names "" list)'
complete -c zbsplit -s F -x -d '-f LIST -O " ", blanks unless -d' -a '(__zbsplit_names "" list)'
complete -c zbsplit -s b -l bytes -x -d 'Select these bytes'
complete -c zbsplit -s c -l characters -x -d 'Select these UTF-8 characters'
complete -c zbsplit -s n -d 'With -b: never split a UTF-8 character'
complete -c zbsplit -s d -l delimiter -x -d 'Split fields at DELIM (default TAB)'
complete -c zbsplit -s w -d 'Fields are separated by runs of spaces and tabs'
complete -c zbsplit -l whitespace-delimited -f -d 'Fields are separated by runs of blanks (=trimmed: not at the ends)' -a 'trimmed'
complete -c zbsplit -s R -l regex-delimiter -x -d 'Fields are separated by matches of ERE'
complete -c zbsplit -s O -l output-delimiter -x -d 'Write STR between fields or ranges'
complete -c zbsplit -s s -l only-delimited -d 'Skip records that contain no delimiter'
complete -c zbsplit -l complement -d 'Select what LIST does not name'
complete -c zbsplit -s z -l zero-terminated -d 'Records end with NUL, not newline'
complete -c zbsplit -s t -l strip -d 'Strip whitespace (or =CHARS) from both ends of each field'
complete -c zbsplit -l lstrip -d 'Strip whitespace (or =CHARS) from the start of each field'
complete -c zbsplit -l rstrip -d 'Strip whitespace (or =CHARS) from the end of each field'
complete -c zbsplit -s H -l header -d 'The first record of each input is a header'
complete -c zbsplit -l csv -f -d 'Read CSV (RFC 4180, as Python reads it), write CSV (=strict: reject malformed input)' -a 'strict'
complete -c zbsplit -l tsv-out -d 'With --csv, write TSV (TAB, newline, CR and backslash escaped)'
complete -c zbsplit -l buffer-size -x -d 'Read and write in buffers of SIZE bytes (K, M, G)'
complete -c zbsplit -s j -l jobs -x -d 'Split the work across N threads (0: one per CPU)' -a '0 1 2 4 8'
complete -c zbsplit -l block-size -x -d 'With -j, hand out records SIZE bytes at a time'
complete -c zbsplit -s v -l invert -d 'Keep the records the predicates would drop'
complete -c zbsplit -l or -d 'Keep a record when any predicate holds'
for p in str-eq str-ne str-lt str-le str-gt str-ge istr-eq istr-ne contains not-contains \
        str-in-fld str-not-in-fld istr-in-fld istr-not-in-fld prefix suffix
    complete -c zbsplit -l $p -x -d "Keep records whose field F (F:STR) $p STR" -a '(__zbsplit_names :)'
end
for p in regex not-regex iregex not-iregex
    complete -c zbsplit -l $p -x -d "Keep records whose field F (F:ERE) matches ($p) ERE" -a '(__zbsplit_names :)'
end
for p in eq ne lt le gt ge
    complete -c zbsplit -l $p -x -d "Keep records whose field F (F:NUM) is $p NUM" -a '(__zbsplit_names :)'
end
for p in char-len-eq char-len-ne char-len-lt char-len-le char-len-gt char-len-ge \
        byte-len-eq byte-len-ne byte-len-lt byte-len-le byte-len-gt byte-len-ge
    complete -c zbsplit -l $p -x -d "Keep records whose field F (F:N) has a length $p N" -a '(__zbsplit_names :)'
end
for p in ff-eq ff-ne ff-lt ff-le ff-gt ff-ge ff-str-eq ff-str-ne ff-istr-eq ff-istr-ne
    complete -c zbsplit -l $p -x -d "Keep records whose fields F1:F2 are $p" -a '(__zbsplit_names :)'
end
for p in ff-absdiff-le ff-absdiff-gt ff-reldiff-le ff-reldiff-gt
    complete -c zbsplit -l $p -x -d "Keep records whose fields F1:F2:NUM differ ($p) by NUM" -a '(__zbsplit_names :)'
end
for p in empty not-empty blank not-blank isdigit isalpha isspace is-numeric is-finite is-nan is-infinity
    complete -c zbsplit -l $p -x -d "Keep records whose field F is $p" -a '(__zbsplit_names)'
end
complete -c zbsplit -l label -x -d 'Keep every record, adding a field: 1 where the predicates hold, else 0'
complete -c zbsplit -l label-values -x -d 'With --label, the values P:F instead of 1:0'
set -e p
complete -c zbsplit -s h -l help -d 'Show the help and exit'
complete -c zbsplit -s V -l version -d 'Show the version and exit'
