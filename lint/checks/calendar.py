"""``calendar``: dates checked against the calendar and against the draft's own date.

Two comparisons, chosen by ``compare``:

- ``weekday``: a date followed by its day of the week (2016年1月10日（星期五）, 11月18日 星期三) where
  the weekday is not that date's. A date without a year takes it from the nearest full date before it
  in its paragraph (that year or the next: 12月31日（星期六）至1月2日（星期一）), else from the draft's
  own date (lint.dating: the dated header, the signature, the 文号's year; that year or the one before
  or after, since a notice dated in December announces January). It is reported only when the
  weekday fits none of the years it may belong to.
- ``draft-date``: a date narrated as past (the ``regex`` holds the narration) that falls after the
  draft's own date: a news item published 2021-04-09 reporting what happened on 4月25日. The draft's
  date is a precise one (the dated header, the signature, or a ``published`` line in the header); a
  date without a year takes the draft's year and is reported only when it falls ``min_days`` to
  ``max_days`` after the draft's date (much later, and it is last year's: a January report on
  12月28日).

params:
  compare: weekday | draft-date
  regex: pattern        the dates: groups ``month`` and ``day``, an optional ``year`` (four digits),
                        for ``weekday`` a group ``weekday`` (一 … 六, 日 or 天); a group ``hit`` narrows
                        the span
  published: regex      draft-date only: a header line giving the draft's date (发布时间：2021-04-09),
                        groups ``year``, ``month``, ``day``
  min_days: int         draft-date only: days after the draft's date a date must be (default 2)
  max_days: int         draft-date only: at most this many days after, for a date without a year
                        (default 180)
  only_published: bool  draft-date only: the draft's date only from a ``published`` line (a web news
                        item, whose sentence-initial dates report what happened), never from its
                        header or signature (default false)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.context import header
from lint.dating import document_date
from lint.regexes import compiled
from lint.source import Document

WEEKDAYS = "一二三四五六日"  # Monday first, as datetime.date.weekday() counts
WEEKDAY_ALIASES = {"天": "日"}
YEAR_IN_PARAGRAPH = compiled(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月")
# a year named without a month (延长2020年春节假期至2月2日（星期日）): the dates after it belong to it
BARE_YEAR_IN_PARAGRAPH = compiled(r"((?:19|20)\d{2})\s*年(?!\s*\d)")
PRECISE_DRAFT_DATES = ("文首日期", "落款日期")
COMPARISONS = ("weekday", "draft-date")


class CalendarCheck(Check):
    kind = "calendar"
    locality = "document"  # the year of a date may come from the draft's header or signature

    def configure(self, params: Params) -> None:
        self.compare = params.string("compare", required=True)
        if self.compare not in COMPARISONS:
            raise params.error("compare", f"must be one of: {', '.join(COMPARISONS)}")
        self.regex = params.regex("regex", required=True)
        needed = {"month", "day"} | ({"weekday"} if self.compare == "weekday" else set())
        missing = needed - set(self.regex.groupindex)
        if missing:
            raise params.error("regex", f"needs groups named {', '.join(sorted(missing))}")
        self.published = params.regex("published")
        if self.published is not None and not {"year", "month", "day"} <= set(self.published.groupindex):
            raise params.error("published", "needs groups named year, month and day")
        self.min_days = params.integer("min_days", 2)
        self.max_days = params.integer("max_days", 180)
        self.only_published = params.boolean("only_published", False)
        if self.only_published and self.published is None:
            raise params.error("only_published", "needs a 'published' regex")

    @property
    def offers_fix(self) -> bool:
        return False  # which is wrong, the date or what goes with it, only the writer knows

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.regex, self.published]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if self.compare == "weekday":
            yield from self._weekday_findings(text)
        else:
            yield from self._draft_date_findings(text)

    def _weekday_findings(self, text: str) -> Iterator[Finding]:
        draft_years: list[int] | None = None
        for match in self.regex.finditer(text):
            month, day = int(match.group("month")), int(match.group("day"))
            written = WEEKDAY_ALIASES.get(match.group("weekday"), match.group("weekday"))
            if written not in WEEKDAYS:
                continue
            years = _written_year(match) or _paragraph_years(text, match.start())
            if not years:
                if draft_years is None:
                    found = document_date(text)
                    draft_years = [] if found is None else [found.day.year + step for step in (-1, 0, 1)]
                years = draft_years
            days = [d for d in (_date(year, month, day) for year in years) if d is not None]
            if days and all(WEEKDAYS[d.weekday()] != written for d in days):
                actual = "或".join(dict.fromkeys(f"星期{WEEKDAYS[d.weekday()]}" for d in days))
                yield self._finding(match, {"weekday": f"星期{written}", "actual": actual, "year": str(days[0].year)})

    def _draft_date_findings(self, text: str) -> Iterator[Finding]:
        draft = self._draft_day(text)
        if draft is None:
            return
        for match in self.regex.finditer(text):
            written = _written_year(match)
            day = _date(written[0] if written else draft.year, int(match.group("month")), int(match.group("day")))
            if day is None:
                continue
            after = (day - draft).days
            if after >= self.min_days and (written or after <= self.max_days):
                yield self._finding(match, {"draft_date": f"{draft.year}年{draft.month}月{draft.day}日"})

    def _draft_day(self, text: str) -> datetime.date | None:
        if self.published is not None:
            for match in self.published.finditer(header(text)):
                day = _date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
                if day is not None:
                    return day
        if self.only_published:
            return None
        found = document_date(text)
        return found.day if found is not None and found.how in PRECISE_DRAFT_DATES else None

    def _finding(self, match: re.Match[str], fields: dict[str, str]) -> Finding:
        group = "hit" if "hit" in self.regex.groupindex and match.group("hit") else 0
        return Finding(match.start(group), match.end(group), None, fields)


def _written_year(match: re.Match[str]) -> list[int]:
    year = match.groupdict().get("year")
    return [int(year)] if year else []


def _paragraph_years(text: str, start: int) -> list[int]:
    """The year of the last full date before ``start`` in its paragraph (or of a year named alone), and the next."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    years = [int(found.group(1)) for found in YEAR_IN_PARAGRAPH.finditer(text, paragraph_start, start)]
    if not years:  # else a year named without a month (2020年春节假期至2月2日)
        years = [int(found.group(1)) for found in BARE_YEAR_IN_PARAGRAPH.finditer(text, paragraph_start, start)]
    return [years[-1], years[-1] + 1] if years else []


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


CHECK = CalendarCheck
