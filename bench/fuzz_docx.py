"""Generated .docx drafts for bench/fuzz.py: nested containers, hidden text, and what Word would show.

Case N is built from ``random.Random(f"docx-{N}")`` alone. Its paragraphs' visible text is drafted
first (the text fuzzer's words and punctuation) and then cut into runs, each wrapped in random nested
containers (content controls in content controls, insertions holding hyperlinks, simple fields, moves,
custom XML, smart tags, dir/bdo, markup-compatibility choices, complex fields' results, ruby), with
hidden text between them (deletions, moves away, field codes); paragraphs stand in tables (some cells
merged vertically, rows and cells wrapped in content controls) and in block content controls. The
generator knows what Word shows, so the reader's text is checked exactly; then linting, --fix and
--annotate are checked.
"""

from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from fuzz import piece

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the package parts the tests build too

from docx_builder import CONTENT_TYPES, PACKAGE_RELS, W_NS

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0
NEWLINES = str.maketrans({"\r": "\u2028", "\n": "\u2028"})
SDT_PROPERTIES = [
    "",
    "<w:sdtPr><w:alias w:val='主题'/><w:tag w:val='t'/></w:sdtPr>",
    "<w:sdtPr><w:lock w:val='contentLocked'/></w:sdtPr>",
    "<w:sdtPr><w:lock w:val='sdtLocked'/></w:sdtPr>",
    "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>",
    "<w:sdtPr><w:dropDownList/></w:sdtPr>",
    "<w:sdtPr><w:richText/></w:sdtPr>",
]
RUN_PROPERTIES = [
    "",
    "",
    "<w:rPr><w:b/></w:rPr>",
    "<w:rPr><w:i/></w:rPr>",
    "<w:rPr><w:b/><w:color w:val='FF0000'/></w:rPr>",
]
FIELD_BEGIN = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>{}</w:instrText></w:r>'
FIELD_SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def wrap(rng: random.Random, inner: str, depth: int) -> str:
    """``inner`` (runs) inside 0-4 random containers that Word displays."""
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4]) if depth < 4 else 0):
        kind = rng.randrange(12)
        if kind == 0:
            inner = f"<w:sdt>{rng.choice(SDT_PROPERTIES)}<w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        elif kind == 1:
            inner = f'<w:fldSimple w:instr=" DOCPROPERTY x ">{inner}</w:fldSimple>'
        elif kind == 2:
            inner = f'<w:moveTo w:id="{rng.randrange(999)}" w:author="a">{inner}</w:moveTo>'
        elif kind == 3:
            inner = f'<w:customXml w:element="e">{inner}</w:customXml>'
        elif kind == 4:
            inner = f'<w:smartTag w:uri="urn:x" w:element="place">{inner}</w:smartTag>'
        elif kind == 5:
            name = rng.choice(["dir", "bdo"])
            inner = f'<w:{name} w:val="ltr">{inner}</w:{name}>'
        elif kind == 6:
            inner = f'<w:hyperlink w:anchor="a">{inner}</w:hyperlink>'
        elif kind == 7:
            link = f'<w:hyperlink w:anchor="b">{inner}</w:hyperlink>'
            inner = f'<w:ins w:id="{rng.randrange(999)}" w:author="a">{link}</w:ins>'
        elif kind == 8:
            inner = f'<w:ins w:id="{rng.randrange(999)}" w:author="a">{inner}</w:ins>'
        elif kind == 9:
            other = runs(rng, "旧版")
            inner = f"<mc:AlternateContent><mc:Choice Requires='w14'>{inner}</mc:Choice>"
            inner += f"<mc:Fallback>{other}</mc:Fallback></mc:AlternateContent>"
        else:
            inner = f"<w:sdt><w:sdtContent><w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt></w:sdtContent></w:sdt>"
    return inner


def runs(rng: random.Random, text: str) -> str:
    """``text`` as runs: tabs and manual line breaks as their elements, some runs cut in several w:t."""
    out = []
    for part in re.split("(\t|\u2028)", text):
        if part == "\t":
            out.append("<w:tab/>")
        elif part == "\u2028":
            out.append("<w:br/>")
        elif part:
            out.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return f"<w:r>{rng.choice(RUN_PROPERTIES)}{''.join(out)}</w:r>" if out else ""


