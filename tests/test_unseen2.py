"""Generalization, second audit: genres the first one (test_unseen.py) did not cover.

tests/fixtures/unseen2/clean_* are correct drafts written for this test (not derived from the seeds
or the clean corpus): regulations (第一章/第一条/（一）/1.), a 规划 with targets and a text table, a
news report with protocol-ordered leader lists and a quotation over several paragraphs, a statistics
report with acronyms, URLs and e-mail, a 批复 and a 函 with 文号/附件/抄送/联系人, a 述职报告 with
colloquial reduplication, and a Markdown draft with headings, lists, bold, code and links. No rule
may fire on them. bad_* drafts carry an answer key in the format of tests/fixtures/unseen/*.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.checks import Settings
from lint.engine import Linter
from lint.packs import load_packs, select_rules
from lint.source import read_document
from tests.test_unseen import AS_OF, answer_key, overlaps

UNSEEN2 = Path(__file__).resolve().parent / "fixtures" / "unseen2"
CLEAN_DRAFTS = sorted(p for p in UNSEEN2.glob("clean_*") if p.suffix in (".txt", ".md"))
BAD_DRAFTS = sorted(p for p in UNSEEN2.glob("bad_*") if p.suffix in (".txt", ".md"))


@pytest.fixture(scope="module")
def linter():
    return Linter(select_rules(load_packs()), Settings(as_of=AS_OF))


def lint(linter, draft: Path):
    """Lint as the CLI does: read from disk, so that a .md draft is masked as Markdown."""
    return linter.lint(read_document(draft, str(draft)))


def test_the_new_genres_are_all_there():
    names = {p.stem for p in CLEAN_DRAFTS}
    assert {"clean_regulation", "clean_plan", "clean_news_report", "clean_statistics_report"} <= names
    assert {"clean_request_reply", "clean_work_review", "clean_markdown_draft"} <= names
    assert any(p.suffix == ".md" for p in CLEAN_DRAFTS + BAD_DRAFTS)
    assert BAD_DRAFTS


@pytest.mark.parametrize("draft", CLEAN_DRAFTS, ids=lambda p: p.name)
def test_no_rule_fires_on_a_clean_draft_of_a_new_genre(linter, draft):
    shown = [f"{d.span.line}:{d.span.column} {d.rule} {d.matched!r}" for d in lint(linter, draft)]
    assert not shown, "\n".join(shown)


@pytest.mark.parametrize("draft", BAD_DRAFTS, ids=lambda p: p.name)
def test_every_injected_defect_is_reported_by_its_pack(linter, draft):
    diagnostics = lint(linter, draft)
    missed = [str(d) for d in answer_key(draft) if not any(overlaps(g, d) for g in diagnostics)]
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize("draft", BAD_DRAFTS, ids=lambda p: p.name)
def test_no_diagnostic_outside_the_answer_key(linter, draft):
    defects = answer_key(draft)
    extra = [
        f"{g.span.line}:{g.span.column} {g.rule} {g.matched!r}"
        for g in lint(linter, draft)
        if not any(overlaps(g, d) for d in defects)
    ]
    assert not extra, "\n".join(extra)
