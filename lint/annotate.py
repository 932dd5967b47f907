"""``--annotate``: write ``draft.gwlint.docx``, the draft with a Word comment (批注) on each finding.

The copy is created, never written through an existing name: a reviewer may already have answered an
earlier copy, and a symbolic link planted where the copy goes must not redirect the write. Without
``--force`` it takes the next free name (``draft.gwlint-2.docx``, ...); with it, the copy replaces the
directory entry ``draft.gwlint.docx`` itself (a link there is replaced, its target left alone).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Severity
from lint.formats import ANNOTATED_MARK
from lint.writer import WriteError

if TYPE_CHECKING:
    from lint.formats.docx import DocxDraft

SUFFIX = ANNOTATED_MARK + ".docx"
MAX_COPIES = 10_000
SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
LINK_UNSUPPORTED = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS, errno.EMLINK})


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
    """Write the annotated copy beside ``original`` with its permission bits; return the path written.

    The bytes go to a new temporary file first, which is then linked to the first free name (or, with
    ``force``, renamed over draft.gwlint.docx): an existing file or link is never opened for writing.
    """
    import tempfile

    try:
        mode = stat.S_IMODE(os.stat(original).st_mode)
        handle, temporary = tempfile.mkstemp(prefix=f".{original.name}.", suffix=".gwlint-tmp", dir=original.parent)
    except OSError as error:
        raise WriteError(f"cannot write the annotated copy ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        target = _place(Path(temporary), original, data, mode, force)
        _sync_directory(original.parent)
        return target
    except OSError as error:
        raise WriteError(f"cannot write the annotated copy ({error.strerror or error}); nothing written") from None
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def _place(temporary: Path, original: Path, data: bytes, mode: int, force: bool) -> Path:
    if force:
        target = annotated_path(original)
        os.replace(temporary, target)  # rename replaces the name itself: a link there is not followed
        return target
    for number in range(1, MAX_COPIES + 1):
        target = annotated_path(original, number)
        try:
            os.link(temporary, target)  # fails on any existing name, a dangling link included
            return target
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in LINK_UNSUPPORTED:
                raise
            if _create_exclusively(target, data, mode):
                return target
    raise WriteError(f"{MAX_COPIES} annotated copies exist already; remove some or use --force")


def _create_exclusively(target: Path, data: bytes, mode: int) -> bool:
    """Where hard links are not supported: create ``target`` new (never through a link); False if it exists."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(target, flags, mode)
    except FileExistsError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            os.fsync(stream.fileno())
    except OSError:
        os.unlink(target)
        raise
    return True


def _sync_directory(folder: Path) -> None:
    """Make the new name durable; not every platform can open a directory, and the name stands anyway."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
