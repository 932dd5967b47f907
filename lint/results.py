"""What linting one input gives the report: ``FileResult``, and what of it is kept and carried.

A result keeps a ``SourceExcerpt`` of its document instead of the document itself, or no document
when the report reads none (see ``kept``), so a run's memory follows its largest file, not the
number of files. A worker process (``lint.parallel``) sends its results back packed as plain tuples
(``pack_result`` / ``unpack_result``): pickling the objects themselves costs more than linting
small files.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Fix, Severity, Span

if TYPE_CHECKING:  # the protocols are for the type checker: building them costs every run's start-up
    from typing import Protocol

    from lint.document import Document

    class TextSlices(Protocol):
        """A text read by slices (``text[a:b]``): a ``str``, or the windows an excerpt kept of one."""

        def __getitem__(self, key: slice, /) -> str: ...

        def __len__(self) -> int: ...

    class Source(Protocol):
        """What the reporters and the baseline read of a linted document: the ``Document`` itself, or
        the ``SourceExcerpt`` a result keeps of it."""

        @property
        def path(self) -> str: ...

        @property
        def format(self) -> str: ...

        @property
        def encoding(self) -> str: ...

        @property
        def source_text(self) -> TextSlices: ...

        def line_text(self, line: int, /) -> str: ...


REACH = 16  # characters kept around each finding (the baseline's fingerprint reads 8 each side)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A file's part of the report, written by the worker process that linted it in the run's format
    (see ``lint.reporters.renderer``), and the highest severity among the diagnostics it shows."""

    text: str
    worst: Severity | None


@dataclass
class FileResult:
    """What one input produced: its document (for reporters that show source) or an error.

    A result with ``rendered`` set comes from a worker that has already written the file's part of
    the report: its diagnostics and document stayed there (``diagnostics`` is empty) and
    ``rendered.worst`` stands for them (see ``worst``).
    """

    path: str
    diagnostics: list[Diagnostic]
    document: Document | SourceExcerpt | None = None
    error: str | None = None
    rendered: Rendered | None = None
    note: str | None = None  # something the user should know that is not a problem (see lint.dating)

    def worst(self) -> Severity | None:
        """The highest severity among the file's diagnostics; None when there are none."""
        if self.rendered is not None:
            return self.rendered.worst
        return max((diagnostic.severity for diagnostic in self.diagnostics), default=None)


Render = Callable[[FileResult], str]  # a streaming reporter's text for one file (lint.reporters.renderer)


def kept(result: FileResult, render: Render | None = None, in_worker: bool = False) -> FileResult:
    """What of a linted file goes on to the report. The reporter's ``render`` reads no document: a
    worker renders the file's part of the report and keeps only that and the highest severity;
    here the reporter renders it, line by line, from the diagnostics. Without ``render``, the
    document is cut down to an excerpt (``slim``)."""
    if render is None:
        return slim(result)
    if not in_worker:
        return replace(result, document=None)
    return replace(result, diagnostics=[], document=None, rendered=Rendered(render(result), result.worst()))


def slim(result: FileResult) -> FileResult:
    """The result with its document replaced by the excerpt the reporters and the baseline read."""
    if result.document is None or isinstance(result.document, SourceExcerpt):
        return result
    return replace(result, document=SourceExcerpt(result.document, result.diagnostics))


class SourceExcerpt:
    """What is read of a linted document after linting: the lines of its findings and the text
    around them (``source_text`` slices within ``REACH`` characters of a finding)."""

    path: str
    format: str
    encoding: str
    source_text: _Windows
    _lines: dict[int, str]

    def __init__(self, document: Document, diagnostics: Iterable[Diagnostic]) -> None:
        self.path = document.path
        self.format = document.format
        self.encoding = document.encoding
        source = document.source_text
        spans = [diagnostic.span for diagnostic in diagnostics]
        self._lines = {line: document.line_text(line) for line in {span.line for span in spans}}
        self.source_text = _Windows(source, [(span.start - REACH, span.end + REACH) for span in spans])

    def line_text(self, line: int) -> str:
        """The source line (1-based) of a finding, without its line break."""
        return self._lines[line]

    def pack(self) -> PackedExcerpt:
        windows = self.source_text
        return self.path, self.format, self.encoding, self._lines, len(windows), windows._starts, windows._pieces

    @classmethod
    def unpack(cls, packed: PackedExcerpt) -> SourceExcerpt:
        path, form, encoding, lines, length, starts, pieces = packed
        excerpt = cls.__new__(cls)
        excerpt.path, excerpt.format, excerpt.encoding, excerpt._lines = path, form, encoding, lines
        excerpt.source_text = _Windows.of_pieces(length, starts, pieces)
        return excerpt


