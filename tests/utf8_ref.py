#!/usr/bin/env python3
"""A reference for zbsplit -c and -b -n, written from the man page, for utf8_chars.bats.

  utf8_ref.py gen SEED RECORDS            test text on stdout
  utf8_ref.py chars LIST [--complement] [-z]   what `zbsplit -c LIST` writes for stdin
  utf8_ref.py bytes LIST [--complement] [-z]   what `zbsplit -b LIST -n` writes for stdin
  utf8_ref.py batch CASES OUTDIR   each line of CASES is MODE LIST [OPTIONS] FILE,
                                   TAB-separated; the output for FILE goes to
                                   OUTDIR/N for the Nth line (one process for many)

A character is a well-formed UTF-8 sequence (decoded here to its code point: no
overlong form, no surrogate, nothing past U+10FFFF); any other byte is a character
by itself.  LIST items are N, N-M, N-, -M, with NF and NF-k for N or M, in
ascending order (the only kind these tests use), so the units selected are written
in order with nothing between them.
"""
import random
import sys


def char_len(b, i):
    """The length of the character at b[i] by the rule above."""
    c = b[i]
    if c < 0x80:
        return 1
    if c >> 5 == 0b110:
        n, cp, least = 2, c & 0x1F, 0x80
    elif c >> 4 == 0b1110:
        n, cp, least = 3, c & 0x0F, 0x800
    elif c >> 3 == 0b11110:
        n, cp, least = 4, c & 0x07, 0x10000
    else:
        return 1
    if i + n > len(b):
        return 1
    for k in range(1, n):
        if b[i + k] >> 6 != 0b10:
            return 1
        cp = cp << 6 | (b[i + k] & 0x3F)
    if cp < least or 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF:
        return 1
    return n


def chars(b):
    """The (start, end) of each character of b."""
    out, i = [], 0
    while i < len(b):
        n = char_len(b, i)
        out.append((i, i + n))
        i += n
    return out


def bound(text, units):
    if text.startswith("NF"):
        return units - (int(text[3:]) if len(text) > 2 else 0)
    return int(text)


def selected(lst, units, complement):
    """The set of unit numbers (from 1) that LIST names in a record of `units` units."""
    sel = set()
    for item in lst.split(","):
        if "-" in item.replace("NF-", "NF_"):
            lo, hi = item.replace("NF-", "NF_").split("-")
            lo = bound(lo.replace("NF_", "NF-"), units) if lo else 1
            hi = bound(hi.replace("NF_", "NF-"), units) if hi else units
        else:
            lo = hi = bound(item, units)
        sel.update(range(max(lo, 1), min(hi, units) + 1))
    if complement:
        sel = set(range(1, units + 1)) - sel
    return sel


def select(record, mode, lst, complement):
    cs = chars(record)
    if mode == "chars":
        sel = selected(lst, len(cs), complement)
        return b"".join(record[s:e] for k, (s, e) in enumerate(cs, 1) if k in sel)
    sel = selected(lst, len(record), complement)  # bytes: a character whose last byte is selected
    return b"".join(record[s:e] for s, e in cs if e in sel)


def gen(seed, nrecords):
    rnd = random.Random(seed)
    broken = [b"\xc0\x80", b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xf0\x80\x80\x80",
              b"\xf0\x8f\xbf\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf4\x90\x80\x80",
              b"\xf5\x80\x80\x80", b"\xf8", b"\xfe", b"\xff", b"\x80", b"\xbf\xbf",
              b"\xe2\x82", b"\xf0\x9f\x98", b"\xc3", b"\xc3\xc3\xa9"]
    edges = [0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0xD7FF, 0xE000, 0xE9, 0x20AC,
             0x1F600, 0x0]
    out = bytearray()
    for r in range(nrecords):
        rec = bytearray()
        length = rnd.choice([0, 1, 5, 20, 40, 63, 64, 65, 100, 200, 700])
        dirty = rnd.random() < 0.5
        while len(rec) < length:
            kind = rnd.randrange(12)
            if kind < 4:
                rec += bytes(rnd.randrange(0x20, 0x7F) for _ in range(rnd.randrange(1, 20)))
            elif kind < 9:
                lo, hi = [(0x80, 0x800), (0x800, 0x10000), (0x10000, 0x110000),
                          (0x80, 0x10000), (0x80, 0x800)][kind - 4]
                for _ in range(rnd.randrange(1, 15)):
                    cp = rnd.randrange(lo, hi)
                    rec += chr(0xE000 if 0xD800 <= cp <= 0xDFFF else cp).encode()
            elif kind < 10:
                rec += chr(rnd.choice(edges)).encode()
            elif dirty:
                rec += rnd.choice(broken)
        if dirty and rnd.random() < 0.2:  # cut short at the record's end
            rec += rnd.choice([b"\xe2\x82", b"\xf0\x9f", b"\xc3", b"\xf4\x8f\xbf"])
        if rnd.random() < 0.2:
            rec += b"\r"  # CRLF
        out += rec + b"\n"
    out += "tail without newline: é€😀".encode() + b"\xe2\x82"
    sys.stdout.buffer.write(bytes(out))


def run(mode, lst, options, data):
    """What zbsplit writes for data (bytes) in mode with LIST and options."""
    complement = "--complement" in options
    term = b"\0" if "-z" in options else b"\n"
    records = data.split(term)
    if records[-1] == b"":
        records.pop()  # the input ended with a terminator
    return b"".join(select(r, mode, lst, complement) + term for r in records)


def batch(cases, outdir):
    with open(cases) as f:
        for n, line in enumerate(f, 1):
            words = line.rstrip("\n").rstrip("\t").split("\t")
            with open(words[-1], "rb") as data, open("%s/%d" % (outdir, n), "wb") as out:
                out.write(run(words[0], words[1], words[2:-1], data.read()))


def main():
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1] == "batch":
        batch(sys.argv[2], sys.argv[3])
    else:
        sys.stdout.buffer.write(run(sys.argv[1], sys.argv[2], sys.argv[3:],
                                    sys.stdin.buffer.read()))


main()
