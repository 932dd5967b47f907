"""The native prefilter (gwlint[fast], lint.prefilter) changes nothing but speed.

Without hyperscan: ``Windows`` finds what ``finditer`` finds whenever every match starts in a window,
and the widened classes hold what ``re`` matches. With hyperscan: generated and real texts linted
both ways give identical diagnostics, fixes and order; the database is cached; a missing library or
a text that is not valid UTF-8 takes the pure-Python path.
"""

from __future__ import annotations

import datetime
import os
import random
import re
from collections.abc import Iterator

import authoritative
import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lint.prefilter as prefilter
from lint.checks.scan import Scanner
from lint.engine import Linter, Outcome
from lint.prefilter.translate import Unsupported, class_ranges, translate
from lint.prefilter.windows import Windows, char_offsets, merged
from lint.source import Document

# assertions at the ends of a match are what a window's bounds could get wrong
TRICKY = [
    r"ab(?!c)",
    r"ab$",
    r"(?m)ab$",
    r"ab\Z",
    r"ab\b",
    r"(?<=x)ab",
    r"(?<![一二])、(?=“)",
    r"(?P<w>[一-龥]{2})(?P=w)",
    r"\d+(?:\.\d+)?%",  # no bound on its length
    r"[^\n]{0,5}?年(?=\d)",
    r"[^\n]{0,12}?年(?=\d)",  # written unbounded for hyperscan
    r"(?<=a(?=bcd))b",  # a look-ahead inside a look-behind looks past the match
    r"x\s*y",
]
ALPHABET = "abcdxy一二三年、“”%.0123 \n"


def true_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [start for start in range(len(text)) if (m := pattern.match(text, start)) and m.end() > start]


@pytest.mark.parametrize("source", TRICKY)
def test_windows_find_what_finditer_finds(source: str) -> None:
    pattern = re.compile(source)
    translation = translate(pattern)
    rng = random.Random(source)
    for _ in range(300):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40)))
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text) if m.end() > m.start()]
        spans = [(max(0, s - rng.randint(0, 3)), s + 1 + rng.randint(0, 3)) for s in true_starts(pattern, text)]
        spans += [(a, a + rng.randint(0, 4)) for a in rng.sample(range(len(text)), min(3, len(text)))]
        windows = Windows(pattern, merged(spans), translation.reach, Scanner(pattern).starts)
        assert [(m.span(), m.groupdict()) for m in windows.finditer(text)] == expected, text


def test_a_window_does_not_hide_what_follows_it() -> None:
    """A window ending right after ``ab`` must still see the ``c`` that forbids the match."""
    pattern = re.compile(r"ab(?!c)")
    reach = translate(pattern).reach
    assert reach is not None and reach >= 3
    assert list(Windows(pattern, [(0, 1)], reach, None).finditer("abc")) == []
    assert [m.span() for m in Windows(pattern, [(0, 1)], reach, None).finditer("abd")] == [(0, 2)]


def test_widened_classes_hold_what_re_matches() -> None:
    from re import _parser  # type: ignore[attr-defined]

    rng = random.Random(7)
    points = [*range(0, 0x3100), *rng.sample(range(0x3100, 0x110000), 3000)]
    for source in (r"[^\d\s]", r"[\w.]", r"[^一-龥]", r"\S", r"[\W_]"):
        (_, items), *_ = _parser.parse(source)
        ranges = class_ranges(items, 0)
        pattern = re.compile(source)
        for point in points:
            inside = any(low <= point <= high for low, high in ranges)
            assert inside == bool(pattern.fullmatch(chr(point))), (source, hex(point))


def test_what_is_not_rewritten_keeps_the_pure_path() -> None:
    for source in (r"(?i)ab", r"a*"):
        with pytest.raises(Unsupported):
            translate(re.compile(source))


def test_a_wide_counted_repeat_loses_its_upper_bound_but_not_its_width() -> None:
    """[^\n。]{2,200}? compiled as written took hyperscan 19 s (a state per count of a multi-byte
    class); unbounded it takes a fraction of a second, and windows still use re's own bounds."""
    from lint.prefilter.translate import WIDEST_COUNTED_REPEAT

    wide = translate(re.compile(r"抄送：[^\n。]{2,200}?局$"))
    assert "{2,}" in wide.expression and "200" not in wide.expression
    assert wide.width == 3 + 200 + 1 and wide.reach == 3 + 200 + 1
    narrow = translate(re.compile(f"年[0-9]{{1,{WIDEST_COUNTED_REPEAT}}}"))
    assert f"{{1,{WIDEST_COUNTED_REPEAT}}}" in narrow.expression


