"""Runs the checks over documents and turns their findings into Diagnostics.

This is the Python API the CLI uses: ``Linter`` (built once from packs), ``lint_text`` and
``lint_paths``.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.checks import Check, Finding, Settings, build_checks
from lint.diagnostics import Diagnostic, Fix
from lint.fixer import apply_fixes
from lint.packs import Pack, PackError, Rule, load_packs, select_rules
from lint.source import Document, SourceError, document_from_bytes, read_document
from lint.suppression import SuppressionPolicy, apply_suppressions


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def render_message(template: str, fields: dict[str, str]) -> str:
    try:
        return _FORMATTER.vformat(template, (), _Fields(fields))
    except (ValueError, IndexError, AttributeError):
        return template


@dataclass
class FileResult:
    """What one input produced: its document (for reporters that show source) or an error."""

    path: str
    diagnostics: list[Diagnostic]
    document: Document | None = None
    error: str | None = None


class Linter:
    suppression: SuppressionPolicy | None = None  # None: only this linter's rules count as known

    def __init__(self, rules: Sequence[Rule], settings: Settings | None = None) -> None:
        self.rules = list(rules)
        self.settings = settings or Settings()
        self.checks: list[Check] = build_checks(self.rules, self.settings)

    @classmethod
    def from_packs(
        cls,
        packs: Sequence[Pack] | None = None,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        settings: Settings | None = None,
    ) -> Linter:
        return cls(select_rules(packs if packs is not None else load_packs(), select, ignore), settings)

    def lint(self, document: Document) -> list[Diagnostic]:
        seen: set[tuple[str, int, int]] = set()
        diagnostics = []
        for check in self.checks:
            for finding in check.find(document):
                key = (check.rule.id, finding.start, finding.end)
                if key not in seen:
                    seen.add(key)
                    diagnostics.append(self._diagnostic(check, finding, document))
        diagnostics.sort(key=Diagnostic.sort_key)
        active = {rule.id for rule in self.rules} | {rule.pack for rule in self.rules}
        return apply_suppressions(document, diagnostics, active, self.suppression)

    @staticmethod
    def _diagnostic(check: Check, finding: Finding, document: Document) -> Diagnostic:
        rule = check.rule
        matched = document.source_text[finding.start : finding.end]
        fields = {"match": matched, "replacement": finding.replacement or "", **finding.fields}
        fix = None
        if finding.replacement is not None and check.fix_safety != "none":
            fix = Fix(finding.replacement, safe=check.fix_safety == "safe")
        return Diagnostic(
            path=document.path,
            span=document.span(finding.start, finding.end),
            rule=rule.id,
            severity=rule.severity,
            message=render_message(rule.message, fields),
            matched=matched,
            fix=fix,
        )

    def lint_text(self, text: str, path: str = "<text>") -> list[Diagnostic]:
        return self.lint(Document(path=path, text=text))

    def lint_file(self, path: Path, display: str | None = None) -> FileResult:
        name = display if display is not None else str(path)
        try:
            document = read_document(path, name)
        except SourceError as error:
            return FileResult(name, [], None, error.reason)
        return FileResult(name, self.lint(document), document)

    def lint_bytes(self, data: bytes, path: str) -> FileResult:
        try:
            document = document_from_bytes(data, path)
        except SourceError as error:
            return FileResult(path, [], None, error.reason)
        return FileResult(path, self.lint(document), document)


def verify_examples(linter: Linter) -> Iterator[PackError]:
    """Every bad example must raise its rule (and fix to ``fixed`` when given); no good one may."""
    by_id = {check.rule.id: check for check in linter.checks}
    for rule_id, check in by_id.items():
        single = Linter.__new__(Linter)
        single.rules, single.checks = [check.rule], [check]
        rule = check.rule
        for example in rule.bad:
            found = single.lint_text(example.text)
            if not found:
                yield PackError(rule.path, f"bad example raises nothing: {example.text!r}", rule_id, "examples.bad")
            elif example.fixed is not None:
                fixed, _ = apply_fixes(example.text, found, unsafe=True)
                if fixed != example.fixed:
                    yield PackError(
                        rule.path, f"fix gives {fixed!r}, example expects {example.fixed!r}", rule_id, "examples.bad"
                    )
        for text in rule.good:
            found = single.lint_text(text)
            if found:
                yield PackError(
                    rule.path, f"good example raises {found[0].matched!r}: {text!r}", rule_id, "examples.good"
                )


def lint_text(text: str, path: str = "<text>", select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Diagnostic]:
    """Lint a string with the built-in packs. Convenience for scripts; build a Linter to reuse."""
    return Linter.from_packs(select=select, ignore=ignore).lint_text(text, path)


def lint_paths(paths: Iterable[Path | str], linter: Linter | None = None) -> list[FileResult]:
    linter = linter or Linter.from_packs()
    return [linter.lint_file(Path(p)) for p in paths]
