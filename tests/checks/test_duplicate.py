"""The ``duplicate`` kind and the ``repetition.duplicate-line`` rule: a line or sentence pasted twice."""

from __future__ import annotations

import textwrap

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, parse_pack, select_rules

RULE = "repetition.duplicate-line"
TITLE = "关于加强和改进基层组织建设的实施意见"


@pytest.fixture(scope="module")
def duplicate():
    return Linter(select_rules(load_packs(), [RULE]))


def _custom(params: str) -> Linter:
    pack = textwrap.dedent(
        """\
        pack: custom
        description: test
        rules:
          - id: dup
            title: t
            severity: warning
            kind: duplicate
            message: "{line}"
            rationale: r
            source: s
            params:
        """
    )
    pack += textwrap.indent(textwrap.dedent(params), " " * 6) if params else "      {}\n"
    pack += '    examples: {bad: ["标题标题标题\\n标题标题标题"], good: ["标题标题标题"]}\n'
    return Linter(list(parse_pack(pack, "custom.yaml").rules))


def _fixed(linter: Linter, text: str) -> str:
    return apply_fixes(text, linter.lint_text(text), unsafe=True)[0]


def test_a_title_pasted_twice_is_reported_on_its_second_line(duplicate):
    text = f"{TITLE}\n{TITLE}\n各镇人民政府："
    (found,) = duplicate.lint_text(text)
    assert (found.span.line, found.span.column) == (2, 1)
    assert found.message == f"“{TITLE}”连写了两次，应删去一处"
    assert found.fix is not None and not found.fix.safe
    assert _fixed(duplicate, text) == f"{TITLE}\n各镇人民政府："


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_last_line_is_removed_with_the_break_before_it(duplicate, newline):
    text = f"{TITLE}{newline}{TITLE}"
    assert _fixed(duplicate, text) == TITLE


def test_blank_lines_and_spaces_do_not_hide_a_duplicate(duplicate):
    text = f"　　{TITLE} \n\n{TITLE}\n正文。"
    assert [d.span.line for d in duplicate.lint_text(text)] == [3]
    assert _fixed(duplicate, text) == f"　　{TITLE} \n\n正文。"


def test_three_copies_give_two_findings(duplicate):
    text = f"{TITLE}\n{TITLE}\n{TITLE}\n正文。"
    assert [d.span.line for d in duplicate.lint_text(text)] == [2, 3]
    assert _fixed(duplicate, text) == f"{TITLE}\n正文。"


def test_a_salutation_twice_is_reported_though_short(duplicate):
    assert [d.span.line for d in duplicate.lint_text("同志们：\n同志们：\n今天召开全县经济工作会议。")] == [2]


def test_a_sentence_repeated_at_once_inside_a_paragraph(duplicate):
    text = "要把安全生产责任落实到岗位、落实到人。要把安全生产责任落实到岗位、落实到人。各单位要立即行动。"
    (found,) = duplicate.lint_text(text)
    assert found.matched == "要把安全生产责任落实到岗位、落实到人。"
    assert _fixed(duplicate, text) == "要把安全生产责任落实到岗位、落实到人。各单位要立即行动。"


def test_a_line_opening_with_a_repeated_sentence_after_another_line(duplicate):
    # the line's first sentence follows a line break, not a sentence mark: it was never compared
    text = "全县共有23个行政村。\n会议强调，要抓好落实。会议强调，要抓好落实。\n"
    (found,) = duplicate.lint_text(text)
    assert (found.span.line, found.matched) == (2, "会议强调，要抓好落实。")
    assert _fixed(duplicate, text) == "全县共有23个行政村。\n会议强调，要抓好落实。\n"


def test_a_repeated_opening_sentence_after_a_line_ending_in_no_sentence_mark(duplicate):
    # 各乡镇： ends in a colon: the text from it to the first 。 held both lines and was never compared
    text = "各乡镇：\n为做好安全工作，现将有关事项通知如下。为做好安全工作，现将有关事项通知如下。\n"
    (found,) = duplicate.lint_text(text)
    assert (found.span.line, found.matched) == (2, "为做好安全工作，现将有关事项通知如下。")
    assert _fixed(duplicate, text) == "各乡镇：\n为做好安全工作，现将有关事项通知如下。\n"


