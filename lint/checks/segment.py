"""Word segmentation for the checks: jieba's tokens and dictionary, loaded only when a check asks.

``lint.wordcut`` gives jieba's own segmentation over a cached index of jieba's dictionary, without
loading jieba (about half a second); when that index cannot be built or read, jieba itself is used.
Drafts without a candidate for a word boundary or a dictionary lookup pay for neither.

``tagged`` adds each word's part-of-speech tag from jieba's dictionary (what ``jieba.posseg`` reads
into its ``word_tag_tab``): the tokens stay those of ``jieba.cut``, and a token that is not a
dictionary word (a mark, a number, a name the HMM put together) gets ``UNTAGGED``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

UNTAGGED = "x"  # jieba.posseg's tag for what it cannot tag


@cache
def _backend() -> tuple[Callable[[str], Iterable[str]], Callable[[str], bool]]:
    """(cut, is_word): the fast path when it can be used, else jieba."""
    from lint import wordcut

    fast = wordcut.load()
    if fast is not None:
        return fast.cut, fast.is_word
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.cut, lambda word: jieba.dt.FREQ.get(word, 0) > 0


@cache
def _tagger() -> Callable[[str], str | None]:
    """A dictionary word's tag: from the fast path's index, else from jieba.posseg's table (slow to load)."""
    from lint import wordcut

    fast = wordcut.load()
    if fast is not None:
        return fast.tag
    import jieba.posseg

    table: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return table.get


SEGMENTED_RUN = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+")  # what jieba cuts as one piece


def runs(text: str) -> Iterator[re.Match[str]]:
    """The runs of ``text`` that jieba (and lint.wordcut) segment each on its own: a token never
    crosses their ends, so cutting only the runs a check needs gives the very tokens of a whole cut."""
    return SEGMENTED_RUN.finditer(text)


def tokens(text: str) -> list[str]:
    """jieba's segmentation of ``text`` (HMM on, so unknown names stay whole)."""
    cut, _ = _backend()
    return list(cut(text))


def run_tokens_at(text: str, start: int, end: int, reach: int = 200) -> list[tuple[int, str]]:
    """jieba's tokens, each with its offset in ``text``, of the run that holds ``start``, as cut within
    the line and ``reach`` characters around ``start:end`` (a clause is shorter); [] when no run holds it."""
    offset = max(text.rfind("\n", 0, start) + 1, start - reach)
    line_end = text.find("\n", end)
    stop = min(len(text) if line_end < 0 else line_end, end + reach)
    for run in runs(text[offset:stop]):
        if run.start() + offset <= start < run.end() + offset:
            position, found = run.start() + offset, []
            for token in tokens(run.group()):
                found.append((position, token))
                position += len(token)
            return found
    return []


def tagged(text: str) -> list[tuple[str, str]]:
    """jieba's segmentation of ``text``, each token with its dictionary tag (``UNTAGGED`` if it has none)."""
    tag = _tagger()
    return [(token, tag(token) or UNTAGGED) for token in tokens(text)]


def tag_of(word: str) -> str:
    """The dictionary tag of ``word`` (``UNTAGGED`` if it is not a dictionary word)."""
    return _tagger()(word) or UNTAGGED


def boundaries(text: str) -> set[int]:
    """Character offsets in ``text`` where one jieba token ends and the next begins (0 and len included)."""
    offsets = {0}
    position = 0
    for token in tokens(text):
        position += len(token)
        offsets.add(position)
    return offsets


def is_dictionary_word(word: str) -> bool:
    """Whether ``word`` is an entry of jieba's dictionary (prefix placeholders do not count)."""
    _, is_word = _backend()
    return is_word(word)
