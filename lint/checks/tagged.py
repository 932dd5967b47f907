"""``tagged``: a short sequence of words, each described by its part of speech, around a particle.

The words are jieba's segmentation of the draft (``lint.checks.segment``) and their tags those of
jieba's dictionary (``jieba.posseg``'s table: n noun, v verb, vn verbal noun, a adjective, ad
adverbial adjective, d adverb, i idiom, l fixed phrase, p preposition, uj 的, ul 了 ...; x for a token
that is not a dictionary word: a mark, a number, a name the HMM put together). So a rule can say
"的 between an adverb and a verb that takes 了" without listing every adverb and verb.

params:
  sequence: [condition, ...]   one condition per word, for consecutive words; each condition is a
                               mapping of any of:
    words: [word, ...]           the word is one of these
    tags: [tag, ...]             its tag is one of these
    also_words: [word, ...]      these words too, whatever their tag: words jieba's dictionary tags
                                 otherwise than they are used here (深入 v, 热情 n used as adverbials)
    not_words: [word, ...]       it is none of these
    not_tags: [tag, ...]         its tag is none of these
    max_length: n                it has at most n characters (default 8)
    edge: true                   the clause may end here instead (see below)
    optional: true               the word may be absent (a degree adverb: 能够更加真实的展现); the
                                 sequence is tried with each optional word present, then without
    report: true                 the word reported (exactly one condition, which gives ``words``)
  replacement: text            optional fix: what the reported word becomes
  fused_tags: [tag, ...]       optional: the reported word may also be the end of a longer dictionary
                               word of one of these tags, which jieba keeps whole (悄悄地 z, 滔滔地 i);
                               that word is then read as its stem (tagged by the dictionary) followed
                               by the reported word, when the stem is a dictionary word of two or more
                               characters. Other words (当地 n, 心地 s; 湿地 z: one-character stem) stay whole.
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches).

A sequence is matched inside one clause: the words of the run of Chinese characters, letters and
digits that jieba cuts as one piece, and the mark on either side of it (a comma, a full stop ...). A
condition with ``edge: true`` is also met where that clause has no word left (the line's start or
end). Message fields: ``{before}`` and ``{after}``, the words matched before and after the reported
one (those of conditions that give ``words`` or ``tags``; marks left out).

Only the runs where the words of the sequence can stand are segmented: the characters after the
reported word must match the conditions to its right (their ``words``, or up to ``max_length``
characters), and those before it the conditions to its left.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.linememo import LineMemo
from lint.checks.scan import Scanner
from lint.source import Document

DEFAULT_MAX_LENGTH = 8
MAX_CONDITIONS = 8
FUSED_STEM_MIN = 2
CONDITION_KEYS = frozenset(
    {"words", "tags", "also_words", "not_words", "not_tags", "max_length", "edge", "optional", "report"}
)
ANY_CHARACTER = "[^\\r\\n]"
LINE_END = f"(?!{ANY_CHARACTER})"

Token = tuple[str, str]  # (word, tag)


@dataclass(frozen=True, slots=True)
class Condition:
    words: frozenset[str] | None
    tags: frozenset[str] | None
    also_words: frozenset[str]
    not_words: frozenset[str]
    not_tags: frozenset[str]
    max_length: int
    edge: bool
    optional: bool
    report: bool

    def accepts(self, token: Token | None) -> bool:
        if token is None:
            return self.edge
        word, tag = token
        described = (self.words is None or word in self.words) and (self.tags is None or tag in self.tags)
        return (
            len(word) <= self.max_length
            and (described or word in self.also_words)
            and word not in self.not_words
            and tag not in self.not_tags
        )

    def describes(self) -> bool:
        """Whether the word this condition matches belongs in the message (it says what the word is,
        not only what it is not)."""
        return self.words is not None or self.tags is not None

    def characters(self) -> str:
        """A regular expression for the characters of a word this condition accepts (a superset)."""
        if self.words is not None:
            listed = self.words | self.also_words
            source = _alternatives(word for word in listed if len(word) <= self.max_length)
        else:
            source = f"{ANY_CHARACTER}{{1,{self.max_length}}}"
        if self.edge:
            return f"(?:{source}|{LINE_END})"
        return f"(?:{source})?" if self.optional else f"(?:{source})"


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)"


def _words(params: Params, key: str, value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        raise params.error(key, "must be a non-empty list of non-empty strings")
    return frozenset(value)


def _condition(params: Params, number: int, raw: object) -> Condition:
    key = f"sequence[{number}]"
    if not isinstance(raw, dict):
        raise params.error(key, "must be a mapping of conditions on one word")
    unknown = set(raw) - CONDITION_KEYS
    if unknown:
        raise params.error(
            f"{key}.{sorted(unknown)[0]}", "unknown condition (known: " + ", ".join(sorted(CONDITION_KEYS)) + ")"
        )
    max_length = raw.get("max_length", DEFAULT_MAX_LENGTH)
    if not isinstance(max_length, int) or isinstance(max_length, bool) or not 1 <= max_length <= 32:
        raise params.error(f"{key}.max_length", "must be a whole number from 1 to 32")
    flags = {name: raw.get(name, False) for name in ("edge", "optional", "report")}
    for name, flag in flags.items():
        if not isinstance(flag, bool):
            raise params.error(f"{key}.{name}", "must be true or false")
    return Condition(
        words=_words(params, f"{key}.words", raw.get("words")),
        tags=_words(params, f"{key}.tags", raw.get("tags")),
        also_words=_words(params, f"{key}.also_words", raw.get("also_words")) or frozenset(),
        not_words=_words(params, f"{key}.not_words", raw.get("not_words")) or frozenset(),
        not_tags=_words(params, f"{key}.not_tags", raw.get("not_tags")) or frozenset(),
        max_length=max_length,
        edge=flags["edge"],
        optional=flags["optional"],
        report=flags["report"],
    )


def _run_words(run: str) -> list[Token]:
    return segment.tagged(run)


RUN_WORDS = LineMemo(_run_words)  # shared by every rule of this kind: they ask about the same runs


class TaggedCheck(Check):
    kind = "tagged"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        raw = params.raw("sequence")
        if not isinstance(raw, list) or not 2 <= len(raw) <= MAX_CONDITIONS:
            raise params.error("sequence", f"must be a list of 2 to {MAX_CONDITIONS} conditions")
        self.sequence = [_condition(params, number, item) for number, item in enumerate(raw)]
        reported = [number for number, condition in enumerate(self.sequence) if condition.report]
        if len(reported) != 1:
            raise params.error("sequence", "exactly one condition must say 'report: true'")
        self.position = reported[0]
        anchor = self.sequence[self.position]
        if anchor.words is None or anchor.edge or anchor.optional:
            raise params.error(
                f"sequence[{self.position}]", "the reported word needs 'words' (and no 'edge' or 'optional')"
            )
        for number, condition in enumerate(self.sequence):
            if condition.optional and condition.edge:
                raise params.error(f"sequence[{number}]", "a word cannot be both 'optional' and 'edge'")
        self.left_layouts = _layouts(self.sequence[: self.position])
        self.right_layouts = _layouts(self.sequence[self.position + 1 :])
        self.replacement = params.string("replacement")
        self.fused_tags = frozenset(params.strings("fused_tags"))
        self.context = Context(params)
        right = "".join(condition.characters() for condition in self.sequence[self.position + 1 :])
        self.pattern = params.compile("sequence", f"(?:{_alternatives(anchor.words)})(?={right})")
        left = "".join(condition.characters() for condition in self.sequence[: self.position])
        self.left = params.compile("sequence", f"(?:{left})\\Z") if left else None
        self.left_reach = sum(condition.max_length for condition in self.sequence[: self.position])
        self.scanner = Scanner(self.pattern)
        self.required = frozenset(anchor.words)

    def patterns(self) -> list[re.Pattern[str]]:
        return [self.pattern]  # ``left`` is searched in the line's text before a match only

    @property
    def offers_fix(self) -> bool:
        return self.replacement is not None

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        runs = Runs(document)
        for match in self.scanner.finditer(text):
            start, end = match.span()
            if self.left is not None and not self._left_may_match(text, runs.line_start(start), start):
                continue
            run = runs.around(start)
            fields = None if run is None else self._matched(text, run, start, end)
            if fields is not None and self.context.allows(text, start, end):
                yield Finding(start, end, self.replacement, fields)

    def _left_may_match(self, text: str, line_start: int, start: int) -> bool:
        if any(condition.edge for condition in self.sequence[: self.position]):
            return True
        low = max(line_start, start - self.left_reach - 1)  # the mark before a run is one more character
        assert self.left is not None
        return self.left.search(text, low, start) is not None

    def _matched(self, text: str, run: tuple[int, int], start: int, end: int) -> dict[str, str] | None:
        """The fields of the sequence that has its reported word at [start, end), or None."""
        tokens, index = _clause_tokens(text, run, start, end, self.fused_tags)
        if index is None:
            return None
        left = next((layout for layout in self.left_layouts if _accepts(layout, tokens, index - len(layout))), None)
        right = next((layout for layout in self.right_layouts if _accepts(layout, tokens, index + 1)), None)
        if left is None or right is None:
            return None
        before = _described(left, tokens, index - len(left))
        after = _described(right, tokens, index + 1)
        return {"before": "".join(before), "after": "".join(after)}


def _layouts(conditions: Sequence[Condition]) -> list[tuple[Condition, ...]]:
    """The sequences ``conditions`` stands for: every optional one present or absent, the fuller first."""
    layouts: list[tuple[Condition, ...]] = [()]
    for condition in conditions:
        present = [(*layout, condition) for layout in layouts]
        layouts = present + layouts if condition.optional else present
    return sorted(layouts, key=len, reverse=True)


def _accepts(layout: Sequence[Condition], tokens: Sequence[Token], first: int) -> bool:
    """Whether the words from ``first`` on meet ``layout``'s conditions (outside the clause: no word)."""
    return all(
        condition.accepts(tokens[at] if 0 <= at < len(tokens) else None)
        for at, condition in enumerate(layout, start=first)
    )


