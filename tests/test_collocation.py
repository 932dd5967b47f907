"""collocation: the verb and the order of fixed formulations."""

from __future__ import annotations

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
    text = "坚定“四个意识”、增强“四个自信”、拥护“两个维护”。"
    assert found(collocation, text) == [
        ("four-consciousness-verb", "坚定“四个意识”"),
        ("four-confidences-verb", "增强“四个自信”"),
        ("two-upholds-verb", "拥护“两个维护”"),
    ]


def test_the_suggestion_keeps_the_drafts_quotation_marks(collocation):
    [diagnostic] = collocation.lint_text("增强四个自信")
    assert diagnostic.fix is not None and diagnostic.fix.replacement == "坚定四个自信"
    assert "“坚定四个自信”" in diagnostic.message


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
