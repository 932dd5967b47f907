"""Hostile inputs take time in proportion to their size in the source, Markdown and suppression stages.

Each case is a shape that once made a stage quadratic (a search from every opening to the end of
the text, or every finding compared with every comment); see tests/growth.py for the measurement.
"""

from __future__ import annotations

import pytest
from growth import assert_linear
from pack_helpers import make_rule

from lint.checks.consistency import ConsistencyCheck
from lint.checks.pattern import PatternCheck
from lint.diagnostics import Diagnostic, Severity
from lint.formats.markdown import mask
from lint.source import Document, text_document
from lint.suppression import apply_suppressions

MARKDOWN_CASES = {  # name: (how to make a text of about n units, n)
    # runs of 1, 2, 3 ... backticks: none has a partner of its length, each was searched to the paragraph's end
    "backtick runs of every length": (lambda n: backtick_runs(n), 250_000),
    # 15,000 openings: a search from every opening to the end measures 4 at this size. The mask once kept a
    # string per character, whose allocation measured 3.1-3.5 here late in a full run (1.9-2.1 alone); it
    # now rebuilds the text from slices and measures 1.8-2.1
    "comment openings never closed": (lambda n: "<!-- 说明 " * n, 15_000),
}


def backtick_runs(characters: int) -> str:
    """About ``characters`` characters of backtick runs of growing length, each followed by a word."""
    runs, length, size = [], 1, 0
    while size < characters:
        runs.append("`" * length + "码 ")
        size += length + 2
        length += 1
    return "".join(runs)


@pytest.mark.parametrize("case", MARKDOWN_CASES)
def test_markdown_masking_is_linear(case: str) -> None:
    make, size = MARKDOWN_CASES[case]
    assert_linear(make, mask, size)


def findings_on_every_line(document: Document) -> list[Diagnostic]:
    return [
        Diagnostic(
            document.path, document.span(start, start + 1), "placeholder.template-stars", Severity.WARNING, "m", "*"
        )
        for start in document.line_starts[:-1]
    ]


SUPPRESSION_CASES = {  # name: (path, how to make a text of about n lines or comments, n)
    "a run of next-line comments": (
        "a.txt",
        lambda n: "<!-- gwlint-disable-next-line placeholder -->\n" * n + "正文\n",
        4_000,
    ),
    "blocks never enabled": ("a.md", lambda n: "<!-- gwlint-disable -->\n**县\n" * n, 4_000),
    "enables of other rules": (
        "a.md",
        lambda n: "<!-- gwlint-disable numbers -->\n**县\n" * n + "<!-- gwlint-enable punctuation -->\n**县\n" * n,
        3_000,
    ),
    "comments sharing plain-text lines": (
        "a.txt",
        lambda n: ("<!-- gwlint-disable placeholder -->" * 100 + "\n") * (n // 100) + "**县\n",
        40_000,
    ),
    "comments never closed": (
        "a.md",
        lambda n: "<!-- gwlint-disable numbers -->\n" + "<!-- gwlint-disable placeholder\n**县\n" * n,
        20_000,
    ),
}


@pytest.mark.parametrize("case", SUPPRESSION_CASES)
def test_applying_suppressions_is_linear(case: str) -> None:
    path, make_text, size = SUPPRESSION_CASES[case]

    def make(n: int) -> tuple[Document, list[Diagnostic]]:
        document = text_document(path, make_text(n), "markdown" if path.endswith(".md") else "text")
        return document, findings_on_every_line(document)

    def work(made: tuple[Document, list[Diagnostic]]) -> object:
        document, findings = made
        return apply_suppressions(document, findings, frozenset({"placeholder", "numbers"}), None)

    assert_linear(make, work, size)


# a match on every line of a text with no \r: the paragraph's start was also looked for as the last \r
# before the match, a search back to the start of the text for each finding
# (formulation.truncated-xi-thought: 0.1 s on the 10 MB benchmark file, 11 s on 100 MB)
PARAGRAPH_CONDITIONS = {"unless_paragraph_matches": "甲指出，", "unless_quoted": True}


@pytest.mark.parametrize("condition", PARAGRAPH_CONDITIONS)
def test_conditions_on_the_paragraph_are_linear(condition: str) -> None:
    check = PatternCheck(make_rule("pattern", {"regex": "乙", condition: PARAGRAPH_CONDITIONS[condition]}))

    def lint(document: Document) -> object:
        return list(check.find(document))

    assert_linear(lambda n: Document("<text>", "一二三四五六七八九十乙。\n" * n), lint, 40_000)


def quoted_pairs(n: int) -> str:
    """About ``n`` pairs of quoted names, each a name and the same name with a word dropped from its middle."""
    return "".join(f"评为“第{i:06d}届全国示范单位”和后来的“第{i:06d}届示范单位”。\n" for i in range(n))


def test_quoted_names_with_a_word_dropped_are_found_in_linear_time() -> None:
    """Whether two quoted names stand side by side as two terms was once a search of the whole text for
    each candidate pair: quadratic in a text full of them."""
    check = ConsistencyCheck(make_rule("consistency", {"variants": "quoted-names", "ignore": ["的"]}))

    def lint(document: Document) -> object:
        return list(check.find(document))

    assert_linear(lambda n: Document("<text>", quoted_pairs(n)), lint, 4_000)


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("ab.cd-ef_gh+ij ", 20_000),  # file-name-like words: the skipped spans were once scanned for every word
        ("a", 400_000),  # one run of letters: the address patterns were once tried from every position in it
    ],
)
def test_latin_case_variants_are_found_in_linear_time(unit: str, size: int) -> None:
    check = ConsistencyCheck(make_rule("consistency", {"variants": "latin-case"}))

    def lint(document: Document) -> object:
        return list(check.find(document))

    assert_linear(lambda n: Document("<text>", unit * n), lint, size)


def test_characters_compared_list_by_list_are_found_in_linear_time() -> None:
    """Each list's marks were once picked out of all the document's marks: lists times marks."""
    params = {
        "characters": [".", "．"],
        "within": "(?m)^[0-9]{1,2}[.．](?![0-9])",
        "group": "(?m)^1[.．](?![0-9])[^\\n]*(?:\\n(?!1[.．])[^\\n]*)*",
    }
    check = ConsistencyCheck(make_rule("consistency", params))

    def lint(document: Document) -> object:
        return list(check.find(document))

    assert_linear(lambda n: Document("<text>", "1.提高认识\n2．加强领导\n" * n), lint, 4_000)
