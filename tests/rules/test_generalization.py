"""Generalization: gwlint on drafts written for this test, not derived from the seeds or the clean corpus.

tests/fixtures/unseen/clean_*.txt are correct official prose full of what tends to cause false alarms
(numbers, ranges, document numbers, URLs, acronyms, nested numbering, quotations, historical narration);
no rule may fire on them. Every bad_*.txt has an answer key bad_*.yaml listing its injected defects
(line, defective text, pack): each must be reported by a diagnostic of that pack overlapping the text,
and no diagnostic may fall outside the key. known_misses in a key document what gwlint does not catch.
The same three checks run over tests/fixtures/unseen2: genres the first set did not cover —
regulations (第一章/第一条/（一）/1.), a 规划 with targets and a text table, a news report with
protocol-ordered leader lists and a quotation over several paragraphs, a statistics report with
acronyms, URLs and e-mail, a 批复 and a 函 with 文号/附件/抄送/联系人, a 述职报告 with colloquial
reduplication, and a Markdown draft with headings, lists, bold, code and links.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UNSEEN, UNSEEN2 = FIXTURES / "unseen", FIXTURES / "unseen2"
DRAFT_SUFFIXES = (".txt", ".md")


def drafts(folder: Path, kind: str) -> list[Path]:
    return sorted(p for p in folder.glob(f"{kind}_*") if p.suffix in DRAFT_SUFFIXES)


CLEAN_DRAFTS, BAD_DRAFTS = drafts(UNSEEN, "clean"), drafts(UNSEEN, "bad")
ALL_CLEAN = CLEAN_DRAFTS + drafts(UNSEEN2, "clean")
ALL_BAD = BAD_DRAFTS + drafts(UNSEEN2, "bad")
# stale references are judged against a fixed date so that the expectations do not age
AS_OF = datetime.date(2026, 6, 1)


@dataclass(frozen=True)
class Defect:
    line: int
    text: str
    pack: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.line}: {self.text!r} ({self.pack})"


def locate(text: str, line: int, snippet: str, nth: int = 1) -> int:
    """Offset of the ``nth`` occurrence of ``snippet`` starting on ``line`` (it may run over a break)."""
    line_start = 0
    for _ in range(line - 1):
        line_start = text.index("\n", line_start) + 1
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    found = line_start - 1
    for _ in range(nth):
        found = text.find(snippet, found + 1)
        if found < 0 or found > line_end:
            raise AssertionError(f"answer key: {snippet!r} (#{nth}) is not on line {line}")
    return found


def answer_key(draft: Path) -> list[Defect]:
    text = draft.read_text(encoding="utf-8")
    entries = yaml.safe_load(draft.with_suffix(".yaml").read_text(encoding="utf-8"))["defects"]
    defects = []
    for entry in entries:
        start = locate(text, entry["line"], entry["text"], entry.get("nth", 1))
        defects.append(Defect(entry["line"], entry["text"], entry["pack"], start, start + len(entry["text"])))
    return defects


@pytest.fixture(scope="module")
def unseen_linter():
    from lint.engine import Linter
    from lint.packs import load_packs, select_rules

    return Linter(select_rules(load_packs()))


def lint(linter, draft: Path):
    """Lint as the CLI does: read from disk, so that a .md draft is masked as Markdown."""
    from lint.source import read_document

    return linter.lint(read_document(draft, str(draft)), AS_OF)


def draft_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def overlaps(diagnostic, defect: Defect) -> bool:
    return diagnostic.pack == defect.pack and diagnostic.span.start < defect.end and defect.start < diagnostic.span.end


def test_there_are_three_clean_and_three_defective_drafts():
    assert len(CLEAN_DRAFTS) >= 3
    assert len(BAD_DRAFTS) >= 3
    for draft in CLEAN_DRAFTS + BAD_DRAFTS:
        assert 600 <= len(draft.read_text(encoding="utf-8")) <= 1500, draft.name


@pytest.mark.parametrize("draft", BAD_DRAFTS, ids=lambda p: p.stem)
def test_every_answer_key_holds_ten_to_twenty_five_located_defects(draft):
    defects = answer_key(draft)
    assert 10 <= len(defects) <= 25
    assert len({d.pack for d in defects}) >= 6, "defects of varied kinds"


@pytest.mark.parametrize("draft", ALL_CLEAN, ids=draft_id)
def test_no_rule_fires_on_a_clean_unseen_draft(unseen_linter, draft):
    shown = [f"{d.span.line}:{d.span.column} {d.rule} {d.matched!r}" for d in lint(unseen_linter, draft)]
    assert not shown, "\n".join(shown)


@pytest.mark.parametrize("draft", ALL_BAD, ids=draft_id)
def test_every_injected_defect_is_reported_by_its_pack(unseen_linter, draft):
    diagnostics = lint(unseen_linter, draft)
    missed = [str(d) for d in answer_key(draft) if not any(overlaps(g, d) for g in diagnostics)]
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize("draft", ALL_BAD, ids=draft_id)
def test_no_diagnostic_outside_the_answer_key(unseen_linter, draft):
    defects = answer_key(draft)
    extra = [
        f"{g.span.line}:{g.span.column} {g.rule} {g.matched!r}"
        for g in lint(unseen_linter, draft)
        if not any(overlaps(g, d) for d in defects)
    ]
    assert not extra, "\n".join(extra)


UNSEEN2_CLEAN, UNSEEN2_BAD = drafts(UNSEEN2, "clean"), drafts(UNSEEN2, "bad")


def test_the_second_set_has_all_its_genres():
    names = {p.stem for p in UNSEEN2_CLEAN}
    assert {"clean_regulation", "clean_plan", "clean_news_report", "clean_statistics_report"} <= names
    assert {"clean_request_reply", "clean_work_review", "clean_markdown_draft"} <= names
    assert any(p.suffix == ".md" for p in UNSEEN2_CLEAN + UNSEEN2_BAD)
    assert UNSEEN2_BAD
