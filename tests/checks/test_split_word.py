"""The ``split_word`` kind: a dictionary word broken by a space in running text, not spaced-out headings or names."""

from __future__ import annotations

import pytest
from pack_helpers import one_rule_linter

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, select_rules
from lint.source import text_document


def split_linter(params: str = "{}") -> Linter:
    return one_rule_linter("split_word", params, "{word}", "由专家组 成小组，开展认证。", "目 录")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("由认证办公室林吉怡组 成认证专家小组，开展现场核查。", ["组成"]),
        ("要进一步加 强管理，落实责任。", ["加强"]),
        ("坚持统筹推 进，全面落实。", ["推进"]),
        ("要加强 管理，全面推进\u3000乡村振兴。", []),  # a space between two whole words: no word across it
        ("目 录\n前 言\n", []),  # spaced-out headings: no sentence mark on the line
        ("主　席　习近平\n委　员　李尚福　刘振立\n", []),  # a list of names and titles
        ("新华社北京9日电（记者林凯 卢辉）经历过手术的病人，", []),  # two names in running text
        # 国电 is a word, but read as one text the line is 严|华国|电话: a name, then the next field
        ("联系人：严华国 电话：010-68792555，", []),
    ],
)
def test_a_word_broken_by_a_space_in_running_text(text: str, words: list[str]) -> None:
    assert [d.message for d in split_linter().lint_text(text)] == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("为了让认证工作 照常进行，专家步行到医院。", ["认证工作 照常进行"]),
        ("胸痛中心在风雨中前行，在 认证的过程中谱写新篇章！", ["在 认证的过"]),
        ("由专家组 成小组，开展认证。", []),  # a broken word is the other mode's
        ("出席会议的有王 伟、李 强，", []),  # two one-character names padded for alignment
        ("联系人：严华国 电话：010-68792555，", []),  # the space parts two fields (电话：)
        # 家电 is a word, but the text joined is 国家|电子商务: the space stands between two words
        ("渭源县国家 电子商务进农村综合示范工作推进会召开。", ["源县国家 电子商务"]),
        ("金叶集团党委召开庆祝中国共产党 成立99周年大会", []),  # a title: no sentence mark
    ],
)
def test_whole_words_reports_a_space_between_two_words(text: str, words: list[str]) -> None:
    assert [d.message for d in split_linter("{whole_words: true}").lint_text(text)] == words


def test_the_fix_deletes_the_space() -> None:
    text = "由专家组 成小组，开展认证。"
    assert apply_fixes(text, split_linter().lint_text(text), unsafe=True)[0] == "由专家组成小组，开展认证。"


def test_bad_params_name_the_field() -> None:
    with pytest.raises(PackError) as error:
        split_linter("{spaces: ''}")
    assert "params.spaces" in str(error.value)


def test_markdown_markup_blanked_by_the_reader_is_not_a_typed_space() -> None:
    document = text_document("d.md", "要把这项工作*抓实*，落到实处。", "markdown")
    assert split_linter("{whole_words: true}").lint(document) == []


def test_a_two_character_name_padded_to_three_is_layout_not_a_broken_word():
    inside = Linter(select_rules(load_packs(), ["punctuation.space-inside-word"]))
    assert inside.lint_text("市政协委员，研究室副主任　黄　河") == []
    # a space inside a longer run is still a broken word
    assert [d.matched for d in inside.lint_text("市政协委员，研究室副主任黄　河水利委员会")] == ["　"]
