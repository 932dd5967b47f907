"""The state the ``numbering`` kind keeps while it walks a document's series (序号) in order.

``Item`` is one marker found in the text (一、 （二） 3. 一是 首先 …), ``Problem`` one defect it reports.
``SeriesState`` follows the in-paragraph series of one scope (一是/二是, 首先/其次), ``HeadingState``
the GB/T 9704 heading levels (一、 → （一） → 1. → （1）), including excerpts, sections around a law's
articles and a level used above a higher one. The check (lint/checks/numbering.py) finds the items and
chooses, per rule, which problems to report; this module only decides what follows what.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

CHINESE_DIGITS = "〇一二三四五六七八九"
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
    # levels whose last heading stood under no higher heading ((一)(二)(三) as a document's own top level)
    parentless: set[int] = field(default_factory=set)

    @classmethod
    def new(cls, preamble: bool = False) -> HeadingState:
        size = len(STANDARD_MARKS)
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
                if problem.report == "order" and problem.item is item:
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
        if any(self.open[:level]):
            self.parentless.discard(level)
        else:
            self.parentless.add(level)
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
            misplaced = self._misplaced_above(item, level)
            if misplaced is not None:
                yield Problem("order", *misplaced)
            else:
                yield Problem("order", item, deeper)
        elif item.number == 1 or deeper is not None:
            return
        elif (level == 0 and not self.seen_top and self.preamble and item.number == 2) or (
            level > 0 and parent and self.closed[level] is None and self._counted_from_one(level)
        ):
            yield Problem("start", item, item, item.renumbered(1))

    def _misplaced_above(self, item: Item, level: int) -> tuple[Item, Item] | None:
        """The higher heading that broke into a series of this level, and the heading of the series it follows,
        when ``item`` resumes that series: （一）（二）（三） as the document's top level, then 一、 with its
        1. 2., then （四） (held-out 22401). The 一、 is out of place, not （四） or the headings after it."""
        closed = self.closed[level]
        if closed is None or level not in self.parentless or item.number != closed.number + 1:
            return None
        above = next((heading for heading in reversed(self.open[:level]) if heading is not None), None)
        return None if above is None else (above, closed)

    def _counted_from_one(self, level: int) -> bool:
        """Whether every open heading above ``level`` belongs to a series that started at 1 here
        (四、 then （四） is an excerpt going on from text left out)."""
        return all(above in self.from_one for above in range(level) if self.open[above] is not None)
