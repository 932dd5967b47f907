"""Character classes of Chinese text, shared by the check kinds (lint.checks.text) and by the YAML reader
(lint.safeyaml), which sits below the checks and must not import them."""

from __future__ import annotations

# CJK Unified Ideographs with extension A and compatibility ideographs, plus 〇.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
# Full-width Chinese punctuation that sits inside Chinese text.
CJK_PUNCT = "，。、；：？！“”‘’《》（）〔〕【】—…·「」『』〈〉"
# What indents or pads a line of a draft: spaces, tabs and the full-width space.
SPACES = " \t\u3000"
# The marks that end a sentence, full-width and ASCII.
SENTENCE_END_MARKS = "。！？!?"


def is_latin(char: str) -> bool:
    """An ASCII letter."""
    return char.isascii() and char.isalpha()


def is_han(char: str) -> bool:
    if not char:
        return False
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or code == 0x3007


def is_cjk_text(char: str) -> bool:
    """A Han character or full-width Chinese punctuation."""
    return is_han(char) or (bool(char) and char in CJK_PUNCT)
