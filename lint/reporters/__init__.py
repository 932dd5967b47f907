"""Reporters, registered by format name; each module exposes ``report(results, stream, color)``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TextIO

from lint.engine import FileResult

FORMATS = {
    "full": "lint.reporters.full",
    "json": "lint.reporters.json_report",
}

Reporter = Callable[[Sequence[FileResult], TextIO, bool], None]


def get_reporter(name: str) -> Reporter:
    return import_module(FORMATS[name]).report
