"""``--annotate``: write ``draft.gwlint.docx``, the draft with a Word comment (批注) on each finding."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.diagnostics import Diagnostic
from lint.formats.docx import DocxDraft

SUFFIX = ".gwlint.docx"


@dataclass(frozen=True)
class Annotated:
    placed: int
    skipped: int  # findings in headers/footers, where Word allows no comments


def annotated_path(path: Path) -> Path:
    """draft.docx -> draft.gwlint.docx, beside the original."""
    return path.with_name(path.stem + SUFFIX)


def comment_text(diagnostic: Diagnostic) -> str:
    text = f"{diagnostic.message}（{diagnostic.rule}）"
    if diagnostic.fix is not None and diagnostic.fix.replacement and diagnostic.fix.replacement not in text:
        text += f"\n建议改为：{diagnostic.fix.replacement}"
    return text


def annotate(draft: DocxDraft, diagnostics: Sequence[Diagnostic]) -> Annotated:
    """Add one comment per diagnostic, anchored on the matched characters where Word allows it."""
    placed = skipped = 0
    for diagnostic in diagnostics:
        if draft.add_comment(diagnostic.span.start, diagnostic.span.end, comment_text(diagnostic)):
            placed += 1
        else:
            skipped += 1
    return Annotated(placed, skipped)
