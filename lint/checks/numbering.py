"""``numbering``: whole-document check of ordinal series (序号).

Two kinds of series are followed through the document in order:

* the heading levels of GB/T 9704 at the start of a line — 一、 → （一） → 1. → （1）;
* in-paragraph series given as params (一是/二是, 一要/二要, 第一/第二, 首先/其次/再次/最后), whose
  markers start a clause. Series whose items start lines are the "paragraph" series of a section;
  series inside such a paragraph are its inner series.

A heading resets the series below it; a paragraph item resets the inner series; an unnumbered title line
(a section named 高铁二队虹桥七组 in a collection of pledges) ends the series running inside paragraphs
before it, so that one section's 其次 and the next's 二是 are not one enumeration. Each rule reports
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
from dataclasses import dataclass

from lint.checks.base import Check, Finding, Params
from lint.checks.scan import Scanner
from lint.checks.series_state import HeadingState, Item, Problem, SeriesState, chinese_number, chinese_numeral
from lint.checks.text import SPACES, is_han
from lint.regexes import compiled
from lint.source import Document

RESET = "reset"
ARTICLE = "article"
TITLE = "title"  # an unnumbered short line (a section's name, a signature): in-paragraph series end there
REPORTS = ("gap", "repeat", "mixed", "nested", "order", "start", "unmarked")
INDENT_CHARACTERS = SPACES + "\u00a0"  # a no-break space too: Word and web copies indent items with it (held-out 17303)
INDENT = f"[{INDENT_CHARACTERS}]*"
# GB/T 9704 heading levels, tolerant of the wrong marks other rules report (一. 三 、 （一）、 1、).
LOOKALIKE_ONE = "―—─"  # bars that stand for 一 in a heading's 一、 (held-out 12501)
HEADING_LEVELS = (
    # 二、2018年工作 and 一、一般规定 are headings; 一、二、三产业 and 一.5 are not
    compiled(
        INDENT
        + rf"(?P<mark>(?P<n>[一二三四五六七八九十]+|[{LOOKALIKE_ONE}](?=、))(?:[ \u3000]?、|[.．，,](?!\d)))"
        + r"(?![一二三四五六七八九十]+[、，,.．产])"
    ),
    compiled(INDENT + r"(?P<mark>[（(](?P<n>[一二三四五六七八九十]+)[）)])"),
    # 2.2018年4月20日前 and 1.5月18日前 are items whose text starts with a date, 1.2015级 one that starts with a
    # class's year (held-out 23403); 1.5 and 2.1.3 are not items
    compiled(INDENT + r"(?P<mark>(?P<n>\d{1,2})[.．、])(?!(?!(?:19|20)\d\d[年级届]|\d{1,2}月\d{1,2}日)[\d.．、])"),
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
HIGHER_THAN_ARABIC = frozenset({"level0", "level1"})


MIN_BARE_ITEMS = 3
LOOSE_UNMARKED_ITEM = compiled(INDENT + r"(?P<mark>(?P<n>\d{1,2}))(?=[\u4e00-\u9fff])")


def _bare_lists(text: str, paragraphs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Lines of a list numbered 1, 2, 3 … with no point after any number (a member list 1南通百安谊家 /
    2无锡华厦家居港 / 3徐州升辉国际家居: held-out 22602), at least MIN_BARE_ITEMS in a row: each line's start
    with the number before its own, so that the line is read as the next item of that list. A count or a
    date (3月, 5个) is no such number."""
    found: dict[int, int] = {}
    run: list[int] = []
    for start, end in [*paragraphs, (len(text), len(text))]:
        # once the list is established, its next number is read whatever word follows it (12天津…)
        match = (LOOSE_UNMARKED_ITEM if len(run) >= MIN_BARE_ITEMS else UNMARKED_ITEM).match(text, start, end)
        number = int(match.group("n")) if match else 0
        if match and number == len(run) + 1:
            run.append(start)
            continue
        if len(run) >= MIN_BARE_ITEMS:
            found.update((line, index) for index, line in enumerate(run))
        run = [start] if number == 1 else []
    return found


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


