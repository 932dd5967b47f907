"""Spelling variants found without a list of pairs, for the ``consistency`` kind.

Two families, each a pure function from a document's text to the places that break its own usage:

names (三源浦朝鲜族镇 / 三源浦朝鲜镇, 邮电通信业 / 邮电通讯业):
  a name is a run of up to ``max_tokens`` jieba tokens ending in a name suffix token (镇, 公司, 业 …).
  Two names are spellings of one thing when they have as many tokens, differ in exactly one token,
  and that token differs by one inserted (``insertion``) or one replaced (``replacement``) character
  that is not a function word or a numeral, nor a doubled character (坚决决 is the repetition pack's).
  The differing token is at least three characters long in the longer name: 水运/水泥有限公司 and
  建设/建立粤港澳大湾区 are different things. An inserted character makes the longer name the
  official one (a character is dropped far more often than one is added); a replaced one goes by
  majority, a tie to the spelling the document uses first.

quoted series (“改革创新、奋发有为” / “改革创新，奋发有为”, “学党史、知党恩、跟党走” / 学党史，颂党恩，跟党走):
  a quoted slogan of two or more short parts. Its quoted spellings (other separators, one part one
  character off) are compared with each other; an unquoted one counts only when a character differs,
  as prose may run a slogan's parts with commas (不忘初心，牢记使命，高举……).

title names (宣贯培训会 in the title / 宣传培训会 in the body, 学习交流经验会 / 学习经验交流会):
  an event the title names (a run of Han characters ending in one of ``suffixes``: 会, 活动 …) that
  the body names with one edit: one character replaced (not a function word or numeral), two
  neighbouring two-character words swapped, or a space standing where the other has 和/与/及/、. The
  longest such run is compared, at least ``min_length`` characters with its first character shared.
  The form written fewer times is reported, a tie the title's (the body writes a name out in full).

place short names (安徽质检院 beside 省质检院):
  a body of a place of one level (a province: ``places``, ``level`` 省) shortened two ways in one
  document: 省 + name (省质检院, the short form that keeps the level) and place + name without the
  level (安徽质检院). The second is reported wherever the first also occurs; the full name
  (安徽省质检院) is neither.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.text import HAN, SPACES, is_han

FUNCTION_CHARACTERS = frozenset("的和与及之并而在了是对把被将从为以等或也都又还就其")
NUMERALS = frozenset("一二三四五六七八九十百千万亿〇零两第")
MAX_NAME_LENGTH = 14


@dataclass(frozen=True)
class Variant:
    """A place written in a minority spelling, and the spelling the document should use there."""

    start: int
    end: int
    text: str
    preferred: str
    count: int  # occurrences of the preferred spelling


@dataclass(frozen=True)
class Name:
    text: str
    tokens: tuple[str, ...]
    start: int
    end: int


# names --------------------------------------------------------------------------------------------


def name_variants(text: str, suffixes: frozenset[str], min_length: int, max_tokens: int, edit: str) -> list[Variant]:
    if not any(suffix in text for suffix in suffixes):
        return []
    places: dict[str, list[Name]] = defaultdict(list)
    for name in _document_names(text, suffixes, min_length, max_tokens):
        places[name.text].append(name)
    variants: dict[tuple[int, int], Variant] = {}
    spellings = sorted(places, key=lambda spelling: places[spelling][0].start)
    for index, other_index in _one_token_apart([places[spelling][0].tokens for spelling in spellings]):
        first, second = spellings[index], spellings[other_index]
        preferred = _preferred(places[first], places[second], edit)
        if preferred is None:
            continue
        other = second if preferred == first else first
        for place in places[other]:
            key = (place.start, place.end)
            if key not in variants:
                count = len(places[preferred])
                variants[key] = Variant(place.start, place.end, place.text, preferred, count)
    return sorted(variants.values(), key=lambda variant: variant.start)


def _one_token_apart(spellings: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, of spellings with as many tokens that differ in exactly one, in the
    order of a loop over all pairs: found through the spellings with one token left out, not by
    comparing every pair (a long report holds thousands of names)."""
    buckets: dict[tuple[int, tuple[str, ...]], list[int]] = defaultdict(list)
    for index, tokens in enumerate(spellings):
        for left_out in range(len(tokens)):
            buckets[(left_out, tokens[:left_out] + tokens[left_out + 1 :])].append(index)
    pairs = {(a, b) for members in buckets.values() for n, a in enumerate(members) for b in members[n + 1 :]}
    return sorted(pair for pair in pairs if spellings[pair[0]] != spellings[pair[1]])


