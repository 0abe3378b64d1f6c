#!/usr/bin/env bats
# Differential tests: awk one-liners and the zbsplit commands that replace
# them, on a generated TSV access log and a generated space-separated
# application log.  awk (mawk) gives the expected output.

load test_helper

# gen_access FILE SEED [HEADER]: TSV access log, 2000 records of 7 fields:
# ip, time, method, path, status, bytes, user agent (with spaces).  Every
# record has all 7 fields; status and bytes are always integers.
gen_access() {
	"$AWK" -v seed="$2" -v header="${3:-}" 'BEGIN {
		srand(seed)
		OFS = "\t"
		np = split("/ /index.html /api/v1/users /api/v1/users/%d /api/v2/items?id=%d /apix/old /static/app.css /static/logo.png /login /API/v1/ping /docs/api/intro /static/%d.css", P, " ")
		nu = split("Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0|curl/8.5.0|Go-http-client/1.1|python-requests/2.31.0|MOZILLA/4.0 (compatible; MSIE 6.0)|Wget/1.21 (linux-gnu)|Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) curl-like", U, "|")
		ns = split("200 200 200 200 200 200 301 404 404 500 503", S, " ")
		if (header != "")
			print "ip", "time", "method", "path", "status", "bytes", "agent"
		for (r = 0; r < 2000; r++) {
			v = rand()
			m = v < 0.6 ? "GET" : (v < 0.85 ? "POST" : "PUT")
			ip = sprintf("10.%d.%d.%d", int(rand() * 3), int(rand() * 256), int(rand() * 256))
			t = sprintf("2024-03-%02dT%02d:%02d:%02dZ", 1 + int(rand() * 28), int(rand() * 24), int(rand() * 60), int(rand() * 60))
			path = sprintf(P[1 + int(rand() * np)], int(rand() * 1000))
			st = S[1 + int(rand() * ns)]
			b = rand() < 0.1 ? 0 : int(rand() * rand() * 60000)
			print ip, t, m, path, st, b, U[1 + int(rand() * nu)]
		}
	}' >"$1"
}

# gen_app FILE SEED: application log, 1500 records
# 'DATE TIME LEVEL component: message...' with levels INFO/WARN/ERROR;
# fields separated by one space, sometimes two or a TAB, sometimes a leading
# blank.  Every record has at least 5 fields.  Some INFO messages contain
# the word ERROR; messages ending in 'ms' have a number before it.
gen_app() {
	"$AWK" -v seed="$2" 'BEGIN {
		srand(seed)
		nc = split("main: db: http: cache: auth:", C, " ")
		nm = split("request done in %d ms|retrying after ERROR from upstream|connection reset by peer|slow query took %d ms|cache miss key=user:%d|login failed for user%d|queue length %d|ERROR count reset", M, "|")
		for (r = 0; r < 1500; r++) {
			v = rand()
			lv = v < 0.7 ? "INFO" : (v < 0.9 ? "WARN" : "ERROR")
			msg = sprintf(M[1 + int(rand() * nm)], int(rand() * rand() * 5000))
			line = sprintf("2024-03-%02d %02d:%02d:%02d.%03d", 1 + int(rand() * 28), int(rand() * 24), int(rand() * 60), int(rand() * 60), int(rand() * 1000))
			line = line sep() lv sep() C[1 + int(rand() * nc)] sep() msg
			if (rand() < 0.05) line = " " line
			print line
		}
	}
	function sep(   w) {
		w = rand()
		return w < 0.85 ? " " : (w < 0.95 ? "  " : "\t")
	}' >"$1"
}

# The logs are made once for the file (setup_file) and only read by the tests.
setup_file() {
	gen_access "$BATS_FILE_TMPDIR/access.tsv" 20240301
	gen_app "$BATS_FILE_TMPDIR/app.log" 4711
}

setup() {
	LOG=$BATS_FILE_TMPDIR/access.tsv
	APP=$BATS_FILE_TMPDIR/app.log
	EXP=$BATS_TEST_TMPDIR/exp
}

