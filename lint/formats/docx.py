"""Word .docx drafts (python-docx): text for the checks, fixes inside runs, comments on findings.

A Document's text is the paragraphs joined by "\\n", so **line N is the N-th paragraph** and the
column counts characters in it. Order: the body in document order (a table cell by cell, row by
row, its paragraphs before the next cell's; content controls, insertions, hyperlinks, fields...
read where they stand: see ``docx_reader``), then each section's headers (default, first page, even
pages) and footers, each defined one once. A manual line break (Shift+Enter) inside a paragraph is
U+2028 and does not start a new line; a tab is "\\t". Text boxes, footnotes and comments are not read.

The package is checked before python-docx parses it (``docx_package``: zip, size caps); edits are in
``docx_edit`` (fixes) and ``docx_comments`` (--annotate).
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Iterator, Sequence

import docx
from docx.document import Document as WordDocument

from lint.document import Document, SourceError
from lint.formats.docx_comments import Anchor, add_comments
from lint.formats.docx_edit import replace
from lint.formats.docx_package import check_package
from lint.formats.docx_reader import MappedParagraph, map_story

HEADER_FOOTERS = ("header", "first_page_header", "even_page_header", "footer", "first_page_footer", "even_page_footer")
AUTHOR, INITIALS = "gwlint", "GW"


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
        check_package(data, path)
        try:
            word = docx.Document(io.BytesIO(data))
        except Exception as error:  # python-docx raises zip, XML, KeyError, ValueError... for a bad file
            raise SourceError(path, f"not a readable .docx file ({type(error).__name__}: {error})") from None
        return cls(word, path)

    def refresh(self) -> None:
        self.paragraphs = list(_all_paragraphs(self.word))
        self.starts = []
        position = 0
        for mapped in self.paragraphs:
            self.starts.append(position)
            position += len(mapped.text) + 1
        self.text = "\n".join(mapped.text for mapped in self.paragraphs)

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

        Characters the fix keeps stay in their runs; a span that crosses a paragraph end or touches
        anything but editable text (a tab, a break, a field result, a locked control...) is refused.
        """
        index, column = self.locate(start)
        end_index, end_column = self.locate(end)
        if index != end_index:
            return "the span crosses a paragraph end"
        return replace(self.paragraphs[index], column, end_column, replacement)

    def add_comments(self, spans: Sequence[tuple[int, int, str]]) -> list[bool]:
        """Anchor a Word comment on exactly each [start, end) of a body paragraph (runs split as needed).

        An empty span anchors on the character before it (or after, at a paragraph start); a span
        running past its paragraph is cut at the paragraph end. False where it cannot be placed.
        """
        anchors = []
        for start, end, text in spans:
            index, column = self.locate(start)
            end_index, end_column = self.locate(end)
            anchors.append(Anchor(index, column, end_column if end_index == index else 1 << 62, text))
        return add_comments(self.word, self.paragraphs, anchors, AUTHOR, INITIALS)

    def add_comment(self, start: int, end: int, text: str) -> bool:
        return self.add_comments([(start, end, text)])[0]


def _all_paragraphs(word: WordDocument) -> Iterator[MappedParagraph]:
    yield from map_story(word.element.body, "body")
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
                    yield from map_story(part.part.element, story)
