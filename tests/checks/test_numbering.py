"""numbering: GB/T 9704 heading levels and in-paragraph series, followed through a whole document."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from lint.checks.numbering import chinese_number, chinese_numeral
from lint.engine import Linter
from lint.packs import PackError, load_packs, parse_pack, select_rules
from lint.source import text_document

S000, S001, S002, S003, S004 = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def numbering():
    return Linter(select_rules(load_packs(), ["numbering"]))


def found(linter, text):
    return [(d.rule.split(".")[1], d.matched, d.span.line) for d in linter.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "number"), [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23)]
)
def test_chinese_numbers_round_trip(text, number):
    assert chinese_number(text) == number
    assert chinese_numeral(number) == text


@pytest.mark.parametrize("text", ["", "百", "一一", "十十", "二十三四"])
def test_not_a_chinese_number(text):
    assert chinese_number(text) is None


def test_heading_gap_names_the_earlier_heading_and_the_expected_number(numbering):
    [diagnostic] = numbering.lint_text("九、甲\n内容。\n十、乙\n内容。\n十二、丙\n内容。")
    assert diagnostic.rule == "numbering.gap"
    assert diagnostic.matched == "十二、"
    assert "“十、”（3:1）" in diagnostic.message
    assert "“十一、”" in diagnostic.message


def test_a_space_before_the_headings_dunhao_still_counts_the_heading(numbering):
    """三 、 (a space typed before the 顿号: punctuation.space-beside-mark reports it) is heading 三, so 四、
    after it is no gap (held-out 14001)."""
    text = "一、爱国守法。\n二、按时到校。\n三 、遵守纪律。\n四、上好自修。"
    assert found(numbering, text) == []
    assert found(numbering, "一、爱国守法。\n二、按时到校。\n四、上好自修。") == [("gap", "四、", 3)]


def test_a_series_inside_a_series_item_does_not_stop_the_rules(numbering):
    """一是首先…其次…第三: 首先's series was ended by 一是 before 其次 met it (was KeyError: '首先')."""
    outcome = numbering.run(
        text_document("a.txt", "一是首先，统一思想认识；其次，明确责任分工；第三，狠抓工作落实。\n")
    )
    assert outcome.problems == []
    assert {d.rule for d in outcome.diagnostics} <= {"numbering.mixed-series"}


def test_a_document_may_start_mid_series(numbering):
    assert found(numbering, "（四）甲。\n（五）乙。\n十、丙\n（一）丁。\n（二）戊。") == []


def test_a_higher_heading_restarts_the_levels_below(numbering):
    text = "一、甲\n（一）子。\n（二）子。\n1.孙\n2.孙\n二、乙\n（一）子。\n1.孙\n（二）子。"
    assert found(numbering, text) == []


def test_gap_and_repeat_in_second_level_headings(numbering):
    text = "一、甲\n（一）子。\n（三）子。\n（三）子。\n（三）子。"
    # line 3 should be （二）; then line 4 is right, and line 5 repeats it
    assert found(numbering, text) == [("gap", "（三）", 3), ("repeat", "（三）", 5)]


def test_a_higher_level_after_a_lower_one_in_the_same_section_is_reported(numbering):
    assert found(numbering, "一、甲\n1.子\n（一）孙") == [("level-order", "（一）", 3)]


def test_an_inversion_repeated_in_each_section_is_reported_in_each(numbering):
    # a plan's 1.前期准备 2.活动中期 each holding （一）（二）: every item under them is out of order
    # (each wants its own （1）（2）), not only the first
    first = "四、准备工作\n1.前期准备：\n（一）撰写策划。\n（二）招募志愿者。\n"
    text = first + "2.活动中期：\n（一）收集故事。\n（二）制作课件。\n五、活动环节\n（一）宣传。\n（二）总结。"
    assert found(numbering, text) == [
        ("level-order", "（一）", 3),
        ("level-order", "（二）", 4),
        ("level-order", "（一）", 6),
        ("level-order", "（二）", 7),
    ]