# filtered FILE: $EXP keeps some but not all of FILE's records.
filtered() {
	local n total
	n=$(wc -l <"$EXP")
	total=$(wc -l <"$1")
	if [ "$n" -eq 0 ] || [ "$n" -ge "$total" ]; then
		echo "awk reference selects $n of $total records: not a useful test"
		return 1
	fi
}

# tsv PROG ARGS...: awk -F'\t' PROG on the access log == zbsplit ARGS.
tsv() {
	local prog=$1
	shift
	"$AWK" -F'\t' "$prog" "$LOG" >"$EXP"
	filtered "$LOG"
	check_file "$LOG" "$EXP" "$@"
}

# app PROG ARGS...: awk PROG (default FS) on the app log == zbsplit ARGS.
app() {
	local prog=$1
	shift
	"$AWK" "$prog" "$APP" >"$EXP"
	filtered "$APP"
	check_file "$APP" "$EXP" "$@"
}

@test "generated logs: every record has the fields the one-liners use" {
	[ "$("$AWK" -F'\t' 'NF != 7' "$LOG" | wc -l)" -eq 0 ]
	[ "$("$AWK" -F'\t' '$5 !~ /^[0-9]+$/ || $6 !~ /^[0-9]+$/' "$LOG" | wc -l)" -eq 0 ]
	[ "$("$AWK" 'NF < 5' "$APP" | wc -l)" -eq 0 ]
	[ "$("$AWK" '$NF == "ms" && $(NF-1) !~ /^[0-9]+$/' "$APP" | wc -l)" -eq 0 ]
	# all methods, statuses and levels occur; ERROR also outside field 3
	local w
	for w in GET POST PUT; do grep -q "$(printf '\t%s\t' "$w")" "$LOG"; done
	for w in 200 301 404 500 503; do "$AWK" -F'\t' -v s=$w '$5 == s { f = 1 } END { exit !f }' "$LOG"; done
	for w in INFO WARN ERROR; do "$AWK" -v s=$w '$3 == s { f = 1 } END { exit !f }' "$APP"; done
	"$AWK" '$3 != "ERROR" && /ERROR/ { f = 1 } END { exit !f }' "$APP"
	grep -q '^ ' "$APP"
	grep -q "$(printf '\t')" "$APP"
}

@test "awk -F'\\t' '\$3==\"GET\" && \$5>=500 {print \$1 \"\\t\" \$4}'" {
	tsv '$3 == "GET" && $5 >= 500 { print $1 "\t" $4 }' -f1,4 --str-eq 3:GET --ge 5:500
}

@test "awk '/ERROR/'" {
	app '/ERROR/' -d ' ' --contains 0:ERROR
	app '/ERROR/' --contains 0:ERROR
	app '/ERROR/' --regex 0:ERROR
}

@test "awk -F'\\t' '\$3==\"GET\"'" {
	tsv '$3 == "GET"' --str-eq 3:GET
}

@test "awk -F'\\t' '\$5!=200 {print \$5, \$4}'" {
	tsv '$5 != 200 { print $5, $4 }' -f5,4 -O ' ' --ne 5:200
}

@test "awk -F'\\t' '\$6>1000 || \$3==\"POST\" {print \$1}'" {
	tsv '$6 > 1000 || $3 == "POST" { print $1 }' -f1 --or --gt 6:1000 --str-eq 3:POST
}

@test "awk -F'\\t' '!(\$3==\"GET\")'" {
	tsv '!($3 == "GET")' -v --str-eq 3:GET
	tsv '$3 != "GET"' --str-ne 3:GET
}

@test "awk -F'\\t' '\$4 ~ /^\\/api\\// {print \$4}'" {
	tsv '$4 ~ /^\/api\// { print $4 }' -f4 --regex '4:^/api/'
	tsv '$4 ~ /^\/api\// { print $4 }' -f4 --prefix 4:/api/
	tsv '$4 !~ /^\/api\// { print $4 }' -f4 --not-regex '4:^/api/'
}

@test "awk '{print \$3, \$1}' on the app log == zbsplit -F 3,1" {
	"$AWK" 'NF >= 3 { print $3, $1 }' "$APP" >"$EXP"
	check_file "$APP" "$EXP" -F 3,1
}

