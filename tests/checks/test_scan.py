"""``Scanner`` finds exactly what ``finditer`` finds, trying the pattern only where a match can start."""

from __future__ import annotations

import random
import re

import pytest
from conftest import CLEAN, SEEDS

from lint.checks import scan
from lint.checks.scan import Scanner, present_words, required_words, starting_characters
from lint.engine import Linter
from lint.source import Document

TEXTS = [
    "",
    "a",
    "约有100多人，近300余家；签约有5万余元。XX年XXX，19XX年，第XX届，abXXcd",
    "一、二、\n1.甲\n（1）乙 2024年3月 二〇二四年3月5日 ××× 〇〇 ...…… ——",
    "line one\nline two\r\nthird: x@y.z ab ab",
    *(path.read_text(encoding="utf-8") for path in sorted([*SEEDS.glob("*.txt"), *CLEAN.glob("*.txt")])),
]
# each begins where re cannot skip ahead by itself, and has a known first character
SCANNED = [
    r"(?<![A-Za-z])X{2,}(?![A-Za-z])",
    r"\d{4}年",
    r"(?:\d+|[一二三]+)个",
    r"(?<!签)约有?\s*(?:\d+|[一二三四五六七八九十]+)(?:余|多)|(?<!最)近\s*\d+余",
    r"(?m)^[ \t]*(?P<hit>\d)[.．]",
    r"\bab",
    r"(?:a|b?c)d",
    r"(?>ab|a)c",
    r"(?=\w)\w+:",
    r"[^\n]{0,3}?(?<=[一二])、",  # lazy repeat that may start anywhere: not scanned, still equal
]
NOT_SCANNED = [r"(.)\1", r"[^a]b", r".x", r"a*", r"(?=a)", r"(?i)ab", r"(?:a|)b?"]


@pytest.mark.parametrize("source", SCANNED + NOT_SCANNED)
def test_same_matches_as_finditer(source: str) -> None:
    pattern = re.compile(source)
    scanner = Scanner(pattern)
    for text in TEXTS:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text) if m.end() > m.start()]
        found = [(m.span(), m.groupdict()) for m in scanner.finditer(text) if m.end() > m.start()]
        assert found == expected


@pytest.mark.parametrize("source", SCANNED[:-1])
def test_first_characters_are_worked_out(source: str) -> None:
    pattern = re.compile(source)
    assert starting_characters(pattern) is not None
    scanner = Scanner(pattern)
    assert scanner.starts is not None
    assert scanner.gate is not None  # re itself skips to the candidates and tries the pattern there


def test_without_a_gate_the_candidates_are_tried_one_by_one() -> None:
    pattern = re.compile(r"(?<![A-Za-z])X{2,}(?![A-Za-z])")
    scanner = Scanner(pattern)
    scanner.gate = None
    text = TEXTS[2]
    assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in pattern.finditer(text)] != []


@pytest.mark.parametrize("source", NOT_SCANNED)
def test_unknown_or_empty_starts_fall_back_to_finditer(source: str) -> None:
    assert starting_characters(re.compile(source)) is None


def test_patterns_re_skips_by_itself_are_left_to_re() -> None:
    for source in ("abc", "[甲乙]x", "甲|乙丙", "(?P<x>甲|乙)"):
        assert Scanner(re.compile(source)).starts is None


def test_every_default_pattern_rule_scans_like_finditer(linter: Linter) -> None:
    scanned = 0
    for check in linter.checks:
        pattern = getattr(check, "pattern", None)
        if check.rule.kind != "pattern" or getattr(check, "whole_line", False):
            continue
        scanner = Scanner(pattern)
        scanned += scanner.starts is not None
        for text in TEXTS:
            assert [m.span() for m in scanner.finditer(text) if m.end() > m.start()] == [
                m.span() for m in pattern.finditer(text) if m.end() > m.start()
            ], check.rule.id
    assert scanned >= 10


def test_overlapping_and_nested_words_are_all_found() -> None:
    assert present_words(["甲乙", "乙丙", "甲乙丙丁", "甲", "丁"], "甲乙丙") == {"甲乙", "乙丙", "甲"}
    assert present_words([], "甲") == set()


