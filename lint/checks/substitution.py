"""``substitution``: a wrong form with its one right form (提法, confusable characters).

params:
  wrong: [string, ...]   the wrong forms (literal)
  right: string          what to write instead
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.source import Document


class SubstitutionCheck(Check):
    kind = "substitution"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        raw = params.raw("wrong")
        wrong = [raw] if isinstance(raw, str) else params.strings("wrong", required=True)
        self.right = params.string("right", required=True) or ""
        if self.right in wrong:
            raise params.error("right", "the right form is also listed as wrong")
        self.wrong = tuple(wrong)
        self.required = frozenset(wrong)
        alternatives = "|".join(re.escape(w) for w in sorted(wrong, key=len, reverse=True))
        self.pattern = re.compile(alternatives)
        self.context = Context(params)

    def patterns(self) -> list[re.Pattern[str]]:
        return [self.pattern]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        for match in self.pattern.finditer(text):
            if self.context.allows(text, match.start(), match.end()):
                yield Finding(match.start(), match.end(), self.right, {"right": self.right})


CHECK = SubstitutionCheck