def test_a_regex_anchored_at_the_start_of_the_text_keeps_the_pure_path() -> None:
    """re tries ``\\A...`` at one position; widened, the anchor dropped, it would be looked for (and
    reported) all over a document: three such rules on the title line took 40% of the native scan."""
    for source in (r"\A[^\n]{0,30}关于", r"(?m)\A[ \t]*第一"):
        with pytest.raises(Unsupported):
            translate(re.compile(source))
    for source in (r"(?m)^[ \t]*第一", r"(?:\A|，)关于"):  # ^ in multi-line mode: every line; \A in one branch
        assert translate(re.compile(source)).expression


def test_byte_offsets_become_character_offsets() -> None:
    text = "ab一二\U0001f600c\n三"
    data = text.encode("utf-8")
    boundaries = sorted({len(text[:i].encode()) for i in range(len(text) + 1)})
    assert char_offsets(data, boundaries) == {len(text[:i].encode()): i for i in range(len(text) + 1)}


def test_character_offsets_are_looked_up_only_for_the_offsets_converted() -> None:
    """The conversion keeps two arrays, not a dict (40 MB at the 10 MB benchmark's peak): an offset it was
    not given is a KeyError, as the dict's was, not the nearest neighbour's character offset."""
    data = "一二三".encode()
    offsets = char_offsets(data, [0, 6])
    assert (offsets[0], offsets[6], len(offsets), list(offsets)) == (0, 2, 2, [0, 6])
    with pytest.raises(KeyError):
        offsets[3]


# both ways, with hyperscan -------------------------------------------------------------------------

try:
    import hyperscan  # noqa: F401
except Exception:  # not installed, or no wheel for this platform
    HYPERSCAN = False
else:
    HYPERSCAN = True
needs_hyperscan = pytest.mark.skipif(not HYPERSCAN, reason="hyperscan (gwlint[fast]) is not importable: pure path only")

