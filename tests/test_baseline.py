"""Baselines: --write-baseline records today's findings, --baseline reports only new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from output_helpers import TEAM_PACK, only_the_placeholder_pack  # noqa: F401 (autouse fixture)

from lint.cli import main

OLD = "第一段。\n会议时间待定。\n第三段写完了。\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "team.yaml").write_text(TEAM_PACK, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("packs: [team.yaml]\nselect: [team]\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.txt").write_text(OLD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(argv: list[str], capsys) -> tuple[int, list[tuple[str, int]], str]:
    code = main([*argv, "--format", "json"])
    captured = capsys.readouterr()
    found = [(d["matched"], d["line"]) for d in json.loads(captured.out)["diagnostics"]] if captured.out else []
    return code, found, captured.err


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_write_baseline_exits_0_and_records_fingerprints_not_lines(repo, capsys):
    assert main(["drafts", "--write-baseline", "baseline.json"]) == 0
    assert "wrote 1 finding(s) to baseline.json" in capsys.readouterr().err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["gwlint-baseline"] == 1
    [entry] = data["entries"]
    assert entry["path"] == "drafts/old.txt" and entry["rule"] == "team.pending" and entry["count"] == 1
    assert "line" not in entry and entry["matched"] == "待定"


def test_baseline_hides_old_findings_and_survives_edits_elsewhere(repo, capsys):
    main(["drafts", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    assert lint(["drafts", "--baseline", "baseline.json"], capsys)[:2] == (0, [])
    edit(repo / "drafts" / "old.txt", "新加的标题\n\n" + OLD + "新加的结尾。\n")
    assert lint(["drafts", "--baseline", "baseline.json"], capsys)[:2] == (0, [])


def test_new_defect_is_reported_even_beside_baselined_ones(repo, capsys):
    main(["drafts", "--write-baseline", "baseline.json"])
    edit(repo / "drafts" / "old.txt", OLD + "报告日期待定。\n")
    edit(repo / "drafts" / "new.txt", "会议时间待定。\n")
    code, found, _ = lint(["drafts", "--baseline", "baseline.json"], capsys)
    assert code == 1
    assert sorted(found) == [("待定", 1), ("待定", 4)]


def test_identical_findings_are_counted(repo, capsys):
    line = "这一段的会议时间暂且待定，以后再说吧好的。\n"  # the same neighbourhood every time
    edit(repo / "drafts" / "old.txt", line * 2)
    main(["drafts", "--write-baseline", "baseline.json"])
    [entry] = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert entry["count"] == 2
    edit(repo / "drafts" / "old.txt", line * 3)
    code, found, _ = lint(["drafts", "--baseline", "baseline.json"], capsys)
    assert (code, len(found)) == (1, 1)


def test_rewording_the_neighbourhood_makes_a_finding_new(repo, capsys):
    main(["drafts", "--write-baseline", "baseline.json"])
    edit(repo / "drafts" / "old.txt", OLD.replace("会议时间待定", "会议地点待定"))
    code, found, err = lint(["drafts", "--baseline", "baseline.json"], capsys)
    assert (code, found) == (1, [("待定", 2)])
    assert "1 baseline entry" in err and "no longer found" in err


def test_stale_entries_are_a_note_not_a_failure(repo, capsys):
    main(["drafts", "--write-baseline", "baseline.json"])
    edit(repo / "drafts" / "old.txt", "第一段。\n会议时间为3月1日。\n")
    code, found, err = lint(["drafts", "--baseline", "baseline.json"], capsys)
    assert (code, found) == (0, [])
    assert "gwlint: note: 1 baseline entry in baseline.json no longer found" in err


def test_entries_of_files_not_linted_in_this_run_are_not_stale(repo, capsys):
    edit(repo / "drafts" / "other.txt", "会议时间待定。\n")
    main(["drafts", "--write-baseline", "baseline.json"])
    code, _, err = lint(["drafts/old.txt", "--baseline", "baseline.json"], capsys)
    assert code == 0 and "no longer found" not in err


def test_baseline_paths_are_relative_to_the_baseline_file(repo, capsys, monkeypatch):
    main(["drafts", "--write-baseline", "baseline.json"])
    monkeypatch.chdir(repo / "drafts")
    assert lint(["old.txt", "--baseline", "../baseline.json"], capsys)[:2] == (0, [])


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such baseline file"), ("{}", "not a gwlint baseline"), ("[1", "not a gwlint baseline")],
)
def test_unusable_baseline_is_an_error(repo, capsys, content, message):
    if content is not None:
        edit(repo / "baseline.json", content)
    assert main(["drafts", "--baseline", "baseline.json"]) == 2
    assert message in capsys.readouterr().err
