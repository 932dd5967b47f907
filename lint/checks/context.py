"""Context conditions a rule can put around a match: what must not stand just before or after it."""

from __future__ import annotations

import re

from lint.checks.base import Params

WINDOW = 40  # characters of context inspected on each side


class Context:
    def __init__(self, params: Params) -> None:
        before = params.string("unless_preceded_by")
        after = params.string("unless_followed_by")
        self.before = None if before is None else params.compile("unless_preceded_by", f"(?:{before})\\Z")
        self.after = None if after is None else params.compile("unless_followed_by", after)

    def allows(self, text: str, start: int, end: int) -> bool:
        if self.before is not None and self.before.search(text, max(0, start - WINDOW), start):
            return False
        if self.after is not None and self.after.match(text[end : end + WINDOW]):
            return False
        return True
