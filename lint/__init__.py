"""gwlint: a linter for Chinese official drafts (公文).

Start-up is felt on every commit, so the modules on the path of ``gwlint check`` import what they
use when they use it (yaml, jieba, rich…); records are plain ``dataclasses``.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Diagnostic", "Linter", "__version__", "lint_paths", "lint_text"]


def __getattr__(name: str) -> object:
    # The API is imported lazily so that `import lint` stays cheap for the CLI's start-up.
    if name in ("Linter", "lint_text", "lint_paths"):
        from lint import engine

        return getattr(engine, name)
    if name == "Diagnostic":
        from lint.diagnostics import Diagnostic

        return Diagnostic
    raise AttributeError(name)
