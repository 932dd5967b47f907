"""Pinyin readings (no tones) of common characters, to tell a homophone slip from a different word.

Three check kinds use them: ``near_idiom`` (迫不急待 is 迫不及待 with a character that sounds alike),
``near_phrase`` (新发展各局 is 新发展格局) and the ``consistency`` kind's name variants (电器工程学院
beside 电气工程学院: a character typed by its sound). The table is lint/data/han_readings.txt, made
by scripts/han_readings.py.
"""

from __future__ import annotations

import functools
from pathlib import Path

READINGS = Path(__file__).resolve().parent.parent / "data" / "han_readings.txt"

Readings = dict[str, tuple[str, frozenset[str]]]  # character -> (usual reading, all readings)


def read_readings(path: Path = READINGS) -> Readings:
    usual: dict[str, str] = {}
    every: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        reading, usual_chars, *others = line.split("\t")
        other_chars = others[0] if others else ""
        for char in usual_chars:
            usual[char] = reading
        for char in usual_chars + other_chars:
            every.setdefault(char, set()).add(reading)
    return {char: (usual.get(char, ""), frozenset(readings)) for char, readings in every.items()}


@functools.cache
def common_readings() -> Readings:
    """The table, read once per process (only when a check needs it)."""
    return read_readings()


def sound_alike(first: str, second: str, readings: Readings) -> bool:
    """Whether one of the characters, read as usual, has a reading of the other (均 jun/yun and 员
    yuan/yun share only readings neither usually has: not alike)."""
    one, other = readings.get(first), readings.get(second)
    if one is None or other is None:
        return False
    return one[0] in other[1] or other[0] in one[1]


def read_alike(first: str, second: str, readings: Readings) -> bool:
    """Whether the two characters, each read as usual, sound the same: stricter than ``sound_alike``,
    for a two-character word where a rare reading of pypinyin's would pair ordinary words (受 has a
    rare reading dao, yet 接受 and 接到 are two verbs, not one typed by its sound)."""
    one, other = readings.get(first), readings.get(second)
    return one is not None and other is not None and bool(one[0]) and one[0] == other[0]


INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")  # pinyin initials, the two-letter ones first


def sound_close(first: str, second: str, readings: Readings) -> bool:
    """Whether the two characters, each read as usual, share their initial or their final (信 xin /
    讯 xun, 器 qi / 气 qi): a character typed for another by a near sound. 所 suo / 院 yuan, 苏 su /
    西 xi, 务 wu / 利 li share neither: two names (研究所 / 研究院, 江苏 / 江西), not one mistyped."""
    one, other = readings.get(first), readings.get(second)
    if one is None or other is None or not one[0] or not other[0]:
        return False
    (a_initial, a_final), (b_initial, b_final) = _split(one[0]), _split(other[0])
    return (bool(a_initial) and a_initial == b_initial) or a_final == b_final


def _split(reading: str) -> tuple[str, str]:
    initial = next((i for i in INITIALS if reading.startswith(i)), "")
    return initial, reading[len(initial) :]