def test_series_continue_across_hard_line_breaks_inside_a_paragraph(numbering):
    text = "比如，一是成效甲；\n继续叙述；\n着力打造品牌。二是成效乙。四是成效丁。"
    assert found(numbering, text) == [("gap", "四是", 3)]


def test_mixed_series_names_both_items(numbering):
    [diagnostic] = numbering.lint_text("会议要求：一是提高站位，二要压实责任。")
    assert diagnostic.rule == "numbering.mixed-series"
    assert "“一是”（1:6）" in diagnostic.message
    assert "“二是”" in diagnostic.message


def test_a_word_series_opened_inside_a_clause_goes_on_from_there(numbering):
    # 人民日报 2019: 一是……三是…… then 这首先是……；其次，…… in the same paragraph: 其次 follows that 首先
    text = "原因有三个。一是甲。二是乙。三是丙。这首先是基于实力；其次，中国的发展足以承办。"
    assert found(numbering, text) == []
    # without the 首先 the 其次 still goes on from 三是 and is reported
    assert found(numbering, "原因有三个。一是甲。二是乙。三是丙。其次，中国的发展足以承办。") == [
        ("mixed-series", "其次", 1)
    ]


def test_series_of_words_mixed_with_ordinals(numbering):
    assert found(numbering, "首先要统一思想。其次要明确责任。第三，狠抓落实。") == [("mixed-series", "第三", 1)]


def test_a_paragraph_series_continues_inside_its_paragraph(numbering):
    text = "一是抓实结对帮扶。内容。二是抓实驻村帮扶。\n三是抓实企业帮扶。"
    assert found(numbering, text) == []


def test_a_series_begun_inside_a_later_paragraph_goes_on_at_line_starts(numbering):
    # 人民日报 2025: 一是…四是 at line starts, then 发力。一是… inside a paragraph, 二是 and 三是 on new lines
    first = "一是甲的关系。\n二是乙的关系。\n三是丙的关系。\n四是丁的关系。\n"
    text = (
        first
        + "接下来仍需在以下三个关键点上发力。一是在发展理念上转变。\n二是在核心目标上统筹。\n三是在实现路径上落实。"
    )
    assert found(numbering, text) == []
    # without the restart the line's 二是 still repeats the first series
    assert found(numbering, first + "接下来仍需发力。\n二是在核心目标上统筹。") == [("repeat", "二是", 6)]
    # an inner 一是 that 三是 does not continue keeps the first series counting
    assert found(numbering, "一是甲。\n二是乙。\n其中一是丙。\n三是丁。") == []


def test_inner_series_of_another_kind_inside_paragraph_items_is_fine(numbering):
    text = "一要突出政治建设。一是加强学习，二是巩固成果。\n二要突出政治标准。一是树好导向，二是管好干部。"
    assert found(numbering, text) == []


def test_the_same_series_at_two_levels_is_reported_once_per_paragraph(numbering):
    text = "一要突出政治建设。一要加强学习，二要巩固成果。\n二要突出政治标准。一要树好导向，二要管好干部。"
    assert found(numbering, text) == [("nested-series", "一要", 1), ("nested-series", "一要", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "实事求是，一是一，二是二。",
        "党中央集中统一是根本。坚持安全第一、预防为主。",
        "推动第一、二、三产业融合，选派驻村第一书记，做到第一时间响应。",
        "坚持依法治国首先要坚持依宪治国。最后一公里问题要解决。",
        "最后，谢谢大家。其次的问题不大。",
    ],
)
def test_words_that_are_not_series_markers(numbering, text):
    assert found(numbering, text) == []


def test_a_headings_section_resets_the_paragraph_series(numbering):
    text = "一、甲\n一要抓落实。\n二要抓考核。\n二、乙\n一要抓落实。\n二要抓考核。"
    assert found(numbering, text) == []


