"""Fixer stage: apply diagnostics' fixes to a text, never two that overlap, until none is left."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic
from lint.source import Document, text_document

if TYPE_CHECKING:
    from lint.formats.docx import DocxDraft

MAX_ROUNDS = 10  # a fix may uncover another; a rule pair that undoes each other must still stop
Lint = Callable[[Document], list[Diagnostic]]


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


def fix_document(lint: Lint, document: Document, unsafe: bool = False) -> tuple[Document, int]:
    """Fix a text document until no applicable fix remains (at most MAX_ROUNDS passes).

    Fixes are applied to the file's own text (``source_text``), so masked Markdown parts come back
    untouched; each pass lints the re-read result again.
    """
    seen = {document.source_text}
    fixed = 0
    for _ in range(MAX_ROUNDS):
        text, count = apply_fixes(document.source_text, lint(document), unsafe)
        if count == 0 or text in seen:
            break
        seen.add(text)
        fixed += count
        document = text_document(document.path, text, document.format, document.encoding, document.bom)
    return document, fixed


def fix_docx(lint: Lint, draft: DocxDraft, unsafe: bool = False) -> tuple[int, list[str]]:
    """Fix a .docx inside its runs until no fix applies; return the count and the refused fixes."""
    seen = {draft.text}
    fixed = 0
    refused: dict[tuple[str, int, int], str] = {}
    for _ in range(MAX_ROUNDS):
        document = draft.document()
        applied = 0
        for diagnostic in reversed(applicable(lint(document), unsafe)):
            assert diagnostic.fix is not None
            span = diagnostic.span
            reason = draft.replace(span.start, span.end, diagnostic.fix.replacement)
            if reason is None:
                applied += 1
            else:
                where = f"{document.path}:{span.line}:{span.column}: {diagnostic.rule}"
                refused[(diagnostic.rule, span.line, span.column)] = f"{where}: fix not applied: {reason}"
        draft.refresh()
        fixed += applied
        if applied == 0 or draft.text in seen:
            break
        seen.add(draft.text)
    return fixed, list(refused.values())
