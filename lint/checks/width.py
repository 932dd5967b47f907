"""``width``: half-width punctuation typed inside Chinese text, with the full-width mark to write.

params (each optional, at least one):
  marks: {",": "，", ...}    single marks; Chinese when they touch Chinese text (never between digits)
  quotes: {'"': "“”"}        straight quotes, paired in order within a paragraph → opening/closing form
  brackets: {"()": "（）"}    half-width brackets, matched as pairs (either side may already be full-width)
  period: "。"               "." → this mark, only where certain: between two Han characters, between
                             a Han character and a closing quote (美好时光.”), or ending a paragraph
                             after Chinese text, also after a percentage in a Chinese sentence
                             (增长15%. / 增长15%.下降) (never 1. / 3.0 / 一.)
  skip_paragraphs: regex     paragraphs it matches at their start follow another standard's marks (a
                             bibliography entry [1]作者. 题名[J]. 刊名, 2014(35) in GB/T 7714's)

Python knows character classes only (Han, Chinese punctuation, ASCII letters and digits, URLs and
e-mail addresses); which marks to check and what to write instead are the pack's data.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Finding, Params
from lint.checks.text import CJK_PUNCT, HAN, SPACES, is_cjk_text, is_han, is_latin, is_year_apostrophe
from lint.regexes import compiled
from lint.source import Document

# Spans where half-width marks belong to something else: URLs, e-mail addresses and file names with their
# extension, which a draft quotes as the file is called (【附件2：艺术设计(独立本科段)专业学位授予条件.doc】,
# 功能规划2014(讨论稿) - 副本.pptx: held-out 25003, 24601); a file name runs back to the nearest mark or space
# (only Windows's " - " of a copy's name inside it).
FILE_NAME_CHAR = r"[^\s，。；：、！？“”《》【】（）,;:!?]"
FILE_EXTENSION_PATTERN = r"\.(?i:docx?|xlsx?|pptx?|pdf|wps|zip|rar)(?![A-Za-z0-9])"
PROTECTED = compiled(
    r"[A-Za-z][A-Za-z0-9+.-]*://[!-~]+|www\.[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    rf"|{FILE_NAME_CHAR}(?:{FILE_NAME_CHAR}| - )*?{FILE_EXTENSION_PATTERN}"
)
# A paragraph that is only a heading number before the "." (一. / 第三. / （二）.): numbering, not a sentence end.
CHINESE_NUMERALS = "一二三四五六七八九十百零〇"
NUMBERING_PREFIX = compiled(rf"\s*(?:第?[{CHINESE_NUMERALS}\d]+|[（(][{CHINESE_NUMERALS}\d]+[)）])\s*\Z")
PERIOD = compiled(r"\.")
SENTENCE_CLOSERS = "”’》）」』〕】"
QUOTE_CLOSERS = "”’」』"  # a quotation that ends with "." after Chinese text ends a sentence, mid-paragraph too
HALF_CLOSERS = "\"')"
PERCENT_SIGNS = "%％"
PROTECTED_SIGNS = ("://", "www.", "@")  # one of them is in every URL or address PROTECTED matches
FILE_EXTENSION = compiled(FILE_EXTENSION_PATTERN)  # in every file name PROTECTED matches


@functools.cache
def chinese_pattern() -> re.Pattern[str]:
    """Any Chinese character or mark; compiled on first use (its large ranges take ~2 ms to compile)."""
    return compiled(f"[{HAN}{re.escape(CJK_PUNCT)}]")


is_chinese = is_cjk_text  # a Han character or a full-width Chinese mark


def is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _url_end(url: str, end: int) -> int:
    """Where a URL really ends: a closing bracket it does not open is the sentence's ((www.gov.cn)或…)."""
    while url.endswith(")") and url.count(")") > url.count("("):
        url, end = url[:-1], end - 1
    return end


