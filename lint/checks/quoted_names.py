"""Quoted names a document writes once with a word and once without it, for the ``consistency`` kind.

“中国服务业企业500强” earlier in a profile and “中国服务业500强” twice later, “国家级农民合作社示范社” and
“国家级合作社示范社” in one town's profile: an award, list or title put in quotation marks is a fixed
name, and a copy that drops a word from its middle is a slip. A quoted name (five to twenty Han
characters, digits or letters, no punctuation: a series of parts is lint.checks.phrase_variants's)
is compared with every other quoted name of the document; when one is the other with one or two
neighbouring Han characters taken out of its middle, the shorter is reported with the longer as the
suggestion, unless

- what was taken out is a word the rule lists in ``ignore`` (的, 特别, 较: “其他特别严重情节” and
  “其他严重情节” are two degrees the laws define), or
- the document sets the two side by side as two terms (“计算机信息系统”和“计算机系统”, or with nothing
  between: “金牌讲解员”“金牌志愿讲解员”, two prizes), or says one was renamed the other (将“外国人永久居留证”
  更名为“外国人永久居留身份证”), or
- the shorter is the longer's head or tail (“万少华团队” and “万少华团队分队”: a team and its branches).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from lint.chars import HAN
from lint.checks.variants import Variant
from lint.regexes import compiled

QUOTED_NAME = compiled(f"“(?P<name>[{HAN}0-9A-Za-z]{{5,20}})”")
HAN_RUN = compiled(f"[{HAN}]+")
JOINERS = "和与及、或"
RENAMING = ("更名为", "改名为", "改称为", "改称", "改为", "变为")
MAX_DROPPED = 2


def dropped_word_variants(text: str, ignore: frozenset[str]) -> list[Variant]:
    if "“" not in text:
        return []
    matches = list(QUOTED_NAME.finditer(text))
    counts = Counter(m.group("name") for m in matches)
    side_by_side = _pairs_set_side_by_side(text, matches)
    longer_of: dict[str, str] = {}
    for longer in counts:
        for shorter in _shortened(longer, ignore):
            if (
                shorter in counts
                and frozenset((longer, shorter)) not in side_by_side
                and not longer.startswith(shorter)
                and not longer.endswith(shorter)
            ):
                longer_of.setdefault(shorter, longer)
    variants = []
    for m in matches:
        longer = longer_of.get(m.group("name"))
        if longer is not None:
            variants.append(Variant(m.start("name"), m.end("name"), m.group("name"), longer, counts[longer]))
    return variants


def _shortened(name: str, ignore: frozenset[str]) -> set[str]:
    """Each spelling of ``name`` with one or two neighbouring Han characters taken out of its middle
    (never its first or last character), at least five characters long."""
    spellings = set()
    for size in range(1, MAX_DROPPED + 1):
        for start in range(1, len(name) - size):
            dropped = name[start : start + size]
            if len(name) - size >= 5 and HAN_RUN.fullmatch(dropped) and dropped not in ignore:
                spellings.add(name[:start] + name[start + size :])
    return spellings


def _pairs_set_side_by_side(text: str, matches: list[re.Match[str]]) -> set[frozenset[str]]:
    """The pairs of quoted names the text joins as two terms: “A”和“B”, “A”、“B”, “A”“B” (one pass over
    the quotations in order, so a long text with many names costs no more than reading it)."""
    pairs = set()
    for before, after in itertools.pairwise(matches):
        between = text[before.end() : after.start()]
        if between == "" or (len(between) == 1 and between in JOINERS) or between in RENAMING:
            pairs.add(frozenset((before.group("name"), after.group("name"))))
    return pairs
