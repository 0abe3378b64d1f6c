#!/usr/bin/env python3
"""Reference for `zbsplit --csv` (tests/csv.bats), written from the specification
of issue 15 and independent of zbsplit's code: python's csv module reads and writes,
this file only selects.

  csv_ref.py [OPTION]... FILE...   what `zbsplit --csv [OPTION]... FILE...` writes
  csv_ref.py batch CASES OUTDIR    each line of CASES is the words of one such
                                   command, TAB-separated; its output goes to
                                   OUTDIR/N for the Nth line (one process for a
                                   test's cases)

Options (zbsplit's spelling; --csv is accepted and ignored, and so is --csv=strict:
the reference is right for it on well-formed input only):
  -f LIST         items N, N-M, N-, -M, NF, NF-k, ranges with NF bounds (NF-2-NF),
                  header names (bare, or "quoted" with \\" and \\\\) alone or as
                  range ends; no -f: every field
  --complement    the fields no item names, in input order
  -s              drop one-field records (never the header)
  -d C, -O C      input and output delimiter, one byte (escapes \\t, \\\\, \\xHH)
  --tsv-out       TSV: values joined by TAB, TAB LF CR and backslash escaped
  -H              the first record of each input is the header (written once)
  --str-eq F:S, --str-ne F:S, --contains F:S
                  F is N, NF, NF-k or a name (not 0); a missing field is empty

The rules: items are written in LIST order, never merged; a single-field item
writes one value on every record (empty where the record lacks it); a range
writes the fields of it the record has.  No cut rule for records without a
delimiter.  Output is csv.writer's with lineterminator '\\r\\n' (so that a CR in a
value is quoted), each record's final '\\r\\n' turned into '\\n'.  Bytes are read
and written as latin-1: every byte is one character, NUL and invalid UTF-8 are data.
"""
import csv
import io
import os
import re
import sys

csv.field_size_limit(sys.maxsize)  # a field may be any size
BOM = "\xef\xbb\xbf"  # EF BB BF, decoded as latin-1
NAME = r'"(?:[^"\\]|\\.)*"|[^-,:"\s\d][^-,:"\s]*'
BOUND = r"NF(?:-\d+)?|\d+|" + NAME
ITEM = re.compile("(" + BOUND + ")?(-(" + BOUND + ")?)?(?:,|$)")


def unescape(text):
    """The escapes of -d and of a predicate's string: \\t \\n \\r \\\\ \\xHH."""
    simple = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
    return re.sub(r"\\(x[0-9a-fA-F]{2}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "x"
                  else simple[m.group(1)], text)


def one_char(arg):
    c = unescape(arg)
    if len(c) != 1 or c in '"\r\n':
        sys.exit("csv_ref.py: bad delimiter %r" % arg)
    return c


def bound(text, names):
    """A bound as a function of NF (None when omitted)."""
    if text is None:
        return None
    if text.startswith("NF"):
        k = int(text[3:] or 0)
        return lambda nf: nf - k
    if text[0].isdigit():
        return lambda nf: int(text)
    if text[0] == '"':
        text = re.sub(r"\\(.)", r"\1", text[1:-1])
    k = names.index(text) + 1  # the first field of that name
    return lambda nf: k


def parse_list(text, names):
    """[(lo, hi, single)]: lo and hi functions of NF."""
    items, pos = [], 0
    while pos < len(text):
        m = ITEM.match(text, pos)
        if not m or not (m.group(1) or m.group(2)):
            sys.exit("csv_ref.py: bad list %r" % text)
        pos = m.end()
        lo = bound(m.group(1), names) or (lambda nf: 1)
        if m.group(2):
            items.append((lo, bound(m.group(3), names) or (lambda nf: nf), False))
        else:
            items.append((lo, lo, True))
    return items


def select(values, items, complement):
    nf = len(values)
    if items is None:
        return values
    spans = [(max(lo(nf), 1), min(hi(nf), nf), single) for lo, hi, single in items]
    if complement:
        named = {i for a, b, _ in spans for i in range(a, b + 1)}
        return [v for i, v in enumerate(values, 1) if i not in named]
    out = []
    for (a, b, single), (lo, _, _) in zip(spans, items):
        if single:  # one value, empty where the record has no such field
            k = lo(nf)
            out.append(values[k - 1] if 1 <= k <= nf else "")
        else:  # the fields of the range that the record has
            out.extend(values[i - 1] for i in range(a, b + 1))
    return out


