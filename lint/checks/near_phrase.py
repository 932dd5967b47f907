"""``near_phrase``: a listed formulation with one character replaced by one that sounds the same
(新发展各局, 社会主义核心价直观, 总体国家安全官).

Input methods offer a character of the same sound, and the slip survives because the formulation is
read as a whole. No list of misspellings: a span of the draft as long as a listed phrase is reported
when it differs from it in exactly one character, the two characters sound alike (lint/data/
han_readings.txt, as for ``near_idiom``), and the span is no phrase of the list itself. A phrase of
five characters or more leaves little room for chance: the other characters in their order are the
evidence, so what jieba makes of the span does not matter (价直观 is 价/直观, yet 社会主义核心价直观 is a
slip); only its ends must be word edges of jieba's cut of the clause (以人民为中心发展理念 holds
心发展理念, one sound from 新发展理念, but 中心 runs across its start).

How: each phrase is split in a left and a right half; a slip leaves one of them intact, so one
regular expression of all the halves finds the candidates, and only there is a span compared. The
halves are three characters or more (two-character ones such as 政治, 民主 are everywhere and made the
scan cost 80 ms a megabyte): of a phrase of odd length the middle character belongs to both halves,
and a slip of it (新发战理念) is not found.

With ``deletions``, a span one character shorter than a phrase of at least that many characters is
reported too when it is the phrase without one of its inner characters (中华民族伟复兴, 全面建成小康会),
on the same word-edge condition; the fields then show the two characters around the gap and the three
they should be. Shorter phrases have shorter phrases of their own one character away (中国现代化 beside
中国式现代化, 现代产业体系 beside 现代化产业体系, 全国统一市场: all in central texts).

With ``doublings``, a span one character longer than a phrase is reported too when it is the phrase
with one of its inner characters typed twice (全面从严治治党, 新发展理理念), on the same word-edge
condition; the fields then show the doubled pair and the one character it stands for. A doubled first
or last character is not looked for: the next word often begins with it (中国人民解放军军歌声,
粤港澳大湾区区域协调发展, both in 新闻联播).

params:
  phrases: [phrase, ...]  the formulations, five Chinese characters or more
  deletions: n            also report a phrase of n characters or more with an inner character
                          missing (default 0: none)
  droppable: str          characters whose absence is a variant, not a slip: with deletions, a phrase
                          without one of them is not reported (的: central texts write 以人民为中心发展思想
                          beside 以人民为中心的发展思想)
  doublings: bool         also report a phrase with a character typed twice (default false)
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches). Message fields: ``{phrase}``, the formulation; ``{wrong}`` and ``{right}``,
the characters. The fix writes the formulation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.readings import common_readings, sound_alike
from lint.checks.text import is_han
from lint.source import Document

MIN_LENGTH = 5
CLAUSE_REACH = 200  # characters of the line segmented on each side of a span (a clause is shorter)


@dataclass(frozen=True, slots=True)
class Anchor:
    phrase: str
    at_start: bool  # the anchor is the phrase's left half (the slip lies after it), else its right half
    text: str


def halves(phrase: str) -> tuple[str, str]:
    """The phrase's left half and right half, of three characters or more each: of a phrase of odd
    length the middle character is in both, so a slip of it is not looked for (see the module doc)."""
    return phrase[: (len(phrase) + 1) // 2], phrase[len(phrase) // 2 :]


class NearPhraseCheck(Check):
    kind = "near_phrase"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        self.phrases = frozenset(params.strings("phrases", required=True))
        for phrase in self.phrases:
            if len(phrase) < MIN_LENGTH or not all(is_han(char) for char in phrase):
                raise params.error("phrases", f"“{phrase}” is not {MIN_LENGTH} Chinese characters or more")
        self.anchors: dict[str, list[Anchor]] = {}
        for phrase in sorted(self.phrases):
            left, right = halves(phrase)
            self.anchors.setdefault(left, []).append(Anchor(phrase, True, left))
            self.anchors.setdefault(right, []).append(Anchor(phrase, False, right))
        self.pattern = re.compile("|".join(map(re.escape, sorted(self.anchors, key=len, reverse=True))))
        # the regex finds the longest anchor at a place: the shorter ones it starts with are there too
        # (中国共产 of 中国共产党章程 holds 中国共, the left half of 中国共产党)
        self.starting_with: dict[str, list[Anchor]] = {
            found: [
                anchor for prefix, anchors in self.anchors.items() if found.startswith(prefix) for anchor in anchors
            ]
            for found in self.anchors
        }
        self.deletions = params.integer("deletions", 0, minimum=0, maximum=1000)
        self.droppable = params.string("droppable", "")
        self.doublings = params.boolean("doublings", False)
        self.context = Context(params)

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.pattern]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        reported: set[int] = set()
        for match in self.pattern.finditer(text):
            for anchor in self.starting_with[match.group()]:
                for found in self.candidates(text, match.start(), anchor):
                    if found.start in reported or not on_word_edges(text, found.start, found.end):
                        continue
                    if self.context.allows(text, found.start, found.end):
                        reported.add(found.start)
                        yield found

    def candidates(self, text: str, at: int, anchor: Anchor) -> Iterator[Finding]:
        """The slips of ``anchor.phrase`` the anchor found at ``at`` may belong to: the phrase's length
        with a character replaced, (with ``deletions``) one character shorter and (with ``doublings``)
        one longer."""
        phrase = anchor.phrase
        lengths = [len(phrase)]
        if 0 < self.deletions <= len(phrase):
            lengths.append(len(phrase) - 1)
        if self.doublings:
            lengths.append(len(phrase) + 1)
        for length in lengths:
            start = at if anchor.at_start else at + len(anchor.text) - length
            span = text[max(start, 0) : start + length]
            if start < 0 or len(span) != length or span in self.phrases:
                continue
            if length == len(phrase):
                change = replaced(span, phrase)
            elif length < len(phrase):
                change = dropped(span, phrase)
                if change is not None and change[1][1] in self.droppable:
                    continue
            else:
                change = doubled(span, phrase)
            if change is not None:
                wrong, right = change
                yield Finding(start, start + length, phrase, {"phrase": phrase, "wrong": wrong, "right": right})


def replaced(span: str, phrase: str) -> tuple[str, str] | None:
    """(wrong, right): the one character of ``span`` that differs from ``phrase`` and sounds like the
    phrase's character there, or None."""
    differing = [index for index, (one, other) in enumerate(zip(span, phrase, strict=True)) if one != other]
    if len(differing) != 1:
        return None
    position = differing[0]
    if not sound_alike(span[position], phrase[position], common_readings()):
        return None
    return span[position], phrase[position]


