"""The day a draft is judged at: a date given for the run, today, or the date written in the draft.

A formulation is right or outdated only relative to a date, so every run judges each document at
one day (``as_of``). ``--as-of document`` takes it from the document itself, in this order:

1. a dated header in the first lines: a date in brackets or after a dash, alone on its line or
   around the occasion (“（2019年1月31日）”, “——2019年3月5日在第十三届全国人民代表大会……上”);
2. the signature date (落款) among the last lines: a line holding only a date (or only a year and
   month, 二〇一七年二月: that whole month);
3. the year of a document number (文号, “〔2023〕5号”) or of a dated title (“2019年政府工作报告”):
   the whole year (a ``Period``), since the day itself is not written.

A ``Period`` (``--as-of 2019`` or ``--as-of 2019-03`` too) is judged as every day in it at once: a rule
reports only what is wrong on each of its days, so a formulation that became standard or outdated
during the year is left alone in a draft dated only by that year.

Dates may be written in Arabic or Chinese numerals (二〇一九年二月三日). A document with none of
these is judged at today's date, with a note saying so.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from lint.regexes import compiled

DOCUMENT = "document"  # ``--as-of document``


@dataclass(frozen=True)
class Period:
    """Days from ``first`` to ``last`` (both included): a draft dated only by its year or month."""

    first: datetime.date
    last: datetime.date

    @classmethod
    def of_year(cls, year: int) -> Period:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        """ValueError for a month or year that ``datetime.date`` refuses."""
        first = datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return cls(first, following - datetime.timedelta(days=1))


When = datetime.date | Period  # what a document is judged at
AsOf = When | str | None  # a day or period, DOCUMENT, or None for today
AS_OF_FORMS = "a date (YYYY-MM-DD, YYYY-MM or YYYY) or 'document'"  # what an error about a bad as-of asks for

HEAD_LINES = 8
TAIL_LINES = 8
CHINESE_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUMERAL = "[〇○零一二三四五六七八九十]"
_DATE = (
    r"(?P<year>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*"
    rf"(?P<month>\d{{1,2}}|{_NUMERAL}{{1,2}})\s*月\s*(?P<day>\d{{1,3}}|{_NUMERAL}{{1,3}})\s*日"
)
DATE = compiled(_DATE)
# a signature of year and month alone (二〇一七年二月): the whole month
MONTH = compiled(
    r"(?P<year>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<month>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月份?"
)
HEADER_BEFORE = compiled(r"\s*(?:——|—|－|-)?\s*[（(]?\s*")  # what may stand before a header's date
HEADER_AFTER = compiled(r"\s*[）)]\s*")  # or: the date closes the line in brackets
DOCUMENT_NUMBER_YEAR = compiled(r"[〔［\[【]\s*((?:19|20)\d{2})\s*[〕］\]】]\s*\d{1,4}\s*号")
TITLE_YEAR = compiled(
    r"^\s*((?:19|20)\d{2})\s*年(?:度)?[^。，；\n]{0,30}(?:报告|总结|要点|计划|规划|方案|意见|通知|讲话)"
)


@dataclass(frozen=True)
class DocumentDate:
    day: datetime.date  # a year alone: its 1 July (where one day is needed: a weekday's year)
    how: str  # where the date was found, in Chinese (“文首日期”, “落款日期”, “落款年月”, “文号年份”, “标题年份”)
    period: Period | None = None  # the days it may be, when the day itself is not written

    @property
    def when(self) -> When:
        return self.day if self.period is None else self.period


def resolve_as_of(as_of: AsOf, text: str) -> tuple[When, str | None]:
    """The day (or period) to judge ``text`` at, and a note for the user when the document's own date
    was asked for and not found."""
    if isinstance(as_of, (datetime.date, Period)):
        return as_of, None
    today = datetime.date.today()
    if as_of is None:
        return today, None
    found = document_date(text)
    if found is None:
        return today, f"文中未找到成文日期（文首日期、落款、文号或标题年份），按今天（{today.isoformat()}）检查"
    return found.when, None


def parse_as_of(value: str) -> When | str:
    """A command-line or configuration value: ``document``, a date in YYYY-MM-DD form, or a year
    (YYYY) or month (YYYY-MM) judged as all its days (ValueError otherwise)."""
    written = value.strip()
    if written.lower() == DOCUMENT:
        return DOCUMENT
    if re.fullmatch(r"\d{4}", written):
        return Period.of_year(int(written))  # year 0000: ValueError from datetime.date
    if re.fullmatch(r"\d{4}-\d{2}", written):
        return Period.of_month(int(written[:4]), int(written[5:]))
    return datetime.date.fromisoformat(written)


def document_date(text: str) -> DocumentDate | None:
    """The date written in the document (see the module's docstring), or None."""
    lines = [line for line in text.splitlines() if line.strip()]
    head = lines[: min(HEAD_LINES, max(2, len(lines) // 2))]  # a short notice's last line is its signature
    for line in head:
        day = _header_day(line) if len(line) <= 80 else None
        if day is not None:
            return DocumentDate(day, "文首日期")
    for line in reversed(lines[len(head) :][-TAIL_LINES:]):
        match = DATE.fullmatch(line.strip())
        day = _day(match)
        if day is not None:
            return DocumentDate(day, "落款日期")
        month = _month(MONTH.fullmatch(line.strip()))
        if month is not None:
            return DocumentDate(month.first + datetime.timedelta(days=14), "落款年月", month)
    for line in lines[:HEAD_LINES]:
        for pattern, how in ((DOCUMENT_NUMBER_YEAR, "文号年份"), (TITLE_YEAR, "标题年份")):
            match = pattern.search(line)
            if match is not None:
                year = int(match.group(1))
                return DocumentDate(datetime.date(year, 7, 1), how, Period.of_year(year))
    return None


def _month(match: re.Match[str] | None) -> Period | None:
    if match is None:
        return None
    try:
        return Period.of_month(_number(match.group("year")), _number(match.group("month")))
    except ValueError:
        return None


def _header_day(line: str) -> datetime.date | None:
    """The date of a header line: at its start (after a dash or bracket), or closing it in brackets."""
    for match in DATE.finditer(line):
        opens = HEADER_BEFORE.fullmatch(line, 0, match.start()) is not None
        closes = line[: match.start()].rstrip().endswith(("（", "(")) and HEADER_AFTER.fullmatch(line, match.end())
        if opens or closes:
            return _day(match)
    return None


def _day(match: re.Match[str] | None) -> datetime.date | None:
    if match is None:
        return None
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    try:
        return datetime.date(_number(groups["year"]), _number(groups["month"]), _number(groups["day"]))
    except (KeyError, ValueError):
        return None


def _number(written: str) -> int:
    """``2019``, ``二〇一九``, ``十二``, ``二十三``, ``三十一`` as an int (ValueError otherwise)."""
    if written.isdigit():
        return int(written)
    if "十" not in written:
        digits = [CHINESE_DIGITS[char] for char in written if char in CHINESE_DIGITS]
        if len(digits) != len(written):
            raise ValueError(written)
        return int("".join(map(str, digits)))
    tens, _, units = written.partition("十")
    value = (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)
    if (tens and tens not in CHINESE_DIGITS) or (units and units not in CHINESE_DIGITS):
        raise ValueError(written)
    return value
