"""The ``broken_line`` kind: a paragraph broken mid-sentence by a pasted layout, not a writer's line break."""

from __future__ import annotations

import json

import pytest
import yaml

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import parse_pack
from lint.source import text_document

HEADING = r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．、])"
WORD_ACROSS = "3.完善评价机制。结合新课改和新考改的要\n求，落实教学质量目标责任制。"
LAYOUT = (
    "三年来，学校领导班子在认真回顾办学历史，不断总结\n"
    "办学经验的基础上，对学校文化进行了认真梳理，明确\n"
    "了办学目标。学校在落实上级教育部门部署、完成重点\n"
    "工作清单过程中取得了成绩。"
)


def broken_linter(params: str = "") -> Linter:
    extra = yaml.safe_load(f"{{{params.lstrip(', ')}}}")
    rule = {
        "id": "rule",
        "title": "t",
        "severity": "warning",
        "kind": "broken_line",
        "message": "{fragment}|{next}",
        "rationale": "r",
        "source": "s",
        "params": {"heading": HEADING, **extra},
        "examples": {"bad": [WORD_ACROSS], "good": ["一、总体要求"]},
    }
    pack = json.dumps({"pack": "t", "rules": [rule]}, ensure_ascii=False)  # JSON is YAML
    return Linter(list(parse_pack(pack, "t.yaml").rules))


def messages(text: str, params: str = "", fmt: str = "text") -> list[str]:
    return [d.message for d in broken_linter(params).lint(text_document("d.txt", text, fmt))]


def test_a_word_cut_across_the_break_is_a_layout_break() -> None:
    assert messages(WORD_ACROSS) == ["结合新课改和新考改的要|求，落实教学"]


def test_three_lines_of_one_width_are_a_layout() -> None:
    assert messages(LAYOUT) == ["不断总结|办学经验的基", "明确|了办学目标。", "完成重点|工作清单过程"]


def test_one_break_of_its_own_width_without_a_word_across_is_a_writers_break() -> None:
    assert messages("三年来，学校领导班子在认真回顾办学历史，不断总结\n办学经验的基础上，对学校文化进行了梳理。") == []


@pytest.mark.parametrize(
    "text",
    [
        "一、着力破难，落实五项重点工作要\n求，课程设置要以学生为本。",  # a heading ends where it ends
        "关于开展2024年度安全生产检查工作的\n通知",  # a title: no sentence mark
        "会议强调，要坚持以人民为中心的发展思想要\n\n求大家扎实推进共同富裕。",  # a blank line ends a paragraph
        "会议强调，要坚持以人民为中心的发展思想要\n\u3000\u3000求大家扎实推进共同富裕。",  # an indented new paragraph
        "会议要求，各单位要认真落实安全生产责任制要\n（一）人员安全；",  # the next line is a list item
    ],
)
def test_headings_titles_and_new_paragraphs_are_not_broken_lines(text: str) -> None:
    assert messages(text) == []


def test_a_run_in_heading_with_its_text_on_the_line_is_running_text() -> None:
    assert messages(WORD_ACROSS) != []  # 3.完善评价机制。 then its text, broken


@pytest.mark.parametrize("fmt", ["markdown", "docx"])
def test_only_plain_text_is_checked(fmt: str) -> None:
    """Markdown's soft breaks are the format's own; a .docx's lines include table cells."""
    assert messages(WORD_ACROSS, fmt=fmt) == []


def test_lines_ending_as_the_rule_allows_are_whole() -> None:
    caption = "习近平在广州出席全国运动会开幕式。新华社记者 鞠鹏 摄\n风起南海之滨，潮涌珠江两岸。"
    assert messages(caption) == ["摄|风起南海之滨"]  # 摄风 read as one word
    assert messages(caption, ", unless_line_ends: '摄$'") == []


def test_three_breaks_of_one_width_among_wider_lines_are_no_layout() -> None:
    # a table pasted cell by cell (45NN): three cells happen to be 34 columns wide, but lines run far
    # wider than that, which no fixed layout allows
    cells = (
        "牵头抓总，办好学院重大会议和活动：牵头开好教职工大会、党风廉政建设大会、全院各部门绩效考核签约会议\n"
        "各牵头会议和活动顺利召开；会议资料\n"
        "以联合招生、师资培训、专业建设等为抓手，加强教育对口支援工作的实效性，谋划确定对口支援工作重点。\n"
        "整改工作落实情况；长效机制建立情况\n"
        "以职能部门绩效考核、公车管理等信息化模块建设为重点，促进工作流程细化和业务效率提升\n"
        "4-12月：项目开展，协调处理项目事宜\n"
        "学生境外交流"
    )
    assert messages(cells) == []


def test_layout_lines_wider_than_the_limit_are_not_a_layout() -> None:
    assert messages(LAYOUT, ", max_layout_width: 40") == []


def test_the_fix_joins_the_two_lines() -> None:
    diagnostics = broken_linter().lint_text(WORD_ACROSS)
    assert apply_fixes(WORD_ACROSS, diagnostics, unsafe=True)[0] == WORD_ACROSS.replace("\n", "")


# held-out 21301: a Word export that wraps some paragraphs at 33 Han characters and leaves others whole
WORD_EXPORT = (
    "3.公司所有车辆的年审、车辆保险实行专人负责制。按时购买车辆保险和\n"
    "车辆年审。\n"
    "4.公司所有车辆实行专人保养责任制。驾驶员发现无力排除之故障，应及时\n"
    "报告其主管，不得带病出车。\n"
    "5.公司车辆若有多个部门使用时，各部门应顾全大局，听从指挥、调度。\n"
    "6.公司车辆一般不允许在外过夜。因保管不善造成车辆被盗、损坏，驾驶员\n"
    "应承担保险以外的所有赔偿责任。\n"
    "7.项目部车辆在使用过程中所产生的与所监项目相关的所有费用，将进入项目监理部的成本核算。\n"
    "8.项目部车辆在使用过程中所产生的与所监项目相关的所有费用，均由项目监理部按月汇总核算。\n"
    "10.项目部车辆在使用过程中所产生的与所监项目相关的所有费用，每季度由财务部门统一审核。\n"
    "1.考核委员会应及时安排车辆保养、维护好车辆，并确保车辆处于良好的技\n"
    "术状态，随时保证使用车辆的正常运行，确保行车安全。\n"
    "公司车辆实行统一管理、统一调度。各部门用车须提前一天提出书面申请，\n"
    "经考核委员会批准后方可使用。\n"
    "9.公司车辆的使用费用按月结算，每月底由考核委员会汇总报财务部门审核。"
)


def test_a_layouts_full_lines_include_those_ending_a_sentence() -> None:
    # two whole paragraphs run wider than the layout; the lines that fill it (sentence ends
    # included) are more, so the layout holds
    found = messages(WORD_EXPORT)
    assert "应及时|报告其主管，" in found
    assert "驾驶员|应承担保险以" in found


def test_a_line_one_character_short_of_the_layout_fills_it() -> None:
    assert "按时购买车辆保险和|车辆年审。" in messages(WORD_EXPORT)


def test_a_list_item_without_a_sentence_end_is_broken_where_it_fills_the_layout() -> None:
    assert "并确保车辆处于良好的技|术状态，随时" in messages(WORD_EXPORT)


def test_a_list_item_heading_is_no_layout_evidence() -> None:
    text = "一、着力破难，落实五项重点工作部署，推动各项任务落地见效和全面\n完成。"
    assert messages(text) == []
