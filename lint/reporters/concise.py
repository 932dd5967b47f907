"""``--format concise``: ``path:line:column: severity rule message``, one line per diagnostic (editors, grep)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lint.reporters.visible import visible
from lint.results import FileResult

if TYPE_CHECKING:
    from typing import TextIO

    from lint.request import ReportOptions


def one_line(text: str) -> str:
    return visible(" ".join(text.split()))


def render(result: FileResult) -> str:
    return "".join(_lines(result))


def _lines(result: FileResult) -> Iterator[str]:
    for d in result.diagnostics:
        yield f"{visible(d.path)}:{d.span.line}:{d.span.column}: {d.severity} {d.rule} {one_line(d.message)}\n"


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    for result in results:  # line by line: no second copy of a large file's report in memory
        stream.writelines([result.rendered.text] if result.rendered is not None else _lines(result))


def write(results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """The report (lint.reporters.base.Reporter); its text is the same in colour."""
    report(results, stream)
