"""The ``width`` check kind: half-width marks in Chinese text, with their full-width forms."""

from __future__ import annotations

from typing import ClassVar

import pytest
from pack_helpers import make_rule

from lint.checks.width import WidthCheck
from lint.packs import PackError
from lint.source import Document

MARKS = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}


def make_check(**params: object) -> WidthCheck:
    return WidthCheck(make_rule("width", params, id="test.width"))


def found(text: str, **params: object) -> list[tuple[int, str, str | None]]:
    """(offset, matched, replacement) of every finding."""
    return [(f.start, text[f.start : f.end], f.replacement) for f in make_check(**params).find(Document("t", text))]


def fixed(text: str, **params: object) -> str:
    for finding in sorted(make_check(**params).find(Document("t", text)), key=lambda f: -f.start):
        assert finding.replacement is not None
        text = text[: finding.start] + finding.replacement + text[finding.end :]
    return text


class TestMarks:
    def test_marks_between_han_are_reported_with_their_position(self):
        assert found("中心组发言:高质量", marks=MARKS) == [(5, ":", "：")]

    def test_mark_at_paragraph_end_after_han(self):
        assert found("同志们:\n发言完毕,谢谢大家!", marks=MARKS) == [(3, ":", "："), (9, ",", "，"), (14, "!", "！")]

    def test_space_typed_after_the_mark_goes_with_it(self):
        assert found("会议决定, 明天开会", marks=MARKS) == [(4, ", ", "，")]
        assert fixed("会议决定, 明天开会", marks=MARKS) == "会议决定，明天开会"

    @pytest.mark.parametrize(
        "text",
        [
            "全县共有1,000余名党员",
            "会议于12:30开始",
            "男女比例为1:2",
            "He wrote: Hello, world!",
            "Hello, 世界",
            "访问 https://www.gov.cn/a?b=1,c=2 查询",
            "发邮件至 office;x@example.gov.cn",
            "推广“1+6”模式，打造1-2个示范点，推进3.0版建设",
            "使用Python,Java等语言",
        ],
    )
    def test_numbers_english_urls_are_silent(self, text):
        assert found(text, marks=MARKS) == []

    def test_mark_after_a_unit_or_abbreviation_inside_chinese_is_chinese(self):
        assert found("上连110KV,可随时扩大", marks=MARKS) == [(7, ",", "，")]
        assert found("使用WPS,然后保存", marks=MARKS) == [(5, ",", "，")]
        assert found("Hello, 世界", marks=MARKS) == []

    def test_mark_after_a_short_english_name_inside_chinese_is_chinese(self):
        # held-out 21401: Han text runs into a two-word English name before the comma
        assert found("第三轮Solo Time,且看", marks=MARKS) == [(12, ",", "，")]
        assert found("他说Thank you very much for coming,然后离开", marks=MARKS) == []
        assert found("写道：Hello World, 世界", marks=MARKS) == []

    def test_mark_after_number_before_han_is_chinese(self):
        assert found("增长5.2%,高于预期", marks=MARKS) == [(6, ",", "，")]
        assert found("时间:12:30", marks=MARKS) == [(2, ":", "：")]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("通过率100%!", "通过率100%！"),
            ("（以下简称《纲要》),", "（以下简称《纲要》)，"),
            ("认证于2015年:", "认证于2015年："),
        ],
    )
    def test_mark_ending_a_paragraph_whose_last_word_is_chinese(self, text, expected):
        assert fixed(text, marks=MARKS) == expected

    @pytest.mark.parametrize("text", ["通过ISO 9001!", "使用f(x),", "版本v2.0;"])
    def test_mark_ending_a_paragraph_after_latin_is_silent(self, text):
        assert found(text, marks=MARKS) == []

    def test_a_run_of_marks_is_judged_as_one(self):
        assert fixed("真的吗?!", marks=MARKS) == "真的吗？！"

    def test_crlf_paragraphs_keep_offsets(self):
        assert found("同志们:\r\n大家好!\r\n", marks=MARKS) == [(3, ":", "："), (9, "!", "！")]


