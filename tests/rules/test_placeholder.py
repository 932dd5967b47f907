"""The placeholder pack: template blanks and masked names, never legitimate Latin letters or numbers."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from pack_helpers import fixed, hits


@pytest.mark.parametrize(
    ("text", "rule", "matched"),
    [
        ("共整改问题x项，涉及x家企业。", "template-x", "x"),
        ("X、X两镇率先完成任务。", "template-x", "X"),
        ("××乡镇要高度重视。", "template-crosses", "××"),
        ("○○县民政局", "template-crosses", "○○"),
        ("**市**区人民政府", "template-stars", "**"),
        ("XX局、XX委要密切配合。", "template-xx", "XX"),
        ("20xx年工作总结", "template-xx", "20xx"),
        ("***主席指出，要加强团结。", "masked-leader-name", "***"),
        ("县委发〔〕8号", "empty-document-number-year", "〔〕"),
    ],
)
def test_placeholders_beyond_the_examples(linter, text, rule, matched):
    assert (rule, matched) in hits(linter, text, "placeholder")


@pytest.mark.parametrize(
    "text",
    [
        "接受X线检查和B超检查，购买A股。",
        "推进5G和App建设，开通Wi-Fi。",
        "公式 y = 2x + 1 成立，x2表示平方。",
        "二〇〇〇年以来，全县面貌发生巨大变化。",
        "被告人张某某、李某对指控的事实无异议。",
        "访问 https://www.gov.cn/xxgk/index.htm 查看。",
        "5×5米的展板，面积25平方米。",
    ],
)
def test_legitimate_letters_and_numbers_are_silent(linter, text):
    assert hits(linter, text, "placeholder") == []


def test_a_masked_leader_name_is_reported_once(linter):
    assert hits(linter, "***总书记强调", "placeholder") == [("masked-leader-name", "***")]


def test_masked_name_fix_restores_it(linter):
    assert fixed(linter, "学习***法治思想。", "placeholder") == "学习习近平法治思想。"


@pytest.mark.parametrize(
    ("seed", "rule", "count"), [(0, "template-stars", 10), (1, "masked-leader-name", 8), (4, "template-x", 12)]
)
def test_every_placeholder_of_the_seeds_is_reported(linter, seed, rule, count):
    path = sorted(SEEDS.glob("*.txt"))[seed]
    found = hits(linter, path.read_text(encoding="utf-8"), "placeholder")
    assert [r for r, _ in found].count(rule) == count


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("全年完成投资3.××亿元。", "3.××"),
        ("地区生产总值XX.X亿元。", "XX.X"),
        ("同比增长X.X%。", "X.X"),
        ("下降x.x个百分点。", "x.x"),
    ],
)
def test_a_placeholder_inside_a_number_is_reported(linter, text, matched):
    """Issue 13: the dot hid these from the lone-x and ×× rules."""
    assert ("template-decimal", matched) in hits(linter, text, "placeholder")


@pytest.mark.parametrize("text", ["支持Python 3.x版本。", "展板尺寸为1.5×2米。", "版本号为v2.x。"])
def test_versions_and_products_are_not_number_placeholders(linter, text):
    assert hits(linter, text, "placeholder") == []


def test_an_instruction_in_round_brackets_is_a_template_field_only_about_this_spot(linter):
    assert hits(linter, "（此处填写单位名称）关于工作情况的报告", "placeholder") == [
        ("template-field", "（此处填写单位名称）")
    ]
    assert hits(linter, "请报送推荐名单（请填写附件1）。", "placeholder") == []


def test_the_masked_name_is_restored_only_from_the_day_it_was_his():
    import datetime

    from lint.engine import Linter
    from lint.packs import load_packs, select_rules

    rule = next(r for r in select_rules(load_packs(), ["placeholder"]) if r.id == "placeholder.masked-leader-name")
    assert rule.since is not None and rule.since.day == datetime.date(2012, 11, 15)
    linter = Linter([rule])
    assert linter.lint_text("***总书记强调", as_of=rule.since.day)
    assert not linter.lint_text("***总书记强调", as_of=datetime.date(2012, 11, 14))
