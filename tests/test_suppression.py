"""Inline suppression comments in Markdown and plain text, and the unused-suppression meta rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from output_helpers import TEAM_PACK, only_the_placeholder_pack  # noqa: F401 (autouse fixture)

from lint.cli import main
from lint.engine import Linter
from lint.packs import parse_pack, select_rules
from lint.suppression import UNUSED_SUPPRESSION, SuppressionPolicy

PACK = parse_pack(TEAM_PACK, "team.yaml")
PENDING, PERCENT = "team.pending", "team.percent"


def lint(text: str, path: str = "a.md", known: frozenset[str] | None = None, report_unused: bool = True):
    linter = Linter(select_rules([PACK]))
    if known is not None:
        linter.suppression = SuppressionPolicy(known, report_unused)
    return [(d.rule, d.span.line) for d in linter.lint_text(text, path)]


def test_disable_next_line_suppresses_the_named_rule_on_the_next_non_blank_line():
    text = "<!-- gwlint-disable-next-line team.pending -- 引用原文 -->\n\n会议时间待定，增长50%。\n会议时间待定。\n"
    assert lint(text) == [(PERCENT, 3), (PENDING, 4)]


def test_disable_next_line_takes_a_pack_a_list_or_nothing():
    body = "会议时间待定，增长50%。\n"
    assert lint("<!-- gwlint-disable-next-line team -->\n" + body) == []
    assert lint("<!-- gwlint-disable-next-line team.pending, team.percent -->\n" + body) == []
    assert lint("<!-- gwlint-disable-next-line team.pending team.percent -->\n" + body) == []
    assert lint("<!-- gwlint-disable-next-line -->\n" + body) == []


def test_block_disable_until_enable():
    text = (
        "会议时间待定。\n<!-- gwlint-disable team.pending -->\n会议时间待定。\n待定\n"
        "<!-- gwlint-enable -->\n会议时间待定。\n"
    )
    assert lint(text) == [(PENDING, 1), (PENDING, 6)]


def test_enable_of_one_rule_leaves_the_others_disabled():
    text = "<!-- gwlint-disable team.pending, team.percent -->\n待定50%\n<!-- gwlint-enable team.pending -->\n待定50%\n"
    assert lint(text) == [(PENDING, 4)]


def test_unclosed_disable_runs_to_the_end():
    assert lint("开头。\n<!-- gwlint-disable -->\n待定\n\n50%\n") == []


def test_markdown_comment_counts_anywhere_on_a_line():
    assert lint("会议时间待定。<!-- gwlint-disable team.pending -->后面待定。\n") == [(PENDING, 1)]


def test_plain_text_comment_counts_only_on_its_own_line():
    own_line = "  <!-- gwlint-disable-next-line team.pending -- 原文如此 -->\n会议时间待定。\n"
    assert lint(own_line, "a.txt") == []
    quoted = "示例：<!-- gwlint-disable-next-line team.pending --> 写在行中不生效。\n会议时间待定。\n"
    assert lint(quoted, "a.txt") == [(PENDING, 2)]


def test_unused_suppression_is_reported_for_each_selector_that_did_nothing():
    text = "<!-- gwlint-disable-next-line team.pending, team.percent -->\n会议时间待定。\n"
    assert lint(text) == [(UNUSED_SUPPRESSION, 1)]
    assert lint("<!-- gwlint-disable -->\n没有问题。\n") == [(UNUSED_SUPPRESSION, 1)]


def test_suppression_of_a_rule_not_in_force_is_not_called_unused_but_an_unknown_one_is():
    known = frozenset({PENDING, PERCENT, "team", "placeholder", "placeholder.template-stars"})
    assert lint("<!-- gwlint-disable-next-line placeholder -->\n没有问题。\n", known=known) == []
    found = lint("<!-- gwlint-disable-next-line team.typo -->\n没有问题。\n", known=known)
    assert found == [(UNUSED_SUPPRESSION, 1)]
    assert lint("<!-- gwlint-disable-next-line team.typo -->\n没有问题。\n", known=known, report_unused=False) == []


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def team(tmp_path: Path) -> list[str]:
    write(tmp_path, "team.yaml", TEAM_PACK)
    return ["--isolated", "--pack", str(tmp_path / "team.yaml"), "--format", "json"]


def diagnostics(argv: list[str], capsys) -> tuple[int, list[dict]]:
    code = main(argv)
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


def test_cli_unused_suppression_is_a_warning_that_fails_and_can_be_ignored(tmp_path, team, capsys):
    draft = write(tmp_path, "a.md", "<!-- gwlint-disable-next-line team.pending -- 已核 -->\n会议时间已定。\n")
    code, found = diagnostics([str(draft), *team], capsys)
    assert code == 1
    assert [(d["rule"], d["severity"], d["line"]) for d in found] == [(UNUSED_SUPPRESSION, "warning", 1)]
    assert "无用的屏蔽注释" in found[0]["message"] and "team.pending" in found[0]["message"]
    assert diagnostics([str(draft), *team, "--ignore", UNUSED_SUPPRESSION], capsys) == (0, [])
    assert diagnostics([str(draft), *team, "--ignore", "gwlint"], capsys) == (0, [])


def test_cli_selecting_other_rules_leaves_the_meta_rule_out_unless_selected(tmp_path, team, capsys):
    draft = write(tmp_path, "a.md", "<!-- gwlint-disable-next-line team.pending -->\n会议时间已定。\n")
    assert diagnostics([str(draft), *team, "--select", "team"], capsys) == (0, [])
    code, found = diagnostics([str(draft), *team, "--select", "team,gwlint.unused-suppression"], capsys)
    assert (code, [d["rule"] for d in found]) == (1, [UNUSED_SUPPRESSION])


def test_cli_suppressed_findings_do_not_fail_the_run(tmp_path, team, capsys):
    draft = write(tmp_path, "a.txt", "<!-- gwlint-disable-next-line team -- 引用原文 -->\n会议时间待定。\n")
    assert diagnostics([str(draft), *team], capsys) == (0, [])


def test_findings_inside_a_suppression_comment_are_not_prose(tmp_path, capsys):
    pack = TEAM_PACK.replace("待定", "gwlint")
    write(tmp_path, "team.yaml", pack)
    draft = write(tmp_path, "a.txt", "<!-- gwlint-disable-next-line team.percent -->\n增长50%。\n")
    argv = [str(draft), "--isolated", "--pack", str(tmp_path / "team.yaml"), "--select", "team", "--format", "json"]
    assert diagnostics(argv, capsys) == (0, [])
