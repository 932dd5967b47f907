"""Source stage: turn bytes on disk (or stdin) into a Document the checks can read.

A Document's ``text`` has the same length as the decoded file, so a character offset in ``text`` is
an offset in the file's text too; formats that must hide parts of a file (Markdown code, front
matter) blank them out character for character instead of cutting them.
"""

from __future__ import annotations

import bisect
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint.diagnostics import Span

LINE_BREAK = re.compile(r"\r\n|\r|\n")
TEXT_SUFFIXES = (".txt", ".md", ".markdown")


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
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        object.__setattr__(self, "line_starts", tuple(starts))

    @property
    def source_text(self) -> str:
        return self.text if self.original is None else self.original

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
        text = self.text
        for index, start in enumerate(self.line_starts):
            stop = self.line_starts[index + 1] if index + 1 < len(self.line_starts) else len(text)
            while stop > start and text[stop - 1] in "\r\n":
                stop -= 1
            yield start, stop


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Decode a draft: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8", True
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], name, path), name, True
    if b"\x00" in data:
        raise SourceError(path, "binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030", False
        except UnicodeDecodeError:
            raise SourceError(
                path,
                f"cannot decode as UTF-8 (invalid byte at offset {utf8_error.start}) "
                "nor as GB18030/GBK",
            ) from None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(path, f"invalid {encoding} at byte offset {error.start}") from None


def document_from_bytes(data: bytes, path: str) -> Document:
    text, encoding, bom = decode(data, path)
    return Document(path=path, text=text, encoding=encoding, bom=bom)


def read_document(path: Path, display: str | None = None) -> Document:
    name = display if display is not None else str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(name, "no such file") from None
    except IsADirectoryError:
        raise SourceError(name, "is a directory") from None
    except PermissionError:
        raise SourceError(name, "permission denied") from None
    except OSError as error:
        raise SourceError(name, error.strerror or str(error)) from None
    return document_from_bytes(data, name)
