"""Configuration from someone else's folder is not loaded (issue 14, item 1; lint/trust.py).

The suite may run as root, where every file is root's, so ownership is simulated through
``trust.owner``, the one place the decision reads it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from output_helpers import TEAM_PACK, only_the_placeholder_pack  # noqa: F401 (autouse fixture)
from test_config import PENDING, rules_found, write
from test_config import project as project

from lint import trust
from lint.cli import main

STRANGER = 4242
TEAM_CONFIG = "packs: [packs/team.yaml]\nselect: [team]\n"


@pytest.fixture
def owned_by_stranger(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """``owned_by_stranger(path)``: from now on ``path`` (the file or link itself) belongs to uid 4242."""
    foreign: set[Path] = set()
    real_owner = trust.owner

    def owner(path: Path, follow_symlinks: bool = True) -> int:
        return STRANGER if Path(path) in foreign else real_owner(path, follow_symlinks)

    monkeypatch.setattr(trust, "owner", owner)
    return foreign.add


def warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("gwlint: warning:")]


def test_a_configuration_owned_by_someone_else_is_skipped_and_the_search_stops_there(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / ".gwlint.yaml", TEAM_CONFIG)  # ours, above the shared folder
    foreign = write(project / "shared" / ".gwlint.yaml", "packs: [../packs/team.yaml]\nselect: [team]\n")
    owned_by_stranger(foreign)
    draft = write(project / "shared" / "sub" / "a.txt", PENDING)
    code = main([str(draft), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0 and '"diagnostics": []' in captured.out  # neither the foreign file nor ours above it
    assert warnings(captured.err) == [
        f"gwlint: warning: skipped configuration {foreign}: owned by uid {STRANGER}, not by you "
        f"(uid {os.geteuid()}) or root (name it with --config to use it)"
    ]


def test_a_foreign_pyproject_table_is_skipped_the_same_way(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / ".gwlint.yaml", TEAM_CONFIG)
    foreign = write(project / "shared" / "pyproject.toml", '[tool.gwlint]\nselect = ["team"]\n')
    owned_by_stranger(foreign)
    draft = write(project / "shared" / "a.txt", PENDING)
    assert rules_found([str(draft)], capsys) == (0, [])
    assert main([str(draft)]) == 0
    assert f"skipped configuration {foreign}: owned by uid {STRANGER}" in capsys.readouterr().err


def test_a_foreign_pyproject_without_a_gwlint_table_is_not_a_configuration(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / ".gwlint.yaml", TEAM_CONFIG)
    foreign = write(project / "shared" / "pyproject.toml", '[project]\nname = "x"\n')
    owned_by_stranger(foreign)
    draft = write(project / "shared" / "a.txt", PENDING)
    assert rules_found([str(draft)], capsys) == (1, [("a.txt", "team.pending")])


def test_the_note_is_printed_once_however_many_drafts_it_concerns(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = write(project / "shared" / ".gwlint.yaml", TEAM_CONFIG)
    owned_by_stranger(foreign)
    drafts = [write(project / "shared" / name / "a.txt", PENDING) for name in ("x", "y", "z")]
    main([*map(str, drafts), "--format", "concise"])
    assert len(warnings(capsys.readouterr().err)) == 1


def test_a_link_of_ours_to_someone_elses_configuration_is_skipped(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = write(project / "elsewhere" / "their.yaml", TEAM_CONFIG.replace("packs/", "../packs/"))
    owned_by_stranger(theirs)
    (project / "shared").mkdir()
    (project / "shared" / ".gwlint.yaml").symlink_to(theirs)
    draft = write(project / "shared" / "a.txt", PENDING)
    assert rules_found([str(draft)], capsys) == (0, [])
    main([str(draft)])
    assert f"owned by uid {STRANGER}" in capsys.readouterr().err


def test_a_world_writable_folder_without_sticky_bit_stops_the_search(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    above = write(project / ".gwlint.yaml", TEAM_CONFIG)
    shared = project / "shared"
    draft = write(shared / "sub" / "a.txt", PENDING)
    shared.chmod(0o777)
    assert rules_found([str(draft)], capsys) == (0, [])
    main([str(draft)])
    assert warnings(capsys.readouterr().err) == [
        f"gwlint: warning: skipped configuration {above}: the search stops at {shared}, which is writable by "
        "anyone (no sticky bit) (name it with --config to use it)"
    ]
    inside = write(shared / ".gwlint.yaml", "packs: [../packs/team.yaml]\nselect: [team]\n")
    main([str(draft)])
    assert f"skipped configuration {inside}: its folder {shared} is writable by anyone" in capsys.readouterr().err
    shared.chmod(0o1777)  # like /tmp: others cannot rename or remove our files there
    assert rules_found([str(draft)], capsys) == (1, [("a.txt", "team.pending")])


def test_packs_named_by_a_found_configuration_must_be_trusted_too(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(project / ".gwlint.yaml", TEAM_CONFIG)
    owned_by_stranger(project / "packs" / "team.yaml")
    draft = write(project / "a.txt", PENDING)
    assert main([str(draft)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gwlint: error: {config}: key 'packs': pack {project / 'packs' / 'team.yaml'} not loaded: ")
    assert f"owned by uid {STRANGER}" in err


def test_what_the_user_names_on_the_command_line_is_trusted(
    project: Path, owned_by_stranger: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = write(project / "shared" / ".gwlint.yaml", "packs: [../packs/team.yaml]\nselect: [team]\n")
    owned_by_stranger(foreign)
    owned_by_stranger(project / "packs" / "team.yaml")
    draft = write(project / "shared" / "a.txt", PENDING)
    assert rules_found([str(draft), "--config", str(foreign)], capsys) == (1, [("a.txt", "team.pending")])
    found = rules_found([str(draft), "--isolated", "--pack", str(project / "packs" / "team.yaml")], capsys)
    assert found == (1, [("a.txt", "team.pending")])


def test_trusted_owners_follow_gits_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUDO_UID", "1000")
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert trust.trusted_uids() == {0, 1000}  # root, and under sudo the user who ran it
    monkeypatch.setattr(os, "geteuid", lambda: 1001)
    assert trust.trusted_uids() == {1001, 0}  # SUDO_UID counts only for root
    monkeypatch.delenv("SUDO_UID")
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert trust.trusted_uids() == {0}
