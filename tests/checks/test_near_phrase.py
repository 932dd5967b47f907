"""The ``near_phrase`` kind: a listed formulation with one character replaced by one of the same sound."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, parse_pack

PHRASES = "[新发展格局, 新发展理念, 社会主义核心价值观, 总体国家安全观, 党的全面领导]"


def phrase_linter(params: str = f"{{phrases: {PHRASES}}}") -> Linter:
    pack = (
        "pack: t\nrules:\n  - {id: near, title: t, severity: warning, kind: near_phrase,"
        " message: '{phrase}|{wrong}|{right}',"
        f" rationale: r, source: s, params: {params},"
        " examples: {bad: ['加快构建新发展各局。'], good: ['加快构建新发展格局。']}}\n"
    )
    return Linter(list(parse_pack(pack, "t.yaml").rules))


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
