"""The ``near_idiom`` kind: a four-character idiom with one character replaced by a homophone, found from
jieba's dictionary (no list of misspellings), not the phrases drafts coin on an idiom's pattern."""

from __future__ import annotations

import pytest
from pack_helpers import one_rule_linter

from lint.checks import near_idiom
from lint.checks import readings as han
from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError


def near_linter(params: str = "{tags: [i, l, n, nr, nz, ns]}") -> Linter:
    return one_rule_linter(
        "near_idiom", params, "{idiom}|{wrong}|{right}", "大家迫不急待地投入工作。", "大家迫不及待地投入工作。"
    )


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        # misspellings no list of this project held when written: jieba's dictionary and the readings find them
        ("这笔资金可谓雪中送碳。", ["雪中送炭|碳|炭"]),  # 雪中送炭 is tagged n in jieba
        ("提倡适龄婚育、优生忧育。", ["优生优育|忧|优"]),
        ("大家一如继往地支持。", ["一如既往|继|既"]),  # 一如/继往: 继往 too rare to explain the window
        ("这项工作事半功背。", ["事半功倍|背|倍"]),
        ("大家迫不急待。", ["迫不及待|急|及"]),  # jieba lists 迫不急待 itself, 100 times rarer than 迫不及待
        ("是一艘名符其实的英雄船。", ["名副其实|符|副"]),
        # coined on an idiom's pattern: another sound, not a slip of the input method
        ("深化以案为鉴、以案促改，推进学有所教，做到心中有党。", []),
        ("失业率居高难下。", []),  # 居高不下 or 居高临下: no telling which
        ("推进文化建设，打造高素质干部队伍，关键在进一步转变作风。", []),  # ordinary words around
        ("支持各类群团组织发挥作用。", []),
        ("坚持人民当家作主，发扬坚忍不拔的精神。", []),  # variants jieba lists more often than the other form
        ("取消部分职业资格许可。", []),  # a noun jieba lists: not taken for a variant of 执业资格
        ("推动社会治理和服务重心向基层下移。", []),  # 服务/重心: two ordinary words
    ],
)
def test_an_idiom_with_one_character_of_the_same_sound_replaced(text: str, messages: list[str]) -> None:
    assert [d.message for d in near_linter().lint_text(text)] == messages


def test_the_default_tags_are_idioms_and_fixed_expressions_only() -> None:
    assert near_linter("{}").lint_text("这笔资金可谓雪中送碳。") == []
    assert [d.message for d in near_linter("{}").lint_text("提倡优生忧育。")] == ["优生优育|忧|优"]


def test_allowed_windows_and_the_word_ratio() -> None:
    assert near_linter("{allow: [优生忧育]}").lint_text("提倡优生忧育。") == []
    assert near_linter("{word_ratio: 1000}").lint_text("大家迫不急待。") == []
    assert near_linter("{tile_frequency: 1}").lint_text("大家一如继往地支持。") == []


def test_a_foreign_name_spelt_with_other_transliterating_characters_is_not_reported() -> None:
    text = "中国数学家获得菲尔兹奖。"
    assert [d.message for d in near_linter().lint_text(text)] == ["菲尔茨奖|兹|茨"]
    assert near_linter("{tags: [i, l, n, nr, nz, ns], transliteration: 菲尔兹茨}").lint_text(text) == []


def test_the_fix_writes_the_idiom() -> None:
    text = "这笔资金可谓雪中送碳。"
    assert apply_fixes(text, near_linter().lint_text(text), unsafe=True)[0] == "这笔资金可谓雪中送炭。"


def test_sound_alike_needs_the_usual_reading_of_one_of_the_characters() -> None:
    table = han.read_readings()
    assert han.sound_alike("碳", "炭", table)
    assert han.sound_alike("奇", "其", table)  # 奇 qi/ji, 其 qi/ji
    assert not han.sound_alike("均", "员", table)  # share only yun, the usual reading of neither
    assert not han.sound_alike("案", "史", table)
    assert not han.sound_alike("碳", "A", table)


def test_the_table_is_cached_per_dictionary_index(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(tmp_path))
    near_idiom.idiom_table.cache_clear()
    built = near_idiom.idiom_table(frozenset({"i"}), 50)
    assert list((tmp_path / near_idiom.CACHE_KIND).glob("*.pickle"))
    near_idiom.idiom_table.cache_clear()
    monkeypatch.setattr(near_idiom, "build_table", lambda *args: pytest.fail("rebuilt although cached"))
    assert near_idiom.idiom_table(frozenset({"i"}), 50) == built
    assert built.by_masked_key[near_idiom.masked("迫不及待", 2)] == "迫不及待"
    near_idiom.idiom_table.cache_clear()


