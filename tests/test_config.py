"""Configuration: [tool.gwlint] / .gwlint.yaml found by walking up, nearest wins, CLI flags beat it."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import pytest
from output_helpers import TEAM_PACK, only_the_placeholder_pack  # noqa: F401 (autouse fixture)
from test_packs import GOOD_RULE

from lint.cli import main
from lint.config import ConfigResolver, glob_regex
from lint.plans import Overrides, Workspace

TERMS_PACK = GOOD_RULE.replace("pack: team", "pack: terms")

PENDING = "会议时间待定。\n"  # team.pending (warning)
PERCENT = "增长50%。\n"  # team.percent (info)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A document repository with the team's packs under packs/."""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "team.yaml").write_text(TEAM_PACK, encoding="utf-8")
    (tmp_path / "packs" / "terms.yaml").write_text(TERMS_PACK, encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_found(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, str]]]:
    code = main([*argv, "--format", "json"])
    payload = json.loads(capsys.readouterr().out)
    return code, [(Path(d["path"]).name, d["rule"]) for d in payload["diagnostics"]]


def test_pyproject_tool_table_selects_and_adds_packs_relative_to_itself(project, capsys):
    write(project / "pyproject.toml", '[tool.gwlint]\nselect = ["team"]\npacks = ["packs/team.yaml"]\n')
    draft = write(project / "drafts" / "a.txt", "**县会议时间待定。\n")
    code, found = rules_found([str(draft)], capsys)
    assert code == 1
    assert found == [("a.txt", "team.pending")]  # the placeholder pack is not selected


def test_nearest_configuration_wins_per_folder(project, capsys):
    write(project / ".gwlint.yaml", "packs: [packs/team.yaml]\nselect: [team]\n")
    write(project / "old" / ".gwlint.yaml", "packs: [../packs/team.yaml]\nselect: [team]\nignore: [team.pending]\n")
    top = write(project / "a.txt", PENDING)
    old = write(project / "old" / "b.txt", PENDING)
    code, found = rules_found([str(top), str(old)], capsys)
    assert code == 1
    assert found == [("a.txt", "team.pending")]