def test_a_quoted_sentence_repeated_keeps_its_closing_quote(duplicate):
    text = "他说：“我们一定要把工作做好。”“我们一定要把工作做好。”大家鼓掌。"
    # “他说：“… is not the same sentence as the second one: only whole equal sentences count
    assert not duplicate.lint_text(text)
    text = "“我们一定要把工作做好。”“我们一定要把工作做好。”大家鼓掌。"
    assert _fixed(duplicate, text) == "“我们一定要把工作做好。”大家鼓掌。"


def test_the_sentences_ending_a_paragraph_pasted_again_as_the_next_one(duplicate):
    tail = "会议提出，要切实提高对规范党委工作的认识。要强化制度建设与规范落实。"
    text = f"会议认为，关键是落实好主体责任。 {tail}\n{tail}\n会议还提出了意见。"
    (found,) = duplicate.lint_text(text)
    assert (found.span.line, found.span.column) == (2, 1)
    assert _fixed(duplicate, text) == f"会议认为，关键是落实好主体责任。 {tail}\n会议还提出了意见。"


@pytest.mark.parametrize(
    "text",
    [
        # a line that ends the line before it, but not at a sentence's start, or not a whole sentence
        "大会号召全国人民团结奋斗。为实现目标而奋斗。\n实现目标而奋斗。",
        "全体党员要发挥先锋模范作用，\n发挥先锋模范作用，",
        # a line starting with a different sentence than the line before ends, or repeating only a short one
        "全市完成地方财政收入61.4亿元，同比下降11.2%。\n1、公共财政预算收入完成58.2亿元。",
        "会议号召大家团结奋斗！\n团结奋斗！我们一定能够成功。",
    ],
)
def test_a_line_ending_the_line_before_it_only_partly_is_silent(duplicate, text):
    assert not duplicate.lint_text(text)


def test_the_sentence_ending_a_paragraph_repeated_as_the_first_item_below_it(duplicate):
    # 46NN: the total, then the same sentence again as item 1 of its breakdown
    total = "公共财政预算收入完成58.2亿元，同比下降2.9%。"
    text = f"全市完成地方财政收入61.4亿元。其中，{total}\n1、{total}①税收收入完成46.8亿元。\n2、基金收入3.1亿元。"
    (found,) = duplicate.lint_text(text)
    assert (found.span.line, found.span.column) == (2, 3)
    assert found.matched == total
    assert _fixed(duplicate, text).split("\n")[1] == "1、①税收收入完成46.8亿元。"


def test_a_short_tail_repeated_is_not_a_pasted_paragraph(duplicate):
    # the tail must hold min_chars Han characters, as a sentence repeated inside a line must
    assert not duplicate.lint_text("让我们为实现中华民族伟大复兴而奋斗！（掌声）\n（掌声）\n")


@pytest.mark.parametrize(
    "text",
    [
        "伟大的中国共产党万岁！\n伟大的中华人民共和国万岁！",  # different lines
        "各位代表！\n过去一年，我们砥砺前行。\n各位代表！\n今年的主要预期目标是。",  # far apart
        "前　言\n第一章　规划背景\n前　言\n本规划是纲领性文件。",  # a table of contents, then the body
        "合计\n合计\n是\n是",  # short unpunctuated lines: table cells, labels
        "项目\t单位\t数量\n合计\t个\t12\n合计\t个\t12",  # table rows
        "| 指标 | 单位 |\n| 合计 | 万元 |\n| 合计 | 万元 |",
        "万岁！万岁！万岁！",  # a short sentence chanted
        "……\n……\n——\n——",
        f"{TITLE}\n项目\t单位\n{TITLE}",  # not consecutive: a table row between
    ],
)
def test_legitimate_repetition_is_silent(duplicate, text):
    assert not duplicate.lint_text(text)


def test_min_chars_is_a_parameter():
    assert not _custom("min_chars: 8\n").lint_text("合计数量指标\n合计数量指标")
    assert _custom("min_chars: 6\n").lint_text("合计数量指标\n合计数量指标")


