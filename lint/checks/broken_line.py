"""``broken_line``: a paragraph broken off mid-sentence, its rest on the next line (a pasted layout).

Text copied out of a PDF, a fixed-width page or an e-mail keeps the line breaks of its layout: in
the draft a paragraph then ends in the middle of a sentence (……不断总结 / 办学经验的基础上，……),
and in Word every such line is a paragraph of its own. A line break is reported when

1. the line before ends in a Han character (or a comma, 顿号 or semicolon) and the line after
   starts with a Han character or a digit, not indented (``paragraph_indent``) and not a heading or
   list item (``heading``);
2. the line before is running text: at least ``min_line`` characters long and holding a sentence
   mark of ``prose_marks``; a heading or list item (``heading``) counts only when a sentence mark
   ends its heading inside the line (1.学校考核。本学年……), so 一、着力破难，落实五项重点工作 does not,
   or when it fills the width of a layout the other lines show (it is no evidence of one itself);
3. and there is evidence of a layout, not of a writer's line break:
   - jieba, reading the end of the line and the start of the next as one text, puts a word across
     the break (……新考改的要 / 求，……: 要求), or
   - at least ``same_width_lines`` lines meeting 1 and 2 have the same display width, at most
     ``max_layout_width`` columns (two a Han character): the width of the layout every wrapped line
     fills. Paragraphs end at any width; three of one width are a layout, unless as many lines of the
     document run wider than that width as fill it, sentence ends included (a table's cells, pasted one
     per line, are of any width; a Word export wraps some paragraphs and leaves others whole). A
     line one Han character short of the width fills it too: the next line may not open with a
     comma or a closing mark.

Only plain text is checked: a line break inside a Markdown paragraph is the format's own soft break,
and a .docx's lines include its table cells, one paragraph each, which end wherever a cell ends.

params:
  heading: regex            a heading or list item, searched from the line's start
  prose_marks: text         marks of running text (default ，。；！？)
  min_line: int             characters of a broken line, spaces at its ends not counted (default 16)
  same_width_lines: int     lines of one width that make a layout (default 3)
  max_layout_width: int     widest layout line in columns (default 90: 45 Han characters)
  paragraph_indent: regex   a line starting with this opens a new paragraph (default: U+3000, tab,
                            or two spaces)
  unless_line_ends: regex   a line whose end this matches (searched, anchor it with ``$``) is whole:
                            a photo caption ends in its credit (新华社记者 李响 摄) without a mark

The finding covers the broken line's last clause and the line break; the fix (unsafe) joins the
two lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.paragraph import DEFAULT_PARAGRAPH_INDENT, display_width
from lint.checks.text import HAN, SPACES, is_han
from lint.regexes import compiled
from lint.source import Document

KINSOKU_SLACK = 2  # columns a layout's line may fall short of its width by: one Han character
LAYOUT_SLACK = 4  # columns a layout's line may overrun its width by (digits and Latin letters are narrower)

DEFAULT_PROSE_MARKS = "，。；！？"
LINE_END = compiled(f"[{HAN}，、；]$")
LINE_START = compiled(f"[{HAN}0-9０-９]")
SENTENCE_END = compiled("[。；！？]")
RUN = 6  # Han characters on each side of the break segmented to find a word across it
CLAUSE = compiled(f"[^{SPACES}，。；：！？、“”（）]{{1,12}}[，、；]?$")


@dataclass(frozen=True)
class Break:
    line: int  # 0-based index of the line before the break
    before: str  # that line, spaces at its ends dropped
    after: str  # the next line, likewise
    item_line: bool = False  # the line before opens with a list mark and holds no sentence end


class BrokenLineCheck(Check):
    kind = "broken_line"
    default_fix = "unsafe"

    def configure(self, params: Params) -> None:
        self.heading = params.regex("heading")
        self.prose_marks = frozenset(params.string("prose_marks", DEFAULT_PROSE_MARKS))
        self.min_line = params.integer("min_line", 16, minimum=2)
        self.same_width_lines = params.integer("same_width_lines", 3, minimum=2)
        self.max_layout_width = params.integer("max_layout_width", 90, minimum=2)
        indent = params.string("paragraph_indent", DEFAULT_PARAGRAPH_INDENT)
        assert indent is not None  # it has a default
        self.paragraph_indent = params.compile("paragraph_indent", indent)
        self.unless_line_ends = params.regex("unless_line_ends")

    def find(self, document: Document) -> Iterator[Finding]:
        if document.format != "text":
            return
        breaks = list(self._candidates(document))
        widths = Counter(display_width(item.before) for item in breaks if not item.item_line)
        layouts = {
            width
            for width, count in widths.items()
            if count >= self.same_width_lines and width <= self.max_layout_width
        }
        if layouts:  # the document's line widths only where a layout is in question
            lines = [display_width(document.line_text(n + 1).strip(SPACES)) for n in range(len(document.line_starts))]
            filled = Counter(lines)  # the layout's full lines include those that end a sentence
            layouts = {width for width in layouts if _fits(lines, width, filled[width])}
        for item in breaks:
            layout = _in_layout(display_width(item.before), layouts)
            if layout or (not item.item_line and _word_across(item.before, item.after)):
                yield self._finding(document, item)

    def _candidates(self, document: Document) -> Iterator[Break]:
        count = len(document.line_starts)
        for index in range(count - 1):
            raw_before, raw_after = document.line_text(index + 1), document.line_text(index + 2)
            before, after = raw_before.strip(SPACES), raw_after.strip(SPACES)
            if not before or not after or self.paragraph_indent.match(raw_after):
                continue
            if not LINE_END.search(before) or not LINE_START.match(after):
                continue
            if self.heading is not None and self.heading.search(raw_after):
                continue
            if len(before) < self.min_line or self.prose_marks.isdisjoint(before):
                continue
            if self.unless_line_ends is not None and self.unless_line_ends.search(before):
                continue
            # a list item without a sentence end may be a heading (一、着力破难，落实五项重点工作): it is
            # broken only where it fills the width of a layout the other lines show
            item_line = (
                self.heading is not None
                and bool(self.heading.search(raw_before))
                and not SENTENCE_END.search(before[:-1])
            )
            yield Break(index, before, after, item_line)

    @staticmethod
    def _finding(document: Document, item: Break) -> Finding:
        start, stop = document.paragraph(item.line)
        text = document.text
        end = start + len(text[start:stop].rstrip(SPACES))
        clause = CLAUSE.search(text, start, end)
        begin = clause.start() if clause else end - 1
        break_end = document.line_starts[item.line + 1]
        return Finding(begin, break_end, text[begin:end], {"fragment": text[begin:end], "next": item.after[:6]})


def _in_layout(width: int, layouts: set[int]) -> bool:
    """Whether a line of ``width`` columns fills a layout: its width, or one Han character short of it
    (a line may not open with a comma or a closing mark, so the one before it ends a character early)."""
    return any(layout - KINSOKU_SLACK <= width <= layout for layout in layouts)


def _fits(lines: list[int], width: int, at_width: int) -> bool:
    """A layout holds every line within its width: fewer lines run wider (a column or two of
    half-width characters aside) than fill it, or the lines of one width are a table's chance."""
    return sum(1 for line in lines if line > width + LAYOUT_SLACK) < at_width


def _word_across(before: str, after: str) -> bool:
    """Whether jieba, reading the end of ``before`` and the start of ``after`` as one text, cuts a word
    across the break: 新考改的要 + 求，落实 is …|要求|…, but 不断总结 + 办学经验 is …|总结|办学|…."""
    left = _han_tail(before)[-RUN:]
    right = _han_head(after)[:RUN]
    if not left or not right:
        return False
    return len(left) not in segment.boundaries(left + right)


def _han_tail(text: str) -> str:
    index = len(text)
    while index > 0 and is_han(text[index - 1]):
        index -= 1
    return text[index:]


def _han_head(text: str) -> str:
    index = 0
    while index < len(text) and is_han(text[index]):
        index += 1
    return text[:index]


CHECK = BrokenLineCheck
