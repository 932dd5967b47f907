"""Regenerate lint/data/common_hanzi.txt: the 1,500 most frequent Chinese characters.

The frequencies are jieba's dictionary's (dict.txt, word frequencies counted over a large corpus of
modern simplified Chinese): each character counts the frequency of every word it occurs in. The
table is how lint.encodings judges whether bytes read as GB18030 give plausible Chinese: these
characters make up over 93% of every text of the authoritative corpus and the seeds, and under 40%
of Big5, Shift-JIS, EUC-JP or EUC-KR text misread as GB18030.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import jieba

COUNT = 1500
TARGET = Path(__file__).resolve().parent.parent / "lint" / "data" / "common_hanzi.txt"


def character_frequencies() -> Counter[str]:
    """Each Chinese character of jieba's dict.txt with the summed frequency of the words it occurs in."""
    frequency: Counter[str] = Counter()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split()
        for char in word:
            if "\u4e00" <= char <= "\u9fff":
                frequency[char] += int(count)
    return frequency


def main() -> int:
    chars = "".join(char for char, _ in character_frequencies().most_common(COUNT))
    lines = [chars[i : i + 50] for i in range(0, len(chars), 50)]
    header = f"# The {COUNT} most frequent characters in jieba's dict.txt (scripts/common_hanzi.py), 50 a line\n"
    TARGET.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
