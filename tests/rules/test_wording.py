"""The wording pack (redundancy, double negation, verb-object mismatch) and party organ names."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截止到去年年底为止，共完成12项。", "截止到去年年底，共完成12项。"),
        ("原因还是因为认识不到位。", "原因还是认识不到位。"),
        ("切忌不能急于求成。", "切忌急于求成。"),
    ],
)
def test_fixes(linter, text, expected):
    assert fixed(linter, text, "wording") == expected


@pytest.mark.parametrize(
    "text",
    [
        "截至目前，已完成投资。到年底为止全部完工。",
        "超过半数的村集体收入在10万元以上。",
        "究其原因，是由于投入不足。",  # 是 after a comma starts a new clause: left to the reader
        "增强高水平科技自立自强能力，提升服务水平。",
        "增加到2019年的水平。",
        "加强队伍建设，提高业务水平。",
        "增强群众安全意识。",
    ],
)
def test_correct_wording_is_silent(linter, text):
    assert hits(linter, text, "wording") == []


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        ("用户超过1.2万户以上。", "repetition", "用户超过1.2万户。"),
        ("帮扶措施至少1次以上。", "repetition", "帮扶措施至少1次。"),
        ("进一步加强公共服务均等化水平。", "collocation", "进一步提高公共服务均等化水平。"),
        # 提升……力度 is central wording (人民日报 提升环保力度), so 扩大 stands for the verbs 力度 does not take
        ("希望双方进一步扩大银企合作力度。", "collocation", "希望双方进一步加大银企合作力度。"),
    ],
)
def test_redundancy_and_verb_object_fixes_come_from_the_general_rules(linter, text, pack, expected):
    """The narrow wording rules (超过…以上, “水平”“力度” verbs) gave way to repetition.redundant-bound and
    collocation.verb-object, which fix the same spans."""
    assert fixed(linter, text, pack) == expected
    assert hits(linter, text, "wording") == []


def test_raising_awareness_is_not_reported(linter):
    """提高…意识 is common in official text and disputed at most: no rule reports it (增强 is not required)."""
    assert [d.rule for d in linter.lint_text("提高群众安全意识。")] == []


def test_party_organ_short_name_only_where_the_full_name_is_used_too(linter):
    text = "县委宣传部、县统战部联合开展活动，县委统战部负责协调。"
    assert hits(linter, text, "consistency") == [("party-organ-name", "县统战部")]
    assert hits(linter, "县统战部负责协调。", "consistency") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("各项工作落实的十分到位。", "de-before-complement"),
        ("营造浓厚得氛围。", "di-before-noun"),
        ("保持昂扬地精神状态。", "di-before-noun"),
    ],
)
def test_de_di_de_slips_are_hinted(linter, text, rule):
    found = [d for d in linter.lint_text(text) if d.rule == f"wording.{rule}"]
    assert [d.severity.name for d in found] == ["INFO"]
    assert not found[0].fix.safe


@pytest.mark.parametrize(
    "text",
    [
        "我们要做的很多。",  # 的 makes a noun phrase: much to do
        "他讲的很好。",  # what he said was good: 讲 is not checked
        "比去年同期增长的快。",  # no degree word
        "土地流转平稳有序，耕地面积稳定。",
        "认真地学习，积极地工作。",
    ],
)
def test_de_di_de_look_alikes_are_silent(linter, text):
    assert [d for d in linter.lint_text(text) if d.pack == "wording"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月15日下午18点前清运垃圾。", "6月15日18点前清运垃圾。"),
        ("新建300万平米厂房。", "新建300万平方米厂房。"),
        ("经国家教育部批准。", "经教育部批准。"),
        ("拓宽合作深度广度。", "拓展合作深度广度。"),
        ("充分显现党员先锋模范作用。", "充分发挥党员先锋模范作用。"),
        ("订立了下步改进工作的举措。", "制定了下步改进工作的举措。"),
        ("入选名额均为全区高校前列。", "入选名额均居全区高校前列。"),
    ],
)
def test_fixes_of_redundancy_and_collocation(linter, text, expected):
    assert fixed(linter, text, "wording") == expected


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("指明了方向。是我们党的重大理论创新成果。", "subjectless-shi-sentence"),
        ("近几年来，随着改革的深入，推动了事业的发展。", "subjectless-with-suizhe"),
        ("通过学习召开党代会的内容，使从中学到和了解很多知识。", "subjectless-with-tongguo"),
        ("通过系列主题党日活动的开展，使公司党员干部深受教育。", "subjectless-with-tongguo"),
        ("嘉宾围绕“发展趋势”为主题开展讨论。", "around-as-theme"),
        ("最后，总裁作总结讲话。\n最后，与会人员合影留念。", "second-finally"),
        ("把党建工作与业务工作互相促进。", "ba-mutual-promotion"),
        ("会议于下午8点开始。", "afternoon-evening-hour"),
    ],
)
def test_sentence_level_hints(linter, text, rule):
    assert rule in [r for r, _ in hits(linter, text, "wording")]


@pytest.mark.parametrize(
    "text",
    [
        # central texts write these (2014 government work report; 民法典 draft explanation, 2020-05-22)
        "通过提高建设和管理水平，让我们的城镇各具特色、宜业宜居。",
        "作了具体规定。并在现行侵权责任法的基础上作了进一步完善。",
        "云计算是一种模式。是传统计算机和网络技术发展融合的产物。",
        "专职安全管理人员至少要具备中级及以上化工专业技术职称。",
        "加大“三区三州”等深度贫困地区脱贫攻坚力度。",
        "把党建设成为始终走在时代前列、人民衷心拥护的马克思主义执政党。",
        "出席金砖国家农业部长会议。",
        "促进义务教育均衡发展。",
        "我们通过开展志愿服务活动，增强了党员的身份意识。",
        "最后，我讲三点意见。\n一要提高认识。\n最后，祝大家工作顺利。",
        "下午6点签到，下午2时30分开会。",
    ],
)
def test_correct_uses_near_the_new_rules_are_silent(linter, text):
    assert hits(linter, text, "wording") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("由于疏忽，导致发生了严重的安全事故。", "cause-verb-without-subject"),
        ("由于历史原因致使项目停工。", "cause-verb-without-subject"),
        ("受灾群众数十万计。", "shu-yi-bai-ji"),
        ("利润更大化，", "more-maximize"),
    ],
)
def test_mixed_constructions_are_reported(linter, text, rule):
    assert rule in [name for name, _ in hits(linter, text, "wording")]


@pytest.mark.parametrize(
    "text",
    [
        "这主要是由于管理不善造成的。",  # 是由于……造成的: a judgement, the cause is the predicate
        "由于各种因素造成损失的，依法赔偿。",  # the clause ends in 的: a 的-phrase, not a predicate
        "由于天气原因，这次活动导致的损失由主办方承担。",  # a subject after the comma
        "伤亡以数百计，涉及数千计算节点。",  # 以数百计 is right; 计算 is one word
        "在更大范围、更大力度上推进改革，需要更大化学空间。",
    ],
)
def test_mixed_construction_look_alikes_are_silent(linter, text):
    found = [name for name, _ in hits(linter, text, "wording")]
    assert not {"cause-verb-without-subject", "shu-yi-bai-ji", "more-maximize"} & set(found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("架构不能满足业务发展，需要重构。", [("satisfy-development", "满足业务发展")]),
        ("满足集团的业务发展。", [("satisfy-development", "满足集团的业务发展")]),
        ("架构不能满足业务发展的需要，要适应业务发展。", []),
        ("不满足于已有的发展，推动满足群众需求的产业发展。", []),
        ("每位选手抽签一道题。", [("draw-lots-with-object", "抽签")]),
        ("每位选手抽签一次，抽签决定顺序。", []),
    ],
)
def test_object_of_satisfy_and_draw_lots(linter, text, expected):
    assert [
        hit for hit in hits(linter, text, "collocation") if hit[0] in {"satisfy-development", "draw-lots-with-object"}
    ] == expected