def test_seed_004_reuses_one_series_at_two_levels(numbering):
    diagnostics = numbering.lint_text(S004.read_text(encoding="utf-8"))
    assert [(d.rule, d.matched, d.span.line) for d in diagnostics] == [
        ("numbering.nested-series", "一要", 13),
        ("numbering.nested-series", "一要", 14),
        ("numbering.nested-series", "一要", 15),
    ]
    assert "（13:1）" in diagnostics[0].message


@pytest.mark.parametrize("seed", [S000, S001, S002, S003], ids=lambda p: p.name[:3])
def test_legitimate_numbering_in_seeds_is_silent(numbering, seed):
    assert numbering.lint_text(seed.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("{report: gaps, clause_boundary: '[。]'}", "params.report"),
        ("{report: gap}", "params.clause_boundary"),
        ("{report: gap, clause_boundary: '[。]', series: 一是}", "params.series"),
        ("{report: gap, clause_boundary: '[。]', resets: '('}", "params.resets"),
        ("{report: gap, clause_boundary: '[。]', series: [{name: x, regex: '(一)是'}]}", "params.series[0]"),
        (
            "{report: gap, clause_boundary: '[。]', series: [{name: x, regex: '(?P<n>一)', words: 1}]}",
            "params.series[0]",
        ),
        ("{report: gap, clause_boundary: '[。]', series: [{name: x, regex: '(?P<n>一', }]}", "params.series[0]"),
    ],
)
def test_bad_params_name_the_field(params, field):
    raw = (
        "pack: p\nrules:\n  - {id: r, title: t, severity: warning, kind: numbering, message: m, rationale: r,"
        f" source: s, params: {params}, examples: {{bad: [x], good: [y]}}}}\n"
    )
    with pytest.raises(PackError) as error:
        Linter(parse_pack(raw, "p.yaml").rules)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("一.提高政治站位\n内容。", "numbering.heading-mark"),
        ("（一）、加强组织领导", "numbering.bracket-mark"),
        ("1、加强组织领导", "numbering.arabic-mark"),
        ("第一、统一思想。", "numbering.ordinal-mark"),
    ],
)
def test_a_wrong_mark_is_reported_once_by_all_packs(linter, text, rule):
    assert [d.rule for d in linter.lint_text(text)] == [rule]


def test_the_bracket_mark_message_shows_the_whole_ordinal(numbering):
    [diagnostic] = numbering.lint_text("（三）、强化督促检查")
    assert diagnostic.matched == "（三）、"
    assert "应为“（三）”" in diagnostic.message


def test_an_attachment_note_starts_a_new_numbering(numbering):
    text = (
        "三、保障措施\n1.加强领导。\n2.强化考核。\n3.严格问责。\n附件：1.任务分工表\n      2.考核细则\n附件1\n一、总则"
    )
    assert found(numbering, text) == []


def suggestions(linter, text):
    return [(d.rule.split(".")[1], d.matched, d.message.rsplit("应为", 1)[-1]) for d in linter.lint_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two headings swapped: 三、 should be 二、 and 二、 should be 三、; 四、 then follows
        ("一、甲\n二、乙\n四、丁\n三、丙\n五、戊", [("gap", "四、", "“三、”"), ("repeat", "三、", "“四、”")]),
        ("一、甲\n三、丙\n二、乙\n四、丁", [("gap", "三、", "“二、”"), ("repeat", "二、", "“三、”")]),
        ("一是甲；三是丙；二是乙；四是丁。", [("gap", "三是", "“二是”"), ("repeat", "二是", "“三是”")]),
        # the gapped number repeated: once the first is renumbered, the second is right
        ("一、甲\n三、乙\n三、丙", [("gap", "三、", "“二、”")]),
    ],
)
def test_suggestions_on_one_series_agree(numbering, text, expected):
    assert suggestions(numbering, text) == expected


