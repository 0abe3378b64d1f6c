#!/usr/bin/env bats
# Regexes follow LC_CTYPE (issue 16): --regex, --not-regex, --iregex and -R read
# characters in a UTF-8 locale and bytes in the C locale, as grep and gawk do; and
# the literal prefilter (regex_literals.c, the --regex 0:ERE kernel) never changes
# what is kept.  References: grep -E and gawk run in the same locale, or the
# expected output written by hand.  zbsplit runs as a process here (the in-process
# runner of `check` does not set a locale).

load test_helper

setup() {
	locale -a 2>/dev/null | grep -qix 'c\.utf-\{0,1\}8' ||
		skip "no C.UTF-8 locale on this machine"
	D=$BATS_TEST_TMPDIR
}

# zb_in LOCALE ARGS...: zbsplit ARGS under LC_ALL=LOCALE, its output in $D/got
zb_in() {
	local loc=$1
	shift
	LC_ALL=$loc "$ZBSPLIT" "$@" >"$D/got"
}

@test "--regex '0:^na.ve\$': . is a character in C.UTF-8, a byte in C (as grep)" {
	printf 'na\303\257ve\nnaive\nna\303\257\303\257ve\n' >"$D/in"
	for loc in C.UTF-8 C; do
		zb_in "$loc" --regex '0:^na.ve$' "$D/in"
		LC_ALL=$loc grep -E '^na.ve$' "$D/in" >"$D/exp"
		same_bytes "$D/exp" "$D/got" "$loc"
	done
	zb_in C.UTF-8 --regex '0:^na.ve$' "$D/in"
	printf 'na\303\257ve\nnaive\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C --regex '0:^na..ve$' "$D/in" # the two bytes of ï
	printf 'na\303\257ve\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}

@test "-R '[→]' splits at the arrow only in C.UTF-8, at its bytes in C (as gawk -F)" {
	printf 'a\342\206\222b\342\200\224c\n' >"$D/in" # a→b—c: → and — share a byte
	for loc in C.UTF-8 C; do
		zb_in "$loc" -R '[→]' -f 1- -O '|' "$D/in"
		LC_ALL=$loc "$GAWK" -F '[→]' -v OFS='|' '{ $1 = $1; print }' "$D/in" >"$D/exp"
		same_bytes "$D/exp" "$D/got" "$loc"
	done
	zb_in C.UTF-8 -R '[→]' -f 2 "$D/in"
	printf 'b\342\200\224c\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}

@test "-R 'é+': a quantifier takes the character in C.UTF-8, its last byte in C" {
	printf 'a\303\251\303\251b\n' >"$D/in"
	zb_in C.UTF-8 -R 'é+' -f 1- -O '|' "$D/in"
	printf 'a|b\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C -R 'é+' -f 1- -O '|' "$D/in"
	printf 'a||b\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	for loc in C.UTF-8 C; do
		LC_ALL=$loc "$GAWK" -F 'é+' -v OFS='|' '{ $1 = $1; print }' "$D/in" >"$D/exp"
		zb_in "$loc" -R 'é+' -f 1- -O '|' "$D/in"
		same_bytes "$D/exp" "$D/got" "$loc"
	done
}

@test "-R: past an empty match the search moves on a whole character in C.UTF-8" {
	# '[^é]*' matches empty before é, and the search goes on after é, never inside it
	# (glibc's regexec started there would skip to the next character anyway)
	printf '\303\251a\303\251\n' >"$D/in"
	zb_in C.UTF-8 -R '[^é]*' -f 1- -O '|' "$D/in"
	printf '\303\251|\303\251\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}

@test "--iregex folds the case of every character, as --istr-eq: Åland, ΣΑΣ" {
	printf '1\t\303\205land\n2\tAland\n3\t\316\243\n4\t\317\202\n' >"$D/in" # Åland, Σ, ς
	zb_in C.UTF-8 --iregex '2:^åland$' "$D/in"
	printf '1\t\303\205land\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '2:^ÅLAND$' "$D/in"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '2:^σ$' "$D/in" # Σ and the final ς, as grep -i
	printf '3\t\316\243\n4\t\317\202\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	LC_ALL=C.UTF-8 grep -i -E '	σ$' "$D/in" >"$D/exp2"
	same_bytes "$D/exp2" "$D/got"
	zb_in C --iregex '2:^åland$' "$D/in" # bytes: Å and å differ in more than ASCII case
	[ ! -s "$D/got" ]
	printf '\316\243\316\221\316\243\n\317\203\316\261\317\202\nsas\n' >"$D/in" # ΣΑΣ σας
	zb_in C.UTF-8 --iregex '0:^σας$' "$D/in"
	printf '\316\243\316\221\316\243\n\317\203\316\261\317\202\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '0:^ΣΑΣ$' "$D/in"
	same_bytes "$D/exp" "$D/got"
}

# glibc's REG_ICASE (and grep -i) keep ẞ (U+1E9E) and ß apart: towupper(ß) is ß;
# zbsplit folds both to ß, as fold.c does for --istr-eq.
@test "--iregex and --not-iregex: ẞ and ß match each other both ways, in the ERE and the field" {
	printf '1\tx\341\272\236y\n2\tx\303\237y\n3\txssy\n4\txSy\n' >"$D/in" # xẞy xßy xssy xSy
	printf '1\tx\341\272\236y\n2\tx\303\237y\n' >"$D/exp"
	for ere in 'ß' 'ẞ' 'xẞY' '^X[ß]Y$' '^x[^a-z]y$' '\ẞ' '(ẞ|q)y'; do
		zb_in C.UTF-8 --iregex "2:$ere" "$D/in"
		same_bytes "$D/exp" "$D/got" "--iregex 2:$ere"
		zb_in C.UTF-8 -v --not-iregex "2:$ere" "$D/in"
		same_bytes "$D/exp" "$D/got" "-v --not-iregex 2:$ere"
	done
	zb_in C.UTF-8 --not-iregex '2:ẞ' "$D/in"
	printf '3\txssy\n4\txSy\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '0:^2	XSSY$|^1	XßY$' "$D/in" # field 0, ASCII folded too
	printf '1\tx\341\272\236y\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '2:ß' --istr-in-fld '2:ẞ' "$D/in" # the two agree
	printf '1\tx\341\272\236y\n2\tx\303\237y\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}

@test "--iregex: bytes that are not UTF-8 stay as they are; ſ after a backslash is s, not \\s" {
	printf 'a\377\341\272\236\nb\303\nc\303\237\377\nd\303\nſ\n' >"$D/in"
	zb_in C.UTF-8 --iregex '0:ß' "$D/in"
	printf 'a\377\341\272\236\nc\303\237\377\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '0:^[bd].$' "$D/in" # \303 alone is no character
	[ ! -s "$D/got" ]
	printf 'S\n \nſ\nx\n' >"$D/in"
	zb_in C.UTF-8 --iregex '0:^\ſ$' "$D/in" # ſ (long s) folds to s
	printf 'S\n\305\277\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C.UTF-8 --iregex '0:^\W$' "$D/in" # an ASCII escape is left alone
	printf ' \n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}

@test "--iregex in the C locale folds ASCII alone: not Å å, not ẞ ß" {
	printf 'x\341\272\236y\nx\303\237y\nX\303\237Y\n\303\205\n' >"$D/in"
	zb_in C --iregex '0:ß' "$D/in"
	printf 'x\303\237y\nX\303\237Y\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	zb_in C --iregex '0:^xßy$' "$D/in"
	same_bytes "$D/exp" "$D/got"
	zb_in C --iregex '0:å' "$D/in"
	[ ! -s "$D/got" ]
}

@test "--iregex 2:ERE with -j 2: each thread folds into its own buffer, long fields and short" {
	LC_ALL=C "$GAWK" 'BEGIN { for (i = 0; i < 400; i++) {
		s = ""; for (k = 0; k < (i * 37) % 300; k++) s = s "\303\251"
		end = i % 3 == 0 ? "\341\272\236" : (i % 3 == 1 ? "\303\237" : "s") # ẞ, ß or s
		printf "%d\t%s%s\n", i, s, end } }' >"$D/in"
	LC_ALL=C "$GAWK" -F '\t' '$1 % 3 != 2' "$D/in" >"$D/exp"
	zb_in C.UTF-8 -j 2 --block-size=4096 --iregex '2:Éẞ$|^ß$' "$D/in"
	same_bytes "$D/exp" "$D/got"
}

@test "invalid UTF-8 in C.UTF-8: . matches no invalid byte (as grep -a), literals still do" {
	printf 'na\377ve\n\377ERROR\303\n' >"$D/in"
	zb_in C.UTF-8 --regex '0:^na.ve$' "$D/in"
	[ ! -s "$D/got" ]
	zb_in C --regex '0:^na.ve$' "$D/in"
	printf 'na\377ve\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	for loc in C.UTF-8 C; do
		zb_in "$loc" --regex '0:ERROR|x' "$D/in"
		LC_ALL=$loc grep -a -E 'ERROR|x' "$D/in" >"$D/exp"
		same_bytes "$D/exp" "$D/got" "$loc ERROR|x"
		zb_in "$loc" --regex '0:E.R' "$D/in"
		LC_ALL=$loc grep -a -E 'E.R' "$D/in" >"$D/exp"
		same_bytes "$D/exp" "$D/got" "$loc E.R"
	done
}

# A log of a few thousand lines: the prefilter's answers against grep's, both
# locales, kept and dropped, at a buffer size that cuts records across blocks.
# (No pattern ends in $: some records end in CRLF, whose \r grep counts.)
@test "--regex 0:ERE and --not-regex with literals keep what grep -E keeps" {
	LC_ALL=C "$GAWK" 'BEGIN { srand(16); split("INFO WARN ERROR DEBUG", lv, " ")
		for (i = 0; i < 3000; i++)
			printf "%05d %s user%d %s\303\251t\303\251 %dms%s\n", i, lv[int(rand() * 4) + 1],
				int(rand() * 20000), (rand() < 0.01 ? "timeout" : "ok"), int(rand() * 999),
				(rand() < 0.1 ? "\r" : "") }' >"$D/log"
	printf 'ERROR only\nno newline at the end: ERROR' >>"$D/log"
	for loc in C C.UTF-8; do
		for ere in 'ERROR|timeout' 'user9[0-9]{3} ' 'ERROR.* [0-9]{2}ms' 'é.é' 'WARN|DEBUG user1' \
			'(1+)+ERROR' 'kété [0-9]+ms'; do
			LC_ALL=$loc grep -a -E "$ere" "$D/log" >"$D/exp" || true
			zb_in "$loc" --regex "0:$ere" "$D/log"
			same_bytes "$D/exp" "$D/got" "$loc --regex $ere"
			zb_in "$loc" --buffer-size=64 --regex "0:$ere" "$D/log"
			same_bytes "$D/exp" "$D/got" "$loc --buffer-size=64 --regex $ere"
			zb_in "$loc" -j 2 --block-size=1000 -v --not-regex "0:$ere" "$D/log"
			same_bytes "$D/exp" "$D/got" "$loc -j 2 -v --not-regex $ere"
			LC_ALL=$loc grep -a -v -E "$ere" "$D/log" >"$D/exp" || true
			zb_in "$loc" --not-regex "0:$ere" "$D/log"
			same_bytes "$D/exp" "$D/got" "$loc --not-regex $ere"
			zb_in "$loc" --buffer-size=64 -v --regex "0:$ere" "$D/log"
			same_bytes "$D/exp" "$D/got" "$loc --buffer-size=64 -v --regex $ere"
		done
	done
}

@test "a regex on a field uses the same literals: --regex 3:ERE as gawk's \$3 ~ ERE" {
	printf 'a b user9123\na b user91234\na user9000 b\n' >"$D/in"
	zb_in C.UTF-8 -w --regex '3:^user9[0-9]{3}$' "$D/in"
	printf 'a b user9123\n' >"$D/exp"
	same_bytes "$D/exp" "$D/got"
	LC_ALL=C.UTF-8 "$GAWK" '$3 ~ /^user9[0-9]{3}$/' "$D/in" >"$D/exp"
	same_bytes "$D/exp" "$D/got"
}
