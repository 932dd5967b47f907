"""The ``punctuation`` pack end to end: positions, fixes, document-level conditions, seeds, clean texts."""

from __future__ import annotations

import pytest
from conftest import CLEAN, SEEDS

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import load_packs, select_rules


@pytest.fixture(scope="module")
def punctuation() -> Linter:
    return Linter(select_rules(load_packs(), select=["punctuation"]))


def report(linter: Linter, text: str) -> list[tuple[int, int, str, str]]:
    """(line, column, rule slug, matched) of every diagnostic."""
    return [(d.span.line, d.span.column, d.rule.split(".", 1)[1], d.matched) for d in linter.lint_text(text)]


def fix(linter: Linter, text: str, unsafe: bool = False) -> str:
    return apply_fixes(text, linter.lint_text(text), unsafe=unsafe)[0]


class TestPositionsAndFixes:
    def test_half_width_marks_lines_and_columns(self, punctuation):
        text = "中心组发言:高质量\r\n同志们:\r\n发言完毕,谢谢大家!"
        assert report(punctuation, text) == [
            (1, 6, "halfwidth-marks", ":"),
            (2, 4, "halfwidth-marks", ":"),
            (3, 5, "halfwidth-marks", ","),
            (3, 10, "halfwidth-marks", "!"),
        ]
        assert fix(punctuation, text) == "中心组发言：高质量\r\n同志们：\r\n发言完毕，谢谢大家！"

    def test_safe_fixes_leave_the_period_to_unsafe(self, punctuation):
        text = '他说:"会议结束".'
        assert fix(punctuation, text) == "他说：“会议结束”."
        assert fix(punctuation, text, unsafe=True) == "他说：“会议结束”。"

    def test_unpaired_quote_position_and_message(self, punctuation):
        text = "第一段。\r\n关于“各县（市、区）35岁以下，总数的“10%”的要求。"
        (diagnostic,) = punctuation.lint_text(text)
        assert (diagnostic.span.line, diagnostic.span.column) == (2, 3)
        assert diagnostic.matched.startswith("“各县")
        assert diagnostic.fix is None
        assert "“" in diagnostic.message and "”" in diagnostic.message

    def test_quotation_over_paragraphs_is_silent(self, punctuation):
        assert report(punctuation, "他指出：“第一段。\r\n“第二段。\r\n“第三段。”\r\n") == []


class TestDunhaoBetweenQuotedItems:
    MIXED = "着力解决“灯下黑”“两张皮”问题，防止“小富即安”、“小成即满”，推广《论语》、《孟子》。"

    def test_reported_only_where_the_document_also_omits_it(self, punctuation):
        assert report(punctuation, self.MIXED) == [(1, 26, "quoted-items-dunhao", "、")]

    def test_titles_follow_their_own_style(self, punctuation):
        text = self.MIXED + "\n学习《史记》《汉书》。"
        assert [r[2] for r in report(punctuation, text)] == ["quoted-items-dunhao", "titled-items-dunhao"]

    def test_fix_deletes_the_dunhao_as_unsafe(self, punctuation):
        assert fix(punctuation, self.MIXED) == self.MIXED
        assert "“小富即安”“小成即满”" in fix(punctuation, self.MIXED, unsafe=True)

    def test_consistent_dunhao_style_is_silent(self, punctuation):
        assert report(punctuation, "贯彻“一国两制”、“港人治港”、“澳人治澳”方针，加入《甲协定》、《乙协定》。") == []

    def test_bracketed_note_between_items_keeps_the_dunhao(self, punctuation):
        assert report(punctuation, "解决“灯下黑”“两张皮”问题，落实“三会一课”（每月）、“主题党日”制度。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议强调，，要抓好落实。", "会议强调，要抓好落实。"),
        ("要抓好落实，。下午讨论；；", "要抓好落实。下午讨论；"),
        ("难道不是吗？。是的、，", "难道不是吗？是的，"),
        ("他沉默了。。。然后说...好…", "他沉默了……然后说……好……"),
        ("企业、机关、学校……等领域", "企业、机关、学校等领域"),
        ("目标--全面小康，目标—“全面小康”", "目标——全面小康，目标——“全面小康”"),
    ],
)
def test_pattern_rules_fix(punctuation, text, expected):
    assert fix(punctuation, text, unsafe=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "这难道不是责任吗？！",
        "怎么办！？",
        "他沉默了……然后说",
        "打造1-2个项目，2010—2020年",
        "北京—上海特别快车",
        "长沙·来凤",
    ],
)
def test_legal_punctuation_is_silent(punctuation, text):
    assert report(punctuation, text) == []


