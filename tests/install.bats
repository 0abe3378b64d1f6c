#!/usr/bin/env bats
# make install / uninstall honour DESTDIR, PREFIX and MANPREFIX.

setup() {
	ROOT="$(cd "$BATS_TEST_DIRNAME/.." && pwd)"
	ZBSPLIT="${ZBSPLIT:-$ROOT/build/zbsplit}"
	BUILD_DIR="$(dirname "$ZBSPLIT")"
}

@test "make install puts binary, library, header and man pages under DESTDIR/PREFIX; uninstall removes them" {
	dest="$BATS_TEST_TMPDIR/stage"
	make -s -C "$ROOT" BUILD="$BUILD_DIR" DESTDIR="$dest" PREFIX=/opt/zb MANPREFIX=/opt/man install
	for f in /opt/zb/bin/zbsplit /opt/zb/lib/libzb.a /opt/zb/include/zb.h \
		/opt/man/man1/zbsplit.1 /opt/man/man3/zb.3; do
		[ -f "$dest$f" ] || { echo "missing $f"; return 1; }
	done
	[ -x "$dest/opt/zb/bin/zbsplit" ]
	run "$dest/opt/zb/bin/zbsplit" --version
	[ "$status" -eq 0 ]
	[ "$output" = "zbsplit 0.1.0" ]
	make -s -C "$ROOT" BUILD="$BUILD_DIR" DESTDIR="$dest" PREFIX=/opt/zb MANPREFIX=/opt/man uninstall
	[ -z "$(find "$dest" -type f)" ]
}
