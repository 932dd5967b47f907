"""``--format json``: {"version": 1, "diagnostics": [...], "errors": [...]}."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lint.results import FileResult

if TYPE_CHECKING:
    from typing import TextIO

    from lint.request import ReportOptions


def render(result: FileResult) -> str:
    """The result's diagnostics, one encoded object per line, joined by ``,\n`` ("" when none)."""
    return ",\n".join(_encoded(result))


def _encoded(result: FileResult) -> Iterator[str]:
    # json's C encoder; indent= would switch to the pure-Python one
    return (json.dumps(diagnostic.to_dict(), ensure_ascii=False) for diagnostic in result.diagnostics)


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    # One diagnostic per line, written as it is encoded (or as a worker rendered the file's lines):
    # readable and diffable, and no second copy of a large file's report in memory.
    stream.write('{"version": 1, "diagnostics": [')
    separator = "\n"
    errors = []
    for result in results:
        if result.error:
            errors.append({"path": result.path, "message": result.error})
        pieces = [result.rendered.text] if result.rendered is not None else _encoded(result)
        for piece in pieces:
            if piece:
                stream.write(separator + piece)
                separator = ",\n"
    stream.write(
        ("\n" if separator == ",\n" else "") + '], "errors": ' + json.dumps(errors, ensure_ascii=False) + "}\n"
    )


def write(results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """The report (lint.reporters.base.Reporter); its text is the same in colour."""
    report(results, stream)
