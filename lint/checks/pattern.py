"""``pattern``: literal words or regular expressions that should not stand in a draft.

params (give exactly one of ``words``, ``regex`` or ``order``):
  words: [literal, ...]        any of these strings
  regex: pattern               or one regular expression; a group named ``hit`` narrows the span
  order: [item, ...]           or the items of a fixed formulation in their official order: reports a
                               run of all of them, each once, in any other order (四个意识 …)
  separators: [string, ...]    with ``order``: what may join the items (default ["、"]; "" allowed)
  whole_line: bool             the regex must match a whole line (residue lines)
  typed_only: bool             report only spans that stand in the file as matched: in Markdown the
                               reader blanks markup (**, `code`, tags) to spaces, which a rule about
                               typed spaces must not take for spaces (nor delete with its fix)
  skip_formats: [format, ...]  report nothing in documents of these formats (text, markdown, docx):
                               what is a typing slip in a draft may be syntax in Markdown (the space
                               in ``1. 项目`` makes an ordered list item)
  replacement: template        optional fix; ``\\g<name>`` references allowed
  translate: {from: s, to: t}  optional fix instead: map characters of the match (０→0, 零→〇);
                               ``to`` is one character (all map to it) or as long as ``from``
  unless_document_has: template  report nothing when the document contains this regex, once each
                               ``{group}`` in it is replaced by what that named group of the match
                               holds (escaped): 十九大精神 is left alone where the draft writes 党的十九大
                               anywhere, but not where it writes only 党的十八大
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.scan import Scanner, required_words
from lint.regexes import compiled
from lint.source import Document

FORMATS = frozenset({"text", "markdown", "docx"})  # lint.document.Document.format
PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")  # {group} in unless_document_has; {2} stays a quantifier


class PatternCheck(Check):
    kind = "pattern"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        words = params.strings("words")
        regex = params.string("regex")
        self.order = params.strings("order")
        separators = params.raw("separators", ["、"])
        if sum(map(bool, (words, regex, self.order))) != 1:
            raise params.error("regex", "give exactly one of 'words', 'regex' or 'order'")
        if words:
            source = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            key = "words"
        elif self.order:
            source, key = _order_source(params, self.order, separators), "order"
        else:
            source, key = regex, "regex"  # type: ignore[assignment]  # exactly one of the three is given (checked above)
        self.whole_line = params.boolean("whole_line", False)
        self.typed_only = params.boolean("typed_only", False)
        self.skipped_formats = frozenset(params.strings("skip_formats"))
        if not self.skipped_formats <= FORMATS:
            unknown = sorted(self.skipped_formats - FORMATS)[0]
            raise params.error("skip_formats", f"unknown format {unknown!r} (formats: {', '.join(sorted(FORMATS))})")
        self.pattern = params.compile(key, source if not self.whole_line else f"(?:{source})\\Z")
        if self.pattern.search("") is not None and not self.whole_line:
            raise params.error(key, "matches the empty string")
        self.replacement = params.string("replacement")
        if self.replacement is not None:
            try:
                self.pattern.sub(self.replacement, "")
            except (re.error, IndexError) as error:
                raise params.error("replacement", f"invalid template: {error}") from None
        self.translation = _translation(params)
        if self.translation is not None and self.replacement is not None:
            raise params.error("translate", "give either 'replacement' or 'translate', not both")
        self.context = Context(params)
        self.document_has = params.string("unless_document_has")
        if self.document_has is not None:
            strays = sorted(set(PLACEHOLDER.findall(self.document_has)) - set(self.pattern.groupindex))
            if strays:
                raise params.error("unless_document_has", f"names no group of the pattern: {strays[0]}")
        self.scanner = Scanner(self.pattern)
        self.required = required_words(self.pattern)  # one of these is in every match

    def patterns(self) -> list[re.Pattern[str]]:
        return [] if self.whole_line else [self.pattern]  # a whole-line pattern sees one line only

    @property
    def offers_fix(self) -> bool:
        return self.replacement is not None or self.translation is not None or bool(self.order)

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if document.format in self.skipped_formats or not self.context.allows_document(text):
            return
        if self.whole_line:
            yield from self._find_lines(document)
            return
        source = document.typed_text if self.typed_only else text
        for match in self.scanner.finditer(text):
            if match.end() > match.start():
                finding = self._finding(match, 0)
                if finding is None or source[finding.start : finding.end] != text[finding.start : finding.end]:
                    continue
                if self.context.allows(text, finding.start, finding.end) and not self._document_has(text, match):
                    yield finding

    def _document_has(self, text: str, match: re.Match[str]) -> bool:
        """Whether ``unless_document_has``, filled in from ``match``, occurs in ``text``."""
        if self.document_has is None:
            return False
        source = PLACEHOLDER.sub(lambda name: re.escape(match.group(name.group(1)) or ""), self.document_has)
        return compiled(source).search(text) is not None

    def _find_lines(self, document: Document) -> Iterator[Finding]:
        text = document.text
        for start, end in document.paragraphs():
            line = text[start:end]
            stripped = line.strip()
            if not stripped:
                continue
            match = self.pattern.match(stripped)
            if match:
                finding = self._finding(match, start + line.index(stripped))
                if finding is not None and self.context.allows(text, finding.start, finding.end):
                    yield finding

    def _finding(self, match: re.Match[str], offset: int) -> Finding | None:
        if self.order:
            return self._order_finding(match, offset)
        group = "hit" if "hit" in self.pattern.groupindex and match.group("hit") is not None else 0
        start, end = match.start(group) + offset, match.end(group) + offset
        if self.translation is not None:
            replacement: str | None = match.group(group).translate(self.translation)
        else:
            replacement = None if self.replacement is None else match.expand(self.replacement)
        return Finding(start, end, replacement, {k: v or "" for k, v in match.groupdict().items()})

    def _order_finding(self, match: re.Match[str], offset: int) -> Finding | None:
        items = [match.group(f"item{i}") for i in range(len(self.order))]
        if sorted(items) != sorted(self.order) or items == self.order:
            return None
        right = match.group("sep").join(self.order)
        return Finding(match.start() + offset, match.end() + offset, right, {"right": right})


def _order_source(params: Params, order: list[str], separators: object) -> str:
    if len(order) < 2 or len(set(order)) != len(order):
        raise params.error("order", "needs at least two different items")
    if not isinstance(separators, list) or not all(isinstance(s, str) for s in separators) or not separators:
        raise params.error("separators", "must be a non-empty list of strings")
    item = "|".join(re.escape(i) for i in sorted(order, key=len, reverse=True))
    sep = "|".join(re.escape(s) for s in sorted(separators, key=len, reverse=True))
    rest = "".join(f"(?P=sep)(?P<item{i}>{item})" for i in range(2, len(order)))
    return f"(?P<item0>{item})(?P<sep>{sep})(?P<item1>{item}){rest}"


def _translation(params: Params) -> dict[int, str] | None:
    mapping = params.mapping("translate")
    if not mapping:
        return None
    source, target = mapping.get("from"), mapping.get("to")
    if set(mapping) != {"from", "to"} or not isinstance(source, str) or not isinstance(target, str):
        raise params.error("translate", "must be a mapping with string fields 'from' and 'to'")
    if not source or (len(target) != 1 and len(target) != len(source)):
        raise params.error("translate", "'to' must be one character or as long as 'from'")
    targets = target * len(source) if len(target) == 1 else target
    return {ord(a): b for a, b in zip(source, targets, strict=True)}


CHECK = PatternCheck
