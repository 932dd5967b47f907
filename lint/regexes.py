"""What gwlint's modules compile at import, compiled once per installation, not once per run.

A cold ``gwlint check`` used to compile some twenty fixed patterns (numbering marks, quotes, the
segmenter's blocks...) before reading a line: about a sixth of a one-draft run. ``compiled`` gives
the pattern back from its compiled program, stored in the cache the way a built linter's patterns
are (see ``lint.cache``); a pattern not stored yet is compiled as usual, and the store is written
when the process exits. Any failure to read or write the store only costs the compilation.
"""

from __future__ import annotations

import atexit
import re

from lint import cache

KIND = "regexes"


class _Store:
    """The programs read from the cache, and whether this process compiled any they lacked."""

    def __init__(self) -> None:
        self.patterns: dict[tuple[str, int], re.Pattern[str]] | None = None
        self.added = False

    def get(self, source: str, flags: int) -> re.Pattern[str]:
        pattern = self._stored(source, flags)
        if not isinstance(pattern, re.Pattern):
            pattern = self._add(source, flags, re.compile(source, flags))
        return pattern

    def _stored(self, source: str, detail: int) -> object:
        if self.patterns is None:
            stored = cache.load_object(KIND, _key())
            self.patterns = stored if isinstance(stored, dict) else {}
        return self.patterns.get((source, detail))

    def _add(self, source: str, detail: int, value: re.Pattern[str]) -> re.Pattern[str]:
        assert self.patterns is not None  # _stored ran first
        self.patterns[(source, detail)] = value
        if not self.added:
            self.added = True
            atexit.register(self.save)
        return value

    def save(self) -> None:
        if self.patterns:
            cache.store_object(KIND, _key(), self.patterns)


def _key() -> str:
    return cache.bytes_key(KIND.encode(), cache.runtime_salt())


_STORE = _Store()  # one per process, like re's own cache


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, read from the store when it has been compiled before."""
    return _STORE.get(source, int(flags))
