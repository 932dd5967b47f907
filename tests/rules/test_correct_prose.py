"""False alarms: no rule of any pack fires on correct official prose written for this test.

The fixture is our own text, not taken from the seeds or the clean corpus: long enumerations,
nested numbering 一、（一）1.（1）, a quotation running over two paragraphs, references to past
congresses and plenums in narration, ordinals that are not series (第一书记, 第一时间), the fixed
formulations in their canonical verbs and orders, and reduplication (认认真真, 家家户户).
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "correct_prose.txt"
TEXT = FIXTURE.read_text(encoding="utf-8")
PARAGRAPHS = [line for line in TEXT.splitlines() if line.strip()]


def test_the_fixture_has_at_least_ten_paragraphs():
    assert len(PARAGRAPHS) >= 10


@pytest.mark.parametrize("heading", ["一、", "（一）", "1.", "（1）"])
def test_the_fixture_nests_every_heading_level(heading):
    assert any(line.startswith(heading) for line in PARAGRAPHS)


def test_the_fixture_quotes_across_paragraphs():
    opened = [line for line in PARAGRAPHS if line.count("“") > line.count("”")]
    assert opened, "a paragraph opening a quotation it does not close"


def test_no_rule_of_any_pack_fires_on_correct_prose(linter):
    assert {rule.pack for rule in linter.rules} >= {"numbering", "consistency", "collocation", "stale"}
    diagnostics = linter.lint_text(TEXT, str(FIXTURE))
    shown = [f"{d.span.line}:{d.span.column} {d.rule} {d.matched!r}: {d.message}" for d in diagnostics]
    assert not diagnostics, "\n".join(shown)
