"""The wording pack (redundancy, double negation, verb-object mismatch) and party organ names."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截止到去年年底为止，共完成12项。", "截止到去年年底，共完成12项。"),
        ("用户超过1.2万户以上。", "用户超过1.2万户。"),
        ("原因还是因为认识不到位。", "原因还是认识不到位。"),
        ("切忌不能急于求成。", "切忌急于求成。"),
        ("进一步加强公共服务均等化水平。", "进一步提高公共服务均等化水平。"),
    ],
)
def test_fixes(linter, text, expected):
    assert fixed(linter, text, "wording") == expected


@pytest.mark.parametrize(
    "text",
    [
        "截至目前，已完成投资。到年底为止全部完工。",
        "超过半数的村集体收入在10万元以上。",
        "究其原因，是由于投入不足。",  # 是 after a comma starts a new clause: left to the reader
        "增强高水平科技自立自强能力，提升服务水平。",
        "增加到2019年的水平。",
        "加强队伍建设，提高业务水平。",
        "增强群众安全意识。",
    ],
)
def test_correct_wording_is_silent(linter, text):
    assert hits(linter, text, "wording") == []


def test_the_consciousness_verb_is_only_a_hint(linter):
    [d] = [d for d in linter.lint_text("提高群众安全意识。") if d.pack == "wording"]
    assert d.severity.name == "INFO" and d.fix.safe is False


def test_party_organ_short_name_only_where_the_full_name_is_used_too(linter):
    text = "县委宣传部、县统战部联合开展活动，县委统战部负责协调。"
    assert hits(linter, text, "consistency") == [("party-organ-name", "县统战部")]
    assert hits(linter, "县统战部负责协调。", "consistency") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("各项工作落实的十分到位。", "de-before-complement"),
        ("营造浓厚得氛围。", "di-before-noun"),
        ("保持昂扬地精神状态。", "di-before-noun"),
    ],
)
def test_de_di_de_slips_are_hinted(linter, text, rule):
    found = [d for d in linter.lint_text(text) if d.rule == f"wording.{rule}"]
    assert [d.severity.name for d in found] == ["INFO"]
    assert not found[0].fix.safe


@pytest.mark.parametrize(
    "text",
    [
        "我们要做的很多。",  # 的 makes a noun phrase: much to do
        "他讲的很好。",  # what he said was good: 讲 is not checked
        "比去年同期增长的快。",  # no degree word
        "土地流转平稳有序，耕地面积稳定。",
        "认真地学习，积极地工作。",
    ],
)
def test_de_di_de_look_alikes_are_silent(linter, text):
    assert [d for d in linter.lint_text(text) if d.pack == "wording"] == []
