#!/usr/bin/env bats
# man/zb.3 keeps up with src/zb/zb.h: every public name is documented, the inline list and
# the zero_buffer table agree with the header, and the EXAMPLE programs compile and run.

AWK=mawk # named, as in test_helper.bash

setup() {
	ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	ZBSPLIT="${ZBSPLIT:-$ROOT/build/zbsplit}"
	HDR="$ROOT/src/zb/zb.h"
	PAGE="$ROOT/man/zb.3"
}

# The text of section $1 of the page (from `.SH $1` up to the next .SH).
section() {
	"$AWK" -v want=".SH $1" '/^\.SH / { on = ($0 == want); next } on' "$PAGE"
}

# The functions zb.h declares or defines: the first `zb_name(` of each line that starts
# a declaration at column 0 (return type first, or the name itself), not a comment, a
# preprocessor line or a struct field.
header_functions() {
	grep -E '^(ZB_API )?([a-z_][^(]*[ *])?zb_[a-z0-9_]+\(' "$HDR" | grep -v '^typedef' |
		grep -oE '\<zb_[a-z0-9_]+\(' | sed 's/($//' | "$AWK" '!seen[$0]++'
}

@test "the header's list of public functions is the one this test expects to read" {
	# guards the grep above: a change of layout in zb.h must not silently empty it
	run header_functions
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -ge 50 ] # 54 when written
	for f in zb_strerror zb_view_of zb_view_find zb_buffer_commit zb_collator_own; do
		printf '%s\n' "${lines[@]}" | grep -qx "$f" || { echo "not found: $f"; return 1; }
	done
}

