# bench/gen.awk: write one deterministic benchmark data file for bench/run.sh.
#
#   LC_ALL=C awk -v kind=tsv|long|log|utf8 -v bytes=N -f bench/gen.awk > FILE
#
# Writes whole lines until at least N bytes are written.  The random numbers
# come from our own Park-Miller "minimal standard" generator with a fixed seed
# instead of srand()/rand(): rand() differs between mawk, gawk and busybox awk,
# and this one is exact in any awk (seed * 48271 < 2^47 fits a double), so every
# awk writes the same bytes for the same kind and size.
#
# kinds:
#   tsv   access-log-like TSV, 10 fields, ~100 bytes a line; field 5 is an HTTP
#         status, "200" on ~70% of lines (for the --str-eq 5:200 filter)
#   long  1000 tab-separated fields a line, ~20 KB a line; field 1000 is "end<N>"
#   log   whitespace-aligned application log: a right-aligned pid (so lines
#         start with blanks, as in ps or ls -l output), a time, the level as
#         field 3, then space-padded columns
#   utf8  text of mostly multi-byte UTF-8 words (2, 3 and 4 byte characters)

function rnd(n) {
	seed = (seed * 48271) % 2147483647
	return seed % n
}

# pick(pool, n): a random element of pool[0..n-1]
function pick(pool, n) {
	return pool[rnd(n)]
}

# split a space-separated word list into pool[0..], returning the count
function load(pool, words,    tmp, n, i) {
	n = split(words, tmp, " ")
	for (i = 1; i <= n; i++)
		pool[i - 1] = tmp[i]
	return n
}

function gen_tsv(    line) {
	line = NR_OUT "\t" \
	    sprintf("2026-11-%02dT%02d:%02d:%02d", 1 + rnd(28), rnd(24), rnd(60), rnd(60)) "\t" \
	    "10." rnd(256) "." rnd(256) "." rnd(256) "\t" \
	    pick(methods, n_methods) "\t" \
	    pick(statuses, n_statuses) "\t" \
	    rnd(100000) "\t" \
	    pick(paths, n_paths) rnd(10000) "\t" \
	    pick(agents, n_agents) "\t" \
	    rnd(2000) "\t" \
	    pick(regions, n_regions)
	print line
	return length(line) + 1
}

function gen_long(    i, f, written) {
	written = 0
	for (i = 1; i < 1000; i++) {
		f = pick(cells, n_cells)
		printf "%s\t", f
		written += length(f) + 1
	}
	f = "end" NR_OUT
	print f
	return written + length(f) + 1
}

function gen_log(    line, lvl) {
	lvl = pick(levels, n_levels)
	line = sprintf("%7d %02d:%02d:%02d.%03d %-5s %-14s %-6s %-26s %3s %6dms", \
	    1 + rnd(99999), rnd(24), rnd(60), rnd(60), rnd(1000), lvl, \
	    pick(components, n_components), pick(methods, n_methods), \
	    pick(paths, n_paths) rnd(1000), pick(statuses, n_statuses), rnd(30000))
	print line
	return length(line) + 1
}

function gen_utf8(    line, i, n) {
	n = 8 + rnd(8)
	line = pick(words, n_words)
	for (i = 1; i < n; i++)
		line = line " " pick(words, n_words)
	print line
	return length(line) + 1
}

BEGIN {
	seed = 20261125
	if (bytes + 0 <= 0 || kind !~ /^(tsv|long|log|utf8)$/) {
		print "usage: awk -v kind=tsv|long|log|utf8 -v bytes=N -f gen.awk" > "/dev/stderr"
		exit 2
	}
	# 200 is 7 of 10 entries: ~70% of TSV lines match --str-eq 5:200.
	n_statuses = load(statuses, "200 200 200 200 200 200 200 404 500 301")
	n_methods = load(methods, "GET GET GET GET POST POST PUT DELETE")
	n_paths = load(paths, "/api/v1/users/ /api/v1/orders/ /static/js/app.js?v= /index.html?page= /api/v2/search?q= /healthz?n= /img/logo.png?s=")
	n_agents = load(agents, "curl/8.5.0 Mozilla/5.0 Wget/1.21.3 python-requests/2.31 Go-http-client/2.0")
	n_regions = load(regions, "eu-west-1 us-east-1 us-west-2 ap-south-1 sa-east-1")
	n_levels = load(levels, "INFO INFO INFO INFO DEBUG DEBUG WARN ERROR")
	n_components = load(components, "api.users db.pool cache.redis auth.session http.server worker.queue")
	n_words = load(words, "naïve café Straße über façade smörgåsbord jalapeño Ångström " \
	    "日本語 中文字符 東京 한국어 русский язык ελληνικά עברית العربية हिन्दी " \
	    "😀 🎉emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ascii text €100 ±0.5 →next")
	# 997 cells of 10..28 bytes, average ~19: 1000 of them make ~20 KB lines
	alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for (n_cells = 0; n_cells < 997; n_cells++) {
		cell = ""
		len = 10 + rnd(19)
		for (j = 0; j < len; j++)
			cell = cell substr(alnum, 1 + rnd(62), 1)
		cells[n_cells] = cell
	}

	total = 0
	for (NR_OUT = 1; total < bytes; NR_OUT++) {
		if (kind == "tsv") total += gen_tsv()
		else if (kind == "long") total += gen_long()
		else if (kind == "log") total += gen_log()
		else total += gen_utf8()
	}
	exit 0
}
