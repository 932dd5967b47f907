"""Packs are data and drafts are text: nothing in them is executed, imported or fetched, and gwlint
makes no network access."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import docx
import pytest
from conftest import SEEDS
from test_packs import GOOD_RULE

from lint.cli import main
from lint.engine import render_message
from lint.reporters import FORMATS


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
        "!!python/name:os.system",
    ],
)
def test_a_pack_with_a_python_tag_is_a_yaml_error_and_runs_nothing(
    payload: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = tmp_path / "executed"
    pack = tmp_path / "evil.yaml"
    pack.write_text(GOOD_RULE.replace("rationale: 统一称谓。", "rationale: " + payload.format(marker=marker)), "utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("通知。", encoding="utf-8")
    assert main([str(draft), "--pack", str(pack)]) == 2
    err = capsys.readouterr().err
    assert f"gwlint: error: {pack}: YAML syntax error" in err and "python/" in err
    assert not marker.exists()


@pytest.mark.parametrize("kind", ["os", "lint.cli", "subprocess", "../../etc/passwd"])
def test_a_kind_is_looked_up_in_a_fixed_table_never_imported_by_name(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "team.yaml"
    pack.write_text(GOOD_RULE.replace("kind: substitution", f"kind: '{kind}'"), encoding="utf-8")
    assert main(["x.txt", "--pack", str(pack)]) == 2
    assert f"unknown check kind '{kind}'" in capsys.readouterr().err


def test_a_message_substitutes_plain_names_only() -> None:
    fields = {"match": "某某", "replacement": "张三"}
    assert render_message("“{match}”应为“{replacement}”", fields) == "“某某”应为“张三”"
    assert render_message("{match.__class__.__mro__}", fields) == "{match.__class__.__mro__}"
    assert render_message("{match[0]}{unknown}{0}", fields) == "{match[0]}{unknown}{0}"
    assert render_message("{match!r:>6}", fields) == "  '某某'"


def test_a_draft_that_looks_like_code_is_only_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("{__import__('os').system('touch x')} ${HOME} $(touch x) `touch x` {match.__class__}\n", "utf-8")
    assert main([str(draft), "--format", "json"]) in (0, 1)
    assert not (tmp_path / "x").exists() and not Path("x").exists()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to open a socket or resolve a name fails the run loudly and is recorded."""
    attempts: list[str] = []

    def refuse(name: str) -> object:
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network access attempted: {name}")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_no_network_access_in_any_format_fix_diff_or_annotate(
    no_network: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    word = docx.Document()
    word.add_paragraph("**县要进一步的加强工作,认真落实。")
    word.save(seeds / "draft.docx")
    for name in FORMATS:
        assert main([str(seeds), "--format", name, "--color", "always"]) == 1, name
    assert main([str(seeds), "--diff", "--unsafe-fixes"]) == 1
    assert main([str(seeds / "draft.docx"), "--annotate"]) == 1
    assert (seeds / "draft.gwlint.docx").exists()
    assert main([str(seeds), "--fix", "--unsafe-fixes"]) in (0, 1)
    assert main(["rules", "--format", "json"]) == 0
    assert main(["explain", "placeholder"]) in (0, 2)
    assert "Traceback" not in capsys.readouterr().err
    assert no_network == []
