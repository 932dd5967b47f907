"""CI formats: concise, github, sarif (validated against the OASIS schema) and junit; one exit-code contract."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from output_helpers import TEAM_PACK, only_the_placeholder_pack, validate_sarif  # noqa: F401 (autouse fixture)

from lint.cli import main
from lint.reporters import FORMATS
from lint.reporters.github import command, escape_data, escape_property


@pytest.fixture
def team(tmp_path: Path) -> list[str]:
    pack = tmp_path / "team.yaml"
    pack.write_text(TEAM_PACK, encoding="utf-8")
    return ["--isolated", "--pack", str(pack), "--select", "team"]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_concise_is_one_grep_friendly_line_per_diagnostic(tmp_path, team, capsys):
    draft = write(tmp_path, "a.txt", "第一行。\n会议时间待定，增长50%。\n")
    code, out = run([str(draft), *team, "--format", "concise"], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{draft}:2:5: warning team.pending “待定”是未定稿的标记，定稿前须删除",
        f"{draft}:2:10: info team.percent “50%”含百分号，请核对数字",
    ]


def test_github_annotation_has_position_title_and_severity(tmp_path, team, capsys):
    draft = write(tmp_path, "a.txt", "会议时间待定。\n")
    code, out = run([str(draft), *team, "--format", "github"], capsys)
    assert code == 1
    assert out == (
        f"::warning file={draft.as_posix()},line=1,col=5,endLine=1,endColumn=7,"
        "title=gwlint team.pending::“待定”是未定稿的标记，定稿前须删除\n"
        "::notice title=gwlint::gwlint: 1 problem(s) in 1 of 1 file(s)\n"
    )


def test_github_escapes_data_and_properties(tmp_path, team, capsys):
    folder = tmp_path / "a,b:c"
    folder.mkdir()
    draft = write(folder, "d.txt", "增长50%。\n")
    code, out = run([str(draft), *team, "--format", "github", "--fail-level", "info"], capsys)
    assert code == 1
    assert "file=" + draft.as_posix().replace(":", "%3A").replace(",", "%2C") + "," in out
    assert "::notice " in out
    assert out.splitlines()[-2].endswith("::“50%25”含百分号，请核对数字")


def test_github_escaping_rules():
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x:y,z%\n") == "x%3Ay%2Cz%25%0A"
    expected = "::error file=a%2Cb.txt,line=3::two%0Alines"
    assert command("error", {"file": "a,b.txt", "line": 3}, "two\nlines") == expected


def sarif_of(argv: list[str], capsys) -> tuple[int, dict]:
    code, out = run([*argv, "--format", "sarif"], capsys)
    return code, json.loads(out)


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path, team, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "甲 草稿.txt", "会议时间待定，增长50%。\n")
    write(tmp_path, "clean.txt", "会议时间为3月1日。\n")
    code, log = sarif_of(["甲 草稿.txt", "clean.txt", "missing.txt", *team], capsys)
    assert code == 2  # the missing file; the SARIF log still has the findings and says the run failed
    validate_sarif(log)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["invocations"][0]["executionSuccessful"] is False
    rules = {rule["id"]: rule for rule in run_["tool"]["driver"]["rules"]}
    assert rules["team.pending"]["shortDescription"]["text"] == "待定字样"
    assert "未定稿标记不应出现在印发稿中" in rules["team.pending"]["help"]["text"]
    first = run_["results"][0]
    assert run_["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "team.pending"
    artifact = first["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "%E7%94%B2%20%E8%8D%89%E7%A8%BF.txt", "uriBaseId": "%SRCROOT%"}
    assert [r["level"] for r in run_["results"]] == ["warning", "note"]


def test_sarif_columns_are_code_points_outside_the_bmp(tmp_path, team, capsys):
    draft = write(tmp_path, "a.txt", "𠮷𠮷待定\n")  # two characters outside the BMP: 4 UTF-16 code units
    code, log = sarif_of([str(draft), *team], capsys)
    assert code == 1
    validate_sarif(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (3, 5)
    assert region["snippet"] == {"text": "待定"}


def test_sarif_of_a_clean_run_is_valid_and_has_no_results(tmp_path, team, capsys):
    draft = write(tmp_path, "a.txt", "会议时间为3月1日。\n")
    code, log = sarif_of([str(draft), *team], capsys)
    assert code == 0
    validate_sarif(log)
    assert log["runs"][0]["results"] == []


def test_junit_has_one_testcase_per_file_and_a_failure_per_diagnostic(tmp_path, team, capsys):
    bad = write(tmp_path, "bad.txt", "会议时间待定，另一处待定\x01。\n")
    clean = write(tmp_path, "clean.txt", "会议时间为3月1日。\n")
    code, out = run([str(bad), str(clean), *team, "--format", "junit"], capsys)
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [str(bad), str(clean)]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["team.pending", "team.pending"]
    assert failures[0].get("message", "").startswith(f"{bad}:1:5: ")
    assert cases[1].findall("failure") == []
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")


def test_junit_reports_unreadable_files_as_errors(tmp_path, team, capsys):
    code, out = run([str(tmp_path / "missing.txt"), *team, "--format", "junit"], capsys)
    assert code == 2
    suite = ET.fromstring(out.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("errors") == "1"
    assert suite.find("testcase/error") is not None


@pytest.mark.parametrize("form", sorted(FORMATS))
def test_every_format_keeps_the_exit_code_contract(form, tmp_path, team, capsys):
    clean = write(tmp_path, "clean.txt", "会议时间为3月1日。\n")
    bad = write(tmp_path, "bad.txt", "会议时间待定。\n")
    info_only = write(tmp_path, "info.txt", "增长50%。\n")
    assert main([str(clean), *team, "--format", form]) == 0
    assert main([str(bad), *team, "--format", form]) == 1
    assert main([str(info_only), *team, "--format", form]) == 0
    assert main([str(info_only), *team, "--format", form, "--fail-level", "info"]) == 1
    assert main([str(bad), *team, "--format", form, "--fail-level", "error"]) == 0
    assert main([str(tmp_path / "missing.txt"), str(bad), *team, "--format", form]) == 2
    capsys.readouterr()


class _Writes:
    """A text stream that keeps each write apart."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def write(self, text: str) -> int:
        self.pieces.append(text)
        return len(text)

    def writelines(self, lines) -> None:  # type: ignore[no-untyped-def]
        for line in lines:
            self.write(line)


