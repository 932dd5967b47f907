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
    """One diagnostic per defect: two rules that flag the same characters with the same correction
    (a word list and a part-of-speech rule both finding 坚定地步伐), or one inside the other's span
    with fixes that give the same text (做的很好 → 做得很好 and, inside it, 的 → 得), are one defect to the
    reader. The most severe is kept, then the widest, then the first by ``sort_key``; the others' ids
    go to its ``also``, sorted. Diagnostics come sorted by ``sort_key``; overlapping spans whose fixes differ, or that
    have no fix, stay apart."""
    kept: dict[tuple[str, int, int, str | None], int] = {}
    merged: list[Diagnostic] = []
    open_fixes: list[int] = []  # merged diagnostics with a fix whose span may still hold a later one
    for diagnostic in diagnostics:
        key = (diagnostic.path, diagnostic.span.start, diagnostic.span.end, _replacement(diagnostic))
        place = kept.get(key)
        if place is None and diagnostic.fix is not None:
            open_fixes = [
                index
                for index in open_fixes
                if merged[index].path == diagnostic.path and merged[index].span.end > diagnostic.span.start
            ]
            place = next((index for index in open_fixes if _same_correction(merged[index], diagnostic)), None)
        if place is None:
            kept[key] = len(merged)
            if diagnostic.fix is not None:
                open_fixes.append(len(merged))
            merged.append(diagnostic)
            continue
        first = merged[place]
        keeper, other = (diagnostic, first) if _outranks(diagnostic, first) else (first, diagnostic)
        # sorted, so that merging in steps (a line's findings first, as lint.incremental does) names the same
        also = tuple(sorted({*keeper.also, other.rule, *other.also}))
        merged[place] = replace(keeper, also=also, fix=_surest(keeper.fix, other.fix))
    return merged


def _surest(kept: Fix | None, other: Fix | None) -> Fix | None:
    """The kept fix, safe when either rule's fix was: both give the same text, and one rule is sure of it
    (so ``--fix`` still makes a change a safe rule would have made on its own)."""
    if kept is not None and other is not None and other.safe and not kept.safe:
        return Fix(kept.replacement, safe=True)
    return kept


def _outranks(later: Diagnostic, first: Diagnostic) -> bool:
    """Whether the later of two diagnostics of one defect is the one to keep: the more severe, then the
    one with the wider span (历行节约 → 厉行节约 says more than 历行 → 厉行), else the first."""
    if later.severity != first.severity:
        return later.severity > first.severity
    return later.span.end - later.span.start > first.span.end - first.span.start


def _same_correction(one: Diagnostic, two: Diagnostic) -> bool:
    """Whether one span holds the other and the inner fix, made inside the outer span, gives the outer
    fix's text: the two diagnostics correct the same characters the same way."""
    outer, inner = (one, two) if _holds(one, two) else (two, one)
    if not _holds(outer, inner) or outer.fix is None or inner.fix is None:
        return False
    if len(outer.matched) != outer.span.end - outer.span.start:
        return False  # the matched text does not map onto the offsets (a converted source): leave both
    before = outer.matched[: inner.span.start - outer.span.start]
    after = outer.matched[inner.span.end - outer.span.start :]
    return before + inner.fix.replacement + after == outer.fix.replacement


def _holds(outer: Diagnostic, inner: Diagnostic) -> bool:
    return outer.span.start <= inner.span.start and inner.span.end <= outer.span.end


def _replacement(diagnostic: Diagnostic) -> str | None:
    return None if diagnostic.fix is None else diagnostic.fix.replacement
