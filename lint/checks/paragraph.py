"""Which line breaks of a draft are hard wraps inside one paragraph, for checks that join lines.

A plain-text draft copied from a PDF, an e-mail or a narrow editor window can carry a line break
in the middle of a sentence; a check for a word typed twice must still see ``坚决\\n坚决`` there. But
most line breaks end a heading, a list item or a paragraph, and the next line starting with the
words the previous one ended on is then normal writing (``（三）抓好落实\\n落实是……``).

params (read by the kinds that use it):
  heading: regex             a line matching this (searched from its start) is a heading or list
                             item, never wrapped: ``一、`` ``（一）`` ``1.`` ``第X章`` ``表1`` ``#`` ``-``
  min_wrapped_line: int      a wrapped line is at least this many characters long, spaces at its
                             ends not counted (default 16): a shorter line without closing
                             punctuation is a title, an unnumbered heading, a signature or a label.
                             GB/T 9704-2012 sets 28 characters a line; editors wrap wider
  paragraph_indent: regex    a line starting with this opens a new paragraph (default: a full-width
                             space, a tab, or two spaces): a wrapped line continues at the margin

A line break joins two lines of one paragraph when all of these hold:

1. the document is plain text or Markdown (in a .docx every line is a paragraph of its own);
2. exactly one line break separates the lines (a blank line ends a paragraph);
3. the line before does not end a sentence (the caller only asks about lines ending in a Han
   character, so 。！？；： and closing quotes are excluded already);
4. the line before is not a heading or list item (``heading``);
5. the line before is at least ``min_wrapped_line`` characters long;
6. the line after does not start with a paragraph indent (``paragraph_indent``);
7. the line before is at least as wide as the line after, less ``WRAP_SLACK`` columns (two
   columns a Han character, one an ASCII one): every line a wrap produces is full, only the
   paragraph's last line is shorter, while a heading is usually narrower than the paragraph after it;
8. the line after ends a sentence or is itself at least ``min_wrapped_line`` long: a paragraph's
   last line ends with its stop, while a short line that ends none (调研完成, 精品项目一览表) is a
   table cell, label or title of its own.
"""

from __future__ import annotations

from unicodedata import east_asian_width

from lint.checks.base import Params
from lint.checks.text import SPACES
from lint.source import Document

DEFAULT_MIN_WRAPPED_LINE = 16
DEFAULT_PARAGRAPH_INDENT = "[\u3000\t]|[ \u00a0]{2}"
# Wrapped lines of one paragraph differ in width by a few columns (a mark that may not open a line
# pulls a character down, digits are half as wide): four Han characters' worth.
WRAP_SLACK = 8
# marks a paragraph's last line ends with (its closing quote or bracket after the stop included)
PARAGRAPH_ENDS = tuple("。！？；：…”’）】》")


class LineJoin:
    """Decides whether the line break after a given line is a hard wrap inside a paragraph."""

    def __init__(self, params: Params) -> None:
        self.heading = params.regex("heading")
        self.min_wrapped_line = params.integer("min_wrapped_line", DEFAULT_MIN_WRAPPED_LINE)
        indent = params.string("paragraph_indent", DEFAULT_PARAGRAPH_INDENT)
        assert indent is not None  # it has a default
        self.paragraph_indent = params.compile("paragraph_indent", indent)

    def wraps_after(self, document: Document, line: int) -> bool:
        """Whether the break ending ``line`` (1-based) continues the same paragraph on ``line + 1``."""
        if document.format == "docx" or line >= len(document.line_starts):
            return False
        before, after = document.line_text(line), document.line_text(line + 1)
        if not after.strip(SPACES) or self.paragraph_indent.match(after):
            return False
        if self.heading is not None and self.heading.search(before) is not None:
            return False
        before, after = before.strip(SPACES), after.strip(SPACES)
        if len(after) < self.min_wrapped_line and not after.endswith(PARAGRAPH_ENDS):
            return False  # a short line that ends no sentence is a cell, label or title of its own
        return len(before) >= self.min_wrapped_line and display_width(before) + WRAP_SLACK >= display_width(after)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a fixed-width font: two for a wide (Han, full-width) character."""
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)
