"""Reporters, registered by format name: each is a module in lint/reporters/ that implements
``lint.reporters.base.Reporter`` (``write``, and ``render`` for a format that can be written while
files are still being linted). A new format is a module and a line in ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, cast

from lint.packs import Rule
from lint.request import ReportOptions
from lint.results import FileResult, Render

if TYPE_CHECKING:
    from typing import TextIO

    from lint.reporters import concise, full, github, json_report, junit, sarif
    from lint.reporters.base import Reporter

    # mypy checks here that every format implements Reporter (at run time each is imported when used)
    _FORMATS_ARE_REPORTERS: tuple[Reporter, ...] = (full, json_report, concise, github, sarif, junit)

FORMATS = {
    "full": "lint.reporters.full",
    "json": "lint.reporters.json_report",
    "concise": "lint.reporters.concise",
    "github": "lint.reporters.github",
    "sarif": "lint.reporters.sarif",
    "junit": "lint.reporters.junit",
}


def reporter(name: str) -> Reporter:
    """The format ``name`` (one of FORMATS)."""
    return cast("Reporter", import_module(FORMATS[name]))  # each is checked above


def streams(name: str) -> bool:
    """Whether the reporter reads its results once, in order, so it can be given them as they come."""
    return reporter(name).render is not None


def renderer(name: str) -> Render | None:
    """The reporter's ``render`` (one result's text, see lint.reporters.base), or None when it has none."""
    return reporter(name).render


def write_report(
    name: str,
    results: Iterable[FileResult],
    stream: TextIO,
    color: bool = False,
    rules: Sequence[Rule] = (),
    quiet: bool = False,
    lang: str = "en",
) -> None:
    """Write the report; ``quiet`` leaves out a summary, which is in ``lang``."""
    reporter(name).write(results, stream, ReportOptions(color, rules, quiet, lang))
