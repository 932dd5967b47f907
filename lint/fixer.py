"""Fixer stage: apply diagnostics' fixes to a text, never two that overlap."""

from __future__ import annotations

from collections.abc import Sequence

from lint.diagnostics import Diagnostic


def applicable(diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """The fixes to apply, in order, with any fix overlapping an earlier one left out."""
    chosen: list[Diagnostic] = []
    last_end = -1
    candidates = [d for d in diagnostics if d.fix is not None and (unsafe or d.fix.safe)]
    for diagnostic in sorted(candidates, key=lambda d: (d.span.start, d.span.end)):
        if diagnostic.span.start < last_end:
            continue
        if diagnostic.span.start == last_end and diagnostic.span.start == diagnostic.span.end:
            continue
        chosen.append(diagnostic)
        last_end = max(diagnostic.span.end, diagnostic.span.start)
    return chosen


def apply_fixes(text: str, diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """Return the fixed text and how many fixes were applied; bytes outside fixed spans are kept."""
    chosen = applicable(diagnostics, unsafe)
    parts: list[str] = []
    position = 0
    for diagnostic in chosen:
        assert diagnostic.fix is not None
        parts.append(text[position : diagnostic.span.start])
        parts.append(diagnostic.fix.replacement)
        position = diagnostic.span.end
    parts.append(text[position:])
    return "".join(parts), len(chosen)
