"""The server's warm engine: the CLI's planning and judging, kept in memory between edits.

Each configuration's plan (its packs, the built linter with its compiled patterns) comes from
``lint.plans.Workspace`` as for ``gwlint check``, once; the segmenter is loaded once per
process. A draft is judged by ``lint.session``'s judge, the one ``gwlint check`` and ``--fix`` use
(the as-of day resolved per document, suppressions, per-file ignores), so the editor shows what
``gwlint check --format json`` prints for the same text, and "fix all" gives ``gwlint --fix``'s text.

A configuration or pack that breaks while the server runs does not stop it: the error is kept in
``problems`` (by the file at fault) and the documents under it are judged with the last plan that
worked for that configuration (or, when it never worked, with the defaults).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from lint.budget import DEFAULT_RULE_TIMEOUT
from lint.config import Config, ConfigError, ConfigResolver, find_config
from lint.dating import resolve_as_of
from lint.fixer import fix_document
from lint.incremental import IncrementalLinter
from lint.packs import Rule
from lint.plans import LinterSetupError, Overrides, Plan, Workspace, build_plan
from lint.results import FileResult
from lint.session import Judge  # the judge gwlint check --fix uses: reused, not copied
from lint.source import Document, SourceError, read_document, text_document
from lint.suppression import META_RULE

SETUP_ERRORS = (ConfigError, LinterSetupError)


@dataclass
class Settings:
    """What the server was started with (``gwlint server`` options and initialization options)."""

    overrides: Overrides = field(default_factory=Overrides)
    config: Path | None = None  # --config: one configuration for every file
    isolated: bool = False  # --isolated: no configuration files
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT


@dataclass
class Linted:
    """One draft judged: its document (None when it could not be read) and what the CLI would report."""

    document: Document | None
    diagnostics: list
    plan: Plan | None
    file: Path | None
    error: str | None = None  # the file could not be read, or a rule stopped (as ``gwlint check`` reports)
    note: str | None = None  # e.g. as-of ``document`` found no date in the draft

    @property
    def editable(self) -> bool:
        """Whether fixes can be offered: a text draft (a .docx is shown read-only)."""
        return self.document is not None and self.document.format != "docx"


class WarmEngine:
    """Plans per configuration, rebuilt on ``reload``; judges drafts and fixes them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.problems: dict[Path | None, str] = {}  # the file at fault (None: an option) -> the error
        self._last_good: dict[Path | None, Plan] = {}
        self._workspace: Workspace | None = None
        self._failed: set[Path | None] = set()
        self._governing: dict[Path, Path | None] = {}
        self._drafts: dict[str, IncrementalLinter] = {}  # by the draft's name

    def reload(self) -> None:
        """Read configurations and packs afresh (one of them changed); plans that worked stay as fallbacks."""
        self._workspace = None
        self._failed.clear()
        self._governing.clear()
        self.problems = {}

    def plan(self, file: Path | None) -> Plan | None:
        """The plan for ``file``; the last good one (or the defaults') when its configuration is broken."""
        key = self._governing_config(file)
        if key not in self._failed:
            try:
                if self._workspace is None:
                    resolver = ConfigResolver(self.settings.config, self.settings.isolated)
                    self._workspace = Workspace(resolver, self.settings.overrides)
                plan = self._workspace.plan_for(file)
            except SETUP_ERRORS as error:
                self._failed.add(key)
                self.problems[self._fault(error, key)] = str(error)
            else:
                self._last_good[key] = plan
                return plan
        return self._last_good.get(key) or self._defaults()

    def _defaults(self) -> Plan | None:
        if None not in self._last_good:
            try:
                self._last_good[None] = build_plan(Config(), self.settings.overrides)
            except SETUP_ERRORS as error:  # the command line's own --pack or --select is broken
                self.problems.setdefault(self._fault(error, None), str(error))
                return None
        return self._last_good[None]

    def _governing_config(self, file: Path | None) -> Path | None:
        """The configuration file that decides ``file``'s plan (as ConfigResolver finds it), even a broken one."""
        if self.settings.config is not None:
            return self.settings.config
        if self.settings.isolated:
            return None
        folder = (file.parent if file is not None else Path.cwd()).resolve()
        if folder not in self._governing:
            self._governing[folder] = find_config(folder)
        return self._governing[folder]

    def _fault(self, error: Exception, config: Path | None) -> Path | None:
        """The file an error is about: the pack its message starts with, else the configuration."""
        message = str(error)
        for pack in self._pack_paths(config):
            if message.startswith(f"{pack}:"):
                return pack
        return config

    def _pack_paths(self, config: Path | None) -> list[Path]:
        packs = list(self.settings.overrides.packs)
        if config is not None and self._workspace is not None:
            with contextlib.suppress(ConfigError):  # a broken configuration names no pack
                packs.extend(self._workspace.resolver.for_file(config).packs)
        return packs

    def lint_text(self, name: str, text: str, file: Path | None) -> Linted:
        """Judge the editor's text of a .txt or .md draft."""
        from lint.formats import format_for

        document = text_document(name, text, format_for(name))
        return self._judged(document, file)

    def lint_docx(self, file: Path) -> Linted:
        """Judge a .docx as saved on disk (paragraph N is line N, as ``gwlint check`` reads it)."""
        try:
            document = read_document(file, str(file))
        except SourceError as error:
            return Linted(None, [], None, file, error.reason)
        return self._judged(document, file)

    def _judged(self, document: Document, file: Path | None) -> Linted:
        plan = self.plan(file)
        if plan is None:
            return Linted(document, [], None, file)
        if document.format == "docx":
            result: FileResult = Judge(plan, file, self.settings.rule_timeout).result(document)
        else:  # what Judge.result gives, re-using the lines the last judgement of this draft checked
            day, note = resolve_as_of(plan.as_of, document.text)
            outcome = self._incremental(document.path, plan).run(document, self.settings.rule_timeout, day)
            problems = "; ".join(dict.fromkeys(outcome.problems)) or None
            result = plan.filter(FileResult(document.path, outcome.diagnostics, document, problems, note=note), file)
        return Linted(document, result.diagnostics, plan, file, result.error, result.note)

    def _incremental(self, name: str, plan: Plan) -> IncrementalLinter:
        """The draft's incremental linter, new when its plan changed (a configuration was reloaded)."""
        kept = self._drafts.get(name)
        if kept is None or kept.linter is not plan.linter:
            kept = self._drafts[name] = IncrementalLinter(plan.linter)
        return kept

    def forget(self, name: str) -> None:
        """The draft was closed: drop what was kept of its lines."""
        self._drafts.pop(name, None)

    def fixed_text(self, linted: Linted) -> str:
        """The text ``gwlint check --fix`` would write for this draft (safe fixes, repeated until none applies)."""
        assert linted.document is not None and linted.plan is not None
        judge = Judge(linted.plan, linted.file, self.settings.rule_timeout)
        fixed, _ = fix_document(judge, linted.document)
        return fixed.source_text


def rule_of(plan: Plan | None, rule_id: str) -> Rule | None:
    """The rule behind a diagnostic, as the plan that judged it has it (with its configured params)."""
    if rule_id == META_RULE.id:
        return META_RULE
    if plan is None:
        return None
    return next((rule for rule in plan.linter.rules if rule.id == rule_id), None)
