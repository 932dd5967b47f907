"""The lexicon kind and its word lists: every entry is found, its right form is silent, coincidences are not."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.packs import PackError, Rule, load_packs

LEXICON_RULES = [rule for pack in load_packs() for rule in pack.rules if rule.kind == "lexicon"]
ENTRIES = [
    pytest.param(rule.id, wrong, right, id=f"{rule.id}-{wrong}")
    for rule in LEXICON_RULES
    for wrong, right in rule.params["entries"].items()
]
ALL_WRONG = {wrong for rule in LEXICON_RULES for wrong in rule.params["entries"]}


def test_lexicon_rules_exist():
    assert len(ENTRIES) > 1100


@pytest.mark.parametrize(("rule_id", "wrong", "right"), ENTRIES)
def test_each_entry_is_reported_and_fixed(linter, rule_id, wrong, right):
    found = [d for d in linter.lint_text(f"（{wrong}）") if rule_id in (d.rule, *d.also)]
    assert [(d.matched, d.fix.replacement) for d in found] == [(wrong, right)]


@pytest.mark.parametrize(("rule_id", "wrong", "right"), ENTRIES)
def test_each_right_form_is_silent(linter, rule_id, wrong, right):
    assert not [d for d in linter.lint_text(f"（{right}）") if d.pack == "confusable"]


def test_no_right_form_holds_a_wrong_form_of_another_entry():
    rights = {right for rule in LEXICON_RULES for right in rule.params["entries"].values()}
    assert not [(w, r) for r in rights for w in ALL_WRONG if w in r]


@pytest.mark.parametrize(
    "text",
    [
        "组织机关健身活动。",  # 机关|健身, not 关健
        "占全部份额的三成。",  # 全部|份额, not 部份
        "严格守法经营。",  # 严格|守法, not 格守
        "劝戒烟限酒。",  # 劝|戒烟
        "遴选拨付资金。",  # 遴选|拨付
        "加强检查长效机制建设。",  # 检查|长效
        "入帐篷休息。",  # 入|帐篷
        "大力发展夜消费。",  # 夜|消费
        # correct text found by searching public text for the wrong forms added in round 3
        "带上朋友手工做的腊肉。",  # 手工|做, not 工做
        "这种模型适合做基线。",  # 适合|做, not 合做
        "从配置文件加载止损参数。",  # 加载|止损, not 载止
        "客户端可以凭借签名直接上传。",  # 凭借|签名, not 借签
        "自豪不一定需要别人夸奖。",  # 自豪|不, not 豪不
        "毕竟相比之下更重要。",  # 毕竟|相比, not 竟相
        "他们三人竟相谈甚欢。",  # 竟|相谈, not 竟相
        "当时侯某在场。",  # 当时|侯某, not 时侯
        "对方没有数据发送，而己方仍能发送。",  # 而|己方, not 而己
        "每写入一条记录就序列化后追加。",  # 就|序列化, not 就序
        "该文件包含盖子。",  # 包含|盖子, not 含盖
        "坐到桌边陪养父母吃饭。",  # 陪|养父母, not 陪养
        "按月支付主任科员津贴。",  # 支付|主任, not 付主任
        "加强供给测算。",  # 供给|测算, not 供给测
    ],
)
def test_coincidences_across_words_are_silent(linter, text):
    assert not [d for d in linter.lint_text(text) if d.pack == "confusable"]


def _rule(params: dict) -> Rule:
    return Rule(
        id="t.x",
        pack="t",
        title="t",
        severity="error",
        kind="lexicon",
        message="{right}",
        rationale="",
        source="",
        params=params,
        fix=None,
        enabled=True,
        bad=(),
        good=(),
        path="t.yaml",
    )


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"entries": {}}, "non-empty"),
        ({"entries": {"甲": "甲"}}, "its own right form"),
        ({"entries": {"甲乙": "甲", "丙": "丁"}}, "contains the right form"),
        ({"entries": {"甲": 1}}, "non-empty mapping"),
    ],
)
def test_bad_entries_are_pack_errors(params, reason):
    with pytest.raises(PackError, match=reason):
        Linter([_rule(params)])


def test_word_boundaries_can_be_switched_off():
    rule = _rule({"entries": {"关健": "关键"}, "word_boundaries": False})
    assert [d.matched for d in Linter([rule]).lint_text("组织机关健身活动。")] == ["关健"]
    rule = _rule({"entries": {"关健": "关键"}})
    assert Linter([rule]).lint_text("组织机关健身活动。") == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("要不断提高企业竟争力。", "竟争"),  # jieba's dictionary has 竟争力 as a word, beside 竞争力
        ("大部份同学参加了活动。", "部份"),  # 大部份 beside 大部分
        ("元霄节前夕，社区举办灯会。", "元霄"),  # 元霄节 beside 元宵节
    ],
)
def test_a_slip_inside_a_word_jieba_learnt_with_it_is_reported(text, wrong):
    rule = _rule({"entries": {"竟争": "竞争", "部份": "部分", "元霄": "元宵"}})
    assert [d.matched for d in Linter([rule]).lint_text(text)] == [wrong]


def test_a_wrong_form_inside_a_word_that_is_no_word_corrected_stays_silent():
    # 记叙文 holds 叙文 (→序文), but 记序文 is no word: the match is a coincidence
    rule = _rule({"entries": {"叙文": "序文"}})
    assert Linter([rule]).lint_text("学习记叙文写作。") == []