@functools.lru_cache(maxsize=2)
def _document_names(text: str, suffixes: frozenset[str], min_length: int, max_tokens: int) -> tuple[Name, ...]:
    """The names in ``text``, remembered for the last two texts: the rules for a missing and for a
    changed character segment the same lines with the same parameters, one after the other, and
    segmentation is nearly all of their cost (a 2.7 MB file: 12.9 s of CPU time for both, 6.5 s now)."""
    return tuple(_names(text, suffixes, min_length, max_tokens))


def _names(text: str, suffixes: frozenset[str], min_length: int, max_tokens: int) -> Iterator[Name]:
    offset = 0
    for line in text.split("\n"):
        for name in _line_names(line, suffixes, min_length, max_tokens):
            yield Name(name.text, name.tokens, name.start + offset, name.end + offset)
        offset += len(line) + 1


LINES_KEPT = 32_768  # lines whose names and bare series are kept: a long report's, for two rules


@functools.lru_cache(maxsize=LINES_KEPT)
def _line_names(line: str, suffixes: frozenset[str], min_length: int, max_tokens: int) -> tuple[Name, ...]:
    """The names in one line, offsets from its start. Kept for the lines seen last (a server re-lints
    a draft at each edit, and segmenting is the slow part): the result depends on the line alone."""
    if not any(suffix in line for suffix in suffixes):
        return ()
    names: list[Name] = []
    for run in segment.runs(line):  # a name lies inside one run: only runs with a suffix are cut
        if any(suffix in run.group() for suffix in suffixes):
            names.extend(_run_names(run.group(), run.start(), suffixes, min_length, max_tokens))
    return tuple(names)


def _run_names(line: str, offset: int, suffixes: frozenset[str], min_length: int, max_tokens: int) -> Iterator[Name]:
    tokens = segment.tokens(line)
    ends = []
    position = offset
    for token in tokens:
        position += len(token)
        ends.append(position)
    for last, token in enumerate(tokens):
        if token not in suffixes:
            continue
        for first in range(last - 1, max(-1, last - max_tokens), -1):
            if not all(is_han(char) for char in tokens[first]):
                break
            parts = tuple(tokens[first : last + 1])
            spelling = "".join(parts)
            if len(spelling) > MAX_NAME_LENGTH:
                break
            if len(spelling) >= min_length:
                yield Name(spelling, parts, ends[last] - len(spelling), ends[last])


def _preferred(first: list[Name], second: list[Name], edit: str) -> str | None:
    """The spelling the document should use when the two are spellings of one name, else None."""
    a, b = first[0].tokens, second[0].tokens
    if len(a) != len(b):
        return None
    differing = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differing) != 1:
        return None
    one, two = a[differing[0]], b[differing[0]]
    # a character before the name (各单项体育协会 / 单项体育协会) is not a spelling of it
    leading = differing[0] == 0
    if edit == "insertion" and abs(len(one) - len(two)) == 1:
        longer, shorter = (one, two) if len(one) > len(two) else (two, one)
        if len(longer) >= 3 and _inserted(longer, shorter, leading):
            return first[0].text if longer == one else second[0].text
    if edit == "replacement" and len(one) == len(two) >= 3 and _replaced(one, two, leading):
        return first[0].text if len(first) >= len(second) else second[0].text
    return None


def _inserted(longer: str, shorter: str, leading: bool) -> bool:
    for i, char in enumerate(longer):
        if longer[:i] + longer[i + 1 :] == shorter:
            return not (leading and i == 0) and _plain(char) and not _doubled(longer, i)
    return False


