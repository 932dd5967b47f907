"""What ``gwlint check`` does with each input in its mode: lint it, or also --fix / --diff / --annotate it.

The run (lint.pipeline) hands every file (or stdin) to a Session and reports the FileResults it
returns as usual; with --fix they hold the diagnostics that remain after fixing. ``Judge`` lints a
document as the report shows it; the language server judges with it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.budget import DEFAULT_RULE_TIMEOUT
from lint.dating import resolve_as_of
from lint.diagnostics import Diagnostic
from lint.fixer import fix_document, fix_docx
from lint.formats import format_for
from lint.request import Mode
from lint.results import FileResult
from lint.source import LINE_BREAK, Document, SourceError, document_from_bytes, encode, read_file
from lint.writer import Snapshot, WriteError, identity, rewrite


@dataclass
class Change:
    """A file --fix changed (or --diff would change): its texts before and after, for the diff."""

    name: str
    before: str
    after: str
    fixed: int


if TYPE_CHECKING:
    from typing import TextIO

    from lint.plans import Plan


class Session:
    """Lints, fixes, diffs or annotates each input; keeps the changes for the diff and the summary."""

    def __init__(
        self,
        mode: Mode = Mode.LINT,
        unsafe: bool = False,
        notes: TextIO | None = None,
        rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
        force: bool = False,
    ) -> None:
        self.mode = mode
        self.force = force  # --annotate replaces NAME.gwlint.docx instead of writing the next free name
        self.unsafe = unsafe
        self.notes = notes
        self.rule_timeout = rule_timeout  # seconds per rule per document; None or 0: no limit
        self.changes: list[Change] = []

    def file(self, plan: Plan, path: Path, name: str) -> FileResult:
        try:
            return self._file(plan, path, name)
        except Exception as error:  # one file's unforeseen failure must not stop the run over the others
            return _internal_error(name, error)

    def stdin(self, plan: Plan, data: bytes, name: str, file: Path | None) -> FileResult:
        try:
            return self._stdin(plan, data, name, file)
        except Exception as error:
            return _internal_error(name, error)

    def _file(self, plan: Plan, path: Path, name: str) -> FileResult:
        if self.mode is Mode.LINT:
            return plan.filter(plan.linter.lint_file(path, name, self.rule_timeout, plan.as_of), path)
        judge = Judge(plan, path, self.rule_timeout)
        try:
            data, status = read_file(path, name)
            if self.mode is Mode.ANNOTATE:
                return self._annotate(judge, data, path, name)
            return self._fix(judge, Snapshot(data, identity(status)), name, path if self.mode is Mode.FIX else None)
        except (SourceError, WriteError) as error:
            reason = error.reason if isinstance(error, SourceError) else str(error)
            return FileResult(name, [], None, "; ".join([reason, *judge.problems]))

    def _stdin(self, plan: Plan, data: bytes, name: str, file: Path | None) -> FileResult:
        if self.mode is Mode.LINT:
            return plan.filter(plan.linter.lint_bytes(data, name, self.rule_timeout, plan.as_of), file)
        if self.mode is not Mode.DIFF:
            return FileResult(name, [], None, f"--{self.mode.value} needs a file to write; stdin can only be --diff'ed")
        try:
            return self._fix(Judge(plan, file, self.rule_timeout), Snapshot(data, (0, 0, 0, 0)), name, None)
        except SourceError as error:
            return FileResult(name, [], None, error.reason)

    def _fix(self, judge: Judge, read: Snapshot, name: str, write_to: Path | None) -> FileResult:
        """Fix in memory until nothing applicable is left; write back when ``write_to`` is given.

        A change is counted (``Fixed N``) only once it is written, or with --diff once it is shown.
        """
        if format_for(name) == "docx":
            return self._fix_docx(judge, read, name, write_to)
        original = document_from_bytes(read.data, name)
        fixed_document, fixed = fix_document(judge, original, self.unsafe)
        if fixed:
            if write_to is not None:
                if encode(original.source_text, original.encoding, original.bom) != read.data:
                    raise WriteError(f"re-encoding as {original.encoding} would change other bytes; not written")
                rewrite(write_to, encode(fixed_document.source_text, original.encoding, original.bom), read)
            self.changes.append(Change(name, original.source_text, fixed_document.source_text, fixed))
        return judge.result(fixed_document)

    def _fix_docx(self, judge: Judge, read: Snapshot, name: str, write_to: Path | None) -> FileResult:
        from lint.formats.docx import DocxDraft

        draft = DocxDraft.from_bytes(read.data, name)
        before = draft.text
        fixed, refused = fix_docx(judge, draft, self.unsafe)
        for line in refused:
            self._note(line)
        if fixed:
            if write_to is not None:
                rewrite(write_to, draft.to_bytes(), read)
            self.changes.append(Change(name, before, draft.text, fixed))
        return judge.result(draft.document())

    def _annotate(self, judge: Judge, data: bytes, path: Path, name: str) -> FileResult:
        from lint.annotate import annotate, write_annotated
        from lint.formats.docx import DocxDraft

        if format_for(name) != "docx":
            return FileResult(name, [], None, "--annotate works on .docx files only")
        draft = DocxDraft.from_bytes(data, name)
        result = judge.result(draft.document())
        outcome = annotate(draft, result.diagnostics)
        target = write_annotated(path, draft.to_bytes(), self.force)
        self._note(f"wrote {target} ({outcome.placed} comment(s))")
        if outcome.skipped:
            self._note(f"{name}: {outcome.skipped} finding(s) in headers/footers carry no Word comment")
        return result

    def _note(self, line: str) -> None:
        if self.notes is not None:
            self.notes.write(f"gwlint: {line}\n")

    def write_diffs(self, stream: TextIO, results: Sequence[FileResult], color: bool | None = None) -> int:
        """Print the diffs; the exit code is 1 when there is something to fix (like ruff --diff).

        To a person (a terminal, or ``color``) the changed characters are marked (lint.diffview);
        into a pipe or a file the diff is exact, so it can be applied."""
        on_terminal = bool(getattr(stream, "isatty", None) and stream.isatty())
        for change in self.changes:
            lines = unified_diff(change)
            if on_terminal or color:
                from lint.diffview import marked

                lines = marked(lines, bool(color))
            stream.writelines(lines)
        if any(result.error for result in results):
            return 2
        return 1 if self.changes else 0

    def write_summary(self, stream: TextIO) -> None:
        if self.mode is not Mode.FIX:
            return
        fixed = sum(change.fixed for change in self.changes)
        stream.write(f"Fixed {fixed} problem(s) in {len(self.changes)} file(s).\n")


@dataclass
class Judge:
    """Lints a document as the CLI would report it: the plan's linter, then its per-file ignores.

    Rules that overran their budget or failed in any pass (a fix pass or the final one) are kept in
    ``problems`` and reported as the file's error.
    """

    plan: Plan
    file: Path | None
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT
    problems: list[str] = field(default_factory=list)

    def result(self, document: Document) -> FileResult:
        day, note = resolve_as_of(self.plan.as_of, document.text)
        outcome = self.plan.linter.run(document, self.rule_timeout, day)
        self.problems.extend(p for p in outcome.problems if p not in self.problems)
        result = FileResult(document.path, outcome.diagnostics, document, "; ".join(self.problems) or None, note=note)
        return self.plan.filter(result, self.file)

    def __call__(self, document: Document) -> list[Diagnostic]:
        return self.result(document).diagnostics


def _internal_error(name: str, error: Exception) -> FileResult:
    return FileResult(name, [], None, f"internal error ({type(error).__name__}: {error}); please report it")


def unified_diff(change: Change) -> Iterator[str]:
    before, after = _lines(change.before), _lines(change.after)
    import difflib  # only for --diff

    for line in difflib.unified_diff(before, after, fromfile=change.name, tofile=change.name):
        yield line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    """Lines with their own line breaks, split only where the Document splits (not at U+2028)."""
    lines, start = [], 0
    for match in LINE_BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    return [*lines, text[start:]] if start < len(text) else lines
