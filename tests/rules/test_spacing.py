"""Stray spaces in Chinese text (punctuation.space-*, numbers.space-in-number) and the width of marks
inside numbers (numbers.fullwidth-*, ratio-colon, negative-growth): where they fire, where a space or
a mark is legitimate, and that Markdown markup blanked to spaces is never taken for a typed space."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits

from lint.fixer import apply_fixes
from lint.packs import PackError
from lint.source import text_document

SPACE_RULES = {
    "space-after-heading-number",
    "space-beside-mark",
    "space-beside-quote",
    "space-in-number",
    "space-inside-word",
    "space-between-words",
    "space-before-guanyu",
    "space-after-number-in-sentence",
}


def space_hits(linter, text: str) -> list[tuple[str, str]]:
    return [hit for pack in ("punctuation", "numbers") for hit in hits(linter, text, pack) if hit[0] in SPACE_RULES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、 活动背景", "一、活动背景"),
        ("（三） 工作要求", "（三）工作要求"),
        ("要抓落实， 不断反思。", "要抓落实，不断反思。"),
        ("已迫在眉睫 。", "已迫在眉睫。"),
        ("可获 4 个学时，增长8.8 %。", "可获4个学时，增长8.8%。"),
        ("2026年 4月 23日", "2026年4月23日"),
    ],
)
def test_certain_spaces_are_removed(linter, text, expected):
    out = text
    for pack in ("punctuation", "numbers"):
        out = fixed(linter, out, pack)
    assert out == expected


@pytest.mark.parametrize(
    "text",
    [
        "江州市人民政府办公室                2025年11月3日印发",  # 版记: aligned with many spaces
        "县人民政府办公室 2025年5月8日",  # issuer and date on one line
        "本网讯 3月25日至28日，市检察院开展督察。",  # news dateline
        "1. 申请书；\n2. 数据使用场景说明；",  # Arabic list items keep their space
        "1、 公共管理学院本科生党员",
        "第一章　总则\n第一条　为了规范公文处理工作，制定本条例。",
        "主持人：张三  李四  王五",  # names aligned with spaces
        "He said: “yes, it works.” Then he left.",
        "升级到 Windows 10 系统，详见 GB/T 15835 第4章。",
        "详见 https://www.gov.cn/a b",
        "会议结束。\n　　下午分组讨论。",  # indentation of the next paragraph
    ],
)
def test_legitimate_spaces_are_silent(linter, text):
    assert space_hits(linter, text) == []


def test_a_space_next_to_a_quote_may_stand_for_a_mark_so_its_fix_is_unsafe(linter):
    (diagnostic,) = [
        d for d in linter.lint_text("真正建成“一家亲” 为职工谋福祉。") if d.rule.endswith("space-beside-quote")
    ]
    assert diagnostic.fix is not None and not diagnostic.fix.safe


def markdown_diagnostics(text: str):
    from lint.engine import Linter
    from lint.packs import load_packs, select_rules

    linter = Linter(select_rules(load_packs(), select=["punctuation", "numbers"]))
    return text, linter.lint(text_document("d.md", text, "markdown"))


@pytest.mark.parametrize(
    "text",
    [
        "这是**重点**，要抓好。",
        "这是*重点*。",  # the * blanked to spaces sit between 点 and 。
        "落实**“十五五”**规划",
        "运行`make` 后再看。",
        "见<span>附件</span>。",
        "1. 申请书；\n2. 说明；",
    ],
)
def test_markdown_markup_is_not_a_typed_space(text):
    _, diagnostics = markdown_diagnostics(text)
    assert [d for d in diagnostics if d.rule.split(".")[1] in SPACE_RULES] == []
    fixed_text = apply_fixes(text, diagnostics, unsafe=True)[0]
    for markup in ("**", "*", "`", "<span>", "1. "):
        assert fixed_text.count(markup) == text.count(markup), fixed_text


def test_a_typed_space_in_markdown_prose_is_still_found():
    _, diagnostics = markdown_diagnostics("一、 总体要求\n\n要抓落实， 不断反思。\n")
    assert {d.rule for d in diagnostics} >= {"punctuation.space-after-heading-number", "punctuation.space-beside-mark"}


def test_typed_only_must_be_a_boolean():
    from pack_helpers import found

    with pytest.raises(PackError, match="typed_only"):
        found("pattern", "", regex=" +", typed_only="yes")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("于6月20日18：00前报送。", "fullwidth-colon-in-time"),
        ("三次产业的比重为12.89：56.87：30.24。", "ratio-colon"),
        ("增长9.3％，其中一产增长4.0%。", "fullwidth-percent-mixed"),
        ("牧业产值增长-3.2%。", "negative-growth"),
    ],
)
def test_marks_inside_numbers(linter, text, rule):
    assert rule in {slug for slug, _ in hits(linter, text, "numbers")}


@pytest.mark.parametrize(
    "text",
    [
        "三次产业的比重为12.89：56.87：30.24。",  # a ratio is not a time
        "比分为3：1，时间：2017-05-15 10:49:00",
        "按与学校数1∶5的比例配备。",
    ],
)
def test_a_ratio_is_not_a_time(linter, text):
    assert "fullwidth-colon-in-time" not in {slug for slug, _ in hits(linter, text, "numbers")}


def test_a_time_is_not_a_ratio(linter):
    assert "ratio-colon" not in {slug for slug, _ in hits(linter, "于6月20日18：00前报送。", "numbers")}


def test_full_width_percent_alone_is_left_to_the_drafts_own_style(linter):
    assert "fullwidth-percent-mixed" not in {slug for slug, _ in hits(linter, "增长9.3％，一产增长4.0％。", "numbers")}