class TestPeriod:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("会议决定召开全体会议.", "会议决定召开全体会议。"),
            ("会议已经结束.下午讨论", "会议已经结束。下午讨论"),
            ("他强调“要抓落实”.", "他强调“要抓落实”。"),
            ("要抓落实.”", "要抓落实。”"),
            ("拥有了难忘的美好时光.”吕校长也提出希望", "拥有了难忘的美好时光。”吕校长也提出希望"),
            ("他说‘好.’然后离开", "他说‘好。’然后离开"),
            ("会议结束.  \r\n下一段", "会议结束。  \r\n下一段"),
        ],
    )
    def test_sentence_end_after_han(self, text, expected):
        assert fixed(text, period="。") == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("同比增长15%.", "同比增长15%。"),
            ("收入增长8％.支出下降", "收入增长8％。支出下降"),
            ("占比为15%.\n下一段", "占比为15%。\n下一段"),
        ],
    )
    def test_sentence_end_after_a_percentage_in_chinese(self, text, expected):
        assert fixed(text, period="。") == expected

    @pytest.mark.parametrize("text", ["The rate rose by 15%.", "见表1（rate 15%.）", "增长15%.5"])
    def test_percentage_outside_chinese_is_silent(self, text):
        assert found(text, period="。") == []

    @pytest.mark.parametrize(
        "text",
        [
            "1.加强组织领导",
            "推进3.0版谈判",
            "一.总体要求",
            "（二）.具体措施",
            "第三.工作要求",
            "他沉默了...然后",
            "详见www.gov.cn",
            "Mr.王来了",
            "见附件.docx",
            "“Ltd.”公司",
            "“见第2.”条",
        ],
    )
    def test_numbering_decimals_ellipsis_urls_are_silent(self, text):
        assert found(text, period="。") == []


class TestQuotes:
    QUOTES: ClassVar[dict[str, str]] = {'"': "“”", "'": "‘’"}

    def test_pairs_in_order_become_opening_and_closing(self):
        assert found('深化"红色+"机制', quotes=self.QUOTES) == [(2, '"', "“"), (6, '"', "”")]

    def test_each_paragraph_starts_closed(self):
        assert fixed('他说"好"\n"行"。', quotes=self.QUOTES) == "他说“好”\n“行”。"

    def test_straight_quote_closing_a_curly_opening(self):
        assert fixed('“其身正,不令而行"，组织', quotes=self.QUOTES) == "“其身正,不令而行”，组织"

    def test_straight_quote_opening_before_a_curly_closing(self):
        assert fixed('一是"其身正”，二是"不令而行"', quotes=self.QUOTES) == "一是“其身正”，二是“不令而行”"

    def test_inner_single_quotes(self):
        assert fixed("他说：“落实'三个区分开来'。”", quotes=self.QUOTES) == "他说：“落实‘三个区分开来’。”"

    @pytest.mark.parametrize("text", ['The report says "on track".', "西安的拼音是Xi'an", "身高5'9\"的人"])
    def test_english_and_apostrophes_are_silent(self, text):
        assert found(text, quotes=self.QUOTES) == []


