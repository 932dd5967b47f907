"""The ``near_phrase`` kind: a listed formulation with one character replaced by one of the same sound."""

from __future__ import annotations

import pytest
from pack_helpers import one_rule_linter

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError

PHRASES = "[新发展格局, 新发展理念, 社会主义核心价值观, 总体国家安全观, 党的全面领导]"


def phrase_linter(params: str = f"{{phrases: {PHRASES}}}") -> Linter:
    return one_rule_linter(
        "near_phrase", params, "{phrase}|{wrong}|{right}", "加快构建新发展各局。", "加快构建新发展格局。"
    )


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("加快构建新发展各局。", ["新发展格局|各|格"]),
        ("践行社会主义核心价直观。", ["社会主义核心价值观|直|值"]),  # 价/直观 to jieba: the phrase is the evidence
        ("坚持总体国家安全官，坚持党的全面领到。", ["总体国家安全观|官|观", "党的全面领导|到|导"]),
        ("加快构建新发展格局，贯彻新发展理念。", []),
        ("加快构建新发展阁楼。", []),  # two characters differ
        ("研究新发展理论。", []),  # 论 does not sound like 念: another word, not an input-method slip
        ("坚持以人民为中心发展理念。", []),  # 心发展理念: 中心 runs across its start
        ("新发展格局", []),
        ("构建新发展格", []),  # the text ends inside the phrase
        ("新发", []),
    ],
)
def test_one_character_of_the_same_sound(text: str, messages: list[str]) -> None:
    assert [d.message for d in phrase_linter().lint_text(text)] == messages


def test_the_fix_writes_the_phrase() -> None:
    text = "加快构建新发展各局。"
    assert apply_fixes(text, phrase_linter().lint_text(text), unsafe=True)[0] == "加快构建新发展格局。"


def test_the_middle_character_of_an_odd_phrase_is_not_looked_for() -> None:
    """The halves are three characters each, so 新发展理念's 展 is in both (see the module doc)."""
    assert phrase_linter().lint_text("贯彻新发站理念。") == []


def test_phrases_must_be_five_chinese_characters_or_more() -> None:
    with pytest.raises(PackError, match="phrases"):
        phrase_linter("{phrases: [两个确立]}")
    with pytest.raises(PackError, match="phrases"):
        phrase_linter("{phrases: [新发展 格局]}")
    with pytest.raises(PackError, match="phrases"):
        phrase_linter("{}")


def test_an_inner_character_missing_from_a_long_phrase_with_deletions() -> None:
    """With ``deletions: 8`` a phrase of eight characters or more missing one inner character is found;
    shorter ones are left (中国现代化 is no slip of 中国式现代化: central texts write both)."""
    params = "{phrases: [中华民族伟大复兴, 全面建成小康社会, 中国式现代化], deletions: 8}"
    found = phrase_linter(params).lint_text("实现中华民族伟复兴，全面建成小康会。")
    assert [d.message for d in found] == ["中华民族伟大复兴|伟复|伟大复", "全面建成小康社会|康会|康社会"]
    assert phrase_linter(params).lint_text("推进中国现代化，实现中华民族伟大复兴。") == []
    assert (
        phrase_linter(params).lint_text("全面建成小康社。") == []
    )  # the last character: a phrase cut short, not this slip
    assert phrase_linter(f"{{phrases: {PHRASES}}}").lint_text("实现中华民族伟复兴。") == []


def test_a_droppable_character_missing_is_a_variant_not_a_slip() -> None:
    """With ``droppable: 的`` a phrase without its 的 is left (新闻联播: 践行以人民为中心发展思想), while
    another inner character missing is still found."""
    params = "{phrases: [以人民为中心的发展思想, 中华民族伟大复兴], deletions: 8, droppable: 的}"
    assert phrase_linter(params).lint_text("践行以人民为中心发展思想。") == []
    found = phrase_linter(params).lint_text("践行以人民中心的发展思想，实现中华民族伟复兴。")
    assert [d.message for d in found] == ["以人民为中心的发展思想|民中|民为中", "中华民族伟大复兴|伟复|伟大复"]
    without = "{phrases: [以人民为中心的发展思想], deletions: 8}"
    assert [d.message for d in phrase_linter(without).lint_text("践行以人民为中心发展思想。")] == [
        "以人民为中心的发展思想|心发|心的发"
    ]


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("坚持全面从严治治党。", ["全面从严治党|治治|治"]),
        ("坚持全面从从严治党。", ["全面从严治党|从从|从"]),
        # the first and the last character: the next word often starts with it (解放军|军歌声)
        ("坚持全全面从严治党。", []),
        ("全体中国共产党党员，中国共产党党章。", []),
        ("坚持全面从严治党。", []),
    ],
)
def test_a_character_typed_twice_with_doublings(text: str, messages: list[str]) -> None:
    params = "{phrases: [全面从严治党, 中国共产党], doublings: true}"
    assert [d.message for d in phrase_linter(params).lint_text(text)] == messages
    assert phrase_linter("{phrases: [全面从严治党, 中国共产党]}").lint_text(text) == []


def test_the_fix_of_a_doubled_character_writes_the_phrase() -> None:
    text = "坚持全面从严治治党。"
    found = phrase_linter("{phrases: [全面从严治党], doublings: true}").lint_text(text)
    assert apply_fixes(text, found, unsafe=True)[0] == "坚持全面从严治党。"


def test_a_half_inside_a_longer_anchor_is_still_an_anchor() -> None:
    """中国共产党章程's left half 中国共产 starts with 中国共, the left half of 中国共产党: the regex finds
    the longer one, and the slip of the shorter phrase must still be found."""
    linter = phrase_linter("{phrases: [中国共产党, 中国共产党章程]}")
    assert [d.message for d in linter.lint_text("他加入了中国共产挡。")] == ["中国共产党|挡|党"]
