"""The text Word displays in a story (body, header, footer), in document order, mapped to its runs.

Every container Word shows is read, however nested, in the order of the XML: paragraphs and tables,
content controls (``w:sdt``) around blocks, rows, cells or runs, ``w:customXml``, ``w:smartTag``,
hyperlinks, tracked insertions (``w:ins``) and moves (``w:moveTo``), ``w:dir``/``w:bdo``, simple
fields (``w:fldSimple``) and the results of complex fields (``w:fldChar``), the base text of ruby
(拼音指南, one piece that a fix cannot cross), the choice of an ``mc:AlternateContent`` around runs or
blocks (not editable: its fallback repeats the text). Deleted text (``w:del``, ``w:moveFrom``), field
codes, the cells a vertical merge covers, and text boxes, footnotes, comments and math are not read.

Each character read comes from one *piece* (a ``w:t``, ``w:tab``, ``w:br``...) of one run, and a piece
is *editable* only when it is a ``w:t`` whose run a fix may rewrite: not a field result (Word
recomputes it), not a locked, data-bound, placeholder or special (date, list, checkbox...) content
control. Drawings, objects, symbols and note references count no characters but sit between
characters as empty pieces, which a fix cannot cross.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element as Element  # python-docx's XML elements are lxml's

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
LINE_SEPARATOR = "\u2028"
NEWLINES = str.maketrans({"\r": LINE_SEPARATOR, "\n": LINE_SEPARATOR})  # one for one: offsets stay exact
TEXT_TAG = W + "t"
PARAGRAPH = W + "p"
RUN = W + "r"
# Containers whose content Word displays as it displays their parent's.
TRANSPARENT = frozenset(
    W + name
    for name in ("body", "hdr", "ftr", "tbl", "tr", "customXml", "smartTag", "hyperlink", "ins", "moveTo", "dir", "bdo")
)
FIELD_RESULT_CONTAINERS = frozenset({W + "fldSimple"})
SKIPPED = frozenset({W + "del", W + "moveFrom"})
# Run content that shows as characters (a page or column break shows as none).
CHARACTERS = {W + "t": None, W + "tab": "\t", W + "ptab": "\t", W + "cr": LINE_SEPARATOR, W + "noBreakHyphen": "-"}
OBJECTS = frozenset(
    W + name for name in ("drawing", "pict", "object", "sym", "footnoteReference", "endnoteReference")
) | {MC + "AlternateContent"}
# sdtPr children that make a content control's text something a fix must not rewrite.
LOCKING_SDT_PROPERTIES = frozenset(
    {
        "showingPlcHdr",
        "dataBinding",
        "date",
        "dropDownList",
        "comboBox",
        "docPartObj",
        "docPartList",
        "citation",
        "bibliography",
        "equation",
        "picture",
        "group",
        "checkbox",
        "repeatingSection",
        "repeatingSectionItem",
    }
)
CONTENT_LOCKS = frozenset({"contentLocked", "sdtContentLocked"})


@dataclass
class Piece:
    """One text-bearing child of a run (w:t, w:tab, w:br...) and its range in the paragraph's text."""

    element: Element
    run: Element
    start: int
    end: int
    editable: bool


@dataclass
class MappedParagraph:
    element: Element  # the w:p
    story: str  # "body", "header" or "footer"
    pieces: list[Piece]
    text: str
    editable: bool = True  # whether its containers let fixes edit it (no locked control, no simple field)
    fields: tuple[str, ...] = ()  # the complex fields open where it begins


def map_story(root: Element, story: str) -> list[MappedParagraph]:
    """The paragraphs of a story's root element (w:body, w:hdr, w:ftr) in document order."""
    reader = _StoryReader(story)
    reader.walk(root, editable=True)
    return reader.paragraphs


def map_again(mapped: MappedParagraph) -> MappedParagraph:
    """A paragraph mapped again after its runs changed, in the context it was first read in."""
    reader = _StoryReader(mapped.story)
    reader.fields = list(mapped.fields)
    reader.walk_paragraph(mapped.element, mapped.editable)
    return reader.paragraphs[0]


