"""--fix never loses a byte: a failure or a kill mid-write leaves the old file or the new one, never a
truncated one; encodings, BOMs, line endings and modes survive; a file changed meanwhile is left alone.
(tests/test_fix.py covers GBK + BOM + CRLF + mode on text files and the writer's digest check.)"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from pack_helpers import only_pack
from test_fix import PACK

from lint import writer
from lint.cli import main

BEFORE, AFTER = "计划委员会发文。\n", "发展和改革委员会发文。\n"


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return only_pack(tmp_path, monkeypatch, PACK)


@pytest.fixture
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "drafts"
    folder.mkdir()
    first, second = folder / "a.txt", folder / "b.txt"
    first.write_text(BEFORE, encoding="utf-8")
    second.write_text(BEFORE, encoding="utf-8")
    return first, second


def fix(pack: Path, *paths: Path) -> int:
    return main(["check", "--pack", str(pack), "--color", "never", "--fix", *map(str, paths)])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".gwlint-tmp"))


def test_a_failing_rename_leaves_the_old_file_and_the_others_are_fixed(
    pack: Path, drafts: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first, second = drafts
    replace = os.replace

    def refuse_first(source: str, target: str | Path, **folders: int | None) -> None:
        if Path(target).name == first.name:
            raise OSError(errno.EROFS, "Read-only file system")
        replace(source, target, **folders)

    monkeypatch.setattr(os, "replace", refuse_first)
    assert fix(pack, first, second) == 2
    err = capsys.readouterr().err
    assert f"{first}: cannot write (Read-only file system); original left as it was" in err
    assert first.read_text(encoding="utf-8") == BEFORE
    assert second.read_text(encoding="utf-8") == AFTER
    assert leftovers(first.parent) == []


def test_a_write_that_fails_half_way_leaves_the_old_file(
    pack: Path, drafts: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first, _ = drafts
    write = os.write

    def half_then_disk_full(descriptor: int, data: bytes) -> int:
        write(descriptor, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "write", half_then_disk_full)
    assert fix(pack, first) == 2
    assert f"gwlint: error: {first}: cannot write (No space left on device)" in capsys.readouterr().err
    assert first.read_text(encoding="utf-8") == BEFORE
    assert leftovers(first.parent) == []


def test_a_file_edited_between_read_and_write_is_not_overwritten(
    pack: Path, drafts: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first, second = drafts
    create = writer._Temporary.__enter__
    edited = "有人刚改过：计划委员会。\n"

    def someone_edits(temporary: writer._Temporary) -> writer._Temporary:
        if temporary.target == first.name:
            first.write_text(edited, encoding="utf-8")
        return create(temporary)

    monkeypatch.setattr(writer._Temporary, "__enter__", someone_edits)
    assert fix(pack, first, second) == 2
    assert f"{first}: changed on disk since it was read; not overwritten" in capsys.readouterr().err
    assert first.read_text(encoding="utf-8") == edited
    assert second.read_text(encoding="utf-8") == AFTER
    assert leftovers(first.parent) == []


KILLED_RUN = """\
import os, signal, sys
from lint import packs, plans, writer

packs.builtin_pack_paths = plans.builtin_pack_paths = list  # only the demo pack, as in-process

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[1] == "before-rename":
    writer.os.replace = die
else:  # in the middle of writing the temporary file
    real_write = os.write
    def half_then_die(descriptor, data):
        real_write(descriptor, data[: len(data) // 2])
        die()
    writer.os.write = half_then_die

from lint.cli import main
sys.exit(main(["check", "--isolated", "--pack", sys.argv[2], "--fix", sys.argv[3]]))
"""


@pytest.mark.parametrize("moment", ["mid-write", "before-rename"])
def test_a_kill_mid_fix_leaves_the_old_file_whole(pack: Path, drafts: tuple[Path, Path], moment: str) -> None:
    first, _ = drafts
    original = first.read_bytes()
    script = textwrap.dedent(KILLED_RUN)
    done = subprocess.run([sys.executable, "-c", script, moment, str(pack), str(first)], cwd=ROOT, capture_output=True)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert first.read_bytes() == original
    # The half-written temporary may stay behind: hidden, not a draft, never picked up by a directory run.
    assert all(name.startswith(".a.txt.") for name in leftovers(first.parent))


def test_utf16_bom_and_lone_cr_line_endings_survive(pack: Path, tmp_path: Path) -> None:
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(b"\xff\xfe" + "通知\r\n计划委员会\r\n".encode("utf-16-le"))
    old_mac = tmp_path / "cr.txt"
    old_mac.write_bytes("第一行\r计划委员会\r第三行".encode())
    assert fix(pack, utf16, old_mac) == 0
    assert utf16.read_bytes() == b"\xff\xfe" + "通知\r\n发展和改革委员会\r\n".encode("utf-16-le")
    assert old_mac.read_bytes() == "第一行\r发展和改革委员会\r第三行".encode()


def test_a_fixed_docx_keeps_its_mode(pack: Path, tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    word = docx.Document()
    word.add_paragraph("计划委员会发文。")
    word.save(path)
    path.chmod(0o604)
    assert fix(pack, path) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o604
    assert [p.text for p in docx.Document(path).paragraphs] == ["发展和改革委员会发文。"]
    assert leftovers(tmp_path) == []