@pytest.mark.parametrize("output", ["json", "concise", "github"])
def test_a_large_file_is_reported_line_by_line_not_built_whole_in_memory(output: str) -> None:
    from lint.diagnostics import Diagnostic, Severity, Span
    from lint.reporters import renderer, write_report
    from lint.results import FileResult, Rendered

    diagnostics = [
        Diagnostic("big.txt", Span(i, i + 2, i + 1, 1, i + 1, 3), "p.xx", Severity.ERROR, "占位", "XX")
        for i in range(200)
    ]
    result = FileResult("big.txt", diagnostics)
    stream = _Writes()
    write_report(output, [result], stream)  # type: ignore[arg-type]
    text = "".join(stream.pieces)
    assert text.count("big.txt") >= 200
    assert max(map(len, stream.pieces)) < len(text) / 50  # no write holds the whole report
    rendered = renderer(output)
    assert rendered is not None
    worker = _Writes()
    done = FileResult("big.txt", [], rendered=Rendered(rendered(result), Severity.ERROR))
    write_report(output, [done], worker)  # type: ignore[arg-type]
    assert "".join(worker.pieces) == text  # what a worker rendered is written as it is


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_github_ends_with_a_summary_annotation(tmp_path, team, capsys, jobs):
    bad = write(tmp_path, "a.txt", "会议时间待定，地点待定。\n")
    clean = write(tmp_path, "b.txt", "会议于3月1日召开。\n")
    code, out = run(
        ["-j", jobs, str(bad), str(clean), str(tmp_path / "missing.txt"), *team, "--format", "github"], capsys
    )
    assert code == 2
    expected = "gwlint: 2 problem(s) in 1 of 3 file(s); 1 file(s) could not be checked"
    assert out.splitlines()[-1] == "::notice title=gwlint::" + expected
    code, out = run([str(clean), *team, "--format", "github"], capsys)
    assert out == "::notice title=gwlint::gwlint: no problems found in 1 file(s)\n"


def test_no_color_and_force_color(monkeypatch):
    from lint.pipeline import use_color

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", Terminal())
    assert use_color("always", Terminal())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", object())
    assert not use_color("never", object())
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert not use_color("auto", object())


def test_sarif_and_json_name_the_rules_merged_into_a_result(tmp_path, capsys, monkeypatch):
    """Two rules with the same span and fix are one result; SARIF and JSON name the other rule."""
    from pack_helpers import only_pack

    pack = """\
pack: demo
description: 测试
rules:
  - id: listed
    title: 列举的形容词
    severity: info
    kind: pattern
    message: "“{match}”应为“{replacement}”"
    rationale: 测试。
    source: 测试
    fix: unsafe
    params: {regex: "(?<=坚定)地(?=步伐)", replacement: 的}
    examples: {bad: ["坚定地步伐"], good: ["坚定的步伐"]}
  - id: tagged
    title: 词性
    severity: warning
    kind: pattern
    message: "“{match}”应为“{replacement}”"
    rationale: 测试。
    source: 测试
    fix: unsafe
    params: {regex: "(?<=定)地(?=步)", replacement: 的}
    examples: {bad: ["坚定地步伐"], good: ["坚定的步伐"]}
"""
    packs = only_pack(tmp_path, monkeypatch, pack)
    draft = tmp_path / "draft.txt"
    draft.write_text("迈着坚定地步伐前进。\n", encoding="utf-8")
    main([str(draft), "--pack", str(packs), "--format", "sarif", "--isolated"])
    log = json.loads(capsys.readouterr().out)
    validate_sarif(log)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["properties"]["also"]) for r in results] == [("demo.tagged", ["demo.listed"])]
    main([str(draft), "--pack", str(packs), "--format", "json", "--isolated"])
    rows = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [(row["rule"], row["also"]) for row in rows] == [("demo.tagged", ["demo.listed"])]
