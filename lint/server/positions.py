"""Positions as the editor counts them.

gwlint counts columns in code points. An LSP position is a 0-based line and a count of *code units*
in that line: UTF-16 units by default, UTF-8 bytes or UTF-32 units (code points) when client and
server agree on them at initialization (LSP 3.17, ``general.positionEncodings``). A CJK character
outside the Basic Multilingual Plane (𠀀, 𪚥…) is one code point, two UTF-16 units and four UTF-8
bytes, so every conversion goes through the line's own text.

Lines end at ``\\r\\n``, ``\\r`` or ``\\n`` — LSP's line breaks, and gwlint's (``lint.source.LINE_BREAK``):
U+2028 (a manual line break in a .docx paragraph) and form feeds do not start a line for either.
"""

from __future__ import annotations

import bisect

from lint.source import LINE_BREAK

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF16:
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    return len(text.encode("utf-8", "surrogatepass"))


def code_points(line: str, count: int, encoding: str) -> int:
    """How many characters of ``line`` the first ``count`` code units cover.

    A count past the line's end is the line's end (LSP: it "defaults back to the line length"); one
    that falls inside a character (half a surrogate pair, part of a UTF-8 sequence) is that
    character's start.
    """
    if count <= 0:
        return 0
    if encoding == UTF32 or units(line, encoding) == len(line):
        return min(count, len(line))
    used = 0
    for index, char in enumerate(line):
        used += units(char, encoding)
        if used > count:
            return index
    return len(line)


class LineIndex:
    """Where each line of a text starts, to turn offsets into positions and back."""

    def __init__(self, text: str, starts: tuple[int, ...] | None = None) -> None:
        self.text = text
        self.starts = starts if starts is not None else (0, *(m.end() for m in LINE_BREAK.finditer(text)))
        # no character outside the BMP (no surrogate pairs): UTF-16 units are code points
        self.narrow = len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)

    def line_content(self, line: int) -> str:
        """Line ``line`` (0-based) without its line break."""
        start = self.starts[line]
        stop = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while stop > start and self.text[stop - 1] in "\r\n":
            stop -= 1
        return self.text[start:stop]

    def position(self, offset: int, encoding: str) -> tuple[int, int]:
        """The (line, character) of a character offset, both 0-based, character in code units."""
        line = bisect.bisect_right(self.starts, offset) - 1
        if encoding == UTF32 or (encoding == UTF16 and self.narrow):
            return line, offset - self.starts[line]
        return line, units(self.text[self.starts[line] : offset], encoding)

    def offset(self, line: int, character: int, encoding: str) -> int:
        """The character offset of an LSP position; past the last line is the end of the text."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[line] + code_points(self.line_content(line), character, encoding)
