#!/usr/bin/env bats
# Beyond one machine (man/zbsplit.1, SCALING OUT): GNU parallel cuts a file into parts
# at record ends and runs zbsplit on each part.  Every recipe the man page gives must
# write exactly what one plain zbsplit run writes on the whole file; the reference is
# that plain run, and each test also shows that a wrong recipe gives a different output.

load test_helper

# The data, made once: about 0.5 MB in ~25 parts of 8 KB (--block 8k; every part is a
# job of its own, and a part costs parallel a few processes), with four records of
# 50-100 KB that are far longer than a part, CRLF line ends on some records,
# records without a TAB (for -s), multi-byte UTF-8, and no newline at the very end.
setup_file() {
	"$PYTHON" - "$BATS_FILE_TMPDIR" <<-'EOF'
		import random, sys
		r = random.Random(7)
		with open(sys.argv[1] + '/big.tsv', 'wb') as f:
		    f.write(b'id\tname\tcity\tstatus\tnote\r\n')
		    for i in range(1, 4001):
		        if i % 1000 == 0:
		            note = b'x' * r.randint(50000, 100000)
		        else:
		            note = bytes(r.choice(b'abc de\xc3\xa9') for _ in range(r.randint(0, 40)))
		        eol = b'\r\n' if i % 7 == 0 else b'\n'
		        if i % 13 == 0:
		            f.write(b'no-tab-%d' % i + eol)
		            continue
		        city = r.choice([b'London', b'Paris', b'Oslo', b''])
		        status = r.choice([b'200', b'404', b'500', b'503'])
		        f.write(b'\t'.join([b'%d' % i, b'n%d' % i, city, status, note]) + eol)
		    f.write(b'last\tline\tOslo\t500\tno newline')
		# NUL-terminated records with newlines inside them, as find -print0 writes names
		with open(sys.argv[1] + '/names.z', 'wb') as f:
		    f.write(b'top/name\0')
		    for i in range(1, 4001):
		        f.write(b'dir%d/sub\nwith newline/file%d\0' % (i % 17, i))
	EOF
}

setup() {
	if ! parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
		skip "GNU parallel is not installed (Debian package parallel)"
	fi
	# parallel keeps its state (and the flag that silences its citation notice) under
	# HOME: give it a scratch one, so that a test run leaves nothing behind
	export HOME="$BATS_TEST_TMPDIR/home"
	mkdir -p "$HOME/.parallel"
	touch "$HOME/.parallel/will-cite"
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	ln -sf "$ZBSPLIT" "$BATS_TEST_TMPDIR/bin/zbsplit"
	export PATH="$BATS_TEST_TMPDIR/bin:$PATH"
	BIG="$BATS_FILE_TMPDIR/big.tsv"
	NAMES="$BATS_FILE_TMPDIR/names.z"
	cd "$BATS_TEST_TMPDIR"
}

# parts: the number of parts parallel cuts the big file into.
parts() {
	parallel --pipepart -a "$BIG" --block 8k -k 'echo {#}' | wc -l
}

# same_as_plain ARGS: `parallel --pipepart ... zbsplit ARGS` writes what `zbsplit ARGS`
# writes on the whole file.  ARGS is one string, as parallel hands it to a shell.
same_as_plain() {
	eval "zbsplit $1 \"\$BIG\"" >want
	[ -s want ]
	parallel --pipepart -a "$BIG" --block 8k -k "zbsplit $1" >got
	same_bytes want got "parallel --pipepart zbsplit $1"
}

