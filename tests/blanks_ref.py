#!/usr/bin/env python3
"""Reference for blank splitting (-w, -w=trimmed, -F), written from man/zbsplit.1
and independent of zbsplit's code; and the data generator of tests/blanks_diff.bats.

  blanks_ref.py gen SEED OUT [noeol]   hard cases for blank splitting into OUT
  blanks_ref.py select [--trimmed] [--complement] [-s] [-O DELIM] [-z]
                       [--strip CHARS] [--str-eq F:VALUE]... LIST FILE
  blanks_ref.py batch CASES OUTDIR     each line of CASES is the words of a
                                       select (from "select" on), TAB-separated;
                                       its output goes to
                                       OUTDIR/N for the Nth line (one process
                                       for a test's cases)

LIST is a comma list of N, N-M, N-, NF and NF-k items, or "none"
(records are written whole); items may overlap only where they name one field (a
field named twice is written once, where first named, as zbsplit merges them).
F is a field (N, NF, NF-k) or 0 for the record.
"""
import random
import re
import sys

BLANK_RUN = re.compile(rb"[ \t]+")


def gen(seed, out, final_newline):
    rnd = random.Random(seed)
    words = [b"GET", b"a", b"x\x00y", b"\x00", b"caf\xc3\xa9", b"-", b"12.5", b"\r",
             b"\v", b"\f", b"q\"z", b"/p?a=b", b"\xff\xfe"]

    def blanks():
        return bytes(rnd.choice(b" \t") for _ in range(rnd.choice([1, 1, 1, 2, 3, 5, 9])))

    def record(nwords):
        parts = [blanks()] if rnd.random() < 0.3 else []
        for i in range(nwords):
            parts.append(rnd.choice(words) + (b"%d" % rnd.randrange(1000)
                                              if rnd.random() < 0.3 else b""))
            if i < nwords - 1:
                parts.append(blanks())
        if rnd.random() < 0.3:
            parts.append(blanks())
        return b"".join(parts)

    recs = []
    for _ in range(500):
        kind = rnd.random()
        if kind < 0.05:
            recs.append(b"")
        elif kind < 0.10:
            recs.append(blanks())
        elif kind < 0.15:
            recs.append(record(1) + b"\r")  # CRLF: the CR is written with the last field
        else:
            recs.append(record(rnd.randrange(1, 10)))
    # very long records: many fields, and one without any blank
    recs.insert(rnd.randrange(len(recs)), record(1000))
    recs.insert(rnd.randrange(len(recs)), b"z" * 3000)
    recs.insert(rnd.randrange(len(recs)), b"\t" * 1000 + b"w" + b" " * 1000)
    data = b"\n".join(recs)
    if final_newline:
        data += b"\n"
    with open(out, "wb") as f:
        f.write(data)


BOUND = r"(NF(?:-\d+)?|\d+)"
ITEM = re.compile(BOUND + "?(-" + BOUND + "?)?$")


def parse_bound(text, nf_default):
    """A bound as a function of NF: N, NF or NF-k; None (omitted) is nf_default."""
    if text is None:
        return nf_default
    if text.startswith("NF"):
        k = int(text[3:] or 0)
        return lambda nf: nf - k
    return lambda nf: int(text)


def parse_list(text):
    items = []
    for item in text.split(","):
        m = ITEM.match(item)
        lo = parse_bound(m.group(1), lambda nf: 1)
        hi = parse_bound(m.group(3), lambda nf: nf) if m.group(2) else lo
        items.append((lo, hi))
    return items


def fields(rec, trimmed):
    if trimmed:
        rec = rec.strip(b" \t")
        return BLANK_RUN.split(rec) if rec else []
    return BLANK_RUN.split(rec)


def pred_field(rec, trimmed, field, crlf):
    """A predicate's field: 0 is the record; a field the record lacks is empty.
    With crlf (records end at a newline), the last field and the record are seen
    without a CR at their end (man zbsplit: RECORDS)."""
    if field == "0":
        return rec[:-1] if crlf and rec.endswith(b"\r") else rec
    f = fields(rec, trimmed)
    k = parse_bound(field, None)(len(f))
    if not 1 <= k <= len(f):
        return b""
    v = f[k - 1]
    return v[:-1] if crlf and k == len(f) and v.endswith(b"\r") else v


def select(args):
    trimmed = complement = only_delimited = False
    out_delim, term = b"\t", b"\n"
    preds = []
    strip = b""  # bytes stripped from both ends of what is written or compared
    while args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "--trimmed":
            trimmed = True
        elif opt == "--complement":
            complement = True
        elif opt == "-s":
            only_delimited = True
        elif opt == "-O":
            out_delim = args.pop(0).encode()
        elif opt == "-z":
            term = b"\0"
        elif opt == "--strip":
            strip = args.pop(0).encode()
        elif opt == "--str-eq":
            field, _, value = args.pop(0).partition(":")
            preds.append((field, value.encode()))
    items = None if args[0] == "none" else parse_list(args[0])
    with open(args[1], "rb") as f:
        data = f.read()
    recs = data.split(term)
    if recs[-1] == b"":  # the terminator of the last record, or an empty input
        recs.pop()
    out = []
    for rec in recs:
        if not all(pred_field(rec, trimmed, f, term == b"\n").strip(strip) == v
                   for f, v in preds):
            continue
        f = fields(rec, trimmed)
        nf = len(f)
        delimited = nf >= 2  # trimmed, blanks at the ends delimit nothing
        if items is None and (not only_delimited or delimited):
            out.append(rec + term)
            continue
        if not delimited:  # written whole (trimmed, without the end blanks), or dropped
            if not only_delimited:
                whole = rec.strip(b" \t") if trimmed else rec
                out.append(whole.strip(strip) + term)
            continue
        picks = []
        for lo, hi in items:  # clipped to the record's fields
            picks += range(max(lo(nf), 1), min(hi(nf), nf) + 1)
        picks = list(dict.fromkeys(picks))  # a field named twice is written once
        if complement:
            picks = [i for i in range(1, nf + 1) if i not in picks]
        out.append(out_delim.join(f[i - 1].strip(strip) for i in picks) + term)
    return b"".join(out)


def batch(cases, outdir):
    with open(cases) as f:
        for n, line in enumerate(f, 1):
            with open("%s/%d" % (outdir, n), "wb") as out:
                words = line.rstrip("\n").rstrip("\t").split("\t")
                if words[0] != "select":
                    sys.exit("blanks_ref.py batch: line %d is not a select" % n)
                out.write(select(words[1:]))


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), sys.argv[3], len(sys.argv) < 5 or sys.argv[4] != "noeol")
    elif sys.argv[1] == "batch":
        batch(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.buffer.write(select(sys.argv[2:]))
