# zbsplit: the zb buffer library and the zbsplit tool.
#   make                 build build/libzb.a and build/zbsplit
#   make test            the quick suite: unit tests, the engine in-process, bats (~90 s)
#   make check           everything, as CI runs it (see "tests" below)
#   make sanitize        the suite at every buffer size with -fsanitize=address,undefined
#   make tsan            unit tests, tests/jobs.bats and fuzz_found.bats with -fsanitize=thread
#   make valgrind        the unit tests under valgrind memcheck
#   make lint            cppcheck and clang-tidy on src/ (.clang-tidy, .cppcheck-suppressions)
#   make fuzz            build the libFuzzer targets (clang) and run each for FUZZ_SECONDS
#   make install / uninstall   honour DESTDIR, PREFIX, BINDIR, LIBDIR, INCLUDEDIR,
#                        MANDIR, and DATADIR (where the shell completions go)
#   make dist            zbsplit-VERSION.tar.gz of the files git tracks
#   make clean

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man

# The version is zb.h's; the shared library's soname carries its major number.
VERSION := $(shell sed -n 's/^\#define ZB_VERSION "\(.*\)"$$/\1/p' src/zb/zb.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))
SHLIB    = libzb.so.$(VERSION)

CC       ?= cc
CFLAGS   ?= -O2 -g
WARNINGS  = -std=c11 -Wall -Wextra -Wpedantic
CPPFLAGS += -D_POSIX_C_SOURCE=200809L
BUILD    ?= build
BATS     ?= bats

# --- hardening ---------------------------------------------------------------
# Every build, release or test, gets fortified libc calls, stack canaries, a
# position-independent executable and a read-only GOT.  They are kept out of CFLAGS
# so that a CFLAGS given on the command line (CI's -Werror build) keeps them;
# HARDEN_CFLAGS= HARDEN_LDFLAGS= turns them off (_FORTIFY_SOURCE wants -O1 or more,
# so an -O0 build needs that).  The library's objects are PIE too: libzb.a links
# into executables, PIE or not.
HARDEN_CFLAGS  ?= -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
HARDEN_LDFLAGS ?= -pie -Wl,-z,relro,-z,now

