"""gwlint: a linter for Chinese official drafts (公文)."""

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
