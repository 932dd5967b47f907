"""``pairing``: paired punctuation left open or closed without an opening, paragraph by paragraph.

params:
  pairs: ["“”", "《》", ...]   opening and closing mark of each pair (all characters distinct)
  continued: ["“"]            openers a quotation running over several paragraphs may leave open at a
                              paragraph's end, when the next paragraph opens with the same mark
                              (GB/T 15834 5.6.3)
  half_width: {"(": "（"}      half-width marks that may complete a pair (各县（市、区)); they are never
                              reported themselves: their width is the ``width`` kind's business
  markers: regex               a closing mark ending a list item's number written with one bracket (1）,
                              a）) is no unopened mark: the regex, matched up to and including the mark
                              from the paragraph's start (``^`` is the paragraph's start), says where
                              such a number stands
  nested: {"“”": "‘’"}         instead of unmatched marks, report a pair written inside a pair of the same
                              marks (“……“……”……”), which the key's value should replace (GB/T 15834
                              4.8: the inner quotation takes single marks) when the pair that directly
                              encloses it is of the same marks; inside an inner pair (the third level,
                              “‘“”’”) it is right again. Only pairs whose enclosing pair closes in
                              the same paragraph count. One finding per enclosing quotation (the
                              writer's one slip: its inner level written with double marks), from its
                              first nested pair to its last; ``{count}`` is how many. The fix swaps the
                              marks of each, when none holds a replacing mark itself.

A finding starts at an unclosed opener and runs to the next sentence end, the next opener of the
same kind or the paragraph end; for a closer without an opener it runs from the sentence start up
to the closer. So the column points at the opener (the end column at the closer) and the matched
text shows the stretch the mark belongs to. A mark between two Latin letters is an apostrophe
(don’t), not a quote, and so is ’ before a year's last two digits (’99昆明世界园艺博览会). An
opener left open at a line's end and closed by the first unopened closer of the next line (no blank
line between) is one pair broken over two lines (a title's bracketed note).
No fix: where the missing mark goes is the writer's call.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.checks.linememo import LineMemo
from lint.checks.text import SPACES, is_latin, is_year_apostrophe
from lint.regexes import compiled
from lint.source import Document

SENTENCE_ENDS = "。？！；"
NOT_SPACE = compiled(f"[^{SPACES}]")


class PairingCheck(Check):
    kind = "pairing"

    def configure(self, params: Params) -> None:
        pairs = params.strings("pairs", required=True)
        self.closer_of: dict[str, str] = {}
        self.opener_of: dict[str, str] = {}
        seen: set[str] = set()
        for pair in pairs:
            if len(pair) != 2 or pair[0] == pair[1] or seen & set(pair):
                raise params.error("pairs", f"each pair is two distinct characters used once, got {pair!r}")
            seen |= set(pair)
            self.closer_of[pair[0]] = pair[1]
            self.opener_of[pair[1]] = pair[0]
        self.half_width = params.mapping("half_width")
        for half, full in self.half_width.items():
            if not isinstance(full, str) or full not in seen or not isinstance(half, str) or len(half) != 1:
                raise params.error("half_width", f"maps one character to a mark of 'pairs', got {half!r}: {full!r}")
        markers = params.string("markers")
        self.markers = None if markers is None else params.compile("markers", f"(?m:{markers})\\Z")
        self.continued = set(params.strings("continued"))
        unknown = self.continued - set(self.closer_of)
        if unknown:
            raise params.error("continued", f"not an opening mark of 'pairs': {sorted(unknown)[0]!r}")
        marks = sorted({*self.closer_of, *self.opener_of, *self.half_width})
        self.any_mark = re.compile("[" + "".join(map(re.escape, marks)) + "]")
        self.nested = self._nested_pairs(params)
        self.inner_marks = {inner[0] for inner in self.nested.values()}
        self._memo = LineMemo(self._unmatched_alone)

    def _nested_pairs(self, params: Params) -> dict[str, str]:
        """``nested`` as {opening mark: the two marks the inner pair takes}."""
        nested: dict[str, str] = {}
        for pair, inner in params.mapping("nested").items():
            if not (isinstance(pair, str) and pair[:1] in self.closer_of and self.closer_of[pair[0]] == pair[1:]):
                raise params.error("nested", f"keys are pairs of 'pairs', got {pair!r}")
            if not (isinstance(inner, str) and len(inner) == 2):
                raise params.error("nested", f"values are two marks, got {inner!r}")
            nested[pair[0]] = inner
        return nested

    @property
    def offers_fix(self) -> bool:
        return bool(self.nested)

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        paragraphs = [(s, e) for s, e in document.paragraphs() if NOT_SPACE.search(text, s, e)]
        if self.nested:
            for start, end in paragraphs:
                yield from self._nested_findings(text, start, end)
            return
        carried: int | None = None  # a closer that completes the previous paragraph's last opener
        for number, (start, end) in enumerate(paragraphs):
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            reopened = _first_mark(text, *following) if following else ""
            unclosed, unopened = self._unmatched_in(text, start, end)
            closed_below = self._closed_in_next_line(text, unclosed, end, following)
            for index in unclosed:
                if text[index] in self.continued and text[index] == reopened:
                    continue
                if index == closed_below:
                    continue
                yield _unclosed(text, index, end, self.closer_of[text[index]])
            for index in unopened:
                if index == carried:
                    continue
                yield _unopened(text, start, index, self.opener_of[text[index]])
            carried = self._first_unopened(text, *following) if closed_below is not None and following else None

    def _closed_in_next_line(
        self, text: str, unclosed: list[int], end: int, following: tuple[int, int] | None
    ) -> int | None:
        """The last unclosed opener when the next paragraph, one line below, starts by closing it.

        A note in brackets broken over two lines ("（二〇〇四年六月十六日国务院" / "第54次常务会议修订通过）")
        is one pair, not an unclosed and an unopened mark."""
        if not unclosed or following is None or "\n\n" in text[end : following[0] + 1]:
            return None
        last = unclosed[-1]
        closer = self._first_unopened(text, *following)
        if closer is None or text[closer] != self.closer_of[text[last]]:
            return None
        return last

    def _first_unopened(self, text: str, start: int, end: int) -> int | None:
        _, unopened = self._unmatched_in(text, start, end)
        return unopened[0] if unopened else None

    def _unmatched_in(self, text: str, start: int, end: int) -> tuple[list[int], list[int]]:
        """``_unmatched`` of the paragraph, from the paragraphs' results kept by their text."""
        unclosed, unopened = self._memo(text[start:end])
        return [start + index for index in unclosed], [start + index for index in unopened]

    def _unmatched_alone(self, paragraph: str) -> tuple[list[int], list[int]]:
        return self._unmatched(paragraph, 0, len(paragraph))

    def _nested_findings(self, text: str, start: int, end: int) -> Iterator[Finding]:
        pairs = sorted(self._matched(text, start, end))
        as_fixed: dict[int, str] = {}  # each quotation's opening mark once the findings before it are fixed
        inside: dict[int, list[tuple[int, int]]] = {}  # the nested pairs directly inside each quotation
        for opening, closing in pairs:
            char = text[opening]
            if char not in self.nested and char not in self.inner_marks:
                continue
            as_fixed[opening] = char
            around = [o for o, c in pairs if o in as_fixed and o < opening and closing < c]
            if char not in self.nested or not around or as_fixed[max(around)] != char:
                continue  # at the top, or directly inside an inner pair (the third level, “‘“”’”): right
            as_fixed[opening] = self.nested[char][0]
            inside.setdefault(max(around), []).append((opening, closing))
        for nested in inside.values():
            yield self._nested_finding(text, nested)

    def _nested_finding(self, text: str, nested: list[tuple[int, int]]) -> Finding:
        """One finding for the nested pairs directly inside one quotation: from the first one's opening
        mark to the last one's closing mark, fixed by swapping the marks of each."""
        inner = self.nested[text[nested[0][0]]]
        begin, stop = nested[0][0], nested[-1][1] + 1
        fixed = list(text[begin:stop])
        for opening, closing in nested:
            if set(inner) & set(text[opening + 1 : closing]):
                fixed = []
                break
            fixed[opening - begin], fixed[closing - begin] = inner[0], inner[1]
        fields = {"mark": text[nested[0][0]] + text[nested[0][1]], "partner": inner, "count": str(len(nested))}
        return Finding(begin, stop, "".join(fixed) if fixed else None, fields)

    def _matched(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """(opener, closer) of every pair of marks that close each other in text[start:end]."""
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        for found in self.any_mark.finditer(text, start, end):
            index = found.start()
            char = text[index]
            if index > start and index + 1 < end and is_latin(text[index - 1]) and is_latin(text[index + 1]):
                continue  # an apostrophe: don’t
            if text[index] in "’'" and is_year_apostrophe(text, index, start, end):
                continue  # a year's apostrophe: ’99昆明世界园艺博览会
            if char in self.closer_of:
                stack.append(index)
            elif char in self.opener_of and self.opener_of[char] in (text[i] for i in stack):
                while text[stack[-1]] != self.opener_of[char]:
                    stack.pop()
                pairs.append((stack.pop(), index))
        return pairs

    def _unmatched(self, text: str, start: int, end: int) -> tuple[list[int], list[int]]:
        stack: list[int] = []
        open_marks: Counter[str] = Counter()  # the marks on the stack
        unclosed: list[int] = []
        unopened: list[int] = []

        def mark(index: int) -> str:
            return self.half_width.get(text[index], text[index])

        for found in self.any_mark.finditer(text, start, end):
            index = found.start()
            char = mark(index)
            if char not in self.closer_of and char not in self.opener_of:
                continue
            if index > start and index + 1 < end and is_latin(text[index - 1]) and is_latin(text[index + 1]):
                continue  # an apostrophe: don’t
            if text[index] in "’'" and is_year_apostrophe(text, index, start, end):
                continue  # a year's apostrophe: ’99昆明世界园艺博览会
            if char in self.closer_of:
                stack.append(index)
                open_marks[char] += 1
                continue
            wanted = self.opener_of[char]
            if not open_marks[wanted]:
                if self.markers is None or not self.markers.search(text, start, index + 1):
                    unopened.append(index)
                continue
            while mark(stack[-1]) != wanted:
                open_marks[mark(stack[-1])] -= 1
                unclosed.append(stack.pop())
            open_marks[wanted] -= 1
            stack.pop()
        full_width = [i for i in unclosed + stack if text[i] not in self.half_width]
        return sorted(full_width), [i for i in unopened if text[i] not in self.half_width]


def _unclosed(text: str, index: int, end: int, partner: str) -> Finding:
    stop = index + 1
    while stop < end and text[stop] != text[index] and text[stop] not in SENTENCE_ENDS:
        stop += 1
    return Finding(index, stop, None, {"mark": text[index], "partner": partner, "side": "后"})


def _unopened(text: str, start: int, index: int, partner: str) -> Finding:
    begin = index
    while begin > start and text[begin - 1] != text[index] and text[begin - 1] not in SENTENCE_ENDS:
        begin -= 1
    while begin < index and text[begin] in SPACES:
        begin += 1
    return Finding(begin, index + 1, None, {"mark": text[index], "partner": partner, "side": "前"})


def _first_mark(text: str, start: int, end: int) -> str:
    found = NOT_SPACE.search(text, start, end)
    return "" if found is None else found.group()


CHECK = PairingCheck
