"""What a secretary and a CI engineer see, with every default rule: valid reports for the seeds,
readable messages, honest summaries."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import SEEDS
from output_helpers import validate_sarif

from lint.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_sarif_for_the_seeds_with_every_default_rule_validates(capsys):
    """Rules whose pack and kind share a name (names, numbering…) gave duplicate tags, which the
    schema forbids ("uniqueItems"); only a run with all default packs shows it."""
    code, out, _ = run(["--isolated", "--format", "sarif", str(SEEDS)], capsys)
    assert code == 1
    log = json.loads(out)
    validate_sarif(log)
    tags = [rule["properties"]["tags"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ["names"] in tags
    assert all(len(set(tag)) == len(tag) for tag in tags)


@pytest.mark.parametrize("form", ["json", "junit", "concise", "github", "full"])
def test_every_format_reports_the_seeds(capsys, form):
    code, out, _ = run(["--isolated", "--format", form, str(SEEDS)], capsys)
    assert code == 1
    if form == "json":
        assert json.loads(out)
    elif form == "junit":
        assert ET.fromstring(out).tag == "testsuites"
    else:
        assert "names.garbled-leader-name" in out


def test_a_summary_never_says_no_problems_about_a_file_it_could_not_read(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    code, out, err = run(["--isolated", str(missing)], capsys)
    assert code == 2
    assert "No problems found" not in out
    assert "Could not check 1 of 1 file(s)" in out and f"{missing}: no such file" in err
    clean = tmp_path / "clean.txt"
    clean.write_text("会议于3月1日召开。\n", encoding="utf-8")
    code, out, _ = run(["--isolated", str(missing), str(clean)], capsys)
    assert code == 2
    assert "Could not check 1 of 2 file(s)" in out and "No problems found in the other 1 file(s)." in out


def test_a_folder_without_drafts_is_an_error_not_a_pass(tmp_path, capsys):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, out, err = run(["--isolated", str(tmp_path)], capsys)
    assert code == 2
    assert "no drafts" in err and "nothing was checked" in err
    assert "No problems found" not in out


QUOTING_PACK = """
pack: team
description: t
rules:
  - id: verb
    title: 搭配
    severity: warning
    kind: pattern
    message: "“{match}”搭配不当"
    rationale: r
    source: s
    params: {regex: '坚定“两个维护”'}
    examples: {bad: ["要坚定“两个维护”。"], good: ["要做到“两个维护”。"]}
