"""Re-linting a draft after an edit: what ``Linter.run`` reports, without re-running unchanged lines.

An editor re-lints a draft at each pause in typing, and most of the draft has not changed. Checks
that are paragraph-local (``Check.paragraph_local``: what they find on a line depends on that line
alone, and on the as-of day, which chooses the checks) are run on each line by itself; their
diagnostics are kept per line, keyed by the line's text, and a line whose text was seen in the last
run is not checked again, only moved (its offsets and line numbers shifted). The other checks
(numbering, consistency, tables of contents, duplicate lines, wraps, pairing across paragraphs,
names) run on the whole text each time, as do what a paragraph-local check asks of the whole
document (``Check.document_allows``: only_if_document_matches …), the engine's search for the
rules' required words, suppression comments and the final sort. The result equals
``Linter.run(document, rule_timeout, day)`` for the same text and day (tests/test_incremental.py
checks that after random edits of real drafts).

What it saves: a one-character edit of a 300,000-character report re-runs the paragraph-local
rules (about nine in ten) on one line instead of on the whole text. What it does not: the
document-level rules, and building the document and its diagnostics.

A "line" here ends after each ``\\n`` and holds it: a lone ``\\r`` or a ``\\r\\n`` stays inside, so
the line run alone has the line breaks it has in the document. Differences left: a rule's time
budget counts per line here (a rule that is slow on the whole text but quick on every line is not
stopped), and a rule that fails or overruns on a line sends the run to ``Linter.run``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from lint.budget import DEFAULT_RULE_TIMEOUT, Budget, scaled_budget
from lint.checks import Check
from lint.dating import Period, When
from lint.diagnostics import Diagnostic, Span, merge_same_findings
from lint.engine import Linter, Outcome, _run_checks
from lint.source import Document
from lint.suppression import apply_suppressions


@dataclass
class _Split:
    """The checks in force on one day, split by locality (each paragraph-local one with its twin
    for a line alone, see ``Check.for_paragraphs``)."""

    local: list[Check]
    twins: list[Check]
    document: list[Check]


@dataclass
class IncrementalLinter:
    """One draft's re-lints with one linter: the paragraph-local diagnostics of its current lines."""

    linter: Linter
    lines_checked: int = 0  # lines run in the last ``run`` (for tests and the benchmark)
    _splits: dict[datetime.date, _Split] = field(default_factory=dict)
    _day: datetime.date | None = None
    _lines: dict[tuple[str, str | None], list[Diagnostic]] = field(default_factory=dict)

    def run(
        self, document: Document, rule_timeout: float | None = DEFAULT_RULE_TIMEOUT, as_of: When | None = None
    ) -> Outcome:
        """``self.linter.run(document, rule_timeout, as_of)``, re-using the lines of the last run."""
        day = as_of or datetime.date.today()
        # a paragraph is a line in a .docx: nothing is typed in it here; a period's checks confirm
        # each other's findings over the whole document (Linter.checks_during)
        if document.format == "docx" or isinstance(day, Period):
            return self.linter.run(document, rule_timeout, day)
        split = self._split(day)
        if day != self._day:
            self._lines, self._day = {}, day
        local = self._local_diagnostics(document, split, rule_timeout)
        if local is None:  # a rule failed or overran on a line: the whole run says which, as the CLI does
            self._lines = {}
            return self.linter.run(document, rule_timeout, day)
        problems: list[str] = []
        diagnostics = local + self._document_diagnostics(document, split.document, rule_timeout, problems)
        diagnostics.sort(key=Diagnostic.sort_key)
        kept = apply_suppressions(document, diagnostics, self.linter.active, self.linter.suppression)
        # a line's finding and a document-level one can be one defect (a slogan's variant around a
        # missing word): merged as the full run merges them
        return Outcome(merge_same_findings(kept), problems)

    def _split(self, day: datetime.date) -> _Split:
        if day not in self._splits:
            split = _Split([], [], [])
            for check in self.linter.checks_on(day):
                if check.paragraph_local():
                    split.local.append(check)
                    split.twins.append(check.for_paragraphs())
                else:
                    split.document.append(check)
            self._splits[day] = split
        return self._splits[day]

    def _local_diagnostics(
        self, document: Document, split: _Split, rule_timeout: float | None
    ) -> list[Diagnostic] | None:
        """The paragraph-local checks' diagnostics, from the kept lines and the changed ones run now."""
        text, source = document.text, document.source_text
        # The engine's search of the whole text for the rules' required words is left to each line:
        # a paragraph-local rule's words are in each match, so a line without them has no finding.
        wanted = {check.rule.id for check in split.local if check.document_allows(text)}
        previous: dict[tuple[str, str | None], list[Diagnostic]] = self._lines
        lines: dict[tuple[str, str | None], list[Diagnostic]] = {}
        found: list[Diagnostic] = []
        self.lines_checked = 0
        start = line_number = 0
        while start < len(text):
            end = text.find("\n", start) + 1 or len(text)
            key = (text[start:end], None if source is text else source[start:end])
            kept = lines.get(key)
            if kept is None:
                kept = previous.get(key)
                if kept is None:
                    kept = self._check_line(document, key, split.twins, rule_timeout)
                    if kept is None:
                        return None
                    self.lines_checked += 1
                lines[key] = kept
            for diagnostic in kept:
                if diagnostic.rule in wanted:
                    found.append(_moved(diagnostic, document.path, start, line_number))
            line_number += key[0].count("\n") + key[0].count("\r") - key[0].count("\r\n")
            start = end
        self._lines = lines
        return found

    def _check_line(
        self, document: Document, key: tuple[str, str | None], twins: Sequence[Check], rule_timeout: float | None
    ) -> list[Diagnostic] | None:
        """The line's diagnostics, offsets and lines counted from the line's start; None on a problem."""
        line = Document(document.path, key[0], document.encoding, document.bom, key[1], document.format)
        problems: list[str] = []
        diagnostics = []
        with Budget(scaled_budget(rule_timeout, len(line.text))) as budget:
            for check, findings in _run_checks(twins, line, budget, problems):
                seen: set[tuple[int, int]] = set()
                for finding in findings:
                    if (finding.start, finding.end) not in seen:
                        seen.add((finding.start, finding.end))
                        diagnostics.append(Linter._diagnostic(check, finding, line))
        return None if problems else diagnostics

    def _document_diagnostics(
        self, document: Document, checks: Sequence[Check], rule_timeout: float | None, problems: list[str]
    ) -> list[Diagnostic]:
        """The document-level checks' diagnostics, found on the whole text as ``Linter.run`` finds them
        (with the linter's native prefilter on a large text, when it is installed)."""
        diagnostics = []
        with Budget(scaled_budget(rule_timeout, len(document.text))) as budget:
            for check, findings in _run_checks(checks, document, budget, problems, self.linter.prefilter):
                seen: set[tuple[int, int]] = set()
                for finding in findings:
                    if (finding.start, finding.end) not in seen:
                        seen.add((finding.start, finding.end))
                        diagnostics.append(Linter._diagnostic(check, finding, document))
        return diagnostics


def _moved(diagnostic: Diagnostic, path: str, offset: int, lines: int) -> Diagnostic:
    """A line's diagnostic placed at the line's offset and line number in the document."""
    span = diagnostic.span
    moved = Span(span.start + offset, span.end + offset, span.line + lines, span.column, span.end_line + lines,
                 span.end_column)  # fmt: skip
    return Diagnostic(path, moved, diagnostic.rule, diagnostic.severity, diagnostic.message, diagnostic.matched,
                      diagnostic.fix)  # fmt: skip
