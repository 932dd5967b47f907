"""The ``split_word`` kind: a dictionary word broken by a space in running text, not spaced-out headings or names."""

from __future__ import annotations

import pytest

from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, parse_pack


def split_linter(params: str = "{}") -> Linter:
    pack = (
        "pack: t\nrules:\n  - {id: split, title: t, severity: warning, kind: split_word, message: '{word}',"
        f" rationale: r, source: s, params: {params},"
        " examples: {bad: ['由专家组 成小组，开展认证。'], good: ['目 录']}}\n"
    )
    return Linter(list(parse_pack(pack, "t.yaml").rules))


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
    ],
)
def test_a_word_broken_by_a_space_in_running_text(text: str, words: list[str]) -> None:
    assert [d.message for d in split_linter().lint_text(text)] == words


def test_the_fix_deletes_the_space() -> None:
    text = "由专家组 成小组，开展认证。"
    assert apply_fixes(text, split_linter().lint_text(text), unsafe=True)[0] == "由专家组成小组，开展认证。"


def test_bad_params_name_the_field() -> None:
    with pytest.raises(PackError) as error:
        split_linter("{spaces: ''}")
    assert "params.spaces" in str(error.value)
