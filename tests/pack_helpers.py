"""Helpers for the content-pack tests: which rules of a pack fire on a text, and what they match."""

from __future__ import annotations


def hits(linter, text: str, pack: str) -> list[tuple[str, str]]:
    """(rule slug, matched text) for every diagnostic of ``pack`` on ``text``."""
    return [(d.rule.split(".", 1)[1], d.matched) for d in linter.lint_text(text) if d.pack == pack]


def fixed(linter, text: str, pack: str) -> str:
    from lint.fixer import apply_fixes

    diagnostics = [d for d in linter.lint_text(text) if d.pack == pack]
    return apply_fixes(text, diagnostics, unsafe=True)[0]
