"""Regenerate lint/data/han_readings.txt: the pinyin readings (without tones) of common characters.

Used by the ``near_idiom`` check (lint/checks/near_idiom.py): a four-character idiom written with one
character replaced by another of the same sound (迫不急待, 再接再励, 优生忧育) is how an input method
misspells it. The characters are the 7,000 most frequent in jieba's dictionary (counted as in
scripts/common_hanzi.py), their readings pypinyin's (a development tool only: ``pip install pypinyin``).

A character's usual reading is pypinyin's first. Its other readings are kept only when some word of
pypinyin's phrase dictionary reads it so (行 hang in 银行, 重 chong in 重复): pypinyin also lists readings
no word uses (受 dao, 格 luo, 省 xian), and with them 接受 and 接到, 网络化 and 网格化 would count as
typed by the same sound.

File format: one line per reading, ``reading<TAB>main<TAB>other``: ``main`` the characters whose
usual (first) reading it is, ``other`` (left out when empty) those that also have it as a less usual reading.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from common_hanzi import character_frequencies
from pypinyin import Style, pinyin  # type: ignore[import-not-found]  # development tool, not a dependency

COUNT = 7000
TARGET = Path(__file__).resolve().parent.parent / "lint" / "data" / "han_readings.txt"


def attested_readings() -> set[tuple[str, str]]:
    """(character, reading) pairs that some word of pypinyin's phrase dictionary uses."""
    from pypinyin.phrases_dict import phrases_dict  # type: ignore[import-not-found]  # development tool

    pairs = set()
    for phrase in phrases_dict:
        for char, readings in zip(phrase, pinyin(phrase, style=Style.NORMAL), strict=False):
            pairs.add((char, readings[0]))
    return pairs


def main() -> int:
    frequency = character_frequencies()
    attested = attested_readings()
    main_chars: dict[str, list[str]] = defaultdict(list)
    other_chars: dict[str, list[str]] = defaultdict(list)
    for char, _ in frequency.most_common(COUNT):
        readings = [reading for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0] if reading.isascii()]
        if not readings or readings[0] == char:
            continue
        main_chars[readings[0]].append(char)
        for reading in dict.fromkeys(readings[1:]):
            if reading != readings[0] and (char, reading) in attested:
                other_chars[reading].append(char)
    header = f"# pinyin readings (no tones) of the {COUNT} most frequent characters in jieba's dict.txt"
    header += " (scripts/han_readings.py)\n"
    lines = [
        f"{reading}\t{''.join(sorted(main_chars[reading]))}\t{''.join(sorted(other_chars[reading]))}".rstrip("\t")
        for reading in sorted(set(main_chars) | set(other_chars))
    ]
    TARGET.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
