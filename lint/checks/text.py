"""Character classes shared by the check kinds."""

from __future__ import annotations

# CJK Unified Ideographs with extension A and compatibility ideographs, plus 〇.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
# Full-width Chinese punctuation that sits inside Chinese text.
CJK_PUNCT = "，。、；：？！“”‘’《》（）〔〕【】—…·「」『』〈〉"
# What indents or pads a line of a draft: spaces, tabs and the full-width space.
SPACES = " \t\u3000"


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


ASCII_DIGITS = "0123456789"


def is_year_apostrophe(text: str, index: int, start: int = 0, end: int | None = None) -> bool:
    """Whether the quote mark at ``index`` stands for a year's century, before its last two digits
    (’99昆明世界园艺博览会, '93上海国际电影节): two ASCII digits follow and no third, and no letter or digit
    precedes it (Xi'an, 5'9" are other marks). Only ``text[start:end]`` is looked at."""
    stop = len(text) if end is None else end
    following = text[index + 1 : min(index + 4, stop)]
    before = text[index - 1] if index > start else ""
    return (
        len(following) >= 2
        and following[0] in ASCII_DIGITS
        and following[1] in ASCII_DIGITS
        and (len(following) == 2 or following[2] not in ASCII_DIGITS)
        and not (before.isascii() and before.isalnum())
    )
