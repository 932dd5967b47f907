"""``--format json``: {"version": 1, "diagnostics": [...], "errors": [...]}."""

from __future__ import annotations

import json
from collections.abc import Iterable

from lint.engine import FileResult

TYPE_CHECKING = False  # not from typing: see lint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO


STREAMS = True  # reads each result once, in order: it may be given results while they are being linted


def render(result: FileResult) -> str:
    """The result's diagnostics, one encoded object per line, joined by ``,\\n`` ("" when none)."""
    # json's C encoder; indent= would switch to the pure-Python one
    return ",\n".join(json.dumps(diagnostic.to_dict(), ensure_ascii=False) for diagnostic in result.diagnostics)


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    # One diagnostic per line, written as each file's result arrives: readable and diffable, and no
    # second copy of a large report.
    stream.write('{"version": 1, "diagnostics": [')
    separator = "\n"
    errors = []
    for result in results:
        if result.error:
            errors.append({"path": result.path, "message": result.error})
        text = result.rendered if result.rendered is not None else render(result)
        if text:
            stream.write(separator + text)
            separator = ",\n"
    stream.write(
        ("\n" if separator == ",\n" else "") + '], "errors": ' + json.dumps(errors, ensure_ascii=False) + "}\n"
    )