def test_bad_params_name_the_field() -> None:
    with pytest.raises(PackError, match="min_frequency"):
        near_linter("{min_frequency: 0}")
    with pytest.raises(PackError, match="tags"):
        near_linter("{tags: i}")
    with pytest.raises(PackError, match="phrases"):
        near_linter("{phrases: [攻坚克难啊]}")


def test_set_phrases_of_official_writing_are_checked_like_idioms() -> None:
    """攻坚克难 and 风清气正 are no idioms in jieba's dictionary: listed as phrases, a homophone slip in
    them is found on the idioms' conditions; ordinary words that happen to be one sound away are not."""
    with_phrases = near_linter("{phrases: [攻坚克难, 风清气正, 人民至上]}")
    assert [d.message for d in near_linter().lint_text("发扬攻坚克南的精神。")] == []
    found = with_phrases.lint_text("发扬攻坚克南的精神，营造风清气政的环境。")
    assert [d.message for d in found] == ["攻坚克难|南|难", "风清气正|政|正"]
    assert with_phrases.lint_text("发扬攻坚克难的精神，不能凌驾于人民之上。") == []  # 人民/之上: two words
    assert [d.message for d in with_phrases.lint_text("大家迫不急待。")] == ["迫不及待|急|及"]  # idioms still


@pytest.mark.parametrize("shift", range(8))
def test_windows_are_sieved_a_chunk_at_a_time_and_none_is_lost_at_a_boundary(monkeypatch, shift: int) -> None:
    """A set of every distinct window of a 10 MB file held ~160 MB: the text is sieved in chunks. A
    misspelled idiom straddling a chunk's end, at every offset, is still found, once per place."""
    monkeypatch.setattr(near_idiom, "SIEVE_CHUNK", 8)
    text = "。" * shift + "大家一如继往地支持，" + "这笔资金可谓事半功背，大家一如继往。"
    found = [(d.span.start, d.message) for d in near_linter().lint_text(text)]
    assert found == [
        (shift + 2, "一如既往|继|既"),
        (shift + 16, "事半功倍|背|倍"),
        (shift + 23, "一如既往|继|既"),
    ]


def test_two_adjacent_characters_swapped_when_asked_for() -> None:
    """事实求是 is 实事求是 with 实事 swapped; only with ``swaps`` (the idioms at least that frequent)."""
    text = "坚持事实求是，不余遗力地推进。"
    assert near_linter().lint_text(text) == []
    swapping = near_linter("{tags: [i, l, n, nr, nz, ns], swaps: 30, phrases: [担当作为]}")
    assert [d.message for d in swapping.lint_text(text)] == ["实事求是|事实|实事", "不遗余力|余遗|遗余"]
    assert [d.message for d in swapping.lint_text("要担作当为。")] == ["担当作为|作当|当作"]
    assert apply_fixes(text, swapping.lint_text(text), unsafe=True)[0] == "坚持实事求是，不遗余力地推进。"


def test_a_swap_explained_by_a_word_across_it_is_no_slip() -> None:
    """各行业各领域: 行业 holds one of the two characters that would be swapped (各行各业), so the window
    is read as words; the 2019 government work report writes it."""
    swapping = near_linter("{tags: [i, l, n, nr, nz, ns], swaps: 30}")
    assert swapping.lint_text("动员各行业各领域的力量。") == []
    assert swapping.lint_text("坚持实事求是，各行各业不遗余力。") == []


def test_building_the_table_is_not_charged_to_the_rule(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The table is filled on first use; its build (over a CPU second with nouns and swaps) must not use up the
    rule's budget: a fresh CI run on a busy machine lost the findings of its first document that way."""
    from lint.checks import near_idiom
    from lint.source import Document

    monkeypatch.setenv("GWLINT_CACHE_DIR", str(tmp_path))
    near_idiom.idiom_table.cache_clear()
    linter = near_linter("{tags: [i, l, n, nr, nz, ns], swaps: 30, phrases: [担当作为]}")
    near_idiom.idiom_table.cache_clear()  # the pack's examples built it: build it again, inside the rule
    for path in tmp_path.rglob("*.pickle"):
        path.unlink()
    outcome = linter.run(Document("t.txt", "坚持事实求是，不余遗力地推进。"), rule_timeout=0.1)
    assert [d.message for d in outcome.diagnostics] == ["实事求是|事实|实事", "不遗余力|余遗|遗余"]