def hidden(rng: random.Random) -> str:
    """Markup whose text Word does not show."""
    text = escape(NOT_XML.sub("", piece(rng)).translate(NEWLINES))
    kind = rng.randrange(4)
    if kind == 0:
        return f'<w:del w:id="{rng.randrange(999)}" w:author="a"><w:r><w:delText>{text}</w:delText></w:r></w:del>'
    if kind == 1:
        return f'<w:moveFrom w:id="{rng.randrange(999)}" w:author="a"><w:r><w:t>{text}</w:t></w:r></w:moveFrom>'
    if kind == 2:
        return FIELD_BEGIN.format(text) + FIELD_END
    return "<w:r><w:drawing/></w:r>"  # an object: no character


def visible_text(rng: random.Random) -> str:
    body = "".join(piece(rng) for _ in range(rng.randrange(18)))
    body += rng.choice(["。", "；", "", "\t含", "\u2028第二行"])
    return NOT_XML.sub("", body.translate(NEWLINES))


def paragraph_xml(rng: random.Random, text: str) -> str:
    """A w:p showing exactly ``text``, cut at random points into wrapped runs with hidden markup between."""
    cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randrange(6)))) if len(text) > 1 else []
    chunks = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    parts = []
    for chunk in chunks:
        if rng.random() < 0.25:
            parts.append(hidden(rng))
        kind = rng.randrange(10)
        if kind == 0 and "\t" not in chunk and "\u2028" not in chunk:
            parts.append(FIELD_BEGIN.format(" REF x ") + FIELD_SEPARATE + runs(rng, chunk) + FIELD_END)
        elif kind == 1 and "\t" not in chunk and "\u2028" not in chunk:
            base = runs(rng, chunk)
            parts.append(
                f"<w:r><w:ruby><w:rt><w:r><w:t>pin</w:t></w:r></w:rt><w:rubyBase>{base}</w:rubyBase></w:ruby></w:r>"
            )
        else:
            parts.append(wrap(rng, runs(rng, chunk), 0))
    return f"<w:p>{''.join(parts)}</w:p>"


def blocks(rng: random.Random, depth: int, lines: list[str]) -> str:
    """Block-level XML; appends the text of each paragraph Word shows, in order, to ``lines``."""
    out = []
    for _ in range(rng.randrange(1, 5)):
        kind = rng.randrange(8) if depth < 3 else 0
        if kind in (0, 1, 2, 3):
            text = visible_text(rng)
            lines.append(text)
            out.append(paragraph_xml(rng, text))
        elif kind == 4:
            out.append(table(rng, depth, lines))
        elif kind == 5:
            inner = blocks(rng, depth + 1, lines)
            out.append(f"<w:sdt>{rng.choice(SDT_PROPERTIES)}<w:sdtContent>{inner}</w:sdtContent></w:sdt>")
        elif kind == 6:
            out.append(f'<w:customXml w:element="b">{blocks(rng, depth + 1, lines)}</w:customXml>')
        else:
            out.append(f'<w:del w:id="1" w:author="a"/>{paragraph_xml(rng, "")}')
            lines.append("")
    return "".join(out)


def table(rng: random.Random, depth: int, lines: list[str]) -> str:
    rows = []
    columns = rng.randrange(1, 4)
    merged = [False] * columns
    for _ in range(rng.randrange(1, 4)):
        cells = []
        for column in range(columns):
            if merged[column] and rng.random() < 0.5:
                hidden_lines: list[str] = []
                cell = f"<w:tc><w:tcPr><w:vMerge/></w:tcPr>{blocks(rng, depth + 1, hidden_lines)}</w:tc>"
            else:
                restart = rng.random() < 0.3
                merged[column] = restart
                properties = "<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>" if restart else ""
                cell = f"<w:tc>{properties}{blocks(rng, depth + 1, lines)}</w:tc>"
            if rng.random() < 0.15:
                cell = f"<w:sdt><w:sdtContent>{cell}</w:sdtContent></w:sdt>"
            cells.append(cell)
        row = f"<w:tr>{''.join(cells)}</w:tr>"
        rows.append(f"<w:sdt><w:sdtContent>{row}</w:sdtContent></w:sdt>" if rng.random() < 0.15 else row)
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def generate_docx(number: int) -> tuple[bytes, list[str], bool]:
    """(the package, the text of each paragraph Word shows, whether its bytes were damaged) of case ``number``."""
    rng = random.Random(f"docx-{number}")
    lines: list[str] = []
    body = blocks(rng, 0, lines)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}">'
        f"<w:body>{body}"
        "<w:sectPr/></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
    data = buffer.getvalue()
    damaged = rng.random() < 0.05  # must be an input error or read, nothing else
    for _ in range(rng.randrange(1, 4) if damaged else 0):
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    return data, lines, damaged


