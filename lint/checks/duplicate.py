"""``duplicate``: a line or a sentence written twice in a row (a title pasted twice, X。X。).

params:
  min_chars: int           Han characters a line or a sentence must hold to be reported (default 6):
                           short lines without a closing mark repeat legitimately (合计, 是, 无 in
                           table cells), and so do short sentences (万岁！万岁！)
  min_chars_closed_line: int  the same for a whole line ending in a closing mark (。！？：；),
                           which no table cell or label does (default 2: 同志们： twice)
  min_chars_open_line: int  the same for a whole line without one (default ``min_chars``); a short
                           sentence repeated inside a line is judged by ``min_chars`` still
  unless_line_matches: regex  lines never reported, searched in the line (table rows: tabs, ``|``)
  item_marker: regex       an item's ordinal matched at a line's start (1、 （一）), set aside when the line's
                           first sentence is compared with the sentence ending the line before it
  pass_over_lines_matching: regex  lines passed over like blank lines when looking for the line before,
                           matched at the line's start (a web page's 发布时间：… and 【字体：大 中 小】
                           between a title and the same title pasted again)
  max_block_lines: int     also report a block of 2 to this many lines pasted again right after itself
                           (articles 4 to 6, then articles 4 to 6 again), each line of the second copy;
                           the block must hold a line of ``min_chars`` Han characters and twice that in
                           all (default 0: blocks are not compared)
  anywhere_lines_matching: regex  instead of all the above: only lines this matches at their start are
                           compared, each with every earlier one, however far (a photo caption 图为…… used
                           again for another photo); the later one is reported, without a fix

Two lines are duplicates when they are equal once the spaces at their ends are dropped and only
blank lines (or lines ``pass_over_lines_matching`` names) separate them: the second one is reported,
and its fix deletes it with its line break. So is a line made of the whole sentences that end the
line before it (……。会议提出，……。 then 会议提出，……。 again as a paragraph of its own), and so is
the first sentence of a line (after its ``item_marker``) that ends the line before it, at a sentence
or clause start, with ``min_chars`` Han characters: a total pasted again as item 1 of its breakdown
(……其中，公共财政预算收入完成58.2亿元。 then 1、公共财政预算收入完成58.2亿元。①……); its fix deletes it.
Inside a line, a sentence (up to 。！？ and the closing quotes or brackets after them) equal to the
sentence right before it is reported, and its fix deletes it. Lines that are equal but not
consecutive (各位代表！ before each part of a report, a table of contents repeating the headings)
are not reported, unless ``max_block_lines`` is set and they belong to a block of lines that
repeats the block right before it.

Cost: one pass over the lines comparing each with the one before; for sentences, the text split at
。！？ (string operations in C) and the regular expression run only on lines where two neighbouring
pieces are equal; Han characters are counted only for what is about to be reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.text import HAN, SPACES
from lint.regexes import compiled
from lint.source import Document

HAN_CHAR = compiled(f"[{HAN}]")
CLOSING_MARKS = "。！？：；…”’」』）"
CLOSERS = "”’」』）"  # what may follow a sentence mark and still belong to the sentence
# A sentence starting at a line start or after a closing mark, immediately followed by itself.
REPEATED_SENTENCE = compiled(
    rf"(?:^|(?<=[。！？”’」』）]))[{SPACES}]*([^。！？\r\n]+[。！？]+[”’」』）]*)\1", re.MULTILINE
)

SENTENCE_MARK = compiled("[。！？]")
# A line's first sentence: up to its first 。！？ and the closing quotes or brackets after it.
FIRST_SENTENCE = compiled(r"[^。！？\r\n]+[。！？]+[”’」』）]*")


class DuplicateCheck(Check):
    kind = "duplicate"
    default_fix = "unsafe"

    def configure(self, params: Params) -> None:
        self.min_chars = params.integer("min_chars", 6, minimum=1)
        self.min_chars_closed_line = params.integer("min_chars_closed_line", 2, minimum=1)
        self.min_chars_open_line = params.integer("min_chars_open_line", self.min_chars, minimum=1)
        self.unless_line = params.regex("unless_line_matches")
        self.pass_over = params.regex("pass_over_lines_matching")
        self.item_marker = params.regex("item_marker")
        self.anywhere = params.regex("anywhere_lines_matching")
        self.max_block = params.integer("max_block_lines", 0, minimum=0)

    @property
    def offers_fix(self) -> bool:
        return self.anywhere is None

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.unless_line, self.pass_over, self.item_marker, self.anywhere]

    def find(self, document: Document) -> Iterator[Finding]:
        if self.anywhere is not None:
            return self._anywhere(document, self.anywhere)
        findings = [*self._lines(document), *self._sentences(document), *self._blocks(document)]
        return iter(sorted(findings, key=lambda finding: finding.start))

    def _lines(self, document: Document) -> Iterator[Finding]:
        previous: tuple[int, str] | None = None  # the last non-blank line not passed over: index, content
        last_written = 0  # the last non-blank line, passed over or not
        for index in range(len(document.line_starts)):
            start, stop = document.paragraph(index)
            content = document.text[start:stop].strip(SPACES)
            if not content:
                continue
            if self.pass_over is not None and self.pass_over.match(content):
                last_written = index
                continue
            if previous is not None and self._repeats(content, previous[1]):
                yield self._line_finding(document, index, last_written, content)
            elif previous is not None and (opening := self._repeated_opening(document, index, previous[1])):
                yield opening
            previous = index, content
            last_written = index

    def _blocks(self, document: Document) -> Iterator[Finding]:
        """Each line of a block of non-blank lines that repeats the block right before it. Only where a
        line's next equal line is 2 to ``max_block_lines`` lines on is a block compared, so the cost is
        one pass to find those next equal lines."""
        if self.max_block < 2:
            return
        lines = [
            (index, content)
            for index in range(len(document.line_starts))
            if (content := document.text[slice(*document.paragraph(index))].strip(SPACES))
        ]
        contents = [content for _, content in lines]
        next_equal = [0] * len(contents)  # how many lines on the same content comes again (0: never)
        seen: dict[str, int] = {}
        for position in range(len(contents) - 1, -1, -1):
            later = seen.get(contents[position])
            next_equal[position] = 0 if later is None else later - position
            seen[contents[position]] = position
        position = 0
        while position < len(contents):
            size = next_equal[position]
            block = contents[position : position + size]
            if (
                2 <= size <= self.max_block
                and block == contents[position + size : position + 2 * size]
                and self._reportable_block(block)
            ):
                yield from _copy_findings(document, lines[position + size - 1 : position + 2 * size])
                position += 2 * size
            else:
                position += 1

    def _reportable_block(self, block: list[str]) -> bool:
        if self.unless_line is not None and any(self.unless_line.search(content) for content in block):
            return False
        counts = [_han_count(content) for content in block]
        return max(counts) >= self.min_chars and sum(counts) >= 2 * self.min_chars

    def _anywhere(self, document: Document, lines: re.Pattern[str]) -> Iterator[Finding]:
        """Lines ``lines`` matches that equal an earlier such line anywhere in the document."""
        seen: set[str] = set()
        for index in range(len(document.line_starts)):
            start, stop = document.paragraph(index)
            content = document.text[start:stop].strip(SPACES)
            if not content or not lines.match(content):
                continue
            if content in seen and self._reportable_line(content):
                offset = document.text.index(content, start)
                yield Finding(offset, offset + len(content), None, {"line": content})
            seen.add(content)

    def _repeats(self, content: str, before: str) -> bool:
        """Whether a line repeats the line before it: the same line, or the whole sentences that end it
        (a paragraph's last sentences pasted again as the next paragraph), as long as a repeated
        sentence inside a line would be reported (``min_chars``: a short （掌声） after ……！（掌声） is not)."""
        if content == before:
            return self._reportable_line(content)
        return (
            content[-1] in CLOSING_MARKS
            and _ends_after(before, content, CLOSING_MARKS + SPACES)
            and not (self.unless_line is not None and self.unless_line.search(content))
            and _han_count(content) >= self.min_chars
        )

    def _repeated_opening(self, document: Document, index: int, before: str) -> Finding | None:
        """The line's first sentence (after its item marker) when it ends the line before it, starting
        there at a sentence or clause start, and more of the line follows it."""
        if before[-1] not in CLOSING_MARKS:
            return None  # the line before ends no sentence: nothing of it can open this one
        start, stop = document.paragraph(index)
        text = document.text
        while start < stop and text[start] in SPACES:
            start += 1
        if self.item_marker is not None and (marker := self.item_marker.match(text, start, stop)):
            start = marker.end()
        sentence = FIRST_SENTENCE.match(text, start, stop)
        if sentence is None or not text[sentence.end() : stop].strip(SPACES):
            return None
        repeated = sentence.group()
        if not _ends_after(before, repeated, CLOSING_MARKS + SPACES + "，") or _han_count(repeated) < self.min_chars:
            return None
        if self.unless_line is not None and self.unless_line.search(text, start, stop):
            return None
        return Finding(sentence.start(), sentence.end(), "", {"line": repeated})

    def _reportable_line(self, content: str) -> bool:
        if self.unless_line is not None and self.unless_line.search(content):
            return False
        needed = self.min_chars_closed_line if content[-1] in CLOSING_MARKS else self.min_chars_open_line
        return _han_count(content) >= needed

    @staticmethod
    def _line_finding(document: Document, index: int, previous: int, content: str) -> Finding:
        """Line ``index`` with the line break after it; on the last line, from the end of the
        ``previous`` non-blank line instead (the equal one, or a line passed over after it), so that
        the fix leaves no line break behind and deletes nothing else."""
        start, stop = document.paragraph(index)
        if index + 1 < len(document.line_starts):
            return Finding(start, document.line_starts[index + 1], "", {"line": content})
        return Finding(document.paragraph(previous)[1], stop, "", {"line": content})

    def _sentences(self, document: Document) -> Iterator[Finding]:
        """Sentences equal to the one right before them in the same line."""
        text = document.text
        for line in _lines_with_a_repeated_chunk(text):
            start, stop = document.paragraph(line)
            if self.unless_line is not None and self.unless_line.search(text, start, stop):
                continue
            for match in REPEATED_SENTENCE.finditer(text, start, stop):
                sentence = match.group(1)
                if _han_count(sentence) >= self.min_chars:
                    yield Finding(match.end(1), match.end(), "", {"line": sentence.strip(SPACES)})


def _copy_findings(document: Document, lines: list[tuple[int, str]]) -> Iterator[Finding]:
    """Each line of a block's second copy (``lines``: the line before the copy, then the copy), with
    its line break; a copy that ends the document is cut from the end of the line before each of its
    lines instead, so that the fixes neither overlap nor leave a line break behind."""
    at_end = lines[-1][0] == len(document.line_starts) - 1
    for (before, _), (index, content) in itertools.pairwise(lines):
        if at_end:
            yield Finding(document.paragraph(before)[1], document.paragraph(index)[1], "", {"line": content})
        else:
            yield DuplicateCheck._line_finding(document, index, before, content)


def _lines_with_a_repeated_chunk(text: str) -> list[int]:
    """0-based lines where the text between two sentence marks equals the text between the next two
    (closing quotes, spaces and anything up to a line break set aside: a line's first sentence starts
    after it): a cheap filter for the lines worth a search for a repeated sentence. The pieces are
    cut one at a time, not split all at once: the split held a second copy of the whole text as some
    150,000 strings (about 18 MB on the benchmark's 10 MB file, at the run's peak)."""
    lines = []
    offset = 0
    previous = None
    for end in _sentence_mark_offsets(text):
        # a line's first sentence starts after its line break, also when the line before ends in no sentence
        # mark (各乡镇：\n为做好……。为做好……。): the piece then holds that line too
        key = text[max(offset, text.rfind("\n", offset, end) + 1) : end].lstrip(CLOSERS + SPACES + "\r")
        if key and key == previous:
            lines.append(text.count("\n", 0, end - len(key)))
        previous = key
        offset = end + 1
    return sorted(set(lines))


def _sentence_mark_offsets(text: str) -> Iterator[int]:
    """The offset of each 。！？ in ``text``, then the text's end."""
    for mark in SENTENCE_MARK.finditer(text):
        yield mark.start()
    yield len(text)


def _ends_after(before: str, piece: str, starts: str) -> bool:
    """Whether ``before`` ends with ``piece``, a part of it that starts right after one of ``starts``
    (a sentence's or a clause's start, not the middle of a word)."""
    return len(piece) < len(before) and before.endswith(piece) and before[-len(piece) - 1] in starts


def _han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text))


CHECK = DuplicateCheck
