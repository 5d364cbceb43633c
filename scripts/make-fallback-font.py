#!/usr/bin/python3
"""Builds the web reader's fallback font: a subset of Debian's Noto Sans CJK TC holding the
characters of the given text files (the sample bundle, the UI strings), ASCII, Latin-1 and the
pinyin tone letters. Used only where the browser cannot draw Chinese itself.

usage: make-fallback-font.py FONT.ttc FACE_INDEX OUT.otf TEXT_FILE...
"""
import sys

from fontTools import subset

PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ"
PUNCTUATION = "，。、；：？！「」『』（）《》〈〉【】…—·‧　“”‘’"


def main(font_path, face, out_path, *text_files):
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    chars |= set(PINYIN) | set(PUNCTUATION)
    for path in text_files:
        with open(path, encoding="utf-8") as f:
            chars |= {c for c in f.read() if c >= " "}
    options = subset.Options()
    options.font_number = int(face)
    options.hinting = False
    options.layout_features = []  # stb_truetype reads no OpenType layout tables
    options.name_IDs = []
    font = subset.load_font(font_path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    subset.save_font(font, out_path, options)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