def _replaced(one: str, two: str, leading: bool) -> bool:
    differing = [i for i in range(len(one)) if one[i] != two[i]]
    if len(differing) != 1:
        return False
    i = differing[0]
    return (
        not (leading and i == 0) and _plain(one[i]) and _plain(two[i]) and not _doubled(one, i) and not _doubled(two, i)
    )


def _plain(char: str) -> bool:
    return is_han(char) and char not in FUNCTION_CHARACTERS and char not in NUMERALS


def _doubled(word: str, i: int) -> bool:
    return (i > 0 and word[i - 1] == word[i]) or (i + 1 < len(word) and word[i + 1] == word[i])


# quoted series ------------------------------------------------------------------------------------

PART = f"[{HAN}]{{2,10}}"
SEPARATORS = "，、；,;"
QUOTED_SERIES = re.compile(f"“(?P<series>{PART}(?:[{SEPARATORS}]{PART})+)”")
SEPARATOR = re.compile(f"[{SEPARATORS}]")


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
        groups.append((group, counts, min(counts, key=lambda spelling: (-counts[spelling], _first(group, spelling)))))
    bare = _bare_variants(text, [preferred for _, _, preferred in groups])
    for group, counts, preferred in groups:
        others = [s for s in group if s.text != preferred] + bare[preferred]
        for series in others:
            if series.start not in variants:
                variants[series.start] = Variant(series.start, series.end, series.text, preferred, counts[preferred])
    return sorted(variants.values(), key=lambda variant: variant.start)


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


@functools.lru_cache(maxsize=256)
def _bare_pattern(preferred: str) -> re.Pattern[str]:
    parts = SEPARATOR.split(preferred)
    pattern = f"[{SEPARATORS}]".join(_part_pattern(part) for part in parts)
    return re.compile(f"(?<!“){pattern}(?!”)")


def _line_bare(line: str, preferred: str) -> tuple[Series, ...]:
    compiled = _bare_pattern(preferred)
    found = []
    plain = SEPARATOR.sub("", preferred)
    position = 0
    while (match := compiled.search(line, position)) is not None:
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
    return same_ends and SEPARATOR.sub("", candidate) != plain and _same_series(preferred, candidate)


def _part_pattern(part: str) -> str:
    """A part, or the part with one character replaced, dropped or added."""
    han = f"[{HAN}]"
    replaced = [re.escape(part[:i]) + han + re.escape(part[i + 1 :]) for i in range(len(part))]
    dropped = [re.escape(part[:i] + part[i + 1 :]) for i in range(len(part))]
    added = [re.escape(part[:i]) + han + re.escape(part[i:]) for i in range(1, len(part))]
    return "(?:" + "|".join([*replaced, *added, *dropped]) + ")"


# title names --------------------------------------------------------------------------------------

CONNECTORS = frozenset("和与及、")
MAX_TITLE_CHARACTERS = 60  # a longer first line is a paragraph, not a title
MAX_EVENT_NAME = 16
# what may follow an event's name in a sentence: 的, a verb of holding it (召开, 举行, 圆满结束) or 于
NAME_FOLLOWERS = frozenset("的在召举开圆隆胜顺于将")