"""


def test_a_message_never_nests_double_quotation_marks(tmp_path, capsys):
    """GB/T 15834: quotation marks inside quotation marks are single ones (‘’)."""
    from lint.engine import nest_quotes

    assert nest_quotes("“{match}”搭配不当", {"match": "坚定“两个维护”"}) == {"match": "坚定‘两个维护’"}
    assert nest_quotes("引号{match}没有配对", {"match": "“两个维护”"}) == {"match": "“两个维护”"}
    assert nest_quotes("引号“{match}”没有配对", {"match": "“"}) == {"match": "“"}
    pack = tmp_path / "team.yaml"
    pack.write_text(QUOTING_PACK, encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("要坚定“两个维护”。\n", encoding="utf-8")
    code, out, _ = run(
        ["--isolated", "--pack", str(pack), "--select", "team", "--format", "concise", str(draft)], capsys
    )
    assert code == 1
    messages = [line.split(" ", 3)[-1] for line in out.splitlines()]
    assert messages
    for message in messages:
        depth = 0
        for char in message:
            depth += {"“": 1, "”": -1}.get(char, 0)
            assert depth <= 1, message


def test_statistics_count_each_rule_and_what_fix_can_fix(capsys):
    code, out, _ = run(["--isolated", "--statistics", str(SEEDS)], capsys)
    assert code == 1
    rows = [line.split() for line in out.splitlines()]
    assert ["87", "error", "punctuation.halfwidth-marks", "[87", "fixable]"] in rows
    assert "│" not in out  # no findings, only counts
    counts = [int(row[0]) for row in rows if row[1] == "error"]
    assert counts == sorted(counts, reverse=True)


def test_quiet_prints_findings_without_summary_or_notes(tmp_path, capsys):
    draft = tmp_path / "a.txt"
    draft.write_text("全县共有x个村。\n", encoding="utf-8")
    code, out, err = run(["--isolated", "-q", "--as-of", "document", str(draft)], capsys)
    assert code == 1
    assert "placeholder.template-x" in out and "Found" not in out and "note" not in err


def test_output_writes_the_report_to_a_file_and_never_through_a_link(tmp_path, capsys):
    report = tmp_path / "report.json"
    code, out, _ = run(["--isolated", "--format", "json", "--output", str(report), str(SEEDS)], capsys)
    assert code == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(victim)
    code, out, err = run(["--isolated", "--output", str(link), str(SEEDS)], capsys)
    assert code == 2 and "cannot write the report" in err
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_help_shows_what_most_users_run(capsys):
    assert main(["--help"]) == 0
    shown = capsys.readouterr().out
    assert "--fix" in shown and "--annotate" in shown and "gwlint explain" in shown


def test_the_precommit_hook_leaves_annotated_copies_alone():
    import re

    import yaml
    from conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))

    def chosen(name: str) -> bool:
        return bool(re.search(hook["files"], name)) and not re.search(hook["exclude"], name)

    assert chosen("讲话.docx") and chosen("a.md")
    assert not chosen("讲话.gwlint.docx") and not chosen("讲话.gwlint-2.docx")


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_a_console_that_cannot_show_a_character_gets_a_replacement_not_a_traceback(encoding, tmp_path):
    import os
    import subprocess
    import sys

    draft = tmp_path / "a.txt"
    draft.write_text("全县共有x个村。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for argv in (["explain", "placeholder.template-x"], ["check", "--isolated", str(draft)]):
        done = subprocess.run([sys.executable, "-m", "lint", *argv], capture_output=True, env=env, check=False)
        assert b"Traceback" not in done.stderr, done.stderr.decode(encoding, "replace")
        assert done.returncode == (0 if argv[0] == "explain" else 1)


HOSTILE = "坚决坚决\x1b[2J\x1b]0;pwned\x07贯彻\u202e落实\n"


@pytest.mark.parametrize("form", ["full", "concise", "github"])
def test_escape_sequences_from_a_draft_or_its_name_never_reach_the_terminal(tmp_path, capsys, form):
    draft = tmp_path / "e\x1b[31mvil.txt"
    draft.write_text(HOSTILE, encoding="utf-8")
    code, out, err = run(["--isolated", "--format", form, str(draft), str(tmp_path / "gone\x1b[2J.txt")], capsys)
    assert code == 2
    for shown in (out, err):
        assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b" in out and "\\x1b" in err


def test_a_diff_to_a_person_marks_the_changed_characters_and_to_a_pipe_stays_exact(tmp_path, capsys):
    from lint.diffview import marked

    paragraph = "各单位要" + "认真做好工作，" * 60 + "切实落实,推动发展。"
    draft = tmp_path / "a.txt"
    draft.write_text(paragraph + "\n", encoding="utf-8")
    code, exact, _ = run(["--isolated", "--diff", "--select", "punctuation", str(draft)], capsys)
    assert code == 1
    assert "?" not in exact and "\x1b" not in exact  # a pipe: exact, so `patch` can apply it
    plain = "".join(marked(exact.splitlines(keepends=True), color=False))
    added = next(line for line in plain.splitlines() if line.startswith("+") and not line.startswith("+++"))
    carets = plain.splitlines()[plain.splitlines().index(added) + 1]
    assert carets.startswith("?") and carets.count("^") == 2  # under the one ，, two columns wide
    from lint.reporters.full import display_width

    assert display_width(added[1 : added.index("，推动")]) == carets.index("^") - 1
    code, colored, _ = run(["--isolated", "--diff", "--color", "always", "--select", "punctuation", str(draft)], capsys)
    assert "\x1b[1;42;37m，\x1b[0m" in colored and "\x1b[1;41;37m,\x1b[0m" in colored
    assert "+坚决\\x1b[2J" in "".join(marked(["+坚决\x1b[2J\n"], color=False))


def test_the_interface_speaks_chinese_when_asked_or_when_the_locale_is_chinese(capsys, monkeypatch):
    from lint.cli import build_parser
    from lint.i18n import ZH, language

    assert language("zh", {}) == "zh" and language(None, {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert language(None, {"LANG": "en_US.UTF-8"}) == "en" and language("en", {"LC_ALL": "zh_CN"}) == "en"
    parser = build_parser(("check",))
    check = parser._subparsers._group_actions[0].choices["check"]
    untranslated = [a.help for a in check._actions if a.help and a.help not in ZH]
    assert untranslated == []
    assert main(["--help", "--lang", "zh"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("用法：") and "直接改正可安全修复的问题" in shown
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(["--isolated", str(SEEDS)], capsys)
    assert code == 1 and "其中" in out and "可用 --fix 自动修复" in out and "按规则包：" in out
    code, out, _ = run(["--isolated", "--lang", "en", str(SEEDS)], capsys)
    assert code == 1 and "fixable with --fix." in out


def test_input_errors_are_named_in_chinese_too(tmp_path, capsys):
    from lint.i18n import ZH_REASONS, translate_reason

    code, _, err = run(["--isolated", "--lang", "zh", str(tmp_path / "missing.txt"), str(tmp_path)], capsys)
    assert code == 2
    assert f"{tmp_path / 'missing.txt'}: 文件不存在" in err
    assert "文件夹中没有可检查的文稿（.txt, .md, .markdown, .docx）：什么也没有检查" in err
    assert translate_reason("no such file", "en") == "no such file"
    assert translate_reason("something new", "zh") == "something new"
    assert len(ZH_REASONS) >= 10