def test_a_suggested_heading_has_its_levels_own_mark(linter):
    gaps = [d for d in linter.lint_text("1、甲\n2、乙\n4、丁") if d.rule == "numbering.gap"]
    assert [d.message.rsplit("应为", 1)[-1] for d in gaps] == ["“3.”"]


def test_a_heading_followed_by_a_year_is_a_heading(numbering):
    assert found(numbering, "一、2023年工作回顾\n内容。\n二、2024年工作安排\n内容。\n三、政府自身建设") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("关于防汛工作的通知\n二、压实责任\n三、排查隐患", [("start", "二、", 2)]),
        ("一、总体要求\n（二）基本原则\n（三）目标", [("start", "（二）", 2)]),
        ("一、总体要求\n（一）原则\n1.甲\n3.丙", [("gap", "3.", 4)]),
    ],
)
def test_a_numbering_that_does_not_start_at_one(numbering, text, expected):
    assert found(numbering, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "二、压实责任\n三、排查隐患",  # an excerpt: nothing before it
        "关于防汛工作的通知\n三、排查隐患\n四、加强值守",  # an excerpt starting further on
        "一、甲\n（一）子。\n（二）子。\n二、乙\n（三）子。",  # numbered on across sections
        "四、甲\n（四）子。\n（五）子。",  # an excerpt's sub-series goes on from text left out
    ],
)
def test_numberings_that_legitimately_start_above_one(numbering, text):
    assert found(numbering, text) == []


def test_items_whose_text_starts_with_a_date_keep_their_numbers(numbering):
    first, dated, month, last = (
        "1.各学院督促师生登录系统。\n",
        "2.2018年4月20日前，各学院成立工作小组。\n",
        "3.5月18日前，各学院提交材料。\n",
        "4.检查期间，各学院及时反馈问题。\n",
    )
    # the series is whole; only the hint that 2.2018年 and 3.5月 read as decimals is given
    assert [(rule, line) for rule, _, line in found(numbering, first + dated + month + last)] == [
        ("arabic-mark-runs-into-date", 2),
        ("arabic-mark-runs-into-date", 3),
    ]
    skipped = first + dated + last
    assert [rule for rule, _, line in found(numbering, skipped) if rule != "arabic-mark-runs-into-date"] == ["gap"]


def test_an_item_whose_text_starts_with_a_digit_continues_the_series(numbering):
    """A glossary's 21.5+2就业之家 after 20. is item 21, not a decimal (2026年江西政府工作报告 名词解释)."""
    glossary = (
        "19.GEP核算：生态产品总值。\n20.2026年10件民生实事：加大就业帮扶。\n"
        "21.5+2就业之家：覆盖省市县。\n22.百羽争锋：羽毛球联赛。\n"
    )
    assert [rule for rule, _, _ in found(numbering, glossary) if rule == "gap"] == []
    # out of order it is still no item: 1.5 opens a line after 3.
    decimal = "3.甲。\n1.5倍以上的增幅。\n4.乙。\n"
    assert [rule for rule, _, _ in found(numbering, decimal)] == []
    # a new section's first line does not continue the last section's 1. series
    sections = "一、总体要求\n1.加强领导。\n二、工作内容\n2要素保障到位。\n"
    assert [rule for rule, _, _ in found(numbering, sections) if rule == "unmarked-item"] == []


def test_each_article_starts_its_own_list_and_the_sections_around_articles_go_on(numbering):
    """第九条 …（一） then 第十条 …（一）: each article of a law or charter numbers its items from （一）;
    the 一、 sections that hold articles count on across them (a reset of every level made 二、 a new start)."""
    law = (
        "第九条　市政府履行下列职责：\n（一）执行法律。\n"
        "第十条　镇政府履行下列职责：\n（一）落实责任；\n（二）指导村委会。"
    )
    assert found(numbering, law) == []
    sections = "一、一般规定\n第一条　相互委托送达。\n第二条　以中文提出。\n二、送达\n第三条　出具委托书。\n四、附则"
    assert found(numbering, sections) == [("gap", "四、", 6)]


