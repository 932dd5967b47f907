"""Word text inside containers (content controls, fields, tracked changes...) is read where Word shows it.

Each container holds "贯彻，更要" between "各单位要坚决" and "坚决落实": read, the sentence has no repeated
word; skipped, it reads as a fake 坚决坚决 and --fix deletes a word Word shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx_builder import docx_bytes, paragraph, run, write_docx
from pack_helpers import DEMO_PACK, only_pack

from lint.cli import main
from lint.formats.docx import DocxDraft

INNER = run("贯彻，更要")
SENTENCE = "各单位要坚决贯彻，更要坚决落实。"
FIELD_BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DOCPROPERTY 主题 </w:instrText></w:r>'
FIELD_SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def sdt(properties: str, content: str) -> str:
    """A content control: ``properties`` is the inside of its w:sdtPr."""
    return f"<w:sdt><w:sdtPr>{properties}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


CONTAINERS = {
    "inline content control": sdt("<w:alias w:val='x'/>", INNER),
    "content control in content control": (
        f"<w:sdt><w:sdtContent><w:sdt><w:sdtContent>{INNER}</w:sdtContent></w:sdt></w:sdtContent></w:sdt>"
    ),
    "simple field": f'<w:fldSimple w:instr=" DOCPROPERTY 主题 ">{INNER}</w:fldSimple>',
    "complex field result": FIELD_BEGIN + FIELD_SEPARATE + INNER + FIELD_END,
    "moved-to text": f'<w:moveTo w:id="1" w:author="a">{INNER}</w:moveTo>',
    "custom XML": f'<w:customXml w:element="主题">{INNER}</w:customXml>',
    "direction": f'<w:dir w:val="ltr">{INNER}</w:dir>',
    "bidi override": f'<w:bdo w:val="ltr">{INNER}</w:bdo>',
    "smart tag": f'<w:smartTag w:uri="urn:x" w:element="place">{INNER}</w:smartTag>',
    "hyperlink in an insertion": f'<w:ins w:id="2" w:author="a"><w:hyperlink w:anchor="a">{INNER}</w:hyperlink>'
    + "</w:ins>",
    "markup compatibility": f"<mc:AlternateContent><mc:Choice Requires='w14'>{INNER}</mc:Choice>"
    + f"<mc:Fallback>{run('旧版')}</mc:Fallback></mc:AlternateContent>",
    "ruby": f"<w:r><w:ruby><w:rt>{run('guàn chè')}</w:rt><w:rubyBase>{INNER}</w:rubyBase></w:ruby></w:r>",
}
HIDDEN = {
    "deleted text": '<w:del w:id="3" w:author="a"><w:r><w:delText>贯彻，更要</w:delText></w:r></w:del>',
    "moved-from text": f'<w:moveFrom w:id="4" w:author="a">{INNER}</w:moveFrom>',
    "field code": FIELD_BEGIN.replace("DOCPROPERTY 主题", "贯彻，更要") + FIELD_END,
}


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return only_pack(tmp_path, monkeypatch, DEMO_PACK)


def sentence_with(container: str) -> str:
    return paragraph(run("各单位要坚决"), container, run("坚决落实。"))


def read(body: str) -> DocxDraft:
    return DocxDraft.from_bytes(docx_bytes(body), "d.docx")


@pytest.mark.parametrize("name", sorted(CONTAINERS))
def test_text_in_a_container_is_read_in_place(name: str, linter) -> None:
    draft = read(sentence_with(CONTAINERS[name]))
    assert draft.text == SENTENCE
    assert [d.rule for d in linter.run(draft.document()).diagnostics if d.pack == "repetition"] == []


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_text_word_does_not_show_is_not_read(name: str) -> None:
    assert read(sentence_with(HIDDEN[name])).text == "各单位要坚决坚决落实。"


def test_fix_does_not_delete_a_word_word_shows(tmp_path: Path, capsys) -> None:
    path = write_docx(tmp_path / "d.docx", sentence_with(CONTAINERS["inline content control"]))
    before = path.read_bytes()
    assert main(["check", "--isolated", "--fix", "--select", "repetition", str(path)]) == 0
    assert path.read_bytes() == before
    assert "Fixed 0 problem(s)" in capsys.readouterr().out


def test_block_content_controls_around_paragraphs_and_tables_keep_lines(pack: Path, tmp_path: Path, capsys) -> None:
    table = "<w:tbl><w:tr><w:tc>" + paragraph(run("表内计划委员会")) + "</w:tc></w:tr></w:tbl>"
    wrapped = f"<w:sdt><w:sdtContent>{paragraph(run('第二段'))}{table}</w:sdtContent></w:sdt>"
    row_and_cell = (
        "<w:tbl><w:sdt><w:sdtContent><w:tr><w:customXml><w:tc>"
        + paragraph(run("格中"))
        + "</w:tc></w:customXml></w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    body = paragraph(run("第一段")) + wrapped + row_and_cell + paragraph(run("我们的的工作"))
    path = write_docx(tmp_path / "d.docx", body)
    assert read(body).text.split("\n") == ["第一段", "第二段", "表内计划委员会", "格中", "我们的的工作"]
    assert main(["check", "--pack", str(pack), "--format", "json", str(path)]) == 1
    found = [(d["line"], d["column"], d["matched"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert found == [(3, 3, "计划委员会"), (5, 3, "的的")]


def test_a_vertically_merged_cell_is_read_once() -> None:
    top = "<w:tc><w:tcPr><w:vMerge w:val='restart'/></w:tcPr>" + paragraph(run("合并格")) + "</w:tc>"
    covered = "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" + paragraph(run("看不见")) + "</w:tc>"
    body = f"<w:tbl><w:tr>{top}</w:tr><w:tr>{covered}</w:tr></w:tbl>"
    assert read(body).text == "合并格"


def test_fixes_edit_text_inside_containers(pack: Path, tmp_path: Path) -> None:
    inside = f"<w:sdt><w:sdtContent><w:ins w:id='5' w:author='a'>{run('我们的的工作')}</w:ins></w:sdtContent></w:sdt>"
    path = write_docx(tmp_path / "d.docx", paragraph(run("前文"), inside, run("后文")))
    assert main(["check", "--pack", str(pack), "--fix", str(path)]) == 0
    assert DocxDraft.from_bytes(path.read_bytes(), "d.docx").text == "前文我们的工作后文"


@pytest.mark.parametrize(
    "protected",
    [
        f'<w:fldSimple w:instr=" DOCPROPERTY 单位 ">{run("委员会")}</w:fldSimple>',
        FIELD_BEGIN + FIELD_SEPARATE + run("委员会") + FIELD_END,
        sdt("<w:lock w:val='contentLocked'/>", run("委员会")),
        sdt("<w:showingPlcHdr/>", run("委员会")),
        sdt("<w:dataBinding w:xpath='/a'/>", run("委员会")),
        sdt("<w:dropDownList/>", run("委员会")),
    ],
    ids=["simple field", "complex field", "locked control", "placeholder", "data-bound control", "list control"],
)
def test_a_fix_touching_protected_text_is_refused_and_said(protected: str, pack: Path, tmp_path: Path, capsys) -> None:
    path = write_docx(tmp_path / "d.docx", paragraph(run("请报送计划"), protected, run("的材料。")))
    before = path.read_bytes()
    assert main(["check", "--pack", str(pack), "--fix", str(path)]) == 1
    assert path.read_bytes() == before
    err = capsys.readouterr().err
    assert f"{path}:1:4: demo.old-name: fix not applied: the span crosses text Word generates or protects" in err


def test_a_fix_beside_protected_text_still_applies(pack: Path, tmp_path: Path) -> None:
    field = f'<w:fldSimple w:instr=" PAGE ">{run("3")}</w:fldSimple>'
    path = write_docx(tmp_path / "d.docx", paragraph(run("第"), field, run("页的的计划委员会")))
    assert main(["check", "--pack", str(pack), "--fix", str(path)]) == 0
    assert DocxDraft.from_bytes(path.read_bytes(), "d.docx").text == "第3页的发展和改革委员会"


def test_a_fix_across_runs_keeps_each_kept_characters_formatting(pack: Path, tmp_path: Path) -> None:
    body = paragraph(run("报送"), run("计划", "<w:b/>"), run("委员会", "<w:i/>"), run("。"))
    path = write_docx(tmp_path / "d.docx", body)
    assert main(["check", "--pack", str(pack), "--fix", str(path)]) == 0
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in docx.Document(str(path)).paragraphs[0].runs]
    assert runs == [("报送", False, False), ("发展和改革", True, False), ("委员会", False, True), ("。", False, False)]


def test_a_deletion_across_runs_keeps_the_first_copy_in_its_run(tmp_path: Path) -> None:
    draft = read(paragraph(run("我们的"), run("的工作", "<w:b/>")))
    at = draft.text.index("的的")
    assert draft.replace(at, at + 2, "的") is None
    word = docx.Document(__import__("io").BytesIO(draft.to_bytes()))
    assert [(r.text, bool(r.bold)) for r in word.paragraphs[0].runs] == [("我们的", False), ("工作", True)]


def test_comments_anchor_exactly_inside_nested_containers(pack: Path, tmp_path: Path, capsys) -> None:
    nested = f"<w:ins w:id='6' w:author='a'><w:hyperlink w:anchor='a'>{run('报送计划委员')}</w:hyperlink></w:ins>"
    field = f'<w:fldSimple w:instr=" DOCPROPERTY x ">{run("会的的材料")}</w:fldSimple>'
    path = write_docx(tmp_path / "d.docx", paragraph(run("请"), nested, field, run("。")))
    assert main(["check", "--pack", str(pack), "--annotate", str(path)]) == 1
    annotated = tmp_path / "d.gwlint.docx"
    assert DocxDraft.from_bytes(annotated.read_bytes(), "a.docx").text == "请报送计划委员会的的材料。"
    word = docx.Document(str(annotated))
    body = word.element.body
    references = body.iter(qn("w:commentReference"))
    assert all(ref.getparent().getparent().tag == qn("w:p") for ref in references), "reference at paragraph level"
    field_element = next(body.iter(qn("w:fldSimple")))
    assert not [e for e in field_element.iter() if e.tag in (qn("w:commentRangeStart"), qn("w:commentRangeEnd"))]
    assert len(word.comments) == 2


def test_an_unfilled_content_control_is_reported_as_a_placeholder(tmp_path: Path, capsys) -> None:
    """Word shows an empty control's prompt (showingPlcHdr) where the party's name should be: it prints."""
    unfilled = sdt("<w:showingPlcHdr/>", run("单击或点击此处输入文字。"))
    path = write_docx(tmp_path / "d.docx", paragraph(run("甲方："), unfilled))
    assert main(["check", "--format", "json", "--select", "placeholder.editor-prompt", str(path)]) == 1
    [found] = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (found["line"], found["column"], found["matched"]) == (1, 4, "单击或点击此处输入文字。")
