"""The authoritative corpus (../shared/corpus/authoritative): 75 dated central texts whose wording is
correct at their date. Linted at its own date, every finding on a text is a wrong rule, a missing
date or a web-copy artefact; the artefacts are listed, each with its reason, in
tests/data/authoritative-exceptions.yaml. Used by tests/test_authoritative.py and bench/quality.py.
"""

from __future__ import annotations

import csv
import datetime
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from lint.diagnostics import Diagnostic
from lint.engine import Linter
from lint.source import read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "authoritative"
EXCEPTIONS = Path(__file__).resolve().parent / "data" / "authoritative-exceptions.yaml"


@dataclass(frozen=True)
class Text:
    path: Path
    day: datetime.date
    title: str


@dataclass(frozen=True)
class Exception_:
    """Findings of one rule on one file that are true findings on the web copy, not on the wording."""

    file: str
    rule: str
    why: str
    matched: str | None = None  # only findings on this text; None: every finding of the rule there
    wrong_rule: bool = False  # not an artefact: a rule still to be fixed (listed so the work is visible)
    info_only: bool = False  # a standard the text departs from, which gwlint only hints at (severity info)

    def covers(self, file: str, diagnostic: Diagnostic) -> bool:
        return (
            file == self.file
            and diagnostic.rule == self.rule
            and (self.matched is None or diagnostic.matched == self.matched)
        )


def available() -> bool:
    return (CORPUS / "MANIFEST.tsv").is_file()


def required() -> bool:
    """In CI a missing corpus is a failure, not a skip."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def texts() -> list[Text]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as manifest:
        rows = list(csv.DictReader(manifest, delimiter="\t"))
    return [Text(CORPUS / row["file"], datetime.date.fromisoformat(row["date"]), row["title"]) for row in rows]


def exceptions() -> list[Exception_]:
    entries = yaml.safe_load(EXCEPTIONS.read_text(encoding="utf-8")) or []
    return [Exception_(**entry) for entry in entries]


def lint_at_its_date(linter: Linter, text: Text) -> list[Diagnostic]:
    return linter.lint(read_document(text.path, text.path.name), as_of=text.day)


def unexplained(text: Text, diagnostics: list[Diagnostic], known: list[Exception_]) -> Iterator[Diagnostic]:
    """The findings on ``text`` that no exception covers."""
    for diagnostic in diagnostics:
        if not any(exception.covers(text.path.name, diagnostic) for exception in known):
            yield diagnostic
