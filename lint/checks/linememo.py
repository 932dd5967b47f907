"""Results a check computes from one line (or paragraph) of text alone, kept between runs.

A language server re-lints a draft at each pause in typing; a document-level check (pairing across
paragraphs, repeats across wrapped lines, spelling variants) still does most of its work line by
line, and a line that did not change gives the same result. ``compute`` is a method or a module's
function, not a lambda: checks are pickled for worker processes. A ``LineMemo`` keeps those results by
the line's text, at most ``limit`` of them (then it starts afresh: a long report's lines fit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
LINES_KEPT = 32_768


class LineMemo(Generic[T]):
    def __init__(self, compute: Callable[[str], T], limit: int = LINES_KEPT) -> None:
        self.compute = compute
        self.limit = limit
        self._kept: dict[str, T] = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled (for a worker process) without what it kept: a bound method or a module's function."""
        return {"compute": self.compute, "limit": self.limit, "_kept": {}}

    def __call__(self, line: str) -> T:
        found = self._kept.get(line)
        if found is None:
            if len(self._kept) >= self.limit:
                self._kept.clear()
            found = self._kept[line] = self.compute(line)
        return found
