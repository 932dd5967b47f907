"""--fix, --unsafe-fixes, --diff end to end, with a small pack of our own (not the built-in rules)."""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest
from pack_helpers import DEMO_PACK, only_pack

from lint.cli import main
from lint.diagnostics import Diagnostic, Fix, Severity, Span
from lint.engine import Linter
from lint.fixer import applicable, apply_fixes, fix_document
from lint.packs import load_packs
from lint.source import read_file, text_document
from lint.writer import Snapshot, WriteError, identity, rewrite

PACK = (
    DEMO_PACK
    + """\
  - id: further
    title: 进一步的
    severity: info
    kind: pattern
    message: "“{match}”宜改为“{replacement}”"
    rationale: 测试。
    source: 测试
    fix: unsafe
    params: {words: [进一步的], replacement: 进一步}
    examples: {bad: [{text: "进一步的加强", fixed: "进一步加强"}], good: ["进一步加强"]}
"""
)


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Only our pack is loaded: the built-in packs are left out so these tests test the fixer alone."""
    return only_pack(tmp_path, monkeypatch, PACK)


@pytest.fixture
def linter(pack: Path) -> Linter:
    return Linter([rule for p in load_packs([pack], builtin=False) for rule in p.rules])


def gwlint(pack: Path, *args: str) -> int:
    return main(["check", "--pack", str(pack), "--color", "never", *args])


def _diagnostic(start: int, end: int, replacement: str, safe: bool = True) -> Diagnostic:
    span = Span(start, end, 1, start + 1, 1, end + 1)
    return Diagnostic("t", span, "demo.x", Severity.WARNING, "m", "", Fix(replacement, safe))


def test_apply_fixes_skips_overlapping_and_unsafe_fixes() -> None:
    fixes = [_diagnostic(0, 2, "A"), _diagnostic(1, 3, "B"), _diagnostic(4, 5, "C", safe=False)]
    assert apply_fixes("abcdef", fixes) == ("Acdef", 1)
    assert apply_fixes("abcdef", fixes, unsafe=True) == ("AcdCf", 2)
    assert [d.fix.replacement for d in applicable(fixes, unsafe=True)] == ["A", "C"]


def test_fixing_converges_when_a_fix_uncovers_another(linter: Linter) -> None:
    fixed, count = fix_document(linter.lint, text_document("t.txt", "我们的的的工作"))
    assert fixed.source_text == "我们的工作"
    assert count == 2
    assert linter.lint(fixed) == []


def test_fix_writes_in_place_reports_what_remains_and_counts(pack: Path, tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("计划委员会要进一步的加强工作。\n", encoding="utf-8")
    assert gwlint(pack, "--fix", str(draft)) == 0  # only an info-level unsafe finding remains
    assert draft.read_text(encoding="utf-8") == "发展和改革委员会要进一步的加强工作。\n"
    out = capsys.readouterr().out
    assert "demo.further" in out and "demo.old-name" not in out
    assert "Fixed 1 problem(s) in 1 file(s)." in out


def test_unsafe_fixes_adds_the_rest(pack: Path, tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("计划委员会要进一步的加强工作。", encoding="utf-8")
    assert gwlint(pack, "--fix", "--unsafe-fixes", str(draft)) == 0
    assert draft.read_text(encoding="utf-8") == "发展和改革委员会要进一步加强工作。"
    assert "Fixed 2 problem(s)" in capsys.readouterr().out


def test_fix_keeps_gbk_encoding_bom_crlf_mode_and_every_other_byte(pack: Path, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.txt"
    head, tail = "通知\r\n各单位：\r\n".encode("gbk"), "发文。\r\n附件：无\r\n".encode("gbk")
    gbk.write_bytes(head + "计划委员会".encode("gbk") + tail)
    os.chmod(gbk, 0o640)
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + "我们的的工作\r\n".encode())
    assert gwlint(pack, "--fix", "--format", "json", str(gbk), str(bom)) == 0
    assert gbk.read_bytes() == head + "发展和改革委员会".encode("gbk") + tail
    assert stat.S_IMODE(gbk.stat().st_mode) == 0o640
    assert bom.read_bytes() == b"\xef\xbb\xbf" + "我们的工作\r\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bom.txt", "gbk.txt", "packs"]  # no temporary left


def test_fix_in_markdown_leaves_code_untouched(pack: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# 计划委员会\n\n```\n计划委员会\n```\n\n`计划委员会` 和计划委员会\n", encoding="utf-8")
    assert gwlint(pack, "--fix", str(draft)) == 0
    assert draft.read_text(encoding="utf-8") == (
        "# 发展和改革委员会\n\n```\n计划委员会\n```\n\n`计划委员会` 和发展和改革委员会\n"
    )


def test_diff_prints_a_unified_diff_writes_nothing_and_exits_1(pack: Path, tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    original = "第一行。\n我们的的工作。\n"
    draft.write_text(original, encoding="utf-8")
    assert gwlint(pack, "--diff", str(draft)) == 1
    out = capsys.readouterr().out
    assert f"--- {draft}\n+++ {draft}\n" in out
    assert "-我们的的工作。\n+我们的工作。\n" in out
    assert draft.read_text(encoding="utf-8") == original


def test_diff_exits_0_when_there_is_nothing_to_fix(pack: Path, tmp_path: Path, capsys) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("进一步的加强。", encoding="utf-8")  # only an unsafe fix
    assert gwlint(pack, "--diff", str(draft)) == 0
    assert capsys.readouterr().out == ""
    assert gwlint(pack, "--diff", "--unsafe-fixes", str(draft)) == 1


def test_diff_works_on_stdin_and_fix_refuses_it(pack: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("计划委员会\n".encode())))
    assert gwlint(pack, "--diff", "--stdin-filename", "draft.txt", "-") == 1
    assert "+发展和改革委员会" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("计划委员会\n".encode())))
    assert gwlint(pack, "--fix", "-") == 2
    assert "stdin can only be --diff'ed" in capsys.readouterr().err


def snapshot(path: Path) -> Snapshot:
    data, status = read_file(path)
    return Snapshot(data, identity(status))


def test_a_file_changed_after_reading_is_not_overwritten(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"read")
    read = snapshot(draft)
    draft.write_bytes(b"edited by someone else")
    with pytest.raises(WriteError, match="changed on disk"):
        rewrite(draft, b"fixed", read)
    assert draft.read_bytes() == b"edited by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]
    rewrite(draft, b"fixed", snapshot(draft))
    assert draft.read_bytes() == b"fixed"


def test_fix_refuses_to_write_through_a_symlink(tmp_path: Path) -> None:
    """--fix never writes through a link: a link planted in a shared folder could lead anywhere."""
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with pytest.raises(WriteError, match="symbolic link"):
        rewrite(link, b"new", snapshot(link))
    assert link.is_symlink() and target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]
