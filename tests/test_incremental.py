"""The server's incremental re-lint (lint.incremental) reports what a full lint reports, edit after edit.

Random edit sequences — characters typed and deleted, paragraphs split and joined, a paragraph
pasted, a heading's number changed, a word typed twice, suppression comments added, the date of
the draft changed — are applied to real drafts (seeds/ and the authoritative corpus, as text and as
Markdown), and after every edit the incremental result must equal ``Linter.run`` on the same text at
the same as-of day (read from the draft, as ``--as-of document`` does).
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from lint.checks.locality import line_local
from lint.dating import DOCUMENT, resolve_as_of
from lint.engine import Linter
from lint.incremental import IncrementalLinter
from lint.packs import load_packs
from lint.source import text_document

AUTHORITATIVE = ROOT.parent / "shared" / "corpus" / "authoritative"
CORPUS_SAMPLE = 6  # corpus texts edited (spread over the years), their first CORPUS_CHARACTERS only
CORPUS_CHARACTERS = 12_000
HEADING = re.compile(r"^([\u3000 ]*)(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．])", re.MULTILINE)
NUMERALS = "一二三四五六七八九十"
TYPED = "的和了在是对，。、；：“”（）《》\n 　1２x坚决落实推进"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.from_packs()


def _texts() -> list[tuple[str, str]]:
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    corpus = sorted(AUTHORITATIVE.glob("20*.txt"))
    step = max(1, len(corpus) // CORPUS_SAMPLE)
    texts += [(path.name, path.read_text(encoding="utf-8")[:CORPUS_CHARACTERS]) for path in corpus[::step]]
    return texts


TEXTS = _texts()


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _insert(rng: random.Random, text: str, other: str) -> str:
    at = rng.randrange(len(text) + 1)
    typed = "".join(rng.choice(TYPED) for _ in range(rng.randint(1, 3)))
    return text[:at] + typed + text[at:]


def _delete(rng: random.Random, text: str, other: str) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + text[at + rng.randint(1, 6) :]


def _split(rng: random.Random, text: str, other: str) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + rng.choice(["\n", "\n\n", "\r\n"]) + text[at:]


def _join(rng: random.Random, text: str, other: str) -> str:
    breaks = [match.start() for match in re.finditer("\n", text)]
    if not breaks:
        return text
    at = rng.choice(breaks)
    return text[:at] + text[at + 1 :]


def _paste(rng: random.Random, text: str, other: str) -> str:
    source = rng.choice([text, other])
    lines = source.split("\n")
    pasted = rng.choice(lines)
    at = rng.choice(_line_starts(text))
    return text[:at] + pasted + "\n" + text[at:]


def _repeat_line(rng: random.Random, text: str, other: str) -> str:
    """A line pasted twice (the duplicate kind compares a line with the one before)."""
    starts = _line_starts(text)
    number = rng.randrange(len(starts))
    end = starts[number + 1] if number + 1 < len(starts) else len(text)
    line = text[starts[number] : end]
    return text[:end] + ("" if line.endswith("\n") else "\n") + line + text[end:]


def _quote_over_paragraphs(rng: random.Random, text: str, other: str) -> str:
    """A quotation left open at a paragraph's end and reopened by the next (pairing's ``continued``)."""
    at = rng.choice(_line_starts(text))
    return (
        text[:at] + "“第一段引文。\n" * rng.randint(1, 2) + rng.choice(["“第二段引文。”\n", "第二段。\n"]) + text[at:]
    )


def _wrapped_repeat(rng: random.Random, text: str, other: str) -> str:
    """A long line hard-wrapped in the middle, the word before the wrap typed again after it."""
    long_lines = [match for match in re.finditer(r"[^\n]{40,}", text)]
    if not long_lines:
        return text
    line = rng.choice(long_lines)
    at = rng.randrange(line.start() + 20, line.end() - 10)
    return text[:at] + "\n" + text[at - 2 : at] + text[at:]


def _table_of_contents(rng: random.Random, text: str, other: str) -> str:
    """A table of contents at the top, and a body heading worded differently or alike."""
    toc = "目录\n一、总体要求\n二、主要任务\n三、保障措施\n\n"
    heading = rng.choice(["二、主要任务\n", "二、重点任务\n", "三、保障措施\n"])
    at = rng.choice(_line_starts(text))
    return toc + text[:at] + heading + text[at:]


def _heading(rng: random.Random, text: str, other: str) -> str:
    headings = list(HEADING.finditer(text))
    if not headings:
        return _paste(rng, text, other)
    match = rng.choice(headings)
    mark = match.group(0)
    numeral = next((char for char in mark if char in NUMERALS or char.isdigit()), None)
    if numeral is None:
        return text
    other_numeral = rng.choice(NUMERALS if numeral in NUMERALS else "123456789")
    return text[: match.start()] + mark.replace(numeral, other_numeral, 1) + text[match.end() :]


def _doubled(rng: random.Random, text: str, other: str) -> str:
    words = [match for match in re.finditer(r"[\u4e00-\u9fff]{2}", text)]
    if not words:
        return text
    word = rng.choice(words)
    return text[: word.end()] + word.group() + text[word.end() :]


def _suppress(rng: random.Random, text: str, other: str, linter: Linter) -> str:
    found = linter.lint_text(text, "<text>", datetime.date(2026, 12, 4))
    rule = rng.choice(found).rule if found and rng.random() < 0.8 else "punctuation"
    at = rng.choice(_line_starts(text))
    comment = rng.choice(
        [
            f"<!-- gwlint-disable-next-line {rule} -->\n",
            f"<!-- gwlint-disable {rule} -->\n",
            "<!-- gwlint-enable -->\n",
            "<!-- gwlint-disable-next-line -->\n",
        ]
    )
    return text[:at] + comment + text[at:]


def _redate(rng: random.Random, text: str, other: str) -> str:
    years = list(re.finditer(r"(?:19|20)\d\d(?=年)", text))
    if not years:
        return text[:0] + f"{rng.randint(2000, 2026)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n" + text
    year = rng.choice(years)
    return text[: year.start()] + str(rng.randint(2000, 2026)) + text[year.end() :]


EDITS: list[Callable[[random.Random, str, str], str]] = [
    _insert, _insert, _insert, _delete, _delete, _split, _join, _paste, _heading, _doubled, _redate,
    _repeat_line, _quote_over_paragraphs, _wrapped_repeat, _table_of_contents,
]  # fmt: skip


def _assert_same(linter: Linter, incremental: IncrementalLinter, name: str, text: str, history: list[str]) -> None:
    fmt = "markdown" if name.endswith(".md") else "text"
    document = text_document(name, text, fmt)
    day, _ = resolve_as_of(DOCUMENT, document.text)
    full = linter.run(document, None, day)
    got = incremental.run(document, None, day)
    assert got.problems == full.problems
    if got.diagnostics != full.diagnostics:
        missing = [d for d in full.diagnostics if d not in got.diagnostics][:3]
        extra = [d for d in got.diagnostics if d not in full.diagnostics][:3]
        pytest.fail(f"{name} after {history}: missing {missing}, extra {extra}")


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
@pytest.mark.parametrize("number", range(len(TEXTS)), ids=[name[:16] for name, _ in TEXTS])
def test_incremental_equals_a_full_lint_after_every_edit(linter: Linter, number: int, markdown: bool) -> None:
    name, text = TEXTS[number]
    name = name + (".md" if markdown else "")
    other = TEXTS[(number + 1) % len(TEXTS)][1]
    rng = random.Random(f"{name}-{markdown}")
    incremental = IncrementalLinter(linter)
    history: list[str] = []
    _assert_same(linter, incremental, name, text, history)
    for _ in range(8 if number < 5 else 4):
        if rng.random() < 0.12:
            text, edit_name = _suppress(rng, text, other, linter), "_suppress"
        else:
            edit = rng.choice(EDITS)
            text, edit_name = edit(rng, text, other), edit.__name__
        history.append(edit_name)
        _assert_same(linter, incremental, name, text, history)


def test_a_one_character_edit_checks_one_line_again(linter: Linter) -> None:
    text = (SEEDS / "000_f89e1c48d90b888c.txt").read_text(encoding="utf-8")
    incremental = IncrementalLinter(linter)
    incremental.run(text_document("a.txt", text), None, datetime.date(2026, 12, 4))
    assert incremental.lines_checked > 10
    middle = text.index("\n", len(text) // 2) + 3
    edited = text[:middle] + "的" + text[middle:]
    incremental.run(text_document("a.txt", edited), None, datetime.date(2026, 12, 4))
    assert incremental.lines_checked == 1


def test_a_document_condition_is_judged_on_the_whole_text(tmp_path: Path) -> None:
    """A paragraph-local rule with only_if_document_matches reports on an unchanged line once
    another line supplies the condition, and stops when it goes."""
    pack = tmp_path / "team.yaml"
    pack.write_text(
        "pack: team\nrules:\n  - id: gated\n    kind: pattern\n    severity: warning\n"
        "    title: t\n    message: 不用“{match}”\n    rationale: r\n    source: s\n"
        "    params: {words: [抓手], only_if_document_matches: 试点}\n"
        "    examples: {bad: [以此为抓手开展试点。], good: [以此为抓手。]}\n",
        encoding="utf-8",
    )
    linter = Linter(load_packs([pack], builtin=False)[0].rules)
    assert all(check.paragraph_local() for check in linter.checks)
    incremental = IncrementalLinter(linter)
    day = datetime.date(2026, 12, 4)
    without = incremental.run(text_document("a.txt", "以此为抓手。\n其他。\n"), None, day)
    with_it = incremental.run(text_document("a.txt", "以此为抓手。\n开展试点。\n"), None, day)
    assert without.diagnostics == []
    assert [d.matched for d in with_it.diagnostics] == ["抓手"]
    assert incremental.lines_checked == 1


@pytest.mark.parametrize(
    ("source", "local"),
    [
        ("坚决坚决", True),
        (r"(?<![\u4e00-\u9fff])x\b", True),
        (r"[^，。]+", False),  # a negated class holds the line break
        (r"a\sb", False),
        (r"\S+。", True),
        (r".{2}", True),  # . stops at a line break
        (r"(?s).", False),
        (r"^标题", False),  # the start of the whole text
        (r"(?m)^标题", True),  # the start of a line
        (r"(?=\n)", False),
        (r"结束\Z", False),
    ],
)
def test_a_pattern_is_line_local_only_when_nothing_in_it_crosses_a_line(source: str, local: bool) -> None:
    assert line_local(re.compile(source)) is local


def test_every_builtin_kind_declares_a_locality(linter: Linter) -> None:
    kinds = {type(check).locality for check in linter.checks}
    assert kinds == {"paragraph", "document"}
    assert sum(check.paragraph_local() for check in linter.checks) > len(linter.checks) // 2


def test_a_pattern_across_lines_runs_on_the_whole_text(tmp_path: Path) -> None:
    """甲[^。]*乙 matches across a line break: it is a document-level rule, and an edit of another
    line does not lose its finding (nor does an edit that breaks the span)."""
    pack = tmp_path / "team.yaml"
    pack.write_text(
        "pack: team\nrules:\n  - id: across\n    kind: pattern\n    severity: warning\n"
        "    title: t\n    message: 不用“{match}”\n    rationale: r\n    source: s\n"
        "    params: {regex: '甲[^。]*乙'}\n"
        "    examples: {bad: [甲和乙。], good: [甲。乙。]}\n",
        encoding="utf-8",
    )
    linter = Linter(load_packs([pack], builtin=False)[0].rules)
    assert not any(check.paragraph_local() for check in linter.checks)
    incremental = IncrementalLinter(linter)
    day = datetime.date(2026, 12, 4)
    for text in ("前言。\n甲方\n与乙方。\n", "前言二。\n甲方\n与乙方。\n", "前言二。\n甲方。\n与乙方。\n"):
        document = text_document("a.txt", text)
        assert incremental.run(document, None, day).diagnostics == linter.run(document, None, day).diagnostics
    assert linter.lint_text("前言。\n甲方\n与乙方。\n", "a.txt", day)[0].matched == "甲方\n与乙"


def test_a_linter_with_lines_kept_pickles_without_them(linter: Linter) -> None:
    """Checks keep per-line results (lint.checks.linememo); a worker process gets the checks, not them."""
    import pickle

    text = (SEEDS / "001_e3827bc58f699066.txt").read_text(encoding="utf-8")
    day = datetime.date(2026, 12, 4)
    before = linter.lint_text(text, "a.txt", day)
    copy = pickle.loads(pickle.dumps(linter))
    pairing = next(check for check in copy.checks if check.kind == "pairing")
    assert pairing._memo._kept == {}
    assert copy.lint_text(text, "a.txt", day) == before


def test_a_long_report_after_edits_equals_a_full_lint(linter: Linter) -> None:
    """Past the size where the native prefilter (when installed) takes over the whole-text checks."""
    seeds = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = (seeds * 3)[:60_000]
    rng = random.Random("long")
    incremental = IncrementalLinter(linter)
    history: list[str] = []
    _assert_same(linter, incremental, "long.txt", text, history)
    for edit in (_insert, _delete, _paste, _repeat_line):
        text = edit(rng, text, seeds)
        history.append(edit.__name__)
        _assert_same(linter, incremental, "long.txt", text, history)


def test_the_server_engine_judges_an_edited_draft_as_gwlint_check_does(tmp_path: Path) -> None:
    """WarmEngine re-lints incrementally; its diagnostics, error and note equal the judge of
    ``gwlint check`` (lint.session), with ``--as-of document`` and a per-file ignore in force."""
    from lint.plans import Overrides
    from lint.server.linting import Settings, WarmEngine
    from lint.session import Judge

    (tmp_path / ".gwlint.yaml").write_text("per-file-ignores:\n  '*.txt': [punctuation]\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    engine = WarmEngine(Settings(overrides=Overrides(as_of=DOCUMENT)))
    text = (SEEDS / "002_aadc2b911ae548f3.txt").read_text(encoding="utf-8")
    rng = random.Random("engine")
    for edit in (None, _insert, _redate, _doubled):
        if edit is not None:
            text = edit(rng, text, text)
        linted = engine.lint_text(str(draft), text, draft)
        judged = Judge(engine.plan(draft), draft).result(text_document(str(draft), text))
        assert (linted.diagnostics, linted.error, linted.note) == (judged.diagnostics, judged.error, judged.note)
        assert not any(d.pack == "punctuation" for d in linted.diagnostics)
    assert engine._drafts[str(draft)].lines_checked <= 2
