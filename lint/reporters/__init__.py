"""Reporters, registered by format name; each module exposes ``report(results, stream, color)``.

A reporter that describes the rules themselves (SARIF) sets ``NEEDS_RULES = True`` and takes the
rules in force as a keyword argument ``rules``. A streaming reporter whose text for a file depends on
that file's result alone exposes it as ``render(result) -> str``: with ``-j``, the worker that linted
the file renders it (``FileResult.rendered``) and the report only writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING

from lint.packs import Rule
from lint.results import FileResult

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


def renderer(name: str) -> Callable[[FileResult], str] | None:
    """The reporter's ``render`` (one result's text, see above), or None when it has none."""
    module = import_module(FORMATS[name])
    return getattr(module, "render", None) if getattr(module, "STREAMS", False) else None


def write_report(
    name: str,
    results: Iterable[FileResult],
    stream: TextIO,
    color: bool = False,
    rules: Sequence[Rule] = (),
    quiet: bool = False,
    lang: str = "en",
) -> None:
    """Write the report; ``quiet`` leaves out a summary, which is in ``lang`` (a reporter that writes
    one sets ``SUMMARY``)."""
    module = import_module(FORMATS[name])
    options: dict[str, object] = {}
    if getattr(module, "NEEDS_RULES", False):
        options["rules"] = rules
    if getattr(module, "SUMMARY", False):
        options["quiet"] = quiet
        options["lang"] = lang
    module.report(results, stream, color, **options)
