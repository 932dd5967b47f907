"""``numbering``: whole-document check of ordinal series (序号).

Two kinds of series are followed through the document in order:

* the heading levels of GB/T 9704 at the start of a line — 一、 → （一） → 1. → （1）;
* in-paragraph series given as params (一是/二是, 一要/二要, 第一/第二, 首先/其次/再次/最后), whose
  markers start a clause. Series whose items start lines are the "paragraph" series of a section;
  series inside such a paragraph are its inner series.

A heading resets the series below it; a paragraph item resets the inner series. Each rule reports
one defect class, chosen by ``report``:

  gap     a number skipped (一、二、四、)
  repeat  a number repeated or going back (二是 … 二是)
  mixed   two series mixed in one enumeration (一是 … 二要)
  nested  one series reused at two levels (一要 … inside a paragraph that is itself 一要 …)
  order   a heading level used above a higher one (1. before （一） in one section)
  start   a numbering that does not start at one: the document's first 一、-level heading is 二、, or
          the first heading below a heading is （二） where no earlier section had such headings
  unmarked  a line opening with the next number of a 1. series but no point (2.…  3要提高…  4.…)

params:
  report: gap | repeat | mixed | nested | order | start | unmarked
  series: [{name, regex, words?}, ...]  in-paragraph series; ``regex`` has a group ``n`` (a Chinese
          numeral, or one of ``words`` numbered from 1) and may have a group ``last`` (a closing item
          such as 最后, counted only while its series is open)
  clause_boundary: regex  the character before an in-paragraph marker (a line start also counts)
  resets: regex           a line starting with it opens a new numbering (附件：1.… 2.…)
  articles: regex         a line starting with it is an article of a law, regulation or charter (第九条):
                          the levels below the top start again in it (第九条 …（一）… 第十条 …（一）…),
                          while the top level (一、 sections holding articles) goes on counting
A series whose first item is above 一 (an excerpt starting mid-document) is not a gap; nor is a
second-level series that goes on counting from the section before (（一）（二）… 二、（三）…).
A suggested heading is written with the level's own mark (1、 2、 4、 → 3.), and an item that goes
back to the number a gap skipped (一、 三、 二、) is read as two items swapped: 三、 should be 二、, and
二、 should be 三、, so that applying both suggestions leaves no new gap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from lint.checks.base import Check, Finding, Params
from lint.checks.scan import Scanner
from lint.checks.text import SPACES, is_han
from lint.regexes import compiled
from lint.source import Document

RESET = "reset"
ARTICLE = "article"
REPORTS = ("gap", "repeat", "mixed", "nested", "order", "start", "unmarked")
CHINESE_DIGITS = "〇一二三四五六七八九"
INDENT = f"[{SPACES}]*"
# GB/T 9704 heading levels, tolerant of the wrong marks other rules report (一. （一）、 1、).
LOOKALIKE_ONE = "―—─"  # bars that stand for 一 in a heading's 一、 (held-out 12501)
HEADING_LEVELS = (
    # 二、2018年工作 and 一、一般规定 are headings; 一、二、三产业 and 一.5 are not
    compiled(
        INDENT
        + rf"(?P<mark>(?P<n>[一二三四五六七八九十]+|[{LOOKALIKE_ONE}](?=、))(?:、|[.．，,](?!\d)))"
        + r"(?![一二三四五六七八九十]+[、，,.．产])"
    ),
    compiled(INDENT + r"(?P<mark>[（(](?P<n>[一二三四五六七八九十]+)[）)])"),
    # 2.2018年4月20日前 and 1.5月18日前 are items whose text starts with a date; 1.5 and 2.1.3 are not items
    compiled(INDENT + r"(?P<mark>(?P<n>\d{1,2})[.．、])(?!(?!(?:19|20)\d\d年|\d{1,2}月\d{1,2}日)[\d.．、])"),
    compiled(INDENT + r"(?P<mark>[（(](?P<n>\d{1,2})[）)])"),
)
# 21.5+2就业之家 after 20.: a number and a point before a digit is an item only where it continues the series
DIGIT_LED_ITEM = compiled(INDENT + r"(?P<mark>(?P<n>\d{1,2})[.．])(?=\d)")
# 3要提高 after 2.: the number of the next item with its point left out; not a count or a date (3月, 3个, 3天)
UNMARKED_ITEM = compiled(
    INDENT
    + r"(?P<mark>(?P<n>\d{1,2}))(?=[\u4e00-\u9fff])"
    + r"(?![年月日号时点分秒个位名人次项件条天周元角万亿千百余多家所台辆户米吨斤岁"
    + r"层楼栋室班级届期批种类倍份张本只头匹间座场轮组队支门篇章节页部款成折])"
)
ARABIC_LEVEL = "level2"

# GB/T 9704 7.3.3: how each heading level is written
STANDARD_MARKS = {"level0": "{}、", "level1": "（{}）", "level2": "{}.", "level3": "（{}）"}


def chinese_number(text: str) -> int | None:
    """一…九十九 as an int; None for anything else."""
    if not text or text.count("十") > 1 or any(c not in CHINESE_DIGITS + "十" for c in text):
        return None
    if "十" not in text:
        return int("".join(str(CHINESE_DIGITS.index(c)) for c in text)) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (CHINESE_DIGITS.index(tens) if tens else 1) * 10 + (CHINESE_DIGITS.index(units) if units else 0)


def chinese_numeral(number: int) -> str:
    if number < 10:
        return CHINESE_DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[units] if units else "")


@dataclass(frozen=True)
class Item:
    """One series marker: its family (a heading level or a series name), number and place."""

    family: str
    number: int  # 0 for a closing item (最后)
    start: int
    end: int
    text: str
    numeral: str  # the part of ``text`` that carries the number
    top: bool = False  # starts a line
    words: tuple[str, ...] = ()

    def renumbered(self, number: int) -> str:
        if self.words:
            return self.words[number - 1] if 0 < number <= len(self.words) else self.text
        arabic = self.numeral.isdigit()
        new = str(number) if arabic else chinese_numeral(number)
        if self.family in STANDARD_MARKS:  # a heading: in its level's own form (1、 → 3.)
            return STANDARD_MARKS[self.family].format(new)
        return self.text.replace(self.numeral, new, 1)


@dataclass(frozen=True)
class Problem:
    report: str
    item: Item
    earlier: Item
    expected: str = ""


@dataclass
class SeriesState:
    """The open series of one scope: the last item of each family, most recent last."""

    last: dict[str, Item] = field(default_factory=dict)
    skipped: dict[str, tuple[Item, int]] = field(default_factory=dict)  # family -> (item after a gap, number skipped)
    opened: set[str] = field(default_factory=set)  # families whose first item (1, 首先) has been seen

    def clear(self) -> None:
        self.last.clear()
        self.skipped.clear()
        self.opened.clear()

    def advance(self, item: Item) -> Problem | None:
        if item.number == 0:
            self.last.pop(item.family, None)
            return None
        current = self.last.get(item.family)
        if item.number == 1:
            self.opened.add(item.family)
        elif _ranking_word(item, current) and item.family not in self.opened:
            return None
        problem = None
        if current is None:
            problem = self._mixed(item)
        elif item.number != 1:
            if item.number == current.number + 1:
                pass
            elif item.number > current.number + 1:
                problem = Problem("gap", item, current, item.renumbered(current.number + 1))
                self.skipped[item.family] = (item, current.number + 1)
            elif _swapped(self.skipped.get(item.family), current, item):
                self.skipped.pop(item.family)
                return Problem("repeat", item, current, item.renumbered(current.number))
            elif _renumbered(self.skipped.get(item.family), current, item):
                self.skipped.pop(item.family)
            else:
                problem = Problem("repeat", item, current, item.renumbered(current.number + 1))
        if problem is not None and problem.report == "mixed":
            self.last.pop(problem.earlier.family, None)  # it may have ended already (首先 … 其次 after 一是)
            self.last[problem.earlier.family] = item
        else:
            self.last.pop(item.family, None)
            self.last[item.family] = item
        return problem

    def _mixed(self, item: Item) -> Problem | None:
        """An item that continues a count its own series never started: 一是…二要, and also 第一…第二…其次
        (a series that picks up at or behind where another one stands)."""
        if item.number <= 1:
            return None
        for other in reversed(self.last.values()):
            if other.family != item.family and other.number >= item.number - 1:
                if _opened_by_first_word(other, item):
                    return None
                return Problem("mixed", item, other, other.renumbered(other.number + 1))
        return None


def _ranking_word(item: Item, current: Item | None) -> bool:
    """A second word (其次) again after a second word where no first word (首先) has opened the series (the
    caller checks): a ranking's "next comes" (最多的是……。其次为……; 排在第一位的是……，其次为……: 中央纪委's
    monthly figures, 新闻联播 2015-04-20), not the next item of a word series; 首先……其次……其次 still repeats."""
    return bool(item.words) and item.number == 2 and current is not None and current.number == 2


def _opened_by_first_word(first: Item, item: Item) -> bool:
    """首先 opening a numbered series: 首先，……第二，…… and 首先是……二是…… are how central texts count
    (习近平's speeches as broadcast, 新闻联播 2018-12-02, 2022-12-21; 2018-09-07); 其次 after 首先 is
    that word series' own second item, and 首先 … 其次 … 第三 stays mixed."""
    return bool(first.words) and first.number == 1 and not item.words and item.number == 2


def _swapped(skipped: tuple[Item, int] | None, current: Item, item: Item) -> bool:
    """Whether ``item`` takes the number that the gap at ``current`` skipped (一、 三、 二、): the two
    are swapped, so ``item`` should carry ``current``'s number and the count goes on from there."""
    return skipped is not None and skipped[0] is current and item.number == skipped[1]


def _renumbered(skipped: tuple[Item, int] | None, current: Item, item: Item) -> bool:
    """Whether ``item`` repeats the number of ``current``, where a gap was reported with a lower
    suggestion (一、 三、 三、): once ``current`` is renumbered as suggested, ``item`` is right."""
    return skipped is not None and skipped[0] is current and item.number == current.number == skipped[1] + 1


def _opened_in_passing(text: str, item: Item) -> bool:
    """A word series whose first word stands earlier in the paragraph inside a clause, where it is no
    item of its own (这首先是……；其次，……; 县级政协首先要……。其次要……: 人民日报 2019–2020): 其次
    goes on from that 首先, not from an 一是 series before it."""
    if not item.words or item.number < 2:
        return False
    start = max(text.rfind("\n", 0, item.start), item.start - 400) + 1
    return item.words[0] in text[start : item.start]


def _numbered_in_passing(text: str, item: Item, boundary: re.Pattern[str]) -> bool:
    """A numeral series whose first marker stands earlier in the paragraph after its subject, where it was
    taken for no item (全市各级财政部门一要……；二要……): 二要 goes on from that 一要, not from a series of an
    earlier paragraph, so it repeats nothing."""
    if item.words or item.number < 2 or item.numeral.isdigit() or item.numeral not in item.text:
        return False
    previous = item.text.replace(item.numeral, chinese_numeral(item.number - 1), 1)
    start = max(text.rfind("\n", 0, item.start), item.start - 400) + 1
    at = text.rfind(previous, start, item.start)
    return at > start and not boundary.fullmatch(text[at - 1])


MAX_TITLE = 30
TITLE_MARKS = frozenset("。；，：！？;,:!?")


def _titled(text: str, item: Item) -> bool:
    """Whether the rest of the item's line is a short title: no sentence marks, at most 30 characters."""
    end = text.find("\n", item.end)
    rest = text[item.end : len(text) if end < 0 else end].strip()
    return 0 < len(rest) <= MAX_TITLE and not TITLE_MARKS.intersection(rest)


def _restart(paragraphs: SeriesState, loose: Item | None, item: Item) -> None:
    """A series begun inside a paragraph after the last one ended goes on at the start of a line
    (……接下来仍需在以下三个关键点上发力。一是……\n二是……): the line's item counts on from it."""
    if loose is not None and loose.number == item.number - 1 and loose.family in paragraphs.last:
        paragraphs.last.pop(loose.family)
        paragraphs.last[loose.family] = loose


def _advance(state: SeriesState, item: Item) -> Iterator[Problem]:
    problem = state.advance(item)
    if problem is not None:
        yield problem


@dataclass
class HeadingState:
    """The open heading of each level, the last heading of each level before it was closed (a series
    may go on counting across sections), and whether text came before the first heading."""

    open: list[Item | None]
    closed: list[Item | None]
    skipped: dict[int, tuple[Item, int]]
    preamble: bool = False
    seen_top: bool = False
    from_one: set[int] = field(default_factory=set)  # levels whose first heading was numbered 1
    # levels whose open heading stands under a deeper one (1.……（一）): the deeper heading, so that the
    # siblings that follow (（二）（三）) are reported as well, each in the wrong place
    inverted: dict[int, Item] = field(default_factory=dict)
    # a law's sections: the last heading of each level met outside an article, and whether an article
    # (第X条) has begun since. Its （一）（二） items and the sections' （一）（二） headings interleave
    # (最高人民法院 2020 担保制度解释: （一）担保合同……的效力 / 第X条 （一）（二）（三） / （二）不动产抵押)
    sections: dict[int, Item] = field(default_factory=dict)
    in_article: bool = False

    @classmethod
    def new(cls, preamble: bool = False) -> HeadingState:
        size = len(HEADING_LEVELS)
        return cls([None] * size, [None] * size, {}, preamble)

    def article(self) -> None:
        """An article begins: its items are counted afresh below the top level."""
        self.close_below(0)
        self.in_article = True

    def heading(self, item: Item, titled: bool = False) -> Iterator[Problem]:
        """``titled``: the item's line is a short title without marks, as a section heading is."""
        level = int(item.family[len("level") :])
        earlier = self.open[level]
        skipped = self.skipped.pop(level, None)
        section = self.sections.get(level)
        next_section = titled and section is not None and item.number == section.number + 1
        if self.in_article and next_section:
            pass  # the next section after an article's items (（一）（二）（三）, then the heading （二）)
        elif earlier is None:
            for problem in self._first(item, level):
                if problem.report == "order":
                    self.inverted[level] = problem.earlier
                yield problem
        elif item.number == 1 and (deeper := self._deeper(level)) is not None and any(self.open[:level]):
            # the inversion again in the next section: 1.……（一）（二）2.……（一）
            self.inverted[level] = deeper
            yield Problem("order", item, deeper)
        elif level in self.inverted and item.number == earlier.number + 1:
            yield Problem("order", item, self.inverted[level])
        elif _swapped(skipped, earlier, item):
            yield Problem("repeat", item, earlier, item.renumbered(earlier.number))
            item = earlier  # the count goes on from the higher of the two
        elif _renumbered(skipped, earlier, item):
            pass
        elif item.number == earlier.number == 1 and level >= 2:
            pass  # a list of 1. or （1） items begun again under an unnumbered subheading, as after 2. 3.
        elif item.number == earlier.number:
            yield Problem("repeat", item, earlier, item.renumbered(earlier.number + 1))
        elif item.number > earlier.number + 1:
            yield Problem("gap", item, earlier, item.renumbered(earlier.number + 1))
            self.skipped[level] = (item, earlier.number + 1)
        elif 1 < item.number < earlier.number:
            yield Problem("repeat", item, earlier, item.renumbered(earlier.number + 1))
        if level == 0:
            self.seen_top = True
        if level == 0 or not self.in_article or next_section:
            self.sections[level] = item
            for below in [key for key in self.sections if key > level]:
                del self.sections[below]
            self.in_article = False
        if earlier is None and self.closed[level] is None and item.number == 1:
            self.from_one.add(level)
        self.open[level] = item
        self.close_below(level)

    def close_below(self, level: int) -> None:
        """Close the headings deeper than ``level`` (a heading of that level, or an article, begins)."""
        for deeper in range(level + 1, len(self.open)):
            if self.open[deeper] is not None:
                self.closed[deeper] = self.open[deeper]
            self.open[deeper] = None
            self.skipped.pop(deeper, None)
            self.inverted.pop(deeper, None)

    def _deeper(self, level: int) -> Item | None:
        """The open heading of the nearest level below ``level``, if any."""
        return next((d for d in self.open[level + 1 :] if d is not None), None)

    def _first(self, item: Item, level: int) -> Iterator[Problem]:
        deeper = self._deeper(level)
        parent = any(self.open[:level])
        # an excerpt may start inside a section: only a heading with a parent can be out of order
        if deeper is not None and parent:
            yield Problem("order", item, deeper)
        elif item.number == 1 or deeper is not None:
            return
        elif (level == 0 and not self.seen_top and self.preamble and item.number == 2) or (
            level > 0 and parent and self.closed[level] is None and self._counted_from_one(level)
        ):
            yield Problem("start", item, item, item.renumbered(1))

    def _counted_from_one(self, level: int) -> bool:
        """Whether every open heading above ``level`` belongs to a series that started at 1 here
        (四、 then （四） is an excerpt going on from text left out)."""
        return all(above in self.from_one for above in range(level) if self.open[above] is not None)


@dataclass(frozen=True)
class Series:
    name: str
    pattern: re.Pattern[str]
    words: tuple[str, ...]
    scanner: Scanner


class _Taken:
    """The spans of the items found so far, for an overlap test in the length of the new item."""

    def __init__(self) -> None:
        self.owner: dict[int, int] = {}  # character offset -> number of the item covering it
        self.points: set[int] = set()  # empty items (resets)
        self.count = 0

    def add(self, item: Item) -> None:
        self.count += 1
        if item.start == item.end:
            self.points.add(item.start)
        for offset in range(item.start, item.end):
            self.owner[offset] = self.count

    def overlaps(self, item: Item) -> bool:
        if item.start == item.end:  # inside another item, not at its edge
            owner = self.owner.get(item.start - 1)
            return owner is not None and self.owner.get(item.start) == owner
        inside = range(item.start + 1, item.end)
        return any(o in self.owner for o in range(item.start, item.end)) or any(p in self.points for p in inside)


class NumberingCheck(Check):
    kind = "numbering"

    def configure(self, params: Params) -> None:
        self.report = params.string("report", required=True)
        if self.report not in REPORTS:
            raise params.error("report", f"must be one of {', '.join(REPORTS)}")
        raw_series = params.raw("series", [])
        if not isinstance(raw_series, list):
            raise params.error("series", "must be a list of {name, regex, words}")
        self.series = [self._series(params, index, raw) for index, raw in enumerate(raw_series)]
        self.boundary = params.regex("clause_boundary", required=True)
        self.resets = params.regex("resets")
        self.articles = params.regex("articles")

    @staticmethod
    def _series(params: Params, index: int, raw: object) -> Series:
        key = f"series[{index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not isinstance(raw.get("regex"), str):
            raise params.error(key, "each series is a mapping with 'name' and 'regex'")
        if set(raw) - {"name", "regex", "words"}:
            raise params.error(key, "unknown key (expected name, regex, words)")
        pattern = params.compile(key, raw["regex"])
        if "n" not in pattern.groupindex:
            raise params.error(key, "the regex needs a group named 'n' for the ordinal")
        words = raw.get("words", [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise params.error(key, "'words' must be a list of non-empty strings")
        return Series(raw["name"], pattern, tuple(words), Scanner(pattern))

    @property
    def offers_fix(self) -> bool:
        return False

    @classmethod
    def find_many(cls, checks: Sequence[Check], document: Document) -> Iterator[Iterator[Finding]]:
        """Rules that differ only in ``report`` follow the document's series once between them."""
        problems: dict[tuple[object, ...], list[Problem]] = {}
        for check in checks:
            assert isinstance(check, NumberingCheck)
            if check.structure not in problems:
                problems[check.structure] = list(check._problems(document))
            yield check._findings(document, problems[check.structure])

    @property
    def structure(self) -> tuple[object, ...]:
        """Everything but ``report``: rules with equal structures find the same problems."""
        series = tuple((s.name, s.pattern.pattern, s.pattern.flags, s.words) for s in self.series)
        resets = None if self.resets is None else (self.resets.pattern, self.resets.flags)
        articles = None if self.articles is None else (self.articles.pattern, self.articles.flags)
        return series, self.boundary.pattern, self.boundary.flags, resets, articles

    def find(self, document: Document) -> Iterator[Finding]:
        return self._findings(document, self._problems(document))

    def _findings(self, document: Document, problems: Iterable[Problem]) -> Iterator[Finding]:
        for problem in problems:
            if problem.report != self.report:
                continue
            if problem.report == "mixed" and _opened_in_passing(document.text, problem.item):
                continue
            if problem.report == "repeat" and _numbered_in_passing(document.text, problem.item, self.boundary):
                continue
            line, column = document.position(problem.earlier.start)
            yield Finding(
                problem.item.start,
                problem.item.end,
                None,
                {"earlier": problem.earlier.text, "earlier_at": f"{line}:{column}", "expected": problem.expected},
            )

    def _problems(self, document: Document) -> Iterator[Problem]:
        items = self._items(document)
        first = next((i for i in items if i.family == "level0"), None)
        levels = HeadingState.new(first is not None and any(map(is_han, document.text[: first.start])))
        paragraphs, inner = SeriesState(), SeriesState()
        top: Item | None = None
        ends = [end for _, end in document.paragraphs()]
        top_end = -1  # the end of the paragraph ``top`` opens: an item's own series nests only inside it
        loose: dict[str, Item] = {}  # the last in-paragraph item of each family outside any item's paragraph
        previous_arabic: Item | None = None  # the last 1. heading, which an unmarked item continues
        for item in items:
            if top is not None and item.start > top_end and not item.top:
                top = None  # later paragraphs are no longer inside the item (the enumeration is over)
            if item.family in (RESET, ARTICLE):
                if item.family == RESET:
                    levels = HeadingState.new(levels.preamble)
                else:
                    levels.article()
                paragraphs.clear()
                inner.clear()
                loose.clear()
                top = None
            elif item.family.startswith("level"):
                if item.family == ARABIC_LEVEL and item.text == item.numeral and previous_arabic is not None:
                    yield Problem("unmarked", item, previous_arabic, f"{item.numeral}.")
                if item.family == ARABIC_LEVEL:
                    previous_arabic = item
                yield from levels.heading(item, _titled(document.text, item))
                paragraphs.clear()
                inner.clear()
                loose.clear()
                top = None
            elif item.top:
                _restart(paragraphs, loose.get(item.family), item)
                loose.clear()
                yield from _advance(paragraphs, item)
                top = item
                top_end = ends[min(bisect.bisect_left(ends, item.start), len(ends) - 1)]
                inner.clear()
            elif item.family in inner.last or top is None:
                if top is None:
                    loose[item.family] = item
                yield from _advance(inner, item)
            elif top.family == item.family and item.number == 1:
                yield Problem("nested", item, top)
                inner.advance(item)
            elif item.number > 1 and (top.family == item.family or not inner.last):
                # the paragraph series goes on inside one paragraph (一是…。二是…)
                yield from _advance(paragraphs, item)
                top = item
                top_end = ends[min(bisect.bisect_left(ends, item.start), len(ends) - 1)]
                inner.clear()
            else:
                yield from _advance(inner, item)

    def _items(self, document: Document) -> list[Item]:
        text = document.text
        items: list[Item] = []
        line_starts: set[int] = set()
        last_arabic = 0  # the number of the last 1. heading, which a digit-led item must continue
        for start, end in document.paragraphs():
            line = text[start:end]
            content = start + len(line) - len(line.lstrip(SPACES))
            line_starts.add(content)
            if self.resets is not None and self.resets.match(text, content, end):
                items.append(Item(RESET, 0, content, content, "", ""))
                continue
            if self.articles is not None and self.articles.match(text, content, end):
                items.append(Item(ARTICLE, 0, content, content, "", ""))
                continue
            heading = self._heading_item(line, start) or self._digit_led_item(line, start, last_arabic)
            if heading is not None:
                items.append(heading)
                if heading.family == ARABIC_LEVEL:
                    last_arabic = heading.number
        taken = _Taken()
        for item in items:
            taken.add(item)
        for series in self.series:
            for match in series.scanner.finditer(text):
                item = self._series_item(series, match, text, line_starts)  # type: ignore[assignment]  # the loop's name above; None is tested next
                if item is not None and not taken.overlaps(item):
                    items.append(item)
                    taken.add(item)
        items.sort(key=lambda i: i.start)
        return items

    @staticmethod
    def _heading_item(line: str, offset: int) -> Item | None:
        for level, pattern in enumerate(HEADING_LEVELS):
            match = pattern.match(line)
            if match is None:
                continue
            numeral = match.group("n")
            # 一、 typed as a bar (―、: punctuation.dash-for-heading-yi reports it) still counts as 一
            number = 1 if numeral in LOOKALIKE_ONE else int(numeral) if numeral.isdigit() else chinese_number(numeral)
            if number is None or number == 0:
                return None
            start, end = match.span("mark")
            return Item(f"level{level}", number, offset + start, offset + end, match.group("mark"), numeral, True)
        return None

    @staticmethod
    def _digit_led_item(line: str, offset: int, last_arabic: int) -> Item | None:
        """21. before a digit (21.5+2就业之家) is the next item after 20., not a decimal opening a line; so is
        3 before a word after 2. (3要提高), an item whose point was left out."""
        match = DIGIT_LED_ITEM.match(line) or UNMARKED_ITEM.match(line)
        if match is None or last_arabic == 0 or int(match.group("n")) != last_arabic + 1:
            return None
        start, end = match.span("mark")
        return Item(
            ARABIC_LEVEL, last_arabic + 1, offset + start, offset + end, match.group("mark"), match.group("n"), True
        )

    def _series_item(self, series: Series, match: re.Match[str], text: str, line_starts: set[int]) -> Item | None:
        start = match.start()
        top = start in line_starts
        if not top and (start == 0 or not self.boundary.fullmatch(text[start - 1])):
            return None
        if "last" in match.groupdict() and match.group("last"):
            return Item(series.name, 0, start, match.end(), match.group(0), match.group("last"), top, series.words)
        numeral = match.group("n")
        if numeral is None:
            return None
        if series.words:
            number = series.words.index(numeral) + 1 if numeral in series.words else None
        else:
            number = chinese_number(numeral)
        if not number:
            return None
        return Item(series.name, number, start, match.end(), match.group(0), numeral, top, series.words)


CHECK = NumberingCheck
