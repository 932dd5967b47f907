"""A .docx is checked before python-docx inflates it: size caps (zip bombs), old binary Word files, non-zips."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx_builder import docx_bytes, paragraph, run

from lint.cli import main
from lint.formats import OLE2_MAGIC
from lint.formats.docx_package import CAPS, MB, Caps, check_package
from lint.source import SourceError

GOOD = docx_bytes(paragraph(run("**县是革命老区。")))  # one placeholder finding
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def refusal(data: bytes, caps: Caps = CAPS) -> str:
    with pytest.raises(SourceError) as raised:
        check_package(data, "d.docx", caps)
    return raised.value.reason


def with_part(name: str, data: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD)) as source, zipfile.ZipFile(buffer, "w", method) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr(name, data)
    return buffer.getvalue()


def test_a_real_package_passes_every_cap() -> None:
    check_package(GOOD, "d.docx")


def test_a_part_inflating_past_its_cap_is_refused() -> None:
    data = with_part("word/media/big.bin", bytes(range(256)) * 4096, zipfile.ZIP_STORED)  # 1 MB, ratio 1
    assert "part word/media/big.bin inflates to 1.0 MB" in refusal(data, Caps(part_bytes=MB // 2))
    assert "its parts inflate to" in refusal(data, Caps(total_bytes=MB // 2))


def test_xml_parts_together_have_a_smaller_cap() -> None:
    data = with_part("word/extra.xml", b"<a>" + bytes(range(65, 91)) * 40_000 + b"</a>", zipfile.ZIP_STORED)
    assert "its XML parts inflate to 1.0 MB" in refusal(data, Caps(xml_bytes=MB // 2))


def test_a_part_that_deflates_like_a_bomb_is_refused() -> None:
    data = with_part("word/fonts.xml", b" " * (5 * MB))  # deflates about 1,000 times
    assert "inflates 1," in refusal(data) and "times" in refusal(data)


def test_too_many_parts_are_refused_from_the_zip_end_record() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(12):
            archive.writestr(f"p{number}.xml", b"<a/>")
    assert "12 parts" in refusal(buffer.getvalue(), Caps(parts=10))


def test_too_many_relationships_are_refused() -> None:
    rels = "".join(f'<Relationship Id="r{n}" Type="t" Target="x{n}.xml"/>' for n in range(30))
    data = with_part("word/_rels/extra.xml.rels", f'<Relationships xmlns="{RELS_NS}">{rels}</Relationships>'.encode())
    assert "over 20 relationships" in refusal(data, Caps(relationships=20))


def test_a_zip_bomb_is_an_input_error_and_nothing_is_written(tmp_path: Path, capsys) -> None:
    bomb = tmp_path / "bomb.docx"
    document = docx_bytes(paragraph(run("计划委员会")))
    with zipfile.ZipFile(io.BytesIO(document)) as source:
        xml = source.read("word/document.xml") + b" " * (CAPS.part_bytes + 1)  # trailing blanks: valid XML
    bomb.write_bytes(with_part_replaced(document, "word/document.xml", xml))
    assert bomb.stat().st_size < 200_000
    before = bomb.read_bytes()
    for action in ([], ["--fix"], ["--annotate"]):
        assert main(["check", "--isolated", *action, str(bomb)]) == 2
        err = capsys.readouterr().err
        assert f"gwlint: error: {bomb}: too large to read safely: part word/document.xml" in err
    assert bomb.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["bomb.docx"]


def with_part_replaced(package: bytes, name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == name else source.read(info))
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["旧稿.doc", "旧稿.docx", "旧稿.wps", "旧稿.txt"])
def test_an_old_binary_word_file_says_to_save_it_as_docx(name: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / name
    path.write_bytes(OLE2_MAGIC + bytes(512) + "正文".encode("utf-16-le"))
    assert main(["check", "--isolated", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"gwlint: error: {path}: an old binary Word/WPS document" in err
    assert "save it as a Word .docx file" in err and "NUL" not in err and "BadZipFile" not in err


@pytest.mark.parametrize("content", [b"plain text, not a zip", "公文正文".encode("gb18030"), b"%PDF-1.7\n"])
def test_any_other_non_zip_docx_is_not_a_word_file(content: bytes, tmp_path: Path, capsys) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(content)
    assert main(["check", "--isolated", str(path)]) == 2
    assert f"gwlint: error: {path}: not a Word .docx file" in capsys.readouterr().err


def test_a_part_whose_deflate_data_is_corrupt_is_an_input_error(tmp_path: Path, capsys) -> None:
    """zlib's own error (not BadZipFile) while the relationships are counted: found by bench/fuzz.py --docx."""
    data = bytearray(GOOD)
    with zipfile.ZipFile(io.BytesIO(GOOD)) as archive:
        info = archive.getinfo("_rels/.rels")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 4] = b"\xff\xff\xff\xff"  # deflate block type 3: invalid
    path = tmp_path / "d.docx"
    path.write_bytes(bytes(data))
    assert "not a readable .docx file" in refusal(bytes(data))
    assert main(["check", "--isolated", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"gwlint: error: {path}: not a readable .docx file" in err and "internal error" not in err
