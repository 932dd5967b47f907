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
    # One diagnostic per line: readable and diffable, and encoded by json's C encoder, which
    # indent= would switch off (the pure-Python one is a tenth of a large run).
    diagnostics = ",\n".join(json.dumps(d, ensure_ascii=False) for d in payload["diagnostics"])
    errors = json.dumps(payload["errors"], ensure_ascii=False)
    body = f"[\n{diagnostics}\n]" if diagnostics else "[]"
    stream.write(f'{{"version": 1, "diagnostics": {body}, "errors": {errors}}}\n')
