"""``item_stops``: numbered items of one list that are sentences, some closed by a full stop and some not.

params:
  families: [regex, ...]   the number of one kind of list item, matched at a line's start after spaces
                           (``[0-9]{1,3}[.．](?![0-9])`` for 1., ``[①-⑳]`` for ①); each family is
                           judged on its own
  mark: str                the end mark the items lack (default 。)
  min_chars: int           an item is read as a sentence when its text after the number has at least
                           this many characters (default 12); shorter ones may be run-in titles
  skip_last_after_mark: bool   leave out a list's last item when the one before it ends in the mark
                           (default false): a rule that also reads the line after the list judges it

A list is a run of at least three consecutive non-blank lines opening with numbers of one family; a
number 1 (①, 一) after higher ones starts a new list (two lists under two headings run together: 1.……
4.…… 1.…… 4.……, each judged on its own). In a
list where at least one item ends in the mark, an item that ends in a plain character (a Han
character, a digit, %, or a closing quote or bracket whose inside does not end in a sentence mark) is
reported when both its neighbours in the list end in the mark, whatever its length (30.……。 /
31.严禁倾倒垃圾 / 32.……。), or when it is at least ``min_chars`` long (①先锋行动：……开展活动。 /
②天使行动：……讲授计划生育知识 / ③……): items written as sentences end as sentences (GB/T 15834
4.1.3.1). Items ending in another mark (，：、) follow another pattern and are left alone, a list with an
item ending in ； is a list of clauses whose items close with semicolons (another rule's), and so is an
item with more opening than closing quotation marks or brackets: a line broken inside a quotation,
and one closed by a sentence mark before a note in brackets (……。’（草案第二百零六条第一款）). So is a
headline over its story: an item with no mark inside whose last words the next item repeats (a news
round-up's 2025年供销系统农业社会化服务规模达3.5亿亩次 / 2025年全国供销合作社系统……达3.5亿亩次，……), or
one of at most 30 characters over a story twice as long with marks of its own (2024年全国硕士研究生招生考试
今日开考 / 2024年全国硕士研究生招生考试今天开始，……). So is, unless both its neighbours end in the mark, a
field of a form: a label of two to eight Han characters, a colon and a value of at most 20 characters with
no mark and no verb inside (（一）事故发生时间：2016年7月30日11时30分 in a list whose last field holds two sentences).

The finding spans the item's last words (whole words of its last clause, about six characters); the
fix appends the mark.

Cost: one pass over the lines with a regex match at each line's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.numbered_lines import numbered_lines
from lint.checks.text import is_han
from lint.source import Document

CLOSERS = "”’」』）》)"
PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("(", ")"))
SENTENCE_MARKS = "。！？!?…"
LIST_MARKS = ("；", ";")  # a list of clauses (（一）……；（二）……。): its missing mark is a semicolon
MIN_ITEMS = 3
TAIL_CHARS = 6  # the span shown: the end of the item, not the whole line
HEADLINE_MARKS = "，,；;：:、"
FIRST_MARKS = "①⑴⒈❶"  # the first of the circled, bracketed and dotted number characters
HEADLINE_ECHO = 4  # characters at a headline's end that its story repeats
HEADLINE_MAX = 30  # characters at most of a headline that its story does not echo
FIELD = re.compile(r"[\u4e00-\u9fff]{2,8}[：:]\s*(?P<value>.{1,20})")  # 事故发生时间：2016年7月30日11时30分


@dataclass(frozen=True)
class Item:
    family: int | None  # the family whose number opens the line, if any
    body_at: int  # where the text after the number starts
    end: int  # where the line's content ends (spaces after it left out)
    text: str  # the text after the number
    first: bool = False  # its number is 1 (1. ① 一、): a list starts here


class ItemStopsCheck(Check):
    kind = "item_stops"
    default_fix = "unsafe"

    def configure(self, params: Params) -> None:
        sources = params.strings("families", required=True)
        self.families = [params.compile("families", source) for source in sources]
        self.mark = params.string("mark", "。")
        self.min_chars = params.integer("min_chars", 12, minimum=1)
        self.skip_last_after_mark = params.boolean("skip_last_after_mark", False)
        self.required = frozenset({self.mark})

    def patterns(self) -> list[re.Pattern[str]]:
        return list(self.families)

    def find(self, document: Document) -> Iterator[Finding]:
        for run in self._runs(self._items(document)):
            marked = [item.text.endswith(self.mark) for item in run]
            if not any(marked) or any(item.text.endswith(LIST_MARKS) for item in run):
                continue
            for index, item in enumerate(run):
                if marked[index] or not self._open_sentence(item.text):
                    continue
                last = index == len(run) - 1
                if last and self.skip_last_after_mark and marked[index - 1]:
                    continue
                if not last and _headline(item.text, run[index + 1].text):
                    continue
                between_marked = index > 0 and not last and marked[index - 1] and marked[index + 1]
                if between_marked or (len(item.text) >= self.min_chars and not _field(item.text)):
                    tail = _tail(item.text)
                    yield Finding(item.end - len(tail), item.end, tail + self.mark)

    def _items(self, document: Document) -> list[Item]:
        """The non-blank lines, with the family whose number opens each and the text after it."""
        text = document.text
        return [
            Item(
                line.family,
                line.body_at,
                line.end,
                text[line.body_at : line.end],
                line.family is not None and _numbers_one(text[line.number_at : line.body_at]),
            )
            for line in numbered_lines(document, self.families)
        ]

    @staticmethod
    def _runs(items: list[Item]) -> Iterator[list[Item]]:
        """Runs of at least MIN_ITEMS consecutive lines opening with numbers of one family."""
        run: list[Item] = []
        for item in [*items, Item(None, 0, 0, "")]:
            if run and item.family == run[0].family and not item.first:
                run.append(item)
                continue
            if len(run) >= MIN_ITEMS:
                yield run
            run = [item] if item.family is not None else []

    @staticmethod
    def _open_sentence(text: str) -> bool:
        """Whether the item ends without a mark: in a plain character, or a closer after a plain one."""
        if not text or any(text.count(opening) > text.count(closing) for opening, closing in PAIRS):
            return False
        if text[-1] in "）)":
            # a note in brackets after a closed sentence (……。’（草案第二百零六条第一款）) closes nothing
            before = text[: max(text.rfind("（"), text.rfind("("))].rstrip(CLOSERS)
            if before and before[-1] in SENTENCE_MARKS:
                return False
        stripped = text.rstrip(CLOSERS)
        if not stripped or stripped[-1] in SENTENCE_MARKS:
            return False
        last = stripped[-1]
        return is_han(last) or last.isdigit() or last in "%％"


def _numbers_one(marker: str) -> bool:
    """Whether a list item's number is 1: the digits 1 or 01, ①, ⑴, ⒈, or 一 standing alone."""
    digits = re.search(r"[0-9]+", marker)
    if digits is not None:
        return int(digits.group()) == 1
    return (
        any(first in marker for first in FIRST_MARKS)
        or re.search(r"(?<![一二三四五六七八九十])一(?![一二三四五六七八九十])", marker) is not None
    )