@test "scaleout: the data is cut into many parts, some records longer than a part" {
	[ "$(parts)" -ge 20 ]
	[ "$("$AWK" '{ if (length($0) > m) m = length($0) } END { print m }' "$BIG")" -gt 40000 ]
	grep -q $'\r$' "$BIG"
	[ "$(tail -c 1 "$BIG")" = e ] # no newline at the end
	# each part ends at a newline, so the parts together are the file, byte for byte
	parallel --pipepart -a "$BIG" --block 8k -k cat >parts
	cmp "$BIG" parts
	# and every part but the last ends with a newline: no record is cut in two
	parallel --pipepart -a "$BIG" --block 8k -k 'tail -c 1 | od -An -c' >ends
	[ "$(sort ends | uniq -c | "$AWK" '{ print $1, $2 }')" = "1 e
$(($(wc -l <ends) - 1)) \\n" ]
}

@test "scaleout: parallel --pipepart -k zbsplit = zbsplit, for each kind of selection" {
	same_as_plain '-f 1,4'
	same_as_plain '-f NF,2 -O " | "'
	same_as_plain '-s -f 3'
	same_as_plain '-c 2-6,9'
	same_as_plain '-b 1-7 -n'
	same_as_plain '-F 2,1'
	same_as_plain '-d "\t" -t -f 5 --complement'
}

@test "scaleout: parallel --pipepart -k zbsplit = zbsplit, with predicates" {
	same_as_plain '--str-eq 3:London'
	same_as_plain '-f 2 --ge 4:500 --str-ne 3:Oslo'
	same_as_plain '-f 1 -v --contains 5:x --or --empty 3'
	same_as_plain '-s -f 1,3 --regex "5:^a"'
}

@test "scaleout: without -k the parts come back in another order" {
	# what -k is for: the same records, in the order the jobs finish
	zbsplit -f 1 "$BIG" >want
	# the first part waits a second, so it finishes after the others whatever the load
	parallel --pipepart -a "$BIG" --block 8k -j 4 \
		'if [ {#} -eq 1 ]; then sleep 1; fi; zbsplit -f 1' >got
	cmp <(sort want) <(sort got)
	# the first record of the file (the header's first field) is not the first written
	[ "$(head -n 1 want)" = id ]
	[ "$(head -n 1 got)" != id ]
}

@test "scaleout: -z needs --recend '\\0' so that parts end at a NUL" {
	zbsplit -z -d/ -f 1,NF "$NAMES" >want
	parallel --pipepart -a "$NAMES" --block 8k -k --recend '\0' zbsplit -z -d/ -f 1,NF >got
	same_bytes want got "--recend '\\0'"
	# cut at newlines (the default), records are broken in two
	parallel --pipepart -a "$NAMES" --block 8k -k zbsplit -z -d/ -f 1,NF >bad
	! cmp -s want bad
}

# header_recipe ARGS: the man page's recipe for -H, the header once and then every part
# with its own copy of the header (--header 1), which zbsplit reads and tail drops.
header_recipe() {
	{ head -n 1 "$BIG" | zbsplit -H $1 &&
		parallel --pipepart -a "$BIG" --block 8k -k --header 1 "zbsplit -H $1 | tail -n +2"; }
}

@test "scaleout: -H, with the header given to every part, written once" {
	for args in '-f name,status --str-eq city:London' '-f note,id' '-s -f city' \
		'--ge status:500' '-t -f id --empty city'; do
		zbsplit -H $args "$BIG" >want
		header_recipe "$args" >got
		same_bytes want got "header recipe: $args"
	done
	# parallel's --header alone leaves a header at the top of every part's output
	parallel --pipepart -a "$BIG" --block 8k -k --header 1 zbsplit -H -f note,id >bad
	[ "$(grep -c $'^note\r\tid$' bad)" -eq "$(parts)" ]
	# and without --header the first record of each part is taken for a header
	run parallel --pipepart -a "$BIG" --block 8k -k zbsplit -H -f note,id
	[ "$status" -ne 0 ]
	[[ "$output" == *"zbsplit: no field named 'note' in the header"* ]]
}

@test "scaleout: -H -z, with a header regexp that ends at the first NUL" {
	zbsplit -z -H -d/ -f 1,name "$NAMES" >want
	{ head -z -n 1 "$NAMES" | zbsplit -z -H -d/ -f 1,name &&
		parallel --pipepart -a "$NAMES" --block 8k -k --recend '\0' --header '[^\0]*\0' \
			'zbsplit -z -H -d/ -f 1,name | tail -z -n +2'; } >got
	same_bytes want got "-H -z"
}

@test "scaleout: a misspelt name stops the header recipe before any part runs" {
	run header_recipe '-f nmae'
	[ "$status" -eq 2 ]
	[ "$output" = "zbsplit: no field named 'nmae' in the header of standard input (its fields: id, name, city, status, note)
Try 'zbsplit --help' for more information." ]
}

@test "scaleout: --sshlogin, with a stand-in for ssh that runs the remote side here" {
	# No ssh server here: this ssh runs the command that parallel sends to the host in a
	# local shell, so parallel's remote path (its worker, the quoting of the command,
	# the part on the remote's stdin) runs, only without the network.
	# sshd gives the remote command the user's login shell in SHELL, and parallel's worker
	# runs the job with "$SHELL" (without one it runs nothing, silently, and exits 0: CI's
	# environment has no SHELL), so the stand-in sets it as sshd would.
	cat >ssh <<-'EOF'
		#!/bin/sh
		SHELL=/bin/sh
		export SHELL
		echo "$1" >>"${0%/*}/hosts"
		shift
		[ "$1" = -- ] && shift
		exec sh -c "$*"
	EOF
	chmod +x ssh
	zbsplit -f 2,4 -O ' ' --str-eq 3:Paris "$BIG" >want
	parallel --ssh "$PWD/ssh" --sshlogin host1,host2 --pipepart -a "$BIG" --block 8k -k \
		zbsplit -f 2,4 -O "' '" --str-eq 3:Paris >got
	same_bytes want got "--sshlogin"
	grep -qx host1 hosts
	grep -qx host2 hosts
}