def title_variants(text: str, suffixes: frozenset[str], min_length: int) -> list[Variant]:
    """Event names of the title written with one edit in the body (see the module's docstring)."""
    title_start, title_end = _title_span(text)
    title = text[title_start:title_end]
    if not title or len(title.strip()) > MAX_TITLE_CHARACTERS or "。" in title:
        return []
    body = text[title_end:]
    # per end of a name in the title, the shortest pair: the body's other mentions decide how far
    # back a pair reaches, and the shortest one is the name itself, not the words before it
    pairs: dict[int, tuple[str, str]] = {}
    for suffix in suffixes:
        title_ends = [m.end() for m in re.finditer(re.escape(suffix), title) if _ends_name(title, m.end())]
        body_ends = [m.end() for m in re.finditer(re.escape(suffix), body)] if title_ends else []
        for end in title_ends:
            for other in body_ends:
                edited = _edited_pair(title, end, body, other, len(suffix), min_length)
                pair = None if edited is None else _from_word_start(title, end, *edited)
                if pair is not None and (end not in pairs or len(pair[0]) < len(pairs[end][0])):
                    pairs[end] = pair
    variants: dict[int, Variant] = {}
    for end, (title_form, body_form) in pairs.items():
        start = title_start + end - len(title_form)
        title_count, body_count = text.count(title_form), text.count(body_form)
        if body_count >= title_count:
            variants[start] = Variant(start, start + len(title_form), title_form, body_form, body_count)
        else:
            for match in re.finditer(re.escape(body_form), body):
                place = title_end + match.start()
                variants[place] = Variant(place, place + len(body_form), body_form, title_form, title_count)
    return sorted(variants.values(), key=lambda variant: variant.start)


def _ends_name(text: str, end: int) -> bool:
    """Whether a suffix ending at ``end`` of the title ends a name: 社会 in 社会主义 goes on as a word."""
    return end == len(text) or not is_han(text[end]) or text[end] in NAME_FOLLOWERS


def _title_span(text: str) -> tuple[int, int]:
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            return offset, offset + len(line)
        offset += len(line) + 1
    return 0, 0


def _edited_pair(
    title: str, end: int, body: str, other: int, suffix: int, min_length: int
) -> tuple[str, str, str] | None:
    """The longest runs ending at ``end`` and ``other`` that are one edit apart, or None."""
    longest = min(MAX_EVENT_NAME, end, other)
    for length in range(longest, min_length - 1, -1):
        one, two = title[end - length : end], body[other - length : other]
        if one == two or not (is_han(one[0]) and one[0] == two[0]):
            continue
        if _one_event_edit(one, two, length - suffix):
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


def _one_event_edit(one: str, two: str, stem: int) -> bool:
    """Equal but for one edit inside the first ``stem`` characters (the suffix is shared)."""
    if not all(is_han(c) or c in SPACES or c in CONNECTORS for c in one + two):
        return False
    differing = [i for i in range(len(one)) if one[i] != two[i]]
    if len(differing) == 1:
        i = differing[0]
        a, b = one[i], two[i]
        if i < stem and ((a in SPACES and b in CONNECTORS) or (b in SPACES and a in CONNECTORS)):
            return True
        return i < stem and _plain(a) and _plain(b) and not _doubled(one, i) and not _doubled(two, i)
    if len(differing) == 4 and differing[3] - differing[0] == 3 and differing[3] < stem:
        i = differing[0]
        swapped = one[i + 2 : i + 4] + one[i : i + 2] == two[i : i + 4]
        return swapped and all(is_han(c) for c in one[i : i + 4])
    return False


# place short names --------------------------------------------------------------------------------


def place_variants(text: str, places: list[str], level: str, suffixes: list[str]) -> list[Variant]:
    """Short names written as place + name where level + name also occurs (see the docstring)."""
    if level not in text:
        return []
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    suffix = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    short = re.compile(f"(?:{place})(?!{re.escape(level)})(?P<name>[{HAN}]{{1,4}}?(?:{suffix}))")
    found: list[Variant] = []
    counts: dict[str, int] = {}  # each short name counted once, however often it occurs
    for match in short.finditer(text):
        with_level = level + match.group("name")
        if with_level not in counts:
            counts[with_level] = _standalone_count(text, with_level, place)
        count = counts[with_level]
        if count:
            found.append(Variant(match.start(), match.end(), match.group(0), with_level, count))
    return found


def _standalone_count(text: str, with_level: str, place: str) -> int:
    """Occurrences of 省+name not preceded by a place (安徽省质检院 is the full name, not the short one)."""
    after_place = re.compile(f"(?:{place})\\Z")
    return sum(
        1
        for match in re.finditer(re.escape(with_level), text)
        if after_place.search(text, max(0, match.start() - 4), match.start()) is None
    )
