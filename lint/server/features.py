"""The LSP messages ``gwlint server`` answers, each handed to ``GwlintServer``."""

from __future__ import annotations

import contextlib
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from lint.server.app import WATCHED, GwlintServer
from lint.server.convert import FIX_ALL_KIND
from lint.server.linting import Settings


def create_server(settings: Settings, debounce: float) -> GwlintServer:
    server = GwlintServer(settings, debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: GwlintServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: GwlintServer, params: types.InitializedParams) -> None:
        for warning in ls.warnings:
            ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"gwlint: {warning}"))
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = types.DidChangeWatchedFilesRegistrationOptions([types.FileSystemWatcher(glob_pattern=WATCHED)])
            registration = types.Registration("gwlint-watch", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, watchers)
            ls.client_register_capability(types.RegistrationParams([registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GwlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open(params.text_document)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GwlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.change(params)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: GwlintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and ls.watches(path):
            ls.reload()
        elif params.text_document.uri in ls.drafts:
            ls.refresh(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GwlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: GwlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [path for change in params.changes if (path := _path(change.uri)) is not None]
        if any(ls.watches(path) for path in paths):
            ls.reload()
            return
        for change in params.changes:  # a .docx draft saved by Word while open here
            draft = ls.drafts.get(change.uri)
            if draft is not None and draft.format == "docx":
                ls.refresh(change.uri)

    kinds = [types.CodeActionKind.QuickFix, FIX_ALL_KIND]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds, resolve_provider=True)
    )
    def code_action(ls: GwlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.CODE_ACTION_RESOLVE)
    def code_action_resolve(ls: GwlintServer, action: types.CodeAction) -> types.CodeAction:
        return ls.resolve(action)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: GwlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: GwlintServer, params: None) -> None:
        ls.shut_down = True
        for uri in list(ls.pending):
            ls.cancel(uri)

    return server


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    with contextlib.suppress(ValueError):
        path = to_fs_path(uri)
        return Path(path) if path else None
    return None
