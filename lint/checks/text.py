"""Character classes shared by the check kinds (the Chinese ones come from lint.chars)."""

from __future__ import annotations

from lint.chars import CJK_PUNCT, HAN, SPACES, is_cjk_text, is_han, is_latin

__all__ = ["CJK_PUNCT", "HAN", "SPACES", "is_cjk_text", "is_han", "is_latin", "is_year_apostrophe"]

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
