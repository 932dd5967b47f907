"""Word .docx drafts (python-docx): text for the checks, fixes inside runs, comments on findings.

A Document's text is the paragraphs joined by "\\n", so **line N is the N-th paragraph** and the
column counts characters in it. Order: the body in document order (a table cell by cell, row by
row, its paragraphs before the next cell's), then each section's headers (default, first page,
even pages) and footers, each defined one once. A manual line break (Shift+Enter) inside a
paragraph is U+2028 and does not start a new line; a tab is "\\t". Text boxes, footnotes and
comments are not read.
"""

from __future__ import annotations

import bisect
import copy
import io
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from lint.source import Document, SourceError

LINE_SEPARATOR = "\u2028"
RUN_XPATH = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r"
CONTENT_XPATH = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"
TEXT_TAG = qn("w:t")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
HEADER_FOOTERS = ("header", "first_page_header", "even_page_header", "footer", "first_page_footer", "even_page_footer")


@dataclass
class Piece:
    """One text-bearing child of a run (w:t, w:tab, w:br...) and its range in the paragraph's text."""

    element: object
    run: object
    start: int
    end: int

    @property
    def editable(self) -> bool:
        return self.element.tag == TEXT_TAG


@dataclass
class MappedParagraph:
    paragraph: Paragraph
    story: str  # "body", "header" or "footer"
    pieces: list[Piece]

    @property
    def text(self) -> str:
        return "".join(_piece_text(piece.element) for piece in self.pieces)


