"""Spelling variants of names found without a list of pairs, for the ``consistency`` kind.

Each family is a pure function from a document's text to the places that break its own usage; the
families that compare phrases (quoted series, the title's event names) are in
``lint.checks.phrase_variants`` and share ``Variant``, ``LINES_KEPT`` and the character tests here.

names (三源浦朝鲜族镇 / 三源浦朝鲜镇, 邮电通信业 / 邮电通讯业):
  a name is a run of up to ``max_tokens`` jieba tokens ending in a name suffix token (镇, 公司, 业 …).
  Two names are spellings of one thing when they have as many tokens, differ in exactly one token,
  and that token differs by one inserted (``insertion``) or one replaced (``replacement``) character
  that is not a function word or a numeral, nor a doubled character (坚决决 is the repetition pack's).
  The differing token is at least three characters long in the longer name: 水运/水泥有限公司 and
  建设/建立粤港澳大湾区 are different things. A two-character token counts for a replaced character
  only when the two sound alike (电器/电气工程学院: typed by its sound; 运 and 泥 do not); a longer one
  when they share an initial or a final (通信/通讯业; 研究所/研究院, 江苏/江西 are two bodies). A name may
  end in a word jieba joins to its suffix (工程学院) for a replaced character only: a word such as
  经济技术开发区 after a place with and without its level (扬州市 / 扬州) is a short form, not a
  dropped character. An inserted character makes the longer name the
  official one (a character is dropped far more often than one is added); a replaced one goes by
  majority, a tie to the spelling the document uses first.

place short names (安徽质检院 beside 省质检院):
  a body of a place of one level (a province: ``places``, ``level`` 省) shortened two ways in one
  document: 省 + name (省质检院, the short form that keeps the level) and place + name without the
  level (安徽质检院). The second is reported wherever the first also occurs; the full name
  (安徽省质检院) is neither.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.text import HAN, is_han

# Characters a spelling may differ by without being a slip: function words, and negations and place
# particles, which change what is said (定期 / 不定期对学校, 校园内 / 校园和学校)
# 型 makes an adjective of what it ends (节能环保型产业 beside 节能环保产业, one local regulation of 2020)
FUNCTION_CHARACTERS = frozenset("的和与及之并而在了是对把被将从为以等或也都又还就其不没未非内外里型")
# A grade set before a name makes another thing (动物疫病高风险区 beside 动物疫病风险区, 动物防疫法 2021);
# 级 of 国家级, 省级 describes a base or park as much as it names it (国家级远洋渔业基地 beside
# 国家远洋渔业基地: 人民日报 2023-07)
GRADE_CHARACTERS = frozenset("高低级")
# A place word written without its level before a nested place (上海长宁区 beside 上海市长宁区, 新华社 2025-11-16)
# is the usual short form, not a character left out; before an organisation (镇海信息技术协会) it is
ADMINISTRATIVE_LEVELS = frozenset("省市县区州")
PROVINCE_AND_CITY = frozenset("省市")
PLACE_ENDINGS = ("省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "村", "街道", "社区")
# What a place's industry ends in: the place may drop its level before it (石阡茶产业)
INDUSTRY_ENDINGS = ("产业", "行业")
NUMERALS = frozenset("一二三四五六七八九十百千万亿〇零两第")
MAX_NAME_LENGTH = 14
# A character a name may drop after the one given (未成年人社区矫正 / 未成年社区矫正对象, 社区矫正法 2019)
OPTIONAL_AFTER = {"人": "年"}


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
    suffix_token: bool = True  # it ends in a suffix standing as a token of its own (协会, not 工程学院)


# names --------------------------------------------------------------------------------------------


def name_variants(
    text: str,
    suffixes: frozenset[str],
    min_length: int,
    max_tokens: int,
    edit: str,
    relational: frozenset[str] = frozenset(),
    contrasts: tuple[str, ...] = (),
    distinct: frozenset[frozenset[str]] = frozenset(),
) -> list[Variant]:
    """``relational``: words that name a place by its relation to something (所在地, 当地): a phrase
    holding one (申请人所在地省 / 申请人所在省) describes a place and is no name, so none is read across it.
    ``contrasts``: groups of characters that set names apart (初中高: 中等职业学校 / 高等职业学校 are two
    kinds of school), so a name differing from another only by two characters of one group is no slip.
    ``distinct``: pairs of words that are two terms (高技术 / 高新技术 产业): names differing by them are two."""
    if not any(suffix in text for suffix in suffixes):
        return []
    places: dict[str, list[Name]] = defaultdict(list)
    for name in _document_names(text, suffixes, min_length, max_tokens, relational):
        places[name.text].append(name)
    variants: dict[tuple[int, int], Variant] = {}
    spellings = sorted(places, key=lambda spelling: places[spelling][0].start)
    for index, other_index in _one_token_apart([places[spelling][0].tokens for spelling in spellings]):
        first, second = spellings[index], spellings[other_index]
        preferred = _preferred(places[first], places[second], edit, text, contrasts, distinct)
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
def _document_names(
    text: str, suffixes: frozenset[str], min_length: int, max_tokens: int, relational: frozenset[str]
) -> tuple[Name, ...]:
    """The names in ``text``, remembered for the last two texts: the rules for a missing and for a
    changed character segment the same lines with the same parameters, one after the other, and
    segmentation is nearly all of their cost (a 2.7 MB file: 12.9 s of CPU time for both, 6.5 s now)."""
    return tuple(_names(text, suffixes, min_length, max_tokens, relational))


def _names(
    text: str, suffixes: frozenset[str], min_length: int, max_tokens: int, relational: frozenset[str]
) -> Iterator[Name]:
    offset = 0
    for line in text.split("\n"):
        for name in _line_names(line, suffixes, min_length, max_tokens, relational):
            yield Name(name.text, name.tokens, name.start + offset, name.end + offset, name.suffix_token)
        offset += len(line) + 1


LINES_KEPT = 32_768  # lines whose names and bare series are kept: a long report's, for two rules


@functools.lru_cache(maxsize=LINES_KEPT)
def _line_names(
    line: str, suffixes: frozenset[str], min_length: int, max_tokens: int, relational: frozenset[str]
) -> tuple[Name, ...]:
    """The names in one line, offsets from its start. Kept for the lines seen last (a server re-lints
    a draft at each edit, and segmenting is the slow part): the result depends on the line alone."""
    if not any(suffix in line for suffix in suffixes):
        return ()
    names: list[Name] = []
    for run in segment.runs(line):  # a name lies inside one run: only runs with a suffix are cut
        if any(suffix in run.group() for suffix in suffixes):
            names.extend(_run_names(run.group(), run.start(), suffixes, min_length, max_tokens, relational))
    return tuple(names)


def _run_names(
    line: str, offset: int, suffixes: frozenset[str], min_length: int, max_tokens: int, relational: frozenset[str]
) -> Iterator[Name]:
    tokens = segment.tokens(line)
    ends = []
    position = offset
    for token in tokens:
        position += len(token)
        ends.append(position)
    for last, token in enumerate(tokens):
        if not _ends_a_name(token, suffixes):
            continue
        for first in range(last - 1, max(-1, last - max_tokens), -1):
            if _breaks_names(tokens[first], relational) or not all(is_han(char) for char in tokens[first]):
                break
            parts = tuple(tokens[first : last + 1])
            spelling = "".join(parts)
            if len(spelling) > MAX_NAME_LENGTH:
                break
            if len(spelling) >= min_length:
                yield Name(spelling, parts, ends[last] - len(spelling), ends[last], token in suffixes)


def _breaks_names(token: str, breaks: frozenset[str]) -> bool:
    """Whether no name is read across ``token``: it is one of ``breaks``, or jieba joined one of two or more
    characters with its object (行使职权 of 监事会行使职权所必需的费用, 公司法 2018: 所 is a particle there)."""
    return token in breaks or any(len(word) > 1 and token.startswith(word) for word in breaks)


def _preferred(
    first: list[Name],
    second: list[Name],
    edit: str,
    text: str,
    contrasts: tuple[str, ...] = (),
    distinct: frozenset[frozenset[str]] = frozenset(),
) -> str | None:
    """The spelling the document should use when the two are spellings of one name, else None."""
    a, b = first[0].tokens, second[0].tokens
    if len(a) != len(b):
        return None
    differing = [i for i in range(len(a)) if a[i] != b[i]]
    if len(differing) != 1:
        return None
    one, two = a[differing[0]], b[differing[0]]
    if frozenset((one, two)) in distinct:
        return None
    # a character before the name (各单项体育协会 / 单项体育协会) is not a spelling of it
    leading = differing[0] == 0
    if edit == "insertion" and abs(len(one) - len(two)) == 1 and first[0].suffix_token and second[0].suffix_token:
        longer, shorter = (one, two) if len(one) > len(two) else (two, one)
        if _level_before_a_place(longer, shorter, a[differing[0] + 1 :]):
            return None
        if len(longer) >= 3 and _inserted(longer, shorter, leading):
            longer_name, shorter_name = (first[0], second[0]) if longer == one else (second[0], first[0])
            if _stray_repeat(longer_name, shorter_name.text, text) or _used_on_its_own(
                text, shorter, longer, [*first, *second]
            ):
                return None
            return longer_name.text
    replaced = edit == "replacement" and len(one) == len(two) >= 2 and _replaced(one, two, leading)
    replaced = replaced and not _contrasting(one, two, contrasts)
    if replaced and ((len(one) >= 3 and _near_sound_slip(one, two)) or _homophone_slip(one, two)):
        return first[0].text if len(first) >= len(second) else second[0].text
    return None


def _level_before_a_place(longer: str, shorter: str, following: tuple[str, ...]) -> bool:
    """上海市 / 上海 before 长宁区 (or 苏州 before 姑苏|区, 亳州 before 薛阁|街道|站): the level of a place left out
    before a place it contains; and a province's or city's 省 or 市 anywhere, whose short name (云南, 重庆, 成都) is
    how every text names it (云南省花卉产业 / 云南花卉产业, 成都市轨道交通集团 / 成都轨道交通集团: 人民日报 2019–2020).
    A county's or district's level is left out the same way before an industry (石阡县茶产业 / 石阡茶产业,
    民权县制冷产业 / 民权制冷产业: 人民日报 2023), which is no registered name; jieba may glue the level to the
    place after it (济阳/区曲堤/街道 beside 济阳/曲堤/街道, 人民日报 2023-07). A district's or county's level before
    an organisation stays a slip (镇海区信息技术协会, a registered name)."""
    if longer[1:] == shorter and longer[0] in ADMINISTRATIVE_LEVELS:  # the level glued to the next place
        return any(token.endswith(PLACE_ENDINGS) for token in (shorter, *following))
    if longer[:-1] != shorter or longer[-1] not in ADMINISTRATIVE_LEVELS:
        return False
    return (
        longer[-1] in PROVINCE_AND_CITY
        or any(token.endswith(PLACE_ENDINGS) for token in following)
        or (bool(following) and following[-1].endswith(INDUSTRY_ENDINGS))
    )


def _first_difference(one: str, two: str) -> tuple[str, str]:
    """The first pair of characters where two spellings of the same length differ."""
    return next((a, b) for a, b in zip(one, two, strict=True) if a != b)


def _contrasting(one: str, two: str, contrasts: tuple[str, ...]) -> bool:
    first, second = _first_difference(one, two)
    return any(first in group and second in group for group in contrasts)


def _used_on_its_own(text: str, shorter: str, longer: str, names: list[Name]) -> bool:
    """Whether the shorter word stands at least twice in the text outside both names and outside the longer
    word (学校成立岗位设置管理工作领导组，……领导组下设……, beside the province's 领导小组办公室: held-out 25602):
    the document's own word for a body of its own, not a word missing a character."""
    taken = [(name.start, name.end) for name in names]
    taken += [(match.start(), match.end()) for match in re.finditer(re.escape(longer), text)]
    alone = sum(
        not any(start <= match.start() and match.end() <= end for start, end in taken)
        for match in re.finditer(re.escape(shorter), text)
    )
    return alone >= 2


def _stray_repeat(longer: Name, shorter: str, text: str) -> bool:
    """Whether the longer spelling's extra character repeats one of the three before it, in the name or the text
    just before it (县绿化委绿员会办公室 beside 县绿化委员会办公室): a character typed again out of place, so the
    longer spelling is the slip, not the shorter."""
    i = next((i for i, (a, b) in enumerate(zip(longer.text, shorter, strict=False)) if a != b), len(shorter))
    before = text[max(0, longer.start - 3) : longer.start] + longer.text[:i]
    return longer.text[i] in before[-3:]


def _inserted(longer: str, shorter: str, leading: bool) -> bool:
    for i, char in enumerate(longer):
        if longer[:i] + longer[i + 1 :] == shorter:
            optional = i > 0 and OPTIONAL_AFTER.get(char) == longer[i - 1]
            return not (leading and i == 0) and is_plain(char) and not is_doubled(longer, i) and not optional
    return False


def _replaced(one: str, two: str, leading: bool) -> bool:
    differing = [i for i in range(len(one)) if one[i] != two[i]]
    if len(differing) != 1:
        return False
    i = differing[0]
    return (
        not (leading and i == 0)
        and is_plain(one[i])
        and is_plain(two[i])
        and not is_doubled(one, i)
        and not is_doubled(two, i)
    )


def _ends_a_name(token: str, suffixes: frozenset[str]) -> bool:
    """A suffix, or a word jieba ends with a suffix of two or more characters (工程学院, 有限公司)."""
    return token in suffixes or token.endswith(_long_suffixes(suffixes))


@functools.cache
def _long_suffixes(suffixes: frozenset[str]) -> tuple[str, ...]:
    return tuple(suffix for suffix in suffixes if len(suffix) >= 2)


def _homophone_slip(one: str, two: str) -> bool:
    """Two-character words one typed for the other by sound: both characters read alike as usual."""
    from lint.checks.readings import common_readings, read_alike

    return read_alike(*_first_difference(one, two), common_readings())


def _near_sound_slip(one: str, two: str) -> bool:
    """Longer words one typed for the other: the two characters sound near (通信/通讯), where 研究所 /
    研究院 or 江苏 / 江西 name two bodies (人民日报, 2019–2020: lists of winners and their schools)."""
    from lint.checks.readings import common_readings, sound_close

    return sound_close(*_first_difference(one, two), common_readings())


def is_plain(char: str) -> bool:
    return is_han(char) and char not in FUNCTION_CHARACTERS and char not in NUMERALS and char not in GRADE_CHARACTERS


def is_doubled(word: str, i: int) -> bool:
    return (i > 0 and word[i - 1] == word[i]) or (i + 1 < len(word) and word[i + 1] == word[i])


# place short names --------------------------------------------------------------------------------


def place_variants(
    text: str, places: list[str], level: str, suffixes: list[str], collective: frozenset[str] = frozenset()
) -> list[Variant]:
    """Short names written as place + name where level + name also occurs (see the docstring); a name in
    ``collective`` after a place means every body of its kind there (辽宁法院: the province's courts), not one."""
    if level not in text:
        return []
    place = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    suffix = "|".join(re.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    short = re.compile(f"(?:{place})(?!{re.escape(level)})(?P<name>[{HAN}]{{1,4}}?(?:{suffix}))")
    found: list[Variant] = []
    counts: dict[str, int] = {}  # each short name counted once, however often it occurs
    for match in short.finditer(text):
        if match.group("name") in collective:
            continue
        with_level = level + match.group("name")
        if with_level not in counts:
            counts[with_level] = _standalone_count(text, with_level, place)
        count = counts[with_level]
        if count:
            found.append(Variant(match.start(), match.end(), match.group(0), with_level, count))
    return found


MANY_PLACES = "各全外邻多几数两三四五六七八九十百0123456789"  # 各省医疗队: every province's team, no one body


def _standalone_count(text: str, with_level: str, place: str) -> int:
    """Occurrences of 省+name not preceded by a place (安徽省质检院 is the full name, not the short one)
    nor by a word for several places (各省医疗队, 19省医疗队: the teams of many provinces)."""
    after_place = re.compile(f"(?:{place})\\Z")
    return sum(
        1
        for match in re.finditer(re.escape(with_level), text)
        if after_place.search(text, max(0, match.start() - 4), match.start()) is None
        and (match.start() == 0 or text[match.start() - 1] not in MANY_PLACES)
    )