@pytest.mark.parametrize("seed", range(200))
def test_present_words_are_the_words_in_the_text(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    alphabet = "甲乙丙a"
    monkeypatch.setattr(scan, "HEAD", rng.randint(0, 30))  # words found before and after the head
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(0, 8))}
    text = "".join(rng.choice(alphabet + "\n") for _ in range(rng.randint(0, 60)))
    assert present_words(words, text) == {word for word in words if word in text}


REQUIRED = [
    (r"XX(?=学院)", {"XX"}),
    (r"(?:版权|转载)所有", {"所有"}),
    (r"(?:打铁)?还需", {"还需"}),
    (r"(?<!x)(?:foo|bar+)", {"foo", "ba"}),
    (r"[，。]{2}", {"，", "。"}),
    (r"\d{4}年", {"年"}),
    (r".*", None),
    (r"(?i)ab", None),
    (r"(?i:about|news)", None),  # a case-insensitive group holds no case-sensitive word
    (r"栏目(?i:about)", {"栏目"}),
    (r"a|\d", None),
]


@pytest.mark.parametrize(("source", "words"), REQUIRED)
def test_required_words_are_read_from_the_pattern(source: str, words: set[str] | None) -> None:
    found = required_words(re.compile(source))
    assert (set(found) if found is not None else None) == words


def test_every_match_of_every_default_pattern_rule_holds_one_of_its_required_words(linter: Linter) -> None:
    known = 0
    for check in linter.checks:
        words = check.required
        if check.rule.kind != "pattern" or words is None:
            continue
        known += 1
        examples = [example.text for example in check.rule.bad]
        for text in [*TEXTS, *examples]:
            for match in check.pattern.finditer(text):
                assert any(word in match.group() for word in words), (check.rule.id, match.group())
    assert known >= 80


def test_every_rule_that_requires_words_finds_nothing_without_them(linter: Linter) -> None:
    kinds = set()
    for check in linter.checks:
        if check.required is None:
            continue
        kinds.add(check.rule.kind)
        for text in [*TEXTS, *(example.text for example in check.rule.bad)]:
            if list(check.find(Document("t", text))):
                assert any(word in text for word in check.required), (check.rule.id, text[:40])
    assert kinds >= {"pattern", "substitution", "collocation"}


def test_fixed_patterns_compiled_once_are_read_back_by_the_next_process(tmp_path) -> None:
    import os
    import subprocess
    import sys

    count = (
        "import re, sys; n = [0]; real = re._compile\n"
        "def spy(p, f):\n    caller = sys._getframe(2).f_code.co_filename\n"
        "    n[0] += '/lint/' in caller and (type(p), p, f) not in re._cache\n"
        "    return real(p, f)\n"
        "re._compile = spy\n"
        "import lint.checks.numbering, lint.checks.width, lint.wordcut\n"
        "from lint.regexes import compiled\n"
        "assert compiled(r'\\d+年').match('2024年') and compiled(r'\\d+年').pattern == r'\\d+年'\n"
        "print(n[0])"
    )
    env = {**os.environ, "GWLINT_CACHE_DIR": str(tmp_path)}
    runs = [
        int(subprocess.run([sys.executable, "-c", count], env=env, capture_output=True, text=True, check=True).stdout)
        for _ in range(2)
    ]
    assert runs[0] >= 10 and runs[1] == 0


@pytest.mark.parametrize("seed", range(30))
def test_the_trie_pattern_matches_where_any_of_its_words_begins(seed: int) -> None:
    from lint.checks.scan import trie_pattern

    rng = random.Random(seed)
    alphabet = "甲乙丙丁.*("  # regex metacharacters are words' characters too
    words = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))})
    text = "".join(rng.choice(alphabet) for _ in range(200))
    pattern = re.compile(trie_pattern(words))
    starts = [match.start() for position in range(len(text)) if (match := pattern.match(text, position))]
    assert starts == [p for p in range(len(text)) if any(text.startswith(word, p) for word in words)]