def _field(text: str) -> bool:
    """Whether an item is a field of a form, a short label and its value with no mark and no verb inside
    (事故发生时间：2016年7月30日11时30分; 事故发生单位：四川海晨建筑劳务有限公司): a record, not a sentence."""
    match = FIELD.fullmatch(text)
    if match is None or any(mark in match.group("value") for mark in HEADLINE_MARKS + "“”"):
        return False
    # a value with a verb is a sentence after a label (自强行动：市残联组织残疾人志愿者开展公益活动); one-character
    # verbs are left out, as jieba tags the 分 of 11时30分 a verb
    return not any(tag == "v" and len(word) > 1 for word, tag in segment.tagged(match.group("value")))


def _headline(text: str, following: str) -> bool:
    """Whether an item is the headline of the next one: no mark inside, and either its last words repeated
    there or a short line over a story at least twice as long that has marks of its own."""
    if any(mark in text for mark in HEADLINE_MARKS):
        return False
    if text[-HEADLINE_ECHO:] in following:
        return True
    return (
        len(text) <= HEADLINE_MAX
        and len(following) >= 2 * len(text)
        and any(mark in following for mark in HEADLINE_MARKS)
    )


def _tail(text: str) -> str:
    """The item's last words, where the mark goes: the whole words of its last clause that fit in
    TAIL_CHARS characters (讲授保健知识, not 授保健知识), or its last word when that alone is longer."""
    clause = re.split(r"[，、；：,;:。！？]", text)[-1] or text
    tail = ""
    for token in reversed(segment.tokens(clause)):
        if tail and len(token) + len(tail) > TAIL_CHARS:
            break
        tail = token + tail
    return tail or clause[-TAIL_CHARS:]


CHECK = ItemStopsCheck
