"""The ``item_stops`` kind and ``punctuation.list-item-missing-stop``: numbered items written as
sentences, some closed by a full stop and some not."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import load_packs, select_rules

RULE = "punctuation.list-item-missing-stop"


@pytest.fixture(scope="module")
def items():
    return Linter(select_rules(load_packs(), [RULE]))


def _fixed(linter: Linter, text: str) -> str:
    return apply_fixes(text, linter.lint_text(text), unsafe=True)[0]


def test_items_without_a_stop_beside_items_with_one_are_reported_at_their_end(items):
    text = (
        "①先锋行动：市委组织部组织在职党员开展党员岗活动。\n"
        "②天使行动：市卫生局组织医务工作者进社区讲授保健和生育知识\n"
        "③春风行动：市就业局举办“劳动就业大集”\n"
        "④公益行动：市教委在节日期间将图书馆免费开放。\n"
    )
    found = items.lint_text(text)
    assert [(d.span.line, d.matched) for d in found] == [(2, "和生育知识"), (3, "大集”")]
    assert all(d.fix is not None and not d.fix.safe for d in found)
    assert _fixed(items, text) == text.replace("生育知识\n", "生育知识。\n").replace("大集”\n", "大集”。\n")


def test_a_short_item_is_reported_only_between_two_closed_ones(items):
    between = "（1）按时参加组织生活。\n（2）缴纳党费\n（3）完成党组织分配的任务。\n"
    assert [d.span.line for d in items.lint_text(between)] == [2]
    # the same short item with a bare neighbour may be a run-in title
    beside_bare = "（1）按时参加组织生活。\n（2）缴纳党费\n（3）完成任务\n（4）遵守纪律。\n"
    assert items.lint_text(beside_bare) == []


def test_a_headline_whose_story_repeats_its_last_words_is_not_an_item(items):
    dated = "punctuation.dated-entry-missing-stop"
    linter = Linter(select_rules(load_packs(), [dated]))
    story = (
        "2025年，我国城市体检覆盖面进一步扩大，全国有449个城市开展体检。\n"
        "2025年供销系统农业社会化服务规模达3.5亿亩次\n"
        "2025年全国供销合作社系统开展农业社会化服务规模达3.5亿亩次，促进农业增效。\n"
    )
    assert linter.lint_text(story) == []
    # a short headline over a longer story that rewords it (新闻联播 2023-12-23)
    rewords = (
        "2023年，全国各地高校做好招生准备工作，考生报名人数创出新高。\n"
        "2024年全国硕士研究生招生考试今日开考\n"
        "2024年全国硕士研究生招生考试今天开始，全国报考人数为438万，考试持续两天。\n"
    )
    assert linter.lint_text(rewords) == []
    # an entry that is a sentence of its own, as long as the next one, is still reported
    entry = (
        "2015年，村里修通了水泥路，群众出行方便了。\n"
        "2016年村里成立了蔬菜种植专业合作社并开始运营\n"
        "2017年，合作社种植蔬菜五百亩，带动农户增收。\n"
    )
    assert [d.span.line for d in linter.lint_text(entry)] == [2]


def test_a_list_restarting_at_one_is_a_new_list(items):
    # two lists of field entries under two headings, run together (held-out 11601): the first has no
    # item closed by a stop, so none of its items is missing one
    text = (
        "1、推优的基本条件：已提交入党申请书，关心同学、热爱集体等\n"
        "2、推优时间：每年4月、11月\n"
        "3、推优名额：无特别限制，无固定的参考比例\n"
        "1、条件：已经经过团学推优，愿意按党员标准严格要求自己的学生。\n"
        "2、程序：入党申请人提出书面申请，党小组推荐入党积极分子。\n"
        "3、特别提示：书面思想汇报要写实，至少每季度1份。\n"
    )
    assert items.lint_text(text) == []
    # one list numbered on is still one list
    one = text.replace("1、条件", "4、条件").replace("2、程序", "5、程序").replace("3、特别", "6、特别")
    assert [d.span.line for d in items.lint_text(one)] != []


def test_the_last_item_after_a_closed_one_is_left_to_the_rule_that_reads_the_next_line(items):
    text = "1.完善课程体系，开设选修课程。\n2.加强教师队伍建设。\n3.报名时间截至5月10日，逾期不再受理\n"
    assert items.lint_text(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # no item closed by a full stop: a list of titles
        "1.总体要求和基本原则及工作目标\n2.主要任务和重点工作安排意见\n3.保障措施和组织领导及考核\n",
        # two items only: no list to compare with
        "一、坚持常委领导下的分工负责制。\n二、坚持核心决策、集体领导、民主表决的原则\n",
        # a list of clauses closed by semicolons: its missing mark is a semicolon (another rule's)
        "（四）鉴定人应当回避而未回避的；\n（五）鉴定结论与实际情况不符的\n（六）其他因素可能导致鉴定结论不正确的。\n",
        # a line broken inside a quotation
        "6.六大专项：实施前沿科技攻坚突破行动。\n7.“双向揭榜挂帅”：企业找技术、成果找市场“双向\n"
        "8.“两新”：是指大规模设备更新和消费品以旧换新。\n",
        # a note in brackets after a closed sentence
        "1.关于总则。草案规定了基本原则。\n2.关于物权。草案修改为：‘国家坚持公有制为主体。’（草案第二百零六条第一款）\n"
        "3.关于合同。草案完善了合同制度。\n",
        # numbers of two families are two lists: （三） between 4、 and 1、 is a level above
        "4、完善工作方法，努力做到全方位渗透。\n（三）调动一切积极因素，促进各项工作\n1、充分发挥党小组的作用。\n",
        # an item ending in another mark
        "1.完善课程体系，开设选修课程。\n2.活动安排如下：\n3.各班级要加强指导训练。\n",
    ],
)
def test_lists_that_are_consistent_or_not_sentences_are_silent(items, text):
    assert items.lint_text(text) == []


def test_a_blank_line_between_items_does_not_break_the_list(items):
    text = "1.建立入河排污口台账，公布责任人。\n\n2.设立公示牌，公布排污种类和数量\n\n3.完善巡查制度。\n"
    assert [d.span.line for d in items.lint_text(text)] == [3]


def test_the_last_item_rule_also_shows_only_the_items_last_words():
    last = Linter(select_rules(load_packs(), ["punctuation.list-last-item-missing-stop"]))
    text = "1.建立入河排污口台账，得1分。\n2.设立公示牌，公布排污种类、数量和责任人，得1分\n县水利局\n"
    (found,) = last.lint_text(text)
    assert found.matched == "得1分"
    assert apply_fixes(text, [found], unsafe=True)[0] == text.replace("得1分\n", "得1分。\n")


def test_fields_of_a_form_are_not_sentences_unless_they_hold_a_verb(items):
    # held-out 23602 (an accident investigation report): its last field holds two sentences and closes with 。,
    # the fields before it are records (a time, a place, a company, a sum)
    record = (
        "（一）事故发生时间：2016年7月30日11时30分\n"
        "（二）事故发生单位：四川海晨建筑劳务有限公司\n"
        "（三）经济损失：直接经济损失60万元\n"
        "（四）伤亡情况：死亡1人。死者姓名：吴春霖。\n"
    )
    assert items.lint_text(record) == []
    # a label over a sentence is a sentence: 组织 and 开展 are its verbs
    sentences = (
        "①先锋行动：市委组织部组织在职党员开展党员岗活动。\n"
        "②自强行动：市残联组织残疾人志愿者开展公益活动\n"
        "③感恩行动：市民政局组织低保对象参与社区公益活动。\n"
        "④爱心行动：市民政局、街道办事处组织慈善募捐活动。\n"
    )
    assert [d.span.line for d in items.lint_text(sentences)] == [2]
