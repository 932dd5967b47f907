"""Regexes that stay on one line report ends only (lint.prefilter.lines) and still find what ``finditer`` finds.

Without hyperscan: which regexes qualify, the windows from their ends' line starts, and the bounded search.
With hyperscan: a rule in that mode and one kept in SOM mode lint texts the same both ways, and the
database cached in one mode is not loaded in the other.
"""

from __future__ import annotations

import datetime
import random
import re

import pytest
from test_prefilter import DAYS, HYPERSCAN, assert_identical, both_ways

import lint.prefilter as prefilter
from lint.engine import Linter
from lint.prefilter.lines import LineWindows, line_spans, overrun
from lint.prefilter.windows import char_offsets, merged
from lint.source import Document

needs_hyperscan = pytest.mark.skipif(not HYPERSCAN, reason="hyperscan (gwlint[fast]) is not importable: pure path only")

ON_ONE_LINE = {
    r"a.*b": 0,
    r"a[^。\n]*b$": 0,
    r"(?m)a[^。\n]*b$": 0,
    r"a.*b\Z": 0,
    r"[一二]+年(?!\d)": 0,
    r"(?<=x)a+": 0,
    r"a[^\n]+b(?=\n\n)": 2,  # looks two characters past the line end
    r"(a+)b\1": 0,
}
ACROSS_LINES = [
    r"a[^。]*b",  # [^。] holds \n
    r"(?s)a.*b",
    r"a\s*b",
    r"a.*(?=[\s\S]*b)",  # a look-ahead past the line end without a bound
    r"(?<=a(?=\n))b+",  # a look-ahead inside a look-behind
]
ALPHABET = "aabbx一二年3。 \n"


@pytest.mark.parametrize(("source", "expected"), ON_ONE_LINE.items())
def test_a_regex_that_cannot_take_a_line_break_is_on_one_line(source: str, expected: int) -> None:
    assert overrun(re.compile(source)) == expected


@pytest.mark.parametrize("source", ACROSS_LINES)
def test_a_regex_that_can_take_a_line_break_keeps_som_mode(source: str) -> None:
    assert overrun(re.compile(source)) is None


@pytest.mark.parametrize("source", ON_ONE_LINE)
def test_windows_from_line_starts_find_what_finditer_finds(source: str) -> None:
    """Ends reported past the matches, and extra ones, give the same matches as the whole-text search."""
    pattern = re.compile(source)
    reach = overrun(pattern)
    assert reach is not None
    rng = random.Random(source)
    for _ in range(300):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 60)))
        if rng.random() < 0.2:
            text = "a" + "ab" * 400 + text  # a long line
        data = text.encode()
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        ends = [len(text[: m.end()].encode()) for m in pattern.finditer(text)]
        ends += rng.sample(range(len(data) + 1), min(3, len(data)))
        spans = line_spans(data, ends)
        offsets = char_offsets(data, sorted({offset for span in spans for offset in span}))
        windows = merged([(offsets[start], offsets[end]) for start, end in spans])
        found = LineWindows(pattern, windows, reach, None).finditer(text)
        assert [(m.span(), m.groups()) for m in found] == expected, text


def test_each_end_gets_the_start_of_its_line() -> None:
    data = "甲\n乙丙\n\n丁".encode()
    ends = [len(data), 3, 7, 4]
    assert line_spans(data, ends) == [(0, 3), (4, 4), (4, 7), (12, 15)]


def test_a_search_stops_at_the_line_end() -> None:
    """A window early on a long line is searched to that line's end (and the margin ``$`` needs), never
    into the next lines; on the last line, to the end of the text."""
    pattern = re.compile(r"甲[^。\n]*乙")
    text = "甲" + "丙" * 10_000 + "\n" + "甲乙" * 3
    stops: list[int] = []

    class Recording:
        def search(self, text: str, start: int, stop: int) -> re.Match[str] | None:
            stops.append(stop)
            return pattern.search(text, start, stop)

    windows = LineWindows(pattern, [(0, 1), (10_002, 10_003)], 0, None)
    windows.regex = Recording()  # type: ignore[assignment]
    assert [m.span() for m in windows.finditer(text)] == [(10_002, 10_008)]
    assert stops == [10_001 + 2, len(text)]


# with hyperscan ------------------------------------------------------------------------------------


def pack_linter(*rules: tuple[str, str, str]) -> Linter:
    from lint.packs import parse_pack

    pack = parse_pack(
        "pack: t\nrules:\n"
        + "".join(
            f"  - {{id: {name}, title: t, severity: warning, kind: pattern, message: m, rationale: r, source: s,"
            f" params: {{regex: '{regex}'}}, examples: {{bad: ['{bad}'], good: ['无']}}}}\n"
            for name, regex, bad in rules
        ),
        "t.yaml",
    )
    return Linter(pack.rules)


RULES = (("line", r"甲[^。\n]*乙", "甲丙乙"), ("across", r"丁[^。]*戊", "丁丙戊"))
DAY = datetime.date(2026, 12, 1)


@needs_hyperscan
def test_a_regex_on_one_line_reports_ends_only_and_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import hyperscan as hs

    monkeypatch.setattr(prefilter, "MIN_CHARACTERS", 0)
    monkeypatch.setattr(prefilter, "DENSE_REPORTS_PER_BYTE", 1.0)  # the examples here are too short to judge
    linter = pack_linter(*RULES)
    database = prefilter._compile(hs, linter.checks)
    assert database is not None
    assert [(entry.check, entry.lines, entry.starts) for entry in database.entries] == [
        (0, True, False),
        (1, False, True),
    ]
    long_line = "丙" * 200_000
    text = (
        "甲丙乙在行首。\n"  # at a line start
        "前文甲丙丙乙在行中，丁\n戊跨行。\n"  # mid-line; the other rule across a line break
        f"{long_line}甲{long_line}乙。{long_line}甲乙\n"  # a very long line
        "末行甲乙"  # the last line, no newline
    )
    assert_identical(linter, text, DAY)
    fast, _ = both_ways(linter, Document("<text>", text), DAY)
    assert [(d.rule, d.span.line) for d in fast.diagnostics] == [
        ("t.line", 1),
        ("t.line", 2),
        ("t.across", 2),
        ("t.line", 4),
        ("t.line", 4),
        ("t.line", 5),
    ]


@needs_hyperscan
def test_a_database_cached_in_the_other_mode_is_not_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "MIN_CHARACTERS", 0)
    monkeypatch.setattr(prefilter, "DENSE_REPORTS_PER_BYTE", 1.0)
    compiled: list[bool] = []
    real = prefilter._compile

    def counting(hs: object, checks: object) -> object:
        compiled.append(prefilter.LINE_MODE)
        return real(hs, checks)  # type: ignore[arg-type]

    monkeypatch.setattr(prefilter, "_compile", counting)
    checks = pack_linter(*RULES, ("only-here", r"己[^。\n]*庚", "己庚")).checks  # no other test caches these
    for mode in (False, True, True, False):
        monkeypatch.setattr(prefilter, "LINE_MODE", mode)
        fresh = Linter.of_checks(checks)
        assert fresh.prefilter.narrow(fresh.checks, "甲乙") is not None
        assert fresh.prefilter._database is not None
        assert fresh.prefilter._database.entries[0].lines is mode
    assert compiled == [False, True]  # each mode built once, then read back from its own cache entry
    assert_identical(Linter.of_checks(checks), "甲乙\n丁\n戊", DAYS[-1])
