"""A test editor for ``gwlint server``: pytest-lsp's client started on the real server process over
stdio, with the capabilities real editors send, and the arithmetic a client does itself (applying
edits, counting columns in its encoding) written here independently of lint.server."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import sys
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

# The capabilities pytest-lsp recorded from real editors, and the encoding each makes the server choose.
CLIENTS = {
    "vscode": ("visual-studio-code@v1.65.2", "utf-16"),  # offers no positionEncodings: UTF-16
    "neovim": ("neovim@v0.11.0", "utf-8"),  # offers utf-8, utf-16, utf-32 in that order
    "emacs": ("emacs@v29.1", "utf-32"),  # eglot offers utf-32 first
}
TIMEOUT = 120  # seconds: a first server start builds the linter in a fresh cache on a loaded machine


class Editor:
    """One server process and what it has sent."""

    def __init__(self, client: LanguageClient, encoding: str) -> None:
        self.client = client
        self.encoding = encoding
        self.published: list[types.PublishDiagnosticsParams] = client.published  # type: ignore[attr-defined]
        self.versions: dict[str, int] = {}

    def mark(self) -> int:
        return len(self.published)

    async def diagnostics(self, uri: str, after: int = 0, version: int | None = None) -> list[types.Diagnostic]:
        """The first diagnostics published for ``uri`` (at ``version``) after the ``after``-th publication."""
        for _ in range(TIMEOUT * 100):
            for params in self.published[after:]:
                if params.uri == uri and (version is None or params.version == version):
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise TimeoutError(f"no diagnostics for {uri} (version {version})")

    async def messages(self, kind: types.MessageType, at_least: int) -> list[str]:
        """The messages of ``kind`` shown so far, once there are ``at_least`` (a message and the
        diagnostics sent before it are separate notifications: a loaded machine reads them apart)."""
        for _ in range(TIMEOUT * 100):
            shown = [m.message for m in self.client.messages if m.type == kind]
            if len(shown) >= at_least:
                return shown
            await asyncio.sleep(0.01)
        raise TimeoutError(f"fewer than {at_least} messages of type {kind}")

    async def open(self, path: Path, text: str | None = None, language: str = "plaintext") -> list[types.Diagnostic]:
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8") if text is None else text
        after = self.mark()
        self.versions[uri] = 1
        item = types.TextDocumentItem(uri, language, 1, text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        return await self.diagnostics(uri, after, 1)

    def change(self, uri: str, *edits: tuple[types.Range | None, str]) -> int:
        """Send one didChange with these edits (a None range: the whole text); the new version."""
        self.versions[uri] += 1
        changes: list[types.TextDocumentContentChangeEvent] = [
            types.TextDocumentContentChangeWholeDocument(text)
            if where is None
            else types.TextDocumentContentChangePartial(range=where, text=text)
            for where, text in edits
        ]
        document = types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri])
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(document, changes))
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))

    async def code_actions(
        self, uri: str, where: types.Range, only: list[str] | None = None
    ) -> list[types.CodeAction | types.Command]:
        context = types.CodeActionContext(diagnostics=[], only=only)
        params = types.CodeActionParams(types.TextDocumentIdentifier(uri), where, context)
        return list(await self.client.text_document_code_action_async(params) or [])

    async def hover(self, uri: str, at: types.Position) -> types.Hover | None:
        return await self.client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), at))

    def watched(self, *changes: tuple[Path, types.FileChangeType]) -> None:
        events = [types.FileEvent(path.as_uri(), kind) for path, kind in changes]
        self.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(events))


def recording_client() -> LanguageClient:
    """pytest-lsp's test client, keeping every publishDiagnostics in order (not only each URI's last)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]

    def record(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)  # type: ignore[attr-defined]

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    client.registrations = []  # type: ignore[attr-defined]
    features = {types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: record, types.CLIENT_REGISTER_CAPABILITY: register}
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, **features})
    return client


async def start_editor(cache: Path, client: str = "vscode", options: dict | None = None, *args: str) -> Editor:
    spec, encoding = CLIENTS[client]
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "lint", "server", *args],
        server_env={**os.environ, "GWLINT_CACHE_DIR": str(cache)},
        client_factory=recording_client,
    )
    lsp = await config.start()
    editor = Editor(lsp, encoding)  # type: ignore[arg-type]
    initialization = {"debounceMs": 0, **(options or {})}
    params = types.InitializeParams(capabilities=client_capabilities(spec), initialization_options=initialization)
    result = await asyncio.wait_for(lsp.initialize_session(params), TIMEOUT)
    assert result.capabilities.position_encoding == encoding
    return editor


async def stop_editor(editor: Editor) -> int | None:
    """shutdown, exit; the server process's exit code."""
    await editor.client.shutdown_session()
    server = editor.client._server
    code = server.returncode if server is not None else None
    await editor.client.stop()
    return code


def units(text: str, encoding: str) -> int:
    return {"utf-8": len(text.encode("utf-8")), "utf-16": len(text.encode("utf-16-le")) // 2}.get(encoding, len(text))


def characters(line: str, count: int, encoding: str) -> int:
    if encoding == "utf-8":
        return len(line.encode("utf-8")[:count].decode("utf-8"))
    if encoding == "utf-16":
        return len(line.encode("utf-16-le")[: 2 * count].decode("utf-16-le"))
    return count


def offset(text: str, at: types.Position, encoding: str) -> int:
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[: at.line]) + characters(lines[at.line], at.character, encoding)


def applied(text: str, edit: types.WorkspaceEdit, uri: str, encoding: str) -> str:
    """The text after a workspace edit, as an editor applies it (edits on the original text, from the end)."""
    edits: list[types.TextEdit] = list((edit.changes or {}).get(uri, []))
    for change in edit.document_changes or []:
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
        edits.extend(change.edits)  # type: ignore[arg-type]
    spans = sorted(
        ((offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def gwlint(*args: str) -> tuple[int, str]:
    """``gwlint ARGS`` in this process: its exit code and standard output."""
    from lint.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def check_json(path: Path, *args: str) -> list[dict]:
    _, out = gwlint("check", "--format", "json", *args, str(path))
    return json.loads(out)["diagnostics"]


def as_published(expected: dict, text_lines: list[str], encoding: str) -> tuple:
    """A ``gwlint check --format json`` diagnostic as the server should publish it in ``encoding``."""
    line, end_line = expected["line"] - 1, expected["end_line"] - 1
    start = units(text_lines[line][: expected["column"] - 1], encoding)
    end = units(text_lines[end_line][: expected["end_column"] - 1], encoding)
    severity = {"error": 1, "warning": 2, "info": 3}[expected["severity"]]
    return (expected["rule"], expected["message"], severity, (line, start), (end_line, end))


def published_form(diagnostic: types.Diagnostic) -> tuple:
    r = diagnostic.range
    return (diagnostic.code, diagnostic.message, int(diagnostic.severity or 0), (r.start.line, r.start.character),
            (r.end.line, r.end.character))  # fmt: skip
