"""One person's name written two ways in a document, for the ``consistency`` kind's ``person-names``.

"市政府副秘书长吕朝晖陪同调研……吕朝辉副秘书长提出要求": the same official, the second time with a
character of the same sound. Names are read only beside a title (副秘书长吕朝晖, 吕朝辉副秘书长): a
three-character run that starts with a surname, right after a title or right before one (where a
clause mark or the line's start is in front of it). Two such names are one person's when they share
the surname and differ in one more character that sounds alike (lint.checks.readings): 吕朝晖 and
吕朝辉 (hui), not 王祖焕 and 王祖德. Two different people of nearly the same name in one short text
are rare; a homophone is how a name is mistyped, so only that pair is reported, the minority
spelling (a tie: the one written second) with the other as the suggestion, unless the dictionary
knows one of them (习近平 beside 习进平: the known name is right, however often each is written).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from lint.checks import segment
from lint.checks.readings import common_readings, sound_alike
from lint.checks.variants import Variant

NAME_LENGTH = 3


@functools.lru_cache(maxsize=8)
def _name_pattern(titles: tuple[str, ...], surnames: str) -> re.Pattern[str]:
    title = "|".join(sorted(map(re.escape, titles), key=len, reverse=True))
    surname = f"[{re.escape(surnames)}]"
    after_title = f"(?:{title})(?P<after>{surname}[\u4e00-\u9fff]{{2}})"
    before_title = f"(?:^|(?<=[，。；：、\\s“（(]))(?P<before>{surname}[\u4e00-\u9fff]{{2}})(?=(?:{title}))"
    return re.compile(f"(?m){after_title}|{before_title}")


def person_variants(text: str, titles: tuple[str, ...], surnames: str) -> list[Variant]:
    """Every place of a minority spelling of a name that another name beside a title sounds like."""
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for match in _name_pattern(titles, surnames).finditer(text):
        group = "after" if match.group("after") else "before"
        places[match.group(group)].append((match.start(group), match.end(group)))
    spellings = sorted(places, key=lambda name: places[name][0][0])
    found: list[Variant] = []
    for index, one in enumerate(spellings):
        for other in spellings[index + 1 :]:
            if not _same_person(one, other):
                continue
            minority, majority = _minority_first(one, other, places)
            found.extend(
                Variant(start, end, minority, majority, len(places[majority])) for start, end in places[minority]
            )
    return sorted(found, key=lambda variant: variant.start)


def _minority_first(one: str, other: str, places: dict[str, list[tuple[int, int]]]) -> tuple[str, str]:
    """(the spelling to report, the one to suggest): a name the dictionary knows (习近平) is the right
    one whatever the counts; else the majority, a tie to the spelling written first."""
    known = [name for name in (one, other) if segment.is_dictionary_word(name)]
    if len(known) == 1:
        return (other, one) if known[0] == one else (one, other)
    return (other, one) if len(places[one]) >= len(places[other]) else (one, other)


def _same_person(one: str, other: str) -> bool:
    if len(one) != NAME_LENGTH or len(other) != NAME_LENGTH or one[0] != other[0]:
        return False
    differing = [(a, b) for a, b in zip(one[1:], other[1:], strict=True) if a != b]
    return len(differing) == 1 and sound_alike(*differing[0], common_readings())