# --- checks -------------------------------------------------------------------------------------


def check_docx(number: int, linter: object) -> tuple[str, str] | None:
    """None when docx case ``number`` passes; else (what failed, traceback)."""
    import traceback

    from lint.formats.docx import DocxDraft
    from lint.source import SourceError

    data, lines, damaged = generate_docx(number)
    stage = "read"
    try:
        try:
            draft = DocxDraft.from_bytes(data, "fuzz.docx")
        except SourceError as error:
            assert damaged, f"an undamaged package was refused: {error.reason}"
            return None
        if not damaged:
            assert draft.text.split("\n") == lines, f"text read {draft.text!r} != shown {lines!r}"
        stage = "lint"
        _check_lint(draft, linter)
        stage = "fix"
        _check_fix(data, linter)
        stage = "annotate"
        _check_annotate(data, linter)
        if number % 10 == 0:
            stage = "cli"
            _check_cli(data, damaged)
    except Exception as error:
        return f"docx {stage}: {type(error).__name__}: {error}"[:2000], traceback.format_exc()
    return None


def _check_lint(draft: object, linter: object) -> None:
    document = draft.document()
    outcome = linter.run(document)
    assert not outcome.problems, f"rule problem: {outcome.problems}"
    for diagnostic in outcome.diagnostics:
        span = diagnostic.span
        assert 0 <= span.start <= span.end <= len(document.text), diagnostic
        assert document.position(span.start) == (span.line, span.column), diagnostic


def _check_fix(data: bytes, linter: object) -> None:
    """--fix never edits protected text (field results, locked controls...) and reads back as fixed;
    when no fix was refused, it gives exactly what fixing the text gives and leaves no fix behind."""
    from lint.fixer import applicable, fix_document, fix_docx
    from lint.formats.docx import DocxDraft

    draft = DocxDraft.from_bytes(data, "fuzz.docx")
    protected = [(element, element.text) for element in _protected_texts(draft.word.element.body)]
    as_text, _ = fix_document(linter.lint, draft.document(), unsafe=True)
    _, refused = fix_docx(linter.lint, draft, unsafe=True)
    assert all(element.text == text for element, text in protected), "a fix edited a field result or locked text"
    if not refused:
        assert draft.text == as_text.text, f"fixed runs {draft.text!r} != fixed text {as_text.text!r}"
    again = DocxDraft.from_bytes(draft.to_bytes(), "fuzz.docx")
    assert again.text == draft.text, "the fixed file does not read back as fixed"
    if refused:
        return  # a draft left mixed by a refused fix may set rules against each other (consistency vs numbers)
    for diagnostic in reversed(applicable(linter.lint(again.document()), unsafe=True)):
        span = diagnostic.span
        reason = again.replace(span.start, span.end, diagnostic.fix.replacement)
        assert reason is not None, f"a fix left unapplied applies: {diagnostic.rule} {diagnostic.matched!r}"


PROTECTING_SDT = ("lock", "showingPlcHdr", "dropDownList")  # what SDT_PROPERTIES can hold that protects


