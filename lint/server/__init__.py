"""``gwlint server``: gwlint as a language server (LSP over stdio), for diagnostics in the editor.

It needs the optional extra ``gwlint[server]`` (pygls and lsprotocol); nothing here imports them
until the server starts, so the core stays small. Modules: ``features`` (the messages answered),
``app`` (what each does), ``linting`` (the warm engine: the CLI's plans and judge), ``convert``
(findings as LSP types), ``positions`` (UTF-8/16/32 columns), ``documents`` (the open drafts),
``explain`` (hover text), ``options`` (settings).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.server.linting import Settings

INSTALL_HINT = "gwlint server needs the optional extra: pip install 'gwlint[server]'"


def available() -> bool:
    """Whether pygls 2 and lsprotocol can be imported (pygls 1 has no ``pygls.lsp.server``)."""
    try:
        importlib.import_module("lsprotocol.types")
        importlib.import_module("pygls.lsp.server")
    except ImportError:
        return False
    return True


def run(settings: Settings, debounce: float) -> int:
    """Serve over stdin/stdout until the client says exit (judging a changed draft after ``debounce``
    seconds without another change); 2 when the extra is missing."""
    if not available():
        sys.stderr.write(f"gwlint: error: {INSTALL_HINT}\n")
        return 2
    from lint.server.features import create_server

    server = create_server(settings, debounce)
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")  # pygls closes it at exit, not our stdout
    sys.stdout = sys.stderr  # a stray print() must not corrupt the JSON-RPC stream
    server.start_io(sys.stdin.buffer, protocol_out)
    return 0 if server.shut_down else 1  # LSP: exit without shutdown first is an error