@test "awk '\$3==\"ERROR\" {print \$NF}' == zbsplit -F NF --str-eq 3:ERROR" {
	app '$3 == "ERROR" { print $NF }' -F NF --str-eq 3:ERROR
}

@test "awk -F'\\t' '\$5>=300 && \$5<500 {print \$4}'" {
	tsv '$5 >= 300 && $5 < 500 { print $4 }' -f4 --ge 5:300 --lt 5:500
	tsv '$5 == 404 { print $4 }' -f4 --eq 5:404
	tsv '$6 == 0 { print $1 "\t" $5 }' -f1,5 --eq 6:0
	tsv '$6 <= 100 && $6 > 0 { print $6 }' -f6 --le 6:100 --gt 6:0
}

@test "awk -F'\\t' '\$7 ~ /curl/ {print \$2}' and tolower(\$7) ~ /mozilla/" {
	tsv '$7 ~ /curl/ { print $2 }' -f2 --contains 7:curl
	tsv '$7 !~ /curl/ { print $2 }' -f2 --not-contains 7:curl
	tsv 'tolower($7) ~ /mozilla/ { print $1 "\t" $7 }' -f1,7 --iregex 7:mozilla
	tsv '$7 ~ /Mozilla/' --regex 7:Mozilla
}

@test "awk -F'\\t' 'index(\$4, \"/static/\") == 1' and suffix" {
	tsv 'index($4, "/static/") == 1 { print $4 }' -f4 --prefix 4:/static/
	tsv '$4 ~ /\.css$/ { print $4 "\t" $3 }' -f4,3 --suffix 4:.css
	tsv '$4 !~ /\.(css|png)$/ && $3 != "PUT" { print $3 "\t" $4 }' -f3,4 --not-regex '4:\.(css|png)$' --str-ne 3:PUT
}

@test "awk '\$3==\"WARN\" || \$3==\"ERROR\" {print \$1, \$2, \$3}' on the app log" {
	app '$3 == "WARN" || $3 == "ERROR" { print $1, $2, $3 }' -F 1-3 --or --str-eq 3:WARN --str-eq 3:ERROR
	app '!($3 == "WARN" || $3 == "ERROR") { print $3 }' -F 3 -v --or --str-eq 3:WARN --str-eq 3:ERROR
}

@test "awk '\$NF==\"ms\" && \$(NF-1)>1000 {print \$(NF-1), \$4}' on the app log" {
	app '$NF == "ms" && $(NF-1) > 1000 { print $(NF-1), $4 }' -F NF-1,4 --str-eq NF:ms --gt NF-1:1000
}

@test "awk -F'\\t' 'NR==1 || \$5==404 {print \$4 \"\\t\" \$5}' == zbsplit -H -f path,status" {
	gen_access "$LOG" 99 header
	tsv 'NR == 1 || $5 == 404 { print $4 "\t" $5 }' -H -f path,status --eq status:404
	tsv 'NR == 1 || ($3 == "POST" && $6 > 5000) { print $1 }' -H -f ip --str-eq method:POST --gt bytes:5000
}

@test "several logs with headers: awk 'FNR==1 && NR!=1 {next}' == zbsplit -H" {
	local l1=$BATS_TEST_TMPDIR/l1 l2=$BATS_TEST_TMPDIR/l2 l3=$BATS_TEST_TMPDIR/l3
	gen_access "$l1" 1 header
	gen_access "$l2" 2 header
	gen_access "$l3" 3 header
	"$AWK" -F'\t' 'FNR == 1 && NR != 1 { next } NR == 1 || $3 == "PUT" { print $5 "\t" $1 }' "$l1" "$l2" "$l3" >"$EXP"
	filtered "$l1"
	"$ZBSPLIT" -H -f status,ip --str-eq method:PUT "$l1" "$l2" "$l3" >"$BATS_TEST_TMPDIR/out"
	same_bytes "$EXP" "$BATS_TEST_TMPDIR/out"
}
