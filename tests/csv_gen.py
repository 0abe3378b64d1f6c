#!/usr/bin/env python3
"""CSV bytes with the hard cases of `zbsplit --csv`, for tests/csv.bats: the same
arguments always write the same bytes.

  csv_gen.py [--seed N] [--size BYTES] [--delim C] [--well-formed] [--bom]
             [--header N] [--end nl|nonl|open] OUT

  --seed N        the random sequence (default 1)
  --size BYTES    stop adding records once this many bytes are written (default
                  20000); the input then ends as --end says
  --delim C       the field delimiter, one character (default ',')
  --well-formed   only RFC 4180 quoting: no quote inside an unquoted field, no text
                  after a closing quote, no quote left open at the end (--end open
                  is refused)
  --bom           start with a UTF-8 BOM (EF BB BF) before a plain first field
  --header N      the first record is the names c1..cN (after the BOM, if any)
  --end           the last record ends with a record end (nl), without one
                  (nonl), or inside a quoted field left open (open); the default
                  is by the seed: nl, nonl, open for seeds 0, 1, 2 modulo 3 (nonl
                  for open with --well-formed)

What is in it: quoted fields holding the delimiter, doubled quotes, CR, LF and CRLF;
empty quoted fields and records that are only `""`; records ending in LF, CRLF and
a lone CR; blank lines of each kind; NUL bytes, invalid UTF-8 (\\xff, a lone \\xc3),
valid UTF-8; fields of 100 to 3000 bytes, quoted or not; records of 1 to 9 fields
and a few of 40; and, unless --well-formed, a quote inside an unquoted field
(a"b) and text after a closing quote ("ab"cd, "ab"c"d).
"""
import argparse
import random
import sys

WORDS = [b"x", b"y", b"x", b"", b"a b", b"GET", b"caf\xc3\xa9", b"\xff", b"\xc3",
         b"n\x00l", b"\x00", b"tab\there", b"back\\slash", b"-", b"12", b" lead",
         b"trail ", b"\xef\xbb\xbf"]
ENDS = [b"\n", b"\n", b"\r\n", b"\r\n", b"\r"]


def generator(rnd, delim, well_formed):
    quote_worthy = [delim, b'"', b'""', b"\r", b"\n", b"\r\n", b"\n\n", b"\r\r"]

    def plain():
        """Unquoted: never starts with a quote, holds no delimiter, CR or LF."""
        r = rnd.random()
        if r < 0.01:
            w = bytes(rnd.choice(b"abcdefgh \x00\xff") for _ in range(rnd.randrange(100, 3000)))
            return w.replace(delim, b"")
        w = rnd.choice(WORDS).replace(delim, b"")
        if r < 0.25:
            w += b"%d" % rnd.randrange(100)
        if not well_formed and r > 0.95:
            return w + b'a"b'  # a quote inside an unquoted field: data
        return w

    def quoted():
        """A quoted field: its content with quotes doubled, between quotes."""
        parts = []
        for _ in range(rnd.choice([0, 1, 1, 2, 3, 5])):
            parts.append(rnd.choice(quote_worthy) if rnd.random() < 0.6 else rnd.choice(WORDS))
        if rnd.random() < 0.01:  # long, with record ends inside
            parts.append(b"\n".join(b"z" * rnd.randrange(50, 400) for _ in range(8)))
        field = b'"' + b"".join(parts).replace(b'"', b'""') + b'"'
        if not well_formed and rnd.random() < 0.08:
            field += rnd.choice([b"cd", b'c"d', b" ", b'x"'])  # text after the close
        return field

    def record():
        r = rnd.random()
        if r < 0.04:
            return b'""'  # one empty field
        if r < 0.10:
            return plain() or b"solo"  # one field
        n = 40 if r > 0.98 else rnd.randrange(1, 10)
        return delim.join(quoted() if rnd.random() < 0.35 else plain() for _ in range(n))

    return record


def generate(seed, size, delim, well_formed, bom, header, end):
    rnd = random.Random(seed)
    record = generator(rnd, delim, well_formed)
    out = [b"\xef\xbb\xbf"] if bom else []
    if header:
        out.append(delim.join(b"c%d" % i for i in range(1, header + 1)) + b"\n")
    elif bom:
        out.append(b"first" + delim + b"rec\n")  # the BOM before a plain field
    n = sum(map(len, out))
    while n < size:
        rec = record()
        if rnd.random() < 0.08:  # blank lines after it
            rec += b"\n" + b"".join(rnd.choice([b"\n", b"\r\n", b"\r"]) for _ in range(rnd.randrange(1, 4)))
        else:
            rec += rnd.choice(ENDS)
        out.append(rec)
        n += len(rec)
    last = record()
    if end == "nonl":
        out.append(last)
    elif end == "open":
        out.append(last + delim + b'"open\n,"",field\r\n')  # to the end of the input
    else:
        out.append(last + rnd.choice(ENDS))
    return b"".join(out)


def main():
    p = argparse.ArgumentParser(description="hard-case CSV bytes for tests/csv.bats")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--size", type=int, default=20000)
    p.add_argument("--delim", default=",")
    p.add_argument("--well-formed", action="store_true")
    p.add_argument("--bom", action="store_true")
    p.add_argument("--header", type=int, default=0)
    p.add_argument("--end", choices=["nl", "nonl", "open"])
    p.add_argument("out")
    a = p.parse_args()
    delim = a.delim.encode("latin-1")
    if len(delim) != 1 or delim in b'"\r\n':
        sys.exit("csv_gen.py: the delimiter must be one byte, not a quote, CR or LF")
    end = a.end or ["nl", "nonl", "open"][a.seed % 3]
    if a.well_formed and end == "open":
        if a.end:
            sys.exit("csv_gen.py: --end open is not well-formed")
        end = "nonl"
    data = generate(a.seed, a.size, delim, a.well_formed, a.bom, a.header, end)
    with open(a.out, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
