"""The ``pairing`` check kind: unbalanced paired marks, with quotations running over paragraphs."""

from __future__ import annotations

import pytest
from pack_helpers import make_rule

from lint.checks.pairing import PairingCheck
from lint.packs import PackError
from lint.source import Document

PAIRS = ["“”", "‘’", "《》", "（）", "〔〕", "【】"]


def make_check(**params: object) -> PairingCheck:
    return PairingCheck(make_rule("pairing", params, id="test.pairing"))


def found(text: str, continued: tuple[str, ...] = ("“",)) -> list[tuple[int, str, str]]:
    """(offset, matched, mark) of every finding."""
    check = make_check(pairs=PAIRS, continued=list(continued))
    return [(f.start, text[f.start : f.end], f.fields["mark"]) for f in check.find(Document("t", text))]


def test_quote_opened_twice_closed_once_reports_the_first_opening():
    text = "关于“各县（市、区）35岁以下，应不少于总数的“10%”的要求，"
    assert found(text) == [(2, "“各县（市、区）35岁以下，应不少于总数的", "“")]


def test_the_finding_stops_at_the_sentence_end():
    assert found("坚决做到“两个维护。下一句“完整”。") == [(4, "“两个维护", "“")]


def test_closer_without_opener_runs_from_the_sentence_start():
    assert found("第一句。坚决做到两个维护”。") == [(4, "坚决做到两个维护”", "”")]


@pytest.mark.parametrize(
    "text",
    [
        "他说：“要落实‘三个区分开来’的要求。”",
        "《关于加强党的政治建设的意见》〔2019〕【注】（试行）",
        "Don’t worry，这是“说明”。",
        "",
        "没有任何成对标点。",
    ],
)
def test_balanced_and_nested_marks_are_silent(text):
    assert found(text) == []


def test_every_kind_of_pair_is_checked():
    assert [mark for _, _, mark in found("《条例（试行】")] == ["《", "（", "】"]


def test_crossed_marks_report_the_inner_opening():
    assert [mark for _, _, mark in found("他说：“好（注”）。")] == ["（", "）"]


class TestAcrossParagraphs:
    def test_quotation_reopened_at_each_paragraph_is_legal(self):
        assert found("他指出：“第一段。\n“第二段。\n“第三段。”") == []

    def test_crlf_paragraphs_and_blank_lines_between(self):
        assert found("他指出：“第一段。\r\n\r\n“第二段。”\r\n") == []

    def test_unclosed_quote_before_a_paragraph_without_reopening(self):
        text = "他指出：“第一段，\n第二段。"
        assert found(text) == [(4, "“第一段，", "“")]

    def test_unclosed_quote_in_the_last_paragraph(self):
        text = "“第一段。\n“第二段。"
        assert found(text) == [(6, "“第二段", "“")]

    def test_crlf_positions_are_offsets_in_the_file(self):
        text = "第一段。\r\n他说“好。\r\n"
        (finding,) = make_check(pairs=PAIRS, continued=["“"]).find(Document("t", text))
        assert Document("t", text).position(finding.start) == (2, 3)
        assert text[finding.start : finding.end] == "“好"

    def test_only_continued_marks_may_stay_open(self):
        assert [mark for _, _, mark in found("《第一段\n《第二段》")] == ["《"]
        assert found("“第一段\n“第二段”", continued=()) == [(0, "“第一段", "“")]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "params.pairs"),
        ({"pairs": ["“"]}, "params.pairs"),
        ({"pairs": ["““"]}, "params.pairs"),
        ({"pairs": ["“”", "”《"]}, "params.pairs"),
        ({"pairs": ["“”"], "continued": ["《"]}, "params.continued"),
        ({"pairs": ["“”"], "colour": 1}, "params.colour"),
    ],
)
def test_bad_params_name_the_field(params, field):
    with pytest.raises(PackError) as error:
        make_check(**params)
    assert error.value.field == field


class TestHalfWidth:
    def found(self, text: str) -> list[str]:
        check = make_check(pairs=PAIRS, half_width={"(": "（", ")": "）"})
        return [text[f.start] for f in check.find(Document("t", text))]

    def test_half_width_mark_completes_a_pair(self):
        assert self.found("各县（市、区)要落实") == []
        assert self.found("各县(市、区）要落实") == []

    def test_half_width_marks_are_never_reported(self):
        assert self.found("函数f(x，以及1)项") == []

    def test_full_width_mark_still_reported(self):
        assert self.found("各县（市、区要落实") == ["（"]

    def test_half_width_aliases_must_name_a_pair_mark(self):
        with pytest.raises(PackError) as error:
            make_check(pairs=PAIRS, half_width={"(": "<"})
        assert error.value.field == "params.half_width"