def test_a_section_heading_after_an_articles_items_of_the_same_marks_goes_on(numbering):
    """最高人民法院's 担保制度解释 (2020-12-31): （一）……的效力 heads a section, an article inside it lists
    （一）（二）（三）, and （二）不动产抵押 heads the next section: no repeat of （二）."""
    law = (
        "三、关于担保物权\n（一）担保合同与担保物权的效力\n第四十五条　人民法院应当分别处理：\n"
        "（一）应当裁定准许拍卖；\n（二）可以裁定准许拍卖；\n（三）裁定驳回申请。\n"
        "（二）不动产抵押\n第四十六条　人民法院应予支持。\n（三）动产与权利担保\n第五十四条　处理如下。"
    )
    assert found(numbering, law) == []
    # an article's own item repeated is still reported, and a section heading that skips one too
    items = "（一）总则\n第一条　职责如下：\n（一）执行法律；\n（二）落实责任；\n（二）指导村委会。"
    assert [rule for rule, *_ in found(numbering, items)] == ["repeat"]
    skipped = "（一）总则\n第一条　职责如下：\n（一）执行法律；\n（二）落实责任。\n（四）附则\n第二条　施行。"
    assert [rule for rule, *_ in found(numbering, skipped)] == ["gap"]


def test_a_first_heading_typed_as_a_bar_still_counts_as_one(numbering):
    # held-out 12501: ―、申报评审范围 then 二、申报条件 (punctuation.dash-for-heading-yi reports the bar)
    assert found(numbering, "各有关单位：\n―、申报评审范围\n内容。\n二、申报条件\n内容。") == []
    assert [rule for rule, *_ in found(numbering, "各有关单位：\n―、申报评审范围\n内容。\n三、申报条件\n内容。")] == [
        "gap"
    ]


def test_a_heading_may_begin_with_a_numeral_word_but_not_with_a_second_mark(numbering):
    assert found(numbering, "一、一般规定\n内容。\n三、附则") == [("gap", "三、", 3)]
    assert found(numbering, "一、总则\n一、二、三产业融合发展。\n二、附则") == []  # 一、二、 is a series of numbers


def test_a_series_opened_after_its_subject_repeats_no_earlier_series(numbering):
    # 一要 after the subject (部门一要) is taken for no item; 二要 goes on from it, not from the line before
    text = "会议要求：一要加强学习；二要强化落实。\n全市各级财政部门一要加强内控管理；二要强化库款管理；三要深化改革。"
    assert [f for f in found(numbering, text) if f[0] == "repeat"] == []
    # a real repeat inside one clause series is still reported
    repeated = "会议要求：一要加强学习；二要强化落实；二要深化改革。"
    assert [f for f in found(numbering, repeated) if f[0] == "repeat"] == [("repeat", "二要", 1)]


def test_a_list_begun_again_under_an_unnumbered_subheading_repeats_nothing(numbering):
    # held-out 9703: 1. items under short subheadings without numbers (Markdown headings in the source)
    text = (
        "技改方向\n其他技改项目\n1. 完成双网对接\n我的主页\n1. 构建事件推送体系\n2. 依托切面编程\n"
        "日常运维\n1. 提供解决方案\n"
    )
    assert [d for d in found(numbering, text) if d[0] == "repeat"] == []


def test_a_top_heading_written_twice_is_still_a_repeat(numbering):
    assert ("repeat", "一、", 3) in found(numbering, "一、总体要求\n内容。\n一、重点任务\n内容。\n")


