"""The default output: line:column, rule, message, the source excerpt and a marker under the span."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len

from lint.diagnostics import Severity
from lint.engine import Linter
from lint.packs import parse_pack
from lint.reporters.full import excerpt, report
from lint.results import FileResult
from lint.source import Document

PACK = """
pack: demo
description: demo
rules:
  - id: word
    title: 示例
    severity: error
    kind: pattern
    message: "“{match}”示例"
    rationale: 示例。
    source: 示例
    params: {words: [占位]}
    examples: {bad: ["占位"], good: ["正文"]}
"""


def render(text: str) -> str:
    linter = Linter(parse_pack(PACK, "demo.yaml").rules)
    document = Document("d.txt", text)
    stream = io.StringIO()
    report([FileResult("d.txt", linter.lint(document), document)], stream, color=False)
    return stream.getvalue()


def test_marker_is_aligned_under_wide_characters():
    out = render("第一行\n全县ab占位符，继续。\n")
    lines = out.splitlines()
    source = next(line for line in lines if "占位符" in line and "│" in line)
    marker = lines[lines.index(source) + 1]
    assert "2:5 error demo.word" in out
    start = source.index("占位")
    # The marker line is ASCII, so its string index is its screen column.
    assert marker.index("^") == cell_len(source[:start])
    assert marker.count("^") == cell_len("占位")


def test_long_line_is_cut_to_a_window_around_the_span():
    line = "甲" * 100 + "占位" + "乙" * 100
    shown, start, end = excerpt(line, 100, 102)
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[start:end] == "占位"
    assert len(shown) < 60


def test_summary_counts_by_severity_and_pack():
    out = render("占位和占位")
    assert "Found 2 problem(s) in 1 of 1 file(s)" in out
    assert f"2 {Severity.ERROR}" in out and "demo 2" in out


def rich_plain(results: list[FileResult]) -> str:
    """The report as rich itself prints the layout without color (what the plain writer must equal)."""
    from rich.console import Console
    from rich.text import Text

    from lint.reporters.full import layout

    stream = io.StringIO()
    console = Console(file=stream, force_terminal=False, no_color=True, highlight=False, soft_wrap=True)
    for base, pieces in layout(results):
        text = Text(style=base)
        for piece, style in pieces:
            text.append(piece, style=style or None)
        console.print(text)
    return stream.getvalue()


TRICKY = [
    "第一行\n全县ab占位符，继续。\n",
    "\t占位\tx\t\t占位",
    "ab\tc占位\x07\x08\x0b\x0c末尾",
    "中\t文\t占位 \u200b零宽\u0301 👨‍👩‍👧 占位",
    "甲" * 40 + "\t占位\t" + "乙" * 40,
    "占位\r\n第二行\r占位",
]


def test_plain_output_is_what_rich_prints_without_color():
    linter = Linter(parse_pack(PACK, "demo.yaml").rules)
    for text in TRICKY:
        document = Document("d\t\r1.txt", text)
        results = [FileResult("d\t\r1.txt", linter.lint(document), document), FileResult("empty.txt", [], None)]
        stream = io.StringIO()
        report(results, stream, color=False)
        assert stream.getvalue() == rich_plain(results), text
    stream = io.StringIO()
    report([FileResult("empty.txt", [], None)], stream, color=False)
    assert stream.getvalue() == rich_plain([FileResult("empty.txt", [], None)]) == "No problems found in 1 file(s).\n"


def test_color_output_styles_the_severity():
    linter = Linter(parse_pack(PACK, "demo.yaml").rules)
    document = Document("d.txt", "占位")
    stream = io.StringIO()
    report([FileResult("d.txt", linter.lint(document), document)], stream, color=True)
    assert "\x1b[" in stream.getvalue() and "error" in stream.getvalue()


@pytest.mark.parametrize("text", ["", "abc", "占位符", "ＸＸ年", "e\u0301", "“引号”…", "第1（一）条"])
def test_display_width_counts_columns_as_rich_does(text: str) -> None:
    from lint.reporters.full import display_width

    assert display_width(text) == cell_len(text)


MIXED = """
pack: demo
description: demo
rules:
  - id: comma
    title: 半角逗号
    severity: warning
    kind: pattern
    message: "半角逗号"
    rationale: r
    source: s
    fix: safe
    params: {regex: ',', replacement: '，'}
    examples: {bad: ["甲,乙"], good: ["甲，乙"]}
  - id: name
    title: 人名
    severity: error
    kind: pattern
    message: "屏蔽的人名"
    rationale: r
    source: s
    params: {regex: '\\*\\*\\*'}
    examples: {bad: ["***同志"], good: ["张三同志"]}
"""


def render_with(pack: str, text: str, **options: bool) -> str:
    linter = Linter(parse_pack(pack, "demo.yaml").rules)
    document = Document("d.txt", text)
    stream = io.StringIO()
    report([FileResult("d.txt", linter.lint(document), document)], stream, color=False, **options)
    return stream.getvalue()


def test_the_most_serious_findings_come_first():
    out = render_with(MIXED, "甲,乙,丙,丁\n***同志指出\n")
    assert out.index("2:1 error demo.name") < out.index("1:2 warning demo.comma")


def test_many_mechanical_findings_in_one_paragraph_are_counted_not_repeated():
    out = render_with(MIXED, "甲,乙,丙,丁,戊,己\n***同志,***同志,***同志,***同志\n")
    assert out.count("warning demo.comma") == 2 + 3  # two of five shown on line 1; three are not worth counting
    assert "…同一段另有 3 处 demo.comma：1:6、1:8、1:10" in out
    assert out.count("error demo.name") == 4  # not fixable: every one is shown
    assert "By rule: demo.comma 8, demo.name 4" in out


def test_quiet_leaves_out_the_summary():
    out = render_with(MIXED, "甲,乙\n", quiet=True)
    assert "demo.comma" in out and "Found" not in out and "By pack" not in out


def test_excerpts_fit_the_terminal_and_markers_stay_under_the_span(monkeypatch):
    from lint.reporters.full import display_width

    monkeypatch.setenv("COLUMNS", "80")
    line = "甲乙丙丁" * 40 + "占位" + "\t戊己庚辛" * 40
    out = render(line)
    source = next(text for text in out.splitlines() if "占位" in text and "│" in text)
    marker = out.splitlines()[out.splitlines().index(source) + 1]
    assert display_width(source) <= 80 and display_width(marker) <= 80
    assert display_width(source[: source.index("占位")]) == marker.index("^")
    assert "\t" not in source  # a tab would move the text, not the marker


def test_rules_table_never_cuts_a_rule_id(monkeypatch, capsys):
    from lint.cli import main
    from lint.packs import load_packs

    monkeypatch.setenv("COLUMNS", "80")
    assert main(["rules"]) == 0
    shown = capsys.readouterr().out
    for pack in load_packs():
        for rule in pack.rules:
            assert rule.id in shown, rule.id
