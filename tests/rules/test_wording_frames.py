"""Broken sentence frames in the wording pack: half frames (……的前提下 without 在, 在……的领导 without 下),
mixed frames (围绕/依托……为抓手, 进行 + verb + object, 以……为例子, 题为“……”+ noun) and mismatched
conjunction pairs (只要……才, 虽然……所以). Each case names the clause boundary or near miss it pins."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits


def rules_on(linter, text: str) -> set[str]:
    return {rule for rule, _ in hits(linter, text, "wording")}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # 在 in an earlier clause does not open this clause's frame
        ("在会上，大家表示要强化党员意识上下功夫。", "frame-missing-zai"),
        ("在新的一年，全体员工的共同努力下，公司扭亏为盈。", "frame-missing-zai"),
        ("要在学习上多下功夫，业务上多下功夫。", "frame-missing-zai"),
        ("在镇党委的坚强领导，全镇上下团结一心。", "frame-missing-xia"),
        ("围绕“学习强国”平台为抓手，推进理论学习。", "around-as-theme"),
        ("立足本地资源优势为切入点发展特色产业。", "around-as-theme"),
        ("组织干部进行学习贯彻会议精神。", "jinxing-verb-with-object"),
        ("只要坚持不懈，我们才可以实现目标。", "only-if-with-cai"),
        ("虽然困难很多，我们所以更要迎难而上。", "although-with-so"),
        ("发表题为《奋进新征程》重要讲话。", "titled-without-de"),
        ("深刻认识开展主题教育活动，切实增强责任感。", "recognise-without-object"),
    ],
)
def test_broken_frame_is_reported(linter, text, rule):
    assert rule in rules_on(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "于法定程序完成的前提下，方可公布结果。",
        "从根本上下功夫，从源头上下功夫。",
        "当地政府的大力支持下，项目顺利推进。",  # 当 in the clause: left alone (当地 or 当……下)
        "在市委的领导下，在全市人民的共同努力下，各项工作取得新成效。",
        "在上级的关心，以及社会各界的帮助下，学校面貌一新。",
        "以“学习强国”平台为抓手，推进理论学习。",
        "依托现有平台，把它作为载体，推进理论学习。",
        "组织干部进行学习，传达会议精神。",
        "组织干部集中进行学习贯彻会议精神培训。",
        "只要坚持不懈，就一定能实现目标，人才才能涌现。",
        "只要是人才，都要用好。",
        "虽然困难很多，但我们有信心，所以更要迎难而上。",
        "这篇报告题为“新时代的新征程”。",
        "深刻认识开展主题教育活动的重大意义。",
        "以某市为例，作为例子说明。",
    ],
)
def test_complete_frame_is_silent(linter, text):
    assert (
        rules_on(linter, text)
        & {
            "frame-missing-zai",
            "frame-missing-xia",
            "around-as-theme",
            "jinxing-verb-with-object",
            "only-if-with-cai",
            "although-with-so",
            "titled-without-de",
            "recognise-without-object",
            "example-as-liezi",
        }
        == set()
    )


def test_titled_fix_inserts_de_before_the_noun_phrase(linter):
    text = "教授作题为“新境界”专题辅导报告。"
    assert fixed(linter, text, "wording") == "教授作题为“新境界”的专题辅导报告。"


def test_example_fix_keeps_the_frame(linter):
    assert fixed(linter, "以典型案例为例子，讲解要点。", "wording") == "以典型案例为例，讲解要点。"
