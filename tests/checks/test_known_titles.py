"""The ``known_titles`` kind: a title off a closed list by a character or two, or retired before the as-of day."""

from __future__ import annotations

import datetime

import pytest
from pack_helpers import one_rule_error_field, one_rule_linter

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError

TITLE = r"'《中华人民共和国(?P<name>[\u4e00-\u9fff]{1,40}?法)》'"
TITLES = "[治安管理处罚法, 国家安全法, 妇女权益保障法, 合同法, 民法典, 监察法, 行政监察法]"
RETIRED = (
    "{合同法: {until: 2020-12-31, successor: 民法典, source: 民法典第一千二百六十条},"
    " 行政监察法: {until: 2018-03-19, successor: 监察法, source: 监察法第六十九条}}"
)


def titles_linter(report: str = "misnamed", extra: str = "") -> Linter:
    params = f"{{report: {report}, title: {TITLE}, titles: {TITLES}, retired: {RETIRED}{extra}}}"
    if report == "misnamed":
        return one_rule_linter(
            "known_titles",
            params,
            "{name}|{nearest}",
            "《中华人民共和国治安处罚法》",
            "《中华人民共和国治安管理处罚法》",
        )
    return one_rule_linter(
        "known_titles", params, "{name}|{nearest}|{until}", "《中华人民共和国合同法》", "《中华人民共和国民法典》"
    )


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("依据《中华人民共和国治安处罚法》处理。", ["治安处罚法|治安管理处罚法"]),  # two characters dropped
        ("依据《中华人民共和国治安管理管理处罚法》处理。", ["治安管理管理处罚法|治安管理处罚法"]),  # added
        ("贯彻《中华人民共和国妇女权益保护法》。", ["妇女权益保护法|妇女权益保障法"]),  # replaced in a long title
        ("学习《中华人民共和国国家公园法》。", []),  # five characters, one replaced: another law
        ("学习《中华人民共和国治安法》。", []),  # four characters dropped: too far to say which law
        ("依据《中华人民共和国治安管理处罚法》处理。", []),
        ("依据《中华人民共和国合同法》签订合同。", []),  # a listed title, retired or not
    ],
)
def test_a_title_a_character_or_two_off_the_list(text: str, messages: list[str]) -> None:
    assert [d.message for d in titles_linter().lint_text(text)] == messages


def test_the_fix_writes_the_listed_title() -> None:
    text = "依据《中华人民共和国治安处罚法》处理。"
    fixed, count = apply_fixes(text, titles_linter().lint_text(text), unsafe=True)
    assert (fixed, count) == ("依据《中华人民共和国治安管理处罚法》处理。", 1)


def test_a_retired_title_is_reported_only_after_its_day() -> None:
    linter = titles_linter("retired")
    text = "依据《中华人民共和国合同法》签订，依照《中华人民共和国行政监察法》处理。"
    at = datetime.date
    assert [d.message for d in linter.lint_text(text, as_of=at(2019, 6, 1))] == ["行政监察法|监察法|2018-03-19"]
    assert [d.message for d in linter.lint_text(text, as_of=at(2021, 1, 1))] == [
        "合同法|民法典|2020-12-31",
        "行政监察法|监察法|2018-03-19",
    ]
    assert linter.lint_text(text, as_of=at(2018, 3, 19)) == []  # the last day in force


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        (", retired: {合同法: {until: 2020-12-31, successor: 民法典}}", "params.retired.合同法"),  # no source
        (", retired: {买卖法: {until: 2020-12-31, successor: 民法典, source: s}}", "params.retired.买卖法"),
        (", report: everything", "params.report"),
        (", similarity: 0.8", "params.similarity"),  # an unknown parameter
    ],
)
def test_bad_params_are_pack_errors(extra: str, field: str) -> None:
    with pytest.raises(PackError) as raised:
        params = f"{{title: {TITLE}, titles: {TITLES}{extra}}}"
        one_rule_linter(
            "known_titles", params, "{name}", "《中华人民共和国治安处罚法》", "《中华人民共和国国家安全法》"
        )
    assert raised.value.field == field


def test_a_title_pattern_without_a_name_group_is_a_pack_error() -> None:
    params = f"{{title: '《(?P<law>[^》]+法)》', titles: {TITLES}}}"
    bad, good = "《中华人民共和国治安处罚法》", "《中华人民共和国国家安全法》"
    assert one_rule_error_field("known_titles", params, "{name}", bad, good) == "params.title"
