#!/usr/bin/python3
"""Writes every character the UI can draw to one UTF-8 text file, for pyftsubset --text-file.

The font subset must hold the glyphs nuanxin shows: printable ASCII, the common hanzi of
GB 2312 level 1 (names and addresses people import), plus every non-ASCII character of the given
files (translation tables, division names, plugin names, demo name lists).
Scanning the sources rather than listing characters by hand means a new string can never
render as "?" because someone forgot to update a list.

Usage: collect_glyphs.py OUT FILE...
"""
import sys


# Drawn by ImGui itself rather than by our strings: the ellipsis of clipped text.
EXTRA = "\u2026"


def common_hanzi():
    """GB 2312 level 1: the 3,755 most common hanzi (rows 16-55), which cover the names and
    addresses an office imports; rarer characters fall back to "?". Decoded from the code table
    Python ships, so nothing is downloaded."""
    out = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # row 55 ends early
    return out


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: collect_glyphs.py OUT FILE...\n")
        return 2
    out, files = argv[1], argv[2:]
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars.update(EXTRA)
    chars.update(common_hanzi())
    for path in files:
        with open(path, encoding="utf-8") as f:
            # Control characters and the BOM carry no glyph.
            chars.update(c for c in f.read() if ord(c) > 0x7F and c != "\ufeff")
    text = "".join(sorted(chars))
    # Write only when changed, so the subset (and everything linking it) is not rebuilt for nothing.
    try:
        with open(out, encoding="utf-8") as f:
            if f.read() == text:
                return 0
    except FileNotFoundError:
        pass
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"collect_glyphs: {len(chars)} characters -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
