"""Is a file that is not UTF-8 really GB18030? Big5, Shift-JIS and EUC-KR bytes mostly decode as
GB18030 too, into nonsense that --fix would then write back into the file.

The judge is the share of common characters: the 1,500 most frequent Chinese characters
(lint/data/common_hanzi.txt) and GB2312's punctuation make up over 93% of every real draft's
non-ASCII characters, and under 40% of Big5, Shift-JIS, EUC-JP or EUC-KR text read as GB18030
(measured in tests/test_encodings.py). A text whose GB18030 reading falls below PLAUSIBLE is
refused; when it reads well in another encoding, that encoding is named. Each other encoding is
judged on its own frequent characters: the byte ranges of its first-level characters below.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

PLAUSIBLE = 0.5  # share of common characters below which a GB18030 reading is nonsense
SAMPLE = 20_000  # characters judged (from the start): plenty, and a large file costs nothing more
MIN_JUDGED = 8  # fewer non-ASCII characters than this are too few to judge: read as GB18030
MIN_REFUSED = 24  # below this many, refused only when another encoding reads well
OTHER_READS_WELL = 0.9  # share of that encoding's own frequent characters
GB2312_PUNCTUATION = ((0xA1, 0xA3, 0xA1, 0xFE),)  # rows 1-3: 、。“” ，：（） and full-width forms


@dataclass(frozen=True)
class Other:
    """An encoding GB18030 text is mistaken for, with the byte ranges of its frequent characters."""

    codec: str
    label: str  # what the user is told the file looks like
    iconv: str  # its name for ``iconv -f``
    frequent: tuple[tuple[int, int, int, int], ...]  # (first lead, last lead, first trail, last trail)


OTHERS = (
    # symbols (A1-A3) and the 5,401 frequent characters (常用國字, A440-C67E)
    Other("big5", "Big5 (traditional Chinese)", "BIG5", ((0xA1, 0xA3, 0x40, 0xFE), (0xA4, 0xC6, 0x40, 0xFE))),
    # symbols, kana (81-84) and JIS X 0208 level-1 kanji (889F-9872)
    Other("shift_jis", "Shift-JIS (Japanese)", "SHIFT-JIS", ((0x81, 0x84, 0x40, 0xFC), (0x88, 0x98, 0x40, 0xFC))),
    # symbols and the 2,350 hangul syllables of KS X 1001 (B0A1-C8FE)
    Other("euc_kr", "EUC-KR (Korean)", "EUC-KR", ((0xA1, 0xA3, 0xA1, 0xFE), (0xB0, 0xC8, 0xA1, 0xFE))),
)


def implausible_gb18030(data: bytes, text: str | None) -> str | None:
    """Why ``data`` (``text`` its GB18030 reading, None when it does not decode) is not GB18030
    text, or None when it may be read as such."""
    share, count = common_share(text, _common_gb()) if text is not None else (0.0, 0)
    if text is not None and (count < MIN_JUDGED or share >= PLAUSIBLE):
        return None
    for other in OTHERS:
        try:
            reading = data.decode(other.codec)
        except UnicodeDecodeError:
            continue
        other_share, other_count = common_share(reading, _frequent(other))
        if other_count >= MIN_JUDGED and other_share >= OTHER_READS_WELL:
            return (
                f"looks like {other.label}, not GB18030 or UTF-8; convert it to UTF-8 "
                f"(e.g. iconv -f {other.iconv} -t UTF-8)"
            )
    if text is None or count < MIN_REFUSED:
        return None
    return (
        f"does not read as Chinese in GB18030 (only {share:.0%} of its characters are common ones); "
        "if it is in another encoding, convert it to UTF-8"
    )


def common_share(text: str, common: frozenset[str]) -> tuple[float, int]:
    """The share of ``text``'s first SAMPLE non-ASCII, non-space characters that are in ``common``, and their number."""
    wide = [char for char in text[:SAMPLE] if not char.isascii() and not char.isspace()]
    if not wide:
        return 1.0, 0
    return sum(map(common.__contains__, wide)) / len(wide), len(wide)


@functools.cache
def frequent_hanzi() -> frozenset[str]:
    """The 1,500 most frequent characters of jieba's dictionary (lint/data/common_hanzi.txt)."""
    table = Path(__file__).resolve().parent / "data" / "common_hanzi.txt"
    lines = table.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line.strip() for line in lines if not line.startswith("#")))


@functools.cache
def _common_gb() -> frozenset[str]:
    return frequent_hanzi() | _characters("gb2312", GB2312_PUNCTUATION)


def _frequent(other: Other) -> frozenset[str]:
    return _characters(other.codec, other.frequent)


@functools.cache
def _characters(codec: str, ranges: tuple[tuple[int, int, int, int], ...]) -> frozenset[str]:
    """Every character ``codec`` gives for a two-byte sequence in ``ranges``."""
    found = set()
    for first_lead, last_lead, first_trail, last_trail in ranges:
        for lead in range(first_lead, last_lead + 1):
            for trail in range(first_trail, last_trail + 1):
                try:
                    found.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(found)