class TestBrackets:
    BRACKETS: ClassVar[dict[str, str]] = {"()": "（）"}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("各县(市、区)要落实", "各县（市、区）要落实"),
            ("各县（市、区)要落实", "各县（市、区）要落实"),
            ("各县(市、区）要落实", "各县（市、区）要落实"),
            ("(1)加强组织领导", "（1）加强组织领导"),
            ("国内生产总值(GDP)增长", "国内生产总值（GDP）增长"),
            ("(一)总体要求(试行)", "（一）总体要求（试行）"),
            ("全县实现生产总值(GDP)1102284万元", "全县实现生产总值（GDP）1102284万元"),
            ("国内生产总值(GDP)。", "国内生产总值（GDP）。"),
            # a space after the ordinal does not make it English
            ("(1) 加强组织领导", "（1） 加强组织领导"),
        ],
    )
    def test_pairs_become_full_width_together(self, text, expected):
        assert fixed(text, brackets=self.BRACKETS) == expected

    def test_only_the_half_width_side_of_a_mixed_pair_is_reported(self):
        assert found("各县（市、区)要落实", brackets=self.BRACKETS) == [(6, ")", "）")]

    @pytest.mark.parametrize(
        "text",
        [
            "设函数f(x)的值为正",
            "See item (a) of the annex.",
            "各县（市、区）要落实",
            "取值(x)y为正",
            "县委办发(2024)5号",
            "英文 (a) is a letter",
            "in (1) English",
        ],
    )
    def test_formulas_and_english_are_silent(self, text):
        assert found(text, brackets=self.BRACKETS) == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # a URL ends before the bracket that closes around it (the bracket is no part of the address)
            (
                "通过“温岭人才网” (www.wlrcw.com)或“温岭党建”(www.zjwldj.gov.cn)下载",
                "通过“温岭人才网” （www.wlrcw.com）或“温岭党建”（www.zjwldj.gov.cn）下载",
            ),
            ("详见政府网站(https://www.gov.cn/zhengce)。", "详见政府网站（https://www.gov.cn/zhengce）。"),
        ],
    )
    def test_a_bracket_around_a_url_pairs_with_its_opening(self, text, expected):
        assert fixed(text, brackets=self.BRACKETS) == expected

    def test_a_bracket_inside_a_url_stays_with_it(self):
        assert found("见https://zh.wikipedia.org/wiki/A_(B)页面", brackets=self.BRACKETS) == []

    @pytest.mark.parametrize(
        "text",
        [
            # held-out 25003, 24601: file names quoted as the files are called
            "【附件2：艺术设计(独立本科段)专业学位授予条件.doc】",
            "集成化电子政务平台OA产品功能规划2014(讨论稿) - 副本.pptx",
            "请下载附件：报名表(2024).XLSX，填好后交回。",
        ],
    )
    def test_brackets_inside_a_file_name_stay_with_it(self, text):
        assert found(text, brackets=self.BRACKETS) == []

    def test_a_file_name_ends_at_a_mark_before_it(self):
        # the bracket and the comma before the file name belong to the sentence
        assert [hit[1] for hit in found("各县(市、区)要抓好落实，见附件.doc。", brackets=self.BRACKETS)] == ["(", ")"]

    def test_a_lone_half_width_bracket_is_reported_without_fix(self):
        assert found("1)加强领导", brackets=self.BRACKETS) == [(1, ")", None)]
        (finding,) = make_check(brackets=self.BRACKETS).find(Document("t", "1)加强领导"))
        assert finding.fields["expected"] == "）"


class TestParams:
    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({}, "params.marks"),
            ({"marks": {",,": "，"}}, "params.marks"),
            ({"marks": {",": "，，"}}, "params.marks"),
            ({"marks": ["，"]}, "params.marks"),
            ({"quotes": {'"': "“"}}, "params.quotes"),
            ({"brackets": {"(": "（）"}}, "params.brackets"),
            ({"period": "。。"}, "params.period"),
            ({"marks": MARKS, "colour": 1}, "params.colour"),
        ],
    )
    def test_bad_params_name_the_field(self, params, field):
        with pytest.raises(PackError) as error:
            make_check(**params)
        assert error.value.field == field
        assert error.value.rule == "test.width"


def test_skipped_paragraphs_keep_their_half_width_marks():
    """A bibliography entry follows GB/T 7714, which writes . , : half-width (held-out 12903)."""
    entry = "[1]陈青青. 浅谈医院资源整合. 《行政事业资产与财务》, 2014(35):23-23"
    text = f"见文献,如下:\n{entry}"
    skip = r"[ \t\u3000]*[［\[][0-9]{1,3}[］\]]"
    assert [m for _, m, _ in found(text, marks=MARKS, skip_paragraphs=skip)] == [",", ":"]
    assert len(found(text, marks=MARKS)) > 2