class _StoryReader:
    def __init__(self, story: str) -> None:
        self.story = story
        self.paragraphs: list[MappedParagraph] = []
        self.open: list[tuple[MappedParagraph, list[str]]] = []  # paragraphs being read, with their text
        self.fields: list[str] = []  # one state per open complex field: "code" or "result"

    def walk(self, element: Element, editable: bool) -> None:
        for child in element:
            tag = child.tag
            if tag == PARAGRAPH:
                self.walk_paragraph(child, editable)
            elif tag == RUN:
                self.read_run(child, editable)
            elif tag in TRANSPARENT:
                self.walk(child, editable)
            elif tag == W + "tc":
                if not _continues_vertical_merge(child):
                    self.walk(child, editable)
            elif tag == W + "sdt":
                for content in child.iterchildren(W + "sdtContent"):
                    self.walk(content, editable and _sdt_editable(child))
            elif tag in FIELD_RESULT_CONTAINERS:
                self.walk(child, False)
            elif tag == MC + "AlternateContent":
                self.walk_alternative(child)

    def walk_alternative(self, element: Element) -> None:
        """Markup compatibility around runs or blocks: Word shows its first choice (else the fallback).

        A fix there would leave the other copy as it was, so none is made.
        """
        chosen = element.find(MC + "Choice")
        chosen = element.find(MC + "Fallback") if chosen is None else chosen
        if chosen is not None:
            self.walk(chosen, False)

    def walk_paragraph(self, element: Element, editable: bool) -> None:
        mapped = MappedParagraph(element, self.story, [], "", editable, tuple(self.fields))
        self.paragraphs.append(mapped)
        self.open.append((mapped, []))
        self.walk(element, editable)
        _, parts = self.open.pop()
        mapped.text = "".join(parts)

    def read_run(self, run: Element, editable: bool) -> None:
        if not self.open:
            return  # a run outside any paragraph is not displayed
        mapped, parts = self.open[-1]
        for child in run:
            tag = child.tag
            if tag == W + "fldChar":
                self._field(child.get(W + "fldCharType"))
                continue
            if "code" in self.fields:
                continue  # a field's code (and any field nested in it) is not displayed
            text = characters(child)
            if text is None:
                continue
            position = mapped.pieces[-1].end if mapped.pieces else 0
            fixable = editable and tag == TEXT_TAG and "result" not in self.fields
            mapped.pieces.append(Piece(child, run, position, position + len(text), fixable))
            parts.append(text)

    def _field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append("code")
        elif kind == "separate" and self.fields:
            self.fields[-1] = "result"
        elif kind == "end" and self.fields:
            self.fields.pop()


def characters(child: Element) -> str | None:
    """The characters a run child shows ("" for an object between characters), None if it is not content.

    A line feed or carriage return inside a w:t counts as a manual line break, so that it never
    starts a line of its own in the text.
    """
    tag = child.tag
    if tag in CHARACTERS:
        fixed = CHARACTERS[tag]
        if fixed is not None:
            return fixed
        text = child.text or ""
        return text.translate(NEWLINES) if "\n" in text or "\r" in text else text
    if tag == W + "br":
        return LINE_SEPARATOR if child.get(W + "type") in (None, "textWrapping") else ""
    if tag == W + "ruby":  # 拼音指南: the base text shows in the line, the guide above it
        bases = child.iterchildren(W + "rubyBase")
        return "".join(characters(part) or "" for base in bases for run in base.iterchildren(RUN) for part in run)
    return "" if tag in OBJECTS else None


def _continues_vertical_merge(cell: Element) -> bool:
    """A cell covered by the merged cell above it: Word shows that one's text, not this one's."""
    properties = cell.find(W + "tcPr")
    merge = None if properties is None else properties.find(W + "vMerge")
    return merge is not None and merge.get(W + "val") in (None, "continue")


def _sdt_editable(sdt: Element) -> bool:
    properties = sdt.find(W + "sdtPr")
    if properties is None:
        return True
    for child in properties:
        name = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
        if name in LOCKING_SDT_PROPERTIES or (name == "lock" and child.get(W + "val") in CONTENT_LOCKS):
            return False
    return True
