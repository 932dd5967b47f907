"""Markdown: blank out what is not prose, keeping every offset and line break.

Masked (each character becomes a space, line breaks stay): front matter (``---``/``+++`` at the
top), fenced code blocks, inline code spans, HTML comments and tags, the space entities (``&nbsp;``,
``&emsp;``), autolinks and bare URLs,
link and image destinations with their titles, reference definitions, and the delimiters of
emphasis (``**重点**``, ``*斜体*``, ``__附件__``) so that they are not taken for ``**``/``__``
placeholders. Link texts, image alt texts, headings and emphasised words stay visible: they are
prose a reader sees.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterable, Iterator

FRONT_MATTER = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n.*?^(?P=fence)[ \t]*\r?$", re.M | re.S)
FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
BACKTICK_RUN = re.compile(r"`+")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
NOT_A_LINE_BREAK = re.compile(r"[^\r\n]")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp);")  # &emsp;&emsp; indents a paragraph: a space when shown
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
# A bare URL ends at whitespace or the first CJK character or full-width punctuation.
BARE_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+")
URL_TRAILING = ".,:;!?'\")]"
LINK_TARGET = re.compile(r"\]\((?P<target>(?:[^()\n]|\([^()\n]*\))*)\)")
IMAGE_MARK = re.compile(r"!(?=\[[^\]\n]*\]\()")  # the ! of ![alt](src): syntax, not an exclamation
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
# Emphasis: a run of 1-3 stars or underscores, at least two characters of content on one line
# that neither start nor end with a space, and the same run closing it. One character between
# runs (**年**月**日, **市**县) is how placeholders look, so it is not taken for emphasis; nor is
# content that ends in a pause mark (共**家，**人: placeholders either side of a comma).
STAR_EMPHASIS = re.compile(r"(?<!\*)(?P<run>\*{1,3})(?=[^\s*])[^\n*]*[^\s*，、；：,;:](?<=[^\n*]{2})(?P=run)(?!\*)")
# Underscores emphasise only at word edges (CommonMark): 姓名__年龄__ is two blanks, not emphasis.
UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)(?P<run>_{1,3})(?=[^\s_])[^\n_]*[^\s_](?<=[^\n_]{2})(?P=run)(?!\w)")


def mask(text: str) -> str:
    """``text`` with the non-prose parts replaced by spaces; same length, same line breaks.

    Each stage finds its ranges in what the stages before it left visible and the text is rebuilt
    once per stage from slices; a list of one string per character cost a new object for every
    CJK character, and its allocation time grew faster than the text on long inputs.
    """
    visible = _blanked(text, _code_and_front_matter(text))
    visible = _blanked(visible, _code_spans(visible))
    visible = _blanked(visible, _html_comments(visible))
    for pattern in (AUTOLINK, HTML_TAG, SPACE_ENTITY, REFERENCE_DEFINITION):
        visible = _blanked(visible, (match.span() for match in pattern.finditer(visible)))
    targets = [match.span("target") for match in LINK_TARGET.finditer(visible)]
    images = [match.span() for match in IMAGE_MARK.finditer(visible)]
    visible = _blanked(visible, sorted(targets + images))
    visible = _blanked(
        visible,
        (
            (match.start(), match.start() + len(match.group().rstrip(URL_TRAILING)))
            for match in BARE_URL.finditer(visible)
        ),
    )
    # both kinds are found in the same text, so that nested emphasis (_**粗斜体**_) loses both
    runs = [*_delimiters(STAR_EMPHASIS, visible), *_delimiters(UNDERSCORE_EMPHASIS, visible)]
    return _blanked(visible, sorted(runs))


def _delimiters(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The opening and closing runs of each emphasis ``pattern`` finds, in text order."""
    for match in pattern.finditer(text):
        run = len(match.group("run"))
        yield match.start(), match.start() + run
        yield match.end() - run, match.end()


def _blanked(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character of ``ranges`` (in text order) but a line break made a space."""
    pieces, position = [], 0
    for start, end in ranges:
        start = max(start, position)
        if start >= end:
            continue
        pieces.append(text[position:start])
        pieces.append(NOT_A_LINE_BREAK.sub(" ", text[start:end]))
        position = end
    if not pieces:
        return text
    pieces.append(text[position:])
    return "".join(pieces)


def _code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Inline code: a run of backticks up to the next run of the same length in the same paragraph.

    A run with no such partner is literal text. Each run is looked up once in the queue of the
    runs of its length, so this is linear where a regex retrying every opening to the end of its
    paragraph was quadratic.
    """
    runs = [(match.start(), match.end()) for match in BACKTICK_RUN.finditer(text)]
    breaks = [match.start() for match in PARAGRAPH_BREAK.finditer(text)]
    paragraph = [bisect.bisect_left(breaks, start) for start, _ in runs]
    by_length: dict[int, deque[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, deque()).append(index)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        later = by_length[end - start]
        while later and later[0] <= index:
            later.popleft()
        if later and paragraph[later[0]] == paragraph[index]:
            closing = later.popleft()
            yield start, runs[closing][1]
            index = closing
        index += 1


def _html_comments(text: str) -> Iterator[tuple[int, int]]:
    """``<!-- ... -->`` ranges; an opening never closed is text, and ends the search (none after it closes)."""
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            return
        yield start, end + 3
        position = end + 3


def _code_and_front_matter(text: str) -> list[tuple[int, int]]:
    """Ranges of front matter and fenced code blocks (an unclosed fence runs to the end)."""
    ranges = []
    front = FRONT_MATTER.match(text)
    position = front.end() if front else 0
    if front:
        ranges.append((0, front.end()))
    lines = text[position:].splitlines(keepends=True)
    fence: str | None = None
    block_start = 0
    for line in lines:
        opening = FENCE_OPEN.match(line)
        if fence is None and opening:
            fence, block_start = opening.group("fence"), position
        elif fence is not None and _closes(line, fence):
            ranges.append((block_start, position + len(line)))
            fence = None
        position += len(line)
    if fence is not None:
        ranges.append((block_start, len(text)))
    return ranges


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    indent = len(line) - len(line.lstrip(" "))
    return indent <= 3 and len(stripped) >= len(fence) and set(stripped) == {fence[0]}
