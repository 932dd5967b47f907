"""``enumeration``: a count announced before a list that the list's numbered items do not match.

"重点抓好三个方面：一是抓学习；二是抓落实；三是抓作风；四是抓纪律。" announces three and lists four:
an item was added (or dropped) after the sentence that counts them was written. The announcement is
a ``announce`` match with a group ``count`` (一 … 十, 两, or an Arabic numeral); the list must start
within ``reach`` characters after it, and its items are the ordinals written into ``item`` (``{n}``
stands for 一, 二, 三 …), each after the one before it in the same paragraph and each at the start
of a clause (after a colon, a semicolon, a comma, a full stop or the line's start). The items
counted are 一, 二 … up to the last one found in order, before any new 一 (a second list); a
finding needs at least two of them, so a paragraph that only mentions 一是 is not a list.

params:
  announce: regex   where a count is announced, group ``count``; the list starts after the match
  item: string      a regular expression holding ``{n}``: one numbered item (``{n}是``)
  reach: int        characters between the announcement and the first item, at most (default 8)
  spill: int        fewer items than announced are reported only when the next ordinal is not found in
                    this many characters after the paragraph either (default 2000): items may go on in
                    paragraphs of their own

Message fields: ``{count}``, the number as announced; ``{items}``, how many items are listed (两, 三 …);
``{last}``, the last ordinal (二, 三 …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.source import Document

NUMERALS = "一二三四五六七八九十"
ANNOUNCED = {numeral: value for value, numeral in enumerate(NUMERALS, start=1)} | {"两": 2}
CLAUSE_START = r"(?m:^|(?<=[：:；;。，,、！？\s（(]))"
MAX_ITEMS = len(NUMERALS)


def announced_count(written: str) -> int | None:
    """一 … 十, 两 or an Arabic numeral; None for anything else."""
    if written.isascii() and written.isdigit():
        return int(written)
    return ANNOUNCED.get(written)


class EnumerationCheck(Check):
    kind = "enumeration"
    locality = "document"  # items may go on in the paragraphs after the announcement

    def configure(self, params: Params) -> None:
        self.announce = params.regex("announce", required=True)
        if "count" not in self.announce.groupindex:
            raise params.error("announce", "needs a group named count")
        template = params.string("item", required=True) or ""
        if "{n}" not in template:
            raise params.error("item", "must hold {n}, where the ordinal goes")
        self.items = [params.compile("item", CLAUSE_START + template.replace("{n}", numeral)) for numeral in NUMERALS]
        self.reach = params.integer("reach", 8)
        self.spill = params.integer("spill", 2000)

    @property
    def offers_fix(self) -> bool:
        return False  # the count or the list: only the writer knows which is wrong

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.announce]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        for match in self.announce.finditer(text):
            count = announced_count(match.group("count"))
            if count is None:
                continue
            paragraph_end = text.find("\n", match.end())
            end = len(text) if paragraph_end < 0 else paragraph_end
            listed = self._items_listed(text, match.end(), end)
            if listed < 2 or listed == count:
                continue
            if listed < count and (
                self._continues(text, listed, end) or self._skips(text, listed, count, match.end(), end)
            ):
                continue
            last = NUMERALS[listed - 1]
            fields = {"count": match.group("count"), "items": "两" if listed == 2 else last, "last": last}
            yield Finding(match.start("count"), match.end("count"), None, fields)

    def _continues(self, text: str, listed: int, end: int) -> bool:
        """Whether the next item comes in a following paragraph: speeches give items paragraphs of
        their own, so fewer items in the first paragraph than announced is no finding."""
        return listed < MAX_ITEMS and self.items[listed].search(text, end, end + self.spill) is not None

    def _skips(self, text: str, listed: int, count: int, start: int, end: int) -> bool:
        """Whether a later item of the announced count is written (一要……二要……三深刻领会……四要): the marker of
        the one between was mistyped, which the numbering rules report; the list is as long as announced."""
        return any(self.items[later].search(text, start, end) for later in range(listed + 1, min(count, MAX_ITEMS)))

    def _items_listed(self, text: str, start: int, end: int) -> int:
        first = self.items[0].search(text, start, end)
        if first is None or first.start() - start > self.reach:
            return 0
        listed, position = 1, first.end()
        while listed < MAX_ITEMS:
            following = self.items[listed].search(text, position, end)
            if following is None:
                break
            restart = self.items[0].search(text, position, following.start())
            if restart is not None:  # a new list (一是 again) began: its items are not this one's
                break
            listed, position = listed + 1, following.end()
        return listed


CHECK = EnumerationCheck
