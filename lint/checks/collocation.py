"""``collocation``: fixed formulations whose verb or whose order of items is fixed.

Two forms, chosen by the params given:

verb (增强“四个意识”, 坚定“四个自信”):
  term: text               the fixed term, with or without quotation marks around it in the draft
  right: [verb, ...]       verbs that go with it; the first is the suggestion
  wrong: [verb, ...]       verbs known to be swapped in (only these are reported, immediately before)

order (政治意识、大局意识、核心意识、看齐意识):
  items: [regex, ...]      the items in their fixed order
  canonical: text          the fixed wording, for the message (``{canonical}``)
  separator: regex         what joins items in a list (default 、 和 与 及)
  anchor: regex            a list is the fixed one only if it contains this (e.g. its last word 自信)
  min_items: int           a shorter list is not taken for the fixed one (default 2)

Both forms take the context conditions of lint.checks.context (unless_preceded_by,
unless_followed_by, unless_quoted, only_if_document_matches, unless_document_matches). A verb rule
gives ``unless_followed_by: 的``: in 增强“两个维护”的自觉性 the term modifies the noun after 的, and
the verb governs that noun, not the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.scan import Scanner
from lint.source import Document

OPENING_QUOTES = "“\"'‘「"
CLOSING_QUOTES = "”\"'’」"
DEFAULT_SEPARATOR = "、|和|与|及"


class CollocationCheck(Check):
    kind = "collocation"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        term = params.string("term")
        items = params.strings("items")
        if bool(term) == bool(items):
            raise params.error("term", "give either 'term' with 'right'/'wrong' verbs or 'items' for an order")
        if term:
            self._configure_verbs(params, term)
        else:
            self._configure_order(params, items)
        self.context = Context(params)

    def _configure_verbs(self, params: Params, term: str) -> None:
        self.right = params.strings("right", required=True)
        wrong = params.strings("wrong", required=True)
        if set(wrong) & set(self.right):
            raise params.error("wrong", "a verb is listed as both right and wrong")
        verbs = "|".join(re.escape(v) for v in sorted(wrong, key=len, reverse=True))
        quoted = f"[{re.escape(OPENING_QUOTES)}]?{re.escape(term)}[{re.escape(CLOSING_QUOTES)}]?"
        self.verb_pattern: re.Pattern[str] | None = re.compile(f"(?P<verb>{verbs})(?P<term>{quoted})")
        self.required = frozenset([term])
        self.order_pattern: re.Pattern[str] | None = None
        self.scanner = Scanner(self.verb_pattern)

    def _configure_order(self, params: Params, items: list[str]) -> None:
        self.canonical = params.string("canonical", required=True) or ""
        self.items = [params.compile(f"items[{i}]", item) for i, item in enumerate(items)]
        if len(self.items) < 2:
            raise params.error("items", "an order needs at least two items")
        alternatives = "|".join(f"(?P<i{i}>{item})" for i, item in enumerate(items))
        separator = params.string("separator", DEFAULT_SEPARATOR)
        self.item_pattern = params.compile("items", alternatives)
        plain = "|".join(f"(?:{item})" for item in items)
        self.order_pattern = params.compile("separator", f"(?:{plain})(?:(?:{separator})(?:{plain}))+")
        self.anchor = params.regex("anchor")
        self.min_items = params.integer("min_items", 2, minimum=2)
        self.verb_pattern = None
        self.scanner = Scanner(self.order_pattern)

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.verb_pattern, self.order_pattern]  # items and anchor are searched in a match only

    @property
    def offers_fix(self) -> bool:
        return self.verb_pattern is not None

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        found = self._verbs(text) if self.verb_pattern is not None else self._orders(text)
        for finding in found:
            if self.context.allows(text, finding.start, finding.end):
                yield finding

    def _verbs(self, text: str) -> Iterator[Finding]:
        assert self.verb_pattern is not None
        for match in self.scanner.finditer(text):
            replacement = self.right[0] + match.group("term")
            yield Finding(match.start(), match.end(), replacement, {"right": "、".join(self.right)})

    def _orders(self, text: str) -> Iterator[Finding]:
        assert self.order_pattern is not None
        for match in self.scanner.finditer(text):
            chain = match.group(0)
            if self.anchor is not None and not self.anchor.search(chain):
                continue
            order = [_index(item) for item in self.item_pattern.finditer(chain)]
            if len(order) < self.min_items or len(set(order)) != len(order):
                continue
            if order != sorted(order):
                yield Finding(match.start(), match.end(), None, {"canonical": self.canonical})


def _index(match: re.Match[str]) -> int:
    return next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)


CHECK = CollocationCheck
