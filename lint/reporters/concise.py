"""``--format concise``: ``path:line:column: severity rule message``, one line per diagnostic (editors, grep)."""

from __future__ import annotations

from collections.abc import Iterable

from lint.engine import FileResult

TYPE_CHECKING = False  # not from typing: see lint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO


def one_line(text: str) -> str:
    return " ".join(text.split())


STREAMS = True  # reads each result once, in order: it may be given results while they are being linted


def render(result: FileResult) -> str:
    return "".join(
        f"{d.path}:{d.span.line}:{d.span.column}: {d.severity} {d.rule} {one_line(d.message)}\n"
        for d in result.diagnostics
    )


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    for result in results:
        stream.write(result.rendered if result.rendered is not None else render(result))
