"""Pieces of ``gwlint server`` tested alone: the span a fix-all replaces, where a broken pack's error
is shown, initialization options, hover Markdown."""

from __future__ import annotations

import datetime

import pytest

pytest.importorskip("lsprotocol")

from lint.server.convert import changed_span, wanted
from lint.server.explain import code_span, escaped, explanation
from lint.server.options import fault_line, initialization


@pytest.mark.parametrize(
    ("before", "after"),
    [("甲乙丙", "甲丁丙"), ("甲乙乙丙", "甲乙丙"), ("", "甲"), ("甲", ""), ("a\r\nb", "a\nb"), ("a\r\nb", "a\r\r\nb")],
)
def test_the_changed_span_turns_before_into_after_and_never_splits_a_crlf(before, after):
    start, end_before, end_after = changed_span(before, after)
    assert before[:start] + after[start:end_after] + before[end_before:] == after
    for cut in (start, end_before):
        assert not (0 < cut < len(before) and before[cut - 1 : cut + 1] == "\r\n")


def test_code_action_kinds_match_as_dotted_prefixes():
    assert wanted("source.fixAll.gwlint", ["source"]) and wanted("source.fixAll.gwlint", ["source.fixAll"])
    assert not wanted("source.fixAll.gwlint", ["source.fix"]) and not wanted("quickfix", ["source"])
    assert wanted("quickfix", None) and wanted("quickfix", [])


def test_the_fault_line_is_the_line_named_else_the_rule_or_key_named():
    pack = "pack: team\nrules:\n  - id: old-name\n    title: x\n  - id: other\n    kind: nope\n"
    assert fault_line(pack, "team.yaml: YAML syntax error at line 4, column 3: oops") == 3
    assert fault_line(pack, "team.yaml: rule team.other: field 'kind': unknown kind") == 4
    assert fault_line("select: [x]\nignore: [nope]\n", ".gwlint.yaml: key 'ignore': unknown rule or pack") == 1
    assert fault_line(pack, "team.yaml: something else") == 0


def test_initialization_options_are_read_and_their_problems_named():
    chosen, warnings = initialization({"debounceMs": 20, "asOf": "2020-05-01"})
    assert chosen == {"debounce": 0.02, "as_of": datetime.date(2020, 5, 1)} and warnings == []
    chosen, warnings = initialization({"debounceMs": True, "asOf": "someday"})
    assert chosen == {} and len(warnings) == 2
    assert initialization(None) == ({}, []) and initialization([1])[0] == {}


def test_pack_text_in_a_hover_is_not_read_as_markdown():
    assert escaped("**县") == "\\*\\*县" and code_span("a`b") == "``a`b``" and code_span("`x") == "`` `x ``"


def test_the_hover_of_the_meta_rule_shows_its_examples():
    from lint.suppression import META_RULE

    text = explanation(META_RULE)
    assert "gwlint-disable-next-line placeholder" in text and "屏蔽注释" in text