def test_pyproject_without_a_gwlint_table_is_passed_over(project, capsys):
    write(project / ".gwlint.yaml", "packs: [packs/team.yaml]\nselect: [team]\n")
    write(project / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    draft = write(project / "sub" / "a.txt", PENDING)
    assert rules_found([str(draft)], capsys) == (1, [("a.txt", "team.pending")])


def test_gwlint_yaml_beats_pyproject_in_the_same_folder(project):
    write(project / "pyproject.toml", "[tool.gwlint]\nfail-level = 'error'\n")
    write(project / ".gwlint.yaml", "fail-level: info\n")
    config = ConfigResolver().for_file(project / "a.txt")
    assert config.path == project / ".gwlint.yaml"


def test_config_flag_overrides_discovery_and_isolated_ignores_it(project, tmp_path_factory, capsys):
    write(project / ".gwlint.yaml", "packs: [packs/team.yaml]\nselect: [team]\nignore: [team.pending]\n")
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    explicit = write(elsewhere / "strict.yaml", f"packs: [{project / 'packs' / 'team.yaml'}]\nselect: [team]\n")
    draft = write(project / "a.txt", "**" + PENDING)
    assert rules_found([str(draft)], capsys) == (0, [])
    assert rules_found([str(draft), "--config", str(explicit)], capsys) == (1, [("a.txt", "team.pending")])
    assert rules_found([str(draft), "--isolated"], capsys) == (1, [("a.txt", "placeholder.template-stars")])


def test_cli_select_and_ignore_beat_the_configuration(project, capsys):
    write(project / ".gwlint.yaml", "packs: [packs/team.yaml]\nselect: [team]\n")
    draft = write(project / "a.txt", "**" + PENDING)
    selected = rules_found([str(draft), "--select", "placeholder"], capsys)
    assert selected == (1, [("a.txt", "placeholder.template-stars")])
    assert rules_found([str(draft), "--ignore", "team.pending"], capsys) == (0, [])


def test_per_file_ignores_globs_are_relative_to_the_configuration(project, capsys):
    write(
        project / ".gwlint.yaml",
        "packs: [packs/team.yaml]\nselect: [team]\nper-file-ignores:\n  'archive/**': [team]\n  '*.md': team.pending\n",
    )
    drafts = [
        write(project / "a.txt", PENDING),
        write(project / "archive" / "2019" / "b.txt", PENDING),
        write(project / "notes" / "c.md", PENDING),
    ]
    code, found = rules_found([str(d) for d in drafts], capsys)
    assert (code, found) == (1, [("a.txt", "team.pending")])


def test_glob_semantics():
    assert glob_regex("archive/**").fullmatch("archive/2019/b.txt")
    assert glob_regex("**/draft-*.txt").fullmatch("draft-1.txt")
    assert glob_regex("**/draft-*.txt").fullmatch("a/b/draft-1.txt")
    assert not glob_regex("*.txt").fullmatch("a/b.txt")
    assert not glob_regex("a?.txt").fullmatch("a/.txt")


def test_fail_level_from_configuration_and_cli_flag_beats_it(project, capsys):
    write(project / ".gwlint.yaml", "packs: [packs/team.yaml]\nselect: [team]\nfail-level: info\n")
    draft = write(project / "a.txt", PERCENT)
    assert rules_found([str(draft)], capsys)[0] == 1
    assert rules_found([str(draft), "--fail-level", "warning"], capsys)[0] == 0


def test_as_of_from_configuration_and_cli_flag_beats_it(project):
    write(project / ".gwlint.yaml", "as-of: 2020-05-01\n")
    resolver = ConfigResolver()
    plan = Workspace(resolver, Overrides()).plan_for(project / "a.txt")
    assert plan.as_of == datetime.date(2020, 5, 1)
    overridden = Workspace(resolver, Overrides(as_of=datetime.date(2024, 1, 2))).plan_for(project / "a.txt")
    assert overridden.as_of == datetime.date(2024, 1, 2)


def test_params_replace_and_extend_params_add_to_a_rules_lists(project, capsys):
    draft = write(project / "a.txt", "老名称、旧称呼，会议时间待定，会议时间未定。\n")
    write(
        project / ".gwlint.yaml",
        "packs: [packs/team.yaml, packs/terms.yaml]\nselect: [team.pending, terms]\n"
        "params:\n  team.pending: {regex: 未定}\n"
        "extend-params:\n  terms.old-name: {wrong: [旧称呼]}\n",
    )
    code = main([str(draft), "--format", "json"])
    matched = [(d["rule"], d["matched"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert code == 1
    assert matched == [("terms.old-name", "老名称"), ("terms.old-name", "旧称呼"), ("team.pending", "未定")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("colour: red\n", "key 'colour': unknown key"),
        ("fail-level: loud\n", "key 'fail-level': unknown severity 'loud'"),
        ("select: [nonexistent]\n", "key 'select': unknown rule or pack 'nonexistent'"),
        ("packs: [missing.yaml]\n", "key 'packs': no such pack file"),
        ("as-of: soon\n", "key 'as-of': not a date"),
        ("per-file-ignores: {'*.md': [nope]}\n", "key 'per-file-ignores': '*.md': unknown rule or pack 'nope'"),
        ("params: {placeholder.nope: {regex: x}}\n", "key 'params': unknown rule 'placeholder.nope'"),
        ("select: placeholder\nselect: team\n", "key 'select': given twice"),
        ("select: [placeholder\n", "YAML syntax error"),
        ("- just a list\n", "a configuration is a mapping"),
    ],
)
def test_bad_configuration_is_an_error_naming_file_and_key(tmp_path, capsys, content, expected):
    config = write(tmp_path / ".gwlint.yaml", content)
    draft = write(tmp_path / "a.txt", PENDING)
    assert main([str(draft)]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and expected in err, err


def test_bad_parameter_value_from_configuration_names_the_configuration(tmp_path, capsys):
    table = "[tool.gwlint]\nparams = { 'placeholder.template-stars' = { regex = 5 } }\n"
    config = write(tmp_path / "pyproject.toml", table)
    draft = write(tmp_path / "a.txt", PENDING)
    assert main([str(draft)]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and "params.regex" in err, err


def test_toml_syntax_error_is_reported(tmp_path, capsys):
    config = write(tmp_path / "pyproject.toml", "[tool.gwlint]\nselect = [\n")
    draft = write(tmp_path / "a.txt", PENDING)
    assert main([str(draft)]) == 2
    assert f"{config}: TOML syntax error" in capsys.readouterr().err


def test_missing_config_flag_file_is_an_error(tmp_path, capsys):
    draft = write(tmp_path / "a.txt", PENDING)
    assert main([str(draft), "--config", str(tmp_path / "nope.yaml")]) == 2
    assert "no such configuration file" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_given_as_config_is_refused_not_read(tmp_path, capsys):
    """Reading a FIFO blocks until someone writes to it: the run would hang."""
    draft = write(tmp_path / "a.txt", PENDING)
    fifo = tmp_path / "config.yaml"
    os.mkfifo(fifo)
    assert main([str(draft), "--config", str(fifo)]) == 2
    assert f"{fifo}: not a regular file" in capsys.readouterr().err


def test_an_oversized_config_is_refused_before_parsing(tmp_path, capsys):
    draft = write(tmp_path / "a.txt", PENDING)
    config = write(tmp_path / ".gwlint.yaml", "#" * (2 << 20))
    assert main([str(draft), "--config", str(config)]) == 2
    assert f"{config}: too large to read safely" in capsys.readouterr().err


def test_a_directory_given_as_config_is_named_as_such(tmp_path, capsys):
    draft = write(tmp_path / "a.txt", PENDING)
    assert main([str(draft), "--config", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "text", "parser"),
    [
        ("pyproject.toml", '[tool.gwlint]\nselect = ["placeholder"]\n', "tomllib"),
        (".gwlint.yaml", "select: [placeholder]\n", "yaml"),
    ],
)
def test_a_configuration_read_before_is_not_parsed_again_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, parser: str
) -> None:
    from lint.config import load_config

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert load_config(path).select == ("placeholder",)
    monkeypatch.setitem(__import__("sys").modules, parser, None)  # importing the parser now fails
    assert load_config(path).select == ("placeholder",)
    path.write_text(text.replace("placeholder", "residue"), encoding="utf-8")
    with pytest.raises(ImportError):
        load_config(path)


def test_a_pyproject_meant_for_gwlint_that_is_not_utf8_is_reported_not_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_bytes('[tool.gwlint]\nselect = ["公文"]\n'.encode("gbk"))
    draft = tmp_path / "a.txt"
    draft.write_text("正文。\n", encoding="utf-8")
    assert main(["check", str(draft)]) == 2
    assert "pyproject.toml" in capsys.readouterr().err
