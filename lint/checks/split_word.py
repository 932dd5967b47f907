"""``split_word``: a word of the dictionary broken by a space (认证专家小组组 成, 加强 管理).

Text copied out of a PDF or a justified web page keeps the spaces the layout put between characters.
A space between two Chinese characters is reported when the characters on its two sides join into a
word of jieba's dictionary (one or two characters on either side, three at most in all) and jieba,
reading the two sides as one text, cuts that word across the space (严华国 电话 is 严|华国|电话), in a line
of running text: one that holds a sentence mark of ``prose_marks``. Headings spaced out for layout
(目 录, 前 言, 主　席) hold no such mark, nor do lists of names (蔡奇　石泰峰); two names side by side
in running text (记者林凯 卢辉) rarely join into a word, and a two-character name padded to the width of
three after a title (研究室副主任　黄　河) is layout, not a broken word.

With ``whole_words`` the kind reports the complement: a space between two whole words of a sentence
(中国共产党 成立, 认证工作 照常进行, 在 认证的过程中), where the characters on its two sides join into
no word, or into one jieba does not read there (国家 电子商务: 家电 is a word, but the text joined is
国家|电子商务). Two names side by side (王 伟, 欧阳 明) are left alone: the runs of Chinese characters on the
two sides of such a space must hold ``min_run`` characters together.

params:
  spaces: text           the characters taken for a stray space (default: space, U+3000, U+00A0)
  prose_marks: text      a line holding one of these is running text (default: ，。；！？)
  whole_words: bool      report spaces between two whole words instead of inside one (default false)
  min_run: int           with whole_words: Chinese characters the two sides hold together (default 4)
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches). The fix deletes the space.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.text import HAN, is_han
from lint.source import Document

DEFAULT_SPACES = " \u3000\u00a0"
DEFAULT_PROSE_MARKS = "，。；！？"
SIDES = ((1, 1), (1, 2), (2, 1))  # characters taken (before, after) the space
RUN = 6  # characters of each side segmented to confirm a word across the space
FIELD_COLONS = frozenset("：:")  # after the words right of a space: a label, so the space parts two fields


class SplitWordCheck(Check):
    kind = "split_word"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        spaces = params.string("spaces", DEFAULT_SPACES)
        self.prose_marks = frozenset(params.string("prose_marks", DEFAULT_PROSE_MARKS))
        if not spaces or not self.prose_marks:
            raise params.error("spaces", "spaces and prose_marks must each name at least one character")
        self.space = re.compile(f"(?<=[{HAN}])[{re.escape(spaces)}](?=[{HAN}])")
        self.whole_words = params.boolean("whole_words", False)
        self.min_run = params.integer("min_run", 4, minimum=2)
        self.context = Context(params)

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.space]

    def find(self, document: Document) -> Iterator[Finding]:
        text, typed = document.text, document.typed_text
        if not self.context.allows_document(text):
            return
        for index in range(len(document.line_starts)):
            start, stop = document.paragraph(index)
            if self.prose_marks.isdisjoint(text[start:stop]):
                continue
            for match in self.space.finditer(text, start, stop):
                if typed[match.start() : match.end()] != match.group():
                    continue  # Markdown markup blanked to a space by the reader, not a typed space
                word = self._reported_word(text, match.start(), match.end(), start, stop)
                if word and self.context.allows(text, match.start(), match.end()):
                    yield Finding(match.start(), match.end(), "", {"word": word})

    def _reported_word(self, text: str, space: int, after: int, start: int, stop: int) -> str | None:
        """The word a reported space breaks, or the two words it parts (``whole_words``); None: not reported."""
        joined = self._joined_word(text, space, after, start, stop)
        if not self.whole_words:
            if _padded_name(text, space, after, start, stop):
                return None
            return joined if joined and _cut_across(text, space, after, start, stop) else None
        if joined and _cut_across(text, space, after, start, stop):
            return None  # a word broken by the space: space-inside-word's
        left, right = _han_run_before(text, space, start), _han_run_after(text, after, stop)
        if len(right) < 2 or len(left) + len(right) < self.min_run:  # a one-character given name: 王 伟、
            return None
        if text[after + len(right) : after + len(right) + 1] in FIELD_COLONS:
            return None  # the space parts two fields: 联系人：严华国 电话：……
        return f"{left[-4:]} {right[:4]}"

    @staticmethod
    def _joined_word(text: str, space: int, after: int, start: int, stop: int) -> str | None:
        for before_count, after_count in SIDES:
            left, right = text[max(start, space - before_count) : space], text[after : min(stop, after + after_count)]
            whole = len(left) == before_count and len(right) == after_count and all(map(is_han, left + right))
            if whole and segment.is_dictionary_word(left + right):
                return left + right
        return None


def _padded_name(text: str, space: int, after: int, start: int, stop: int) -> bool:
    """A two-character name padded to the width of three (研究室副主任　黄　河, 主　席): one character on either
    side of the space, and a space or the line's start before the first."""
    left, right = _han_run_before(text, space, start), _han_run_after(text, after, stop)
    before = space - len(left) - 1
    return len(left) == 1 and len(right) == 1 and (before < start or text[before] in " \u3000\xa0")


def _cut_across(text: str, space: int, after: int, start: int, stop: int) -> bool:
    """Whether jieba, reading the text on both sides as one, puts a word across the space: 专家组 成 joined
    is 专家|组成, but 严华国 电话 joined is 严|华国|电话, a name and the next word (国电 is a word, not here)."""
    left, right = _han_run_before(text, space, start)[-RUN:], _han_run_after(text, after, stop)[:RUN]
    return len(left) not in segment.boundaries(left + right)


def _han_run_before(text: str, end: int, start: int) -> str:
    index = end
    while index > start and is_han(text[index - 1]):
        index -= 1
    return text[index:end]


def _han_run_after(text: str, begin: int, stop: int) -> str:
    index = begin
    while index < stop and is_han(text[index]):
        index += 1
    return text[begin:index]


CHECK = SplitWordCheck
