"""``--format concise``: ``path:line:column: severity rule message``, one line per diagnostic (editors, grep)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lint.reporters.visible import visible
from lint.results import FileResult

if TYPE_CHECKING:
    from typing import TextIO


def one_line(text: str) -> str:
    return visible(" ".join(text.split()))


STREAMS = True  # reads each result once, in order: it may be given results while they are being linted


def render(result: FileResult) -> str:
    return "".join(_lines(result))


def _lines(result: FileResult) -> Iterator[str]:
    for d in result.diagnostics:
        yield f"{visible(d.path)}:{d.span.line}:{d.span.column}: {d.severity} {d.rule} {one_line(d.message)}\n"


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    for result in results:  # line by line: no second copy of a large file's report in memory
        stream.writelines([result.rendered.text] if result.rendered is not None else _lines(result))
