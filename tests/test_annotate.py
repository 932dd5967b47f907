"""--annotate: a copy of the .docx with a Word comment anchored on exactly each finding's characters."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pack_helpers import DEMO_PACK, only_pack

from lint.cli import main


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return only_pack(tmp_path, monkeypatch, DEMO_PACK)


def build_draft(path: Path) -> Path:
    word = docx.Document()
    word.add_paragraph("请各单位于本周内向计划委员会报送材料。")  # inside one run: must be split
    paragraph = word.add_paragraph("我们的")
    paragraph.add_run("的工作").bold = True  # across two runs
    word.add_paragraph("计划委员会的的意见")  # two findings side by side
    table = word.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表内计划委员会"
    word.sections[0].header.paragraphs[0].text = "页眉计划委员会"  # Word has no comments in headers
    word.save(path)
    return path


def anchored_texts(path: Path) -> dict[int, str]:
    """For each comment id, the text between its commentRangeStart and commentRangeEnd."""
    body = docx.Document(str(path)).element.body
    open_ids: set[int] = set()
    texts: dict[int, str] = {}
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        elif element.tag == qn("w:t"):
            for comment_id in open_ids:
                texts[comment_id] = texts.get(comment_id, "") + (element.text or "")
    return texts


def test_annotate_writes_a_copy_with_a_comment_on_each_finding(pack: Path, tmp_path: Path, capsys) -> None:
    draft = build_draft(tmp_path / "draft.docx")
    original = draft.read_bytes()
    assert main(["check", "--pack", str(pack), "--annotate", str(draft)]) == 1
    annotated = tmp_path / "draft.gwlint.docx"
    assert draft.read_bytes() == original
    err = capsys.readouterr().err
    assert f"wrote {annotated} (5 comment(s))" in err
    assert "1 finding(s) in headers/footers carry no Word comment" in err

    word = docx.Document(str(annotated))
    comments = {comment.comment_id: comment for comment in word.comments}
    anchors = anchored_texts(annotated)
    pairs = sorted((anchors[i], comments[i].text) for i in comments)
    assert [anchor for anchor, _ in pairs] == ["的的", "的的", "计划委员会", "计划委员会", "计划委员会"]
    for anchor, text in pairs:
        assert f"“{anchor}”" in text and ("demo.old-name" in text or "demo.double-de" in text)
    assert {comment.author for comment in comments.values()} == {"gwlint"}
    body = ["请各单位于本周内向计划委员会报送材料。", "我们的的工作", "计划委员会的的意见"]
    assert [p.text for p in word.paragraphs] == body
    assert word.tables[0].cell(0, 0).text == "表内计划委员会"


def test_split_runs_keep_their_formatting(pack: Path, tmp_path: Path) -> None:
    draft = build_draft(tmp_path / "draft.docx")
    assert main(["check", "--pack", str(pack), "--annotate", str(draft)]) == 1
    word = docx.Document(str(tmp_path / "draft.gwlint.docx"))
    runs = [(run.text, bool(run.bold)) for run in word.paragraphs[1].runs if run.text]
    assert runs == [("我们", False), ("的", False), ("的", True), ("工作", True)]
    first = [run.text for run in word.paragraphs[0].runs if run.text]
    assert first == ["请各单位于本周内向", "计划委员会", "报送材料。"]


def test_annotate_only_takes_docx(pack: Path, tmp_path: Path, capsys) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("计划委员会", encoding="utf-8")
    assert main(["check", "--pack", str(pack), "--annotate", str(text)]) == 2
    assert "--annotate works on .docx files only" in capsys.readouterr().err
    assert not (tmp_path / "draft.gwlint.docx").exists()


def test_an_empty_span_anchors_on_the_character_before_it(tmp_path: Path) -> None:
    from lint.formats.docx import DocxDraft

    draft = DocxDraft.from_bytes(build_draft(tmp_path / "d.docx").read_bytes(), "d.docx")
    end = draft.text.index("。")
    assert draft.add_comment(end, end, "句末缺字")
    assert draft.add_comment(0, 0, "段首")
    header = draft.text.index("页眉")
    assert not draft.add_comment(header, header + 2, "页眉无批注")
    out = tmp_path / "out.docx"
    out.write_bytes(draft.to_bytes())
    assert sorted(anchored_texts(out).values()) == ["料", "请"]
