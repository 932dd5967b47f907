"""``known_titles``: a title that must come from a closed list (the national laws) and is not on it,
or that was retired from it before the as-of date.

Drafts cite laws by their full title (《中华人民共和国治安管理处罚法》) and get them wrong in two ways that
a list settles: a title one or two characters away from a law's (《中华人民共和国治安处罚法》, a word
dropped), and a law that was repealed before the draft was written (《中华人民共和国合同法》 after the
民法典 took effect on 2021-01-01). The list is data in the rule; the kind knows no title.

params:
  title: regex            where a title is; group ``name`` is the part compared with the list
  titles: [name, ...]     the closed list (current and retired titles alike)
  retired:                titles that ceased on a day, each with what replaced it
    name: {until: YYYY-MM-DD, successor: name, source: text}
  report: misnamed | retired
      misnamed: a name not on the list that is a listed title with up to ``dropped_or_added``
                characters dropped or added (治安处罚法, 道路交通安全管理法), or, both at least
                ``replaced_min_length`` characters long, with up to ``replaced`` characters replaced
                (妇女权益保护法). Shorter titles one character apart are different laws (国家公园法,
                国家安全法), and a name far from every title is left alone: a list cannot know the
                laws passed after it was written
      retired:  a listed name retired before the as-of date (``until`` before it)
  dropped_or_added: n     (misnamed) default 2
  replaced: n             (misnamed) default 2
  replaced_min_length: n  (misnamed) default 6
plus the context conditions of lint.checks.context. Message fields: ``{name}``, ``{nearest}`` (the
listed title, or the successor of a retired one), ``{until}`` (retired). The fix writes ``{nearest}``
in place of the name.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.source import Document


@dataclass(frozen=True, slots=True)
class Retirement:
    until: datetime.date
    successor: str


class KnownTitlesCheck(Check):
    kind = "known_titles"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        self.title = params.regex("title", required=True)
        if "name" not in self.title.groupindex:
            raise params.error("title", "needs a group named 'name'")
        self.titles = frozenset(params.strings("titles", required=True))
        self.retired = self._retirements(params)
        self.report = params.string("report", "misnamed") or ""
        if self.report not in ("misnamed", "retired"):
            raise params.error("report", "must be 'misnamed' or 'retired'")
        self.dropped_or_added = params.integer("dropped_or_added", 2, maximum=10)
        self.replaced = params.integer("replaced", 2, maximum=10)
        self.replaced_min_length = params.integer("replaced_min_length", 6, minimum=1, maximum=100)
        self.day: datetime.date | None = None
        self.context = Context(params)

    def _retirements(self, params: Params) -> dict[str, Retirement]:
        retired: dict[str, Retirement] = {}
        for name, entry in params.mapping("retired").items():
            where = f"retired.{name}"
            if not isinstance(entry, dict) or set(entry) != {"until", "successor", "source"}:
                raise params.error(where, "must give until, successor and source")
            if not all(isinstance(entry[key], str) and entry[key] for key in ("successor", "source")):
                raise params.error(where, "successor and source must be non-empty strings")
            if name not in self.titles or entry["successor"] not in self.titles:
                raise params.error(where, "the title and its successor must both be in titles")
            retired[name] = Retirement(params.day(where, entry["until"]), entry["successor"])
        return retired

    def patterns(self) -> list[re.Pattern[str]]:
        return [self.title]

    def on(self, day: datetime.date) -> KnownTitlesCheck | None:
        if self.report == "misnamed":  # a misnamed title is misnamed on any day
            return self
        if not any(entry.until < day for entry in self.retired.values()):
            return None
        dated = copy.copy(self)
        dated.day = day
        return dated

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        for match in self.title.finditer(text):
            start, end = match.span("name")
            found = self._finding(match.group("name"), start, end)
            if found is not None and self.context.allows(text, match.start(), match.end()):
                yield found

    def _finding(self, name: str, start: int, end: int) -> Finding | None:
        if self.report == "retired":
            entry = self.retired.get(name)
            if entry is None or self.day is None or entry.until >= self.day:
                return None
            fields = {"name": name, "nearest": entry.successor, "until": entry.until.isoformat()}
            return Finding(start, end, entry.successor, fields)
        if name in self.titles:
            return None
        near = [title for title in self.titles if self._near(name, title)]
        if not near:
            return None
        nearest = min(near, key=lambda title: (abs(len(title) - len(name)), title))  # the closest in length
        return Finding(start, end, nearest, {"name": name, "nearest": nearest, "until": ""})

    def _near(self, name: str, title: str) -> bool:
        """Whether ``name`` is ``title`` with a few characters dropped, added or (in long titles) replaced."""
        if len(name) == len(title):
            replaced = sum(one != other for one, other in zip(name, title, strict=True))
            return len(name) >= self.replaced_min_length and 0 < replaced <= self.replaced
        shorter, longer = sorted((name, title), key=len)
        return len(longer) - len(shorter) <= self.dropped_or_added and _is_subsequence(shorter, longer)


def _is_subsequence(shorter: str, longer: str) -> bool:
    """Whether ``shorter`` is ``longer`` with some of its characters left out, the rest in order."""
    remaining = iter(longer)
    return all(char in remaining for char in shorter)


CHECK = KnownTitlesCheck