@dataclass(frozen=True)
class Protected:
    """The document's URLs, e-mail addresses and file names, in order (they never overlap)."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> Protected:
        if not any(sign in text for sign in PROTECTED_SIGNS) and FILE_EXTENSION.search(text) is None:
            return cls([], [])
        spans = [(match.start(), _url_end(match.group(), match.end())) for match in PROTECTED.finditer(text)]
        return cls([start for start, _ in spans], [end for _, end in spans])

    def covers(self, index: int) -> bool:
        at = bisect.bisect_right(self.starts, index) - 1
        return at >= 0 and index < self.ends[at]


@dataclass(frozen=True)
class Paragraph:
    text: str
    start: int
    end: int
    protected: Protected

    def char(self, index: int) -> str:
        return self.text[index] if self.start <= index < self.end else ""

    def is_protected(self, index: int) -> bool:
        return self.protected.covers(index)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return pattern.finditer(self.text, self.start, self.end)


class WidthCheck(Check):
    kind = "width"
    locality = "paragraph"  # quotes and brackets pair within a paragraph
    default_fix = "safe"

    def configure(self, params: Params) -> None:
        self.marks = self._single_chars(params, "marks", 1, 1)
        self.quotes = self._single_chars(params, "quotes", 1, 2)
        brackets = self._single_chars(params, "brackets", 2, 2)
        self.brackets = {key: (value[0], value[1]) for key, value in brackets.items()}
        self.period = params.string("period")
        if self.period is not None and len(self.period) != 1:
            raise params.error("period", "must be a single character")
        self.skip_paragraphs = params.regex("skip_paragraphs")
        if not (self.marks or self.quotes or self.brackets or self.period):
            raise params.error("marks", "give at least one of marks, quotes, brackets or period")
        # every finding is at one of these characters: paragraphs without them are skipped
        triggers = {*self.marks, *self.quotes, *"".join(self.brackets), *(["."] if self.period else [])}
        self.trigger = _char_class(triggers)
        self.mark_pattern = _char_class(set(self.marks))
        self.quote_patterns = {half: _char_class({half}) for half in self.quotes}
        self.stack_patterns = {half: _char_class({half, full[0], full[1]}) for half, full in self.quotes.items()}
        self.bracket_patterns = {half: _char_class({*half, *full}) for half, full in self.brackets.items()}

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.skip_paragraphs]

    @staticmethod
    def _single_chars(params: Params, key: str, key_length: int, value_length: int) -> dict[str, str]:
        mapping = params.mapping(key)
        for half, full in mapping.items():
            if not isinstance(half, str) or len(half) != key_length or not half.isascii():
                raise params.error(key, f"keys must be {key_length} half-width character(s), got {half!r}")
            if not isinstance(full, str) or len(full) != value_length:
                raise params.error(key, f"the value for {half!r} must be {value_length} character(s)")
        return dict(mapping)

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        protected: Protected | None = None
        for start, end in _paragraphs_with(document, self.trigger):
            if self.skip_paragraphs is not None and self.skip_paragraphs.match(text, start, end):
                continue
            protected = protected or Protected.of(text)
            paragraph = Paragraph(text, start, end, protected)
            findings = [
                *self._marks(paragraph),
                *self._period(paragraph),
                *(f for half, full in self.quotes.items() for f in self._quotes(paragraph, half, full)),
                *(f for half, full in self.brackets.items() for f in self._brackets(paragraph, half, full)),
            ]
            yield from sorted(findings, key=lambda f: f.start)

    def _quotes(self, paragraph: Paragraph, straight: str, curly: str) -> Iterator[Finding]:
        return _quotes(paragraph, straight, curly, self.quote_patterns[straight], self.stack_patterns[straight])

    def _brackets(self, paragraph: Paragraph, half: str, full: tuple[str, str]) -> Iterator[Finding]:
        return _brackets(paragraph, half, full, self.bracket_patterns[half])

    def _marks(self, paragraph: Paragraph) -> Iterator[Finding]:
        text = paragraph.text
        for match in paragraph.finditer(self.mark_pattern):
            index = match.start()
            full = self.marks[text[index]]
            if paragraph.is_protected(index) or not self._in_chinese(paragraph, index):
                continue
            end = index + 1
            while paragraph.char(end) and paragraph.char(end) in SPACES:
                end += 1
            # "同志们, 大家好": spaces typed after the mark go with it, unless they end the paragraph
            yield _finding(index, end if is_chinese(paragraph.char(end)) else index + 1, full)

    def _in_chinese(self, paragraph: Paragraph, index: int) -> bool:
        left = self._neighbour(paragraph, index, -1)
        right = self._neighbour(paragraph, index, +1)
        if left.isdigit() and right.isdigit():
            return False  # 1,000 / 12:30 / 1:2
        if is_chinese(left) or (is_chinese(right) and (not is_latin(left) or _embedded_latin(paragraph, index))):
            return True
        return not right and is_han(_last_letter(paragraph, index))  # 通过率100%! / （简称《纲要》),

    def _neighbour(self, paragraph: Paragraph, index: int, step: int) -> str:
        """The nearest character that is neither a space nor another mark of this rule."""
        index += step
        while paragraph.char(index) and (paragraph.char(index) in SPACES or paragraph.char(index) in self.marks):
            index += step
        return paragraph.char(index)

    def _period(self, paragraph: Paragraph) -> Iterator[Finding]:
        if self.period is None:
            return
        text = paragraph.text
        last = paragraph.end
        while last > paragraph.start and text[last - 1] in SPACES:
            last -= 1
        for match in paragraph.finditer(PERIOD):
            index = match.start()
            if paragraph.is_protected(index):
                continue
            left, right = paragraph.char(index - 1), paragraph.char(index + 1)
            if left == "." or right == ".":
                continue  # an ellipsis, another rule's business
            if NUMBERING_PREFIX.match(text, paragraph.start, index):
                continue
            ends_paragraph = index + 1 == last or (right in SENTENCE_CLOSERS and index + 2 == last)
            closes_chinese = left in SENTENCE_CLOSERS or (left in HALF_CLOSERS and is_han(paragraph.char(index - 2)))
            closes_percent = left in PERCENT_SIGNS and is_han(_last_letter(paragraph, index))  # 同比增长15%.
            inside_sentence = is_han(right) or right in QUOTE_CLOSERS  # 会议结束.下午 / 美好时光.”
            if ((is_han(left) or closes_percent) and inside_sentence) or (
                ends_paragraph and (is_han(left) or closes_chinese or closes_percent)
            ):
                yield _finding(index, index + 1, self.period)


MAX_EMBEDDED_LATIN = 6
MAX_EMBEDDED_PHRASE = 20  # a short English name inside a Chinese sentence: 第三轮Solo Time,且看 (held-out 21401)
MAX_EMBEDDED_WORDS = 3


def _embedded_latin(paragraph: Paragraph, index: int) -> bool:
    """Whether the Latin letters right before ``index`` are a short token inside a Chinese sentence, a unit
    after a number or an abbreviation after Han text (110KV,可随时 / 使用WPS,然后), or a name of up to
    three short English words, one space between them, that Han text runs into (第三轮Solo Time,且看),
    not an English phrase that opens the paragraph or follows a mark (Hello, 世界)."""
    start, words = index, 1
    while start > 0 and index - start <= MAX_EMBEDDED_PHRASE:
        char = paragraph.char(start - 1)
        if is_latin(char):
            start -= 1
        elif char == " " and is_latin(paragraph.char(start - 2)) and is_latin(paragraph.char(start)):
            start -= 1
            words += 1
        else:
            break
    length, before = index - start, paragraph.char(start - 1)
    if not 0 < length <= MAX_EMBEDDED_PHRASE:
        return False
    if words == 1 and length <= MAX_EMBEDDED_LATIN:
        return before.isdigit() or is_han(before)
    return words <= MAX_EMBEDDED_WORDS and is_han(before)


def _last_letter(paragraph: Paragraph, index: int) -> str:
    """The nearest Han character or Latin letter before ``index``, skipping digits and symbols."""
    index -= 1
    while paragraph.char(index) and not (is_han(paragraph.char(index)) or is_latin(paragraph.char(index))):
        index -= 1
    return paragraph.char(index)


def _finding(start: int, end: int, replacement: str | None, expected: str | None = None) -> Finding:
    return Finding(start, end, replacement, {"expected": expected or replacement or ""})


def _quotes(
    paragraph: Paragraph, straight: str, curly: str, straight_pattern: re.Pattern[str], any_quote: re.Pattern[str]
) -> Iterator[Finding]:
    """Straight quotes become opening or closing quotes by their order in the paragraph; a straight
    single quote before a year's last two digits ('93上海国际电影节) becomes the apostrophe ’."""
    positions = [
        i
        for i in (match.start() for match in paragraph.finditer(straight_pattern))
        if not paragraph.is_protected(i)
        and not (is_ascii_alnum(paragraph.char(i - 1)) and is_ascii_alnum(paragraph.char(i + 1)))
    ]
    if straight == "'":
        years = [i for i in positions if is_year_apostrophe(paragraph.text, i, paragraph.start, paragraph.end)]
        positions = [i for i in positions if i not in years]
        for index in years:
            if is_chinese(paragraph.char(index - 1)) or is_chinese(paragraph.char(index + 3)):
                yield _finding(index, index + 1, "’")
    if not positions:
        return
    if len(positions) % 2 == 0:
        roles = _roles_in_order(positions)
    else:
        roles = _roles_by_stack(paragraph, positions, curly, any_quote)
    for index, (role, partner) in roles.items():
        first, last = (index, partner) if partner is None or partner > index else (partner, index)
        if _chinese_pair(paragraph, first, last):
            yield _finding(index, index + 1, curly[0] if role == "open" else curly[1])


def _roles_in_order(positions: list[int]) -> dict[int, tuple[str, int | None]]:
    roles: dict[int, tuple[str, int | None]] = {}
    for opening, closing in zip(positions[::2], positions[1::2], strict=True):
        roles[opening] = ("open", closing)
        roles[closing] = ("close", opening)
    return roles


def _roles_by_stack(
    paragraph: Paragraph, positions: list[int], curly: str, any_quote: re.Pattern[str]
) -> dict[int, tuple[str, int | None]]:
    """An odd count: a straight quote closes whatever quote is open before it (“其身正,不令而行")."""
    straight = set(positions)
    stack: list[int] = []
    roles: dict[int, tuple[str, int | None]] = {}
    for match in paragraph.finditer(any_quote):
        index, char = match.start(), match.group()
        if char == curly[0]:
            stack.append(index)
        elif index in straight and stack:
            opening = stack.pop()
            roles[index] = ("close", opening)
            if opening in straight:
                roles[opening] = ("open", index)
        elif index in straight:
            stack.append(index)
            roles[index] = ("open", None)
        elif char == curly[1] and stack:
            opening = stack.pop()
            if opening in straight:
                roles[opening] = ("open", index)
    return roles


def _chinese_pair(paragraph: Paragraph, first: int, last: int | None) -> bool:
    """A pair (or a lone mark, ``last`` None) that encloses or touches Chinese text."""
    if last is None:
        if paragraph.char(first - 1).isdigit():
            return False  # 5'9": a prime, not a quote
        return is_chinese(paragraph.char(first - 1)) or is_chinese(paragraph.char(first + 1))
    if chinese_pattern().search(paragraph.text, first + 1, last):
        return True
    return is_chinese(paragraph.char(first - 1)) or is_chinese(paragraph.char(last + 1))


def _brackets(
    paragraph: Paragraph, half: str, full: tuple[str, str], any_bracket: re.Pattern[str]
) -> Iterator[Finding]:
    """Brackets of either width matched as pairs; a half-width member of a Chinese pair is reported."""
    text = paragraph.text
    openers, closers = (half[0], full[0]), (half[1], full[1])
    stack: list[int] = []
    pairs: list[tuple[int | None, int | None]] = []
    for match in paragraph.finditer(any_bracket):
        index = match.start()
        if paragraph.is_protected(index):
            continue
        if text[index] in openers:
            stack.append(index)
        elif text[index] in closers:
            pairs.append((stack.pop() if stack else None, index))
    pairs.extend((index, None) for index in stack)
    for opening, closing in pairs:
        members = [(i, full[n]) for n, i in enumerate((opening, closing)) if i is not None and text[i] in half]
        if not members:
            continue
        if opening is None or closing is None:
            lone = members[0][0]
            if is_chinese(paragraph.char(lone - 1)) or is_chinese(paragraph.char(lone + 1)):
                yield _finding(lone, lone + 1, None, members[0][1])  # no partner: which fix is unknown
        elif len(members) == 1 or _chinese_brackets(paragraph, opening, closing):
            yield from (_finding(i, i + 1, mark) for i, mark in members)


def _chinese_brackets(paragraph: Paragraph, opening: int, closing: int) -> bool:
    """Chinese content, or a bracket standing between Chinese text (（1）加强…, spaces aside: (1) 加强…),
    not f(x) or (a) in English.

    A Latin abbreviation bracketed right after a Han character is a Chinese 括注 even when a figure
    follows: 生产总值(GDP)1102284万元; not 函数f(x) (Latin before), 值(x)y (Latin after) nor the year
    of a document number 县委办发(2024)5号 (digits only: the document-number rule's matter), nor a
    unit's product in a table's header v/(m·s-1), whose dot is a multiplication sign here.
    """
    inside = paragraph.text[opening + 1 : closing]
    if chinese_pattern().search(inside.replace("·", "")):
        return True  # the 间隔号 alone is no Chinese content: a unit's product v/(m·s-1) is a formula
    before, after = paragraph.char(opening - 1), paragraph.char(closing + 1)
    if is_han(before) and not is_latin(after) and any(is_latin(char) for char in inside):
        return True
    before, after = _beyond_spaces(paragraph, opening, -1), _beyond_spaces(paragraph, closing, +1)
    return (not before or is_chinese(before)) and (not after or is_chinese(after))


def _beyond_spaces(paragraph: Paragraph, index: int, step: int) -> str:
    """The first character past ``index`` in the direction of ``step`` that is not a space ((1) 加强)."""
    index += step
    while paragraph.char(index) and paragraph.char(index) in SPACES:
        index += step
    return paragraph.char(index)


def _char_class(chars: set[str]) -> re.Pattern[str]:
    """Any one of ``chars``; nothing when there are none."""
    return re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]" if chars else "(?!)")


def _paragraphs_with(document: Document, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of the paragraphs (as ``Document.paragraphs``) holding a match of ``pattern``."""
    text, line_starts = document.text, document.line_starts
    match = pattern.search(text)
    while match is not None:
        line = bisect.bisect_right(line_starts, match.start()) - 1
        start, end = document.paragraph(line)
        if match.start() < end:
            yield start, end
        stop = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
        match = pattern.search(text, stop) if stop > match.start() else None


CHECK = WidthCheck