EXAMPLES = settings(
    max_examples=int(os.environ.get("GWLINT_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DAYS = [datetime.date(2012, 11, 8), datetime.date(2019, 6, 1), datetime.date(2026, 12, 1)]


@pytest.fixture
def always(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The prefilter on every text, however short; the list counts the texts it was used on."""
    monkeypatch.setattr(prefilter, "MIN_CHARACTERS", 0)
    used: list[int] = []
    narrow = prefilter.Prefilter.narrow

    def counting(self: prefilter.Prefilter, checks: object, text: str) -> object:
        result = narrow(self, checks, text)  # type: ignore[arg-type]
        if result is not None:
            used.append(len(text))
        return result

    monkeypatch.setattr(prefilter.Prefilter, "narrow", counting)
    yield used


def both_ways(linter: Linter, document: Document, day: datetime.date) -> tuple[Outcome, Outcome]:
    fast = linter.run(document, None, day)
    saved, linter.prefilter = linter.prefilter, None  # type: ignore[assignment]
    try:
        pure = linter.run(document, None, day)
    finally:
        linter.prefilter = saved
    return fast, pure


def assert_identical(linter: Linter, text: str, day: datetime.date) -> None:
    fast, pure = both_ways(linter, Document("<text>", text), day)
    assert fast.problems == pure.problems  # a rule that fails (a bug of its own) fails on both paths
    assert [(d.rule, d.span, d.message, d.fix) for d in fast.diagnostics] == [
        (d.rule, d.span, d.message, d.fix) for d in pure.diagnostics
    ]
    assert fast.diagnostics == pure.diagnostics


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


@st.composite
def drafts(draw: st.DrawFn, examples: list[str], seeds: list[str]) -> str:
    seed_slice = st.tuples(st.sampled_from(seeds), st.integers(0, 10**6), st.integers(1, 300)).map(
        lambda t: t[0][t[1] % len(t[0]) :][: t[2]]
    )
    fragment = st.one_of(
        seed_slice,
        st.sampled_from(examples),
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12),
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=12),
        st.text(
            st.sampled_from("，。、；：？！“”‘’（）《》【】…—×＊*０１２３４５６７８９XＸ\n\r\t \u3000"), max_size=6
        ),
    )
    return "".join(draw(st.lists(fragment, min_size=1, max_size=30)))


def rule_examples(linter: Linter) -> list[str]:
    texts = [example.text for rule in linter.rules for example in rule.bad]
    return texts + [example.text for rule in linter.rules for example in rule.good]


@needs_hyperscan
def test_generated_texts_lint_the_same_both_ways(linter: Linter, always: list[int]) -> None:
    examples, seeds = rule_examples(linter), seed_texts()

    @EXAMPLES
    @given(drafts(examples, seeds), st.sampled_from(DAYS))
    def check(text: str, day: datetime.date) -> None:
        assert_identical(linter, text, day)

    check()
    assert always, "the prefilter was never used: the test compared the pure path with itself"


@needs_hyperscan
def test_real_texts_lint_the_same_both_ways(linter: Linter, always: list[int]) -> None:
    for text in seed_texts():
        for day in DAYS:
            assert_identical(linter, text, day)
    assert len(always) == len(DAYS) * len(seed_texts())


@needs_hyperscan
@pytest.mark.skipif(not authoritative.available(), reason="the authoritative corpus is not beside the project")
def test_authoritative_corpus_lints_the_same_both_ways(linter: Linter, always: list[int]) -> None:
    for text in authoritative.texts():
        assert_identical(linter, text.path.read_text(encoding="utf-8"), text.day)
    assert always


@needs_hyperscan
def test_a_large_document_takes_the_prefilter_by_itself(linter: Linter) -> None:
    seeds = "\n".join(seed_texts())
    text = seeds * (prefilter.MIN_CHARACTERS // len(seeds) + 1)
    assert len(text) >= prefilter.MIN_CHARACTERS
    assert linter.prefilter.narrow(linter.checks_on(DAYS[-1]), text) is not None
    assert_identical(linter, text, DAYS[-1])


@needs_hyperscan
def test_without_hyperscan_the_pure_path_runs(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "MIN_CHARACTERS", 0)
    monkeypatch.setattr(prefilter, "_hyperscan", lambda: None)
    fresh = Linter.of_checks(linter.checks)
    assert fresh.prefilter.narrow(fresh.checks, "各单位要认真贯彻落实。") is None
    text = seed_texts()[0]
    assert fresh.lint(Document("<text>", text), DAYS[-1]) == linter.lint(Document("<text>", text), DAYS[-1])


@needs_hyperscan
def test_text_that_is_not_utf8_takes_the_pure_path(linter: Linter, always: list[int]) -> None:
    text = "各单位要认真贯彻落实\udcff。" * 3
    assert linter.prefilter.narrow(linter.checks, text) is None
    assert_identical(linter, text, DAYS[-1])


@needs_hyperscan
def test_the_database_is_read_back_from_the_cache(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "MIN_CHARACTERS", 0)
    first = Linter.of_checks(linter.checks)
    assert first.prefilter.narrow(first.checks, "各单位") is not None  # built and stored

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(prefilter, "_compile", no_compiling)
    second = Linter.of_checks(linter.checks)
    assert second.prefilter.narrow(second.checks, "各单位") is not None


@needs_hyperscan
def test_a_pickled_linter_leaves_the_database_behind(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    monkeypatch.setattr(prefilter, "MIN_CHARACTERS", 0)
    used = Linter.of_checks(linter.checks[:20])
    used.prefilter.narrow(used.checks, "各单位")
    restored = pickle.loads(pickle.dumps(used))
    assert restored.prefilter._database is None and restored.prefilter.checks == restored.checks


@needs_hyperscan
def test_each_regex_is_compiled_alone_once_and_refusals_take_the_next_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    """A regex hyperscan refuses in SOM mode falls back to reporting presence; one it refuses in every
    mode is left out (it runs on the pure path); the set is compiled together once. Finding refusals by
    halving the whole set compiled the slowest patterns again and again (91 s on the default packs)."""
    import hyperscan as hs

    from lint.packs import parse_pack

    pack = parse_pack(
        "pack: t\nrules:\n"
        + "".join(
            f"  - {{id: {name}, title: t, severity: warning, kind: pattern, message: m, rationale: r, source: s,"
            f" params: {{regex: '{regex}'}}, examples: {{bad: ['{bad}'], good: ['无']}}}}\n"
            for name, regex, bad in (
                ("fixed", "甲乙丙", "甲乙丙"),
                ("open", "丁[^戊]*戊", "丁丁戊"),  # unbounded and can take a line break: SOM mode
                ("refused", "己庚", "己庚"),
            )
        ),
        "t.yaml",
    )
    checks = Linter(pack.rules).checks
    refused = translate(checks[2].pattern).expression.encode()  # type: ignore[attr-defined]
    calls: list[int] = []
    real = prefilter._native

    def picky(module: object, items: list[tuple[bytes, int]]) -> object | None:
        calls.append(len(items))
        if len(items) == 1 and (items[0][0] == refused or items[0][1] & hs.HS_FLAG_SOM_LEFTMOST):
            return None
        return real(module, items)

    monkeypatch.setattr(prefilter, "_native", picky)
    monkeypatch.setattr(prefilter, "DENSE_REPORTS_PER_BYTE", 1.0)  # the examples here are too short to judge
    database = prefilter._compile(hs, checks)
    assert database is not None
    assert [(entry.check, entry.use) for entry in database.entries] == [(0, prefilter.WINDOWS), (1, prefilter.PRESENCE)]
    assert calls == [1, 1, 1, 1, 1, 2 + len(database.words)]  # fixed; open (SOM, presence); refused (twice); all


@needs_hyperscan
def test_a_regex_dense_on_the_rules_examples_reports_presence_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A widened regex that matches nearly everywhere would send millions of reports through Python on a
    large document (punctuation.paragraph-missing-end-mark: 2.5 million on 10 MB); its reports on the
    rules' own examples give it away, and it then only reports whether it occurs."""
    import hyperscan as hs

    from lint.packs import parse_pack

    pack = parse_pack(
        "pack: t\nrules:\n  - {id: r, title: t, severity: warning, kind: pattern, message: m, rationale: r,"
        " source: s, params: {regex: '甲乙+丙'}, examples: {bad: ['甲乙丙，甲乙乙丙'], good: ['"
        + "无" * 300
        + "']}}\n",
        "t.yaml",
    )
    checks = Linter(pack.rules).checks
    assert [entry.use for entry in prefilter._compile(hs, checks).entries] == [prefilter.WINDOWS]
    monkeypatch.setattr(prefilter, "DENSE_REPORTS_PER_BYTE", 0.001)  # 2 reports on 925 bytes of examples
    assert [entry.use for entry in prefilter._compile(hs, checks).entries] == [prefilter.PRESENCE]


@needs_hyperscan
def test_a_regex_anchored_at_the_start_of_the_text_is_left_out_of_the_database() -> None:
    """It runs on the whole text as on the pure path, with the same findings at the start and none elsewhere."""
    import hyperscan as hs

    from lint.packs import parse_pack

    pack = parse_pack(
        "pack: t\nrules:\n"
        + "".join(
            f"  - {{id: {name}, title: t, severity: warning, kind: pattern, message: m, rationale: r, source: s,"
            f" params: {{regex: '{regex}'}}, examples: {{bad: ['{bad}'], good: ['无']}}}}\n"
            for name, regex, bad in (("anchored", r"\A[^\n]{0,3}甲乙", "标题甲乙"), ("plain", "甲乙丙", "甲乙丙"))
        ),
        "t.yaml",
    )
    linter = Linter(pack.rules)
    database = prefilter._compile(hs, linter.checks)
    assert database is not None
    assert [entry.check for entry in database.entries] == [1]
    day = datetime.date(2026, 12, 1)
    for text in ("标题甲乙丙\n正文甲乙丙。" * 3, "正文\n标题甲乙"):
        assert_identical(linter, text, day)
    fast, _ = both_ways(linter, Document("<text>", "标题甲乙丙\n甲乙丙"), day)
    assert [(d.rule, d.span.line) for d in fast.diagnostics] == [("t.anchored", 1), ("t.plain", 1), ("t.plain", 2)]


class _Reports:
    """A stand-in for a hyperscan database: ``scan`` sends the given (id, start, end) reports."""

    def __init__(self, reports: list[tuple[int, int, int]]) -> None:
        self.reports = reports

    def scan(self, data: bytes, match_event_handler: object) -> None:
        for index, start, end in self.reports:
            match_event_handler(index, start, end, 0, None)  # type: ignore[operator]  # the handler _scan passes


def test_reports_that_open_overlapping_windows_are_folded_as_they_arrive() -> None:
    """One window per line for a regex that stays on one line, one per run of ends closer than its
    width for a bounded one, every report where starts are known; the windows are those of all reports."""
    entries = [
        prefilter.Entry(0, prefilter.WINDOWS, None, None, False, lines=True),
        prefilter.Entry(1, prefilter.WINDOWS, 4, None, False),
        prefilter.Entry(2, prefilter.WINDOWS, None, None, True),
    ]
    data = b"0123456789\n0123456789012345"
    events = [(0, 0, 3), (0, 0, 7), (0, 0, 14), (1, 0, 3), (1, 0, 6), (1, 0, 20), (2, 1, 3), (2, 2, 6)]
    database = prefilter.Database(_Reports(events), entries, [])
    present, positions = prefilter._scan(database, data)
    assert present == {0, 1, 2}
    assert positions == {0: [(0, 7), (0, 14)], 1: [(3, 6), (20, 20)], 2: [(1, 3), (2, 6)]}
    _, unfolded = prefilter._scan(database, data, fold=False)
    assert [len(unfolded[index]) for index in range(3)] == [3, 3, 2]