# The library (src/zb, installed), the scanning kernels (src/kernels, internal, one
# engine choice in engine.c) and the tool (src/zbsplit); everything is compiled
# with -Isrc, and includes name the folder of another layer ("zb/zb.h",
# "kernels/scan2.h").  Objects go to $(BUILD)/obj/<folder>.
LIB_SRC    = $(wildcard src/zb/*.c)
KERNEL_SRC = $(wildcard src/kernels/*.c)
TOOL_SRC   = $(wildcard src/zbsplit/*.c)
UNIT_SRC = $(wildcard tests/unit/*.c)
TOOL_TEST_SRC = $(filter-out tests/tool/cases_main.c,$(wildcard tests/tool/*.c))

LIB_OBJ  = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
KERNEL_OBJ = $(KERNEL_SRC:src/%.c=$(BUILD)/obj/%.o)
TOOL_OBJ = $(TOOL_SRC:src/%.c=$(BUILD)/obj/%.o)
UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%.o)
TOOL_TEST_OBJ = $(TOOL_TEST_SRC:tests/tool/%.c=$(BUILD)/tool/%.o)
# The tool without main() and diag_exit(), which tests/tool/inproc.c replaces.
TOOL_CORE_OBJ = $(filter-out $(BUILD)/obj/zbsplit/main.o $(BUILD)/obj/zbsplit/diag_exit.o,$(TOOL_OBJ))

ALL_CFLAGS = $(WARNINGS) $(HARDEN_CFLAGS) $(CFLAGS) -pthread -MMD -MP
ALL_LDFLAGS = $(HARDEN_LDFLAGS) $(LDFLAGS) -pthread

# Linked after the objects that use them: the kernels, then the library they use.
LIBS = $(BUILD)/libkernels.a $(BUILD)/libzb.a

all: $(BUILD)/libzb.a $(BUILD)/$(SHLIB) $(BUILD)/zbsplit

$(BUILD)/libzb.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

# The shared library: position-independent objects of its own, every symbol hidden
# but the functions zb.h marks ZB_API, and the soname libzb.so.MAJOR.
LIB_PIC_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/pic/%.o)
$(BUILD)/pic/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(WARNINGS) $(filter-out -fPIE,$(HARDEN_CFLAGS)) $(CFLAGS) \
		-fPIC -fvisibility=hidden -MMD -MP -c -o $@ $<

$(BUILD)/$(SHLIB): $(LIB_PIC_OBJ)
	$(CC) $(CFLAGS) $(filter-out -pie,$(HARDEN_LDFLAGS)) $(LDFLAGS) -shared \
		-Wl,-soname,libzb.so.$(SOMAJOR) -o $@ $(LIB_PIC_OBJ)
	ln -sf $(SHLIB) $(BUILD)/libzb.so.$(SOMAJOR)
	ln -sf libzb.so.$(SOMAJOR) $(BUILD)/libzb.so

# Not installed: the tool's kernels, linked into it and into the tests.
$(BUILD)/libkernels.a: $(KERNEL_OBJ)
	rm -f $@
	$(AR) rcs $@ $(KERNEL_OBJ)

$(BUILD)/zbsplit: $(TOOL_OBJ) $(LIBS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(TOOL_OBJ) $(LIBS)

$(BUILD)/unit_tests: $(UNIT_OBJ) $(LIBS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(UNIT_OBJ) $(LIBS)

# The tool's unit tests: its logic, and the record engine in-process at tiny
# buffer sizes (tests/tool/inproc.h).
$(BUILD)/tool_tests: $(TOOL_TEST_OBJ) $(BUILD)/unit/check.o $(TOOL_CORE_OBJ) $(LIBS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(TOOL_TEST_OBJ) $(BUILD)/unit/check.o \
		$(TOOL_CORE_OBJ) $(LIBS)

# The quick suite's `check` cases, queued by a bats test and run in-process at every
# buffer size when it ends (tests/tool/cases_main.c).
$(BUILD)/zbsplit_cases: $(BUILD)/tool/cases_main.o $(BUILD)/tool/inproc.o $(TOOL_CORE_OBJ) $(LIBS)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^

# An LD_PRELOAD library for tests/jobs.bats whose pthread_create always fails.  Built
# without the sanitizers (a preloaded library would come before their runtimes).
$(BUILD)/no_threads.so: tests/shim/no_threads.c | $(BUILD)
	$(CC) $(CPPFLAGS) $(WARNINGS) -O2 -shared -fPIC -o $@ $<

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/unit/%.o: tests/unit/%.c | $(BUILD)/unit
	$(CC) $(CPPFLAGS) -Isrc $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tool/%.o: tests/tool/%.c | $(BUILD)/tool
	$(CC) $(CPPFLAGS) -Isrc -Isrc/zbsplit -Itests/unit $(ALL_CFLAGS) -c -o $@ $<

$(BUILD) $(BUILD)/unit $(BUILD)/tool:
	mkdir -p $@

# --- tests -----------------------------------------------------------------------
# make test, the quick suite run before every commit (about 90 s on 2 cores):
# the library's unit tests, the tool's (tests/tool: LIST, escape and predicate
# logic, and the record engine in-process at buffer sizes 1, 2, 3, 7 and 64, from
# files, pipes and -j), then the bats files but memory.bats and scaleout.bats, each
# case at the default buffer size (a test's `check` cases in-process at every size
# by build/zbsplit_cases), TEST_JOBS files at a time (many tests wait on pipes and
# pauses, so 4 keep 2 cores busy).  ZB_CHECK=1 (make check) runs `check` through the
# binary and the bats tests marked check_only too, and ZB_ALL_SIZES=1 repeats every
# case at buffer sizes 1, 2, 3, 7 and 64 as separate runs (test_helper.bash).
# HUGE_TESTS=0 skips the tests that stream hundreds of MiB, for the passes that
# repeat the suite in a slower build.
# The longest files first, so that none of them starts last and runs on alone.
SLOW_BATS  = tests/jobs.bats tests/filters.bats tests/gnu_cut.bats tests/blanks_diff.bats \
             tests/fields.bats
QUICK_BATS = $(SLOW_BATS) $(filter-out $(SLOW_BATS) tests/memory.bats tests/scaleout.bats, \
               $(wildcard tests/*.bats))
ALL_BATS   = tests/memory.bats $(QUICK_BATS) tests/scaleout.bats
BATS_TESTS ?= $(QUICK_BATS)
TEST_JOBS  ?= 4
ZB_CHECK   ?= 0
ZB_ALL_SIZES ?= $(ZB_CHECK)
HUGE_TESTS ?= 1
BATS_ENV = ZBSPLIT=$(CURDIR)/$(BUILD)/zbsplit ZB_LDFLAGS="$(LDFLAGS)" \
           ZB_NO_THREADS=$(CURDIR)/$(BUILD)/no_threads.so ZB_HUGE_TESTS=$(HUGE_TESTS) \
           ZB_CHECK=$(ZB_CHECK) ZB_ALL_SIZES=$(ZB_ALL_SIZES) \
           ZB_CASES=$(CURDIR)/$(BUILD)/zbsplit_cases
test: $(BUILD)/unit_tests $(BUILD)/tool_tests $(BUILD)/zbsplit_cases $(BUILD)/zbsplit \
      $(BUILD)/no_threads.so
	@sh tests/need.sh test
	@$(MAKE) --no-print-directory -k -j$(TEST_JOBS) --output-sync=target \
		run-tool-tests run-unit-tests $(BATS_TESTS:%=bats/%)

run-unit-tests: FORCE
	$(BUILD)/unit_tests

run-tool-tests: FORCE
	$(BUILD)/tool_tests tests/option_sets.txt

# One bats file (make's -j runs several at once; --output-sync keeps each whole).
bats/%: FORCE
	@$(BATS_ENV) $(BATS) $*

# make check: everything, as CI runs it (about 17 minutes): make test (a
# prerequisite, so `make test check` runs it once), then every bats test, every
# case at every buffer size through the binary, the huge-data, fault, memory and
# scale-out tests, the portable engine, the sanitizers, ThreadSanitizer, valgrind,
# lint, the man pages and 30 s of each fuzzer.
check: test
	@sh tests/need.sh check
	@echo "== $$(date +%T) make check: every test, every buffer size, huge data (ZB_CHECK=1)"
	$(MAKE) test ZB_CHECK=1 BATS_TESTS="$(ALL_BATS)"
	@echo "== $$(date +%T) make check: the portable engine (no SSE2/AVX2)"
	$(MAKE) test-portable
	@echo "== $$(date +%T) make check: sanitizers (address, undefined)"
	$(MAKE) sanitize
	@echo "== $$(date +%T) make check: ThreadSanitizer"
	$(MAKE) tsan
	@echo "== $$(date +%T) make check: valgrind"
	$(MAKE) valgrind
	@echo "== $$(date +%T) make check: lint (cppcheck, clang-tidy)"
	$(MAKE) -j2 lint
	@echo "== $$(date +%T) make check: the man pages"
	$(MAKE) man-check
	@echo "== $$(date +%T) make check: fuzzing ($(CHECK_FUZZ_SECONDS) s a target, four at once)"
	$(MAKE) -j2 fuzz-build
	nice -n 10 $(MAKE) -j4 fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)
	@echo "== $$(date +%T) make check: passed"
CHECK_FUZZ_SECONDS ?= 30

# groff's warnings about the man pages (-ww), each page on its own.
man-check:
	@for page in man/*.[13]; do \
		out=$$(LC_ALL=C.UTF-8 MANROFFSEQ='' groff -ww -man -z "$$page" 2>&1); \
		if [ -n "$$out" ]; then echo "$$page: $$out"; exit 1; fi; \
	done

# PORTABLE=1 builds the kernels without SSE2/AVX2, to test the portable engine.
ifeq ($(PORTABLE),1)
CPPFLAGS += -DZB_PORTABLE
endif

SANITIZE_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
                 -fno-sanitize-recover=all
# _FORTIFY_SOURCE's checked copies would pass by ASan's interceptors and the canaries
# duplicate what ASan checks, so the sanitizer build keeps only the PIE flags.
# The passes that repeat the suite with another build (sanitizers, the portable
# engines) leave out the files whose checks do not depend on the build: the GNU
# parallel recipes (they test how parallel cuts a file), the man pages, the
# install, the README and the hardening flags (which these builds change).  The
# sanitizers run every case at every buffer size in-process (build/zbsplit_cases and
# tests/tool at sizes 1 to 64), and the tests that run the binary at the default
# size alone (ZB_ALL_SIZES=0: the sizes took a third of the time of the files that
# repeat them); not the check_only tests, whose option sets at -j tests/tool runs
# in-process under them.
REPEAT_TESTS = $(filter-out tests/scaleout.bats tests/docs.bats tests/install.bats \
                 tests/readme.bats tests/hardening.bats,$(ALL_BATS))
sanitize:
	$(MAKE) BUILD=build/sanitize CFLAGS="$(SANITIZE_FLAGS)" LDFLAGS="$(SANITIZE_FLAGS)" \
		HARDEN_CFLAGS=-fPIE HUGE_TESTS=0 ZB_ALL_SIZES=0 BATS_TESTS="$(REPEAT_TESTS)" test

# ThreadSanitizer: the unit tests, tests/tool (every option set at -j 2 and 3 with
# tiny blocks, in-process), tests/jobs.bats, which starts -j's threads, and the -j
# regression in tests/fuzz_found.bats (the rest of the suite runs one thread, where
# there is nothing to race; TSAN_BATS=tests runs it all, about twice as long).
# jobs.bats runs as in make test: its check_only tests repeat the same paths over
# hundreds of runs and took two thirds of this pass (TSAN_CHECK=1 runs them too).
# A report makes zbsplit exit 66 at once, which
# fails the test that ran it; every report is also kept in build/tsan/race.PID, and
# any such file fails the target, even from a test that let the status by.  TSan
# cannot share a process with ASan, hence a pass of its own.
TSAN_BATS ?= tests/jobs.bats tests/fuzz_found.bats
TSAN_CHECK ?= 0
TSAN_FLAGS = -O1 -g -fsanitize=thread
tsan:
	mkdir -p build/tsan && rm -f build/tsan/race.*
	@status=0; \
	TSAN_OPTIONS="halt_on_error=1 exitcode=66 log_path=$(CURDIR)/build/tsan/race $(TSAN_OPTIONS)" \
		$(MAKE) BUILD=build/tsan CFLAGS="$(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" \
		HARDEN_CFLAGS=-fPIE HUGE_TESTS=0 ZB_CHECK=$(TSAN_CHECK) BATS_TESTS="$(TSAN_BATS)" test || status=$$?; \
	if ls build/tsan/race.* >/dev/null 2>&1; then \
		cat build/tsan/race.*; echo "ThreadSanitizer reports above (build/tsan/race.*)"; status=1; \
	fi; \
	exit $$status

VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all
# The portable pass runs the unit tests (which check every engine against a naive
# scan) and the files whose data reaches every scan: fields, blanks, characters,
# bytes, buffer sizes and cut's LISTs.  The rest of the suite tests options, errors
# and files, which take the same code whatever engine finds the bytes, and the
# fuzzers compare the engines on every input they try.
ENGINE_TESTS = tests/gnu_cut.bats tests/buffer_size.bats tests/utf8_chars.bats \
               tests/bytes_chars.bats tests/fields.bats tests/whitespace.bats \
               tests/blanks_diff.bats tests/filters.bats
test-portable:
	$(MAKE) BUILD=build/portable PORTABLE=1 HUGE_TESTS=0 ZB_CHECK=1 BATS_TESTS="$(ENGINE_TESTS)" test

valgrind: $(BUILD)/unit_tests $(BUILD)/zbsplit
	$(VALGRIND) $(BUILD)/unit_tests
	for opts in "-f 3,1" "-d : -f NF-1-" "-w -f 2 --complement" "-c 2-4 -O ," "-b 1-3 -n"; do \
		printf 'a:b\tc d\n\xc3\xa9t\xc3\xa9 x\r\nlong:er line\twith  blanks' | \
		$(VALGRIND) $(BUILD)/zbsplit --buffer-size=3 $$opts >/dev/null || exit 1; \
	done

# Every function of zb.h gets a man page of its own that opens zb.3 (man 3 zb_view_find).
paren := (
ZB_FUNCTIONS = $(shell grep -oE '\<zb_[a-z0-9_]+[$(paren)]' src/zb/zb.h | tr -d '$(paren)' | sort -u)
BASH_COMPLETION_DIR ?= $(DATADIR)/bash-completion/completions
ZSH_COMPLETION_DIR  ?= $(DATADIR)/zsh/site-functions
FISH_COMPLETION_DIR ?= $(DATADIR)/fish/vendor_completions.d

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	install -m 755 $(BUILD)/zbsplit $(DESTDIR)$(BINDIR)/zbsplit
	install -m 644 $(BUILD)/libzb.a $(DESTDIR)$(LIBDIR)/libzb.a
	install -m 755 $(BUILD)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/libzb.so.$(SOMAJOR)
	ln -sf libzb.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libzb.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		src/zb/zb.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/zb.pc
	chmod 644 $(DESTDIR)$(LIBDIR)/pkgconfig/zb.pc
	install -m 644 src/zb/zb.h $(DESTDIR)$(INCLUDEDIR)/zb.h
	install -m 644 man/zbsplit.1 $(DESTDIR)$(MANDIR)/man1/zbsplit.1
	install -m 644 man/zb.3 $(DESTDIR)$(MANDIR)/man3/zb.3
	for f in $(ZB_FUNCTIONS); do \
		echo '.so man3/zb.3' >$(DESTDIR)$(MANDIR)/man3/$$f.3 || exit 1; \
	done
	install -d $(DESTDIR)$(BASH_COMPLETION_DIR) $(DESTDIR)$(ZSH_COMPLETION_DIR) \
		$(DESTDIR)$(FISH_COMPLETION_DIR)
	install -m 644 completion/zbsplit.bash $(DESTDIR)$(BASH_COMPLETION_DIR)/zbsplit
	install -m 644 completion/_zbsplit $(DESTDIR)$(ZSH_COMPLETION_DIR)/_zbsplit
	install -m 644 completion/zbsplit.fish $(DESTDIR)$(FISH_COMPLETION_DIR)/zbsplit.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/zbsplit $(DESTDIR)$(LIBDIR)/libzb.a \
		$(DESTDIR)$(LIBDIR)/$(SHLIB) $(DESTDIR)$(LIBDIR)/libzb.so.$(SOMAJOR) \
		$(DESTDIR)$(LIBDIR)/libzb.so $(DESTDIR)$(LIBDIR)/pkgconfig/zb.pc \
		$(DESTDIR)$(INCLUDEDIR)/zb.h $(DESTDIR)$(MANDIR)/man1/zbsplit.1 \
		$(DESTDIR)$(MANDIR)/man3/zb.3 $(ZB_FUNCTIONS:%=$(DESTDIR)$(MANDIR)/man3/%.3) \
		$(DESTDIR)$(BASH_COMPLETION_DIR)/zbsplit $(DESTDIR)$(ZSH_COMPLETION_DIR)/_zbsplit \
		$(DESTDIR)$(FISH_COMPLETION_DIR)/zbsplit.fish

# The release tarball: the files git tracks, under zbsplit-VERSION/.
dist:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || \
		{ echo "make dist: needs the git checkout (it packs the files git tracks)"; exit 1; }
	rm -f zbsplit-$(VERSION).tar.gz
	git ls-files -z | tar --null -T - --transform 's|^|zbsplit-$(VERSION)/|' \
		-czf zbsplit-$(VERSION).tar.gz
	@echo "zbsplit-$(VERSION).tar.gz"

clean:
	rm -rf build

.PHONY: all test check man-check test-portable sanitize tsan valgrind install uninstall dist clean

# --- lint ----------------------------------------------------------------------
# cppcheck and clang-tidy on the sources (src/, src/zb/, src/kernels/), failing on any finding.
# clang-tidy's checks are in .clang-tidy; cppcheck's suppressions, each with its
# reason, in .cppcheck-suppressions.  clang-tidy runs once per file: clang-tidy 14
# given several files carries analyser state from one to the next (it reported a
# va_list in diag.c as uninitialised only after other files).  Its output is shown
# only for a file with findings (otherwise it is counts of system-header warnings).
# The kernels are checked again with the portable engine alone (-DZB_PORTABLE), whose
# engine table and partial-block code the SIMD build skips.
CPPCHECK   ?= cppcheck
CLANG_TIDY ?= clang-tidy
LINT_SRC    = $(LIB_SRC) $(KERNEL_SRC) $(TOOL_SRC)
LINT_DEFS   = -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc
lint: lint-cppcheck lint-tidy

lint-cppcheck:
	$(CPPCHECK) --quiet --error-exitcode=1 --std=c11 --inline-suppr \
		--enable=warning,style,performance,portability \
		--suppressions-list=.cppcheck-suppressions -Isrc $(LINT_SRC)

# One target per file, so that `make -j2 lint` checks two at once.
TIDY_TARGETS = $(LINT_SRC:src/%.c=tidy/%) tidy-portable-scan
lint-tidy: $(TIDY_TARGETS)

tidy-portable-scan: FORCE
	@for f in $(KERNEL_SRC); do \
		out=$$($(CLANG_TIDY) --quiet $$f -- $(LINT_DEFS) -DZB_PORTABLE 2>&1) || \
			{ printf 'clang-tidy %s -DZB_PORTABLE\n%s\n' "$$f" "$$out"; exit 1; }; \
	done

tidy/%: src/%.c FORCE
	@out=$$($(CLANG_TIDY) --quiet $< -- $(LINT_DEFS) 2>&1) || \
		{ printf 'clang-tidy %s\n%s\n' "$<" "$$out"; exit 1; }

.PHONY: lint lint-cppcheck lint-tidy tidy-portable-scan

-include $(LIB_OBJ:.o=.d) $(LIB_PIC_OBJ:.o=.d) $(KERNEL_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(TOOL_TEST_OBJ:.o=.d) \
         $(BUILD)/tool/cases_main.d

# Benchmark against cut, awk, zsv and the floors (wc -l, cat); BENCH_MB sets the data
# size, BENCH_ONLY=split or BENCH_ONLY=csv runs one section (bench/README.md).
bench: $(BUILD)/zbsplit
	bash bench/run.sh $(BUILD)/zbsplit

.PHONY: bench

# ---- fuzzing: make fuzz --------------------------------------------------------
# libFuzzer targets in tests/fuzz (each file's first comment says what it checks),
# built with clang and -fsanitize=fuzzer,address,undefined in build/fuzz.  Each runs
# for FUZZ_SECONDS on a scratch copy of its seed corpus (tests/fuzz/corpus/NAME is
# never written); a crash, a difference from the reference, a leak or a hang (10 s)
# fails the target, and the input is left in build/fuzz/NAME-crash-* (or -leak-,
# -timeout-); replay it with build/fuzz/fuzz_NAME FILE.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_BUILD    = build/fuzz
FUZZ_TARGETS ?= options stream view csv
FUZZ_CFLAGS   = $(WARNINGS) -g -O1 -fno-omit-frame-pointer \
                -fsanitize=address,undefined -fno-sanitize-recover=all -pthread
FUZZ_OBJ      = $(patsubst src/%.c,$(FUZZ_BUILD)/src/%.o, \
                  $(LIB_SRC) $(KERNEL_SRC) $(filter-out src/zbsplit/main.c src/zbsplit/diag_exit.c,$(TOOL_SRC)))

$(FUZZ_BUILD)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -Isrc $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -Isrc -Isrc/zbsplit $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/fuzz_stream: $(FUZZ_BUILD)/reference.o
$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/fuzz_%.o $(FUZZ_BUILD)/harness.o $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

# (kept, not removed as intermediate files: make fuzz would build them again)
.SECONDARY: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%.o) $(FUZZ_BUILD)/harness.o \
            $(FUZZ_BUILD)/reference.o $(FUZZ_OBJ)

# One run per target (a pattern rule: make skips those for .PHONY names, hence
# FORCE), so `make -j4 fuzz` runs all four at once (CI does).
fuzz: $(FUZZ_TARGETS:%=fuzz-run-%)

fuzz-run-%: $(FUZZ_BUILD)/fuzz_% FORCE
	@t=$*; corpus=$(FUZZ_BUILD)/corpus/$$t; \
	rm -rf $$corpus && mkdir -p $$corpus && cp tests/fuzz/corpus/$$t/* $$corpus/ || exit 1; \
	dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	echo "== fuzz $$t: $(FUZZ_SECONDS) s from $$(ls $$corpus | wc -l) seeds (log: $(FUZZ_BUILD)/$$t.log)"; \
	if ! $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		-print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/$$t- $$dict \
		$$corpus >$(FUZZ_BUILD)/$$t.log 2>&1; then \
		tail -n 40 $(FUZZ_BUILD)/$$t.log; echo "fuzz $$t: FAILED"; exit 1; \
	fi; \
	grep -E '^(Done|stat::number_of_executed_units)' $(FUZZ_BUILD)/$$t.log

.PHONY: fuzz fuzz-build FORCE
FORCE:

-include $(FUZZ_OBJ:.o=.d) $(wildcard $(FUZZ_BUILD)/*.d)