class DocxDraft:
    """An open .docx and its paragraphs' text; edits go to the XML, ``to_bytes`` saves."""

    def __init__(self, word: WordDocument, path: str) -> None:
        self.word = word
        self.path = path
        self.paragraphs: list[MappedParagraph] = []
        self.starts: list[int] = []
        self.text = ""
        self.refresh()

    @classmethod
    def from_bytes(cls, data: bytes, path: str) -> DocxDraft:
        try:
            word = docx.Document(io.BytesIO(data))
        except Exception as error:  # python-docx raises zip, XML, KeyError, ValueError... for a bad file
            raise SourceError(path, f"not a readable .docx file ({type(error).__name__}: {error})") from None
        return cls(word, path)

    def refresh(self) -> None:
        self.paragraphs = [_map(paragraph, story) for paragraph, story in _all_paragraphs(self.word)]
        texts = [mapped.text for mapped in self.paragraphs]
        self.starts = []
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1
        self.text = "\n".join(texts)

    def document(self) -> Document:
        return Document(self.path, self.text, format="docx")

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.word.save(buffer)
        return buffer.getvalue()

    def locate(self, offset: int) -> tuple[int, int]:
        """(paragraph index, column) of a text offset, both 0-based."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index, offset - self.starts[index]

    def replace(self, start: int, end: int, replacement: str) -> str | None:
        """Edit the text of the w:t elements under [start, end); the reason when refused, else None.

        The replacement takes the formatting of the first run it touches; a span that crosses a
        paragraph end, a tab, a line break or anything that is not plain text is refused.
        """
        index, column = self.locate(start)
        end_index, end_column = self.locate(end)
        if index != end_index:
            return "the span crosses a paragraph end"
        if any(char in replacement for char in "\n\r\t" + LINE_SEPARATOR):
            return "the replacement has a line break or tab"
        pieces = self.paragraphs[index].pieces
        touched = [p for p in pieces if p.start < end_column and p.end > column]
        touched += [p for p in pieces if p.start == p.end and column < p.start < end_column]
        if start == end:
            touched = [p for p in pieces if p.editable and p.start <= column <= p.end][:1]
            if not touched:
                return "no text run at the insertion point"
        if not touched or not all(p.editable for p in touched):
            return "the span crosses a tab, line break or non-text element"
        touched.sort(key=lambda p: p.start)
        first, rest = touched[0], touched[1:]
        text = first.element.text or ""
        tail = text[end_column - first.start :] if end_column <= first.end else ""
        _set_text(first.element, text[: column - first.start] + replacement + tail)
        for piece in rest:
            kept = (piece.element.text or "")[end_column - piece.start :] if end_column < piece.end else ""
            _set_text(piece.element, kept)
        return None

    def add_comment(self, start: int, end: int, text: str) -> bool:
        """Anchor a Word comment on exactly [start, end) of a body paragraph (runs split as needed).

        An empty span anchors on the character before it (or after, at a paragraph start); a span
        running past its paragraph is cut at the paragraph end. False when it cannot be placed.
        """
        index, column = self.locate(start)
        mapped = self.paragraphs[index]
        length = len(mapped.text)
        if mapped.story != "body" or length == 0:
            return False
        end_index, end_column = self.locate(end)
        if end_index != index:
            end_column = length
        if end_column <= column:
            column, end_column = (column - 1, column) if column > 0 else (0, 1)
        _split_run_at(mapped, end_column)
        mapped = _map(mapped.paragraph, mapped.story)
        _split_run_at(mapped, column)
        mapped = _map(mapped.paragraph, mapped.story)
        self.paragraphs[index] = mapped
        runs = _runs_within(mapped, column, end_column)
        if not runs:
            return False
        first, last = Run(runs[0], mapped.paragraph), Run(runs[-1], mapped.paragraph)
        self.word.add_comment([first, last], text=text, author="gwlint", initials="GW")
        return True


def _all_paragraphs(word: WordDocument) -> Iterator[tuple[Paragraph, str]]:
    for paragraph in _blocks(word):
        yield paragraph, "body"
    seen: set[str] = set()
    for story in ("header", "footer"):
        for section in word.sections:
            for name in HEADER_FOOTERS:
                part = getattr(section, name)
                if not name.endswith(story) or part.is_linked_to_previous:
                    continue
                key = str(part.part.partname)
                if key not in seen:
                    seen.add(key)
                    yield from ((paragraph, story) for paragraph in _blocks(part))


def _blocks(container: object) -> Iterator[Paragraph]:
    """Paragraphs in document order, descending into tables cell by cell (a merged cell once)."""
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            seen = set()
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        yield from _blocks(cell)
        else:
            yield item


def _piece_text(element: object) -> str:
    return str(element).replace("\n", LINE_SEPARATOR)


def _map(paragraph: Paragraph, story: str) -> MappedParagraph:
    pieces = []
    position = 0
    for run in paragraph._p.xpath(RUN_XPATH):
        for child in run.xpath(CONTENT_XPATH):
            length = len(_piece_text(child))
            pieces.append(Piece(child, run, position, position + length))
            position += length
    return MappedParagraph(paragraph, story, pieces)


def _set_text(element: object, text: str) -> None:
    element.text = text
    element.set(XML_SPACE, "preserve")


def _run_ranges(mapped: MappedParagraph) -> list[tuple[object, int, int]]:
    ranges: dict[object, list[int]] = {}
    for piece in mapped.pieces:
        bounds = ranges.setdefault(piece.run, [piece.start, piece.end])
        bounds[1] = piece.end
    return [(run, start, end) for run, (start, end) in ranges.items()]


def _split_run_at(mapped: MappedParagraph, offset: int) -> None:
    """Split the run that contains ``offset`` strictly inside into two runs with the same formatting."""
    for run, start, end in _run_ranges(mapped):
        if start < offset < end:
            _split_run(run, [p for p in mapped.pieces if p.run is run], offset)
            return


def _split_run(run: object, pieces: list[Piece], offset: int) -> None:
    right = copy.deepcopy(run)
    content = {piece.element: piece for piece in pieces}
    lefts = [child for child in run if child.tag != qn("w:rPr")]
    rights = [child for child in right if child.tag != qn("w:rPr")]
    position = pieces[0].start
    for left_child, right_child in zip(lefts, rights, strict=True):
        piece = content.get(left_child)
        if piece is not None:
            position = piece.start
        length = 0 if piece is None else piece.end - piece.start
        if position + length <= offset:
            right.remove(right_child)
        elif position >= offset:
            run.remove(left_child)
        else:
            text = left_child.text or ""
            _set_text(left_child, text[: offset - position])
            _set_text(right_child, text[offset - position :])
        position += length
    run.addnext(right)


def _runs_within(mapped: MappedParagraph, start: int, end: int) -> list[object]:
    ranges = _run_ranges(mapped)
    return [run for run, run_start, run_end in ranges if start <= run_start < run_end <= end]
