"""The ``pattern`` and ``substitution`` kinds and their shared context conditions."""

from __future__ import annotations

from typing import ClassVar

import pytest
from pack_helpers import found, make_rule

from lint.checks.pattern import PatternCheck
from lint.packs import PackError
from lint.source import Document


class TestOrder:
    ITEMS = ("道路自信", "理论自信", "制度自信", "文化自信")

    def test_a_permutation_is_reported_with_the_official_order(self):
        text = "坚定理论自信、道路自信、制度自信、文化自信。"
        assert found("pattern", text, order=list(self.ITEMS)) == [
            ("理论自信、道路自信、制度自信、文化自信", "、".join(self.ITEMS))
        ]

    def test_the_official_order_and_partial_lists_are_silent(self):
        assert found("pattern", "坚定道路自信、理论自信、制度自信、文化自信。", order=list(self.ITEMS)) == []
        assert found("pattern", "坚定理论自信、道路自信。", order=list(self.ITEMS)) == []

    def test_a_repeated_item_is_not_a_permutation(self):
        assert found("pattern", "理论自信、理论自信、制度自信、文化自信", order=list(self.ITEMS)) == []

    def test_the_separator_found_is_kept_in_the_fix(self):
        items = ["思想上", "政治上", "行动上"]
        assert found("pattern", "在政治上思想上行动上", order=items, separators=["", "、"]) == [
            ("政治上思想上行动上", "思想上政治上行动上")
        ]

    def test_mixed_separators_do_not_match(self):
        assert found("pattern", "理论自信、道路自信，制度自信、文化自信", order=list(self.ITEMS)) == []

    @pytest.mark.parametrize(
        "params", [{"order": ["甲"]}, {"order": ["甲", "甲"]}, {"order": ["甲", "乙"], "separators": "、"}]
    )
    def test_bad_order_params_are_pack_errors(self, params):
        with pytest.raises(PackError):
            found("pattern", "", **params)


class TestTranslate:
    def test_characters_of_the_match_are_mapped(self):
        assert found(
            "pattern", "２０２４年", regex="[０-９]+", translate={"from": "０１２３４５６７８９", "to": "0123456789"}
        ) == [("２０２４", "2024")]

    def test_a_single_target_character_takes_every_source(self):
        assert found("pattern", "二0一○年", regex="二[0○一]{3}", translate={"from": "0○", "to": "〇"}) == [
            ("二0一○", "二〇一〇")
        ]

    @pytest.mark.parametrize(
        "params",
        [
            {"translate": {"from": "ab", "to": "xyz"}},
            {"translate": {"from": "a"}},
            {"translate": {"from": "a", "to": "b"}, "replacement": "c"},
        ],
    )
    def test_bad_translate_params_are_pack_errors(self, params):
        with pytest.raises(PackError):
            found("pattern", "", regex="a", **params)


class TestExactlyOneSource:
    @pytest.mark.parametrize("params", [{}, {"words": ["a"], "regex": "a"}, {"regex": "a", "order": ["a", "b"]}])
    def test_none_or_two_sources_are_pack_errors(self, params):
        with pytest.raises(PackError):
            found("pattern", "", **params)


class TestQuoted:
    def test_inside_a_quotation_is_silent(self):
        assert found("substitution", "他说“甲乙丙”。", wrong="乙", right="丁", unless_quoted=True) == []

    def test_outside_is_reported(self):
        assert found("substitution", "“甲”乙。", wrong="乙", right="丁", unless_quoted=True) == [("乙", "丁")]

    def test_an_unclosed_quote_earlier_in_the_paragraph_does_not_hide_the_match(self):
        text = "关于“甲的要求。再说乙，然后“丙”。"
        assert found("substitution", text, wrong="乙", right="丁", unless_quoted=True) == [("乙", "丁")]

    def test_a_quotation_ends_with_its_paragraph(self):
        assert found("substitution", "“甲\n乙”", wrong="乙", right="丁", unless_quoted=True) == [("乙", "丁")]

    def test_a_quotation_of_several_paragraphs_reopens_each(self):
        # GB/T 15834: each paragraph of a long quotation opens with “, only the last closes (最高人民法院 2016)
        text = "增加一条：“甲乙丙。\n“丁戊。”"
        assert found("substitution", text, wrong="乙", right="丁", unless_quoted=True) == []
        assert found("substitution", "增加一条：“甲乙丙。\n丁戊。", wrong="乙", right="丁", unless_quoted=True) == [
            ("乙", "丁")
        ]