def _short_title(words: str) -> bool:
    """Whether ``words`` (stripped) read as a short title: no sentence marks, at most 30 characters."""
    return 0 < len(words) <= MAX_TITLE and not TITLE_MARKS.intersection(words)


def _titled(text: str, item: Item) -> bool:
    """Whether the rest of the item's line is a short title."""
    end = text.find("\n", item.end)
    return _short_title(text[item.end : len(text) if end < 0 else end].strip())


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
            elif item.family == TITLE:
                inner.clear()
                loose.clear()
            elif item.family.startswith("level"):
                if (
                    item.family == ARABIC_LEVEL
                    and item.text == item.numeral
                    and previous_arabic is not None
                    and item.number == previous_arabic.number + 1
                ):
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
            elif top.family == item.family and item.number == 1 and top.number != 0:
                # a paragraph opening with 最后 has closed its series: 首先 inside it starts another (held-out 17502)
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
        titles: list[int] = []  # unnumbered short lines, unless a series item opens them (二是加强党建)
        bare = _bare_lists(text, document.paragraphs())
        for start, end in document.paragraphs():
            line = text[start:end]
            content = start + len(line) - len(line.lstrip(INDENT_CHARACTERS))
            line_starts.add(content)
            if self.resets is not None and self.resets.match(text, content, end):
                items.append(Item(RESET, 0, content, content, "", ""))
                continue
            if self.articles is not None and self.articles.match(text, content, end):
                items.append(Item(ARTICLE, 0, content, content, "", ""))
                continue
            heading = self._heading_item(line, start) or self._digit_led_item(
                line, start, bare.get(start, last_arabic), start in bare
            )
            if heading is not None:
                items.append(heading)
                if heading.family == ARABIC_LEVEL:
                    last_arabic = heading.number
                elif heading.family in HIGHER_THAN_ARABIC:
                    last_arabic = 0  # a new section: its 1. series has not begun
            elif _short_title(text[content:end].strip()):
                titles.append(content)
        taken = _Taken()
        for item in items:
            taken.add(item)
        for series in self.series:
            for match in series.scanner.finditer(text):
                item = self._series_item(series, match, text, line_starts)  # type: ignore[assignment]  # the loop's name above; None is tested next
                if item is not None and not taken.overlaps(item):
                    items.append(item)
                    taken.add(item)
        opened = {item.start for item in items}
        items.extend(Item(TITLE, 0, start, start, "", "") for start in titles if start not in opened)
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
    def _digit_led_item(line: str, offset: int, last_arabic: int, bare: bool = False) -> Item | None:
        """21. before a digit (21.5+2就业之家) is the next item after 20., not a decimal opening a line; so is
        3 before a word after 2. (3要提高), an item whose point was left out, and each line of a list with no
        points at all (``bare``: its first line continues no series)."""
        match = DIGIT_LED_ITEM.match(line) or (LOOSE_UNMARKED_ITEM if bare else UNMARKED_ITEM).match(line)
        if match is None or (last_arabic == 0 and not bare) or int(match.group("n")) != last_arabic + 1:
            return None
        start, end = match.span("mark")
        return Item(
            ARABIC_LEVEL, last_arabic + 1, offset + start, offset + end, match.group("mark"), match.group("n"), True
        )

    def _after_clause(self, text: str, start: int) -> bool:
        """Whether an in-paragraph marker at ``start`` begins a clause: after a clause mark, or after a quotation
        that ends its sentence (……继续办下去。”二是规范管理: held-out 16406)."""
        if start >= 2 and text[start - 1] in "”’" and text[start - 2] in "。！？":
            return True
        return self.boundary.fullmatch(text[start - 1]) is not None

    def _series_item(self, series: Series, match: re.Match[str], text: str, line_starts: set[int]) -> Item | None:
        start = match.start()
        top = start in line_starts
        if not top and (start == 0 or not self._after_clause(text, start)):
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
