#!/bin/sh
# need.sh [--packages] test|check: what `make test` (or `make check`) calls and this
# machine lacks.  It fails naming the Debian packages to install; with --packages it
# prints their names and succeeds (.ci/run installs them).  Every oracle is named as
# the tests call it: mawk, never "whatever awk is"; Debian's python3 by its path.
list=false
if [ "$1" = --packages ]; then
	list=true
	shift
fi
target=$1
missing=""
need() { # need PACKAGE CHECK...: PACKAGE is missing unless CHECK succeeds
	pkg=$1
	shift
	"$@" >/dev/null 2>&1 || missing="$missing $pkg"
}
fuzzer_links() { # clang with libFuzzer's runtime
	echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
		clang -fsanitize=fuzzer -x c - -o "${TMPDIR:-/tmp}/zbsplit-need.$$" &&
		rm -f "${TMPDIR:-/tmp}/zbsplit-need.$$"
}

need bats command -v bats
need mawk command -v mawk
need gawk command -v gawk                                    # regex_locale.bats: -R vs gawk -F
need grep sh -c 'grep --version | grep -q GNU'              # regex_locale.bats: --regex vs grep -E
need python3 test -x /usr/bin/python3                       # tests/*_ref.py
need coreutils sh -c '/usr/bin/cut --version | grep -q GNU' # GNU cut, the reference
need gcc command -v cc
need make command -v make

if [ "$target" = check ]; then
	need parallel sh -c 'parallel --version | grep -q "^GNU parallel"' # scaleout.bats, README
	need time test -x /usr/bin/time                                    # peak memory
	need binutils command -v readelf                                   # hardening.bats
	need valgrind command -v valgrind
	need groff command -v groff # make man-check
	need cppcheck command -v cppcheck
	need clang-tidy command -v clang-tidy
	need pkgconf command -v pkg-config # install.bats: the library through zb.pc
	need g++ command -v g++            # install.bats: zb.h from C++
	need clang command -v clang # make fuzz, with libFuzzer:
	command -v clang >/dev/null 2>&1 && need libclang-rt-dev fuzzer_links
fi

if $list; then
	echo $missing
elif [ -n "$missing" ]; then
	echo "make $target needs:$missing (Debian: apt-get install$missing)" >&2
	exit 1
fi
