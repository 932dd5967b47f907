"""A Python regular expression rewritten for hyperscan so that it matches at least what ``re`` matches.

The rewrite works on ``re``'s own parse of the pattern, not on its text, and only ever widens:

- every character class is written out as the code point ranges that ``re`` itself matches for it
  (``\\d``, ``\\w``, ``\\s`` and negated classes are computed from ``re``'s answers over all code
  points, so the two engines' Unicode tables cannot disagree), in hyperscan's ``\\x{XXXX}`` form;
- look-arounds, ``^``, ``$``, ``\\b`` and the other zero-width assertions are left out;
- a back-reference becomes the group it refers to (whatever the group matched, the group matches);
  a conditional group becomes either branch; atomic groups and possessive repeats become plain ones;
- a counted repeat bounded above by more than ``WIDEST_COUNTED_REPEAT`` loses its upper bound.

What remains is a pure regular language containing every substring that a match of the original
spans, so hyperscan reports an end offset (and, in SOM mode, a start at or before it) for every
match ``re`` would find. Patterns this cannot rewrite (case-insensitive ones, a reference to a
group not closed yet) raise ``Unsupported`` and run on the pure-Python path, and so do patterns that
begin with ``\\A``: ``re`` tries them at the start of the text only, while their widened form, the
anchor dropped, would be looked for all over it (on the default packs three such rules, which read
the title line, cost 40% of the native scan).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)
from re import _parser as sre_parse  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)
from typing import Any

from lint.checks.scan import CATEGORIES  # the same escapes for re's categories

UNBOUNDED = sre.MAXREPEAT
# A counted repeat with a larger upper bound is written unbounded: hyperscan builds a bounded repeat of
# a multi-byte class as an automaton state per count, and one rule's [^\n。;；]{2,200}? took 19 s of a
# 30 s compile on its own. Dropping the bound only widens (the translation's width and reach still come
# from re's own parse, so windows keep the true bounds). On the default packs the database's first build
# went from 82 s to 14 s; the native scan of the 10 MB benchmark file stayed at 0.72-0.75 s.
WIDEST_COUNTED_REPEAT = 8
LAST_CODE_POINT = 0x10FFFF
SURROGATES = (0xD800, 0xDFFF)  # never in UTF-8 text: left out of every class
Ranges = list[tuple[int, int]]

Parsed = Any  # a pattern parsed by re._parser: its tree of (op, argument) pairs has no type information


class Unsupported(Exception):
    """A construct the rewrite does not handle; the pattern keeps the pure-Python path."""


@dataclass(frozen=True)
class Translation:
    expression: str  # for hyperscan (UTF-8 mode)
    width: int | None  # the most characters a match spans (None: no bound)
    reach: int | None  # the most characters after a match's start that matching it may look at


def translate(pattern: re.Pattern[str]) -> Translation:
    """The widened form of ``pattern`` and its bounds; raises Unsupported."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.LOCALE):
        raise Unsupported("case-insensitive or bytes pattern")
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError) as error:
        raise Unsupported(str(error)) from None
    low, high = parsed.getwidth()
    if low < 1:
        raise Unsupported("can match the empty string")
    if len(parsed) and parsed[0] == (sre.AT, sre.AT_BEGINNING_STRING):
        raise Unsupported("anchored at the start of the text: re tries it at one position")
    writer = _Writer(pattern.flags)
    expression = writer.sequence(parsed, pattern.flags)
    width = None if high >= UNBOUNDED else high
    reach = writer.reach(parsed)
    return Translation(expression, width, reach)