class TestDocumentConditions:
    def test_only_if_document_matches(self):
        params = {"wrong": "乙", "right": "丁", "only_if_document_matches": "甲"}
        assert found("substitution", "乙", **params) == []
        assert found("substitution", "甲。乙", **params) == [("乙", "丁")]

    def test_unless_document_matches(self):
        params = {"regex": "乙", "unless_document_matches": "甲"}
        assert found("pattern", "乙", **params) == [("乙", None)]
        assert found("pattern", "甲。乙", **params) == []

    def test_bad_regex_is_a_pack_error(self):
        with pytest.raises(PackError):
            found("pattern", "", regex="a", unless_document_matches="(")

    def test_unless_document_has_is_filled_in_from_each_match(self):
        params = {"regex": "(?P<n>[一二三])号", "unless_document_has": "甲{n}"}
        assert found("pattern", "甲一。一号，二号", **params) == [("二号", None)]

    def test_unless_document_has_escapes_what_it_fills_in(self):
        params = {"regex": "(?P<n>[.])号", "unless_document_has": "甲{n}"}
        assert found("pattern", "甲x。.号", **params) == [(".号", None)]

    def test_unless_document_has_naming_no_group_is_a_pack_error(self):
        with pytest.raises(PackError, match="unless_document_has"):
            found("pattern", "", regex="(?P<n>a)", unless_document_has="{m}")

    def test_unless_document_has_leaves_quantifiers_alone(self):
        params = {"regex": "(?P<n>a)b", "unless_document_has": "x{2}{n}"}
        assert found("pattern", "xxa ab", **params) == []
        assert found("pattern", "xa ab", **params) == [("ab", None)]


class TestPrecededFollowed:
    def test_context_before_and_after(self):
        params = {"wrong": "乙", "right": "丁", "unless_preceded_by": "甲", "unless_followed_by": "丙"}
        assert found("substitution", "甲乙，乙丙，乙", **params) == [("乙", "丁")]


class TestLineCondition:
    def test_unless_line_matches_looks_at_the_whole_line_of_the_match(self):
        params = {"regex": "乙", "unless_line_matches": "^甲[^，]*丙$"}
        assert found("pattern", "甲乙丙\n甲乙，丙\n乙", **params) == [("乙", None), ("乙", None)]

    def test_unless_line_matches_a_bad_regex_is_a_pack_error(self):
        with pytest.raises(PackError, match="unless_line_matches"):
            found("pattern", "", regex="a", unless_line_matches="(")


class TestWholeLine:
    def test_only_whole_lines_match_and_the_span_skips_indentation(self):
        text = "正文来源于此\n  来源：人民网  \n"
        check = PatternCheck(make_rule("pattern", {"regex": "来源：\\S+", "whole_line": True}))
        spans = [(f.start, f.end) for f in check.find(Document("t", text))]
        assert [text[s:e] for s, e in spans] == ["来源：人民网"]

    def test_the_conditions_around_a_whole_line_are_kept(self):
        # a whole-line rule's unless_followed_by and unless_preceded_by were ignored: the line after a dateline
        # tells a repost's metadata block (链接：) from a news page's bare dateline
        text = "时间：2017-12-13\n正文。\n日期：2014-04-29\n链接：http://a.htm\n"
        params = {"regex": "(?:时间|日期)：\\S+", "whole_line": True, "unless_followed_by": "\\n链接："}
        check = PatternCheck(make_rule("pattern", params))
        assert [text[f.start : f.end] for f in check.find(Document("t", text))] == ["时间：2017-12-13"]


