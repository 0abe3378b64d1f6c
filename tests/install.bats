#!/usr/bin/env bats
# make install / uninstall honour DESTDIR and the usual directory variables; the
# library installs as distributions ship one (libzb.a, libzb.so.MAJOR, zb.pc, zb.h
# usable from C++, a man page per function); make dist's tarball builds, tests and
# installs on its own.

load test_helper

setup() {
	ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	ZBSPLIT="${ZBSPLIT:-$ROOT/build/zbsplit}"
	BUILD_DIR="$(dirname "$ZBSPLIT")"
	VERSION=$(sed -n 's/^#define ZB_VERSION "\(.*\)"$/\1/p' "$ROOT/src/zb/zb.h")
	cd "$BATS_TEST_TMPDIR" # every file a test makes stays in its own folder
}

# stage DEST [VAR=VALUE...]: make install into DEST
stage() {
	local dest=$1
	shift
	make -s -C "$ROOT" BUILD="$BUILD_DIR" DESTDIR="$dest" "$@" install
}

@test "make install puts everything under DESTDIR and the directory variables; uninstall removes it" {
	dest="$BATS_TEST_TMPDIR/stage"
	vars=(PREFIX=/opt/zb BINDIR=/opt/bin LIBDIR=/opt/zb/lib64 INCLUDEDIR=/opt/inc MANDIR=/opt/man)
	stage "$dest" "${vars[@]}"
	for f in /opt/bin/zbsplit /opt/zb/lib64/libzb.a "/opt/zb/lib64/libzb.so.$VERSION" \
		/opt/zb/lib64/pkgconfig/zb.pc /opt/inc/zb.h /opt/man/man1/zbsplit.1 \
		/opt/man/man3/zb.3 /opt/man/man3/zb_view_find.3 /opt/man/man3/zb_version.3 \
		/opt/zb/share/bash-completion/completions/zbsplit \
		/opt/zb/share/zsh/site-functions/_zbsplit \
		/opt/zb/share/fish/vendor_completions.d/zbsplit.fish; do
		[ -f "$dest$f" ] || { echo "missing $f"; return 1; }
	done
	[ "$(readlink "$dest/opt/zb/lib64/libzb.so.0")" = "libzb.so.$VERSION" ]
	[ "$(readlink "$dest/opt/zb/lib64/libzb.so")" = libzb.so.0 ]
	[ "$(cat "$dest/opt/man/man3/zb_collator_own.3")" = ".so man3/zb.3" ]
	grep -qx 'libdir=/opt/zb/lib64' "$dest/opt/zb/lib64/pkgconfig/zb.pc"
	grep -qx 'includedir=/opt/inc' "$dest/opt/zb/lib64/pkgconfig/zb.pc"
	grep -qx "Version: $VERSION" "$dest/opt/zb/lib64/pkgconfig/zb.pc"
	run "$dest/opt/bin/zbsplit" --version
	[ "$status" -eq 0 ]
	[ "$output" = "zbsplit $VERSION" ]
	make -s -C "$ROOT" BUILD="$BUILD_DIR" DESTDIR="$dest" "${vars[@]}" uninstall
	[ -z "$(find "$dest" -type f -o -type l)" ]
}

@test "the shared library has the soname libzb.so.MAJOR and exports only zb_ functions" {
	so="$BUILD_DIR/libzb.so.$VERSION"
	[ -f "$so" ] || make -s -C "$ROOT" BUILD="$BUILD_DIR" "$so"
	readelf -d "$so" | grep -q 'Library soname: \[libzb.so.0\]'
	exported=$(nm -D --defined-only "$so" | grep -oE '[^ ]+$')
	[ -n "$exported" ]
	! grep -v '^zb_' <<<"$exported" || { echo "exported beyond zb_*"; return 1; }
	# every function zb.h declares is there (the static inline ones need no symbol)
	for f in zb_version zb_view_find zb_buffer_allocate zb_collator_collapse; do
		grep -qx "$f" <<<"$exported" || { echo "not exported: $f"; return 1; }
	done
}

# The README's example, from the staged install: the program must print the first
# field of each line, as cut -d: -f1 does.
check_example() {
	local prog=$1 dest=$2
	printf 'root:x:0\nzb:y:1\nlast:z' >in
	LD_LIBRARY_PATH="$dest/usr/lib" "$prog" <in >out
	printf 'root\nzb\nlast\n' >exp
	same_bytes exp out
}

readme_example() {
	"$AWK" '/^```c$/ { on = 1; next } /^```$/ { on = 0 } on' "$ROOT/README.md" >"$1"
	[ -s "$1" ]
}

@test "the installed library builds the README's example with pkg-config (shared), statically, and from C++" {
	check_only
	dest="$BATS_TEST_TMPDIR/root"
	stage "$dest" PREFIX=/usr
	readme_example first_field.c
	pc="$dest/usr/lib/pkgconfig"
	flags=$(PKG_CONFIG_PATH="$pc" PKG_CONFIG_SYSROOT_DIR="$dest" pkg-config --cflags --libs zb)
	[[ $flags == *"-I$dest/usr/include"* && $flags == *-lzb* ]]
	# shellcheck disable=SC2086 # pkg-config's words
	cc -std=c11 -Wall -Wextra -Werror first_field.c $flags -o shared
	readelf -d shared | grep -q 'NEEDED.*\[libzb.so.0\]'
	check_example ./shared "$dest"
	cc -std=c11 -Wall -Wextra -Werror -I"$dest/usr/include" first_field.c \
		"$dest/usr/lib/libzb.a" -o static
	! readelf -d static | grep -q 'libzb.so'
	check_example ./static "$dest"
	cp first_field.c first_field.cc
	g++ -std=c++11 -Wall -Wextra -Werror -I"$dest/usr/include" first_field.cc \
		"$dest/usr/lib/libzb.a" -o cplusplus
	check_example ./cplusplus "$dest"
	# and zb_version() agrees with the header
	printf '#include <stdio.h>\n#include <zb.h>\nint main(void) { puts(zb_version()); return 0; }\n' >v.c
	# shellcheck disable=SC2086
	cc v.c $flags -o v
	[ "$(LD_LIBRARY_PATH="$dest/usr/lib" ./v)" = "$VERSION" ]
}

@test "make dist: the tarball unpacked elsewhere builds, passes make test and installs" {
	check_only
	git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1 || skip "not a git checkout"
	work="$BATS_TEST_TMPDIR/dist"
	mkdir -p "$work"
	# make dist packs what git tracks: do it from a clone, so the test sees the
	# committed tree whatever is changed in this one
	git clone -q "$ROOT" "$work/clone"
	make -s -C "$work/clone" dist >/dev/null
	tar -xzf "$work/clone/zbsplit-$VERSION.tar.gz" -C "$work"
	cd "$work/zbsplit-$VERSION"
	[ ! -d .git ]
	make -s -j2 >/dev/null
	# a make test of its own: none of this run's bats or make settings leak in (bats
	# puts its own libexec folder first in PATH)
	path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v bats | paste -sd: -)
	env -i PATH="$path" HOME="$HOME" TMPDIR="$BATS_TEST_TMPDIR" make -s test >test.log 2>&1 ||
		{ tail -n 30 test.log; return 1; }
	make -s install DESTDIR="$work/root" PREFIX=/usr >/dev/null
	[ -x "$work/root/usr/bin/zbsplit" ]
	[ -f "$work/root/usr/lib/libzb.so.$VERSION" ]
}
