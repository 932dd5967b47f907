"""The numbers pack: GB/T 15835 number usage and GB/T 9704 document numbers and dates."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县政办发（2023）第08号", "县政办发〔2023〕8号"),
        ("二○○八年", "二〇〇八年"),
        ("成文日期：2024年09月03日", "成文日期：2024年9月3日"),
        ("增长3—5%", "增长3%—5%"),
        ("占比20至30%", "占比20%至30%"),
        ("１２３名", "123名"),
    ],
)
def test_fixes(linter, text, expected):
    assert fixed(linter, text, "numbers") == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("约有500余名群众参加。", "approximation-doubled"),
        ("2008年八月八日", "mixed-date-forms"),
        ("22年度考核", "shortened-year"),
        ("发生率减少了2倍。", "fold-decrease"),
    ],
)
def test_reported(linter, text, rule):
    assert rule in [r for r, _ in hits(linter, text, "numbers")]


@pytest.mark.parametrize(
    "text",
    [
        "全年节约资金300余万元。",
        "附近200余户群众受益。",
        "23年来，我们始终坚持。",
        "连续12年度获评先进单位。",
        "（2024）湘01民终123号判决书",
        "2024年10月1日",
        "增长了2倍。",
        "GB/T 15835-2011",
        "将月销售额2—3万元的也纳入暂免征税范围。",
        "二〇二四年五月八日",
    ],
)
def test_legitimate_numbers_are_silent(linter, text):
    assert hits(linter, text, "numbers") == []


def test_zero_in_years_mixed_with_the_right_form_is_left_to_the_consistency_pack(linter):
    text = "二〇二二年和二〇二三年相比，二零二四年增长较快。"
    assert hits(linter, text, "numbers") == []
    assert [d for d in linter.lint_text(text) if d.pack == "consistency"]


def test_fullwidth_digits_mixed_with_halfwidth_are_left_to_the_consistency_pack(linter):
    assert hits(linter, "２０２４年完成35亿元。", "numbers") == []
