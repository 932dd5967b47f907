"""``stale``: references that were current once and are outdated at the as-of date.

A reference is reported only when written as current: its ``regex`` includes the current-tense
frame (迎接…, 深入学习贯彻…, 今年是…), and the sentence holding it carries no mark of narration
(a year, 过去, 以来 … as ``historical``). The as-of date is the run's: ``on(day)`` keeps the
references that are stale on that day.

params:
  frames: {name: regex}        reusable frames, written ``${name}`` inside a reference's regex
  historical: regex            a sentence matching it narrates the past: its references are silent
  narrated_year: regex         a year (group ``year``) in a paragraph's first sentence; when it is before
                               the as-of year the whole paragraph narrates that year (全会指出，2020年，…
                               and several sentences on 2020)
  narrated_period: regex       a past period (这五年，过去一年) in a paragraph's first sentence: the whole
                               paragraph narrates it (a report's review: 这五年，民生保障扎实稳固。我们……)
  narrated_heading: regex      a heading line (no sentence mark) that opens a review (一、2025年工作回顾); an
                               optional group ``year`` must not be after the as-of year. Its section, up to the
                               next heading with the same kind of mark, narrates the past
  references:                  the table of events
    - regex: pattern           the stale wording in its frame; a group ``hit`` narrows the span
      current_from: YYYY-MM-DD optional: before this date the wording is not yet current
      current_until: YYYY-MM-DD after this date the wording is stale
      instead: text            what is current now (message field ``{instead}``)
"""

from __future__ import annotations

import bisect
import copy
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.chars import SENTENCE_END_MARKS
from lint.checks.base import Check, Finding, Params
from lint.checks.scan import Scanner
from lint.regexes import compiled
from lint.source import Document

FRAME = compiled(r"\$\{(\w+)\}")
SENTENCE_END = SENTENCE_END_MARKS + "\n"
SENTENCE_MARKS = compiled(f"[{re.escape(SENTENCE_END)}]")
# the mark a heading opens with; a review section ends at the next line opening with the same kind
HEADING_MARK_KINDS = (
    compiled(r"[一二三四五六七八九十]+、"),
    compiled(r"第[一二三四五六七八九十]+部分"),
    compiled(r"[（(][一二三四五六七八九十]+[）)]"),
)
HEADING_MAX = 40
REFERENCE_KEYS = {"regex", "current_from", "current_until", "instead"}


@dataclass(frozen=True)
class Reference:
    pattern: re.Pattern[str]
    current_from: datetime.date | None
    current_until: datetime.date
    instead: str
    scanner: Scanner

    def stale_on(self, day: datetime.date) -> bool:
        return day > self.current_until or (self.current_from is not None and day < self.current_from)