class _Windows:
    """Slices of a text near given ranges, read with the text's own offsets (``text[a:b]``)."""

    _length: int
    _starts: list[int]
    _pieces: list[str]

    def __init__(self, text: str, ranges: Iterable[tuple[int, int]]) -> None:
        self._length = len(text)
        merged: list[list[int]] = []
        for start, end in sorted((max(0, start), min(len(text), end)) for start, end in ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._pieces = [text[start:end] for start, end in merged]

    @classmethod
    def of_pieces(cls, length: int, starts: list[int], pieces: list[str]) -> _Windows:
        windows = cls.__new__(cls)
        windows._length, windows._starts, windows._pieces = length, starts, pieces
        return windows

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: slice) -> str:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("only plain slices of an excerpt can be read")
        start, stop, _ = key.indices(self._length)
        stop = max(start, stop)
        index = bisect_right(self._starts, start) - 1
        if index >= 0:
            offset = self._starts[index]
            piece = self._pieces[index]
            if stop <= offset + len(piece):
                return piece[start - offset : stop - offset]
        raise IndexError(f"characters {start}..{stop} were not kept in the excerpt")


# The way back from a worker: plain tuples of strings and numbers.
PackedExcerpt = tuple[str, str, str, dict[int, str], int, list[int], list[str]]
PackedDiagnostic = tuple[
    str | None, int, int, int, int, int, int, str, int, str, str, tuple[str, bool] | None, tuple[str, ...]
]  # own path (None: the result's), span, rule, severity, message, matched, fix, also
PackedResult = tuple[str, str | None, PackedExcerpt | None, list[PackedDiagnostic], tuple[str, int] | None, str | None]

SEVERITIES = {int(level): level for level in Severity}  # a dict lookup: Severity(n) costs a Python-level call


def pack_result(result: FileResult) -> PackedResult:
    """``result`` as tuples of strings and numbers (see ``unpack_result``)."""
    document = slim(result).document
    excerpt = document.pack() if isinstance(document, SourceExcerpt) else None
    diagnostics = [_pack_diagnostic(d, result.path) for d in result.diagnostics]
    rendered = result.rendered
    packed_rendered = None if rendered is None else (rendered.text, int(rendered.worst or 0))
    return result.path, result.error, excerpt, diagnostics, packed_rendered, result.note


def unpack_result(packed: PackedResult) -> FileResult:
    path, error, excerpt, diagnostics, packed_rendered, note = packed
    document = SourceExcerpt.unpack(excerpt) if excerpt is not None else None
    rendered = None
    if packed_rendered is not None:
        text, worst = packed_rendered
        rendered = Rendered(text, SEVERITIES.get(worst))
    unpacked = [_unpack_diagnostic(d, path) for d in diagnostics]
    return FileResult(path, unpacked, document, error, rendered, note)


def _pack_diagnostic(diagnostic: Diagnostic, path: str) -> PackedDiagnostic:
    span, fix = diagnostic.span, diagnostic.fix
    return (
        None if diagnostic.path == path else diagnostic.path,
        span.start, span.end, span.line, span.column, span.end_line, span.end_column,
        diagnostic.rule, int(diagnostic.severity), diagnostic.message, diagnostic.matched,
        None if fix is None else (fix.replacement, fix.safe), diagnostic.also,
    )  # fmt: skip


def _unpack_diagnostic(packed: PackedDiagnostic, path: str) -> Diagnostic:
    own, start, end, line, column, end_line, end_column, rule, severity, message, matched, fix, also = packed
    return Diagnostic(
        path if own is None else own,
        Span(start, end, line, column, end_line, end_column),
        rule,
        SEVERITIES[severity],
        message,
        matched,
        None if fix is None else Fix(*fix),
        also,
    )
