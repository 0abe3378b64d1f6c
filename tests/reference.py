#!/usr/bin/env python3
"""An independent model of zbsplit, written from the man page, for the binary-input
tests of tests/faults.bats: it reads stdin and writes what zbsplit should.

    reference.py MODE LIST [--delim HEX] [--out HEX] [--regex ERE] [-z] [-s]
                 [--contains FIELD:HEX] [--empty FIELD]
    reference.py gen SEED RECORDS          (writes the binary test input)

MODE is f (fields split at DELIM, TAB by default), w (runs of blanks), F (runs of
blanks, trimmed, joined by a space), R (matches of ERE), b (bytes), bn (bytes, -n)
or c (UTF-8 characters).  LIST is zbsplit's syntax (N, N-M, N-, -M, NF, NF-k), but
only for items that never overlap: the model does not merge overlapping items.
"""
import random
import re
import sys

BLANKS = re.compile(rb"[ \t]+")


def bound(text, n):
    if text.startswith("NF"):
        return n - int(text[3:] or 0) if text != "NF" else n
    return int(text)


def items(lst, n):
    """The (lo, hi) unit ranges of LIST, 1-based and inclusive, for n units."""
    out = []
    for item in lst.split(","):
        m = re.fullmatch(r"(NF(?:-\d+)?|\d+)?(-)?(NF(?:-\d+)?|\d+)?", item)
        lo_t, dash, hi_t = m.groups()
        lo = bound(lo_t, n) if lo_t else 1
        hi = bound(hi_t, n) if hi_t else (n if dash else lo)
        out.append((max(lo, 1), hi))
    return out


def pick(units, lst):
    picked = []
    for lo, hi in items(lst, len(units)):
        picked.extend(units[lo - 1:hi] if lo <= hi else [])
    return picked


def chars(rec):
    """The UTF-8 characters of rec; each byte of an invalid sequence is one."""
    return [ch.encode("utf-8", "surrogateescape")
            for ch in rec.decode("utf-8", "surrogateescape")]


def fields(mode, rec, delim, regex):
    """rec's fields, or None when rec has no delimiter at all."""
    if mode == "f":
        return rec.split(delim) if delim in rec else None
    if mode == "w":
        return BLANKS.split(rec) if BLANKS.search(rec) else None
    if mode == "F":
        if not BLANKS.search(rec):
            return None
        core = rec.strip(b" \t")
        return BLANKS.split(core) if core else []
    if mode == "R":
        return regex.split(rec) if regex.search(rec) else None
    return None


def select(mode, rec, lst, delim, out, regex):
    """What zbsplit writes for rec (without the terminator); None to drop it."""
    if mode == "c":
        return b"".join(pick(chars(rec), lst))
    if mode == "b":
        return b"".join(pick([rec[i:i + 1] for i in range(len(rec))], lst))
    if mode == "bn":  # a character goes out when its last byte is selected
        wanted = {i for lo, hi in items(lst, len(rec)) for i in range(lo, hi + 1)}
        res, at = [], 0
        for ch in chars(rec):
            at += len(ch)
            if at in wanted:
                res.append(ch)
        return b"".join(res)
    fs = fields(mode, rec, delim, regex)
    if fs is None:
        return rec
    return out.join(pick(fs, lst))


def gen(seed, count):
    """Records of random bytes, weighted towards NUL, delimiters, blanks, CR, valid
    and invalid UTF-8; some empty, the last one without a newline."""
    rnd = random.Random(seed)
    pieces = [b"\0", b"\t", b":", b"::", b";", b" ", b"  ", b"\r", b"\xc3\xa9",
              b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"\xff", b"\xc0\x80", b"\xed\xa0\x80",
              b"\xe2\x82", b"\xf0\x9f", b"\x80", b"a", b"b", b"z", b"7"]
    recs = []
    for _ in range(count):
        n = rnd.choice([0, 1, 3, 8, 20, 60, 300])
        recs.append(b"".join(rnd.choice(pieces) if rnd.random() < 0.7
                             else bytes([rnd.randrange(256)]) for _ in range(n)))
    return b"\n".join(recs)


def main(argv):
    if argv[0] == "gen":
        sys.stdout.buffer.write(gen(int(argv[1]), int(argv[2])))
        return
    mode, lst, args = argv[0], argv[1], argv[2:]
    opt = {"--delim": "09", "--out": None, "--regex": None}
    term, only_delimited, preds = b"\n", False, []
    while args:
        a = args.pop(0)
        if a == "-z":
            term = b"\0"
        elif a == "-s":
            only_delimited = True
        elif a in ("--contains", "--empty"):
            preds.append((a, args.pop(0)))
        else:
            opt[a] = args.pop(0)
    delim = bytes.fromhex(opt["--delim"])
    regex = re.compile(opt["--regex"].encode()) if opt["--regex"] else None
    out = bytes.fromhex(opt["--out"]) if opt["--out"] is not None else \
        {"f": delim, "F": b" "}.get(mode, b"\t")
    data = sys.stdin.buffer.read()
    recs = data.split(term)
    if recs[-1] == b"":  # the terminator ends the last record, or the input is empty
        recs.pop()
    res = []
    for rec in recs:
        fs = fields(mode if mode in "fwFR" else "f", rec, delim, regex)
        if only_delimited and fs is None:
            continue
        fs = [rec] if fs is None else fs
        keep = True
        for kind, arg in preds:
            k, _, hexval = arg.partition(":")
            value = fs[int(k) - 1] if int(k) <= len(fs) else b""
            if term == b"\n" and int(k) == len(fs) and value.endswith(b"\r"):
                value = value[:-1]  # a CRLF's CR: not part of the last field here
            keep &= bytes.fromhex(hexval) in value if kind == "--contains" else value == b""
        if keep:
            res.append(select(mode, rec, lst, delim, out, regex) + term)
    sys.stdout.buffer.write(b"".join(res))


if __name__ == "__main__":
    main(sys.argv[1:])
