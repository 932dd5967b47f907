"""``toc``: a heading whose wording differs from the document's own table of contents (目录).

params:
  title: regex      a line (spaces removed) that opens the table of contents (e.g. 目录)
  marker: regex     what opens a heading line (its number: 第一章, 一、, （一）); its kind is the
                    match with the numerals taken out, so 第一章 and 第一节 are different kinds
  max_entry: int    longest table-of-contents line, in characters, after its page number is removed
                    (default 60)

The entries are the lines after the title up to the first line that is not one (a long line, a
line ending a sentence) or that repeats an entry already read (the body begins). Each entry and
each body heading is keyed by its number under the numbers of the headings above it (第二章/第一节),
so repeated 第一节 are told apart. A body heading whose key is in the table but whose words differ
(spaces, dot leaders and page numbers aside) is reported with the table's words. Headings the table
does not list, and entries the body lacks, are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.text import SPACES
from lint.regexes import compiled
from lint.source import Document

LEADER = compiled(r"[\s.．·…─—\-_]*\d*\s*$")
BLANKS = compiled(rf"[{SPACES}\u00a0]+")
SENTENCE_END = compiled(r"[。；！？]\s*$")
NUMERALS = compiled(r"[〇零一二三四五六七八九十百0-9０-９]+")


class TocCheck(Check):
    kind = "toc"

    def configure(self, params: Params) -> None:
        self.title = params.regex("title", required=True)
        self.marker = params.regex("marker", required=True)
        self.max_entry = params.integer("max_entry", 60, minimum=1)

    @property
    def offers_fix(self) -> bool:
        return False

    def find(self, document: Document) -> Iterator[Finding]:
        lines = [(start, end) for start, end in document.paragraphs()]
        text = document.text
        opening = next((i for i, (s, e) in enumerate(lines) if self._is_title(text[s:e])), None)
        if opening is None:
            return
        entries, body_from = self._entries(text, lines, opening + 1)
        if not entries:
            return
        keys = _Keys()
        for start, end in lines[body_from:]:
            heading = self._heading(text, start, end)
            if heading is None:
                continue
            level, number, words_start = heading
            key = keys.key(level, number)
            title = _words(text[words_start:end])
            expected = entries.get(key)
            if expected is not None and _plain(title) != _plain(expected):
                span_end = words_start + len(title)
                yield Finding(words_start, span_end, None, {"expected": expected})

    def _is_title(self, line: str) -> bool:
        return self.title.fullmatch(BLANKS.sub("", line)) is not None

    def _entries(self, text: str, lines: list[tuple[int, int]], first: int) -> tuple[dict[tuple[str, ...], str], int]:
        entries: dict[tuple[str, ...], str] = {}
        seen: set[str] = set()
        keys = _Keys()
        index = first
        for index in range(first, len(lines)):
            start, end = lines[index]
            line = LEADER.sub("", text[start:end]).strip(SPACES + "\u00a0")
            if not line:
                continue
            if len(line) > self.max_entry or SENTENCE_END.search(line) or _plain(line) in seen:
                break
            seen.add(_plain(line))
            heading = self._heading(line, 0, len(line))
            if heading is not None:
                level, number, words_start = heading
                entries[keys.key(level, number)] = _words(line[words_start:])
        else:
            index = len(lines)
        return entries, index

    def _heading(self, text: str, start: int, end: int) -> tuple[str, str, int] | None:
        """(kind, number, where the words start) of a heading line, or None."""
        position = start
        while position < end and text[position] in SPACES + "\u00a0":
            position += 1
        match = self.marker.match(text, position, end)
        if match is None:
            return None
        words_start = match.end()
        while words_start < end and text[words_start] in SPACES + "\u00a0":
            words_start += 1
        if words_start == end:
            return None
        number = BLANKS.sub("", match.group())
        return NUMERALS.sub("#", number), number, words_start


class _Keys:
    """A heading's number under the numbers of the open headings of other kinds above it."""

    def __init__(self) -> None:
        self.order: list[str] = []  # kinds in the order first seen: earlier is higher
        self.open: dict[str, str] = {}

    def key(self, level: str, number: str) -> tuple[str, ...]:
        if level not in self.order:
            self.order.append(level)
        rank = self.order.index(level)
        for lower in self.order[rank + 1 :]:
            self.open.pop(lower, None)
        self.open[level] = number
        return tuple(self.open[k] for k in self.order[: rank + 1] if k in self.open)


def _words(line: str) -> str:
    """A heading's words: up to the end of its first sentence, without a page number."""
    cut = re.split(r"[。：:]", line, maxsplit=1)[0]
    return LEADER.sub("", cut).rstrip(SPACES + "\u00a0")


def _plain(words: str) -> str:
    return BLANKS.sub("", words)


CHECK = TocCheck