def test_a_ranking_next_comes_twice_is_no_repeated_series_word(numbering):
    # 其次为 after 最多的是 / 排在第一位的是 in two paragraphs of 中央纪委's figures (新闻联播 2015-04-20)
    ranking = "通报案件最多的是北京。其次为江苏和山东。\n排在第一位的是公车案件，其次为津贴补贴案件。\n"
    assert [d for d in numbering.lint_text(ranking) if d.rule == "numbering.repeat"] == []
    series = "首先，统一思想。其次，明确责任。其次，狠抓落实。\n"
    assert [d.matched for d in numbering.lint_text(series) if d.rule == "numbering.repeat"] == ["其次"]


def test_a_series_item_after_a_quotation_that_ends_its_sentence_counts(numbering):
    # held-out 16406: ……可以继续办下去。”二是规范管理 — 二是 was skipped and 三是 reported as a gap after 一是
    text = "建立流动警务室，一是前移警务，群众说：“希望继续办下去。”二是规范管理，统一培训。三是不拘一格，服务群众。\n"
    assert found(numbering, text) == []
    assert ("gap", "四是", 1) in found(numbering, text.replace("二是", "四是"))


def test_items_indented_with_a_no_break_space_are_items(numbering):
    # held-out 17303: items 7. and 8. indented with U+00A0 were not seen, so 9. was reported as a gap after 6.
    text = "".join(f"{chr(0xA0) if n in (7, 8) else ''}{n}.第{n}项要求。\n" for n in range(1, 10))
    assert [f for f in found(numbering, text) if f[0] == "gap"] == []


def test_a_higher_heading_inside_a_series_is_reported_not_the_series_it_interrupts(numbering):
    """（一）（二）（三） as the document's top level, then 一、 with its own 1. 2., then （四）（五）: the 一、 is
    out of place; （四） and （五） resume their series (held-out 22401 reported both and not the 一、)."""
    text = (
        "（一）项目概要\n内容。\n（二）建设内容\n内容。\n（三）利益联结机制\n"
        "一、利益连接机制\n1.合作社建设。\n2.合作社保证。\n（四）项目运行方式\n内容。\n（五）项目实施管理\n内容。"
    )
    assert found(numbering, text) == [("level-order", "一、", 6)]
    # under a real top level the same （四） after 1. is still out of order
    assert found(numbering, "一、甲\n（一）子\n二、乙\n1.孙\n（二）子") == [("level-order", "（二）", 5)]


def test_a_list_numbered_without_any_points_is_reported_from_its_second_item(numbering):
    """1南通…  2无锡…  3徐州… (held-out 22602): no item has its point, so none continues a marked series; three or
    more lines numbered 1, 2, 3 in a row are such a list. Months and counts (1月, 2月, 3月) are not."""
    text = "会员企业名录：\n1南通百安谊家国际家居\n2无锡华厦家居港\n3徐州升辉国际家居\n4杭州恒大国际建材家居博览中心"
    assert found(numbering, text) == [("unmarked-item", "2", 3), ("unmarked-item", "3", 4), ("unmarked-item", "4", 5)]
    assert found(numbering, "工作安排：\n1月召开动员会。\n2月开展自查。\n3月组织验收。") == []
    assert found(numbering, "名录：\n1南通百安谊家\n2无锡华厦家居港") == []  # two lines are no list
    # once the list stands, its next number counts whatever word follows (12天津…, where 天 could be a unit)
    listed = "名录：\n1南通家居\n2无锡家居\n3徐州家居\n4天津家居\n5杭州家居"
    assert [line for _, _, line in found(numbering, listed)] == [3, 4, 5, 6]


def test_an_item_whose_text_starts_with_a_class_year_is_an_item(numbering):
    """1.2015级、2016级本科生； then 2. (held-out 23403): the first line is item 1, so 2. does not start the list."""
    text = "一、项目简介\n内容。\n二、选拔范围\n1.2015级、2016级本科生；\n2.曾获得奖学金；\n3.身心健康。"
    assert [rule for rule, _, _ in found(numbering, text) if rule in ("start", "gap")] == []
