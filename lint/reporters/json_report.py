"""``--format json``: {"version": 1, "diagnostics": [...], "errors": [...]}."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from lint.engine import FileResult


def report(results: Sequence[FileResult], stream: TextIO, color: bool = False) -> None:
    payload = {
        "version": 1,
        "diagnostics": [d.to_dict() for r in results for d in r.diagnostics],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error],
    }
    json.dump(payload, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
