#!/usr/bin/env bash
# bench/run.sh: time zbsplit against the installed peers (GNU cut, mawk, gawk,
# busybox cut/awk, zsv) and the floors (wc -l, cat) on the same generated files.
#
#   make bench [BENCH_MB=250]           or      bash bench/run.sh PATH/TO/zbsplit
#   make bench BENCH_ONLY=csv           the CSV section alone (--csv, issue 15)
#   make bench BENCH_ONLY=regex         the regex section alone (--regex vs grep, issue 16)
#
# Three sections: "split" (-f, -F, -c and the filters on TSV, a log and UTF-8
# text), "csv" (--csv on a CSV file with quoted fields, and on the same
# records without a quote against -d,) and "regex" (--regex 0:ERE on the log
# against grep -c -E, in the C and C.UTF-8 locales).  The csv and regex sections
# end with their targets: each ratio of this run beside the target it is held to.
#
# Before and after: to compare two builds in one run, name the older one
#
#   BENCH_BASELINE=path/to/old/zbsplit make bench
#   bash bench/run.sh PATH/TO/zbsplit PATH/TO/old/zbsplit
#
# Every zbsplit row of a task is then followed by a row "before: zbsplit ...", the
# same arguments run by the baseline, timed in the same alternating rounds and
# checked against the ref row's output like the others; its "x zbsplit" is the
# baseline's time over this build's, and a summary lists this build / baseline.
#
# Environment:
#   BENCH_MB            total size of the generated data in MB (10^6 bytes), default 250
#   BENCH_RUNS          timed runs of every command, default 15 (after 1 warm-up run):
#                       the commands take tens of ms, and five runs left ratios that
#                       moved by a third from one make bench to the next
#   BENCH_NO_HYPERFINE  set to 1 to use the plain loop even when hyperfine is installed
#   BENCH_BASELINE      an older zbsplit to time beside this one (the second argument,
#                       when given, wins)
#   BENCH_ONLY          "split", "csv" or "regex": run that section alone (and generate only
#                       its files); unset or empty, both
#
# The data goes to bench-data/ at the top of the repository (ignored by git) and each
# file is reused while BENCH_MB and bench/gen.awk are unchanged.  Every command writes
# to /dev/null while it is timed.
#
# This script always exits 0: a benchmark must never fail a build, so every problem
# (a missing tool, a command that fails, hyperfine misbehaving) is reported inline.

# The awk programs below are single-quoted on purpose: their $1 is awk's.
# shellcheck disable=SC2016
set -u -o pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$TOP/bench-data
GEN=$TOP/bench/gen.awk
DEFAULT_MB=250
RUNS=${BENCH_RUNS:-15}
BENCH_MB=${BENCH_MB:-$DEFAULT_MB}
BENCH_ONLY=${BENCH_ONLY:-}

note() { printf 'bench: %s\n' "$*"; }

# The results are wanted even when something is wrong, so "die" only reports.
give_up() {
	note "$*"
	note "no benchmark run"
	exit 0
}

# sq WORD: WORD quoted for sh (POSIX quoting, so hyperfine's sh -c, our own sh -c
# and bash's eval all read the same command).
sq() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# cmdline WORD...: the words quoted and joined into one command string
cmdline() {
	local out='' w
	for w in "$@"; do out+="${out:+ }$(sq "$w")"; done
	printf '%s' "$out"
}

# ---------------------------------------------------------------- settings

