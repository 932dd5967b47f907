"""``collocation``: fixed formulations whose verb or whose order of items is fixed, and verbs that
cannot govern an object.

Three forms, chosen by the params given:

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

objects (增强……水平, 发挥……主体责任, 培养……环境: a verb that cannot govern an object's head noun):
  objects: [entry, ...]    each {heads: [noun, ...], wrong: [verb, ...], right: [verb, ...]}, optionally
                           unless_preceded_by: regex (the text just before the verb that makes it part
                           of a noun, not the predicate: 人才培养环境) and gap: regex (this entry's own
                           ``gap``); ``right``'s first is the suggestion
  window: int              characters at most between the verb and the head (default 12)
  gap: regex               a character class of what may stand between them (default: anything but
                           clause punctuation, quotation marks and brackets)
  object_end: regex        what must follow the head: it ends the object (default: clause punctuation
                           or the line's end), so 加强……质量管理 and 提高……规模和比例 are not read as
                           the verb governing 质量 or 规模
  unless_gap: regex        the verb is no predicate of the head when what stands between starts with this
                           (扩大开放的力度: a verb with its own short object and 的 modifies the head;
                           饮水提升工程、……提升等项目建设: the verb ends a name or a list's item)
  blocking: [verb, ...]    verbs that, standing between, govern the head instead (促进……发挥作用);
                           every entry's right and wrong verbs block too (加强和提高……水平); one
                           followed by 的 does not: it is in a modifier (取得……相互促进的良好格局)
  A finding spans the verb to the head; its fix (unsafe) puts the first right verb for the wrong one.

All three forms take the context conditions of lint.checks.context (unless_preceded_by,
unless_followed_by, unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches,
unless_document_matches, unless_header_matches). A verb rule
gives ``unless_followed_by: 的``: in 增强“两个维护”的自觉性 the term modifies the noun after 的, and
the verb governs that noun, not the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.scan import Scanner
from lint.source import Document

OPENING_QUOTES = "“\"'‘「"
CLOSING_QUOTES = "”\"'’」"
DEFAULT_SEPARATOR = "、|和|与|及"
DEFAULT_WINDOW = 12
DEFAULT_GAP = "[^，。；、：！？,.;:!?\\r\\n“”‘’\"'「」《》（）()]"
DEFAULT_OBJECT_END = "[，。；：！？,.;:!?\\r\\n]|$"


@dataclass(frozen=True)
class ObjectEntry:
    """One row of the objects table: head nouns, the verbs that cannot govern them, the ones that can."""

    pattern: re.Pattern[str]
    right: tuple[str, ...]
    scanner: Scanner
    before: re.Pattern[str] | None


class CollocationCheck(Check):
    kind = "collocation"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        term = params.string("term")
        items = params.strings("items")
        objects = params.raw("objects")
        if [bool(term), bool(items), objects is not None].count(True) != 1:
            raise params.error(
                "term", "give one of 'term' with 'right'/'wrong' verbs, 'items' for an order, 'objects' for a table"
            )
        self.verb_pattern: re.Pattern[str] | None = None
        self.order_pattern: re.Pattern[str] | None = None
        self.entries: list[ObjectEntry] = []
        if term:
            self._configure_verbs(params, term)
        elif items:
            self._configure_order(params, items)
        else:
            self._configure_objects(params, objects)
        self.context = Context(params)

    def _configure_verbs(self, params: Params, term: str) -> None:
        self.right = params.strings("right", required=True)
        wrong = params.strings("wrong", required=True)
        if set(wrong) & set(self.right):
            raise params.error("wrong", "a verb is listed as both right and wrong")
        verbs = "|".join(re.escape(v) for v in sorted(wrong, key=len, reverse=True))
        quoted = f"[{re.escape(OPENING_QUOTES)}]?{re.escape(term)}[{re.escape(CLOSING_QUOTES)}]?"
        self.verb_pattern = re.compile(f"(?P<verb>{verbs})(?P<term>{quoted})")
        self.required = frozenset([term])
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
        self.scanner = Scanner(self.order_pattern)

    def _configure_objects(self, params: Params, objects: object) -> None:
        if not isinstance(objects, list) or not objects or not all(isinstance(entry, dict) for entry in objects):
            raise params.error("objects", "must be a non-empty list of {heads, wrong, right} mappings")
        window = params.integer("window", DEFAULT_WINDOW, minimum=0, maximum=40)
        gap = params.string("gap", DEFAULT_GAP)
        end = params.string("object_end", DEFAULT_OBJECT_END)
        params.compile("gap", gap)
        params.compile("object_end", end)
        rows = [_object_row(params, f"objects[{i}]", entry) for i, entry in enumerate(objects)]
        unless_gap = params.string("unless_gap")
        self.unless_gap = None if unless_gap is None else params.compile("unless_gap", unless_gap)
        blocking = set(params.strings("blocking")) | {verb for row in rows for verb in (*row[2], *row[3])}
        blocked = _alternatives(blocking)
        for key, heads, wrong, right, before, own_gap in rows:
            between = gap if own_gap is None else params.compile(f"{key}.gap", own_gap).pattern
            source = (
                f"(?P<verb>{_alternatives(wrong)})(?P<mid>(?:(?!(?:{blocked})(?!的)){between}){{0,{window}}}?)"
                f"(?P<object>{_alternatives(heads)})(?=(?:{end}))"
            )
            pattern = params.compile(key, source)
            unless = None if before is None else params.compile(f"{key}.unless_preceded_by", f"(?:{before})\\Z")
            self.entries.append(ObjectEntry(pattern, tuple(right), Scanner(pattern), unless))
        self.required = frozenset(verb for row in rows for verb in row[2])

    def patterns(self) -> list[re.Pattern[str] | None]:
        # items and anchor are searched in a match only
        return [self.verb_pattern, self.order_pattern, *(entry.pattern for entry in self.entries)]

    @property
    def offers_fix(self) -> bool:
        return self.order_pattern is None

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        if self.verb_pattern is not None:
            found = self._verbs(text)
        elif self.order_pattern is not None:
            found = self._orders(text)
        else:
            found = self._objects(text)
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

    def _objects(self, text: str) -> Iterator[Finding]:
        for entry in self.entries:
            for match in entry.scanner.finditer(text):
                start = match.start()
                if entry.before is not None and entry.before.search(text, max(0, start - 10), start):
                    continue
                if self.unless_gap is not None and self.unless_gap.match(match.group("mid")):
                    continue
                replacement = entry.right[0] + match.group("mid") + match.group("object")
                fields = {"verb": match.group("verb"), "object": match.group("object"), "right": "、".join(entry.right)}
                yield Finding(start, match.end(), replacement, fields)


def _object_row(
    params: Params, key: str, entry: dict[str, object]
) -> tuple[str, list[str], list[str], list[str], str | None, str | None]:
    """One entry of ``objects`` checked: (its key, heads, wrong verbs, right verbs, unless_preceded_by, gap)."""
    unknown = set(entry) - {"heads", "wrong", "right", "unless_preceded_by", "gap"}
    if unknown:
        raise params.error(f"{key}.{sorted(unknown)[0]}", "unknown field of an objects entry")
    lists = []
    for name in ("heads", "wrong", "right"):
        value = entry.get(name)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            raise params.error(f"{key}.{name}", "must be a non-empty list of non-empty strings")
        lists.append(value)
    heads, wrong, right = lists
    if set(wrong) & set(right):
        raise params.error(f"{key}.wrong", "a verb is listed as both right and wrong")
    optional = []
    for name in ("unless_preceded_by", "gap"):
        value = entry.get(name)
        if value is not None and not isinstance(value, str):
            raise params.error(f"{key}.{name}", "must be a string")
        optional.append(value)
    return key, heads, wrong, right, optional[0], optional[1]


def _alternatives(words: object) -> str:
    """The words as one regex alternation, longest first (so 加强 is tried before 加)."""
    assert isinstance(words, (list, set, tuple))
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def _index(match: re.Match[str]) -> int:
    return next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)


CHECK = CollocationCheck
