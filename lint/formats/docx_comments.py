"""Word comments (批注) anchored on exact characters of body paragraphs, many at a time in linear time.

Each paragraph's runs are split once at every anchor boundary and mapped once again; each comment then
gets a ``w:commentRangeStart`` before its first run, a ``w:commentRangeEnd`` after its last (both moved
out of a simple field, whose content Word replaces) and a reference run at the paragraph's own level
(never inside a tracked insertion or a content control). Comment ids continue after the largest one in
the document, counted once, not per comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from lxml.etree import _Element as Element  # python-docx's XML elements are lxml's

import bisect
import datetime
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from lint.formats.docx_edit import run_ranges, split_runs
from lint.formats.docx_reader import FIELD_RESULT_CONTAINERS, PARAGRAPH, MappedParagraph, W, map_again

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Anchor:
    """A comment to place: the paragraph (index in the draft), the columns, the text."""

    paragraph: int
    column: int
    end_column: int
    text: str


def add_comments(
    word: WordDocument, paragraphs: list[MappedParagraph], anchors: Sequence[Anchor], author: str, initials: str
) -> list[bool]:
    """Place each anchor's comment; for each, whether it was placed (False in headers, footers, empty paragraphs).

    ``paragraphs`` is updated with the paragraphs mapped again after their runs were split.
    """
    placed = [False] * len(anchors)
    by_paragraph: dict[int, list[int]] = defaultdict(list)
    for number, anchor in enumerate(anchors):
        by_paragraph[anchor.paragraph].append(number)
    comments: Element | None = None
    new_comments: list[str] = []
    next_id = 0
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for index, numbers in by_paragraph.items():
        mapped = paragraphs[index]
        if mapped.story != "body" or not mapped.text:
            continue
        spans = {number: _span(anchors[number], len(mapped.text)) for number in numbers}
        split_runs(mapped, [offset for span in spans.values() for offset in span])
        mapped = paragraphs[index] = map_again(mapped)
        ranges = run_ranges(mapped)
        starts = [start for _, start, _ in ranges]
        for number, (start, end) in spans.items():
            runs = _overlapping(ranges, starts, start, end)
            if not runs:
                continue
            if comments is None:
                comments = word.comments._comments_elm  # created on first use, as python-docx does
                next_id = max((int(value) for value in comments.xpath("./w:comment/@w:id")), default=-1) + 1
            _mark(mapped.element, runs[0], runs[-1], next_id)
            new_comments.append(_comment_xml(next_id, anchors[number].text, author, initials, date))
            next_id += 1
            placed[number] = True
    if new_comments and comments is not None:  # a comment was placed, so the comments part was found
        _append_comments(comments, new_comments)
    return placed


def _span(anchor: Anchor, length: int) -> tuple[int, int]:
    """The anchor's columns inside its paragraph; an empty span takes the character before (or after) it."""
    start, end = min(anchor.column, length), min(anchor.end_column, length)
    if end <= start:
        start, end = (start - 1, start) if start > 0 else (0, 1)
    return start, end


def _overlapping(ranges: list[tuple[Element, int, int]], starts: list[int], start: int, end: int) -> list[Element]:
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    runs = []
    while index < len(ranges) and ranges[index][1] < end:
        run, run_start, run_end = ranges[index]
        if run_end > start and run_end > run_start:
            runs.append(run)
        index += 1
    return runs


def _mark(paragraph: Element, first: Element, last: Element, comment_id: int) -> None:
    start = _element(paragraph, "commentRangeStart", comment_id)
    end = _element(paragraph, "commentRangeEnd", comment_id)
    _outside_fields(first).addprevious(start)
    _outside_fields(last).addnext(end)
    top, parent = end, end.getparent()
    while parent is not None and parent.tag != PARAGRAPH:
        top, parent = parent, parent.getparent()
    reference = paragraph.makeelement(W + "r", {})
    style = reference.makeelement(W + "rPr", {})
    style.append(reference.makeelement(W + "rStyle", {W + "val": "CommentReference"}))
    reference.append(style)
    reference.append(_element(paragraph, "commentReference", comment_id))
    top.addnext(reference)


def _element(parent: Element, name: str, comment_id: int) -> Element:
    return parent.makeelement(W + name, {W + "id": str(comment_id)})


def _outside_fields(run: Element) -> Element:
    """The run, or the outermost simple field around it (whose result Word rewrites)."""
    outer = run
    parent = run.getparent()
    while parent is not None and parent.tag != PARAGRAPH:
        if parent.tag in FIELD_RESULT_CONTAINERS:
            outer = parent
        parent = parent.getparent()
    return outer


def _comment_xml(comment_id: int, text: str, author: str, initials: str, date: str) -> str:
    """One w:comment as XML text (all of them are parsed at once: building elements one by one is slow)."""
    paragraphs = []
    for number, line in enumerate(NOT_XML.sub("", text).split("\n")):
        mark = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' if number == 0 else ""
        paragraphs.append(
            f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{mark}'
            f'<w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        )
    attributes = f'w:id="{comment_id}" w:author={quoteattr(author)} w:initials={quoteattr(initials)} w:date="{date}"'
    return f"<w:comment {attributes}>{''.join(paragraphs)}</w:comment>"


def _append_comments(comments: Element, xml: list[str]) -> None:
    from lxml import etree  # python-docx's own XML library

    wrapper = etree.fromstring(f'<w:comments xmlns:w="{W[1:-1]}">{"".join(xml)}</w:comments>')
    comments.extend(list(wrapper))
