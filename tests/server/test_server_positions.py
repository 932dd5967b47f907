"""The language server's arithmetic: LSP positions in UTF-8/16/32 units over CJK text beyond the BMP,
edits of open drafts, the span a fix-all replaces. Pure Python: runs without pygls."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lint.server.documents import OpenDraft
from lint.server.positions import UTF8, UTF16, UTF32, LineIndex, code_points, units

BEYOND_BMP = "𠀀𪚥𡈼"  # CJK Extension B characters: one code point, two UTF-16 units, four UTF-8 bytes


def test_units_count_a_character_beyond_the_bmp_as_its_encoding_does():
    text = "甲𠀀乙"
    assert (units(text, UTF32), units(text, UTF16), units(text, UTF8)) == (3, 4, 10)


def test_code_points_of_units_inside_and_past_a_character():
    line = "𠀀乙"
    assert code_points(line, 2, UTF16) == 1 and code_points(line, 1, UTF16) == 0  # half a pair: its start
    assert code_points(line, 4, UTF8) == 1 and code_points(line, 7, UTF8) == 2
    assert code_points(line, 99, UTF16) == 2  # past the end: the line's end


def test_positions_follow_lsp_line_breaks_not_unicode_separators():
    text = "第一行\r\n第二\u2028行\r第三行\n"
    index = LineIndex(text)
    assert len(index.starts) == 4
    offset = text.index("行", 6)  # the 行 after U+2028 is still on line 1
    assert index.position(offset, UTF16) == (1, 3)
    assert index.offset(1, 3, UTF16) == offset
    assert index.line_content(0) == "第一行"
    assert index.offset(9, 0, UTF16) == len(text)


@given(
    st.lists(st.sampled_from(["a", "中", "\n", "\r\n", "\r", "\u2028", *BEYOND_BMP]), max_size=40).map("".join),
    st.sampled_from([UTF8, UTF16, UTF32]),
)
def test_offset_and_position_round_trip(text, encoding):
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n":
            continue  # between \r and \n is no position
        line, character = index.position(offset, encoding)
        assert index.offset(line, character, encoding) == offset


def test_an_incremental_edit_lands_after_a_character_beyond_the_bmp():
    draft = OpenDraft("file:///d.txt", "𠀀坚决贯彻\n第二行", 1, "plaintext", None)
    draft.edit(((0, 2), (0, 2)), "坚决", UTF16)
    assert draft.text == "𠀀坚决坚决贯彻\n第二行"
    draft.edit(((0, 4), (0, 10)), "", UTF8)  # UTF-8: 𠀀 is 4 bytes, 坚决 6 more
    assert draft.text == "𠀀坚决贯彻\n第二行"
    draft.edit(((1, 0), (1, 3)), "末行", UTF32)
    assert draft.text == "𠀀坚决贯彻\n末行"
    draft.edit(None, "全文", UTF16)
    assert draft.text == "全文"


def test_which_open_documents_are_drafts():
    from pathlib import Path

    def draft(name: str | None, language: str = "plaintext") -> OpenDraft:
        return OpenDraft(f"file:///{name}", "", 1, language, Path(f"/w/{name}") if name else None)

    assert draft("a.txt").lintable and draft("b.md").lintable and draft("c.docx").lintable
    assert not draft(".gwlint.yaml", "yaml").lintable and not draft("pyproject.toml", "toml").lintable
    untitled = OpenDraft("untitled:Untitled-1", "", 1, "markdown", None)
    assert untitled.lintable and untitled.format == "markdown"
