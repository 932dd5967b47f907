"""``lexicon``: a list of wrong forms, each with its right form (错别字表, 异形词表).

params:
  entries: {wrong: right, ...}   literal wrong forms and what to write instead; a wrong form may
                                 not be another entry's right form nor contain one
  word_boundaries: bool          (default true) a match is dropped when a dictionary word of jieba's
                                 runs across one of its ends: 机关健身 holds 关健 (→关键) only by
                                 coincidence, as 机关 and 健身 are words; 全部份额 holds 部份 the same way.
                                 A word that holds the whole match and is a word again with the right
                                 form put in is no such coincidence: jieba's dictionary, learnt from web
                                 text, has the slips' own compounds (竟争力 beside 竞争力, 大部份, 元霄节),
                                 and the match inside one is reported (记叙文 holds 叙文, but 记序文 is no word)
  window: int                    characters on each side given to jieba (default 6)
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches).

The message may use ``{right}``. One rule holds many entries of one kind and one source; the test
suite tries each entry in a sentence of its own (tests/checks/test_lexicon.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.text import is_han
from lint.source import Document


class LexiconCheck(Check):
    kind = "lexicon"
    default_fix = "unsafe"
    locality = "paragraph"  # jieba is given the Han characters around a match: a line break ends them

    def configure(self, params: Params) -> None:
        raw = params.mapping("entries", required=True)
        if not raw or not all(isinstance(k, str) and k and isinstance(v, str) and v for k, v in raw.items()):
            raise params.error("entries", "must be a non-empty mapping of wrong form to right form")
        rights = set(raw.values())
        for wrong, right in raw.items():
            if wrong == right:
                raise params.error("entries", f"'{wrong}' is listed as its own right form")
            clash = next((r for r in rights if r in wrong), None)
            if clash is not None:
                raise params.error("entries", f"wrong form '{wrong}' contains the right form '{clash}'")
        self.entries: dict[str, str] = dict(raw)
        self.word_boundaries = params.boolean("word_boundaries", True)
        self.window = params.integer("window", 6, minimum=1)
        self.required = frozenset(self.entries)
        alternatives = "|".join(re.escape(w) for w in sorted(self.entries, key=len, reverse=True))
        self.pattern = re.compile(alternatives)
        self.context = Context(params)
        if self.word_boundaries:
            _prepare_dictionary()

    def patterns(self) -> list[re.Pattern[str]]:
        return [self.pattern]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        for match in self.pattern.finditer(text):
            start, end = match.span()
            if not self.context.allows(text, start, end):
                continue
            if self.word_boundaries and self._straddled(text, start, end):
                continue
            right = self.entries[match.group()]
            yield Finding(start, end, right, {"right": right})

    def _straddled(self, text: str, start: int, end: int) -> bool:
        """Whether a dictionary word of jieba's segmentation of the surroundings crosses ``start`` or ``end``."""
        left = start
        while left > 0 and start - left < self.window and is_han(text[left - 1]):
            left -= 1
        right = end
        while right < len(text) and right - end < self.window and is_han(text[right]):
            right += 1
        if left == start and right == end:
            return False
        position = left
        for token in segment.tokens(text[left:right]):
            token_start, position = position, position + len(token)
            crosses = token_start < start < position or token_start < end < position
            word = crosses and len(token) > 1 and segment.is_dictionary_word(token)
            if word and not self._learnt_slip(token, start - token_start, text[start:end]):
                return True
        return False

    def _learnt_slip(self, token: str, offset: int, wrong: str) -> bool:
        """Whether ``token`` holds the whole wrong form at ``offset`` and reads as a dictionary word with the
        right form put in (竟争力 → 竞争力, 大部份 → 大部分): jieba's dictionary, learnt from web text, has
        the slips' own compounds. 记叙文 holds 叙文 too, but 记序文 is no word: that match is a coincidence."""
        if offset < 0 or offset + len(wrong) > len(token):
            return False
        corrected = token[:offset] + self.entries[wrong] + token[offset + len(wrong) :]
        return segment.is_dictionary_word(corrected)


def _prepare_dictionary() -> None:
    """Build the index of jieba's dictionary (once per cache) while the rule is built, not inside the
    time budget of the first document or example that needs a word boundary: the build takes a second
    or two, and cut short by the budget it would leave the run on the slow jieba fallback."""
    from lint import wordcut

    wordcut.load()


CHECK = LexiconCheck