class StaleCheck(Check):
    kind = "stale"
    locality = "paragraph"  # a sentence ends at a line break at the latest

    def configure(self, params: Params) -> None:
        frames = params.mapping("frames")
        for name, source in frames.items():
            if not isinstance(source, str):
                raise params.error(f"frames.{name}", "must be a regular expression")
            params.compile(f"frames.{name}", source)
        self.historical = params.regex("historical")
        self.narrated_year = params.regex("narrated_year")
        self.narrated_period = params.regex("narrated_period")
        self.narrated_heading = params.regex("narrated_heading")
        if self.narrated_year is not None and "year" not in self.narrated_year.groupindex:
            raise params.error("narrated_year", "needs a group named 'year' (four digits)")
        self.day: datetime.date | None = None
        raw = params.raw("references")
        if not isinstance(raw, list) or not raw:
            raise params.error("references", "must be a non-empty list of {regex, current_until, instead}")
        self.references = [self._reference(params, f"references[{i}]", entry, frames) for i, entry in enumerate(raw)]

    @staticmethod
    def _reference(params: Params, key: str, entry: object, frames: dict[str, str]) -> Reference:
        if not isinstance(entry, dict) or set(entry) - REFERENCE_KEYS or not isinstance(entry.get("regex"), str):
            raise params.error(key, "each reference is a mapping with regex, current_until, instead (current_from)")

        def frame(match: re.Match[str]) -> str:
            if match.group(1) not in frames:
                raise params.error(key, f"unknown frame '{match.group(1)}'")
            return f"(?:{frames[match.group(1)]})"

        pattern = params.compile(key, FRAME.sub(frame, entry["regex"]))
        instead = entry.get("instead")
        if not isinstance(instead, str) or not instead:
            raise params.error(f"{key}.instead", "must be a non-empty string")
        return Reference(
            pattern,
            None if entry.get("current_from") is None else params.day(f"{key}.current_from", entry["current_from"]),
            params.day(f"{key}.current_until", entry.get("current_until")),
            instead,
            Scanner(pattern),
        )

    @property
    def offers_fix(self) -> bool:
        return False

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [
            *(reference.pattern for reference in self.references),
            self.historical,
            self.narrated_year,
            self.narrated_period,
            self.narrated_heading,
        ]

    def on(self, day: datetime.date) -> StaleCheck | None:
        stale = [reference for reference in self.references if reference.stale_on(day)]
        if not stale:
            return None
        narrowed = copy.copy(self)
        narrowed.references = stale
        narrowed.day = day
        return narrowed

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        sentence_ends: list[int] | None = None  # offsets of SENTENCE_END marks, found at the first match
        reviews: list[tuple[int, int]] | None = None  # spans of review sections, found at the first match
        for reference in self.references:
            for match in reference.scanner.finditer(text):
                if self.historical is not None:
                    if sentence_ends is None:
                        sentence_ends = [mark.start() for mark in SENTENCE_MARKS.finditer(text)]
                    if self._narrated(text, sentence_ends, match.start(), match.end()):
                        continue
                if self._in_narrated_paragraph(text, match.start()):
                    continue
                if reviews is None:
                    reviews = self._review_sections(text)
                if any(start <= match.start() < end for start, end in reviews):
                    continue
                group = "hit" if "hit" in reference.pattern.groupindex and match.group("hit") else 0
                yield Finding(match.start(group), match.end(group), None, {"instead": reference.instead})

    def _narrated(self, text: str, sentence_ends: list[int], start: int, end: int) -> bool:
        assert self.historical is not None
        before = bisect.bisect_left(sentence_ends, start)
        first = sentence_ends[before - 1] + 1 if before else 0
        after = bisect.bisect_left(sentence_ends, end)
        last = sentence_ends[after] if after < len(sentence_ends) else len(text)
        return self.historical.search(text, first, last) is not None

    def _in_narrated_paragraph(self, text: str, start: int) -> bool:
        """Whether the paragraph's first sentence names a past period or a year before the as-of year."""
        if self.narrated_year is None and self.narrated_period is None:
            return False
        head = text.rfind("\n", 0, start) + 1
        first_end = next((i for i in range(head, len(text)) if text[i] in SENTENCE_END), len(text))
        if self.narrated_period is not None and self.narrated_period.search(text, head, first_end):
            return True
        if self.narrated_year is None or self.day is None:
            return False
        for found in self.narrated_year.finditer(text, head, first_end):
            if found.group("year").isdigit() and int(found.group("year")) < self.day.year:
                return True
        return False

    def _review_sections(self, text: str) -> list[tuple[int, int]]:
        """Spans of sections under a heading that opens a review of the past (一、2025年工作回顾)."""
        if self.narrated_heading is None:
            return []
        lines: list[tuple[int, str]] = []
        offset = 0
        for line in text.split("\n"):
            lines.append((offset, line))
            offset += len(line) + 1
        sections: list[tuple[int, int]] = []
        for index, (start, line) in enumerate(lines):
            heading = line.strip()
            if not heading or len(heading) > HEADING_MAX or any(mark in heading for mark in SENTENCE_END_MARKS):
                continue
            found = self.narrated_heading.search(heading)
            if found is None or not self._year_not_after(found):
                continue
            kind = next((kind for kind in HEADING_MARK_KINDS if kind.match(heading)), None)
            end = len(text)
            for later_start, later in lines[index + 1 :]:
                if self._closes_section(later.strip(), kind):
                    end = later_start
                    break
            sections.append((start, end))
        return sections

    def _year_not_after(self, found: re.Match[str]) -> bool:
        year = found.groupdict().get("year")
        return year is None or self.day is None or int(year) <= self.day.year

    @staticmethod
    def _closes_section(line: str, kind: re.Pattern[str] | None) -> bool:
        """The next heading with the review heading's kind of mark; without a mark, the next short unmarked line."""
        if kind is not None:
            return kind.match(line) is not None
        return 0 < len(line) <= HEADING_MAX and not any(mark in line for mark in SENTENCE_END_MARKS)


CHECK = StaleCheck