def test_unless_line_matches_is_a_parameter():
    assert _custom("").lint_text("合计\t一百二十个\n合计\t一百二十个")
    assert not _custom("unless_line_matches: '\\t'\n").lint_text("合计\t一百二十个\n合计\t一百二十个")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("min_chars: 0\n", "params.min_chars"),
        ("unless_line_matches: '('\n", "params.unless_line_matches"),
        ("pass_over_lines_matching: '('\n", "params.pass_over_lines_matching"),
        ("colour: red\n", "params.colour"),
    ],
)
def test_bad_params_are_pack_errors(params, field):
    with pytest.raises(PackError) as error:
        _custom(params)
    assert error.value.field == field


def test_a_title_pasted_again_under_a_web_pages_date_and_widget_lines_is_reported(duplicate):
    text = f"{TITLE}\n发稿时间：2021/6/16\n【 字体：大 中 小 】\n{TITLE}\n正文。"
    assert [d.span.line for d in duplicate.lint_text(text)] == [4]
    assert _fixed(duplicate, text) == f"{TITLE}\n发稿时间：2021/6/16\n【 字体：大 中 小 】\n正文。"


def test_a_duplicate_last_line_after_passed_over_lines_keeps_them(duplicate):
    text = f"{TITLE}\n作者：张三\n{TITLE}"
    assert _fixed(duplicate, text) == f"{TITLE}\n作者：张三"


def test_a_body_line_between_two_equal_titles_is_not_passed_over(duplicate):
    assert duplicate.lint_text(f"{TITLE}\n发布时间：2024-05-08\n会议要求抓好落实。\n{TITLE}") == []


def test_pass_over_lines_matching_is_a_parameter():
    text = "标题标题标题\n注：略\n标题标题标题"
    assert _custom("").lint_text(text) == []
    assert len(_custom("pass_over_lines_matching: '注：'\n").lint_text(text)) == 1


def test_lines_compared_anywhere_report_the_later_one_without_a_fix():
    """A photo caption used again for another photo, sections apart (held-out 12904); neighbours are not
    compared in that mode, and lines the regex does not match are not compared at all."""
    caption = "图为团队成员为小朋友们授课。 王舒悦 供图"
    linter = _custom("anywhere_lines_matching: '图为'\n")
    text = f"{caption}\n正文写了一段。\n标题标题标题\n标题标题标题\n{caption}\n"
    found = linter.lint_text(text)
    assert [(d.span.line, d.matched, d.fix) for d in found] == [(5, caption, None)]


BLOCK = "第四条 考勤是计发工资、奖金的依据。\n第五条 上午九时上班，下午六时下班。\n"


def test_a_block_of_lines_pasted_again_after_itself(duplicate):
    text = "第三条 适用于全体员工。\n" + BLOCK + BLOCK + "第六条 请假须经批准。"
    found = duplicate.lint_text(text)
    assert [d.span.line for d in found] == [4, 5]
    assert apply_fixes(text, found, unsafe=True)[0] == "第三条 适用于全体员工。\n" + BLOCK + "第六条 请假须经批准。"


def test_a_block_repeated_at_the_end_of_the_document_leaves_no_line_break(duplicate):
    text = BLOCK + "\n" + BLOCK.rstrip("\n")
    found = duplicate.lint_text(text)
    assert len(found) == 2  # the last line's finding starts at the end of the line before it
    assert apply_fixes(text, found, unsafe=True)[0] == BLOCK.rstrip("\n")


def test_blocks_are_compared_only_up_to_max_block_lines():
    lines = "".join(f"第{n}条 本条规定各部门的职责和分工。\n" for n in range(1, 5))
    assert len(_custom("max_block_lines: 4\n").lint_text(lines + lines)) == 4
    assert _custom("max_block_lines: 3\n").lint_text(lines + lines) == []
    assert _custom("").lint_text(lines + lines) == []  # blocks are off unless asked for


def test_short_alternating_lines_are_no_block(duplicate):
    assert duplicate.lint_text("姓名\n张三\n姓名\n李四\n是\n否\n是\n否\n") == []
