"""``repetition``: the same word written twice in a row (坚决坚决, 的的), also across a hard line wrap.

params:
  max_unit: int                longest repeated unit looked for, in Han characters (default 4)
  allow: [word, ...]           words holding a doubled part (常常, 家家户户, 不了了之, 人民民主); a
                               repeat inside an occurrence of one of these words is not reported
  tentative_verbs: [verb, ...] verbs whose ABAB reduplication (tentative aspect: 研究研究, 商量商量)
                               is right anywhere; the same as listing the doubled form under allow
  reduplicable_verbs: [verb, ...]  verbs whose ABAB reduplication is colloquial when it closes a
                               clause (多向群众学习学习。) though a slip before an object (学习学习贯彻)
  reduplication_before: regex  what closes a clause for reduplicable_verbs (e.g. [，。；！？])
  allow_aabb: bool             a doubled character next to another doubled character (干干净净,
                               清清白白) is an AABB reduplication, not a slip (default true)
  reduplications: [regex, ...] patterns of the language that double a unit on purpose: a repeat is
                               legitimate when a match of one of them, within the line, covers both
                               copies (一个个 一步一步 一个节点一个节点: numeral + classifier;
                               很紧很紧 非常非常: degree adverb; 走着走着: V着V着; 实干实干再实干)
  surnames: str                characters that are surnames: a single character doubled right after
                               one of them, when the surname stands alone as a jieba word, is a
                               given name (屠呦呦, 张丹丹), not a slip
  not_given_names: str         characters never doubled in a given name (的, 了, 和, 把 …): their
                               doubling after a surname character (党和和国家) is still a slip
  literary_doubles: bool       a character outside the 1,500 most frequent (lint/data/common_hanzi.txt)
                               doubled is a literary reduplication (芳草萋萋, 皎皎河汉女, 杳杳钟声晚: quoted
                               poetry, descriptive prose), not a slip (default false); the doubled
                               function words and common characters that slips produce (的的, 在在,
                               和和) are all among the 1,500
  suffixes: str                characters that end words and never begin one (们, 式, 者): typed again
                               right after a word ending in them (装配式式公路, 我们们), the second copy
                               is a slip; any other character may begin the next word (安全|全链条,
                               工作|作了, 目的|的|实现), so a doubled one there is left alone
  unless_preceded_by / unless_followed_by: regex  contexts where a repeat is legitimate
  window: int                  characters of context on each side given to jieba (default 8)
  heading, min_wrapped_line, paragraph_indent: which line breaks are hard wraps inside a paragraph,
                               see ``lint.checks.paragraph``

A candidate is found by a regular expression (an adjacent repeated Han string, optionally split by
one line break); only candidates that survive the allowlists and patterns are segmented with jieba,
and only in a small window: the two copies must be whole jieba words (人民民主 is 人民/民主, not a
repeat), or, for a dictionary word of two or more characters, end where jieba's words end
(贯彻落实落实, 推进推进).

Line breaks. A repeat across a line break is looked for only where the break is a hard wrap inside
one paragraph (``lint.checks.paragraph``): never after a heading or list item, a short line (title,
unnumbered heading), before an indented line, across a blank line, or in a .docx (one paragraph a
line). So ``（三）抓好落实`` followed by a paragraph opening with 落实 is silent, while a long line
ending in 深入 wrapped onto a line starting with 深入 is reported.

What stays a slip: 坚决坚决, 贯彻落实落实, 贯彻贯彻落实 (a word typed again before the set verb phrase it
begins, tagged i, z or v; before a noun it begins, 管理管理人员, it is the verb's object), 的的, 了了
(完成了了任务; 不了了之 and 一了百了 are words), a 2-6 character unit pasted twice, a suffix typed twice
at the end of a word (装配式式, 我们们; only the ``suffixes``: 安全全链条 and 工作作了 are two words
each). A doubled first character of a leader's name (习习近平) is the names kind's finding: jieba reads
习/习近平, so it is not a repeat of two whole words here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.linememo import LineMemo
from lint.checks.paragraph import LineJoin
from lint.checks.text import HAN, SPACES, is_han
from lint.encodings import frequent_hanzi
from lint.regexes import compiled
from lint.source import Document

GAP = rf"[{SPACES}]*(?:\r\n|\r|\n)[{SPACES}]*"
LINE_BREAKS = "\r\n"
GAPS = compiled(GAP)


# dictionary tags of the set verb phrases whose head a slip may type twice: 贯彻落实 (i), 认真落实 (z), verbs (v)
VERBAL_COMPOUND_TAGS = frozenset({"i", "z", "v"})
# jieba's tags of common nouns, organisations, places and other proper nouns (not person names, nr)
NOUN_TAGS = frozenset({"n", "nt", "ns", "nz"})
# jieba's tag of state adjectives (状态词: 通红, 雪白, 笔直), whose reduplication is ABAB by grammar
STATE_WORD_TAG = "z"


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    unit: str
    gap: str

    @property
    def end(self) -> int:
        return self.start + 2 * len(self.unit) + len(self.gap)


class RepetitionCheck(Check):
    kind = "repetition"
    default_fix = "safe"

    def configure(self, params: Params) -> None:
        self.max_unit = params.integer("max_unit", 4, minimum=1)
        self.window = params.integer("window", 8, minimum=1)
        self.allow_aabb = params.boolean("allow_aabb", True)
        self.reduplications = [params.compile("reduplications", p) for p in params.strings("reduplications")]
        self.reduplicable_verbs = frozenset(params.strings("reduplicable_verbs"))
        allowed = params.strings("allow") + [verb * 2 for verb in params.strings("tentative_verbs")]
        doubled_in_allow = sorted(verb for verb in self.reduplicable_verbs if verb * 2 in allowed)
        if doubled_in_allow:  # allow accepts them everywhere: the clause-end condition would never apply
            raise params.error(
                "reduplicable_verbs",
                f"already allowed everywhere by 'allow' or 'tentative_verbs': {', '.join(doubled_in_allow)}",
            )
        self.reduplication_before = params.regex("reduplication_before")
        self.surnames = frozenset(params.string("surnames", "") or "")
        self.not_given_names = frozenset(params.string("not_given_names", "") or "")
        self.suffixes = frozenset(params.string("suffixes", "") or "")
        self.literary_doubles = params.boolean("literary_doubles", False)
        self.context = Context(params)
        self.line_join = LineJoin(params)
        self.allowed = _allow_index(allowed)
        self.reach = max((len(word) for words in self.allowed.values() for word, _ in words), default=0)
        # a repeat within a line; repeats across a line break are looked for at the line breaks only
        self.prefilter = re.compile(rf"(?=([{HAN}]{{1,{self.max_unit}}})\1)")
        self.gap = re.compile(rf"(?:{GAP})?")
        self._line_starts = LineMemo(self._prefiltered)
        self._boundaries = LineMemo(segment.boundaries)  # jieba's cuts of a candidate's surroundings

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        reported_until = -1
        for start in self._starts(text):
            if start < reported_until:
                continue
            for candidate in self._candidates(text, start):
                if self._is_slip(document, candidate):
                    reported_until = candidate.end
                    yield Finding(
                        candidate.start,
                        candidate.end,
                        candidate.unit + candidate.gap,
                        {"unit": candidate.unit, "repeated": candidate.unit * 2},
                    )
                    break

    def _starts(self, text: str) -> list[int]:
        """Every offset where a Han string of up to ``max_unit`` characters is repeated at once or
        after one line break (with the spaces around it), in order."""
        starts: set[int] = set()
        offset = 0
        for line in text.split("\n"):  # a repeat the prefilter finds is of Han characters: within a line
            starts.update(offset + start for start in self._line_starts(line))
            offset += len(line) + 1
        for gap in GAPS.finditer(text):
            before, after = gap.start(), gap.end()
            for length in range(1, min(self.max_unit, before) + 1):
                if not is_han(text[before - length]):
                    break
                if text[before - length : before] == text[after : after + length]:
                    starts.add(before - length)
        return sorted(starts)

    def _prefiltered(self, line: str) -> list[int]:
        return [match.start() for match in self.prefilter.finditer(line)]

    def _candidates(self, text: str, start: int) -> Iterator[Candidate]:
        """Every repeat starting at ``start``, shortest unit first (的的 before 的的的的)."""
        for length in range(1, self.max_unit + 1):
            unit = text[start : start + length]
            if len(unit) < length or not is_han(unit[-1]):
                return
            gap = self.gap.match(text, start + length)
            assert gap is not None  # the gap is optional, so it always matches
            second = gap.end()
            if text[second : second + length] == unit:
                yield Candidate(start, unit, gap.group())

    def _is_slip(self, document: Document, candidate: Candidate) -> bool:
        text = document.text
        if not self.context.allows(text, candidate.start, candidate.end):
            return False
        if candidate.gap and not self.line_join.wraps_after(document, document.position(candidate.start)[0]):
            return False
        if self._reduplicated_verb(text, candidate):
            return False
        if self.literary_doubles and len(candidate.unit) == 1 and candidate.unit not in frequent_hanzi():
            return False
        joined, offset = self._joined(text, candidate, max(self.reach, 2 * self.max_unit))
        if self._allowlisted(joined, offset, candidate.unit):
            return False
        if self.allow_aabb and len(candidate.unit) == 1 and _next_to_doubled(joined, offset):
            return False
        if self._patterned(joined, offset, len(candidate.unit)):
            return False
        if len(candidate.unit) == 2 and segment.tag_of(candidate.unit) == STATE_WORD_TAG:
            return False  # a state adjective reduplicates as ABAB (通红通红, 雪白雪白: 人民日报 2020)
        return self._segmented_slip(text, candidate)

    def _reduplicated_verb(self, text: str, candidate: Candidate) -> bool:
        """A reduplicable verb doubled at the end of a clause (多向群众学习学习。)."""
        return (
            candidate.unit in self.reduplicable_verbs
            and not candidate.gap
            and self.reduplication_before is not None
            and self.reduplication_before.match(text, candidate.end) is not None
        )

    @staticmethod
    def _joined(text: str, candidate: Candidate, reach: int) -> tuple[str, int]:
        """The candidate with its gap removed and up to ``reach`` characters either side on the same
        lines, and the candidate's offset in that string."""
        left = text[max(0, candidate.start - reach) : candidate.start]
        left = left[max(left.rfind("\n"), left.rfind("\r")) + 1 :]
        right = text[candidate.end : candidate.end + reach]
        cut = min((i for i in (right.find("\n"), right.find("\r")) if i >= 0), default=len(right))
        return left + candidate.unit * 2 + right[:cut], len(left)

    def _allowlisted(self, joined: str, offset: int, unit: str) -> bool:
        for word, position in self.allowed.get(unit * 2, ()):
            begin = offset - position
            if begin >= 0 and joined[begin : begin + len(word)] == word:
                return True
        return False

    def _patterned(self, joined: str, offset: int, size: int) -> bool:
        """Whether a match of one of ``reduplications`` starting at or before the first copy ends at
        or after the second one."""
        end = offset + 2 * size
        for pattern in self.reduplications:
            for begin in range(offset + 1):
                match = pattern.match(joined, begin)
                if match is not None and match.end() >= end:
                    return True
        return False

    def _segmented_slip(self, text: str, candidate: Candidate) -> bool:
        joined, offset = self._joined(text, candidate, self.window)
        cuts = self._boundaries(joined)
        size = len(candidate.unit)
        if {offset, offset + size, offset + 2 * size} <= cuts:
            return not (size == 1 and self._given_name(joined, offset, cuts))
        if size == 1:
            return self._doubled_word_end(joined, offset, cuts)
        # A word of two or more characters typed twice is still a slip when jieba glues the first copy
        # to the word before it (贯彻落实|落实) or reads both copies as one token (推进推进), as long
        # as the doubled form is not itself a word. (One character is handled above, more strictly.)
        # When jieba glues the second copy to the word after it, only a set verb phrase counts
        # (贯彻|贯彻落实, 深入|深入开展): 管理|管理人员, a verb and its noun object, has the same shape and is right.
        if size >= 2 and offset + size in cuts and offset + 2 * size not in cuts:
            # the first copy whole inside the word before the second (贯彻 or 认真贯彻 | 贯彻落实)
            before = max((cut for cut in cuts if cut < offset + size), default=0)
            return before <= offset and self._verb_before_its_own_compound(joined, offset, size, cuts)
        if size < 2 or offset + 2 * size not in cuts or not (offset in cuts or offset + size in cuts):
            return False
        if offset not in cuts and _noun_then_its_verb(joined, offset, size, cuts):
            return False
        return segment.is_dictionary_word(candidate.unit) and not segment.is_dictionary_word(candidate.unit * 2)

    @staticmethod
    def _verb_before_its_own_compound(joined: str, offset: int, size: int, cuts: set[int]) -> bool:
        """A word typed again before the verbal compound it begins (贯彻|贯彻落实, 认真贯彻|贯彻落实, 深入|深入开展):
        the compound is a set verb phrase of the dictionary (tagged i, z or v), so the first copy has
        nothing to govern. A verb before a noun it begins (管理|管理人员, 研究|研究生) is a verb and its
        object, and stays silent."""
        unit = joined[offset : offset + size]
        end = min((cut for cut in cuts if cut > offset + size), default=len(joined))
        compound = joined[offset + size : end]
        return (
            len(compound) > size
            and segment.is_dictionary_word(unit)
            and not segment.is_dictionary_word(unit * 2)
            and segment.tag_of(compound) in VERBAL_COMPOUND_TAGS
        )

    def _doubled_word_end(self, joined: str, offset: int, cuts: set[int]) -> bool:
        """A suffix typed twice at the end of a word (装配式|式|公路, 我们|们): the first copy ends a
        dictionary word of two or more characters, the second stands alone, and the doubled pair is
        not a word."""
        char = joined[offset]
        if char not in self.suffixes or not {offset + 1, offset + 2} <= cuts or offset in cuts:
            return False
        word_start = max(cut for cut in cuts if cut < offset)
        word = joined[word_start : offset + 1]
        return segment.is_dictionary_word(word) and not segment.is_dictionary_word(char * 2)

    def _given_name(self, joined: str, offset: int, cuts: set[int]) -> bool:
        """A doubled character right after a surname that jieba leaves as a word of its own: the
        given name of a person (屠/呦/呦), unless the character is one never doubled in names."""
        if offset < 1:
            return False
        surname, doubled = joined[offset - 1], joined[offset]
        return (
            surname in self.surnames
            and surname != doubled
            and offset - 1 in cuts
            and doubled not in self.not_given_names
        )


