"""Phrases a document spells two ways, found without a list of pairs, for the ``consistency`` kind.

quoted series (“改革创新、奋发有为” / “改革创新，奋发有为”, “学党史、知党恩、跟党走” / 学党史，颂党恩，跟党走):
  a quoted slogan of two or more short parts. Its quoted spellings (other separators, one part one
  character off) are compared with each other; an unquoted one counts only when a character differs,
  as prose may run a slogan's parts with commas (不忘初心，牢记使命，高举……). The spelling written
  most often is the document's; in a tie, the one with 顿号 between its parts, then the first.

title names (宣贯培训会 in the title / 宣传培训会 in the body, 学习交流经验会 / 学习经验交流会):
  an event the title names (a run of Han characters ending in one of ``suffixes``: 会, 活动 …) that
  the body names with one edit: one character replaced (not a function word or numeral), two
  neighbouring two-character words swapped, or a space standing where the other has 和/与/及/、. The
  longest such run is compared, at least ``min_length`` characters with its first character shared.
  The form written fewer times is reported, a tie the title's (the body writes a name out in full).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.text import HAN, SPACES, is_han
from lint.checks.variants import LINES_KEPT, NUMERALS, Variant, is_doubled, is_plain
from lint.regexes import compiled

# quoted series ------------------------------------------------------------------------------------

PART = f"[{HAN}]{{2,10}}"
SEPARATORS = "，、；,;"
QUOTED_SERIES = compiled(f"“(?P<series>{PART}(?:[{SEPARATORS}]{PART})+)”")
SEPARATOR = compiled(f"[{SEPARATORS}]")


@dataclass(frozen=True)
class Series:
    text: str
    start: int
    end: int
    quoted: bool


def series_variants(text: str) -> list[Variant]:
    if "“" not in text:
        return []
    quoted = [Series(m.group("series"), m.start("series"), m.end("series"), True) for m in QUOTED_SERIES.finditer(text)]
    variants: dict[int, Variant] = {}
    groups = []
    for group in _series_groups(quoted):
        counts = Counter(series.text for series in group)
        groups.append((group, counts, min(counts, key=lambda spelling: _majority_order(group, counts, spelling))))
    bare = _bare_variants(text, [preferred for _, _, preferred in groups])
    for group, counts, preferred in groups:
        others = [s for s in group if s.text != preferred] + bare[preferred]
        for series in others:
            if series.start not in variants:
                variants[series.start] = Variant(series.start, series.end, series.text, preferred, counts[preferred])
    return sorted(variants.values(), key=lambda variant: variant.start)


def _majority_order(group: list[Series], counts: Counter[str], spelling: str) -> tuple[int, bool, int]:
    """The most frequent spelling first; in a tie, one that separates its parts with 顿号 only (GB/T
    15834-2011 4.5.3.1: 顿号 between the parallel words of a series), then the earliest."""
    only_dunhao = set(SEPARATOR.findall(spelling)) == {"、"}
    return -counts[spelling], not only_dunhao, _first(group, spelling)


def _series_groups(quoted: list[Series]) -> list[list[Series]]:
    groups: list[list[Series]] = []
    for series in quoted:
        home = next((group for group in groups if _same_series(group[0].text, series.text)), None)
        if home is None:
            groups.append([series])
        else:
            home.append(series)
    return groups


def _same_series(one: str, two: str) -> bool:
    parts, others = SEPARATOR.split(one), SEPARATOR.split(two)
    if len(parts) != len(others):
        return False
    differing = [(a, b) for a, b in zip(parts, others, strict=True) if a != b]
    return not differing or (len(differing) == 1 and _one_edit(*differing[0]))


def _one_edit(one: str, two: str) -> bool:
    if len(one) == len(two):
        return sum(a != b for a, b in zip(one, two, strict=True)) == 1
    longer, shorter = (one, two) if len(one) > len(two) else (two, one)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _first(group: list[Series], spelling: str) -> int:
    return min(series.start for series in group if series.text == spelling)


def _bare_variants(text: str, preferreds: list[str]) -> dict[str, list[Series]]:
    """For each series, the unquoted runs of its parts with one part a character off (separators
    alone do not count).

    A run holds no line break and at least one separator, so each line with a separator is searched
    alone, and what it holds for each series is kept by the line's text (``_BARE_IN_LINE``): a server
    re-lints a long report at each edit, and most of its lines did not change."""
    found: dict[str, list[Series]] = {preferred: [] for preferred in preferreds}
    offset = 0
    for line in text.split("\n"):
        if SEPARATOR.search(line) is not None:
            kept = _BARE_IN_LINE.get(line)
            if kept is None:
                if len(_BARE_IN_LINE) >= LINES_KEPT:
                    _BARE_IN_LINE.clear()
                kept = _BARE_IN_LINE[line] = {}
            for preferred, places in found.items():
                runs = kept.get(preferred)
                if runs is None:
                    runs = kept[preferred] = _line_bare(line, preferred)
                if runs:
                    places.extend(Series(run.text, run.start + offset, run.end + offset, False) for run in runs)
        offset += len(line) + 1
    return found


_BARE_IN_LINE: dict[str, dict[str, tuple[Series, ...]]] = {}


# The search for bare variants puts a Han character class at every edited position, and Python's
# ``re`` spends ~2 ms building each wide class: ~40 ms for one series. The loose form puts ``\w`` there
# (a category test, compiled at once), which matches a superset. Its first match is the exact form's
# whenever the matched text is all Han and separators: the exact form's paths are the loose form's, in
# the same order. Only otherwise (a letter or digit in an edited position) is the exact form compiled,
# and it searches on from the loose match's start, before which neither form matches.


@functools.lru_cache(maxsize=256)
def _bare_pattern(preferred: str) -> re.Pattern[str]:
    return _series_pattern(preferred, f"[{HAN}]")


@functools.lru_cache(maxsize=256)
def _loose_bare_pattern(preferred: str) -> re.Pattern[str]:
    return _series_pattern(preferred, r"\w")


def _series_pattern(preferred: str, any_character: str) -> re.Pattern[str]:
    parts = SEPARATOR.split(preferred)
    pattern = f"[{SEPARATORS}]".join(_part_pattern(part, any_character) for part in parts)
    return re.compile(f"(?<!“){pattern}(?!”)")


def _search_bare(preferred: str, line: str, position: int) -> re.Match[str] | None:
    match = _loose_bare_pattern(preferred).search(line, position)
    if match is None or all(is_han(character) or character in SEPARATORS for character in match.group(0)):
        return match
    return _bare_pattern(preferred).search(line, match.start())


def _line_bare(line: str, preferred: str) -> tuple[Series, ...]:
    """The unquoted runs of ``preferred``'s parts in ``line`` with one part a character off; the
    quoted series themselves are blanked first (a run holds no space, so offsets and texts stay)."""
    unquoted = QUOTED_SERIES.sub(lambda quoted: " " * len(quoted.group(0)), line)
    parts = SEPARATOR.split(preferred)
    if sum(part in unquoted for part in parts) < len(parts) - 1:
        return ()  # a run one character off has every part but one as written: none here
    found = []
    plain = SEPARATOR.sub("", preferred)
    position = 0
    while (match := _search_bare(preferred, unquoted, position)) is not None:
        candidate = match.group(0)
        if _differs_inside(candidate, preferred, plain):
            found.append(Series(candidate, match.start(), match.end(), False))
            position = match.end()
        else:  # a run that starts a character early may hide one that starts right
            position = match.start() + 1
    return tuple(found)


def _differs_inside(candidate: str, preferred: str, plain: str) -> bool:
    """A character differs, and not at either end: in running text the ends of a bare series are not
    known (忘初心，牢记使命 inside 不忘初心，牢记使命)."""
    same_ends = candidate[0] == preferred[0] and candidate[-1] == preferred[-1]
    bare = SEPARATOR.sub("", candidate)
    return same_ends and bare != plain and _same_series(preferred, candidate) and _plain_edit(bare, plain)


def _plain_edit(one: str, two: str) -> bool:
    """Whether the characters one edit changes are plain: prose adds 的 or a place particle to a term it
    quotes elsewhere without changing it (“特有名称、包装、装潢” / 特有的名称、包装、装潢; 境外 / 境内外机构、组织:
    two judicial interpretations, 2020 and 2017)."""
    if len(one) == len(two):
        return all(is_plain(a) and is_plain(b) for a, b in zip(one, two, strict=True) if a != b)
    longer, shorter = (one, two) if len(one) > len(two) else (two, one)
    at = next((i for i in range(len(shorter)) if longer[i] != shorter[i]), len(shorter))
    return is_plain(longer[at])


def _part_pattern(part: str, han: str) -> str:
    """A part, or the part with one character (matched by ``han``) replaced, dropped or added."""
    replaced = [re.escape(part[:i]) + han + re.escape(part[i + 1 :]) for i in range(len(part))]
    dropped = [re.escape(part[:i] + part[i + 1 :]) for i in range(len(part))]
    added = [re.escape(part[:i]) + han + re.escape(part[i:]) for i in range(1, len(part))]
    return "(?:" + "|".join([*replaced, *added, *dropped]) + ")"


# title names --------------------------------------------------------------------------------------

MAX_TITLE_CHARACTERS = 60  # a longer first line is a paragraph, not a title
MAX_EVENT_NAME = 16


@dataclass(frozen=True)
class EventWords:
    """The rule's words for event names: what ends one (会, 活动), what may follow one in a sentence
    (的, 召/举 of a verb of holding it), and what joins two of its parts (和, 与, 、)."""

    suffixes: frozenset[str]
    followers: frozenset[str]
    connectors: frozenset[str]


def title_variants(text: str, words: EventWords, min_length: int) -> list[Variant]:
    """Event names of the title written with one edit in the body (see the module's docstring)."""
    title_start, title_end = _title_span(text)
    title = text[title_start:title_end]
    if not title or len(title.strip()) > MAX_TITLE_CHARACTERS or "。" in title:
        return []
    body = text[title_end:]
    # per end of a name in the title, the shortest pair: the body's other mentions decide how far
    # back a pair reaches, and the shortest one is the name itself, not the words before it
    pairs: dict[int, tuple[str, str]] = {}
    for suffix in words.suffixes:
        title_ends = [m.end() for m in re.finditer(re.escape(suffix), title) if _ends_name(title, m.end(), words)]
        body_ends = [m.end() for m in re.finditer(re.escape(suffix), body)] if title_ends else []
        for end in title_ends:
            for other in body_ends:
                edited = _edited_pair(title, end, body, other, len(suffix), min_length, words.connectors)
                pair = None if edited is None else _from_word_start(title, end, *edited)
                if pair is not None and (end not in pairs or len(pair[0]) < len(pairs[end][0])):
                    pairs[end] = pair
    variants: dict[int, Variant] = {}
    for end, (title_form, body_form) in pairs.items():
        if _other_kind(title_form, body_form):
            continue
        start = title_start + end - len(title_form)
        title_count, body_count = text.count(title_form), text.count(body_form)
        if body_count >= title_count:
            variants[start] = Variant(start, start + len(title_form), title_form, body_form, body_count)
        else:
            for match in re.finditer(re.escape(body_form), body):
                place = title_end + match.start()
                variants[place] = Variant(place, place + len(body_form), body_form, title_form, title_count)
    return sorted(variants.values(), key=lambda variant: variant.start)


# Verbs of holding an event: a title's 举办 where the body says 举行 is no other name
HOLDING_VERBS = frozenset({"举办", "举行", "召开", "开展"})


def _other_kind(one: str, two: str) -> bool:
    """Two names that differ only where they say what kind of body or meeting it is, or how it is held:
    the character before a final 会 (研究生教育学会 / 研究生教育大会, 量子计算峰会 / 量子计算大会, 一次全委会 /
    一次全体会: 人民日报 2023), or a verb of holding at the start (举办 / 举行……开放日活动)."""
    if len(one) == len(two) and one.endswith("会") and two.endswith("会") and one[:-2] == two[:-2]:
        return True
    return len(one) == len(two) and one[2:] == two[2:] and {one[:2], two[:2]} <= HOLDING_VERBS


def _ends_name(text: str, end: int, words: EventWords) -> bool:
    """Whether a suffix ending at ``end`` of the title ends a name: 社会 in 社会主义 goes on as a word."""
    return end == len(text) or not is_han(text[end]) or text[end] in words.followers


def _title_span(text: str) -> tuple[int, int]:
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            return offset, offset + len(line)
        offset += len(line) + 1
    return 0, 0


def _edited_pair(
    title: str, end: int, body: str, other: int, suffix: int, min_length: int, connectors: frozenset[str]
) -> tuple[str, str, str] | None:
    """The longest runs ending at ``end`` and ``other`` that are one edit apart, or None."""
    longest = min(MAX_EVENT_NAME, end, other)
    for length in range(longest, min_length - 1, -1):
        one, two = title[end - length : end], body[other - length : other]
        if one == two or not (is_han(one[0]) and one[0] == two[0]):
            continue
        if _one_event_edit(one, two, length - suffix, connectors):
            return _trimmed(one, two, min_length)
    return None


def _trimmed(one: str, two: str, min_length: int) -> tuple[str, str, str]:
    """The pair cut down to the edit and one shared character before it (at least ``min_length``
    long), and the shared characters cut off: the words in front of a name (举办 in
    举办全员宣贯培训会) are not part of it, and its other mentions are counted without them."""
    first = next(i for i in range(len(one)) if one[i] != two[i])
    start = max(0, min(first - 1, len(one) - min_length))
    return one[start:], two[start:], one[:start]


def _from_word_start(title: str, end: int, one: str, two: str, before: str) -> tuple[str, str]:
    """The pair with the shared characters before it that complete the title's word at its start
    (表彰 of 彰 学习宣传活动, 学习 of 习交流经验会)."""
    start = end - len(one)
    word_start = max((b for b in segment.boundaries(title) if b <= start), default=start)
    extra = min(start - word_start, len(before))
    return before[len(before) - extra :] + one, before[len(before) - extra :] + two


# 首场 / 首讲 学术活动, 第三届 / 第三期 培训班: the counter after an ordinal says which one, in words
# either way, and is no character of the event's name
ORDINAL_LEADS = frozenset("首第末头") | NUMERALS | frozenset("0123456789")
COUNTERS = frozenset("场讲次届期轮批回")


def _counts_apart(one: str, i: int, a: str, b: str) -> bool:
    return i > 0 and one[i - 1] in ORDINAL_LEADS and a in COUNTERS and b in COUNTERS


def _one_event_edit(one: str, two: str, stem: int, connectors: frozenset[str]) -> bool:
    """Equal but for one edit inside the first ``stem`` characters (the suffix is shared)."""
    if not all(is_han(c) or c in SPACES or c in connectors for c in one + two):
        return False
    differing = [i for i in range(len(one)) if one[i] != two[i]]
    if len(differing) == 1:
        i = differing[0]
        a, b = one[i], two[i]
        if _counts_apart(one, i, a, b):
            return False
        if i < stem and ((a in SPACES and b in connectors) or (b in SPACES and a in connectors)):
            return True
        return i < stem and is_plain(a) and is_plain(b) and not is_doubled(one, i) and not is_doubled(two, i)
    if len(differing) == 4 and differing[3] - differing[0] == 3 and differing[3] < stem:
        i = differing[0]
        swapped = one[i + 2 : i + 4] + one[i : i + 2] == two[i : i + 4]
        return swapped and all(is_han(c) for c in one[i : i + 4])
    return False
