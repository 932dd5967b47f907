"""The formulation pack: wrong or outdated 提法, silent on the 20th Congress report's own wording."""

from __future__ import annotations

import pytest
from conftest import CLEAN, SEEDS
from pack_helpers import fixed, hits

from lint.packs import load_packs


def test_the_pack_has_at_least_fifty_sourced_rules():
    (pack,) = [p for p in load_packs() if p.name == "formulation"]
    assert len(pack.rules) >= 50
    assert all(rule.source.strip() for rule in pack.rules)


class TestTruncatedFullName:
    def test_reported_where_the_draft_names_xi_elsewhere(self, linter):
        text = "深入学习习近平总书记重要讲话精神。\n用新时代中国特色社会主义思想武装头脑。"
        assert hits(linter, text, "formulation") == [("truncated-xi-thought", "新时代中国特色社会主义思想")]

    def test_silent_in_xis_own_report(self, linter):
        report = (CLEAN / "report20_part4_end.txt").read_text(encoding="utf-8")
        assert "坚持用新时代中国特色社会主义思想统一思想" in report
        assert hits(linter, report, "formulation") == []

    def test_masked_name_is_left_to_the_placeholder_pack(self, linter):
        text = "***总书记强调。学习贯彻***新时代中国特色社会主义思想。"
        assert hits(linter, text, "formulation") == []

    def test_a_quotation_of_xis_words_is_silent(self, linter):
        text = "习近平总书记指出：“坚持用新时代中国特色社会主义思想统一思想、统一意志、统一行动。”"
        assert hits(linter, text, "formulation") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("打铁还需自身硬。", "打铁必须自身硬。"),
        ("实现“两个维护”。", "做到“两个维护”。"),
        ('统筹推进"五位一体"战略布局。', '统筹推进"五位一体"总体布局。'),
        ("以习近平主席为核心的党中央", "以习近平同志为核心的党中央"),
        ("铸造中华民族共同体意识", "铸牢中华民族共同体意识"),
        ("推进马克思主义中国化。", "推进马克思主义中国化时代化。"),
        ("在思想上行动上政治上保持一致", "在思想上政治上行动上保持一致"),
        (
            "按照产业兴旺、生态宜居、治理有效、乡风文明、生活富裕的要求",
            "按照产业兴旺、生态宜居、乡风文明、治理有效、生活富裕的要求",
        ),
    ],
)
def test_fixes(linter, text, expected):
    assert fixed(linter, text, "formulation") == expected


@pytest.mark.parametrize(
    "text",
    [
        "马克思主义中国化时代化是一个追求真理、揭示真理、笃行真理的过程。",
        "推进马克思主义中国化、时代化、大众化。",
        "严格落实“两个维护”制度机制。",
        "共建“一带一路”战略性项目有序推进。",
        "厚植爱国主义情怀，营造富强民主文明和谐美丽的发展环境。",
    ],
)
def test_near_misses_are_silent(linter, text):
    assert hits(linter, text, "formulation") == []


def test_seed_002_truncated_name_is_found_despite_an_unclosed_quote(linter):
    seed = sorted(SEEDS.glob("*.txt"))[2]
    found = hits(linter, seed.read_text(encoding="utf-8"), "formulation")
    assert ("truncated-xi-thought", "新时代中国特色社会主义思想") in found


def test_no_rule_of_another_pack_reports_the_same_text(linter):
    """Orders and verbs also handled by the collocation pack are not repeated here."""
    text = "增强“四个自信”、坚定“四个意识”，做好“两个维护”，提高政治领悟力、政治判断力、政治执行力。"
    spans = [(d.span.start, d.span.end) for d in linter.lint_text(text) if d.pack in ("formulation", "collocation")]
    assert len(spans) == len(set(spans))