def dropped(span: str, phrase: str) -> tuple[str, str] | None:
    """(wrong, right): the two characters of ``span`` around the gap and the three of ``phrase``, when
    ``span`` is ``phrase`` without one inner character, else None."""
    pairs = enumerate(zip(span, phrase, strict=False))
    position = next((index for index, (one, other) in pairs if one != other), len(span))
    if 0 < position < len(phrase) - 1 and span[position:] == phrase[position + 1 :]:
        return span[position - 1 : position + 1], phrase[position - 1 : position + 2]
    return None


def doubled(span: str, phrase: str) -> tuple[str, str] | None:
    """(wrong, right): the doubled pair of ``span`` and the character it stands for, when ``span`` is
    ``phrase`` with one of its inner characters typed twice, else None. The first and the last are
    left: a neighbouring word often starts or ends with them (解放军|军歌声, 大湾区|区域, 共和国|国境)."""
    pairs = enumerate(zip(span, phrase, strict=False))
    position = next((index for index, (one, other) in pairs if one != other), len(phrase))
    inner = 1 < position < len(phrase)
    if inner and span[position] == span[position - 1] and span[position + 1 :] == phrase[position:]:
        return span[position - 1 : position + 1], span[position]
    return None


def on_word_edges(text: str, start: int, end: int) -> bool:
    """Whether jieba's cut of the clause around ``start:end`` starts a word at ``start`` and ends one at ``end``."""
    cut = segment.run_tokens_at(text, start, end, CLAUSE_REACH)
    return start in {position for position, _ in cut} and end in {position + len(token) for position, token in cut}


CHECK = NearPhraseCheck