class TestSkipFormats:
    PARAMS: ClassVar[dict[str, object]] = {"regex": "(?m)^1\\.(?P<hit> )", "skip_formats": ["markdown"]}

    def spans(self, text: str, fmt: str) -> list[tuple[int, int]]:
        check = PatternCheck(make_rule("pattern", self.PARAMS))
        return [(f.start, f.end) for f in check.find(Document("t", text, format=fmt))]

    def test_a_skipped_format_gets_nothing_and_the_others_are_linted(self):
        text = "1. 申请书"
        assert self.spans(text, "markdown") == []
        assert self.spans(text, "text") == [(2, 3)]
        assert self.spans(text, "docx") == [(2, 3)]

    def test_an_unknown_format_is_a_pack_error_naming_the_field(self):
        with pytest.raises(PackError, match="skip_formats"):
            PatternCheck(make_rule("pattern", {"regex": "a", "skip_formats": ["md"]}))


BYLINE = {"wrong": "乙", "right": "丁", "unless_header_matches": "^\\s*甲\\s*$"}


class TestHeaderCondition:
    """unless_header_matches: who speaks, read from the document's first lines only."""

    def test_a_byline_alone_on_a_header_line_silences_the_document(self):
        text = "在某会议上的讲话\n（2018年7月3日）\n甲\n同志们：\n乙"
        assert found("substitution", text, **BYLINE) == []

    def test_the_name_inside_a_sentence_is_not_a_byline(self):
        text = "在某会议上的讲话\n学习甲同志的讲话。\n乙"
        assert found("substitution", text, **BYLINE) == [("乙", "丁")]

    def test_a_line_past_the_header_does_not_count(self):
        body = "".join(f"第{i}段。\n" for i in range(12))
        assert found("substitution", body + "甲\n乙", **BYLINE) == [("乙", "丁")]

    def test_blank_lines_do_not_use_up_the_header(self):
        text = "\n\n\n\n\n\n\n\n\n标题\n甲\n乙"
        assert found("substitution", text, **BYLINE) == []

    def test_an_opening_sentence_in_the_header_matches_too(self):
        params = {"regex": "乙", "unless_header_matches": "我代表第[一二三四五六七八九十]+届中央委员会"}
        assert found("pattern", "同志们：\n现在，我代表第十九届中央委员会向大会作报告。\n乙", **params) == []
        assert found("pattern", "同志们：\n乙", **params) == [("乙", None)]

    def test_bad_regex_is_a_pack_error(self):
        with pytest.raises(PackError):
            found("pattern", "", regex="a", unless_header_matches="(")


def test_unless_paragraph_matches_looks_back_to_the_start_of_the_paragraph_only():
    params = {"regex": "乙", "unless_paragraph_matches": "甲指出，"}
    assert found("pattern", "甲指出，一二三。四五六，乙。", **params) == []
    assert found("pattern", "乙。甲指出，一二三。", **params) == [("乙", None)]  # after the match: no
    assert found("pattern", "甲指出，一二三。\n乙。", **params) == [("乙", None)]  # another paragraph
    with pytest.raises(PackError):
        found("pattern", "", regex="a", unless_paragraph_matches="(")


def test_a_caret_in_unless_paragraph_matches_is_the_start_of_any_paragraph():
    """bench/central 099: 习近平指出， opening the sixth paragraph of a Xinhua release; ``^`` matched only at
    the start of the whole text, so the exemption worked in the first paragraph alone."""
    params = {"regex": "乙", "unless_paragraph_matches": "^甲指出，"}
    assert found("pattern", "甲指出，一二三。乙。", **params) == []
    assert found("pattern", "丙。\n甲指出，一二三。乙。", **params) == []
    assert found("pattern", "丙。\r甲指出，一二三。乙。", **params) == []
    assert found("pattern", "丙。\n丁甲指出，一二三。乙。", **params) == [("乙", None)]  # not at the start
