"""Start-up: jieba's segmentation without loading jieba, and nothing heavy imported for a clean draft."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint import wordcut
from lint.packs import load_packs
from tests.conftest import CLEAN, ROOT, SEEDS


@pytest.fixture(scope="module")
def jieba_cut():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return lambda text: list(jieba.cut(text))


@pytest.fixture(scope="module")
def fast() -> wordcut.Segmenter:
    segmenter = wordcut.load()
    assert segmenter is not None
    return segmenter


def corpus_lines() -> list[str]:
    lines = []
    for path in sorted([*SEEDS.glob("*.txt"), *CLEAN.glob("*.txt")]):
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    for pack in load_packs():
        for rule in pack.rules:
            lines += [example.text for example in rule.bad] + [example.text for example in rule.good]
    return [line for line in lines if line.strip()]


def test_the_fast_segmenter_cuts_every_corpus_line_as_jieba_does(fast, jieba_cut) -> None:
    lines = corpus_lines()
    assert len(lines) > 500
    different = [line for line in lines if list(fast.cut(line)) != jieba_cut(line)]
    assert different == []


@pytest.mark.parametrize(
    "text",
    [
        "他来到了网易杭研大厦",  # unknown word: the HMM joins 杭研
        "王小明同志在北京市朝阳区调研",  # an unknown name
        "坚决坚决贯彻落实 2024年GDP增长5.2%，C++与C#。\r\n第二行\t制表",
        "",
        "１２３ＡＢＣ全角",
        "𠮷野家的饭",  # a character outside the BMP and outside jieba's Han range
    ],
)
def test_the_fast_segmenter_agrees_with_jieba_on_hard_cases(fast, jieba_cut, text: str) -> None:
    assert list(fast.cut(text)) == jieba_cut(text)


def test_dictionary_lookups_agree_with_jieba(fast) -> None:
    import jieba

    jieba.dt.check_initialized()
    words = ["学习", "平时", "习近", "近平", "人民", "民主", "的的", "中华人民共和国", "中华人", "坚决坚决", "x"]
    assert {word: fast.is_word(word) for word in words} == {word: jieba.dt.FREQ.get(word, 0) > 0 for word in words}
    assert fast.index.total == jieba.dt.total


def test_the_signposted_search_finds_the_place_a_plain_bisection_finds(fast) -> None:
    """WordIndex.position narrows with its in-memory signposts first: the same place as bisecting
    the whole index, for words, the keys just before and after them, their prefixes and odd keys."""
    import bisect

    index = fast.index
    words = [index[number] for number in range(0, len(index), 97)] + [index[len(index) - 1]]
    keys = [b"", b"\x00", b"\xff\xff", "中华人".encode(), "坚决坚决".encode(), b"x"]
    for word in words:
        keys += [word, word + b"\x00", word[:-1], word[:3], word[:-1] + bytes([word[-1] - 1])]
    assert [index.position(key) for key in keys] == [bisect.bisect_left(index, key) for key in keys]


def test_every_dictionary_word_has_the_tag_jieba_posseg_gives_it(fast) -> None:
    import jieba.posseg

    table = jieba.posseg.dt.word_tag_tab
    assert len(table) > 300_000
    assert [word for word, tag in table.items() if fast.tag(word) != tag] == []
    assert [fast.tag(word) for word in ("的的", "中华人", "x", "")] == [None, None, None, None]


def test_without_the_index_tags_come_from_jieba_posseg(monkeypatch: pytest.MonkeyPatch) -> None:
    from lint.checks import segment

    monkeypatch.setattr(wordcut, "load", lambda: None)
    segment._tagger.cache_clear()
    try:
        assert segment._tagger()("持之以恒") == "i"
    finally:
        segment._tagger.cache_clear()


def test_the_hmm_tables_are_the_ones_jieba_uses(fast) -> None:
    from jieba import finalseg

    assert wordcut._hmm_model(fast.model_folder) == (finalseg.start_P, finalseg.trans_P)
    for number, state in enumerate(wordcut.STATES):
        table = finalseg.emit_P[state]
        chars = [*table, "好", "𠮷", "a", "，"]
        assert [fast.index.emission(number, char) for char in chars] == [
            table.get(char, wordcut.MIN_FLOAT) for char in chars
        ]


def test_a_damaged_index_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(tmp_path))
    wordcut.load.cache_clear()
    try:
        assert wordcut.load() is not None
        (index,) = (tmp_path / "jieba").glob("*.index")
        index.write_bytes(index.read_bytes()[:1000])
        wordcut.load.cache_clear()
        segmenter = wordcut.load()
        assert segmenter is not None
        assert list(segmenter.cut("坚决贯彻落实")) == ["坚决", "贯彻落实"]
    finally:
        wordcut.load.cache_clear()


def test_a_damaged_tag_reads_as_no_tag(fast) -> None:
    """Opening the index no longer scans all 350,000 tags for one out of range: a lookup that meets
    one gives no tag instead of failing."""
    data = bytearray(fast.index._words.obj)  # the whole mapped file
    count = len(fast.index)
    assert bytes(data[-2 * count :]) == bytes(fast.index._tags)  # the tags end the file
    place = fast.index.position("学习".encode())
    data[len(data) - 2 * count + 2 * place : len(data) - 2 * count + 2 * place + 2] = b"\xff\xff"
    damaged = wordcut.WordIndex(bytes(data))
    assert (fast.index.tag("学习"), damaged.tag("学习"), damaged.tag("人民")) == ("v", None, "n")


def test_without_a_usable_cache_the_checks_fall_back_to_jieba(tmp_path: Path, jieba_cut) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    script = (
        "import sys; from lint.checks import segment; print(segment.tokens('坚决坚决贯彻'), 'jieba' in sys.modules)"
    )
    env = {"GWLINT_CACHE_DIR": str(blocker / "cache"), "PATH": "/usr/bin:/bin"}
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    assert output.stdout.strip() == f"{jieba_cut('坚决坚决贯彻')} True"


def imported_after_linting(text: str, tmp_path: Path, *options: str) -> set[str]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    script = (
        "import sys, json; from lint.cli import main; "
        f"main(['check', {str(draft)!r}, *{list(options)!r}]); "
        "sys.stderr.write(json.dumps(sorted(sys.modules)))"
    )
    env = {"GWLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the first run fills the cache
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    return set(json.loads(run.stderr))


def test_a_draft_with_a_repeated_word_segments_without_loading_jieba(tmp_path: Path) -> None:
    modules = imported_after_linting("我们要坚决坚决贯彻落实。\n", tmp_path, "--format", "json")
    assert "lint.wordcut" in modules
    assert not {"jieba", "pkg_resources"} & modules


# Modules a warm one-draft check does without (each costs 1-10 ms of every pre-commit run): the
# reason each stays out is in the module that avoids it.
NOT_ON_THE_CHECK_PATH = ("threading", "tempfile", "difflib", "tomllib", "yaml", "jieba")


def test_a_warm_check_imports_none_of_the_costly_modules_it_does_not_need(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("我们要坚决坚决贯彻落实。\n", encoding="utf-8")
    code = (
        "import sys; from lint.cli import main; main(sys.argv[1:]); "
        f"print(sorted(set({NOT_ON_THE_CHECK_PATH!r}) & set(sys.modules)))"
    )
    env = {**os.environ, "GWLINT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-c", code, "check", str(draft)]
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert "坚决坚决" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
