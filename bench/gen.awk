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
#   csv   CSV (RFC 4180, LF line ends), 10 fields a record, ~114 bytes a record;
#         about a fifth of the fields are quoted: of the quoted text fields
#         (3, 7, 8 and 10) half hold the delimiter, a quarter doubled quotes, and
#         one in 500 a line feed; field 5 is an HTTP status, "200" on ~70% of
#         records (quoted or not: --csv --str-eq 5:200 keeps them)
#   csvplain  the same records without a quote: where csv has a quoted field,
#         its text with ";" for the delimiter, "'" for the quote and a blank for
#         the line feed, unquoted (so -d, and --csv read the same fields)
#
# With -v info=FILE the csv kinds also write "records=N longest=M" to FILE: the
# records written and the bytes of the longest one (its line end included), for
# run.sh's peak RSS target (4 MiB plus the longest record).

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

# csv_field(v, text): field v of a csv or csvplain record.  Every field is quoted
# one time in five; a quoted text field (text = 1) may also be given the
# delimiter, doubled quotes or a line feed, which in csvplain are written as ";",
# "'" and a blank.
function csv_field(v, text,    r, w) {
	if (rnd(5))
		return v
	if (text) {
		r = rnd(1000)
		w = pick(words_csv, n_words_csv)
		if (r < 2)
			v = v (plain ? " " : "\n") w
		else if (r < 502)
			v = v (plain ? "; " : ", ") w
		else if (r < 752)
			v = v (plain ? " '" w "'" : " \"\"" w "\"\"")
	}
	return plain ? v : "\"" v "\""
}

function gen_csv(    line, n) {
	line = csv_field(NR_OUT, 0) "," \
	    csv_field(sprintf("2026-11-%02dT%02d:%02d:%02d", 1 + rnd(28), rnd(24), rnd(60), rnd(60)), 0) "," \
	    csv_field(pick(names, n_names), 1) "," \
	    csv_field(pick(methods, n_methods), 0) "," \
	    csv_field(pick(statuses, n_statuses), 0) "," \
	    csv_field(rnd(100000), 0) "," \
	    csv_field(pick(paths, n_paths) rnd(10000), 1) "," \
	    csv_field(pick(agents, n_agents), 1) "," \
	    csv_field(rnd(2000), 0) "," \
	    csv_field(pick(notes, n_notes), 1)
	print line
	n = length(line) + 1
	if (n > longest)
		longest = n
	return n
}

BEGIN {
	seed = 20261125
	if (bytes + 0 <= 0 || kind !~ /^(tsv|long|log|utf8|csv|csvplain)$/) {
		print "usage: awk -v kind=tsv|long|log|utf8|csv|csvplain -v bytes=N [-v info=FILE] -f gen.awk" > "/dev/stderr"
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

	# the csv kinds: customers' names, free-text notes, and the words that
	# csv_field adds to a quoted text field after the delimiter, in doubled
	# quotes or after a line feed
	n_names = load(names, "Smith_John Garcia_Maria Müller_Jürgen Nguyen_Anh O'Brien_Pat Kowalski_Jan Tanaka_Yuki Dubois_Claire")
	for (j = 0; j < n_names; j++)
		sub(/_/, " ", names[j])
	n_notes = load(notes, "ok retried timeout cache_miss slow_client redirected bad_gateway payload_too_large")
	for (j = 0; j < n_notes; j++)
		gsub(/_/, " ", notes[j])
	n_words_csv = load(words_csv, "beta legacy VIP test eu-west-1 retry v2")
	plain = (kind == "csvplain")

	total = 0
	for (NR_OUT = 1; total < bytes; NR_OUT++) {
		if (kind == "tsv") total += gen_tsv()
		else if (kind == "long") total += gen_long()
		else if (kind == "log") total += gen_log()
		else if (kind == "utf8") total += gen_utf8()
		else total += gen_csv()
	}
	if (info != "" && kind ~ /^csv/) {
		printf "records=%d longest=%d\n", NR_OUT - 1, longest > info
		close(info)
	}
	exit 0
}
