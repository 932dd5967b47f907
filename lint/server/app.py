"""``gwlint server``: the language server (pygls over stdio) and what it does on each message.

Drafts are judged when opened, when changed (after ``debounceMs`` without another change), and when
saved; a .docx is read from disk when opened and saved. Each judgement is published at once
(``textDocument/publishDiagnostics``), with the document's version. Code actions, hover and
configuration changes are answered from the last judgement of the current text.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from lint import __version__
from lint.config import CONFIG_NAMES
from lint.diagnostics import Diagnostic
from lint.fixer import applicable
from lint.server import options
from lint.server.convert import (
    FIX_ALL_KIND,
    Edits,
    Prebuilt,
    converter_factory,
    diagnostic_json,
    lsp_diagnostic,
    lsp_range,
    wanted,
)
from lint.server.documents import OpenDraft
from lint.server.explain import explanation
from lint.server.linting import Linted, Settings, WarmEngine, rule_of
from lint.server.positions import UTF16, LineIndex
from lint.source import Document

WATCHED = "**/*.{yaml,yml,toml,docx}"  # configurations, packs, and .docx drafts saved by Word


@dataclass
class Judged:
    """The last judgement of an open draft: for the text it was made on (``version``)."""

    version: int | None
    linted: Linted
    index: LineIndex | None
    encoding: str
    fixed: str | None = None  # the fix-all text, once asked for

    def published(self, diagnostic: Diagnostic) -> types.Diagnostic:
        """The LSP diagnostic published for one of ``linted.diagnostics`` (for a code action to name)."""
        assert self.index is not None
        return lsp_diagnostic(diagnostic, self.index, self.encoding)


class GwlintServer(LanguageServer):
    def __init__(self, settings: Settings, debounce: float) -> None:
        super().__init__(
            "gwlint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            converter_factory=converter_factory,
        )
        self.engine = WarmEngine(settings)
        self.debounce = debounce  # seconds
        self.drafts: dict[str, OpenDraft] = {}
        self.judged: dict[str, Judged] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.shown: dict[Path | None, str] = {}  # configuration problems published so far
        self.warnings: list[str] = []  # about initialization options, shown once initialized
        self.last_notes: dict[str, str | None] = {}
        self.shut_down = False

    @property
    def encoding(self) -> str:
        chosen = self.workspace.position_encoding
        return str(getattr(chosen, "value", chosen) or UTF16)

    def open(self, item: types.TextDocumentItem) -> None:
        path = to_fs_path(item.uri) if item.uri.startswith("file:") else None
        self.drafts[item.uri] = OpenDraft(
            item.uri, item.text, item.version, item.language_id, Path(path) if path else None
        )
        self.refresh(item.uri)

    def change(self, params: types.DidChangeTextDocumentParams) -> None:
        draft = self.drafts.get(params.text_document.uri)
        if draft is None:
            return
        for change in params.content_changes:
            where = getattr(change, "range", None)  # none: the whole text
            span = None if where is None else (_pair(where.start), _pair(where.end))
            draft.edit(span, change.text, self.encoding)
        draft.version = params.text_document.version
        if draft.format != "docx":
            self.schedule(draft.uri)

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        if self.debounce <= 0:
            self.refresh(uri)
            return
        self.pending[uri] = asyncio.get_running_loop().call_later(self.debounce, self.refresh, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def close(self, uri: str) -> None:
        self.cancel(uri)
        draft = self.drafts.pop(uri, None)
        if draft is not None:
            self.engine.forget(draft.name)
        self.judged.pop(uri, None)
        self.publish(uri, [], None)

    def refresh(self, uri: str) -> None:
        """Judge the draft now and publish its diagnostics."""
        self.cancel(uri)
        draft = self.drafts.get(uri)
        if draft is None or not draft.lintable:
            return
        if draft.format == "docx":
            linted = self.engine.lint_docx(draft.file) if draft.file is not None else None
        else:
            linted = self.engine.lint_text(draft.name, draft.text, draft.file)
        if linted is None:
            return
        document = linted.document
        index = None if document is None else LineIndex(document.source_text, _starts_of(document))
        encoding = self.encoding
        published = [] if index is None else [diagnostic_json(d, index, encoding) for d in linted.diagnostics]
        self.judged[uri] = Judged(draft.version, linted, index, encoding)
        self.publish(uri, published, draft.version)
        self.tell(uri, draft, linted)
        self.report_problems()

    def current(self, uri: str) -> Judged | None:
        """The judgement of the draft's current text (a pending one is made now)."""
        draft = self.drafts.get(uri)
        judged = self.judged.get(uri)
        if draft is not None and (uri in self.pending or judged is None or judged.version != draft.version):
            self.refresh(uri)
            judged = self.judged.get(uri)
        return judged

    def publish(self, uri: str, diagnostics: list[dict[str, object]], version: int | None) -> None:
        """Send diagnostics in JSON form (see ``convert.diagnostic_json``)."""
        params = {"uri": uri, "diagnostics": diagnostics, **({} if version is None else {"version": version})}
        self.protocol.notify(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, Prebuilt(params))

    def tell(self, uri: str, draft: OpenDraft, linted: Linted) -> None:
        """What ``gwlint check`` prints beside its report (an unreadable file, a rule stopped, a note), once."""
        said = "; ".join(part for part in (linted.error, linted.note) if part) or None
        if said is not None and self.last_notes.get(uri) != said:
            kind = types.MessageType.Warning if linted.error else types.MessageType.Info
            message = f"gwlint: {draft.name}: {said}"
            if linted.document is None:
                self.window_show_message(types.ShowMessageParams(kind, message))
            else:
                self.window_log_message(types.LogMessageParams(kind, message))
        self.last_notes[uri] = said

    def reload(self) -> None:
        """A configuration or pack changed: plan afresh and judge every open draft again."""
        self.engine.reload()
        for judged in self.judged.values():
            judged.fixed = None
        for uri in list(self.drafts):
            self.refresh(uri)
        self.report_problems()

    def report_problems(self) -> None:
        """One diagnostic on each broken configuration or pack, and a message when it is new."""
        problems = dict(self.engine.problems)
        for path in set(self.shown) - set(problems):
            if path is not None:
                self.publish(from_fs_path(str(path)), [], None)
        for path, message in problems.items():
            if self.shown.get(path) == message:
                continue
            if path is not None:
                self.publish(from_fs_path(str(path)), [options.problem_diagnostic(path, message, self.encoding)], None)
            note = "gwlint keeps using the last configuration that worked"
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"gwlint: {message} ({note})"))
        self.shown = problems

    def watches(self, path: Path) -> bool:
        """Whether a changed file may change a plan: a configuration file, or a pack in use or at fault."""
        if path.name in CONFIG_NAMES:
            return True
        packs = {p.resolve() for p in self.engine.settings.overrides.packs}
        for judged in self.judged.values():
            if judged.linted.plan is not None:
                packs.update(p.resolve() for p in judged.linted.plan.config.packs)
        packs.update(p.resolve() for p in self.engine.problems if p is not None)
        return path.resolve() in packs

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        judged = self.current(params.text_document.uri)
        if judged is None or judged.index is None or not judged.linted.editable:
            return []
        only = params.context.only
        edits = self.edits(params.text_document.uri, judged)
        start = judged.index.offset(params.range.start.line, params.range.start.character, self.encoding)
        end = judged.index.offset(params.range.end.line, params.range.end.character, self.encoding)
        actions: list[types.CodeAction] = []
        for diagnostic in judged.linted.diagnostics:
            if diagnostic.span.start > end or diagnostic.span.end < start:
                continue
            published = judged.published(diagnostic)
            if diagnostic.fix is not None:
                actions.append(edits.fix(diagnostic, published))
            suppress = edits.suppress(diagnostic, published)
            if suppress is not None:
                actions.append(suppress)
        asked = bool(only) and wanted(FIX_ALL_KIND, only)
        if asked or (not only and applicable(judged.linted.diagnostics)):
            lazy = not asked and self.resolves_edits()
            fixed = None if lazy else self.fixed(judged)
            if lazy or fixed != judged.index.text:
                actions.append(edits.fix_all(fixed, {"uri": params.text_document.uri, "version": judged.version}))
        return [action for action in actions if wanted(action.kind, only)]

    def resolve(self, action: types.CodeAction) -> types.CodeAction:
        """The edit of a fix-all offered without it (the client resolves the action it runs)."""
        data = action.data if isinstance(action.data, dict) else {}
        judged = self.current(str(data.get("uri", "")))
        if action.kind == FIX_ALL_KIND and judged is not None and judged.index is not None and judged.linted.editable:
            action.edit = self.edits(str(data["uri"]), judged).whole(self.fixed(judged))
        return action

    def fixed(self, judged: Judged) -> str:
        if judged.fixed is None:
            judged.fixed = self.engine.fixed_text(judged.linted)
        return judged.fixed

    def edits(self, uri: str, judged: Judged) -> Edits:
        assert judged.index is not None
        capabilities = self.client_capabilities.workspace
        edit = capabilities.workspace_edit if capabilities is not None else None
        versioned = bool(edit and edit.document_changes) and judged.version is not None
        return Edits(uri, judged.version, judged.index, self.encoding, versioned)

    def resolves_edits(self) -> bool:
        code_action = self.client_capabilities.text_document and self.client_capabilities.text_document.code_action
        support = code_action.resolve_support if code_action else None
        return bool(support and "edit" in support.properties)

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        judged = self.current(params.text_document.uri)
        if judged is None or judged.index is None:
            return None
        at = judged.index.offset(params.position.line, params.position.character, self.encoding)
        under = [d for d in judged.linted.diagnostics if d.span.start <= at <= d.span.end]
        rules = [rule_of(judged.linted.plan, rule_id) for rule_id in dict.fromkeys(d.rule for d in under)]
        texts = [explanation(rule) for rule in rules if rule is not None]
        if not texts:
            return None
        first = under[0].span
        return types.Hover(
            contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(texts)),
            range=lsp_range(judged.index, first.start, first.end, self.encoding),
        )

    def configure(self, given: object) -> None:
        """Apply ``initializationOptions``; what cannot be used is shown once the client is ready."""
        chosen, self.warnings = options.initialization(given)
        if "debounce" in chosen:
            self.debounce = chosen["debounce"]
        if "as_of" in chosen:
            overrides = replace(self.engine.settings.overrides, as_of=chosen["as_of"])
            self.engine.settings = replace(self.engine.settings, overrides=overrides)
            self.engine.reload()


def _pair(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def _starts_of(document: Document) -> tuple[int, ...] | None:
    """The document's own line starts when they are those of the text the editor shows."""
    return None if document.original is not None else document.line_starts
