"""Decoding drafts: UTF-8, UTF-8 with BOM, GB18030/GBK (short texts too), clear errors; format by suffix."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from pack_helpers import without_builtin_packs

from lint.cli import main
from lint.formats import format_for
from lint.source import UNAMBIGUOUS_UTF8, SourceError, decode, document_from_bytes, encode, read_document, text_document

DRAFT = "关于召开全市安全生产工作会议的通知\n各区县人民政府：\n"


def test_utf8_with_and_without_bom() -> None:
    assert decode(DRAFT.encode(), "d.txt") == (DRAFT, "utf-8", False)
    assert decode(codecs.BOM_UTF8 + DRAFT.encode(), "d.txt") == (DRAFT, "utf-8", True)


def test_gbk_bytes_are_read_as_gb18030() -> None:
    assert decode(DRAFT.encode("gbk"), "d.txt") == (DRAFT, "gb18030", False)


@pytest.mark.parametrize("text", ["通知", "为同志", "省为", "签印", "通知\n"])
def test_short_gbk_texts_that_are_also_valid_utf8_are_read_as_gbk(text: str) -> None:
    data = text.encode("gbk")
    data.decode("utf-8")  # the trap: these GBK bytes are valid UTF-8 (通知 reads as ֪ͨ)
    assert decode(data, "d.txt") == (text, "gb18030", False)


def test_gbk_text_that_is_valid_utf8_is_read_as_gbk_up_to_the_length_where_that_cannot_happen_by_chance() -> None:
    trap = "通知为同志省为签印" * 2  # GBK bytes, every character of which also reads as UTF-8
    data = trap.encode("gbk")
    assert len(data) - len(data.decode("utf-8")) < UNAMBIGUOUS_UTF8
    assert decode(data, "d.txt")[:2] == (trap, "gb18030")
    long_utf8 = ("关于召开全市安全生产工作会议的通知" * 3).encode()
    assert len(long_utf8) - len(long_utf8.decode()) >= UNAMBIGUOUS_UTF8
    assert decode(long_utf8, "d.txt")[:2] == (long_utf8.decode(), "utf-8")


def test_a_long_utf8_draft_is_read_without_loading_the_gb18030_codec() -> None:
    code = (
        "import sys; from lint.source import decode; "
        f"decode({DRAFT * 2!r}.encode(), 'd.txt'); print('encodings.gb18030' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


@pytest.mark.parametrize("text", ["通知", "Café 通知", "°C 与 ±5%", "中文 text, naïve", "ok"])
def test_utf8_stays_utf8(text: str) -> None:
    assert decode(text.encode(), "d.txt")[:2] == (text, "utf-8")


@pytest.mark.parametrize("text", ["v/(m·s-1)", "x — y", "A·B——C"])
def test_utf8_whose_only_marks_are_the_interpunct_or_the_dash_stays_utf8(text: str) -> None:
    # the gb2312 codec has neither U+00B7 nor U+2014 (its A1A4 and A1AA are ・ and ―), so these UTF-8
    # bytes were judged less Chinese than their GB18030 reading (m路s) and read as GB18030
    assert decode(text.encode(), "d.txt")[:2] == (text, "utf-8")


def test_fix_leaves_a_utf8_table_header_with_an_interpunct_byte_for_byte(tmp_path: Path) -> None:
    draft = tmp_path / "table.txt"
    data = "x/cm\tv/(m·s-1)\th/m\n".encode()
    draft.write_bytes(data)
    main(["check", "--fix", str(draft)])
    assert draft.read_bytes() == data  # read as GB18030, its brackets were "fixed" into GB18030 bytes


def test_undecodable_bytes_name_the_file_and_the_encodings_tried(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes("通知".encode() + b"\xff\xfe\xfd")
    with pytest.raises(SourceError) as raised:
        read_document(broken)
    message = str(raised.value)
    assert str(broken) in message and "UTF-8" in message and "GB18030/GBK" in message


def test_cli_reports_an_undecodable_file_without_a_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    without_builtin_packs(monkeypatch)
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x81\x20\xff")
    assert main(["check", str(broken)]) == 2
    err = capsys.readouterr().err
    assert f"gwlint: error: {broken}: cannot decode: not UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", False), ("utf-8", True), ("gb18030", False), ("utf-16-le", True), ("utf-16-be", True)],
)
def test_encode_is_the_inverse_of_decode(encoding: str, bom: bool) -> None:
    data = encode(DRAFT, encoding, bom)
    assert decode(data, "d.txt") == (DRAFT, encoding, bom)


def test_suffix_chooses_the_format() -> None:
    assert [format_for(p) for p in ("a.txt", "a.MD", "a.markdown", "a.docx", "-", "a")] == [
        "text",
        "markdown",
        "markdown",
        "docx",
        "text",
        "text",
    ]
    markdown = document_from_bytes("正文`代码`\n".encode(), "draft.md")
    assert markdown.format == "markdown" and markdown.text == "正文    \n" and markdown.source_text == "正文`代码`\n"
    assert document_from_bytes("正文`代码`\n".encode(), "draft.txt").text == "正文`代码`\n"


def test_positions_are_character_based_and_lines_keep_their_text() -> None:
    document = text_document("d.txt", "第一行\r\n第二行，有错字\n")
    span = document.span(10, 12)
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 6, 2, 8)
    assert document.line_text(2) == "第二行，有错字"
    assert list(document.paragraphs()) == [(0, 3), (5, 12), (13, 13)]


def test_typographic_spaces_are_read_as_spaces_and_the_file_keeps_its_own() -> None:
    """An en space from a web page's &ensp; (held-out 23503: 增长16.1\u2002%) is a space to every spacing rule;
    the document still holds the file's characters, so a fix writes back what it does not change."""
    document = text_document("d.txt", "全年增长16.1\u2002%，人口减少\u2003439户。")
    assert document.text == "全年增长16.1 %，人口减少 439户。"
    assert document.source_text == "全年增长16.1\u2002%，人口减少\u2003439户。"
    assert document.typed_text == document.text


def test_a_space_rule_reports_an_en_space_and_the_fix_removes_it(tmp_path: Path) -> None:
    draft = tmp_path / "bulletin.txt"
    draft.write_text("全年增长16.1\u2002%，与上年持平。\n", encoding="utf-8")
    assert main(["check", "--isolated", "--select", "numbers.space-in-number", str(draft)]) == 1
    main(["check", "--isolated", "--select", "numbers.space-in-number", "--fix", str(draft)])
    assert draft.read_text(encoding="utf-8") == "全年增长16.1%，与上年持平。\n"


def test_a_draft_without_typographic_spaces_is_read_as_it_is() -> None:
    """No copy of the text is made for a draft that holds no en or em space: it has no ``original``."""
    document = text_document("d.txt", "全年增长16.1%，与上年持平。")
    assert document.original is None
    assert document.typed_text is document.text
