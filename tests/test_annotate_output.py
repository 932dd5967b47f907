"""--annotate writes a new file: never through a link, never over an earlier copy (unless --force), in linear time."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest
from docx_builder import docx_bytes, paragraph, run
from growth import assert_linear
from pack_helpers import DEMO_PACK, only_pack

from lint.annotate import annotate
from lint.cli import main
from lint.diagnostics import Diagnostic, Fix, Severity
from lint.formats.docx import DocxDraft

BODY = paragraph(run("标题")) + paragraph(run("请报送")) + paragraph(run("计划委员会"), run("的的材料", "<w:b/>"))


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return only_pack(tmp_path, monkeypatch, DEMO_PACK)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    path = folder / "draft.docx"
    path.write_bytes(docx_bytes(BODY))
    return path


def annotate_cli(pack: Path, draft: Path, *extra: str) -> int:
    return main(["check", "--pack", str(pack), "--annotate", *extra, str(draft)])


def comment_count(path: Path) -> int:
    return len(docx.Document(str(path)).comments)


def test_a_link_planted_at_the_output_is_not_followed(pack: Path, draft: Path, capsys) -> None:
    victim = draft.parent.parent / "x"
    victim.write_bytes(b"precious")
    planted = draft.parent / "draft.gwlint.docx"
    planted.symlink_to("../x")
    assert annotate_cli(pack, draft) == 1
    assert victim.read_bytes() == b"precious" and planted.is_symlink()
    assert comment_count(draft.parent / "draft.gwlint-2.docx") == 2
    assert f"wrote {draft.parent / 'draft.gwlint-2.docx'} (2 comment(s))" in capsys.readouterr().err


def test_a_dangling_link_is_not_followed_either(pack: Path, draft: Path) -> None:
    planted = draft.parent / "draft.gwlint.docx"
    planted.symlink_to("../created-through-the-link")
    assert annotate_cli(pack, draft) == 1
    assert not (draft.parent.parent / "created-through-the-link").exists()
    assert (draft.parent / "draft.gwlint-2.docx").is_file()


def test_force_replaces_the_link_itself_not_its_target(pack: Path, draft: Path) -> None:
    victim = draft.parent.parent / "x"
    victim.write_bytes(b"precious")
    planted = draft.parent / "draft.gwlint.docx"
    planted.symlink_to("../x")
    assert annotate_cli(pack, draft, "--force") == 1
    assert victim.read_bytes() == b"precious"
    assert not planted.is_symlink() and comment_count(planted) == 2


def test_an_earlier_copy_is_kept_and_the_next_free_name_taken(pack: Path, draft: Path) -> None:
    first = draft.parent / "draft.gwlint.docx"
    assert annotate_cli(pack, draft) == 1
    answered = first.read_bytes()
    assert annotate_cli(pack, draft) == 1
    assert annotate_cli(pack, draft) == 1
    assert first.read_bytes() == answered
    names = sorted(p.name for p in draft.parent.iterdir())
    assert names == ["draft.docx", "draft.gwlint-2.docx", "draft.gwlint-3.docx", "draft.gwlint.docx"]
    assert annotate_cli(pack, draft, "--force") == 1
    assert len(list(draft.parent.iterdir())) == 4, "--force rewrites draft.gwlint.docx, adds nothing"


def test_numbered_copies_are_not_linted_as_drafts(pack: Path, draft: Path, capsys) -> None:
    (draft.parent / "draft.gwlint-2.docx").write_bytes(draft.read_bytes())
    (draft.parent / "draft.gwlint.docx").write_bytes(draft.read_bytes())
    assert main(["check", "--pack", str(pack), "--format", "concise", str(draft.parent)]) == 1
    assert {line.split(":")[0] for line in capsys.readouterr().out.splitlines() if line} == {str(draft)}


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_the_copy_has_the_originals_permission_bits(mode: int, pack: Path, draft: Path) -> None:
    draft.chmod(mode)
    assert annotate_cli(pack, draft) == 1
    assert (draft.parent / "draft.gwlint.docx").stat().st_mode & 0o7777 == mode


def test_nothing_is_left_behind_when_the_folder_is_read_only(pack: Path, draft: Path, capsys) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: a read-only folder does not stop root")
    draft.parent.chmod(0o500)
    try:
        assert annotate_cli(pack, draft) == 2
    finally:
        draft.parent.chmod(0o700)
    assert "cannot write the annotated copy" in capsys.readouterr().err
    assert [p.name for p in draft.parent.iterdir()] == ["draft.docx"]


def test_comments_say_where_in_word_terms_in_chinese(pack: Path, draft: Path) -> None:
    assert annotate_cli(pack, draft) == 1
    texts = sorted(comment.text for comment in docx.Document(str(draft.parent / "draft.gwlint.docx")).comments)
    assert texts[0].startswith("第3段第1字：“计划委员会”应改为“发展和改革委员会”（警告，规则 demo.old-name）")
    assert texts[1].startswith("第3段第6字：“的的”重复，应为“的”（警告，规则 demo.double-de）")


def test_force_is_in_the_help(capsys) -> None:
    assert main(["check", "--help"]) == 0
    assert "--force" in capsys.readouterr().out


def annotation_input(paragraphs: int, per_paragraph: int) -> tuple[bytes, int]:
    """A .docx of ``paragraphs`` paragraphs, each holding ``per_paragraph`` findings split across two runs."""
    text = "请报送计划委员会的材料，" * per_paragraph
    half = len(text) // 2
    body = "".join(paragraph(run(text[:half]), run(text[half:], "<w:b/>")) for _ in range(paragraphs))
    return docx_bytes(body), paragraphs * per_paragraph


def annotate_all(made: tuple[bytes, int]) -> None:
    """Reads the .docx, annotates every 计划委员会 in it and writes it out again (a fresh draft each run)."""
    data, expected = made
    draft = DocxDraft.from_bytes(data, "d.docx")
    document = draft.document()
    starts = [i for i in range(len(draft.text)) if draft.text.startswith("计划委员会", i)]
    fix = Fix("发展和改革委员会")
    found = [
        Diagnostic("d.docx", document.span(at, at + 5), "demo.old-name", Severity.WARNING, "旧称", "计划委员会", fix)
        for at in starts
    ]
    outcome = annotate(draft, found)
    draft.to_bytes()
    assert outcome.placed == len(found) == expected


@pytest.mark.parametrize(("paragraphs", "per_paragraph"), [(500, 4), (1, 2000)], ids=["paragraphs", "one"])
def test_annotating_grows_linearly(paragraphs: int, per_paragraph: int) -> None:
    """Twice the comments take about twice as long (it was quadratic: 8,000 comments took 112 s).

    Measured by tests/growth.py (CPU time, fastest of several runs, repeated before failing): the test's
    own one-shot median once failed a linear run on a loaded CI machine.
    """
    if paragraphs == 1:
        assert_linear(lambda n: annotation_input(1, n), annotate_all, per_paragraph)
    else:
        assert_linear(lambda n: annotation_input(n, per_paragraph), annotate_all, paragraphs)
