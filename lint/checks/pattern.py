"""``pattern``: literal words or regular expressions that should not stand in a draft.

params:
  words: [literal, ...]        any of these strings
  regex: pattern               or one regular expression; a group named ``hit`` narrows the span
  whole_line: bool             the regex must match a whole line (residue lines)
  replacement: template        optional fix; ``\\g<name>`` references allowed
  unless_preceded_by / unless_followed_by: regex  context in which a match is legitimate
  only_if_document_matches: regex  report only in documents where this also occurs (a style the
                               document itself breaks, e.g. quoted items both with and without 顿号)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.source import Document


class PatternCheck(Check):
    kind = "pattern"
    default_fix = "unsafe"

    def configure(self, params: Params) -> None:
        words = params.strings("words")
        regex = params.string("regex")
        if bool(words) == bool(regex):
            raise params.error("regex", "give exactly one of 'words' or 'regex'")
        if words:
            source = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            key = "words"
        else:
            source, key = regex, "regex"
        self.whole_line = params.boolean("whole_line", False)
        self.pattern = params.compile(key, source if not self.whole_line else f"(?:{source})\\Z")
        if self.pattern.search("") is not None and not self.whole_line:
            raise params.error(key, "matches the empty string")
        self.replacement = params.string("replacement")
        if self.replacement is not None:
            try:
                self.pattern.sub(self.replacement, "")
            except (re.error, IndexError) as error:
                raise params.error("replacement", f"invalid template: {error}") from None
        self.context = Context(params)
        self.document_condition = params.regex("only_if_document_matches")

    @property
    def offers_fix(self) -> bool:
        return self.replacement is not None

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if self.document_condition is not None and not self.document_condition.search(text):
            return
        if self.whole_line:
            for start, end in document.paragraphs():
                line = text[start:end]
                stripped = line.strip()
                if not stripped:
                    continue
                offset = start + line.index(stripped)
                match = self.pattern.match(stripped)
                if match:
                    yield self._finding(match, offset, text)
            return
        for match in self.pattern.finditer(text):
            if match.end() > match.start():
                finding = self._finding(match, 0, text)
                if self.context.allows(text, finding.start, finding.end):
                    yield finding

    def _finding(self, match: re.Match[str], offset: int, text: str) -> Finding:
        group = "hit" if "hit" in self.pattern.groupindex and match.group("hit") is not None else 0
        start, end = match.start(group) + offset, match.end(group) + offset
        replacement = None if self.replacement is None else match.expand(self.replacement)
        return Finding(start, end, replacement, {k: v or "" for k, v in match.groupdict().items()})


CHECK = PatternCheck