class _Writer:
    def __init__(self, flags: int) -> None:
        self.groups: dict[int, str] = {}  # group number -> its rewritten body (for back-references)
        self.group_bodies: dict[int, Parsed] = {}  # group number -> its parsed body (for reach)

    def sequence(self, items: Parsed, flags: int) -> str:
        return "".join(self.item(op, av, flags) for op, av in items)

    def item(self, op: Parsed, av: Parsed, flags: int) -> str:
        if op is sre.LITERAL:
            return _class([(av, av)])
        if op is sre.NOT_LITERAL:
            return _class(_complement([(av, av)]))
        if op is sre.ANY:
            return _class(_all() if flags & re.DOTALL else _complement([(10, 10)]))
        if op is sre.IN:
            return _class(class_ranges(av, flags))
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return ""
        if op is sre.BRANCH:
            return "(?:" + "|".join(self.sequence(branch, flags) for branch in av[1]) + ")"
        if op is sre.SUBPATTERN:
            group, add, remove, body = av
            if add & re.IGNORECASE:
                raise Unsupported("case-insensitive group")
            inner = self.sequence(body, (flags | add) & ~remove)
            if group is not None:
                self.groups[group], self.group_bodies[group] = inner, body
            return f"(?:{inner})"
        if op is sre.ATOMIC_GROUP:
            return f"(?:{self.sequence(av, flags)})"
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            if high == 0:
                return ""
            bounds = f"{{{low},}}" if high > WIDEST_COUNTED_REPEAT else f"{{{low},{high}}}"
            return f"(?:{self.sequence(body, flags)}){bounds}"
        if op is sre.GROUPREF:
            if av not in self.groups:
                raise Unsupported("reference to a group not closed yet")
            return f"(?:{self.groups[av]})"
        if op is sre.GROUPREF_EXISTS:
            _, yes, no = av
            return f"(?:{self.sequence(yes, flags)}|{self.sequence(no, flags) if no is not None else ''})"
        raise Unsupported(f"operator {op}")

    def reach(self, items: Parsed) -> int | None:
        """An upper bound of how far past a match's start matching may look: consumed characters, and
        what a look-ahead at the end of them inspects. None when there is no bound."""
        total = 0
        for op, av in items:
            step = self._reach(op, av)
            if step is None:
                return None
            total += step
        return total

    def _reach(self, op: Parsed, av: Parsed) -> int | None:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
            return 1
        if op is sre.AT:
            return 0
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, body = av
            return 0 if direction < 0 else self.reach(body)
        if op is sre.BRANCH:
            return _most(self.reach(branch) for branch in av[1])
        if op is sre.SUBPATTERN:
            return self.reach(av[-1])
        if op is sre.ATOMIC_GROUP:
            return self.reach(av)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _, high, body = av
            inner = self.reach(body)
            return None if inner is None or high >= UNBOUNDED else inner * high
        if op is sre.GROUPREF:
            return self.reach(self.group_bodies[av])
        if op is sre.GROUPREF_EXISTS:
            _, yes, no = av
            return _most([self.reach(yes), 0 if no is None else self.reach(no)])
        return None


def _most(values: Iterable[int | None]) -> int | None:
    result = 0
    for value in values:
        if value is None:
            return None
        result = max(result, value)
    return result


def class_ranges(items: list[tuple[Parsed, Parsed]], flags: int) -> Ranges:
    """The code points ``re`` matches for a parsed class ``[...]``, as sorted disjoint ranges."""
    ranges: Ranges = []
    negated = False
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            ranges.append((av, av))
        elif op is sre.RANGE:
            ranges.append(av)
        elif op is sre.CATEGORY:
            ranges += category_ranges(av, bool(flags & re.ASCII))
        else:
            raise Unsupported(f"class item {op}")
    merged = _merge(ranges)
    return _complement(merged) if negated else merged


@functools.cache
def category_ranges(category: Parsed, ascii_only: bool) -> Ranges:
    """What ``re`` matches for ``\\d``, ``\\w``... asked of ``re`` itself, over every code point."""
    escape = CATEGORIES.get(category)
    if escape is None:
        raise Unsupported(f"category {category}")
    matcher = re.compile(f"{escape}+", re.ASCII if ascii_only else 0)
    return [(run.start(), run.end() - 1) for run in matcher.finditer(_every_character())]


@functools.cache
def _every_character() -> str:
    return "".join(map(chr, range(LAST_CODE_POINT + 1)))  # index = code point


def _merge(ranges: Ranges) -> Ranges:
    merged: Ranges = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _complement(ranges: Ranges) -> Ranges:
    result: Ranges = []
    next_low = 0
    for low, high in _merge(ranges):
        if low > next_low:
            result.append((next_low, low - 1))
        next_low = high + 1
    if next_low <= LAST_CODE_POINT:
        result.append((next_low, LAST_CODE_POINT))
    return result


def _all() -> Ranges:
    return [(0, LAST_CODE_POINT)]


def _class(ranges: Ranges) -> str:
    """A hyperscan class of ``ranges`` without surrogates; an empty one cannot be written."""
    low_surrogate, high_surrogate = SURROGATES
    pieces = []
    for low, high in ranges:
        for part_low, part_high in ((low, min(high, low_surrogate - 1)), (max(low, high_surrogate + 1), high)):
            if part_low <= part_high:
                pieces.append(_code(part_low) if part_low == part_high else f"{_code(part_low)}-{_code(part_high)}")
    if not pieces:
        raise Unsupported("a class that matches nothing in UTF-8 text")
    return "[" + "".join(pieces) + "]"


def _code(point: int) -> str:
    return f"\\x{{{point:X}}}"