@test "every function in zb.h is in the SYNOPSIS and described under FUNCTIONS" {
	# one mawk for all the functions (a grep each cost 1.5 s): the SYNOPSIS names
	# f( as a word, FUNCTIONS has a line .B f, .BR f ... or .BR ... f ...
	missing=$(header_functions | "$AWK" -v page="$PAGE" '
		BEGIN {
			while ((getline line <page) > 0) {
				if (line ~ /^\.SH /) { sec = line; continue }
				if (sec == ".SH SYNOPSIS") syn = syn "\n" line
				if (sec == ".SH FUNCTIONS") fun = fun "\n" line "\n"
			}
		}
		{
			if (syn !~ ("(^|[^a-z0-9_])" $0 "\\(")) print $0 " (SYNOPSIS)"
			if (fun !~ ("\n\\.BR? " $0 "[ \n]") && fun !~ ("\n\\.BR [^\n]* " $0 "[ \n]"))
				print $0 " (FUNCTIONS)"
		}')
	[ -z "$missing" ] || { echo "undocumented: $missing"; return 1; }
}

@test "every type and macro of zb.h is in the SYNOPSIS" {
	synopsis=$(section SYNOPSIS)
	missing=()
	for t in $(grep -oE '^typedef struct zb_[a-z0-9_]+' "$HDR" | "$AWK" '{ print $3 }') \
		$(grep -oE '^#define ZB_[A-Z_]+' "$HDR" | "$AWK" '$2 != "ZB_H" { print $2 }') \
		$(grep -oE '^\s+ZB_[A-Z]+ = ' "$HDR" | "$AWK" '{ print $1 }'); do
		grep -qw "$t" <<<"$synopsis" || missing+=("$t")
	done
	[ ${#missing[@]} -eq 0 ] || { printf 'not in SYNOPSIS: %s\n' "${missing[@]}"; return 1; }
}

@test "DESCRIPTION lists exactly the static inline functions of zb.h" {
	# the first paragraph of DESCRIPTION names them
	listed=$(section DESCRIPTION | "$AWK" '/^\.PP/ { exit } 1' | grep -oE '\<zb_[a-z0-9_]+' |
		grep -xF "$(header_functions)" | sort -u)
	inline=$(grep -oE '^static inline [^(]*\<zb_[a-z0-9_]+\(' "$HDR" |
		grep -oE 'zb_[a-z0-9_]+\($' | sed 's/($//' | sort -u)
	[ "$(wc -l <<<"$inline")" -ge 15 ] # 17 when written
	diff <(echo "$inline") <(echo "$listed")
}

@test "the ZERO_BUFFER METHODS table names the functions of the table in zb.h" {
	in_header=$("$AWK" '/^ \* Seed method/ { on = 1 } /^ \* Python exception/ { on = 0 } on' "$HDR" |
		grep -oE '\<(zb|ZB)_[A-Za-z0-9_]+' | sort -u)
	in_page=$(section 'ZERO_BUFFER METHODS' | grep -oE '\<(zb|ZB)_[A-Za-z0-9_]+' |
		grep -vx 'ZB_NONE' | sort -u)
	[ "$(wc -l <<<"$in_header")" -ge 50 ] # 53 when written
	diff <(echo "$in_header") <(echo "$in_page")
}

# The .EX block of the page whose first line is "/* $1: ...", with the man escapes it
# uses turned back into C.
example_program() {
	"$AWK" -v head="/* $1:" '
		/^\.EX$/ { inblock = 1; first = 1; next }
		/^\.EE$/ { inblock = 0; on = 0; next }
		inblock && first { first = 0; on = index($0, head) == 1 }
		on
	' "$PAGE" | sed -e 's/\\(aq/'"'"'/g' -e 's/\\(dq/"/g' -e 's/\\-/-/g' -e 's/\\e/\\/g'
}

build_example() {
	example_program "$1.c" >"$BATS_TEST_TMPDIR/$1.c"
	[ -s "$BATS_TEST_TMPDIR/$1.c" ]
	${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic -Werror \
		-I"$ROOT/src/zb" "$BATS_TEST_TMPDIR/$1.c" "$(dirname "$ZBSPLIT")/libzb.a" \
		$ZB_LDFLAGS -o "$BATS_TEST_TMPDIR/$1"
}

@test "EXAMPLE first.c compiles against the library and prints first fields" {
	build_example first
	printf 'root:x:0\nno colon\n:empty first\nlast:line' >"$BATS_TEST_TMPDIR/in"
	printf 'root\nno colon\n\nlast\n' >"$BATS_TEST_TMPDIR/want"
	"$BATS_TEST_TMPDIR/first" <"$BATS_TEST_TMPDIR/in" >"$BATS_TEST_TMPDIR/got"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
	# lines across the 4096-byte buffer, against cut
	"$AWK" 'BEGIN { for (i = 0; i < 3000; i++) { s = ""; for (j = 0; j < i % 37; j++) s = s "x"; print s i ":" i } }' \
		>"$BATS_TEST_TMPDIR/big"
	cut -d: -f1 "$BATS_TEST_TMPDIR/big" >"$BATS_TEST_TMPDIR/want"
	"$BATS_TEST_TMPDIR/first" <"$BATS_TEST_TMPDIR/big" >"$BATS_TEST_TMPDIR/got"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/got"
}

@test "EXAMPLE fields23.c prints what the page shows, and what cut -d: -f2,3 prints" {
	build_example fields23
	cd "$BATS_TEST_TMPDIR"
	# the page's session: the command after "$ " and the lines it prints
	"$AWK" '/^\.EX$/ { inblock = 1; next } /^\.EE$/ { inblock = 0; n = 0; next }
		inblock && /fields23$/ && /^\$ / { n = 1; print substr($0, 3) > "cmd"; next }
		inblock && n { print > "want" }' "$PAGE"
	[ -s cmd ] && [ -s want ]
	sed -i -e 's/\\-/-/g' -e 's/\\e/\\/g' -e 's/\\(aq/'"'"'/g' cmd want
	bash -c "$(cat cmd)" >got
	cmp want got
	# checked by hand: fields 2 and 3 joined by their colon; a line with no colon whole
	printf 'a:b:c:d\nno colon\nx:y\n\n:::\nlast:1:2' | ./fields23 >got
	printf 'b:c\nno colon\ny\n\n:\n1:2\n' | cmp - got
	# many fields and long lines, against cut
	"$AWK" 'BEGIN { for (i = 0; i < 400; i++) { s = "r" i; for (j = 0; j < i % 23; j++)
		s = s (j % 5 ? ":" : "") (j % 7 == 0 ? "" : sprintf("%*s", i % 90, "f" j)); print s } }' \
		>big
	cut -d: -f2,3 big >want
	./fields23 <big >got
	cmp want got
}
