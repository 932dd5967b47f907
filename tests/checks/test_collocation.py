"""collocation: the verb and the order of fixed formulations."""

from __future__ import annotations

import datetime

import pytest
from conftest import SEEDS

from lint.engine import Linter
from lint.packs import PackError, load_packs, parse_pack, select_rules


@pytest.fixture(scope="module")
def collocation():
    return Linter(select_rules(load_packs(), ["collocation"]))


def found(linter, text):
    return [(d.rule.split(".")[1], d.matched) for d in linter.lint_text(text)]


def test_the_swapped_verbs_of_the_triple_are_each_reported(collocation):
    text = "坚定“四个意识”、做到“四个自信”、拥护“两个维护”。"
    assert found(collocation, text) == [
        ("four-consciousness-verb", "坚定“四个意识”"),
        ("four-confidences-verb", "做到“四个自信”"),
        ("two-upholds-verb", "拥护“两个维护”"),
    ]


def test_the_suggestion_keeps_the_drafts_quotation_marks(collocation):
    [diagnostic] = collocation.lint_text("做到四个自信")
    assert diagnostic.fix is not None and diagnostic.fix.replacement == "坚定四个自信"
    assert "“坚定四个自信”" in diagnostic.message


@pytest.mark.parametrize(
    "text",
    [
        # 党的十九大报告（2017-10-18）; 新时代公民道德建设实施纲要（2019-10-27）
        "全党要更加自觉地增强道路自信、理论自信、制度自信、文化自信。",
        "增强“四个自信”，提拔重用牢固树立“四个意识”和“四个自信”的干部。",
        "树牢“四个自信”，强化“四个自信”。",
    ],
)
def test_verbs_central_texts_use_with_the_four_confidences_are_not_reported(collocation, text):
    """Issue 13: 增强“四个自信” is in the 19th Congress report; only verbs of the other terms are wrong."""
    assert found(collocation, text) == []


def test_a_term_that_modifies_a_noun_is_not_the_verbs_object(collocation):
    """十九届中央纪委四次全会（2020-01-13/15）: 不断增强“两个维护”的自觉性坚定性."""
    assert found(collocation, "不断增强“两个维护”的自觉性坚定性。") == []
    assert found(collocation, "不断增强“两个维护”。") == [("two-upholds-verb", "增强“两个维护”")]


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        ("坚定“四个意识”。", datetime.date(2016, 1, 29)),
        ("做到“四个自信”。", datetime.date(2016, 7, 1)),
        ("坚定“两个维护”。", datetime.date(2018, 9, 21)),
        ("自觉践行“两个确立”。", datetime.date(2021, 11, 11)),
        ("提高政治领悟力、政治判断力、政治执行力。", datetime.date(2020, 12, 25)),
        ("一体推进不能腐、不敢腐、不想腐。", datetime.date(2014, 10, 23)),
    ],
)
def test_a_formulation_is_judged_only_from_the_day_it_was_put_forward(collocation, text, first_day):
    assert collocation.lint_text(text, as_of=first_day)
    assert not collocation.lint_text(text, as_of=first_day - datetime.timedelta(days=1))


def test_every_collocation_rule_is_dated_with_its_source():
    for rule in select_rules(load_packs(), ["collocation"]):
        assert rule.since is not None or rule.timeless, rule.id
        assert rule.since is None or "（" in rule.since.source, rule.id


@pytest.mark.parametrize("verb", ["做好", "落实", "实现", "做到"])
@pytest.mark.parametrize("term", ["两个维护", "两个确立"])
def test_verbs_the_formulation_pack_substitutes_are_left_to_it(collocation, verb, term):
    assert found(collocation, f"坚决{verb}“{term}”。") == []


def test_order_message_gives_the_canonical_wording(collocation):
    [diagnostic] = collocation.lint_text("坚定文化自信、道路自信。")
    assert diagnostic.matched == "文化自信、道路自信"
    assert "道路自信、理论自信、制度自信、文化自信" in diagnostic.message
    assert diagnostic.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "坚定拥护“两个确立”、坚决做到“两个维护”，增强“四个意识”、坚定“四个自信”。",
        "提高全县党员干部政治判断力、政治领悟力、政治执行力。",
        "推动新型工业化、信息化、城镇化、农业现代化同步发展，理论、制度、文化各方面创新。",
        "文化和旅游深度融合，制度优势更好转化为治理效能。",
        "不断提高政治领导力、思想引领力、群众组织力、社会号召力。",
    ],
)
def test_correct_formulations_are_silent(collocation, text):
    assert found(collocation, text) == []


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_use_the_fixed_formulations_correctly(collocation, seed):
    assert collocation.lint_text(seed.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("{}", "params.term"),
        ("{term: x, items: [a, b]}", "params.term"),
        ("{term: x, right: [a]}", "params.wrong"),
        ("{term: x, right: [a], wrong: [a]}", "params.wrong"),
        ("{items: [a]}", "params.canonical"),
        ("{items: [a], canonical: a}", "params.items"),
        ("{items: ['(', b], canonical: a}", "params.items[0]"),
        ("{items: [a, b], canonical: ab, min_items: 1}", "params.min_items"),
    ],
)
def test_bad_params_name_the_field(params, field):
    raw = (
        "pack: p\nrules:\n  - {id: r, title: t, severity: warning, kind: collocation, message: m, rationale: r,"
        f" source: s, params: {params}, examples: {{bad: [x], good: [y]}}}}\n"
    )
    with pytest.raises(PackError) as error:
        Linter(parse_pack(raw, "p.yaml").rules)
    assert error.value.field == field
