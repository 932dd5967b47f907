"""``heading_marks``: standalone headings of one level that disagree on their end mark.

params:
  families: [regex, ...]   the number of one heading level, matched at a line's start after spaces
                           (``[一二三四五六七八九十]{1,3}、`` for 一、, ``[（(][一二三四五六七八九十]{1,3}[）)]``
                           for （一）); each family is judged on its own
  max_chars: int           a heading's length after its number (default 40): longer lines are
                           paragraphs that open with a number, not headings
  mark: str                the end mark reported (default 。)
  unless_heading_matches: regex   optional: a heading whose text matches is left out of the
                           comparison (a colon after 下列、以下 introduces a list: 具有以下特性之一的：)

A standalone heading is a line opening with a family's number whose nearest non-blank lines before
and after do not open with a number of the same family: items of a list (一、……；二、……。) follow each
other, a heading has body text (or lower headings) around it. A marked line after a line ending in
；, and a bare line before one, are the last item of a list and an item wrapped onto the next line
(laws printed with hard line breaks), not headings. A heading ends in the ``mark`` or
in a plain character (a Han character, a digit, a closing quote or bracket); other ends (：, ？, ；)
are neither. Headings are compared within a run of their family numbered from 一 on (the next 一、 or
（一） starts another run): a report may print its review's headings as run-in sentences and its
tasks' headings bare, a State Council opinion its （一）指导思想。 beside an annex's （一）功能定位.
A marked line followed straight by a heading of a higher family (an earlier one in ``families``)
has no body under it: it is a numbered sentence closing its section, not a heading, and is left out.
When a run has headings of both kinds, each one ending in the mark is reported and
its fix deletes the mark: a heading is not a sentence (GB/T 15834 4.1.3.1), and the document's own
bare headings show that the author did not mean run-in sentence headings. A document whose headings
all end in the mark, or none does, is consistent and not reported.

Cost: one pass over the lines with a regex match at each line's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Finding, Params
from lint.checks.numbered_lines import numbered_lines
from lint.checks.text import is_han
from lint.regexes import compiled
from lint.source import Document

PLAIN_CLOSERS = "”’」』）》)"
LIST_ITEM_ENDS = "；;"
FIRST_NUMBER = compiled(r"[（(]?一[、）)]")  # the number a level's run starts from


@dataclass(frozen=True)
class Heading:
    family: int
    group: int  # headings of one family are compared within a run numbered from 一 on
    mark_at: int | None  # where its end mark is, or None for a bare heading
    text: str


class HeadingMarksCheck(Check):
    kind = "heading_marks"
    default_fix = "unsafe"

    def configure(self, params: Params) -> None:
        sources = params.strings("families", required=True)
        self.families = [params.compile("families", source) for source in sources]
        self.max_chars = params.integer("max_chars", 40, minimum=1)
        self.mark = params.string("mark", "。")
        self.unless = params.regex("unless_heading_matches")
        self.required = frozenset({self.mark})

    def patterns(self) -> list[re.Pattern[str]]:
        return list(self.families)

    def find(self, document: Document) -> Iterator[Finding]:
        groups: dict[tuple[int, int], list[Heading]] = {}
        for heading in self._headings(document):
            groups.setdefault((heading.family, heading.group), []).append(heading)
        for own in groups.values():
            marked = [heading for heading in own if heading.mark_at is not None]
            if marked and len(marked) < len(own):
                for heading in marked:
                    assert heading.mark_at is not None
                    yield Finding(heading.mark_at, heading.mark_at + len(self.mark), "", {"head": heading.text})

    def _headings(self, document: Document) -> Iterator[Heading]:
        lines = numbered_lines(document, self.families)
        runs = [0] * len(self.families)
        for position, line in enumerate(lines):
            if line.family is None:
                continue
            if FIRST_NUMBER.fullmatch(document.text[line.number_at : line.body_at]):
                runs[line.family] += 1
            before = lines[position - 1] if position > 0 else None
            after = lines[position + 1] if position + 1 < len(lines) else None
            if any(other is not None and other.family == line.family for other in (before, after)):
                continue
            heading = self._heading(
                document.text[line.body_at : line.end], line.body_at, line.family, runs[line.family]
            )
            if heading is None:
                continue
            # the last item of a list (the line before ends in ；) or an item wrapped onto the next
            # line (which ends in ；): a law's list printed with hard line breaks
            neighbour = before if heading.mark_at is not None else after
            if neighbour is not None and document.text[neighbour.end - 1] in LIST_ITEM_ENDS:
                continue
            # a marked line followed straight by a higher level's heading has no body: a numbered
            # sentence closing its section (（七）组委会对……进行兴奋剂抽检。 then 十、……), not a heading
            has_no_body = after is not None and after.family is not None and after.family < line.family
            if heading.mark_at is not None and has_no_body:
                continue
            yield heading

    def _heading(self, body: str, start: int, family: int, group: int) -> Heading | None:
        if not body or len(body) > self.max_chars:
            return None
        if self.unless is not None and self.unless.search(body):
            return None
        if body.endswith(self.mark):
            inner = body[: -len(self.mark)]
            if not inner or any(mark in inner for mark in "。；！？;!?"):
                return None
            return Heading(family, group, start + len(inner), body)
        last = body[-1]
        if is_han(last) or last.isdigit() or last in PLAIN_CLOSERS:
            return Heading(family, group, None, body)
        return None


CHECK = HeadingMarksCheck