def pred_value(values, field, names):
    if field == "0":
        sys.exit("csv_ref.py: field 0 (the raw record) is not covered")
    k = bound(field, names)(len(values))
    return values[k - 1] if 1 <= k <= len(values) else ""


TESTS = {
    "--str-eq": lambda v, s: v == s,
    "--str-ne": lambda v, s: v != s,
    "--contains": lambda v, s: s in v,
}


def split_pred(arg):
    """F:S, F possibly a quoted name holding a colon."""
    m = re.match(r'("(?:[^"\\]|\\.)*"|[^:]*):', arg)
    return m.group(1), unescape(arg[m.end():])


def records(path, delim):
    """The records of FILE as csv.reader reads them, [] rows (blank lines) skipped;
    and whether the input starts with a UTF-8 BOM."""
    with open(path.encode("latin-1"), "rb") as f:
        data = f.read()
    text = io.TextIOWrapper(io.BytesIO(data), encoding="latin-1", newline="")
    return [r for r in csv.reader(text, delimiter=delim) if r], data.startswith(b"\xef\xbb\xbf")


def csv_line(values, delim):
    """One record as csv.writer writes it with lineterminator '\\r\\n', which
    quotes a value holding CR or LF; its final '\\r\\n' becomes '\\n'."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator="\r\n").writerow(values)
    line = buf.getvalue()
    assert line.endswith("\r\n")
    return line[:-2] + "\n"


def tsv(values):
    esc = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"}
    return "\t".join("".join(esc.get(c, c) for c in v) for v in values) + "\n"


def run(args):
    delim, out_delim, list_text = ",", None, None
    complement = only_delimited = header = tsv_out = False
    preds, files = [], []
    args = list(args)
    while args:
        a = args.pop(0)
        if a in ("--csv", "--csv=strict"):
            pass  # strict reads well-formed input as lenient does: only for that
        elif a == "-f":
            list_text = args.pop(0)
        elif a == "--complement":
            complement = True
        elif a == "-s":
            only_delimited = True
        elif a == "-d":
            delim = one_char(args.pop(0))
        elif a == "-O":
            out_delim = one_char(args.pop(0))
        elif a == "--tsv-out":
            tsv_out = True
        elif a == "-H":
            header = True
        elif a in TESTS:
            field, value = split_pred(args.pop(0))
            preds.append((TESTS[a], field, value))
        elif a.startswith("-") and a != "-":
            sys.exit("csv_ref.py: option %s is not covered" % a)
        else:
            files.append(a)
    out = []

    def write(values):
        out.append(tsv(values) if tsv_out else csv_line(values, out_delim or delim))

    names, items = None, None
    if list_text is not None and not header:
        items = parse_list(list_text, [])
    for path in files:
        recs, bom = records(path, delim)
        if header and recs:
            first, recs = recs[0], recs[1:]
            if names is None:  # the first header: names, and written once
                names = list(first)
                if bom and names[0].startswith(BOM):
                    names[0] = names[0][len(BOM):]
                if list_text is not None:
                    items = parse_list(list_text, names)
                write(select(first, items, complement))
        for values in recs:
            if only_delimited and len(values) == 1:
                continue
            if all(test(pred_value(values, f, names or []), s) for test, f, s in preds):
                write(select(values, items, complement))
    return "".join(out).encode("latin-1")


def argv_text(word):
    """A command-line word as latin-1 text: each of its bytes one character."""
    return os.fsencode(word).decode("latin-1")


def batch(cases, outdir):
    with open(cases, "rb") as f:
        for n, line in enumerate(f, 1):
            words = line.rstrip(b"\n").rstrip(b"\t").split(b"\t")
            with open("%s/%d" % (outdir, n), "wb") as out:
                out.write(run([w.decode("latin-1") for w in words]))


if __name__ == "__main__":
    if sys.argv[1:2] == ["batch"]:
        batch(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.buffer.write(run([argv_text(w) for w in sys.argv[1:]]))
