"""``--format json``: {"version": 1, "diagnostics": [...], "errors": [...]}."""

from __future__ import annotations

import json
from collections.abc import Iterable

from lint.engine import FileResult

TYPE_CHECKING = False  # not from typing: see lint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO


STREAMS = True  # reads each result once, in order: it may be given results while they are being linted


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    # One diagnostic per line, written as it is encoded: readable and diffable, encoded by json's C
    # encoder (indent= would switch to the pure-Python one), and no second copy of a large report.
    stream.write('{"version": 1, "diagnostics": [')
    separator = "\n"
    errors = []
    for result in results:
        if result.error:
            errors.append({"path": result.path, "message": result.error})
        for diagnostic in result.diagnostics:
            stream.write(separator + json.dumps(diagnostic.to_dict(), ensure_ascii=False))
            separator = ",\n"
    stream.write(
        ("\n" if separator == ",\n" else "") + '], "errors": ' + json.dumps(errors, ensure_ascii=False) + "}\n"
    )