def test_seed_defects(punctuation):
    by_seed = {p.name[:3]: punctuation.lint_text(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    rules = {seed: [(d.rule.split(".")[1], d.matched) for d in found] for seed, found in by_seed.items()}
    assert rules["001"].count(("halfwidth-marks", ":")) == 2
    assert rules["001"].count(("halfwidth-marks", "!")) == 1
    assert ("halfwidth-marks", ",") in rules["002"]
    assert [m for r, m in rules["002"] if r == "unpaired"] == [
        "“各县（市、区）35岁以下正科级领导干部配备，应不少于县直部门、乡镇党政正职总数的"
    ]
    assert rules["004"].count(("quoted-items-dunhao", "、")) == 2
    assert rules["000"] == rules["003"] == []


@pytest.mark.parametrize("path", sorted(CLEAN.glob("*.txt")), ids=lambda p: p.name)
def test_clean_texts_are_silent(punctuation, path):
    assert report(punctuation, path.read_text(encoding="utf-8")) == []


class TestSentenceLevelMarks:
    """The end of a paragraph, a closing formula, a numbered item, a series counted by a measure word."""

    PARAGRAPH = "会议要求，各单位要高度重视。要把安全生产摆在突出位置，落实“一岗双责”"

    @pytest.mark.parametrize(
        "after",
        [
            "\n二、工作安排\n",
            "\n（二）工作安排\n",
            "\n3.工作安排\n",
            "\n\n下一步，我们将继续开展活动。\n",
            "\n　　下一步，我们将继续开展活动。\n",
            "\n后勤保障处\n2025年1月3日\n",
        ],
    )
    def test_paragraph_end_is_reported_before_a_new_paragraph(self, punctuation, after):
        found = [r for r in report(punctuation, self.PARAGRAPH + after) if r[2] == "paragraph-missing-end-mark"]
        assert found == [(1, 15, "paragraph-missing-end-mark", "要把安全生产摆在突出位置，落实“一岗双责”")]

    @pytest.mark.parametrize(
        "after",
        ["", "\n", "\n\n", "\n不断压实各级责任，推动各项措施落地。\n", "\n深入，指导基层的针对性有待提高。\n"],
        ids=["last-line", "last-line-newline", "last-line-blank", "next-line-continues", "hard-wrap"],
    )
    def test_paragraph_end_is_silent_at_the_end_or_before_a_continuation(self, punctuation, after):
        rules = [r[2] for r in report(punctuation, self.PARAGRAPH + after)]
        assert "paragraph-missing-end-mark" not in rules

    def test_paragraph_end_fix_appends_a_full_stop_and_is_unsafe(self, punctuation):
        text = self.PARAGRAPH + "\n二、工作安排\n"
        assert fix(punctuation, text) == text
        assert fix(punctuation, text, unsafe=True) == self.PARAGRAPH + "。\n二、工作安排\n"

    def test_closing_formula_only_on_its_own_line(self, punctuation):
        text = "请相互转告。\n特此通知\n结尾可使用“特此通知”\n特此报告，请审阅\n"
        assert [r for r in report(punctuation, text) if r[2] == "closing-formula-missing-stop"] == [
            (2, 1, "closing-formula-missing-stop", "特此通知"),
            (4, 1, "closing-formula-missing-stop", "特此报告，请审阅"),
        ]

    def test_numbered_item_between_sentences_gets_its_stop(self, punctuation):
        text = "1.按时参加组织生活。\n2.按规定缴纳党费\n3.完成党组织分配的任务。\n4.总体要求\n5.工作任务\n"
        assert [r for r in report(punctuation, text) if r[2] == "list-item-missing-stop"] == [
            (2, 6, "list-item-missing-stop", "缴纳党费")
        ]

    @pytest.mark.parametrize(
        ("text", "found"),
        [
            ("全县开通了郑万，郑阜，商合杭三条线路。", "郑万，郑阜，商合杭三条"),
            ("走访了甲村，乙村，丙村，丁村四个村。", "甲村，乙村，丙村，丁村四个"),
            ("统筹兼顾，突出重点，抓好三项工作。", None),  # a verb takes the count: clauses, not items
            ("常委会突出重点，体现特点，主要做了四项工作。", None),  # 了 marks a clause
            ("全县开通了郑万、郑阜、商合杭三条线路。", None),
            ("全县开通了郑万，郑阜两条线路。", None),  # two items: too little to tell a series from clauses
        ],
    )
    def test_counted_series_commas(self, punctuation, text, found):
        hits = [r[3] for r in report(punctuation, text) if r[2] == "counted-series-commas"]
        assert hits == ([found] if found else [])


class TestQuotationsTitlesAndLists:
    """Quotation inside quotation, honours and events in title marks, counts run together, 有的 clauses."""

    def test_nested_quotes_one_finding_per_quotation_and_its_fix(self, punctuation):
        text = "他强调：“要把“四个意识”和“四个自信”落到实处。”\n会上指出：“做到“两个维护”。”"
        assert [(line, slug) for line, _, slug, _ in report(punctuation, text)] == [
            (1, "nested-double-quotes"),
            (2, "nested-double-quotes"),
        ]
        assert fix(punctuation, text, unsafe=True) == (
            "他强调：“要把‘四个意识’和‘四个自信’落到实处。”\n会上指出：“做到‘两个维护’。”"
        )
        assert fix(punctuation, text) == text  # the outer mark may be the missing one: not a safe fix

    def test_nested_quotes_leave_an_unclosed_quotation_to_unpaired(self, punctuation):
        slugs = [slug for _, _, slug, _ in report(punctuation, "认真贯彻“各县落实“10%”的要求。")]
        assert slugs == ["unpaired"]

    def test_honour_in_title_marks_is_a_safe_fix(self, punctuation):
        assert fix(punctuation, "荣获《先进基层党组织》称号。") == "荣获“先进基层党组织”称号。"

    def test_stop_outside_a_quotation_followed_by_its_speaker_moves_in_unsafely(self, punctuation):
        text = "“必须坚持。必须落实”。他在会上说道。列宁说过：“这才是郑重的党的标志”。"
        assert [slug for _, _, slug, _ in report(punctuation, text)] == ["stop-outside-whole-quotation"]
        assert fix(punctuation, text) == text
        assert (
            fix(punctuation, text, unsafe=True)
            == "“必须坚持。必须落实。”他在会上说道。列宁说过：“这才是郑重的党的标志”。"
        )

    def test_stop_outside_several_quoted_sentences_after_the_verb_is_left_as_central_texts_write_it(self, punctuation):
        # 新闻联播 2014-06-06: 李克强作出重要批示，批示指出：“……应予肯定。深化行政体制改革任重道远”。
        text = "批示指出：“行政审批制度改革成效显著，应予肯定。深化行政体制改革任重道远”。"
        assert "stop-outside-whole-quotation" not in [slug for _, _, slug, _ in report(punctuation, text)]

    def test_period_inside_a_quoted_honour_is_a_safe_fix(self, punctuation):
        assert fix(punctuation, "被评为“先进集体。”荣誉称号。") == "被评为“先进集体”荣誉称号。"

    @pytest.mark.parametrize(
        "text",
        [
            "开展《中华人民共和国民法典》宣传活动。",
            "印发《关于开展“我为群众办实事”实践活动的通知》。",
            "全村共有3组40户，2023年10月建成。",
            "2015年10年间，地址为351号2号楼。",
            "有的地方、有的部门还存在形式主义问题。",
            "“我们一定完成任务。”活动随即开始。",
            "他说：“落实‘三个区分开来’。”",
        ],
    )
    def test_near_misses_are_silent(self, punctuation, text):
        assert report(punctuation, text) == []

    @pytest.mark.parametrize(
        ("text", "slug", "matched"),
        [
            ("组织开展《学雷锋志愿服务活动》。", "title-marks-for-event", "《学雷锋志愿服务活动》"),
            ("走访2村3村4村。", "run-together-counts", "2村"),
            ("有的唱着歌、有的跳着舞。", "dunhao-between-youde-clauses", "、"),
        ],
    )
    def test_rule_reports_its_span(self, punctuation, text, slug, matched):
        assert (slug, matched) in [(s, m) for _, _, s, m in report(punctuation, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请于5月10日前报送名单。以便统一安排食宿。", "请于5月10日前报送名单，以便统一安排食宿。"),
        ("要建立台账。从而做到底数清。", "要建立台账，从而做到底数清。"),
        ("请妥善保管个人物品。以免丢失。", "请妥善保管个人物品，以免丢失。"),
        ("围绕流程优化、质量改进、以及数据管理交流。", "围绕流程优化、质量改进以及数据管理交流。"),
    ],
)
def test_a_full_stop_before_a_result_clause_and_a_dunhao_before_yiji(punctuation, text, expected):
    assert fix(punctuation, text, unsafe=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "结果按统一格式保存。以便于长期比较的格式归档。",  # 以 + 便于, not the conjunction 以便
        "按月计费。以免费额度推算，可用一年。",  # 以 + 免费
        "各单位要及时报送、及早部署。",  # 、及 is left alone: 及时, 及早
        "针对投资增长过快、流动性过剩，以及结构性物价上涨等问题。",
    ],
)
def test_what_only_looks_like_those_slips_is_silent(punctuation, text):
    slugs = [slug for _, _, slug, _ in report(punctuation, text)]
    assert "period-before-result-clause" not in slugs and "dunhao-before-yiji" not in slugs


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "京宝公司变“冬闲”为“冬忙”，早计划，早安排，早筹备，早启动的各项工作给予充分肯定。",
            "早计划，早安排，早筹备，早启动",
        ),
        ("严格按照合格供方名录，慎选，优选，精选施工队伍。", "慎选，优选，精选"),
    ],
)
def test_echoing_items_are_quoted_in_the_message(text, items):
    # both shapes (same first character before 的/等, same last character before an object) quote their items
    linter = Linter(select_rules(load_packs(), ["punctuation.echoing-items-commas"]))
    (found,) = linter.lint_text(text)
    assert found.matched == items and f"“{items}”" in found.message
