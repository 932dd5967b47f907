"""``self_reference``: a document that names itself by another kind of document than its title does
(a 公告 whose text says 本通知 and closes 特此通告; a 管理制度 that says 本章程).

A draft put together from older ones keeps their wording: the title was changed to 公告, the body
still says 本通知. The title says what the document is, so a self-reference (本通知, 特此公告) must name
one of the kinds of document its headlines name. Headlines are short lines ending in a kind
(关于……的公告, an attachment's 实施方案, 关于印发《……办法》的通知, whose 办法 counts too); the check
runs only when one of the first lines is such a title. A rule leaves references inside quotation marks
alone with ``unless_quoted`` (a 决定 amending an 办法 quotes “违反本办法第八条”).

params:
  kinds: [word, ...]        every kind of document a headline may end in (通知, 公告, 办法, 规定 ...)
  references: regex         a self-reference; group ``kind`` is the kind it names
  title_lines: n            how many of the first non-empty lines may hold the title (default 4)
  headline_length: n        the longest headline, in characters (default 120)
  labels: [line, ...]       lines that are a site's column or a folder's label, not a title (规章制度
                            above a charter copied from a site's 规章制度 column)
plus the context conditions of lint.checks.context. Message fields: ``{kind}``, the kind the
reference names; ``{title_kinds}``, the headlines' kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.source import Document


class SelfReferenceCheck(Check):
    kind = "self_reference"

    def configure(self, params: Params) -> None:
        kinds = params.strings("kinds", required=True)
        self.references = params.regex("references", required=True)
        if "kind" not in self.references.groupindex:
            raise params.error("references", "needs a group named 'kind'")
        self.title_lines = params.integer("title_lines", 4, minimum=1, maximum=50)
        length = params.integer("headline_length", 120, minimum=1, maximum=1000)
        alternatives = "|".join(re.escape(kind) for kind in sorted(kinds, key=len, reverse=True))
        self.kind_words = re.compile(alternatives)
        bracket = r"(?:[（(][^）)\n]{1,8}[）)])?"  # （试行）, （2024年修订）
        self.headline = re.compile(
            rf"^[ \t\u3000]*(?=[^\n]{{1,{length}}}$)[^\n。！？；]*?(?:{alternatives}){bracket}[ \t\u3000]*$",
            re.MULTILINE,
        )
        self.labels = frozenset(params.strings("labels"))
        self.context = Context(params)

    def patterns(self) -> list[re.Pattern[str]]:
        return [self.references]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text) or not self._titled(text):
            return
        headlines = [line.group() for line in self.headline.finditer(text) if not self._label(line.group())]
        kinds = {word for line in headlines for word in self.kind_words.findall(line)}
        title_kinds = "、".join(sorted(kinds))
        for match in self.references.finditer(text):
            kind = match.group("kind")
            if kind in kinds or not self.context.allows(text, match.start(), match.end()):
                continue
            yield Finding(match.start(), match.end(), None, {"kind": kind, "title_kinds": title_kinds})

    def _titled(self, text: str) -> bool:
        """Whether one of the first ``title_lines`` non-empty lines is a headline."""
        lines = [line for line in text.split("\n", 200)[:200] if line.strip()][: self.title_lines]
        return any(self.headline.fullmatch(line) and not self._label(line) for line in lines)

    def _label(self, line: str) -> bool:
        return line.strip(" \t\u3000") in self.labels


CHECK = SelfReferenceCheck