def _noun_then_its_verb(joined: str, offset: int, size: int, cuts: set[int]) -> bool:
    """The first copy ends a noun and the second is the unit as a verb (上级党组织|组织的学习, 各级团组织|组织开展):
    two words, the noun the subject of the verb; 贯彻落实|落实 ends a verb phrase (tagged i) and stays a slip."""
    start = max((cut for cut in cuts if cut < offset), default=0)
    noun = joined[start : offset + size]
    # jieba tags some set phrases as names (严肃处理 nr): a name does not end in a verb, so only nouns count
    return segment.tag_of(noun) in NOUN_TAGS and segment.tag_of(joined[offset : offset + size]) == "v"


def _allow_index(words: list[str]) -> dict[str, list[tuple[str, int]]]:
    """For every doubled string inside an allowed word (家家 and 户户 in 家家户户), the words holding
    it and where."""
    index: dict[str, list[tuple[str, int]]] = {}
    for word in words:
        for size in range(1, len(word) // 2 + 1):
            for position in range(len(word) - 2 * size + 1):
                unit = word[position : position + size]
                if word[position + size : position + 2 * size] == unit:
                    index.setdefault(unit * 2, []).append((word, position))
    return index


def _next_to_doubled(joined: str, offset: int) -> bool:
    """AABB: the doubled character at ``offset`` is followed or preceded by another doubled character."""
    after = joined[offset + 2 : offset + 4]
    before = joined[max(0, offset - 2) : offset]
    return any(len(pair) == 2 and pair[0] == pair[1] and is_han(pair[0]) for pair in (after, before))


CHECK = RepetitionCheck
