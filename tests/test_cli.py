"""The CLI's contract: exit codes, errors that name the file and reason, stdin, rules/explain."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT
from test_packs import GOOD_RULE

from lint.cli import main

BAD = "**县是革命老区。\n"
CLEAN = "全县共有32个村。\n"


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def run_json(argv, capsys):
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_clean_file_exits_0(drafts, capsys):
    assert main([str(drafts / "clean.txt")]) == 0
    assert "No problems" in capsys.readouterr().out


def test_finding_exits_1_and_json_has_the_documented_fields(drafts, capsys):
    code, payload = run_json([str(drafts / "bad.txt")], capsys)
    assert code == 1
    assert payload["version"] == 1
    first = payload["diagnostics"][0]
    assert set(first) >= {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix"}
    assert (first["line"], first["column"], first["end_column"]) == (1, 1, 3)


def test_fail_level_error_ignores_warnings(tmp_path, capsys):
    pack = tmp_path / "team.yaml"
    pack.write_text(GOOD_RULE, encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("这是老名称。", encoding="utf-8")
    argv = [str(draft), "--pack", str(pack), "--select", "team"]
    assert main(argv) == 1
    assert main([*argv, "--fail-level", "error"]) == 0


def test_missing_file_is_an_input_error_but_others_are_still_linted(drafts, capsys):
    code, payload = run_json([str(drafts / "nope.txt"), str(drafts / "bad.txt")], capsys)
    assert code == 2
    assert payload["errors"] == [{"path": str(drafts / "nope.txt"), "message": "no such file"}]
    assert payload["diagnostics"], "the readable file must still be reported"


def test_directory_recurses_over_drafts(drafts, capsys):
    (drafts / "notes.py").write_text("x = '**'", encoding="utf-8")
    code, payload = run_json([str(drafts)], capsys)
    assert code == 1
    assert {d["path"] for d in payload["diagnostics"]} == {str(drafts / "bad.txt")}


def test_stdin_with_stdin_filename(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, payload = run_json(["-", "--stdin-filename", "draft.txt"], capsys)
    assert code == 1
    assert payload["diagnostics"][0]["path"] == "draft.txt"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["x.txt", "--select", "nonexistent"], "unknown rule or pack 'nonexistent'"),
        (["x.txt", "--format", "yaml"], "unknown format"),
        ([], "no paths given"),
    ],
)
def test_usage_errors_exit_2_with_a_reason(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_broken_user_pack_exits_2_naming_file_rule_field(tmp_path, capsys):
    pack = tmp_path / "team.yaml"
    pack.write_text(GOOD_RULE.replace("severity: warning", "severity: fatal"), encoding="utf-8")
    assert main(["x.txt", "--pack", str(pack)]) == 2
    err = capsys.readouterr().err
    assert str(pack) in err and "team.old-name" in err and "'severity'" in err
    assert "Traceback" not in err


def test_rules_and_explain(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert any(rule["id"] == "placeholder.template-stars" for rule in rules) or rules
    some_rule = rules[0]["id"]
    assert main(["explain", some_rule]) == 0
    out = capsys.readouterr().out
    assert some_rule in out and "Bad" in out and "Good" in out
    assert main(["explain", "no.such-rule"]) == 2


def test_full_output_shows_line_column_rule_and_marker(drafts, capsys):
    assert main([str(drafts / "bad.txt"), "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert "1:1" in out and "placeholder." in out
    assert "^^" in out


def test_module_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "lint", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and "gwlint" in done.stdout


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_paused_for_start_up_only_and_left_as_it_was(drafts, monkeypatch, collecting):
    import gc

    from lint.engine import Linter

    seen = []
    run = Linter.run

    def watched(self, document, *args, **kwargs):
        if document.path.endswith("bad.txt"):  # not the packs' examples, verified while starting up
            seen.append((gc.isenabled(), gc.get_freeze_count() > 0))
        return run(self, document, *args, **kwargs)

    monkeypatch.setattr(Linter, "run", watched)
    (gc.enable if collecting else gc.disable)()
    try:
        assert main([str(drafts / "bad.txt"), "--format", "concise"]) == 1
        after = (gc.isenabled(), gc.get_freeze_count())
    finally:
        gc.enable()
    assert seen == [(collecting, True)]  # start-up objects frozen out of the passes while linting
    assert after == (collecting, 0)


def test_the_command_skips_interpreter_teardown_but_loses_no_output(tmp_path, capsys):
    draft = tmp_path / "many.txt"
    draft.write_text(BAD * 3000, encoding="utf-8")  # a report far larger than any pipe buffer
    options = ["--format", "json", "--ignore", "repetition.duplicate-line"]  # one finding a line
    expected_code = main([str(draft), *options])
    expected = capsys.readouterr().out
    command = [sys.executable, "-m", "lint", str(draft), *options]
    done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
    assert (done.returncode, done.stdout, done.stderr) == (expected_code, expected, "")
    assert expected_code == 1 and len(json.loads(expected)["diagnostics"]) == 3000


def test_a_usage_error_names_every_command_though_only_one_parser_is_built(capsys):
    assert main(["--no-such-option", "draft.txt"]) == 2
    error = capsys.readouterr().err
    assert "{check,rules,explain,server}" in error and "--no-such-option" in error
