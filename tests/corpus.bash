# Shared by tests/buffer_size.bats and tests/jobs.bats: a varied corpus, and the
# option sets of tests/option_sets.txt, which cover every way of selecting,
# filtering and formatting, for the tests that check an option (--buffer-size, -j,
# --block-size) never changes the output.  Load with `load corpus` after
# `load test_helper`.

# gen_corpus FILE: ~40 KB, deterministic.  Long and short records, records
# of 10 KB, empty records, CRLF, NUL bytes, ':' '::' ':::' and TAB
# delimiters, blanks, UTF-8 (2, 3, 4 bytes), invalid bytes, no final newline.
# The first record puts '::' across offsets 63/64 and 4095/4096.
gen_corpus() {
	"$AWK" -v seed=4242 '
	function rep(s, n,   r) { r = ""; while (n-- > 0) r = r s; return r }
	function delim(   v) {
		v = rand()
		if (v < 0.60) return ":"
		if (v < 0.85) return "::"
		if (v < 0.93) return ":::"
		return "\t"
	}
	function field(maxlen,   len, k, v) {
		len = int(rand() * maxlen)
		for (k = 0; k < len; k++) {
			v = rand()
			if (v < 0.03) printf "%c", 0
			else if (v < 0.12) printf " "
			else if (v < 0.17) printf "\t"
			else printf "%s", A[1 + int(rand() * na)]
		}
	}
	BEGIN {
		srand(seed)
		na = split("a b c d e f x y z 0 1 2 3 7 9 . - _ / \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xff \xe2\x82 \xc0\x80", A, " ")
		printf "%s::%s::tail:x\ty z\n", rep("a", 63), rep("b", 4030)
		for (r = 0; r < 500; r++) {
			if (r == 100 || r == 300) {
				# a record of 10 KB
				for (len = 0; len < 10000; len += 8) { field(14); printf "%s", delim() }
				printf "\n"
				continue
			}
			if (rand() < 0.06) { printf "\n"; continue }
			nf = int(rand() * 9)
			for (i = 0; i < nf; i++) {
				if (i) printf "%s", delim()
				field(8)
			}
			if (rand() < 0.08) printf "\r"
			printf "\n"
		}
		printf "last:record::with \xc3\xa9"
	}' >"$1"
}

# option_sets: the lines of tests/option_sets.txt without comments and blank lines
# (shell words: eval them).
option_sets() {
	grep -v -e '^#' -e '^$' "$BATS_TEST_DIRNAME/option_sets.txt"
}