check_settings() {
	if ! [[ $BENCH_MB =~ ^[0-9]+$ ]] || ((BENCH_MB < 1)); then
		note "BENCH_MB='$BENCH_MB' is not a positive whole number of MB; using $DEFAULT_MB"
		BENCH_MB=$DEFAULT_MB
	fi
	if ! [[ $RUNS =~ ^[0-9]+$ ]] || ((RUNS < 1)); then
		note "BENCH_RUNS='$RUNS' is not a positive whole number; using 15"
		RUNS=15
	fi
	[[ $# -ge 1 ]] || give_up "usage: bash bench/run.sh PATH/TO/zbsplit [PATH/TO/baseline/zbsplit]"
	ZB=$1
	[[ $ZB == /* ]] || ZB=$PWD/$ZB
	[[ -x $ZB ]] || give_up "$1: no executable zbsplit there (make builds build/zbsplit)"
	"$ZB" --version >/dev/null 2>&1 || note "$ZB --version fails; its rows will show why"
	case $BENCH_ONLY in
	'' | split | csv | regex) ;;
	*)	note "BENCH_ONLY='$BENCH_ONLY' is not split, csv or regex; running every section"
		BENCH_ONLY='' ;;
	esac
	SECTIONS=(split csv regex)
	[[ -z $BENCH_ONLY ]] || SECTIONS=("$BENCH_ONLY")
	KINDS=()
	local s ks k
	for s in "${SECTIONS[@]}"; do
		read -ra ks <<<"${SECTION_KINDS[$s]}"
		for k in "${ks[@]}"; do # (a file two sections use is made once)
			[[ " ${KINDS[*]} " == *" $k "* ]] || KINDS+=("$k")
		done
	done
	BASE=${2:-${BENCH_BASELINE:-}}
	if [[ -n $BASE ]]; then
		[[ $BASE == /* ]] || BASE=$PWD/$BASE
		if [[ ! -x $BASE || -d $BASE ]]; then
			note "baseline '$BASE': no executable there; timing this build alone"
			BASE=''
		fi
	fi
	# the tool column holds "before: " and the longest zbsplit label
	LABEL_W=33
	[[ -z $BASE ]] || LABEL_W=41
}

# ---------------------------------------------------------------- data

# Share of BENCH_MB for each file, in percent, and its name in bench-data/.  The
# split section's files add up to BENCH_MB; each CSV file is four fifths of it (the
# issue's 200 MB at the default 250).  KINDS: the files of the sections that run.
declare -A SECTION_KINDS=([split]="tsv long log utf8" [csv]="csv csvplain" [regex]="log")
KINDS=()
SECTIONS=()
declare -A SHARE=([tsv]=40 [long]=20 [log]=30 [utf8]=10 [csv]=80 [csvplain]=80)
declare -A FILE=([tsv]=$DATA/tsv.tsv [long]=$DATA/long.tsv [log]=$DATA/log.txt [utf8]=$DATA/utf8.txt
	[csv]=$DATA/quoted.csv [csvplain]=$DATA/plain.csv)
DATA_NOTE=''

# gen_awk: the awk that runs gen.awk.  Any awk writes the same bytes (gen.awk has
# its own random numbers); mawk first because it is the fastest.
gen_awk() {
	local a
	for a in mawk gawk awk; do
		command -v "$a" && return 0
	done
	return 1
}

# ensure_data: generate the files of the sections that run, each unless
# bench-data/ already holds it for this BENCH_MB and this gen.awk (its stamp,
# bench-data/STAMP.KIND, is written last, so an interrupted generation is never taken
# for a finished one).  The csv kinds also leave FILE.info: their record count and
# longest record (gen.awk's info=).
ensure_data() {
	local ck awk k t0 t1 failed=0 todo=() reused=() info
	local -A WANT=()
	ck=$(cksum <"$GEN" | cut -d' ' -f1)
	for k in "${KINDS[@]}"; do
		WANT[$k]="kind=$k bytes=$((BENCH_MB * 10000 * SHARE[$k])) gen.awk=$ck"
		if [[ $(cat "$DATA/STAMP.$k" 2>/dev/null) == "${WANT[$k]}" && -s ${FILE[$k]} ]] &&
			[[ $k != csv* || -s ${FILE[$k]}.info ]]; then
			reused+=("$k")
		else
			todo+=("$k")
		fi
	done
	DATA_NOTE="${reused[*]:+reused ${reused[*]} (same BENCH_MB and gen.awk)}"
	((${#todo[@]})) || return 0
	awk=$(gen_awk) || give_up "no awk to generate the data with"
	mkdir -p "$DATA" || give_up "cannot create $DATA"
	rm -f "$DATA/STAMP" # the one stamp for all files of before the csv section
	t0=$(date +%s)
	# The files are independent: generate them in parallel.
	for k in "${todo[@]}"; do
		rm -f "$DATA/STAMP.$k"
		info=''
		[[ $k != csv* ]] || info=${FILE[$k]}.info.tmp
		LC_ALL=C "$awk" -v kind="$k" -v bytes=$((BENCH_MB * 10000 * SHARE[$k])) \
			-v info="$info" -f "$GEN" >"${FILE[$k]}.tmp" &
	done
	for k in "${todo[@]}"; do wait -n || failed=1; done
	if ((failed)); then
		for k in "${todo[@]}"; do rm -f "${FILE[$k]}.tmp" "${FILE[$k]}.info.tmp"; done
		give_up "generating the data with $awk failed"
	fi
	for k in "${todo[@]}"; do
		mv -f "${FILE[$k]}.tmp" "${FILE[$k]}"
		[[ $k != csv* ]] || mv -f "${FILE[$k]}.info.tmp" "${FILE[$k]}.info"
		printf '%s\n' "${WANT[$k]}" >"$DATA/STAMP.$k"
	done
	t1=$(date +%s)
	DATA_NOTE+="${DATA_NOTE:+; }generated ${todo[*]} with $(basename "$awk") in $((t1 - t0)) s"
}

# csv_info FIELD: records= or longest= of the quoted CSV file's .info
csv_info() {
	sed -n "s/.*$1=\\([0-9]*\\).*/\\1/p" "${FILE[csv]}.info" 2>/dev/null
}

fsize() { wc -c <"$1" | tr -d ' '; }
flines() { wc -l <"$1" | tr -d ' '; }

# ---------------------------------------------------------------- tools

# Absolute paths of the peers that are installed; empty when missing.
find_tools() {
	CUT=$(command -v cut || true)
	MAWK=$(command -v mawk || true)
	GAWK=$(command -v gawk || true)
	BUSYBOX=$(command -v busybox || true)
	BB_CUT='' BB_AWK=''
	if [[ -n $BUSYBOX ]]; then
		# busybox may be built without an applet: ask which it has.
		"$BUSYBOX" --list 2>/dev/null | grep -qx cut && BB_CUT=$BUSYBOX
		"$BUSYBOX" --list 2>/dev/null | grep -qx awk && BB_AWK=$BUSYBOX
	fi
	ZSV=$(command -v zsv || true)
	WC=$(command -v wc || true)
	GREP=$(command -v grep || true)
	CAT=$(command -v cat || true)
	# GNU time for peak RSS (-f %M); BSD time has no -f.
	GTIME=''
	if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
		GTIME=/usr/bin/time
	fi
	HYPERFINE=''
	if [[ ${BENCH_NO_HYPERFINE:-0} != 1 ]]; then
		HYPERFINE=$(command -v hyperfine || true)
	fi
}

# version TOOL COMMAND...: the first line of a version report, or "not installed"
version() {
	local name=$1
	shift
	if [[ -z $1 ]]; then
		printf '%s: not installed' "$name"
	else
		printf '%s' "$("$@" 2>&1 | head -n 1)"
	fi
}

print_header() {
	local cmd cpu k
	if [[ -n ${MAKELEVEL:-} ]]; then
		cmd="make bench BENCH_MB=$BENCH_MB${BENCH_ONLY:+ BENCH_ONLY=$BENCH_ONLY}"
	else
		cmd="BENCH_MB=$BENCH_MB${BENCH_ONLY:+ BENCH_ONLY=$BENCH_ONLY} bash bench/run.sh ${ZB#"$TOP"/}"
	fi
	[[ $RUNS == 15 ]] || cmd="$cmd BENCH_RUNS=$RUNS"
	[[ -z $BASE ]] || cmd="BENCH_BASELINE=${BASE#"$TOP"/} $cmd"
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
	echo "zbsplit benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "command:  $cmd"
	echo "machine:  $(uname -m), nproc $(nproc 2>/dev/null || echo '?')${cpu:+, $cpu}, $(uname -s) $(uname -r)"
	echo "locale:   LC_ALL=${LC_ALL:-} LANG=${LANG:-}"
	if [[ -n $HYPERFINE ]]; then
		echo "timing:   $(version hyperfine "$HYPERFINE" --version), --warmup 1 --runs $RUNS, median wall time"
	else
		echo "timing:   plain loop ($([[ ${BENCH_NO_HYPERFINE:-0} == 1 ]] && echo BENCH_NO_HYPERFINE=1 || echo 'hyperfine not installed')), 1 warm-up round + $RUNS rounds, order rotated each round, median wall time"
	fi
	echo "tools:    $(version zbsplit "$ZB" --version)${BASE:+ (${ZB#"$TOP"/})}"
	[[ -z $BASE ]] || echo "          before: $(version zbsplit "$BASE" --version) (${BASE#"$TOP"/})"
	echo "          $(version cut "$CUT" --version)"
	echo "          $(version mawk "$MAWK" -W version)"
	echo "          $(version gawk "$GAWK" --version)"
	echo "          $(version busybox "$BUSYBOX")"
	[[ " ${SECTIONS[*]} " != *" csv "* ]] || echo "          $(version zsv "$ZSV" version)"
	echo "          $(version wc "$WC" --version); peak RSS: $([[ -n $GTIME ]] && echo "GNU time -f %M" || echo "'-' (no GNU /usr/bin/time)")"
	echo "data:     bench-data/, $DATA_NOTE, MB = 10^6 bytes"
	for k in "${KINDS[@]}"; do
		printf '          %-10s %7.1f MB %10s lines\n' "$(basename "${FILE[$k]}")" \
			"$(awk -v b="$(fsize "${FILE[$k]}")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
			"$(flines "${FILE[$k]}")"
	done
	[[ " ${KINDS[*]} " != *" csv "* ]] ||
		echo "          $(basename "${FILE[csv]}"): $(csv_info records) records, the longest $(csv_info longest) bytes"
	echo
}

# ---------------------------------------------------------------- tasks

# A task is a file and rows of (kind, label, command).  Kinds:
#   ref    the zbsplit command the other rows are compared with (one per task)
#   zb     another zbsplit command
#   peer   cut / awk doing the same job; its output is checked against ref's
#   floor  wc -l, cat and the like: a lower bound, not the same job
#   before a ref or zb row run by the baseline (BENCH_BASELINE): added by add itself
TASK='' TASK_FILE=''
T_KIND=() T_LABEL=() T_CMD=()
BASE='' LABEL_W=30

begin_task() {
	TASK=$1 TASK_FILE=$2
	T_KIND=() T_LABEL=() T_CMD=()
}

add() {
	T_KIND+=("$1") T_LABEL+=("$2") T_CMD+=("$3")
	# a zbsplit row gets its baseline row right after it: the same command with the
	# baseline's quoted path in place of this build's
	if [[ -n $BASE && ($1 == ref || $1 == zb) ]]; then
		T_KIND+=(before) T_LABEL+=("before: $2") T_CMD+=("${3/"$(sq "$ZB")"/"$(sq "$BASE")"}")
	fi
}

# add_awks LABEL PROGRAM [-F FS]: one peer row for each installed awk
add_awks() {
	local label=$1 prog=$2
	shift 2
	[[ -n $MAWK ]] && add peer "mawk $label" "$(cmdline "$MAWK" "$@" "$prog" "$TASK_FILE")"
	[[ -n $GAWK ]] && add peer "gawk $label" "$(cmdline "$GAWK" "$@" "$prog" "$TASK_FILE")"
	[[ -n $BB_AWK ]] && add peer "busybox awk $label" "$(cmdline "$BB_AWK" awk "$@" "$prog" "$TASK_FILE")"
	return 0
}

# add_cuts ARG...: GNU (or system) cut and busybox cut with the same arguments
add_cuts() {
	[[ -n $CUT ]] && add peer "cut $*" "$(cmdline "$CUT" "$@" "$TASK_FILE")"
	[[ -n $BB_CUT ]] && add peer "busybox cut $*" "$(cmdline "$BB_CUT" cut "$@" "$TASK_FILE")"
	return 0
}

# add_floors: wc -l (the floor the project's targets are phrased against) and cat
add_floors() {
	[[ -n $WC ]] && add floor "wc -l" "$(cmdline "$WC" -l "$TASK_FILE")"
	[[ -n $CAT ]] && add floor "cat" "$(cmdline "$CAT" "$TASK_FILE")"
	return 0
}

# Each task_* function declares one row group and measures it.
task_f1() {
	begin_task "-f1 tsv" "${FILE[tsv]}"
	add ref "zbsplit -f1" "$(cmdline "$ZB" -f1 "$TASK_FILE")"
	add zb "zbsplit -j 2 -f1" "$(cmdline "$ZB" -j 2 -f1 "$TASK_FILE")"
	add_cuts -f1
	add_awks "'{print \$1}'" '{print $1}' -F '\t'
	add_floors
	measure_task
}

task_f259() {
	begin_task "-f2,5,9 tsv" "${FILE[tsv]}"
	add ref "zbsplit -f2,5,9" "$(cmdline "$ZB" -f2,5,9 "$TASK_FILE")"
	add zb "zbsplit -j 2 -f2,5,9" "$(cmdline "$ZB" -j 2 -f2,5,9 "$TASK_FILE")"
	add_cuts -f2,5,9
	add_awks "'{print \$2,\$5,\$9}'" 'BEGIN { OFS = "\t" } { print $2, $5, $9 }' -F '\t'
	add_floors
	measure_task
}

task_last() {
	begin_task "last field long" "${FILE[long]}"
	add ref "zbsplit -f NF" "$(cmdline "$ZB" -f NF "$TASK_FILE")"
	add zb "zbsplit -f 1000" "$(cmdline "$ZB" -f 1000 "$TASK_FILE")"
	add zb "zbsplit -j 2 -f NF" "$(cmdline "$ZB" -j 2 -f NF "$TASK_FILE")"
	add_cuts -f1000
	add_awks "'{print \$NF}'" '{print $NF}' -F '\t'
	add_floors
	measure_task
}

task_filter() {
	begin_task "--str-eq tsv" "${FILE[tsv]}"
	add ref "zbsplit --str-eq 5:200" "$(cmdline "$ZB" --str-eq 5:200 "$TASK_FILE")"
	add zb "zbsplit -j 2 --str-eq 5:200" "$(cmdline "$ZB" -j 2 --str-eq 5:200 "$TASK_FILE")"
	add_awks "'\$5==\"200\"'" '$5=="200"' -F '\t'
	add_floors
	measure_task
}

# A numeric filter, the everyday awk '$5 >= 400' (the error statuses): it parses a
# number a record, so unlike --str-eq it is bound by the CPU, not by copying.
task_numeric() {
	begin_task "--ge tsv" "${FILE[tsv]}"
	add ref "zbsplit --ge 5:400" "$(cmdline "$ZB" --ge 5:400 "$TASK_FILE")"
	add zb "zbsplit -j 2 --ge 5:400" "$(cmdline "$ZB" -j 2 --ge 5:400 "$TASK_FILE")"
	add_awks "'\$5>=400'" '$5>=400' -F '\t'
	add_floors
	measure_task
}

task_ws() {
	begin_task "-F 3 log" "${FILE[log]}"
	add ref "zbsplit -F 3" "$(cmdline "$ZB" -F 3 "$TASK_FILE")"
	add zb "zbsplit -j 2 -F 3" "$(cmdline "$ZB" -j 2 -F 3 "$TASK_FILE")"
	# The same under two locales: whitespace splitting must not depend on it.
	add zb "LC_ALL=C.UTF-8 zbsplit -F 3" "LC_ALL=C.UTF-8 $(cmdline "$ZB" -F 3 "$TASK_FILE")"
	add zb "LC_ALL=C zbsplit -F 3" "LC_ALL=C $(cmdline "$ZB" -F 3 "$TASK_FILE")"
	add_awks "'{print \$3}'" '{print $3}'
	add_floors
	measure_task
}

task_chars() {
	begin_task "-c 2-20 utf8" "${FILE[utf8]}"
	add ref "zbsplit -c 2-20" "$(cmdline "$ZB" -c 2-20 "$TASK_FILE")"
	add zb "zbsplit -j 2 -c 2-20" "$(cmdline "$ZB" -j 2 -c 2-20 "$TASK_FILE")"
	add_cuts -c 2-20
	[[ -n $CUT ]] && add peer "cut -b 2-20" "$(cmdline "$CUT" -b 2-20 "$TASK_FILE")"
	add_floors
	measure_task
}

task_pipe() {
	begin_task "pipe tsv" "${FILE[tsv]}"
	add ref "zbsplit -f1 | cat" "$(cmdline "$ZB" -f1 "$TASK_FILE") | $(cmdline "$CAT")"
	add zb "zbsplit -j 2 -f1 | cat" "$(cmdline "$ZB" -j 2 -f1 "$TASK_FILE") | $(cmdline "$CAT")"
	add floor "cat | cat" "$(cmdline "$CAT" "$TASK_FILE") | $(cmdline "$CAT")"
	add_floors
	measure_task
}

# task_regex LABEL ERE: --regex 0:ERE on the log against grep -c -E, in the C and
# the C.UTF-8 locale (regexes follow LC_CTYPE).  grep counts (-c) and pipes its one
# line to cat: GNU grep writing to /dev/null stops at the first match, and so would
# time nothing; zbsplit writes every kept record, to /dev/null.
task_regex() {
	local label=$1 ere=$2 loc
	begin_task "--regex $label log" "${FILE[log]}"
	add ref "zbsplit --regex (C)" "LC_ALL=C $(cmdline "$ZB" --regex "0:$ere" "$TASK_FILE")"
	add zb "zbsplit --regex (C.UTF-8)" \
		"LC_ALL=C.UTF-8 $(cmdline "$ZB" --regex "0:$ere" "$TASK_FILE")"
	if [[ -n $GREP && -n $CAT ]]; then
		for loc in C C.UTF-8; do
			add floor "grep -c -E | cat ($loc)" \
				"LC_ALL=$loc $(cmdline "$GREP" -c -E "$ere" "$TASK_FILE") | $(cmdline "$CAT")"
		done
	fi
	add_floors
	measure_task
}

# The regexes of issue 16: two literals alone (no regexec at all), a literal and a
# class (regexec on the 1 in 63 records holding 'page=9'), and a literal in 1 in 8
# records that leaves most of the work to regexec.
task_regexes() {
	task_regex "alternation" 'ERROR|timeout'
	task_regex "literal+class" 'page=9[0-9]{2} '
	task_regex "common literal" 'ERROR.* 5[0-9]{2} '
}

# print_regex_targets: zbsplit --regex over grep -c -E in the same locale, per task;
# the target (issue 16) is at most 1 for patterns with a literal.
print_regex_targets() {
	awk -F '\t' '{ med[$1, $2] = $4 }
	END {
		print ""
		print "regex targets (issue 16): zbsplit --regex 0:ERE / grep -c -E, same locale, medians:"
		n = split("alternation,literal+class,common literal", t, ",")
		for (i = 1; i <= n; i++)
			for (j = 1; j <= 2; j++) {
				loc = j == 1 ? "C" : "C.UTF-8"
				a = med["--regex " t[i] " log", "zbsplit --regex (" loc ")"]
				b = med["--regex " t[i] " log", "grep -c -E | cat (" loc ")"]
				if (a == "" || a == "-" || b == "" || b == "-" || b == 0)
					printf "  %-16s %-8s %8s\n", t[i], loc, "-"
				else
					printf "  %-16s %-8s %6.2f x   at most 1 x   %s\n", t[i], loc, a / b,
						(a / b <= 1 ? "met" : "MISSED")
			}
	}' "$RESULTS"
}

# ---------------------------------------------------------------- the csv section
# (--csv, issue 15).  Its targets, from one alternating run, are checked by
# print_csv_targets against the rows named here, by task and label.

# zsv reads the file on its standard input: the form the issue names,
# "zsv select -n -- 2 5 9"
task_csv_f259() {
	begin_task "-f2,5,9 csv" "${FILE[csv]}"
	add ref "zbsplit --csv -f2,5,9" "$(cmdline "$ZB" --csv -f2,5,9 "$TASK_FILE")"
	add zb "zbsplit -j 2 --csv -f2,5,9" "$(cmdline "$ZB" -j 2 --csv -f2,5,9 "$TASK_FILE")"
	[[ -n $ZSV ]] && add peer "zsv select -n -- 2 5 9" "$(cmdline "$ZSV" select -n -- 2 5 9) <$(sq "$TASK_FILE")"
	add_floors
	measure_task
}

# The same records without a quote: what --csv costs over -d, when no field needs
# it.  cut -d, checks that -d, and --csv write the same bytes here.
task_csv_plain() {
	begin_task "-f2,5,9 csvplain" "${FILE[csvplain]}"
	add ref "zbsplit --csv -f2,5,9" "$(cmdline "$ZB" --csv -f2,5,9 "$TASK_FILE")"
	add zb "zbsplit -d, -f2,5,9" "$(cmdline "$ZB" -d, -f2,5,9 "$TASK_FILE")"
	add_cuts -d, -f2,5,9
	add_floors
	measure_task
}

task_csv_filter() {
	begin_task "--str-eq csv" "${FILE[csv]}"
	add ref "zbsplit --csv --str-eq 5:200" "$(cmdline "$ZB" --csv --str-eq 5:200 "$TASK_FILE")"
	add zb "zbsplit -j 2 --csv --str-eq 5:200" "$(cmdline "$ZB" -j 2 --csv --str-eq 5:200 "$TASK_FILE")"
	add_floors
	measure_task
}

# print_csv_targets: each target of the csv section, the ratio this run gave and
# whether it is met.  A ratio one of whose rows failed or was not run says so.
print_csv_targets() {
	awk -F '\t' -v zsv="${ZSV:+1}" -v longest="$(csv_info longest)" '
	{ med[$1, $2] = $4; prob[$1, $2] = $8; rss[$1, $2] = $6; seen[$1, $2] = 1
	  if ($1 ~ /csv/ && $3 != "before" && $2 ~ /^zbsplit .*--csv/) { nz++; zrow[nz] = $1 SUBSEP $2 } }
	# why(t, l): why row l of task t has no time ("" when it has one)
	function why(t, l) {
		if (!((t, l) in seen)) return "not run"
		if (med[t, l] != "-") return ""
		return (prob[t, l] != "" ? prob[t, l] : "not timed")
	}
	function line(name, value, goal, verdict,    out) {
		out = sprintf("  %-42s %12s   %-34s %s", name, value, goal, verdict)
		sub(/ +$/, "", out)
		print out
	}
	# target(name, ta, la, tb, lb, op, goal): time of row a over row b against goal
	function target(name, ta, la, tb, lb, op, goal,    w, r, verdict) {
		w = why(ta, la)
		if (w == "") w = why(tb, lb)
		if (w != "") {
			line(name, "-", op " " goal " x", (why(ta, la) != "" ? la : lb) ": " w)
			return
		}
		r = med[ta, la] / med[tb, lb]
		line(name, sprintf("%.2f x", r), op " " goal " x", (op == "at most" ? r <= goal : r >= goal) ? "met" : "MISSED")
	}
	END {
		print ""
		print "csv targets (issue 15), ratios of this run'"'"'s medians:"
		line("", "this run", "target", "")
		target("--csv -f2,5,9 / wc -l", "-f2,5,9 csv", "zbsplit --csv -f2,5,9",
			"-f2,5,9 csv", "wc -l", "at most", 3.5)
		if (zsv)
			target("zsv select -n -- 2 5 9 / --csv -f2,5,9", "-f2,5,9 csv", "zsv select -n -- 2 5 9",
				"-f2,5,9 csv", "zbsplit --csv -f2,5,9", "at least", 4)
		else
			line("zsv select -n -- 2 5 9 / --csv -f2,5,9", "-", "at least 4 x", "skipped: zsv not installed")
		target("--csv -f2,5,9 / -d, -f2,5,9 (no quotes)", "-f2,5,9 csvplain", "zbsplit --csv -f2,5,9",
			"-f2,5,9 csvplain", "zbsplit -d, -f2,5,9", "at most", 1.3)
		target("--csv --str-eq 5:200 / wc -l", "--str-eq csv", "zbsplit --csv --str-eq 5:200",
			"--str-eq csv", "wc -l", "at most", 3)
		target("--csv -f2,5,9: -j 1 / -j 2", "-f2,5,9 csv", "zbsplit --csv -f2,5,9",
			"-f2,5,9 csv", "zbsplit -j 2 --csv -f2,5,9", "at least", 1.6)
		# peak RSS: the largest of the --csv rows that ran
		max = -1
		for (k = 1; k <= nz; k++) {
			split(zrow[k], p, SUBSEP)
			if (rss[p[1], p[2]] ~ /^[0-9]+$/ && prob[p[1], p[2]] !~ /^FAILED/ && rss[p[1], p[2]] + 0 > max) {
				max = rss[p[1], p[2]] + 0; maxrow = p[2] " (" p[1] ")"
			}
		}
		goal = 4096 + (longest + 0) / 1024
		name = "peak RSS of the --csv rows"
		if (longest == "")
			line(name, "-", "at most 4 MiB + longest record", "no record length in bench-data/quoted.csv.info")
		else if (max < 0)
			line(name, "-", sprintf("at most %.1f KiB (4 MiB + %d B)", goal, longest), "no --csv row ran, or no GNU time")
		else
			line(name, max " KiB", sprintf("at most %.1f KiB (4 MiB + %d B)", goal, longest),
				(max <= goal ? "met" : "MISSED") ", the largest: " maxrow)
	}' "$RESULTS"
}

# ---------------------------------------------------------------- measuring

RESULTS=''   # TSV: task, label, kind, seconds, bytes, rss, output check, problem
LOG=''       # every command and its timings, for a closer look afterwards
TMP=''

# check_row I: run row I once through sh -c, outside the timing: its exit status,
# the first line of its stderr, its peak RSS (GNU time) and a checksum of its
# output (to compare with the ref row).  Sets C_OK, C_PROBLEM, C_RSS, C_SUM.
check_row() {
	local i=$1 status err
	if [[ -n $GTIME ]]; then
		"$GTIME" -f %M -o "$TMP/rss" sh -c "${T_CMD[i]}" </dev/null 2>"$TMP/err" |
			cksum >"$TMP/sum"
		status=${PIPESTATUS[0]}
		# GNU time writes "Command exited with non-zero status N" before %M.
		C_RSS=$(tail -n 1 "$TMP/rss" 2>/dev/null)
		[[ $C_RSS =~ ^[0-9]+$ ]] || C_RSS='-'
	else
		sh -c "${T_CMD[i]}" </dev/null 2>"$TMP/err" | cksum >"$TMP/sum"
		status=${PIPESTATUS[0]}
		C_RSS='-'
	fi
	C_SUM=$(cat "$TMP/sum")
	err=$(head -n 1 "$TMP/err" | cut -c 1-100)
	C_OK=1 C_PROBLEM=''
	if ((status != 0)); then
		C_OK=0 C_PROBLEM="FAILED, exit $status${err:+: $err}"
	elif [[ -n $err ]]; then
		C_PROBLEM="stderr: $err"
	fi
}

# now_us VAR: wall clock in microseconds into VAR, without a subshell when bash
# has EPOCHREALTIME (its decimal point follows the locale: drop "." or ",").
now_us() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		printf -v "$1" '%s' "${EPOCHREALTIME//[.,]/}"
	else
		printf -v "$1" '%s' "$(date +%s%6N)"
	fi
}

# median: the median of the numbers on stdin
median() {
	sort -n | awk 'NF { v[++n] = $1 }
		END { if (n == 0) exit 1
		      if (n % 2) print v[(n + 1) / 2]; else print (v[n / 2] + v[n / 2 + 1]) / 2 }'
}

# time_loop ROW...: the plain loop.  One warm-up round, then RUNS rounds; each round
# runs every row once, starting one row later than the round before, so slow drift
# and noise on the machine hit every tool alike.  Sets MED[row] in seconds.
time_loop() {
	local rows=("$@") n=$# r k i t0 t1 status
	local -A samples=()
	for ((r = -1; r < RUNS; r++)); do
		for ((k = 0; k < n; k++)); do
			i=${rows[(k + r + n) % n]}
			now_us t0
			eval "${T_CMD[i]}" </dev/null >/dev/null 2>&1
			status=$?
			now_us t1
			((r < 0)) && continue
			((status == 0)) || PROBLEM[i]="exit $status in a timed run"
			samples[$i]+="$((10#$t1 - 10#$t0)) "
		done
	done
	for i in "${rows[@]}"; do
		printf '  %-*s us: %s\n' "$LABEL_W" "${T_LABEL[i]}" "${samples[$i]}" >>"$LOG"
		MED[i]=$(tr ' ' '\n' <<<"${samples[$i]}" | median | awk '{ printf "%.6f", $1 / 1e6 }')
	done
}

# time_hyperfine ROW...: hyperfine with every row of the task in one invocation;
# the medians are read from its JSON export with awk (results come in the order
# of the commands).  Returns 1, reporting why, when hyperfine does not deliver.
time_hyperfine() {
	local rows=("$@") args=() i meds
	for i in "${rows[@]}"; do
		args+=(-n "${T_LABEL[i]}" "${T_CMD[i]} >/dev/null")
	done
	rm -f "$TMP/hf.json"
	if ! "$HYPERFINE" --warmup 1 --runs "$RUNS" --style basic -i \
		--export-json "$TMP/hf.json" "${args[@]}" </dev/null >>"$LOG" 2>&1; then
		note "hyperfine failed on task '$TASK' (see bench-data/last-run.log); the plain loop times this task and the rest"
		HYPERFINE=''
		return 1
	fi
	# One value per result: "median" when this hyperfine writes it, else "mean".
	meds=$(awk '
		/"command":/ { if (n) print (med != "" ? med : mean); n++; med = mean = "" }
		/"median":/  { med = $2 }
		/"mean":/    { mean = $2 }
		END          { if (n) print (med != "" ? med : mean) }' FS='[:,] *' "$TMP/hf.json")
	mapfile -t meds <<<"$meds"
	if ((${#meds[@]} != ${#rows[@]})); then
		note "hyperfine's JSON for task '$TASK' has ${#meds[@]} results for ${#rows[@]} commands; timing it with the plain loop"
		return 1
	fi
	for i in "${!rows[@]}"; do MED[rows[i]]=${meds[i]}; done
}

# measure_task: check every row, time the ones that ran, append them to RESULTS.
measure_task() {
	local i n=${#T_CMD[@]} bytes ref_sum='' check timed=()
	local -a RSS=() SUM=() OK=() PROBLEM=() MED=()
	bytes=$(fsize "$TASK_FILE")
	printf '\n== %s (%s)\n' "$TASK" "$TASK_FILE" >>"$LOG"
	for ((i = 0; i < n; i++)); do
		printf '  %-*s %s\n' "$LABEL_W" "${T_LABEL[i]}" "${T_CMD[i]}" >>"$LOG"
		check_row "$i"
		RSS[i]=$C_RSS SUM[i]=$C_SUM OK[i]=$C_OK PROBLEM[i]=$C_PROBLEM
		[[ ${T_KIND[i]} == ref && $C_OK == 1 ]] && ref_sum=$C_SUM
		((C_OK)) && timed+=("$i")
	done
	if ((${#timed[@]})); then
		if [[ -z $HYPERFINE ]] || ! time_hyperfine "${timed[@]}"; then
			time_loop "${timed[@]}"
		fi
	fi
	for ((i = 0; i < n; i++)); do
		# output: is it byte for byte what the zbsplit ref row wrote?
		case ${T_KIND[i]} in
		ref) check=ref ;;
		floor) check=- ;;
		*) if [[ -z $ref_sum || ${OK[i]} == 0 ]]; then check=-
		   elif [[ ${SUM[i]} == "$ref_sum" ]]; then check=same
		   else check=differs; fi ;;
		esac
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$TASK" "${T_LABEL[i]}" "${T_KIND[i]}" \
			"${MED[i]:--}" "$bytes" "${RSS[i]}" "$check" "${PROBLEM[i]}" >>"$RESULTS"
	done
}

# ---------------------------------------------------------------- report

# print_table: one row per command, grouped by task.  x zbsplit is the row's time
# over the task's zbsplit (ref) time; x wc -l is over the task's wc -l time.  With a
# baseline, a last summary gives each zbsplit row's time over its "before:" row's.
print_table() {
	awk -F '\t' -v w="$LABEL_W" '
	function ratio(a, b) { return (a == "-" || b == "" || b == "-" || b + 0 == 0) ? "-" : sprintf("%.2f", a / b) }
	{ row[NR] = $0; task[NR] = $1
	  if ($3 == "ref") ref[$1] = $4
	  if ($2 == "wc -l") wc[$1] = $4 }
	END {
		fmt = "%-16s %-" w "s %9s %8s %9s %8s %9s  %s\n"
		printf fmt, "task", "tool", "median s", "MB/s", "x zbsplit", "x wc -l", "RSS KB", "output"
		printf fmt, "----", "----", "--------", "----", "---------", "-------", "------", "------"
		for (r = 1; r <= NR; r++) {
			split(row[r], f, "\t")
			t = f[1]
			shown = (t == last) ? "" : t
			if (t != last && r > 1) print ""
			last = t
			if (f[4] == "-") {
				printf "%-16s %-" w "s %s\n", shown, f[2], (f[8] != "" ? f[8] : "not timed")
				if (f[3] == "before") { nb++; btask[nb] = t; blabel[nb] = substr(f[2], 9); bratio[nb] = "- (not timed)" }
				tm[t, f[2]] = "-"
				if (f[3] == "ref") { nf++; ftask[nf] = t; fratio[nf] = "- (zbsplit failed)" }
				continue
			}
			mbs = (f[4] + 0 > 0) ? sprintf("%.0f", f[5] / 1e6 / f[4]) : "-"
			printf fmt, shown, f[2], sprintf("%.4f", f[4]), mbs,
				ratio(f[4], ref[t]), ratio(f[4], wc[t]), f[6], f[7] (f[8] != "" ? "  (" f[8] ")" : "")
			if (f[3] == "ref") { nf++; ftask[nf] = t; fratio[nf] = ratio(f[4], wc[t]) }
			if (f[2] ~ /^zbsplit -j 2 /) { nj++; jtask[nj] = t; jratio[nj] = ratio(f[4], ref[t]) }
			tm[t, f[2]] = f[4]
			if (f[3] == "before") {
				# the row of this build with the same arguments came just before
				nb++; btask[nb] = t; blabel[nb] = substr(f[2], 9)
				bratio[nb] = ratio(tm[t, blabel[nb]], f[4])
			}
		}
		print ""
		print "zbsplit / wc -l on the same file (the floor the targets are phrased against):"
		for (k = 1; k <= nf; k++)
			printf "  %-16s %s\n", ftask[k], fratio[k] (fratio[k] ~ /^-/ ? "" : " x")
		if (nj > 0) {
			print ""
			print "zbsplit -j 2 / zbsplit (-j 1) on the same task (below 1: -j 2 is faster):"
			for (k = 1; k <= nj; k++)
				printf "  %-16s %s\n", jtask[k], jratio[k] (jratio[k] ~ /^-/ ? "" : " x")
		}
		if (nb > 0) {
			print ""
			print "this zbsplit / the baseline (before:), same arguments, same rounds (below 1: this build is faster):"
			for (k = 1; k <= nb; k++)
				printf "  %-16s %-" w "s %s\n", btask[k], blabel[k], bratio[k] (bratio[k] ~ /^-/ ? "" : " x")
		}
	}' "$RESULTS"
	cat <<-'EOF'

	x zbsplit: the row's time / the task's first zbsplit row (above 1: zbsplit is faster).
	x wc -l: the row's time / wc -l on the same file.  RSS KB: peak resident set (GNU time %M).
	output: the row's output compared byte for byte with the first zbsplit row's
	(cut -c of GNU coreutils 9.1 and of busybox counts bytes, so it differs on UTF-8 text).
	EOF
	[[ " ${SECTIONS[*]} " != *" csv "* ]] || cat <<-'EOF'
	csv: the ref row is --csv.  On plain.csv no field needs quotes, so -d, and cut -d,
	must write its bytes; zsv quotes by its own rules, so "differs" there is a hint only.
	EOF
	[[ -z $BASE ]] || cat <<-'EOF'
	before: the zbsplit row above it run by the baseline build (BENCH_BASELINE); its
	x zbsplit against this build's ref shows before and after directly.
	EOF
}

main() {
	check_settings "$@"
	ensure_data
	find_tools
	TMP=$(mktemp -d) || give_up "mktemp -d failed"
	trap 'rm -rf "$TMP"' EXIT
	RESULTS=$TMP/results.tsv
	LOG=$DATA/last-run.log
	: >"$RESULTS"
	: >"$LOG"
	print_header
	if [[ " ${SECTIONS[*]} " == *" split "* ]]; then
		task_f1
		task_f259
		task_last
		task_filter
		task_numeric
		task_ws
		task_chars
		task_pipe
	fi
	[[ " ${SECTIONS[*]} " != *" regex "* ]] || task_regexes
	if [[ " ${SECTIONS[*]} " == *" csv "* ]]; then
		task_csv_f259
		task_csv_plain
		task_csv_filter
	fi
	print_table
	[[ " ${SECTIONS[*]} " != *" regex "* ]] || print_regex_targets
	[[ " ${SECTIONS[*]} " != *" csv "* ]] || print_csv_targets
	echo
	echo "every command and its timings: bench-data/last-run.log"
	exit 0
}

main "$@"
