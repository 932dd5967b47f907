"""gwlint's findings in LSP's types (lsprotocol): diagnostics, quick fixes, fix-all, suppressions.

Every range is computed from the text the diagnostic was found in, in the position encoding the
client and server agreed on (see ``positions``). A diagnostic carries its rule id as ``code`` and
``source`` "gwlint", with no link.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from lint.diagnostics import Diagnostic, Severity
from lint.server.positions import LineIndex
from lint.source import LINE_BREAK
from lint.suppression import UNUSED_SUPPRESSION

SOURCE = "gwlint"
FIX_ALL_KIND = "source.fixAll.gwlint"
QUICKFIX = types.CodeActionKind.QuickFix.value
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def lsp_range(index: LineIndex, start: int, end: int, encoding: str) -> types.Range:
    (line, character), (end_line, end_character) = index.position(start, encoding), index.position(end, encoding)
    return types.Range(types.Position(line, character), types.Position(end_line, end_character))


def diagnostic_json(diagnostic: Diagnostic, index: LineIndex, encoding: str) -> dict[str, object]:
    """``lsp_diagnostic`` as the JSON it is sent as, built directly: a report of thousands of
    findings is published without making (and then unstructuring) an lsprotocol object for each."""
    (line, character), (end_line, end_character) = (
        index.position(diagnostic.span.start, encoding),
        index.position(diagnostic.span.end, encoding),
    )
    return {
        "range": {
            "start": {"line": line, "character": character},
            "end": {"line": end_line, "character": end_character},
        },
        "message": diagnostic.message,
        "severity": SEVERITIES[diagnostic.severity].value,
        "code": diagnostic.rule,
        "source": SOURCE,
    }


def lsp_diagnostic(diagnostic: Diagnostic, index: LineIndex, encoding: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=lsp_range(index, diagnostic.span.start, diagnostic.span.end, encoding),
        message=diagnostic.message,
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.rule,
        source=SOURCE,
    )


class Prebuilt:
    """Notification params already in JSON form, sent as they are (see ``converter_factory``)."""

    __slots__ = ("data",)

    def __init__(self, data: dict[str, object]) -> None:
        self.data = data


def converter_factory() -> object:
    """pygls's converter, told to send a publishDiagnostics whose params are ``Prebuilt`` as they are."""
    from pygls.protocol import default_converter

    converter = default_converter()

    def unstructure(notification: types.PublishDiagnosticsNotification) -> dict[str, object]:
        params = notification.params
        data = params.data if isinstance(params, Prebuilt) else converter.unstructure(params)
        return {"jsonrpc": notification.jsonrpc, "method": notification.method, "params": data}

    converter.register_unstructure_hook(types.PublishDiagnosticsNotification, unstructure)
    return converter


def wanted(kind: object, only: Sequence[object] | None) -> bool:
    """Whether a code action of ``kind`` answers a request limited to ``only`` (kinds are dotted prefixes)."""
    name = _kind(kind)
    return not only or any(name == prefix or name.startswith(prefix + ".") for prefix in map(_kind, only))


def _kind(kind: object) -> str:
    """A code action kind as its string ("quickfix"), also when lsprotocol gives its enum."""
    return str(getattr(kind, "value", kind))


class Edits:
    """Builds the workspace edits of one document version, as the client can take them."""

    def __init__(self, uri: str, version: int | None, index: LineIndex, encoding: str, versioned: bool) -> None:
        self.uri, self.version, self.index, self.encoding, self.versioned = uri, version, index, encoding, versioned

    def replace(self, start: int, end: int, text: str) -> types.WorkspaceEdit:
        edit = types.TextEdit(lsp_range(self.index, start, end, self.encoding), text)
        if self.versioned:
            document = types.OptionalVersionedTextDocumentIdentifier(self.uri, self.version)
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(document, [edit])])
        return types.WorkspaceEdit(changes={self.uri: [edit]})

    def fix(self, diagnostic: Diagnostic, published: types.Diagnostic) -> types.CodeAction:
        """The diagnostic's own fix: safe ones preferred, unsafe ones called so."""
        assert diagnostic.fix is not None
        replacement, matched = diagnostic.fix.replacement, diagnostic.matched
        change = f"replace “{matched}” with “{replacement}”" if replacement else f"delete “{matched}”"
        title = f"{change} ({diagnostic.rule})"
        return types.CodeAction(
            title=title[0].upper() + title[1:] if diagnostic.fix.safe else f"Unsafe fix, check it: {title}",
            kind=QUICKFIX,
            diagnostics=[published],
            is_preferred=diagnostic.fix.safe,
            edit=self.replace(diagnostic.span.start, diagnostic.span.end, replacement),
        )

    def suppress(self, diagnostic: Diagnostic, published: types.Diagnostic) -> types.CodeAction | None:
        """``<!-- gwlint-disable-next-line RULE -->`` on a line of its own above the diagnostic's line
        (a comment alone on its line counts in plain text as in Markdown, see lint.suppression)."""
        if diagnostic.rule == UNUSED_SUPPRESSION:
            return None  # the fix for an unused suppression is deleting it, not another one
        text = self.index.text
        line, _ = self.index.position(diagnostic.span.start, self.encoding)
        start = self.index.starts[line]
        content = self.index.line_content(line)
        indent = content[: len(content) - len(content.lstrip(" \t\u3000"))]
        found = LINE_BREAK.search(text)
        comment = f"{indent}<!-- gwlint-disable-next-line {diagnostic.rule} -->{found.group() if found else chr(10)}"
        return types.CodeAction(
            title=f"Suppress {diagnostic.rule} on this line",
            kind=QUICKFIX,
            diagnostics=[published],
            edit=self.replace(start, start, comment),
        )

    def fix_all(self, fixed: str | None, data: object = None) -> types.CodeAction:
        """Every safe fix at once, as ``gwlint check --fix``; without ``fixed`` the edit comes on resolve."""
        action = types.CodeAction(title="Fix all safe gwlint problems", kind=FIX_ALL_KIND, data=data)
        if fixed is not None:
            action.edit = self.whole(fixed)
        return action

    def whole(self, fixed: str) -> types.WorkspaceEdit:
        """One edit from the first to the last character that differ between the text and ``fixed``."""
        start, end_before, end_after = changed_span(self.index.text, fixed)
        return self.replace(start, end_before, fixed[start:end_after])


def changed_span(before: str, after: str) -> tuple[int, int, int]:
    """(start, end in ``before``, end in ``after``) of the part that differs; never between ``\\r`` and ``\\n``."""
    limit = min(len(before), len(after))
    start = 0
    while start < limit and before[start] == after[start]:
        start += 1
    if 0 < start < len(before) and before[start - 1] == "\r" and before[start] == "\n":
        start -= 1
    tail = 0
    while tail < limit - start and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    end = len(before) - tail
    if 0 < end < len(before) and before[end - 1] == "\r" and before[end] == "\n":
        tail -= 1
    return start, len(before) - tail, len(after) - tail
