"""The one record every stage after the checks speaks: a Diagnostic."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """A range in a document: character offsets (end exclusive) and 1-based line/column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Fix:
    replacement: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    span: Span
    rule: str
    severity: Severity
    message: str
    matched: str
    fix: Fix | None = None
    also: tuple[str, ...] = ()  # rules that found the same span with the same fix (see merge_same_findings)

    @property
    def pack(self) -> str:
        return self.rule.split(".", 1)[0]

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.start, self.span.end, self.rule)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "matched": self.matched,
            "fix": None if self.fix is None else {"replacement": self.fix.replacement, "safe": self.fix.safe},
            "also": list(self.also),
        }


def merge_same_findings(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One diagnostic per span and fix: two rules that flag the same characters with the same
    correction (a word list and a part-of-speech rule both finding 坚定地步伐) are one defect to the
    reader. The most severe is kept, then the first by rule id; the others' ids go to its ``also``.
    Diagnostics come sorted by ``sort_key``; spans with different fixes stay apart."""
    kept: dict[tuple[str, int, int, str | None], int] = {}
    merged: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = (diagnostic.path, diagnostic.span.start, diagnostic.span.end, _replacement(diagnostic))
        place = kept.get(key)
        if place is None:
            kept[key] = len(merged)
            merged.append(diagnostic)
            continue
        first = merged[place]
        keeper, other = (diagnostic, first) if diagnostic.severity > first.severity else (first, diagnostic)
        merged[place] = replace(keeper, also=(*keeper.also, other.rule, *other.also))
    return merged


def _replacement(diagnostic: Diagnostic) -> str | None:
    return None if diagnostic.fix is None else diagnostic.fix.replacement
