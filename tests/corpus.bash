# Shared by tests/buffer_size.bats and tests/jobs.bats: a varied corpus and a list
# of option sets covering every way of selecting, filtering and formatting, for the
# tests that check an option (--buffer-size, -j, --block-size) never changes the
# output.  Load with `load corpus` after `load test_helper`.

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

# OPTION_SETS: one option set a line, shell words (eval'd, so quotes and $'...'
# work).  Every one must run on gen_corpus's file with exit 0 and no message.
# The corpus's first record, "aaa...::bbb...::tail:x\ty z", names fields for -H:
# with -d : its fields are aaa..., "", bbb..., "", tail, "x\ty z".
OPTION_SETS=$(cat <<'SETS'
-d : -f 1
-d : -f 2,4-6
-d : -f 3-
-d : -f -2,5
-d : -f 2 -s
-d : -f 2,3 --complement
-d : -f 1,3 --output-delimiter='|'
-d : -f 2- --output-delimiter=::
-f 1-3
-f 2 -s
-d '' -f 2
-d '' -f 1,3 -s
-d : -f NF,1
-d : -f 5,1-2
-d : -f NF-1-,1 --complement
-d '::' -f 2,3
-d '::' -f 1,NF
-d '::' -f 2 -s
-d ':::' -f 2
-d '::' -f 3,1 -O '\t'
-w -f 2,3
-w -f 1 -s
--whitespace-delimited=trimmed -f 1,NF
-F 3,1
-F 2 -d :
-F 2,1 --not-empty 3
-w -f 1,3 --str-ne 2:a
-c 1-3 --contains 0:x
-R '[:\t]+' -f 2,1
-R ':+' -f 2- -s -O '|'
-R 'x|::' -f 1,3 --complement
-b 1-5,20-30,100-
-b 3- --complement
-b 2,4,4000-4200 --output-delimiter=:
-b 9,1-3
-b 1-5,20-30 -n
-b 3-NF -n
-c 2-8,50-
-c NF-2-
-c 5 --complement -O '|'
-c 3,1
-z -d : -f 1,3
-z -b 2-9
-z -d : -f 2 -s
-z -w -f 2
-z -c 1-3
-t -d : -f 1,2
-t -w -f 2,1
--strip=' a' -d : -f 2,3
--lstrip -d : -f 2- -O '|'
--rstrip=xyz -d '::' -f 1,2
-t -F 2 -d '::'
--str-eq 2: -d : -f 1,3
--str-ne 2: -d : -f 1
--contains $'0:\xc3\xa9' -d : -f 2
--not-contains 2:a -d : -f 2,3
--prefix 1:a -d :
--suffix NF:z -d : -f NF
--regex '2:^[a-f]+$' -d : -f 2
--not-regex '0:[0-9]' -w -f 1
--iregex '1:^[A-C]' -d : -f 1,2
--eq 1:0 -d :
--ne 2:1 -d : -f 2
--lt 1:5 -d : -f 1
--le 2:3 -w -f 2
--gt 1:2 -d :: -f 1
--ge NF:7 -d : -f NF
--empty 2 -d : -f 1
--not-empty 3 -d : -f 3
--isdigit 1 -d :
--isalpha 1 -w -f 1
--isspace 2 -d : -f 1
--or --str-eq 1:a --isdigit 2 -d : -f 1,2
-v --contains 0:x -d :
-v --or --empty 1 --prefix 2:b -d '::' -f 2
-t --str-eq 1: -d : -f 2
-H -d : -f 1,tail
-H -d : -f tail --str-ne tail:x
-H -d : --not-empty tail -s
-H -w -f 2
-H -z -d : -f 2
-H -b 1-3
-H -c 2-4
SETS
)

# option_sets: OPTION_SETS without its comments and blank lines.
option_sets() {
	grep -v -e '^#' -e '^$' <<<"$OPTION_SETS"
}
