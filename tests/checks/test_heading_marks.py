"""The ``heading_marks`` kind and ``punctuation.heading-end-mark-mixed``: headings of one level that
disagree on a final full stop."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import load_packs, select_rules

RULE = "punctuation.heading-end-mark-mixed"


@pytest.fixture(scope="module")
def headings():
    return Linter(select_rules(load_packs(), [RULE]))


def _fixed(linter: Linter, text: str) -> str:
    return apply_fixes(text, linter.lint_text(text), unsafe=True)[0]


def test_the_marked_heading_among_bare_ones_is_reported(headings):
    text = "一、总体要求\n坚持稳中求进。\n二、重点任务。\n推进产业体系建设。\n三、保障措施\n加强组织领导。\n"
    (found,) = headings.lint_text(text)
    assert (found.span.line, found.span.column) == (3, 7)
    assert "二、重点任务" not in found.message and "“重点任务。”" in found.message
    assert found.fix is not None and not found.fix.safe
    assert _fixed(headings, text) == text.replace("重点任务。", "重点任务")


def test_every_marked_heading_is_reported_even_when_they_are_more(headings):
    text = "一、甲事项。\n正文。\n二、乙事项\n正文。\n三、丙事项。\n正文。\n"
    assert [found.span.line for found in headings.lint_text(text)] == [1, 5]


def test_a_marked_item_with_no_body_before_a_higher_heading_is_a_sentence(headings):
    # （七）……。 followed straight by 十、: no body under it, so a numbered sentence, not a heading (held-out 7602)
    text = (
        "九、奖励办法\n（一）马拉松\n奖金如下。\n（二）半程马拉松\n奖金如下。\n"
        "（三）组委会对获奖运动员进行兴奋剂抽检。\n十、报名与名额\n（一）名额限定\n正文。\n"
    )
    assert headings.lint_text(text) == []
    # with body text under it, the same line is a heading among bare ones and is reported
    with_body = text.replace("抽检。\n十、", "抽检。\n正文。\n十、")
    assert [found.span.line for found in headings.lint_text(with_body)] == [6]


def test_levels_are_judged_apart(headings):
    # every 一、 heading has a full stop and every （一） heading has none: each level is consistent
    text = "一、总体要求。\n（一）指导思想\n正文。\n（二）基本原则\n正文。\n二、重点任务。\n（一）产业\n正文。\n"
    assert headings.lint_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # items of a list follow each other: sentences, not headings
        "一、本办法由市人民政府负责解释。\n二、本办法自发布之日起施行。\n三、工作要求\n各单位要高度重视。\n",
        # a numbered paragraph longer than a heading
        "一、总体要求\n正文。\n二、" + "推进" * 25 + "。\n正文。\n",
        # a sentence inside: a run-in heading and its first sentence
        "一、总体要求\n正文。\n二、重点任务。要推进产业体系建设。\n正文。\n",
        # a law's list printed with hard line breaks: a wrapped item, then the last item
        "第十条 市人民政府应当履行下列职责：\n（一）组织编制饮用水水源保护专项规\n划;\n（二）加强监督\n管理；\n"
        "（三）应当履行的其他职责。\n市人民政府应当做好工作。\n（四）附则\n本办法自发布之日起施行。\n",
        # a report's review headings are run-in sentences, its tasks' headings bare: two runs from （一）
        "一、回顾\n（一）经济运行稳中有进。\n正文。\n（二）产业发展提质增效。\n正文。\n"
        "二、任务\n（一）巩固壮大实体经济\n正文。\n（二）促进消费和投资\n正文。\n",
        # a heading ending in a colon is neither bare nor marked
        "一、指导思想：\n正文。\n二、工作目标。\n正文。\n",
    ],
)
def test_what_is_not_a_pair_of_disagreeing_headings_is_silent(headings, text):
    assert headings.lint_text(text) == []


COLON_RULE = "punctuation.heading-end-colon-mixed"


@pytest.fixture(scope="module")
def colon_headings():
    return Linter(select_rules(load_packs(), [COLON_RULE]))


def test_the_mark_is_a_parameter_the_colon_heading_among_bare_ones_is_reported(colon_headings):
    text = "一、出台的必然性\n正文。\n二、办法的特点：\n1、依法落实责任。\n三、重要意义\n正文。\n"
    (found,) = colon_headings.lint_text(text)
    assert (found.span.line, found.span.column) == (3, 8)
    assert _fixed(colon_headings, text) == text.replace("特点：", "特点")


def test_a_heading_announcing_a_list_is_left_out_of_the_comparison(colon_headings):
    # unless_heading_matches: 以下 says the colon introduces the items below it
    text = (
        "（十三）精密跟踪系统\n1．雷达。\n（十四）具有以下特性之一的转换器：\n1．能连续工作。\n"
        "（十五）材料\n1．涂料。\n"
    )
    assert colon_headings.lint_text(text) == []
    assert len(colon_headings.lint_text(text.replace("具有以下特性之一的", "特殊的"))) == 1
