"""Searching a regex only where the prefilter says a match can start, with ``finditer``'s results.

``Windows(pattern, windows, reach, starts).finditer(text)`` yields what
``lint.checks.scan.Scanner(pattern).finditer(text)`` yields (the non-empty matches of
``pattern.finditer(text)``), given that every match starts inside one of ``windows``. Every match
is confirmed by ``re`` on the whole text: ``pattern.match(text, position)`` or
``pattern.search(text, position, endpos)``. A position never hides the text before it from a
look-behind, ``\\b`` or ``^``. An ``endpos`` does hide the text after it, so it is only used
``reach + 1`` characters past the window, beyond anything matching from inside it can look at (a
``$`` or ``\\Z`` there is not at the end): each try inside the window is the same as on the whole
text, and a match found past the window is not taken.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain

Window = tuple[int, int]  # [start, end): character offsets where a match may start
CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
OTHER_BYTES = bytes(set(range(256)) - set(CONTINUATION_BYTES))


def merged(spans: Iterable[Window]) -> Bounds:
    """The union of ``spans`` as sorted disjoint windows (empty spans left out)."""
    bounds: array[int] = array("q")
    for start, end in sorted(spans):
        if start >= end:
            continue
        if bounds and start <= bounds[-1]:
            if end > bounds[-1]:
                bounds[-1] = end
        else:
            bounds.append(start)
            bounds.append(end)
    return Bounds(bounds)


class Bounds:
    """Sorted disjoint windows packed in one array of machine integers: start, end, start, end, ...

    What it saves: a narrowed check keeps its windows until the engine has run every check, and the
    benchmark's 10 MB file gives 180,000 of them. As a list of (start, end) tuples of ints they held
    some 24 MB through all the checks; packed, 16 bytes a window (3 MB)."""

    __slots__ = ("flat",)

    def __init__(self, flat: array[int]) -> None:
        self.flat = flat

    @classmethod
    def of(cls, windows: Bounds | Iterable[Window]) -> Bounds:
        """``windows`` packed (sorted and disjoint already; a Bounds is taken as it is)."""
        if isinstance(windows, Bounds):
            return windows
        return cls(array("q", chain.from_iterable(windows)))

    def __iter__(self) -> Iterator[Window]:
        ends = iter(self.flat)
        return zip(ends, ends, strict=True)  # start, end: the same iterator twice

    def __len__(self) -> int:
        return len(self.flat) // 2


def char_offsets(data: bytes, byte_offsets: Sequence[int]) -> CharOffsets:
    """The character offset of each of the sorted ``byte_offsets`` into the UTF-8 ``data``: the byte
    offset less the continuation bytes before it."""
    characters: array[int] = array("q")
    previous = count = 0
    for offset in byte_offsets:
        count += (offset - previous) - len(data[previous:offset].translate(None, OTHER_BYTES))
        characters.append(count)
        previous = offset
    return CharOffsets(array("q", byte_offsets), characters)


class CharOffsets(Mapping[int, int]):
    """Byte offset → character offset, as two sorted arrays looked up by bisection.

    What it saves: the prefilter converts every reported offset at once, about 450,000 of them on the
    benchmark's 10 MB file, and a dict of that size held some 40 MB at the run's peak; the two arrays
    hold 7 MB. A lookup costs a bisection (about 0.2 s for all of them on that file)."""

    def __init__(self, byte_offsets: array[int], characters: array[int]) -> None:
        self.byte_offsets = byte_offsets
        self.characters = characters

    def __getitem__(self, offset: int) -> int:
        index = bisect_left(self.byte_offsets, offset)
        if index == len(self.byte_offsets) or self.byte_offsets[index] != offset:
            raise KeyError(offset)
        return self.characters[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self.byte_offsets)

    def __len__(self) -> int:
        return len(self.byte_offsets)


class Windows:
    """A scanner (like ``lint.checks.scan.Scanner``) that tries ``pattern`` only in ``windows``.

    ``reach``: how far past a start matching may look (None: no bound known); ``starts``: a class
    holding every match's first character, or None.
    """

    def __init__(
        self,
        pattern: re.Pattern[str],
        windows: Bounds | Iterable[Window],
        reach: int | None,
        starts: re.Pattern[str] | None,
    ) -> None:
        self.regex = pattern
        self.windows = Bounds.of(windows)
        self.reach = reach
        self.starts = starts

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        position = 0
        for start, end in self.windows:
            start = max(start, position)
            while start < end:
                found = self._first(text, start, end)
                if found is None:
                    break
                yield found
                start = position = found.end()

    def _first(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The leftmost match of the pattern on the whole text starting in [start, end), or None."""
        if self.reach is not None:
            found = self.regex.search(text, start, min(len(text), end + self.reach + 1))
            return found if found is not None and found.start() < end else None
        match, starts = self.regex.match, self.starts
        while start < end:
            if starts is not None:
                candidate = starts.search(text, start, end)
                if candidate is None:
                    return None
                start = candidate.start()
            found = match(text, start)
            if found is not None:
                return found
            start += 1
        return None
