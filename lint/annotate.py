"""``--annotate``: write ``draft.gwlint.docx``, the draft with a Word comment (批注) on each finding.

The copy is created, never written through an existing name: a reviewer may already have answered an
earlier copy, and a symbolic link planted where the copy goes must not redirect the write. Without
``--force`` it takes the next free name (``draft.gwlint-2.docx``, ...); with it, the copy replaces the
directory entry ``draft.gwlint.docx`` itself (a link there is replaced, its target left alone).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Severity
from lint.formats import ANNOTATED_MARK
from lint.writer import NoFreeName, WriteError, write_copy

if TYPE_CHECKING:
    from lint.formats.docx import DocxDraft

SUFFIX = ANNOTATED_MARK + ".docx"
MAX_COPIES = 10_000
SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


@dataclass(frozen=True)
class Annotated:
    placed: int
    skipped: int  # findings in headers/footers, where Word allows no comments


def annotated_path(path: Path, number: int = 1) -> Path:
    """draft.docx -> draft.gwlint.docx beside the original; then draft.gwlint-2.docx, -3 ..."""
    return path.with_name(path.stem + (SUFFIX if number == 1 else f"{ANNOTATED_MARK}-{number}.docx"))


def comment_text(diagnostic: Diagnostic) -> str:
    """The comment: where (第N段第M字, as Word counts paragraphs), what, the rule, the suggested change."""
    span = diagnostic.span
    severity = SEVERITY_NAMES.get(diagnostic.severity, str(diagnostic.severity))
    text = f"第{span.line}段第{span.column}字：{diagnostic.message}（{severity}，规则 {diagnostic.rule}）"
    fix = diagnostic.fix
    if fix is not None and not fix.replacement and diagnostic.matched:
        text += f"\n建议删除：{diagnostic.matched}"
    elif fix is not None and fix.replacement and fix.replacement not in diagnostic.message:
        text += f"\n建议改为：{fix.replacement}"
    return text


def annotate(draft: DocxDraft, diagnostics: Sequence[Diagnostic]) -> Annotated:
    """Add one comment per diagnostic, anchored on the matched characters where Word allows it."""
    spans = [(d.span.start, d.span.end, comment_text(d)) for d in diagnostics]
    placed = sum(draft.add_comments(spans))
    return Annotated(placed, len(spans) - placed)


def write_annotated(original: Path, data: bytes, force: bool = False) -> Path:
    """Write the annotated copy beside ``original`` with its permission bits; return the path written:
    the first free name of draft.gwlint.docx, draft.gwlint-2.docx, ...; with ``force``, the directory
    entry draft.gwlint.docx itself is replaced."""
    try:
        mode = stat.S_IMODE(os.stat(original).st_mode)
    except OSError as error:
        raise WriteError(f"cannot write the annotated copy ({error.strerror or error})") from None
    names = [annotated_path(original, number) for number in range(1, 1 if force else MAX_COPIES + 1)] or [
        annotated_path(original)
    ]
    try:
        return write_copy(names, data, mode, replace=force)
    except NoFreeName:
        raise WriteError(f"{MAX_COPIES} annotated copies exist already; remove some or use --force") from None
    except WriteError as error:
        raise WriteError(f"cannot write the annotated copy: {error}") from None
