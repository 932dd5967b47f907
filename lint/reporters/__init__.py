"""Reporters, registered by format name; each module exposes ``report(results, stream, color)``.

A reporter that describes the rules themselves (SARIF) sets ``NEEDS_RULES = True`` and takes the
rules in force as a keyword argument ``rules``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import import_module

from lint.engine import FileResult
from lint.packs import Rule

TYPE_CHECKING = False  # not from typing: see lint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO

FORMATS = {
    "full": "lint.reporters.full",
    "json": "lint.reporters.json_report",
    "concise": "lint.reporters.concise",
    "github": "lint.reporters.github",
    "sarif": "lint.reporters.sarif",
    "junit": "lint.reporters.junit",
}


def streams(name: str) -> bool:
    """Whether the reporter reads its results once, in order, so it can be given them as they come."""
    return bool(getattr(import_module(FORMATS[name]), "STREAMS", False))


def write_report(
    name: str, results: Iterable[FileResult], stream: TextIO, color: bool = False, rules: Sequence[Rule] = ()
) -> None:
    module = import_module(FORMATS[name])
    if getattr(module, "NEEDS_RULES", False):
        module.report(results, stream, color, rules=rules)
    else:
        module.report(results, stream, color)
