#!/usr/bin/env bats
# Hardening: the build's protections are really in the binary, and numbers from
# options that do not fit are refused by name instead of wrapping around; LISTs and
# predicates of thousands of items work.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
}

sanitized() {
	case "${ZB_LDFLAGS:-}" in *sanitize*) return 0 ;; esac
	return 1
}

# --- the binary -----------------------------------------------------------------

@test "the binary is a position-independent executable with full RELRO" {
	command -v readelf >/dev/null || skip "readelf (binutils) is not installed"
	readelf -h "$ZBSPLIT" | grep -q 'Type: *DYN'
	readelf -d "$ZBSPLIT" | grep -q 'FLAGS_1.*PIE'
	readelf -d "$ZBSPLIT" | grep -q 'BIND_NOW'
	readelf -l "$ZBSPLIT" | grep -q 'GNU_RELRO'
}

@test "the binary has stack canaries and fortified libc calls" {
	command -v readelf >/dev/null || skip "readelf (binutils) is not installed"
	sanitized && skip "the sanitizer build leaves these out (see the Makefile)"
	readelf --dyn-syms -W "$ZBSPLIT" >syms
	grep -q ' __stack_chk_fail' syms
	# the checked forms _FORTIFY_SOURCE puts in place of snprintf and memcpy
	grep -q ' __snprintf_chk' syms
	grep -q ' __memcpy_chk' syms
}

# --- numbers too large ----------------------------------------------------------

@test "--buffer-size=99999999999999999999 and its kin: too large, named, exit 2" {
	local v
	for v in 99999999999999999999 18446744073709551616 18446744073709551617K 4294967296 \
		4294967300 1073741825 1048577K 1025M 2G 99999999999999999999G; do
		usage_error -f 1 --buffer-size="$v"
		[ "$errline" = "zbsplit: buffer size '$v' is too large (the limit is 1G)" ]
		# the rest in-process by tests/tool/test_usage.c, unless make check
		[ "${ZB_CHECK:-0}" = 1 ] || break
	done
	# the largest allowed, written three ways
	for v in 1073741824 1048576K 1G; do
		check 'a\tb\n' 'b\n' -f 2 --buffer-size="$v"
	done
}

@test "-f 99999999999999999999 and other unit numbers past the limit: too large, exit 2" {
	local n
	for n in 99999999999999999999 18446744073709551616 9223372036854775808; do
		usage_error -f "$n"
		[ "$errline" = "zbsplit: invalid list item '$n' is too large (the limit is 9223372036854775807)" ]
		usage_error -b "1-$n"
		err_mentions "too large"
		usage_error -c "NF-$n"
		err_mentions "too large"
		usage_error -f "2,NF-$n-NF"
		err_mentions "too large"
		usage_error --str-eq "$n:x"
		[ "$errline" = "zbsplit: invalid predicate '--str-eq $n:x': the field number is too large" ]
		usage_error --empty "NF-$n"
		err_mentions "too large"
		# the rest in-process by tests/tool/test_usage.c, unless make check
		[ "${ZB_CHECK:-0}" = 1 ] || break
	done
}

@test "unit numbers at the limit select nothing, or everything, and do not wrap" {
	local m=9223372036854775807
	printf 'a:b:c\nxyz\n' >in
	check_args '\nxyz\n' -d : -f "$m" in
	check_args 'a:b:c\nxyz\n' -d : -f "1-$m" in
	check_args 'a:b:c\nxyz\n' -d : -f "$m" --complement in
	check_args '\nxyz\n' -d : -f "NF-$m" in
	check_args 'c\nxyz\n' -d : -f "NF-$m,NF" in
	check_args 'a:b:c\nxyz\n' -d : -f "NF-$m-NF" in
	check_args '\nxyz\n' -d : -f "1-NF-$m" in
	check_args '\n\n' -b "$m-" in
	check_args 'a:b:c\nxyz\n' -c "NF-$m-$m" in
	check_args '\n\n' -c "1-$m" --complement in
	check_args 'a:b:c\nxyz\n' -b "1-$m" -n in
	check_args 'a\nx\n' -c "$m,1" in
	# a field past the end is empty: --str-eq M: holds for every record
	check_args 'a:b:c\n' -d : --str-eq "$m:" --str-ne 1:xyz in
	check_args 'a:b:c\nxyz\n' -d : --empty "NF-$m" in
}

# --- thousands of items ----------------------------------------------------------

# fields N: a record of N tab-separated fields f1..fN, three times, one cut short.
fields() {
	seq -f 'f%g' "$1" | paste -s -
	seq -f 'g%g' "$1" | paste -s -
	seq -f 'h%g' $(($1 / 2)) | paste -s -
}

@test "LISTs of thousands of items, ascending, as GNU cut" {
	fields 5000 >in
	vs_cut in -f "$(seq -s, 1 3000)"
	vs_cut in -f "$(seq -s, 1 2 4999)" --complement
	vs_cut in -b "$(seq -s, 1 3 20000)"
	vs_cut in -b "$(seq -s ' ' 2 7 20000)"
	# NF-2999 ... NF-1, NF: the last 3000 fields, 2001-5000 on the long records
	printf '%s\n' "$(seq -s, -f 'NF-%g' 2999 -1 1),NF" >list
	"$CUT" -f 2001-5000 in | head -2 >exp
	"$CUT" -f 1- in | tail -1 >>exp
	check_file in exp -f "$(cat list)"
}

@test "a LIST of 3000 items in descending order, against awk" {
	fields 5000 >in
	# the third record has 2500 fields: 3000..2501 are past its end and add nothing
	"$AWK" -F '\t' '{ n = NF < 3000 ? NF : 3000; s = $n
		for (i = n - 1; i >= 1; i--) s = s "\t" $i; print s }' in >exp
	check_file in exp -f "$(seq -s, 3000 -1 1)"
	check_file in exp -F "$(seq -s, 3000 -1 1)" -d '\t' -O '\t'
}

# predicates OPT SUFFIX: sets preds to OPT 1SUFFIX OPT 2SUFFIX ... OPT 2000SUFFIX
# (run untraced: 2000 commands under bats' trap cost 0.8 s).
predicates() {
	local k
	preds=()
	for ((k = 1; k <= 2000; k++)); do preds+=("$1" "$k$2"); done
}

@test "2000 predicates on one command line" {
	fields 2000 | head -2 >in
	# make field 1500 of the second record 'zz'
	"$AWK" -F '\t' -v OFS='\t' 'NR == 2 { $1500 = "zz" } { print }' in >in2
	local preds=()
	untraced predicates --str-ne :zz
	"$AWK" 'NR == 1' in2 >exp
	check_file in2 exp "${preds[@]}"
	untraced predicates --not-empty ''
	check_file in2 in2 "${preds[@]}"
}

@test "a bad item at the end of a LIST of 5000 is named" {
	usage_error -f "$(seq -s, 1 5000),0"
	[ "$errline" = "zbsplit: invalid list item '0': numbering starts at 1" ]
	usage_error -b "$(seq -s, 1 5000),7-3"
	[ "$errline" = "zbsplit: invalid list item '7-3': decreasing range" ]
}