def _protected_texts(body: object) -> list[object]:
    """The w:t elements a fix must leave alone, found from the XML alone (not from gwlint's reader):
    inside a simple field, a complex field's result, a ruby, or a locked/placeholder/list content control."""
    w = f"{{{W_NS}}}"
    found = []
    for paragraph in body.iter(w + "p"):
        in_result = False
        for element in paragraph.iter(w + "fldChar", w + "t"):
            if element.tag == w + "fldChar":
                kind = element.get(w + "fldCharType")
                in_result = kind == "separate" or (in_result and kind != "end")
                continue
            ancestors = list(element.iterancestors())
            names = {a.tag.rpartition("}")[2] for a in ancestors}
            locked = any(
                child.tag.rpartition("}")[2] in PROTECTING_SDT and child.get(w + "val") != "sdtLocked"
                for a in ancestors
                if a.tag == w + "sdt"
                for child in (a.find(w + "sdtPr") if a.find(w + "sdtPr") is not None else [])
            )
            if in_result or locked or names & {"fldSimple", "ruby", "Choice"}:
                found.append(element)
    return found


def _check_annotate(data: bytes, linter: object) -> None:
    """Comments leave the text alone and cover exactly their findings' characters.

    A ruby (one piece, never split) or a simple field (markers go around it) may widen an anchor.
    """
    from lint.formats.docx import DocxDraft

    draft = DocxDraft.from_bytes(data, "fuzz.docx")
    text = draft.text
    spans = [(d.span.start, d.span.end, f"#{k}") for k, d in enumerate(linter.lint(draft.document()))]
    wanted = {}
    for start, end, label in spans:
        index, column = draft.locate(start)
        end_index, end_column = draft.locate(end)
        length = len(draft.paragraphs[index].text)
        if draft.paragraphs[index].story != "body" or not length:
            continue
        column, end_column = min(column, length), (min(end_column, length) if end_index == index else length)
        if end_column <= column:
            column, end_column = (column - 1, column) if column > 0 else (0, 1)
        wanted[label] = (index, column, end_column)
    placed = draft.add_comments(spans)
    assert sum(placed) == len(wanted), f"{sum(placed)} comments placed for {len(wanted)} body findings"
    out = DocxDraft.from_bytes(draft.to_bytes(), "fuzz.docx")
    assert out.text == text, "comments changed the text"
    labels = {str(comment.comment_id): comment.text for comment in out.word.comments}
    anchored = {labels[comment_id]: where for comment_id, where in _comment_ranges(out)}
    assert sorted(anchored) == sorted(wanted), (anchored, wanted)
    for label, (index, start, end) in wanted.items():
        a_index, a_start, a_end = anchored[label]
        tags = {p.element.tag.rpartition("}")[2] for p in out.paragraphs[index].pieces}
        widened = "ruby" in tags or out.paragraphs[index].element.find(f".//{{{W_NS}}}fldSimple") is not None
        assert a_index == index and a_start <= start and end <= a_end, (label, anchored[label], wanted[label])
        assert widened or (a_start, a_end) == (start, end), (label, anchored[label], wanted[label])


def _comment_ranges(draft: object) -> list[tuple[str, tuple[int, int, int]]]:
    """(comment id, (paragraph, start, end)) between each comment's range start and end, in reader columns."""
    start_tag, end_tag = f"{{{W_NS}}}commentRangeStart", f"{{{W_NS}}}commentRangeEnd"
    ranges = []
    for index, mapped in enumerate(draft.paragraphs):
        ends = {id(piece.element): piece.end for piece in mapped.pieces}
        position, opened = 0, {}
        for element in mapped.element.iter():
            if id(element) in ends:
                position = ends[id(element)]
            elif element.tag == start_tag:
                opened[element.get(f"{{{W_NS}}}id")] = position
            elif element.tag == end_tag:
                comment_id = element.get(f"{{{W_NS}}}id")
                ranges.append((comment_id, (index, opened.pop(comment_id), position)))
    return ranges


def _check_cli(data: bytes, damaged: bool) -> None:
    """The CLI on the file: exit 0 or 1 (2 only for a damaged package), never a traceback or internal error."""
    import contextlib
    import tempfile
    from pathlib import Path

    from lint.cli import main

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "草稿.docx"
        path.write_bytes(data)
        for action in ([], ["--fix", "--unsafe-fixes"], ["--annotate"]):
            err, out = io.StringIO(), io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                code = main(["check", "--isolated", "--format", "json", *action, str(path)])
            allowed = (0, 1, 2) if damaged else (0, 1)
            assert code in allowed and "Traceback" not in err.getvalue(), (action, code, err.getvalue())
            assert "internal error" not in err.getvalue() + out.getvalue(), (action, err.getvalue())
