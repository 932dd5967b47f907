"""consistency: two accepted forms of one thing in one document; the minority form is reported."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from lint.engine import Linter
from lint.packs import PackError, load_packs, parse_pack, select_rules


@pytest.fixture(scope="module")
def consistency():
    return Linter(select_rules(load_packs(), ["consistency"]))


def found(linter, text):
    return [(d.rule.split(".")[1], d.matched, d.fix.replacement if d.fix else None) for d in linter.lint_text(text)]


def test_every_place_of_the_minority_form_is_reported_with_the_majority_as_fix(consistency):
    text = "两新组织要建强。“两新”组织党建，“两新”组织覆盖，‘两新’组织指导员。\n两新组织书记。"
    assert found(consistency, text) == [
        ("two-new-organizations", "两新组织", "“两新”组织"),
        ("two-new-organizations", "两新组织", "“两新”组织"),
    ]


def test_the_message_names_the_majority_and_its_count(consistency):
    [diagnostic] = consistency.lint_text("其他单位、其他部门、其它人员。")
    assert "“其他”（2处）" in diagnostic.message
    assert "“其它”" in diagnostic.message


def test_a_tie_goes_to_the_form_listed_first(consistency):
    assert found(consistency, "其它单位，其他部门。") == [("other-variant", "其它", "其他")]


def test_one_form_alone_is_consistent(consistency):
    assert found(consistency, "其它单位，其它部门，两新组织，二零二四年。") == []


def test_characters_are_compared_only_within_their_region(consistency):
    text = "二〇二二年、二〇二三年，二零二四年；零增长，零容忍。"
    assert found(consistency, text) == [("year-zero", "零", "〇")]


def test_characters_are_translated_position_for_position(consistency):
    text = "2024年第1季度、第2季度，ＧＤＰ增长５％，CPI持平。"
    assert found(consistency, text) == [
        ("fullwidth-alphanumerics", "ＧＤＰ", "GDP"),
        ("fullwidth-alphanumerics", "５", "5"),
    ]


def test_halfwidth_punctuation_is_left_to_the_width_rules(consistency):
    assert found(consistency, "会议强调，要坚持问题导向,狠抓落实。要“严”字当头。") == []


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_are_silent(consistency, seed):
    assert consistency.lint_text(seed.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("{}", "params.forms"),
        ("{forms: [a]}", "params.forms"),
        ("{forms: [a, {regex: b}]}", "params.forms[1]"),
        ("{forms: [a, {text: b, regex: '('}]}", "params.forms[1]"),
        ("{forms: [a, b], within: c}", "params.within"),
        ("{characters: [ab, c]}", "params.characters"),
        ("{characters: [ab, bc]}", "params.characters"),
        ("{characters: [a, b], within: '('}", "params.within"),
        ("{characters: [a, b], prefer_first: 1}", "params.prefer_first"),
    ],
)
def test_bad_params_name_the_field(params, field):
    raw = (
        "pack: p\nrules:\n  - {id: r, title: t, severity: warning, kind: consistency, message: m, rationale: r,"
        f" source: s, params: {params}, examples: {{bad: [x], good: [y]}}}}\n"
    )
    with pytest.raises(PackError) as error:
        Linter(parse_pack(raw, "p.yaml").rules)
    assert error.value.field == field


def test_a_preferred_form_wins_even_in_the_minority(consistency):
    text = "二零二二年、二零二三年，二〇二四年。"
    assert found(consistency, text) == [("year-zero", "零", "〇"), ("year-zero", "零", "〇")]


def test_year_zero_is_reported_by_one_rule_of_all_packs(linter):
    text = "二零二二年、二零二三年，二〇二四年。二零一三年。"
    assert {d.rule for d in linter.lint_text(text)} == {"consistency.year-zero"}
