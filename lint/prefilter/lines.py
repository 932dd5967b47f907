"""Regexes that stay on one line: their end offsets suffice, no start-of-match (SOM) mode.

What it saves: a regex without an upper bound on its length needs hyperscan's SOM mode to report
where its matches start, and SOM was over half the default packs' database and a third of the
native scan (docs/performance.md, fifth session). Leaving it out for these regexes took the database
from 26.3 to 13.5 MB and the scan from 76 to 66 ms per MB (sixth session). Most such regexes cannot consume a
line break (``[^。\\n]*``, ``.*``, a class without ``\\n``): a match then starts on the line where it
ends, so hyperscan reports only the end and ``re`` searches from the start of that line, up to the
line's end (plus what a look-ahead may inspect past it), and no further, so a long line is searched
once, not once per report, and a search never runs on into the following lines.

``overrun(pattern)`` says whether a regex is such a one; ``line_spans`` turns its reported ends into
windows starting at their lines' starts; ``LineWindows`` searches them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)
from re import _parser as sre_parse  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)

from lint.prefilter.translate import Parsed, Unsupported, _Writer, class_ranges
from lint.prefilter.windows import Windows

NEWLINE = 10
# Past the position a search may look at: ``$`` (without MULTILINE) at the line end holds when the
# ``\n`` there is the last character before endpos, so endpos must leave one more character after it.
MARGIN = 2


class _CrossesLines(Exception):
    """A match attempt may consume a line break, or look past one without a bound."""


def overrun(pattern: re.Pattern[str]) -> int | None:
    """None when a match attempt of ``pattern`` may consume a ``\\n`` (then it keeps SOM mode); else how
    many characters past a line's ``\\n`` its look-aheads may inspect (0 when they stay on the line)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        return _Walk(pattern.flags).sequence(parsed, pattern.flags, ahead=True)
    except (_CrossesLines, Unsupported, KeyError, re.error, RecursionError):  # KeyError: a group not closed yet
        return None


class _Walk:
    """The most any look-ahead inspects past a line break, raising _CrossesLines when the consuming
    part can take one (or a look-ahead can, without a bound)."""

    def __init__(self, flags: int) -> None:
        self.groups: dict[int, Parsed] = {}
        self.reaches = _Writer(flags)

    def sequence(self, items: Parsed, flags: int, ahead: bool) -> int:
        return max((self.item(op, av, flags, ahead) for op, av in items), default=0)

    def item(self, op: Parsed, av: Parsed, flags: int, ahead: bool) -> int:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            if _takes_newline(op, av, flags):
                raise _CrossesLines
            return 0
        if op is sre.AT:
            return 0
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, body = av
            if direction < 0:  # a look-behind looks back: only a look-ahead inside it looks forward
                self._behind(body)
                return 0
            try:
                return self.sequence(body, flags, ahead)
            except _CrossesLines:
                reach = self.reaches.reach(body)  # it may look past the \n, so far and no further
                if reach is None:
                    raise
                return reach
        if op is sre.BRANCH:
            return max(self.sequence(branch, flags, ahead) for branch in av[1])
        if op is sre.SUBPATTERN:
            group, add, remove, body = av
            if group is not None:
                self.groups[group] = body
            return self.sequence(body, (flags | add) & ~remove, ahead)
        if op is sre.ATOMIC_GROUP:
            return self.sequence(av, flags, ahead)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return self.sequence(av[2], flags, ahead)
        if op is sre.GROUPREF:
            return self.sequence(self.groups[av], flags, ahead)
        if op is sre.GROUPREF_EXISTS:
            _, yes, no = av
            return max(self.sequence(yes, flags, ahead), self.sequence(no or [], flags, ahead))
        raise _CrossesLines  # an operator not known here: keep SOM mode

    def _behind(self, items: Parsed) -> None:
        for op, av in items:
            if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] > 0:
                raise _CrossesLines  # a look-ahead inside a look-behind: not worth bounding
            if op is sre.BRANCH:
                for branch in av[1]:
                    self._behind(branch)
            elif op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
                self._behind(av[-1] if op is sre.SUBPATTERN else av)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                self._behind(av[2])


def _takes_newline(op: Parsed, av: Parsed, flags: int) -> bool:
    if op is sre.LITERAL:
        return bool(av == NEWLINE)
    if op is sre.NOT_LITERAL:
        return bool(av != NEWLINE)
    if op is sre.ANY:
        return bool(flags & re.DOTALL)
    return any(low <= NEWLINE <= high for low, high in class_ranges(av, flags))


def line_spans(data: bytes, ends: Sequence[int]) -> list[tuple[int, int]]:
    """For each reported end (a byte offset into the UTF-8 ``data``), the span from the start of its
    line to it. Each line break is looked for once: between one end and the next."""
    spans = []
    line_start = previous = 0
    for end in sorted(ends):
        newline = data.rfind(b"\n", previous, end)
        if newline >= 0:
            line_start = newline + 1
        spans.append((line_start, end))
        previous = end
    return spans


class LineWindows(Windows):
    """``Windows`` for a regex that stays on one line (``reach`` is the look-ahead's ``overrun``): each
    window lies on one line, and a search in it stops ``overrun`` + MARGIN past that line's end."""

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = 0
        for start, end in self.windows:
            start = max(start, position)
            line_end = text.find("\n", start)
            stop = min(len(text), (len(text) if line_end < 0 else line_end) + (self.reach or 0) + MARGIN)
            while start < end:
                found = self.regex.search(text, start, stop)
                if found is None or found.start() >= end:
                    break
                yield found
                start = position = found.end()
