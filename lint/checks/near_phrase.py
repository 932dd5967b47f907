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

params:
  phrases: [phrase, ...]  the formulations, five Chinese characters or more
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, only_if_document_matches, unless_document_matches,
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
            self.anchors.setdefault(left, []).append(Anchor(phrase, at_start=True))
            self.anchors.setdefault(right, []).append(Anchor(phrase, at_start=False))
        self.pattern = re.compile("|".join(map(re.escape, sorted(self.anchors, key=len, reverse=True))))
        self.context = Context(params)

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [self.pattern]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        reported: set[int] = set()
        for match in self.pattern.finditer(text):
            for anchor in self.anchors[match.group()]:
                start = match.start() if anchor.at_start else match.end() - len(anchor.phrase)
                end = start + len(anchor.phrase)
                position = None if start < 0 or start in reported else self.slip(text[start:end], anchor.phrase)
                if position is None:
                    continue
                if on_word_edges(text, start, end) and self.context.allows(text, start, end):
                    reported.add(start)
                    fields = {
                        "phrase": anchor.phrase,
                        "wrong": text[start + position],
                        "right": anchor.phrase[position],
                    }
                    yield Finding(start, end, anchor.phrase, fields)

    def slip(self, span: str, phrase: str) -> int | None:
        """The position of the one character of ``span`` that differs from ``phrase`` and sounds like
        the phrase's character there, or None."""
        if len(span) != len(phrase) or span in self.phrases:
            return None
        differing = [index for index, (one, other) in enumerate(zip(span, phrase, strict=True)) if one != other]
        if len(differing) != 1:
            return None
        position = differing[0]
        return position if sound_alike(span[position], phrase[position], common_readings()) else None


def on_word_edges(text: str, start: int, end: int) -> bool:
    """Whether jieba's cut of the clause around ``start:end`` starts a word at ``start`` and ends one at ``end``."""
    offset = max(text.rfind("\n", 0, start) + 1, start - CLAUSE_REACH)
    line_end = text.find("\n", end)
    stop = min(len(text) if line_end < 0 else line_end, end + CLAUSE_REACH)
    edges = set()
    for run in segment.runs(text[offset:stop]):
        position = run.start()
        edges |= {position, run.end()}
        for token in segment.tokens(run.group()):
            position += len(token)
            edges.add(position)
    return start - offset in edges and end - offset in edges


CHECK = NearPhraseCheck
