"""The default output: line:column, rule, message, the source excerpt and a marker under the span."""

from __future__ import annotations

import io

from rich.cells import cell_len

from lint.diagnostics import Severity
from lint.engine import FileResult, Linter
from lint.packs import parse_pack
from lint.reporters.full import excerpt, report
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
