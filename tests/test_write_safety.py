"""Every file gwlint writes, in shared folders and on full disks (issue 14, items 2-4; lint/writer.py).

--fix keeps owner, group, mode, extended attributes and hard links or refuses and says why; it never
writes through a link; a change made between its last check and the rename is caught as far as the
OS allows; a full disk leaves the original and no temporary file. gwlint's own outputs (baseline,
annotated copy, cache entries) are created exclusively and never through a link.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

import docx
import pytest
from pack_helpers import DEMO_PACK, only_pack

from lint import cache, writer
from lint.cli import main

BEFORE, AFTER = "计划委员会发文。\n", "发展和改革委员会发文。\n"
AS_ROOT = pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another owner")


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return only_pack(tmp_path, monkeypatch, DEMO_PACK)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text(BEFORE, encoding="utf-8")
    return path


def fix(pack: Path, *paths: Path) -> int:
    return main(["check", "--isolated", "--pack", str(pack), "--color", "never", "--fix", *map(str, paths)])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".gwlint-tmp"))


def error_line(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    err = capsys.readouterr().err
    return next(line for line in err.splitlines() if line.startswith(f"gwlint: error: {path}: "))


# --- item 2: never through a link, never outside the folder, created exclusively ---


def test_fix_refuses_a_symlinked_draft_and_leaves_its_target_alone(pack: Path, draft: Path, tmp_path: Path, capsys):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(BEFORE, encoding="utf-8")
    link = draft.parent / "link.txt"
    link.symlink_to(outside)
    assert fix(pack, link) == 2
    assert "is a symbolic link; --fix does not write through links" in error_line(capsys, link)
    assert outside.read_text(encoding="utf-8") == BEFORE and link.is_symlink()
    assert leftovers(draft.parent) == []


def test_a_draft_swapped_for_a_link_after_reading_is_not_written_through(
    pack: Path, draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    import lint.session

    outside = tmp_path / "precious.txt"
    outside.write_text("别人的文件。\n", encoding="utf-8")
    fix_document = lint.session.fix_document

    def swap_then_fix(*args: object, **kwargs: object) -> object:
        draft.unlink()
        draft.symlink_to(outside)
        return fix_document(*args, **kwargs)

    monkeypatch.setattr(lint.session, "fix_document", swap_then_fix)
    assert fix(pack, draft) == 2
    assert "symbolic link" in error_line(capsys, draft)
    assert outside.read_text(encoding="utf-8") == "别人的文件。\n"


def test_write_baseline_does_not_write_through_a_link(pack: Path, draft: Path, tmp_path: Path, capsys):
    outside = tmp_path / "precious.json"
    outside.write_text("{}", encoding="utf-8")
    baseline = draft.parent / "baseline.json"
    baseline.symlink_to(outside)
    code = main(["check", "--isolated", "--pack", str(pack), str(draft), "--write-baseline", str(baseline)])
    assert code == 2
    assert f"gwlint: error: {baseline}: cannot write baseline: is a symbolic link" in capsys.readouterr().err
    assert outside.read_text(encoding="utf-8") == "{}" and baseline.is_symlink()


def test_write_baseline_replaces_an_old_baseline_whole_keeping_its_mode(pack: Path, draft: Path, capsys):
    baseline = draft.parent / "baseline.json"
    baseline.write_text("old", encoding="utf-8")
    baseline.chmod(0o640)
    assert main(["check", "--isolated", "--pack", str(pack), str(draft), "--write-baseline", str(baseline)]) == 0
    assert '"gwlint-baseline": 1' in baseline.read_text(encoding="utf-8")
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o640
    assert leftovers(draft.parent) == []


def test_annotate_does_not_write_through_a_link(pack: Path, tmp_path: Path, capsys):
    path = tmp_path / "draft.docx"
    word = docx.Document()
    word.add_paragraph("计划委员会发文。")
    word.save(path)
    outside = tmp_path / "precious.bin"
    outside.write_bytes(b"keep")
    (tmp_path / "draft.gwlint.docx").symlink_to(outside)
    assert main(["check", "--isolated", "--pack", str(pack), "--annotate", str(path)]) == 1
    assert f"wrote {tmp_path / 'draft.gwlint-2.docx'}" in capsys.readouterr().err  # the next free name
    assert outside.read_bytes() == b"keep" and (tmp_path / "draft.gwlint.docx").is_symlink()


def test_a_temporary_name_taken_by_a_planted_link_is_never_opened(
    pack: Path, draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    outside = tmp_path / "precious.txt"
    outside.write_text("别人的文件。\n", encoding="utf-8")
    randoms = iter([b"\x00" * 4, b"\x01" * 4])
    monkeypatch.setattr(writer.os, "urandom", lambda n: next(randoms))
    planted = draft.parent / ".a.txt.00000000.gwlint-tmp"
    planted.symlink_to(outside)  # the first name gwlint will try
    assert fix(pack, draft) == 0
    assert draft.read_text(encoding="utf-8") == AFTER
    assert outside.read_text(encoding="utf-8") == "别人的文件。\n" and planted.is_symlink()


def test_a_cache_stamp_is_created_exclusively_not_through_a_planted_link(tmp_path: Path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(home))
    (home / "verified").mkdir(parents=True)
    target = tmp_path / "created-through-the-link"
    (home / "verified" / "key").symlink_to(target)
    cache.write_stamp("verified", "key")
    assert not target.exists()


def test_a_cache_folder_anyone_may_write_to_is_not_used(tmp_path: Path, monkeypatch):
    home = tmp_path / "shared-cache"
    home.mkdir()
    home.chmod(0o777)
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(home))
    cache.store_object("packs", "key", {"a": 1})
    assert not (home / "packs").exists()
    (home / "packs").mkdir()
    (home / "packs" / "key.pickle").write_bytes(cache.dumps({"planted": True}))
    assert cache.load_object("packs", "key") is None


def test_a_cache_folder_of_another_user_is_not_used(tmp_path: Path, monkeypatch):
    from lint import trust

    home = tmp_path / "their-cache"
    (home / "packs").mkdir(parents=True)
    (home / "packs" / "key.pickle").write_bytes(cache.dumps({"planted": True}))
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(home))
    monkeypatch.setattr(trust, "trusted_uids", lambda: frozenset({4242}))
    assert cache.load_object("packs", "key") is None


def test_output_replaces_the_report_whole_and_not_through_a_hard_link(pack: Path, draft: Path, tmp_path: Path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    report = draft.parent / "report.json"
    os.link(victim, report)  # truncating report.json in place would empty the victim
    code = main(["check", "--isolated", "--pack", str(pack), "--format", "json", "-o", str(report), str(draft)])
    assert code == 1
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert '"diagnostics"' in report.read_text(encoding="utf-8") and report.stat().st_nlink == 1
    assert leftovers(draft.parent) == []


# --- item 3: metadata, hard links, read-only files, the count, the last look before the rename ---


@AS_ROOT
def test_fix_keeps_owner_and_group(pack: Path, draft: Path):
    os.chown(draft, 1234, 5678)
    draft.chmod(0o2640)  # a chown clears set-group-id: it must be set again after
    assert fix(pack, draft) == 0
    status = draft.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (1234, 5678, 0o2640)
    assert draft.read_text(encoding="utf-8") == AFTER


@AS_ROOT
def test_an_owner_that_cannot_be_kept_is_a_refusal(pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    os.chown(draft, 1234, 5678)

    def not_permitted(*args: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(writer.os, "fchown", not_permitted)
    assert fix(pack, draft) == 2
    line = error_line(capsys, draft)
    assert "owned by uid 1234, gid 5678: gwlint cannot give the fixed file the same owner and group" in line
    assert draft.read_text(encoding="utf-8") == BEFORE and leftovers(draft.parent) == []


def test_fix_keeps_extended_attributes(pack: Path, draft: Path):
    if not hasattr(os, "setxattr"):
        pytest.skip("no extended attributes on this platform")
    try:
        os.setxattr(draft, "user.gwlint-test", b"keep me")
    except OSError as error:
        pytest.skip(f"this file system has no user extended attributes ({error.strerror})")
    assert fix(pack, draft) == 0
    assert os.getxattr(draft, "user.gwlint-test") == b"keep me"
    assert draft.read_text(encoding="utf-8") == AFTER


def test_an_extended_attribute_that_cannot_be_kept_is_a_refusal(
    pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    """A file system or a policy that refuses the attribute (say security.* for a non-root user)."""
    calls: list[int] = []

    def getxattr(fd: int, name: str) -> bytes:
        calls.append(fd)
        if len(calls) % 2 == 0:  # the second look of each pair is at the temporary file: it has none
            raise OSError(errno.ENODATA, "No data available")
        return b"value"

    def not_permitted(*args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(writer.os, "listxattr", lambda fd: ["user.label"], raising=False)
    monkeypatch.setattr(writer.os, "setxattr", not_permitted, raising=False)
    monkeypatch.setattr(writer.os, "getxattr", getxattr, raising=False)
    assert fix(pack, draft) == 2
    assert "cannot keep its extended attribute user.label (Operation not permitted); not rewritten" in error_line(
        capsys, draft
    )
    assert draft.read_text(encoding="utf-8") == BEFORE and leftovers(draft.parent) == []


def test_a_draft_with_other_hard_links_is_not_split_from_them(pack: Path, draft: Path, capsys):
    other = draft.parent / "other-name.txt"
    os.link(draft, other)
    assert fix(pack, draft) == 2
    assert "has 2 hard links; rewriting it would leave the other names with the old text" in error_line(capsys, draft)
    assert draft.read_text(encoding="utf-8") == BEFORE == other.read_text(encoding="utf-8")
    assert draft.stat().st_ino == other.stat().st_ino


def test_a_read_only_draft_is_not_rewritten_even_by_root(pack: Path, draft: Path, tmp_path: Path, capsys):
    draft.chmod(0o444)
    writable = draft.parent / "b.txt"
    writable.write_text(BEFORE, encoding="utf-8")
    assert fix(pack, draft, writable) == 2
    captured = capsys.readouterr()
    assert f"gwlint: error: {draft}: read-only file; not rewritten" in captured.err
    assert draft.read_text(encoding="utf-8") == BEFORE and stat.S_IMODE(draft.stat().st_mode) == 0o444
    assert writable.read_text(encoding="utf-8") == AFTER
    assert "Fixed 1 problem(s) in 1 file(s)." in captured.out  # only the write that happened


def test_a_change_between_the_last_check_and_the_rename_is_caught(
    pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    """Someone rewrites the draft (same size, same text even) right after the content check: the
    identity (device, inode, size, mtime) read just before the rename no longer matches."""
    check = writer._check_unchanged
    checks: list[int] = []

    def then_someone_replaces_it(source: int, read: writer.Snapshot) -> None:
        check(source, read)
        checks.append(source)
        if len(checks) == 2:  # the content check right before the rename
            replacement = draft.parent / "replacement.txt"
            replacement.write_text(BEFORE, encoding="utf-8")
            os.replace(replacement, draft)

    monkeypatch.setattr(writer, "_check_unchanged", then_someone_replaces_it)
    assert fix(pack, draft) == 2
    assert "changed on disk since it was read; not overwritten" in error_line(capsys, draft)
    assert draft.read_text(encoding="utf-8") == BEFORE and leftovers(draft.parent) == []


def test_an_edit_in_place_with_the_same_size_is_caught_by_the_content_check(
    pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    status = draft.stat()
    same_size = "计划委员会来文。\n"
    keep = writer._Temporary.write

    def edit_while_writing(temporary: writer._Temporary, data: bytes) -> None:
        keep(temporary, data)
        draft.write_text(same_size, encoding="utf-8")
        os.utime(draft, ns=(status.st_atime_ns, status.st_mtime_ns))  # even the mtime put back

    monkeypatch.setattr(writer._Temporary, "write", edit_while_writing)
    assert fix(pack, draft) == 2
    assert "changed on disk since it was read" in error_line(capsys, draft)
    assert draft.read_text(encoding="utf-8") == same_size


# --- item 4: a full disk ---


@pytest.mark.parametrize("call", ["write", "fsync"])
def test_a_full_disk_leaves_the_original_and_no_temporary_file(
    pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys, call: str
):
    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, call, disk_full)
    assert fix(pack, draft) == 2
    assert error_line(capsys, draft) == (
        f"gwlint: error: {draft}: cannot write (No space left on device); original left as it was"
    )
    assert draft.read_text(encoding="utf-8") == BEFORE and leftovers(draft.parent) == []


def test_a_full_disk_leaves_an_old_report_whole(pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    report = draft.parent / "report.json"
    report.write_text("the last report\n", encoding="utf-8")

    class DiskFull(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fdopen", lambda *args, **kwargs: DiskFull())
    code = main(["check", "--isolated", "--pack", str(pack), "--format", "json", "-o", str(report), str(draft)])
    assert code == 2
    assert f"gwlint: error: {report}: cannot write the report: cannot write (No space left on device)" in (
        capsys.readouterr().err
    )
    assert report.read_text(encoding="utf-8") == "the last report\n"
    assert leftovers(draft.parent) == []


def test_a_full_disk_leaves_an_old_baseline_whole(pack: Path, draft: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    baseline = draft.parent / "baseline.json"
    baseline.write_text('{"gwlint-baseline": 1, "entries": []}\n', encoding="utf-8")
    write = os.write

    def half_then_full(descriptor: int, data: bytes) -> int:
        write(descriptor, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "write", half_then_full)
    code = main(["check", "--isolated", "--pack", str(pack), str(draft), "--write-baseline", str(baseline)])
    assert code == 2
    assert "cannot write baseline: cannot write (No space left on device)" in capsys.readouterr().err
    assert baseline.read_text(encoding="utf-8") == '{"gwlint-baseline": 1, "entries": []}\n'
    assert leftovers(draft.parent) == []


def test_write_copy_takes_the_first_free_name_and_keeps_the_mode(tmp_path: Path):
    names = [tmp_path / f"copy-{n}.docx" for n in (1, 2, 3)]
    names[0].write_bytes(b"reviewed")
    names[1].symlink_to(tmp_path / "nowhere")  # a dangling link is a taken name too
    placed = writer.write_copy(names, b"new", 0o640)
    assert placed == names[2] and placed.read_bytes() == b"new"
    assert stat.S_IMODE(placed.stat().st_mode) == 0o640
    assert names[0].read_bytes() == b"reviewed" and not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy-1.docx", "copy-2.docx", "copy-3.docx"]


def test_write_copy_without_hard_links_creates_the_name_exclusively(tmp_path: Path, monkeypatch):
    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    names = [tmp_path / "a.docx", tmp_path / "b.docx"]
    names[0].symlink_to(tmp_path / "target")
    assert writer.write_copy(names, b"new", 0o600) == names[1]
    assert names[1].read_bytes() == b"new" and not (tmp_path / "target").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".gwlint-tmp")] == []


def test_write_copy_says_when_every_name_is_taken(tmp_path: Path):
    names = [tmp_path / "a.docx"]
    names[0].write_bytes(b"old")
    with pytest.raises(writer.NoFreeName):
        writer.write_copy(names, b"new", 0o600)
    assert names[0].read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 1


def test_write_copy_replacing_puts_the_copy_in_place_of_a_link_not_through_it(tmp_path: Path):
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    name = tmp_path / "a.docx"
    name.symlink_to(victim)
    assert writer.write_copy([name], b"new", 0o600, replace=True) == name
    assert not name.is_symlink() and name.read_bytes() == b"new" and victim.read_bytes() == b"precious"
