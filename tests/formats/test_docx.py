"""Word .docx drafts: text in document order, a line per paragraph, fixes inside runs (real files)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import docx
import pytest
from pack_helpers import DEMO_PACK, only_pack

from lint.cli import main
from lint.formats.docx import DocxDraft

PACK = (
    DEMO_PACK
    + """\
  - id: tab-gap
    title: 制表符
    severity: info
    kind: pattern
    message: "“{match}”含制表符"
    rationale: 测试。
    source: 测试
    fix: safe
    params: {regex: "段\\t含", replacement: 段含}
    examples: {bad: [{text: "段\\t含", fixed: "段含"}], good: ["段含"]}
"""
)

LINES = [
    "关于召开全体会议的通知",
    "请各单位于本周内报送计划委员会的的材料。",
    "序号",
    "单位",
    "计划委员会",
    "第二段\t含制表",
    "标题第一行\u2028第二行的的",
    "我们的的工作",
    "页眉计划委员会",
    "页脚",
]


def build_draft(path: Path) -> Path:
    """A real .docx: formatted runs, a table with a merged cell, a tab, a soft break, header and footer."""
    word = docx.Document()
    word.add_paragraph("关于召开全体会议的通知")
    paragraph = word.add_paragraph("请各单位于本周内报送")
    paragraph.add_run("计划委员会").bold = True
    paragraph.add_run("的的材料。")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "序号", "单位"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "计划委员会"
    word.add_paragraph("第二段\t含制表")
    soft = word.add_paragraph("标题第一行")
    soft.add_run().add_break()
    soft.add_run("第二行的的")
    split = word.add_paragraph("我们的")
    split.add_run("的工作").italic = True
    word.sections[0].header.paragraphs[0].text = "页眉计划委员会"
    word.sections[0].footer.paragraphs[0].text = "页脚"
    word.save(path)
    return path


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return only_pack(tmp_path, monkeypatch, PACK)


def gwlint(pack: Path, *args: str) -> int:
    return main(["check", "--pack", str(pack), "--color", "never", *args])


def test_text_is_body_then_tables_in_order_then_headers_and_footers(tmp_path: Path) -> None:
    draft = DocxDraft.from_bytes(build_draft(tmp_path / "d.docx").read_bytes(), "d.docx")
    assert draft.text.split("\n") == LINES
    document = draft.document()
    assert document.format == "docx" and document.line_text(7) == LINES[6]


def test_diagnostics_are_located_by_paragraph_and_column(pack: Path, tmp_path: Path, capsys) -> None:
    path = build_draft(tmp_path / "draft.docx")
    assert gwlint(pack, "--format", "json", str(path)) == 1
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    found = [(d["rule"], d["line"], d["column"], d["matched"]) for d in diagnostics]
    assert found == [
        ("demo.old-name", 2, 11, "计划委员会"),
        ("demo.double-de", 2, 16, "的的"),
        ("demo.old-name", 5, 1, "计划委员会"),
        ("demo.tab-gap", 6, 3, "段\t含"),
        ("demo.double-de", 7, 10, "的的"),
        ("demo.double-de", 8, 3, "的的"),
        ("demo.old-name", 9, 3, "计划委员会"),
    ]


def test_fix_edits_inside_runs_and_keeps_formatting(pack: Path, tmp_path: Path, capsys) -> None:
    path = build_draft(tmp_path / "draft.docx")
    assert gwlint(pack, "--fix", str(path)) == 0  # the refused tab fix stays reported (info: exit 0)
    captured = capsys.readouterr()
    assert "Fixed 6 problem(s) in 1 file(s)." in captured.out and "demo.tab-gap" in captured.out
    assert "draft.docx:6:3: demo.tab-gap: fix not applied: the span crosses a tab" in captured.err
    word = docx.Document(str(path))
    body = [p.text for p in word.paragraphs]
    assert body[1] == "请各单位于本周内报送发展和改革委员会的材料。"
    assert [(r.text, bool(r.bold)) for r in word.paragraphs[1].runs] == [
        ("请各单位于本周内报送", False),
        ("发展和改革委员会", True),
        ("的材料。", False),
    ]
    assert body[2:5] == ["第二段\t含制表", "标题第一行\n第二行的", "我们的工作"]
    assert [(r.text, bool(r.italic)) for r in word.paragraphs[4].runs] == [("我们的", False), ("工作", True)]
    assert word.tables[0].cell(1, 0).text == "发展和改革委员会"
    assert word.sections[0].header.paragraphs[0].text == "页眉发展和改革委员会"


def test_replace_refuses_what_it_cannot_do_safely(tmp_path: Path) -> None:
    draft = DocxDraft.from_bytes(build_draft(tmp_path / "d.docx").read_bytes(), "d.docx")
    tab = draft.text.index("\t")
    assert "tab" in draft.replace(tab - 1, tab + 2, "段含")
    assert "paragraph end" in draft.replace(draft.text.index("通知"), draft.text.index("请各"), "")
    assert "line break" in draft.replace(0, 2, "关\n于")


def test_diff_shows_paragraph_lines(pack: Path, tmp_path: Path, capsys) -> None:
    path = build_draft(tmp_path / "draft.docx")
    before = path.read_bytes()
    assert gwlint(pack, "--diff", str(path)) == 1
    out = capsys.readouterr().out
    assert "\n-我们的的工作\n" in out and "\n+我们的工作\n" in out and "\n 页脚\n" in out
    assert path.read_bytes() == before


def test_stdin_filename_suffix_chooses_docx(pack: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    data = build_draft(tmp_path / "draft.docx").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert gwlint(pack, "--format", "json", "--stdin-filename", "in.docx", "-") == 1
    diagnostics = json.loads(capsys.readouterr().out)["diagnostics"]
    assert {d["path"] for d in diagnostics} == {"in.docx"} and len(diagnostics) == 7


def test_a_broken_docx_is_a_clear_error(pack: Path, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK not really a zip")
    assert gwlint(pack, str(broken)) == 2
    err = capsys.readouterr().err
    assert f"{broken}: not a readable .docx file" in err and "Traceback" not in err


def test_directories_recurse_into_docx_but_not_annotated_copies(pack: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    build_draft(folder / "a.docx")
    build_draft(folder / "a.gwlint.docx")
    assert gwlint(pack, "--format", "json", str(folder)) == 1
    paths = {d["path"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert paths == {str(folder / "a.docx")}
