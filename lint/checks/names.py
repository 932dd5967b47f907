"""``names``: garbled forms of protected names (习习近平, 近习平, 习进平), or protected names out of order.

Variant mode, params:
  names: [name, ...]            protected names; their garbled forms are generated, never listed
  classes: [class, ...]         variant classes generated for names of 3+ characters
  short_classes: [class, ...]   variant classes for 2-character names (their swaps and homophones
                                are ordinary words or other people's names: 强李, 李奇)
  similar: {char: chars}        confusion set: a character and the characters mistyped for it
  joining_words: [word, ...]    words that absorb a doubled edge character (学习 in 学习习近平,
                                平时 in 习近平平时); jieba's dictionary is consulted after these
  Classes: doubled-first (习习近平), doubled-inner (习近近平), doubled-last (习近平平),
  swapped (近习平, 习平近), similar (习进平).

Order mode, params:
  order: [name, ...]            the protocol order; a listing of two or more of them out of order is reported
  separator: regex              what stands between two names of one listing (、 ， 同志、)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.records import record
from lint.source import Document

CLASSES = ("doubled-first", "doubled-inner", "doubled-last", "swapped", "similar")
EDGE_REACH = 4  # longest joining word looked for around a doubled edge character


@record(frozen=True, slots=True)
class Variant:
    text: str
    name: str
    variant_class: str


class NamesCheck(Check):
    kind = "names"
    default_fix = "safe"

    def configure(self, params: Params) -> None:
        order = params.strings("order")
        names = params.strings("names")
        if bool(order) == bool(names):
            raise params.error("names", "give exactly one of 'names' (variants) or 'order' (listing order)")
        self.order = order
        if order:
            self._configure_order(params, order)
        else:
            self._configure_variants(params, names)

    @property
    def offers_fix(self) -> bool:
        return not self.order

    def find(self, document: Document) -> Iterator[Finding]:
        return self._find_disorder(document.text) if self.order else self._find_variants(document.text)

    # -- variants -------------------------------------------------------------------------------

    def _configure_variants(self, params: Params, names: list[str]) -> None:
        classes = _classes(params, "classes", list(CLASSES))
        short_classes = _classes(params, "short_classes", ["doubled-first"])
        similar = params.mapping("similar")
        for char, chars in similar.items():
            if not isinstance(char, str) or len(char) != 1 or not isinstance(chars, str) or not chars:
                raise params.error("similar", "maps one character to a string of confusable characters")
        self.joining_words = frozenset(params.strings("joining_words"))
        self.variants: dict[str, Variant] = {}
        for name in names:
            if len(name) < 2:
                raise params.error("names", f"'{name}' is too short to protect")
            wanted = short_classes if len(name) == 2 else classes
            for variant in _variants(name, wanted, similar):
                if variant.text not in names:
                    self.variants.setdefault(variant.text, variant)
        alternatives = sorted(self.variants, key=len, reverse=True)
        self.variant_pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None

    def _find_variants(self, text: str) -> Iterator[Finding]:
        if self.variant_pattern is None:
            return
        for match in self.variant_pattern.finditer(text):
            variant = self.variants[match.group()]
            if self._edge_belongs_to_neighbour(text, match.start(), match.end(), variant.variant_class):
                continue
            yield Finding(match.start(), match.end(), variant.name, {"name": variant.name})

    def _edge_belongs_to_neighbour(self, text: str, start: int, end: int, variant_class: str) -> bool:
        """学习习近平 and 习近平平时 are correct: the doubled character is part of the next word."""
        if variant_class == "doubled-first":
            words = (text[start - size : start + 1] for size in range(1, min(EDGE_REACH, start + 1)))
        elif variant_class == "doubled-last":
            words = (text[end - 1 : end - 1 + size] for size in range(2, EDGE_REACH + 1) if end - 1 + size <= len(text))
        else:
            return False
        candidates = [word for word in words if len(word) >= 2]
        if any(word in self.joining_words for word in candidates):
            return True
        return any(segment.is_dictionary_word(word) for word in candidates)

    # -- order ----------------------------------------------------------------------------------

    def _configure_order(self, params: Params, order: list[str]) -> None:
        if len(set(order)) != len(order):
            raise params.error("order", "lists a name twice")
        self.rank = {name: index for index, name in enumerate(order)}
        self.separator = params.regex("separator", required=True)
        if self.separator is not None and self.separator.fullmatch(""):
            raise params.error("separator", "matches the empty string")
        alternatives = sorted(order, key=len, reverse=True)
        self.name_pattern = re.compile("|".join(map(re.escape, alternatives)))

    def _find_disorder(self, text: str) -> Iterator[Finding]:
        for listing in self._listings(text):
            found = [match.group() for match in listing]
            expected = sorted(found, key=self.rank.__getitem__)
            if found != expected:
                yield Finding(listing[0].start(), listing[-1].end(), None, {"expected": "、".join(expected)})

    def _listings(self, text: str) -> Iterator[list[re.Match[str]]]:
        """Runs of two or more names joined only by separators."""
        run: list[re.Match[str]] = []
        for match in self.name_pattern.finditer(text):
            if run and self.separator.fullmatch(text, run[-1].end(), match.start()):
                run.append(match)
                continue
            if len(run) >= 2:
                yield run
            run = [match]
        if len(run) >= 2:
            yield run


def _classes(params: Params, key: str, default: list[str]) -> list[str]:
    chosen = default if params.raw(key) is None else params.strings(key)
    unknown = [c for c in chosen if c not in CLASSES]
    if unknown:
        raise params.error(key, f"unknown variant class '{unknown[0]}' (known: {', '.join(CLASSES)})")
    return chosen


def _variants(name: str, classes: list[str], similar: dict[str, str]) -> Iterator[Variant]:
    last = len(name) - 1
    for index, char in enumerate(name):
        doubled = "doubled-first" if index == 0 else "doubled-last" if index == last else "doubled-inner"
        if doubled in classes:
            yield Variant(name[:index] + char + name[index:], name, doubled)
        if "similar" in classes:
            for other in similar.get(char, ""):
                yield Variant(name[:index] + other + name[index + 1 :], name, "similar")
        if "swapped" in classes and index < last and name[index + 1] != char:
            yield Variant(name[:index] + name[index + 1] + char + name[index + 2 :], name, "swapped")


CHECK = NamesCheck
