"""What the ``names`` kind asks about the text around a name: whether a span is really the name, and who speaks.

A span that looks like a garbled name may be made of the ends of two ordinary words: 赵乐继 in
请赵乐继续发言 is 赵乐 + 继续, 习近平平 in 习近平平时 is 习近平 + 平时. ``edge_inside_word`` says so by
segmenting a few characters around the span: a dictionary word of the text that crosses the span's start
or end means the span's edge character belongs to that word, so the span is not the name.

Who speaks: a reference rule (习总书记, a bare 总书记) judges how a draft refers to a leader. It does not
judge the words of the leader himself (a document whose byline is his name, as his speeches print
``习近平`` under the title) nor words the draft quotes from someone else (inside “…”).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint.checks import segment
from lint.checks.context import inside_quotation

WINDOW = 6  # characters segmented on each side of a span
EDGE_REACH = 4  # longest word looked up at a span's edge
BYLINE_LINES = 8  # a byline stands among the first lines of a document


def edge_inside_word(
    text: str, start: int, end: int, joining_words: Iterable[str] = (), *, garbled: bool = True
) -> bool:
    """Whether a word of the surrounding text takes the first or the last character of ``text[start:end]``.

    Looked for in turn: ``joining_words`` crossing an edge (literally); a dictionary word that the
    span's last character begins with the characters after it (赵乐|继续, 李克强|强调: looked up
    directly, whatever the segmentation makes of the garbled name); a dictionary word of jieba's
    segmentation of a window around the span that crosses an edge (学习|习近平). Before the span only
    the segmentation counts: in 落实习总书记 the dictionary has 实习, but the text reads 落实|习总书记.
    An unknown name jieba's HMM glued to its neighbour is no evidence. A fixed informal form
    (``garbled=False``: 习大大, 习总书记) is itself the evidence of its end: only a word crossing its
    start counts (学习|总书记), not one jieba makes across its end (习|大大的, 习大大|系列).
    """
    low, high = max(0, start - WINDOW), min(len(text), end + WINDOW)
    window = text[low:high]
    for word in joining_words:
        at = window.find(word)
        while at != -1:
            if _crosses(low + at, low + at + len(word), start, end):
                return True
            at = window.find(word, at + 1)
    if garbled and _word_after_edge(text, end):
        return True
    position = low
    for token in segment.tokens(window):
        token_start, position = position, position + len(token)
        crossing = _crosses(token_start, position, start, end) if garbled else token_start < start < position
        if len(token) > 1 and crossing and segment.is_dictionary_word(token):
            return True
    return False


def _word_after_edge(text: str, end: int) -> bool:
    """The span's last character begins a dictionary word with the characters after it."""
    for size in range(2, EDGE_REACH + 1):
        after = text[end - 1 : end - 1 + size]
        if len(after) == size and segment.is_dictionary_word(after):
            return True
    return False


def word_before(text: str, end: int) -> str | None:
    """The word of the text that ends at ``end`` (jieba's segmentation of a few characters before it)."""
    low = max(0, end - WINDOW)
    position, last = low, None
    for token in segment.tokens(text[low : end + WINDOW]):
        position += len(token)
        if position == end:
            last = token
        if position >= end:
            break
    return last


def is_known_word(word: str) -> bool:
    return segment.is_dictionary_word(word)


def _crosses(word_start: int, word_end: int, start: int, end: int) -> bool:
    return word_start < start < word_end or word_start < end < word_end


def own_words(text: str, person: str) -> bool:
    """Whether the document is ``person``'s own text: a line of its head holds only his name (a byline)."""
    head = text.split("\n", BYLINE_LINES)[:BYLINE_LINES]
    return any(line.strip(" \t\r\u3000") == person for line in head)


def quoted(text: str, start: int, end: int, own_title: re.Pattern[str] | None = None) -> bool:
    """Whether the span stands inside “…” in its paragraph: someone else's words, not the draft's.

    A quotation that ``own_title`` matches right after its closing ” is the name the draft gives its own
    event (举办了“深入学习贯彻……重要讲话精神”专题研讨会), so its words are the draft's."""
    if not inside_quotation(text, start, end):
        return False
    if own_title is None:
        return True
    close = text.find("”", end)
    return close == -1 or own_title.match(text, close + 1) is None
