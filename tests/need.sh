#!/bin/sh
# need.sh test|check: fails, naming the Debian packages to install, when a tool
# that `make test` (or `make check`) calls is missing.  Every oracle is named here
# as the tests call it: mawk, never "whatever awk is".  .ci/run installs the same.
missing=""
need() { # need PACKAGE CHECK...: PACKAGE is missing unless CHECK succeeds
	pkg=$1
	shift
	"$@" >/dev/null 2>&1 || missing="$missing $pkg"
}

need bats command -v bats
need mawk command -v mawk
need python3 test -x /usr/bin/python3 # tests/*_ref.py, by its path (see test_helper.bash)
need coreutils sh -c '/usr/bin/cut --version | grep -q GNU' # GNU cut, the reference

if [ "$1" = check ]; then
	need parallel sh -c 'parallel --version | grep -q "^GNU parallel"' # tests/scaleout.bats
	need time test -x /usr/bin/time # GNU time: peak memory in tests/memory.bats
	need binutils command -v readelf # tests/hardening.bats
	need valgrind command -v valgrind
	need groff command -v groff # the man pages' check
	need cppcheck command -v cppcheck
	need clang-tidy command -v clang-tidy
	need clang command -v clang # the fuzzers (and libclang-rt-dev: libFuzzer)
fi

if [ -n "$missing" ]; then
	echo "make $1 needs:$missing (Debian: apt-get install$missing)" >&2
	exit 1
fi