def _described(layout: Sequence[Condition], tokens: Sequence[Token], first: int) -> list[str]:
    """The words matched by the conditions of ``layout`` that say what a word is (marks left out)."""
    return [
        tokens[at][0]
        for at, condition in enumerate(layout, start=first)
        if 0 <= at < len(tokens) and condition.describes() and not _is_mark(tokens[at])
    ]


def _is_mark(token: Token) -> bool:
    word, tag = token
    return tag == segment.UNTAGGED and len(word) == 1 and not word.isalnum()


class Runs:
    """The runs jieba segments each as one piece (``segment.runs``), found line by line as asked for."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._line = -1
        self._starts: list[int] = []
        self._ends: list[int] = []

    def line_start(self, position: int) -> int:
        return self.document.line_starts[bisect.bisect_right(self.document.line_starts, position) - 1]

    def around(self, position: int) -> tuple[int, int] | None:
        line = bisect.bisect_right(self.document.line_starts, position) - 1
        if line != self._line:
            start, end = self.document.paragraph(line)
            found = [match.span() for match in segment.runs(self.document.text[start:end])]
            self._starts = [start + low for low, _ in found]
            self._ends = [start + high for _, high in found]
            self._line = line
        index = bisect.bisect_right(self._starts, position) - 1
        if index < 0 or position >= self._ends[index]:
            return None
        return self._starts[index], self._ends[index]


def _splits(stem: str) -> bool:
    """Whether a fused word may be read as ``stem`` + the reported word: the stem is a dictionary word of
    two or more characters (滔滔 of 滔滔地); one character before 地 makes a word of its own (湿地, 草地)."""
    return len(stem) >= FUSED_STEM_MIN and segment.tag_of(stem) != segment.UNTAGGED


def _clause_tokens(
    text: str, run: tuple[int, int], start: int, end: int, fused_tags: frozenset[str] = frozenset()
) -> tuple[Sequence[Token], int | None]:
    """The tagged words of ``run`` with the mark on either side, and the index of the word that is
    exactly [start, end) (None when the span is part of a longer word, unless that word ends with it
    and has one of ``fused_tags``: then it is split into its stem and the span)."""
    run_start, run_end = run
    tokens: list[Token] = []
    if run_start > 0 and text[run_start - 1] not in "\r\n":
        tokens.append((text[run_start - 1], segment.UNTAGGED))
    offset, index = run_start, None
    for word, tag in RUN_WORDS(text[run_start:run_end]):
        word_end = offset + len(word)
        if offset == start and word_end == end:
            index = len(tokens)
        elif offset < start and word_end == end and tag in fused_tags and _splits(word[: start - offset]):
            stem, word = word[: start - offset], word[start - offset :]
            tokens.append((stem, segment.tag_of(stem)))
            tag = segment.tag_of(word)
            index = len(tokens)
        tokens.append((word, tag))
        offset = word_end
    if run_end < len(text) and text[run_end] not in "\r\n":
        tokens.append((text[run_end], segment.UNTAGGED))
    return tokens, index


CHECK = TaggedCheck
