"""False alarms: gwlint must stay silent on clean official texts and on our own correct prose."""

from __future__ import annotations

import pytest
from conftest import CLEAN

CLEAN_FILES = sorted(CLEAN.glob("*.txt"))


def test_clean_corpus_is_present():
    assert len(CLEAN_FILES) >= 3


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_no_diagnostic_on_clean_official_text(linter, path):
    diagnostics = linter.lint_text(path.read_text(encoding="utf-8"), str(path))
    shown = [f"{d.span.line}:{d.span.column} {d.rule} {d.matched!r}" for d in diagnostics]
    assert not diagnostics, "\n".join(shown)
