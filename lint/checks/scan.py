"""Faster ``finditer`` for a rule's regex, with the same matches.

Python's ``re`` skips quickly to where a match can start only when the pattern begins with a literal
or a character class. A pattern that begins with a lookbehind (``(?<![A-Z])XX``), a repeat
(``\\d{4}年``) or a group of such alternatives is tried at every character of the document. For
those, ``Scanner`` reads from the parsed pattern the characters a match can start with, finds them
with a character class (which ``re`` does skip to) and tries the pattern only there.

Only patterns that cannot match the empty string are scanned this way: every match then starts with
one of those characters, so trying the pattern at each of them in order and going on after each
match finds exactly what ``pattern.finditer`` finds (lookbehinds, ``\\b`` and ``^`` see the text
before the position as in a search).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from re import _constants as sre  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)
from re import _parser as sre_parse  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)
from typing import Any

from lint.regexes import compiled

CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
GLOBAL_FLAGS = compiled(r"\A(?:\(\?[aiLmsux]+\))+")


class _Unknown(Exception):
    """A construct whose first character is not worked out here (backreference, negated class, .)."""


class Scanner:
    """``Scanner(pattern).finditer(text)``: the non-empty matches of ``pattern.finditer(text)``, in order
    (a pattern it cannot scan is searched by ``finditer`` itself, empty matches included)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.regex = pattern
        self.starts = starting_characters(pattern) if not _skips_by_itself(pattern) else None
        self.gate = None if self.starts is None else _gate(pattern, self.starts)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.starts is None:
            yield from self.regex.finditer(text)
            return
        # the gate finds where the pattern matches (re skips to its first character); the match
        # itself, with its end and groups, is then taken from the pattern
        search, match = (self.gate or self.starts).search, self.regex.match
        position = 0
        while (candidate := search(text, position)) is not None:
            start = candidate.start()
            found = match(text, start)
            if found is None:
                position = start + 1
            else:
                yield found
                position = found.end()


def _gate(pattern: re.Pattern[str], starts: re.Pattern[str]) -> re.Pattern[str] | None:
    """A first character after which, looking back one character, the pattern matches: it begins
    with a class, so re skips to the candidates and tries the pattern there itself, in C. None
    when the pattern cannot be embedded."""
    source = GLOBAL_FLAGS.sub("", pattern.pattern)  # kept in pattern.flags
    try:
        return re.compile(f"{starts.pattern}(?<=(?={source})[\\s\\S])", pattern.flags)
    except (re.error, RecursionError, OverflowError):
        return None


def starting_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class holding the first character of every match, or None when unknown or when
    the pattern can match the empty string."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        pieces, nullable = _first(sre_parse.parse(pattern.pattern, pattern.flags))
    except (_Unknown, re.error, RecursionError):
        return None
    if nullable or not pieces:
        return None
    return re.compile("[" + "".join(dict.fromkeys(pieces)) + "]", pattern.flags & re.ASCII)


Parsed = Any  # a pattern parsed by re._parser: its tree of (op, argument) pairs has no type information


def _first(sequence: Parsed) -> tuple[list[str], bool]:
    """The class items a match of ``sequence`` can start with, and whether it can match empty."""
    pieces: list[str] = []
    for op, av in sequence:
        if op is sre.LITERAL:
            return [*pieces, re.escape(chr(av))], False
        if op is sre.IN:
            return [*pieces, *(_class_item(item_op, item) for item_op, item in av)], False
        if op in ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            inner, nullable = _first(av[-1] if op is sre.SUBPATTERN else av)
        elif op is sre.BRANCH:
            alternatives = [_first(alternative) for alternative in av[1]]
            inner = [piece for alternative, _ in alternatives for piece in alternative]
            nullable = any(empty for _, empty in alternatives)
        elif op in REPEATS:
            minimum, _, repeated = av
            inner, nullable = _first(repeated)
            nullable = nullable or minimum == 0
        else:
            raise _Unknown(op)
        pieces += inner
        if not nullable:
            return pieces, False
    return pieces, True


def _class_item(op: Parsed, av: Parsed) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        low, high = av
        return f"{re.escape(chr(low))}-{re.escape(chr(high))}"
    if op is sre.CATEGORY and av in CATEGORIES:
        return CATEGORIES[av]
    raise _Unknown(op)  # a negated class


def _skips_by_itself(pattern: re.Pattern[str]) -> bool:
    """Whether ``re`` already skips to the pattern's first character (a literal, a class, or
    alternatives that all begin with a literal), as its compiler's prefix analysis does."""
    try:
        sequence = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return True
    while True:
        if not sequence.data:
            return False
        op, av = sequence.data[0]
        if op is not sre.SUBPATTERN:
            break
        sequence = av[-1]
    if op is sre.LITERAL or op is sre.IN:
        return True
    return op is sre.BRANCH and all(alt.data and alt.data[0][0] is sre.LITERAL for alt in av[1])