class TestNested:
    def found(self, text: str) -> list[tuple[str, str | None]]:
        """(matched, replacement) of every nested pair reported."""
        check = make_check(pairs=PAIRS, nested={"“”": "‘’"})
        return [(text[f.start : f.end], f.replacement) for f in check.find(Document("t", text))]

    def test_double_quotes_inside_double_quotes(self):
        assert self.found("他说：“要落实“三个区分开来”的要求。”") == [("“三个区分开来”", "‘三个区分开来’")]

    def test_the_inner_pairs_of_one_quotation_are_one_finding(self):
        assert self.found("“把“甲”和“乙”落实”") == [("“甲”和“乙”", "‘甲’和‘乙’")]

    def test_each_quotation_is_its_own_finding(self):
        assert self.found("“把“甲”落实”，“把“乙”落实”") == [("“甲”", "‘甲’"), ("“乙”", "‘乙’")]

    def test_the_count_of_inner_pairs_is_a_message_field(self):
        check = make_check(pairs=PAIRS, nested={"“”": "‘’"})
        (finding,) = check.find(Document("t", "“把“甲”“乙”“丙”落实”"))
        assert finding.fields["count"] == "3"

    def test_third_level_takes_double_quotes_again(self):
        assert self.found("“甲‘乙“丙”丁’戊”") == []

    def test_only_the_second_level_of_three_doubles_is_reported(self):
        assert self.found("“甲“乙“丙”丁”戊”") == [("“乙“丙”丁”", "‘乙“丙”丁’")]

    def test_inner_pair_holding_single_marks_gets_no_fix(self):
        assert self.found("“甲“乙‘丙’丁”戊”") == [("“乙‘丙’丁”", None)]
        assert self.found("“甲“乙”“丙‘丁’”戊”") == [("“乙”“丙‘丁’”", None)]

    @pytest.mark.parametrize(
        "text",
        [
            "他说：“要落实‘三个区分开来’的要求。”",
            "落实“三个区分开来”，做到“两个维护”。",
            "他指出：“第一段内容。\n“第二段“重点”内容。",  # the outer quotation is not closed in the paragraph
            "认真贯彻“各县落实“10%”的要求。",  # a missing closing mark, punctuation.unpaired's business
            "《关于“两个维护”的意见》",  # inside a title, not a quotation
            "他说“Don“t”",
        ],
    )
    def test_silent(self, text):
        assert self.found(text) == []

    def test_unmatched_marks_are_left_to_the_unpaired_rule(self):
        assert self.found("坚决做到两个维护”。“甲") == []

    @pytest.mark.parametrize("nested", [{"“": "‘’"}, {"“”": "‘"}, {"“《": "‘’"}])
    def test_bad_nested_params_name_the_field(self, nested):
        with pytest.raises(PackError) as error:
            make_check(pairs=PAIRS, nested=nested)
        assert error.value.field == "params.nested"

    def test_the_kind_offers_a_fix_only_with_nested(self):
        assert make_check(pairs=PAIRS, nested={"“”": "‘’"}).offers_fix
        assert not make_check(pairs=PAIRS).offers_fix


def test_a_bracketed_note_broken_over_two_lines_is_one_pair():
    assert (
        found("国务院工作规则\n（二〇〇四年六月十六日国务院\n第54次常务会议修订通过）\n第一条 为规范工作，制定本规则。")
        == []
    )


def test_an_opener_left_open_before_a_line_without_its_closer_is_still_reported():
    assert [mark for _, _, mark in found("要认真贯彻（市、区\n有关要求。\n")] == ["（"]
    assert [mark for _, _, mark in found("要认真贯彻（市、区\n\n有关要求）。\n")] == ["（", "）"]


def test_a_list_number_with_one_bracket_is_no_unopened_mark_where_markers_say_so():
    text = "响应行动：1）加强值守。\n2）及时上报。\n这段话）没有开括号。"
    spans = lambda check: [text[f.start : f.end] for f in check.find(Document("t", text))]  # noqa: E731
    markers = "(?:^|(?<=[：]))[0-9]{1,2}）"
    assert spans(make_check(pairs=PAIRS)) == ["响应行动：1）", "2）", "这段话）"]
    assert spans(make_check(pairs=PAIRS, markers=markers)) == ["这段话）"]


def test_markers_must_be_a_valid_regex():
    with pytest.raises(PackError, match="markers"):
        make_check(pairs=PAIRS, markers="(")
