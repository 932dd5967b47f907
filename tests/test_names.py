"""The ``names`` kind and the built-in ``names`` pack: generated garbled names, listing order, title forms."""

from __future__ import annotations

import textwrap

import pytest
from conftest import SEEDS

from lint.checks.names import _variants
from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, parse_pack, select_rules

GARBLED = "names.garbled-leader-name"
ORDER = "names.standing-committee-order"


@pytest.fixture(scope="module")
def names():
    return Linter(select_rules(load_packs(), ["names"]))


def _custom(params: str) -> Linter:
    raw = textwrap.dedent(
        """\
        pack: custom
        description: test
        rules:
          - id: n
            title: t
            severity: error
            kind: names
            message: "{match}"
            rationale: r
            source: s
            params:
        """
    )
    raw += textwrap.indent(textwrap.dedent(params), " " * 6)
    raw += '    examples: {bad: ["x"], good: ["y"]}\n'
    return Linter(list(parse_pack(raw, "custom.yaml").rules))


def test_variants_are_generated_per_class():
    texts = {
        v.text: v.variant_class
        for v in _variants(
            "习近平", ["doubled-first", "doubled-inner", "doubled-last", "swapped", "similar"], {"近": "进今"}
        )
    }
    assert texts == {
        "习习近平": "doubled-first",
        "习近近平": "doubled-inner",
        "习近平平": "doubled-last",
        "近习平": "swapped",
        "习平近": "swapped",
        "习进平": "similar",
        "习今平": "similar",
    }


@pytest.mark.parametrize(
    ("text", "matched", "fixed"),
    [
        ("深入学习贯彻习习近平总书记重要讲话精神。", "习习近平", "深入学习贯彻习近平总书记重要讲话精神。"),
        ("习近近平总书记强调。", "习近近平", "习近平总书记强调。"),
        ("习近平平总书记强调。", "习近平平", "习近平总书记强调。"),
        ("习近平平。", "习近平平", "习近平。"),
        ("近习平总书记指出。", "近习平", "习近平总书记指出。"),
        ("习平近总书记指出。", "习平近", "习近平总书记指出。"),
        ("习进平总书记在党的十九大报告中指出。", "习进平", "习近平总书记在党的十九大报告中指出。"),
        ("李李强总理作报告。", "李李强", "李强总理作报告。"),
        ("赵乐济、王宁沪同志出席。", "赵乐济", "赵乐际、王沪宁同志出席。"),
    ],
)
def test_garbled_name_is_reported_and_fixed(names, text, matched, fixed):
    found = [d for d in names.lint_text(text) if d.rule == GARBLED]
    assert found[0].matched == matched
    assert all(d.fix is not None and d.fix.safe for d in found)
    assert apply_fixes(text, found)[0] == fixed


def test_span_and_message(names):
    (found,) = names.lint_text("同志们：\n要学习贯彻习进平总书记重要讲话精神。")
    assert (found.span.line, found.span.column, found.span.end_column) == (2, 6, 9)
    assert found.message == "“习进平”疑为领导人姓名“习近平”的错写（重字、颠倒或错字），应为“习近平”"


CORRECT = [
    "深入学习习近平新时代中国特色社会主义思想，学习习近平总书记重要讲话精神，练习习字。",
    "习近平平易近人，群众都说习近平平时十分亲民，习近平平方米。",
    "李强强调，要加强李家村建设；李希希望全党同志；蔡奇奇迹般地完成任务。",
    "村民李奇、李琪、丁学祥、赵乐、王宁参加座谈，强李两家和睦。",
    "王沪宁宁夏考察时指出，要推动高质量发展。",
    "以习近平同志为核心的党中央，习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_prose_is_silent(names, text):
    assert not names.lint_text(text)


def test_doubled_edge_falls_back_to_the_jieba_dictionary():
    linter = _custom("names: [习近平]\nclasses: [doubled-first, doubled-last]\n")
    assert not linter.lint_text("学习习近平思想，习近平平易近人。")  # 学习, 平易近人 from jieba, not YAML
    assert [d.matched for d in linter.lint_text("贯彻习习近平讲话。")] == ["习习近平"]


def test_two_character_names_get_only_their_short_classes():
    linter = _custom("names: [李强]\nshort_classes: [doubled-first]\nsimilar: {强: 墙}\n")
    assert not linter.lint_text("李强强同志、强李、李墙")
    assert [d.matched for d in linter.lint_text("李李强同志")] == ["李李强"]


def test_a_variant_that_is_itself_a_protected_name_is_not_generated():
    linter = _custom("names: [王宁, 王凝]\nshort_classes: [similar]\nsimilar: {宁: 凝}\n")
    assert not linter.lint_text("王凝")


@pytest.mark.parametrize(
    ("text", "matched", "expected"),
    [
        ("习近平、赵乐际、李强出席会议。", "习近平、赵乐际、李强", "习近平、李强、赵乐际"),
        ("李强同志、习近平同志等出席。", "李强同志、习近平", "习近平、李强"),
        ("出席的有蔡奇，王沪宁。", "蔡奇，王沪宁", "王沪宁、蔡奇"),
    ],
)
def test_listing_out_of_order_is_a_warning(names, text, matched, expected):
    (found,) = names.lint_text(text)
    assert (found.rule, found.matched, found.fix) == (ORDER, matched, None)
    assert found.severity.name.lower() == "warning"
    assert found.message == f"领导人排名顺序有误：“{matched}”，应为“{expected}”"


@pytest.mark.parametrize(
    "text",
    [
        "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议。",
        "习近平同志、李强同志、赵乐际同志等出席。",
        "李强主持会议。习近平出席并讲话。",
        "李希在会上讲话，王沪宁出席。",
    ],
)
def test_listing_in_order_or_not_a_listing_is_silent(names, text):
    assert not names.lint_text(text)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("中共河北省省委书记出席。", "中共河北省委书记出席。"),
        ("石家庄市市委书记、正定县县委书记出席。", "石家庄市委书记、正定县委书记出席。"),
        ("中共北京市朝阳区区委召开全会。", "中共北京市朝阳区委召开全会。"),
    ],
)
def test_title_forms_are_fixed(names, text, fixed):
    found = names.lint_text(text)
    assert found and all(d.fix is not None and d.fix.safe for d in found)
    assert apply_fixes(text, found)[0] == fixed


def test_title_forms_are_silent_where_the_unit_belongs_to_the_previous_word(names):
    assert not names.lint_text("各省省委书记、地级市市委书记、副省级城市市委书记、我县县委书记、社区区委联络员。")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("names: [习近平]\norder: [习近平, 李强]\nseparator: '、'\n", "params.names"),
        ("order: [习近平]\n", "params.separator"),
        ("order: [习近平, 习近平]\nseparator: '、'\n", "params.order"),
        ("order: [习近平, 李强]\nseparator: '、?'\n", "params.separator"),
        ("names: [习近平]\nclasses: [tripled]\n", "params.classes"),
        ("names: [习近平]\nsimilar: {近平: 进}\n", "params.similar"),
        ("names: [习]\n", "params.names"),
    ],
)
def test_bad_params_are_pack_errors(params, field):
    with pytest.raises(PackError) as error:
        _custom(params)
    assert error.value.field == field


def test_seed_004_reports_the_doubled_surname(names):
    seed = sorted(SEEDS.glob("004_*.txt"))[0]
    found = [d for d in names.lint_text(seed.read_text(encoding="utf-8")) if d.rule == GARBLED]
    assert [(d.matched, d.span.line, d.span.column) for d in found] == [("习习近平", 3, 29)]