MAX_CLASS_LITERALS = 8  # a class of more characters than this says too little to be worth a search


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one; None when none are known.

    Read from the parsed pattern: a run of literal characters outside any optional part, or one
    such string from every alternative of a group. Of the candidates the one with the longest
    shortest string is kept (the rarer it is likely to be). Lookarounds are left out: what they
    require need not lie inside the match, and a text with no match needs no search at all.
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _required(sre_parse.parse(pattern.pattern, pattern.flags))
    except (re.error, RecursionError):
        return None
    return frozenset(found) if found else None


def _required(sequence: Parsed) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _strength(candidate) > _strength(best)):
            best = candidate

    for op, av in sequence:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        consider({"".join(run)} if run else None)
        run = []
        if op is sre.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # (?i:about) matches About: its letters are no word to look for
                consider(_required(av[-1]))
        elif op is sre.ATOMIC_GROUP:
            consider(_required(av))
        elif op is sre.BRANCH:
            alternatives = [_required(alternative) for alternative in av[1]]
            if all(alternatives):
                consider(set[str]().union(*alternatives))  # type: ignore[arg-type]  # all() above: none is None
        elif op in REPEATS and av[0] >= 1:
            consider(_required(av[2]))
        elif op is sre.IN:
            consider(_class_literals(av))
    consider({"".join(run)} if run else None)
    return best


def _class_literals(items: list[tuple[Parsed, Parsed]]) -> set[str] | None:
    if len(items) > MAX_CLASS_LITERALS or not all(op is sre.LITERAL for op, _ in items):
        return None
    return {chr(av) for _, av in items}


def _strength(words: set[str]) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


# Characters searched word by word before the shared scan. Up to about this length, ~350 searches with
# ``in`` cost less than the shared scan, which compiles its alternation again after each word it finds:
# on a 60,000-character report 8,000 took 29 ms here, 32,000 took 3 ms (a 1 MB file: 46 -> 35 ms).
HEAD = 32_000


def trie_pattern(words: Sequence[str]) -> str:
    """A regex matching where any of ``words`` (sorted, non-empty) begins, branching once per distinct
    character: ``re`` tries the alternatives of a group one by one at every candidate position, so
    ``工作|工程`` as ``工(?:作|程)`` tries a third fewer of them here (on absent words over 10 MB)."""
    branches = []
    start = 0
    while start < len(words):
        first = words[start][0]
        end = start
        while end < len(words) and words[end][0] == first:
            end += 1
        rests = [word[1:] for word in words[start:end]]
        longer = [rest for rest in rests if rest]
        if not longer:
            branches.append(re.escape(first))
        elif len(longer) == 1 and len(rests) == 1:
            branches.append(re.escape(first + longer[0]))
        else:
            optional = "?" if len(longer) < len(rests) else ""
            branches.append(f"{re.escape(first)}(?:{trie_pattern(longer)}){optional}")
        start = end
    return "|".join(branches)


def _pairs(text: str) -> set[str]:
    """Every two neighbouring characters of ``text`` (0.3 s for 10 MB): on a large document the
    alternation of a thousand words, searched over the whole text, costs ten times that, and most of
    the words a pack requires are absent, most with a pair of characters that never occurs."""
    return {text[index : index + 2] for index in range(len(text) - 1)}


def _pairs_in(word: str, pairs: set[str]) -> bool:
    return all(word[index : index + 2] in pairs for index in range(len(word) - 1))


def present_words(words: Iterable[str], text: str) -> set[str]:
    """The ``words`` that occur in ``text``: the same set as ``{w for w in words if w in text}``.

    One character is looked for with ``in`` (a fast scan), and so is every word in the first
    ``HEAD`` characters. The other words, less those with a pair of neighbouring characters the text
    never has, share one scan: the alternation of those not yet found is searched from where the last
    one was found, so the text is read once, however many words.
    """
    wanted = set(words)
    found = {word for word in wanted if len(word) == 1 and word in text}
    head = text[:HEAD]  # most words that occur at all occur early: finding them here saves recompiling
    characters = set(head)  # a word with a character not in the head is not in it: no scan for it
    found |= {word for word in wanted if len(word) > 1 and characters.issuperset(word) and word in head}
    if len(text) <= HEAD:
        return found
    pairs = _pairs(text)  # a word whose neighbouring characters never stand together is not in the text
    remaining = sorted(word for word in wanted - found if len(word) > 1 and _pairs_in(word, pairs))
    position = 0
    while remaining:
        alternation = re.compile(trie_pattern(remaining))
        match = alternation.search(text, position)
        if match is None:
            break
        start = match.start()
        hits = {word for word in remaining if text.startswith(word, start)}
        found |= hits
        remaining = [word for word in remaining if word not in hits]
        position = start + 1  # no remaining word starts before here: the search found the leftmost
    return found
