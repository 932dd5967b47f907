"""Lazy access to jieba word segmentation.

jieba takes about half a second to load its dictionary, so nothing here imports it until a check
actually needs a word boundary or a dictionary lookup; drafts without a candidate never pay for it.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType


@cache
def _jieba() -> ModuleType:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba


def tokens(text: str) -> list[str]:
    """jieba's segmentation of ``text`` (HMM on, so unknown names stay whole)."""
    return list(_jieba().cut(text))


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
    return _jieba().dt.FREQ.get(word, 0) > 0
