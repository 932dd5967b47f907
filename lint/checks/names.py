"""``names``: leaders' names garbled, listed out of order or referred to informally.

A rule gives exactly one of these params, which chooses what it checks:

names: [name, ...]            garbled forms of protected names anywhere (习习近平, 近习平, 习进平); the
                              forms are generated, never listed. With:
  classes: [class, ...]         variant classes for names of 3+ characters
  short_classes: [class, ...]   variant classes for 2-character names (their swaps and homophones
                                are ordinary words or other people's names: 强李, 李奇)
  similar: {char: chars}        confusion set: a character and the characters mistyped for it
  joining_words: [word, ...]    words that take an edge character of a span (学习 in 学习习近平,
                                平时 in 习近平平时), looked for before jieba's segmentation
  Classes: doubled-first (习习近平), doubled-inner (习近近平), doubled-last (习近平平),
  swapped (近习平, 习平近), similar (习进平).
order: [name, ...]            a listing of two or more of them out of this order. With:
  separator: regex              what stands between two names of one listing (、 ， 同志、)
  others: [name, ...]           people of other line-ups: a listing that holds one of them is another
                                line-up's (a history of the previous committee), not judged
  unordered_note: regex         a listing on a line, or just after a line, matching this is declared
                                in another order (按姓氏笔画为序) and not judged
listing: [name, ...]          a member misspelled inside a listing of the others (李强、李墙、王沪宁): a
                              form one look-alike character away from a member, joined by the
                              separator to a correctly written member, where that member is not
                              already listed. With ``separator`` and ``similar`` (the look-alikes,
                              wider than a free-text rule can afford: the listing is the evidence).
forms: {form: replacement}    informal or abbreviated references (习大大, 习总书记) and the full form. With:
  person: name                  whom they refer to (see "who speaks")
  unless_preceded_by: regex     the form is someone else's words reported without quotes (大家表示，一定不辜负
                                习总书记的嘱托), ending at the form
  unless_followed_by: regex     ... or stands in a news formula of central releases (……给习总书记写信)
  quoted_title_before: regex    what follows a quotation that names the draft's own event (“……”专题研讨会):
                                such a quotation is the draft's words, judged like the rest (also ``title``)
title: text                   a bare title (总书记) before the person holding it has been named in the
                              document; only the first is reported. With:
  person: name                  who holds it; any earlier mention of him is the full mention
  unless_preceded_by: regex     the title belongs to an organ or a listing of titles (中共中央总书记、…)
  unless_followed_by: regex     ... or is followed by the name (总书记习近平)
  unless_headline: bool         ... or stands in the headline (the first non-empty line, ending no
                                sentence) of a document that names him below it: newspapers title
                                回望“十四五”，想起总书记这句话 and name him in the body (人民日报, 2025);
                                also a kicker and subtitle above it, and a short subheading inside the story
                                whose next paragraph names him

Every span is checked against the text around it: when a dictionary word of the text crosses its start
or end (赵乐|继续, 学习|习进平台), its edge character belongs to that word and the span is not reported
(lint.checks.name_context).

Who speaks (``forms`` and ``title``): a reference is judged only in the draft's own words. A document
whose byline is the person himself (a line of its head holding only his name, as his speeches print
it) is his own text and is not judged; nor is a reference inside “…”, someone else's words that the
draft quotes. Texts of central organs need no exception: they name the leader in full before any bare
title, or use it in a chain of titles that ends in his name (中共中央总书记、国家主席、中央军委主席习近平).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lint.chars import SENTENCE_END_MARKS
from lint.checks import name_context
from lint.checks.base import Check, Finding, Params
from lint.checks.text import is_han
from lint.regexes import compiled
from lint.source import Document

CLASSES = ("doubled-first", "doubled-inner", "doubled-last", "swapped", "similar")
MODES = ("names", "order", "listing", "forms", "title")
SENTENCE_END = compiled(f"[{SENTENCE_END_MARKS}]")


@dataclass(frozen=True, slots=True)
class Variant:
    text: str
    name: str
    variant_class: str


class NamesCheck(Check):
    kind = "names"
    default_fix = "safe"

    def configure(self, params: Params) -> None:
        given = [key for key in MODES if params.raw(key) is not None]
        if len(given) != 1:
            raise params.error("names", "give exactly one of " + ", ".join(f"'{m}'" for m in MODES))
        self.mode = given[0]
        builder = {
            "names": self._configure_variants,
            "order": self._configure_order,
            "listing": self._configure_listing,
            "forms": self._configure_forms,
            "title": self._configure_title,
        }[self.mode]
        builder(params)

    @property
    def offers_fix(self) -> bool:
        return self.mode != "order"

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        finder = {
            "names": self._find_variants,
            "order": self._find_disorder,
            "listing": self._find_misspelled_members,
            "forms": self._find_forms,
            "title": self._find_bare_title,
        }[self.mode]
        return finder(text)

    # -- names: garbled anywhere ----------------------------------------------------------------

    def _configure_variants(self, params: Params) -> None:
        names = _names(params, "names")
        classes = _classes(params, "classes", list(CLASSES))
        short_classes = _classes(params, "short_classes", ["doubled-first"])
        similar = _similar(params)
        self.joining_words = tuple(params.strings("joining_words"))
        self.variants: dict[str, Variant] = {}
        for name in names:
            wanted = short_classes if len(name) == 2 else classes
            for variant in _variants(name, wanted, similar):
                if variant.text not in names:
                    self.variants.setdefault(variant.text, variant)
        self.variant_pattern = _alternation(self.variants)

    def _find_variants(self, text: str) -> Iterator[Finding]:
        if self.variant_pattern is None:
            return
        for match in self.variant_pattern.finditer(text):
            if name_context.edge_inside_word(text, match.start(), match.end(), self.joining_words):
                continue
            name = self.variants[match.group()].name
            yield Finding(match.start(), match.end(), name, {"name": name})

    # -- order: a listing out of protocol order -------------------------------------------------

    def _configure_order(self, params: Params) -> None:
        order = _names(params, "order")
        if len(set(order)) != len(order):
            raise params.error("order", "lists a name twice")
        self.rank = {name: index for index, name in enumerate(order)}
        self.others = frozenset(params.strings("others"))
        if self.others & set(order):
            raise params.error("others", "names someone of this order")
        self.separator = _separator(params)
        self.unordered_note = params.regex("unordered_note")
        self.name_pattern = _alternation([*order, *self.others])
        self.required = frozenset(order)

    def _find_disorder(self, text: str) -> Iterator[Finding]:
        for listing in _listings(self.name_pattern, self.separator, text):
            found = [match.group() for match in listing]
            if self.others.intersection(found) or self._declared_unordered(text, listing[0].start()):
                continue
            expected = sorted(found, key=self.rank.__getitem__)
            if found != expected:
                yield Finding(listing[0].start(), listing[-1].end(), None, {"expected": "、".join(expected)})

    def _declared_unordered(self, text: str, start: int) -> bool:
        """按姓氏笔画为序 on the listing's line before it, or on the line just above."""
        if self.unordered_note is None:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
        return self.unordered_note.search(text, previous_start, start) is not None

    # -- listing: a member misspelled among the others ------------------------------------------

    def _configure_listing(self, params: Params) -> None:
        members = _names(params, "listing")
        similar = _similar(params)
        self.separator = _separator(params)
        self.misspelled: dict[str, str] = {}
        for name in members:
            for variant in _variants(name, ["similar"], similar):
                if variant.text not in members:
                    self.misspelled.setdefault(variant.text, name)
        self.members = frozenset(members)
        self.name_pattern = _alternation([*members, *self.misspelled])
        self.required = frozenset(members)

    def _find_misspelled_members(self, text: str) -> Iterator[Finding]:
        for listing in _listings(self.name_pattern, self.separator, text):
            listed = {match.group() for match in listing} & self.members
            if not listed:
                continue
            for match in listing:
                name = self.misspelled.get(match.group())
                if name is None or name in listed:
                    continue
                if not name_context.edge_inside_word(text, match.start(), match.end()):
                    yield Finding(match.start(), match.end(), name, {"name": name})

    # -- forms: informal or abbreviated references ----------------------------------------------

    def _configure_forms(self, params: Params) -> None:
        forms = params.mapping("forms")
        if not forms or not all(isinstance(k, str) and k and isinstance(v, str) and v for k, v in forms.items()):
            raise params.error("forms", "maps each informal form to its full form")
        self.forms: dict[str, str] = forms
        self.person = _person(params)
        self.form_pattern = _alternation(forms)
        self.required = frozenset(forms)
        self._configure_context(params)

    def _configure_context(self, params: Params, also_after: str | None = None) -> None:
        """``unless_preceded_by`` (ending at the span, searched from its line's start) and
        ``unless_followed_by`` (matched at its end), shared by ``forms`` and ``title``; ``also_after``
        is one more alternative of the latter."""
        before = params.string("unless_preceded_by")
        self.context_before = None if before is None else params.compile("unless_preceded_by", f"(?:{before})\\Z")
        after = [source for source in (params.string("unless_followed_by"), also_after) if source is not None]
        joined = "|".join(f"(?:{source})" for source in after)
        self.context_after = params.compile("unless_followed_by", joined) if after else None
        title = params.string("quoted_title_before")
        self.own_title = None if title is None else params.compile("quoted_title_before", title)

    def _context_exempt(self, text: str, line_start: int, start: int, end: int) -> bool:
        if self.context_before is not None and self.context_before.search(text, line_start, start):
            return True
        return self.context_after is not None and self.context_after.match(text, end) is not None

    def _find_forms(self, text: str) -> Iterator[Finding]:
        assert self.form_pattern is not None
        matches = list(self.form_pattern.finditer(text))
        if not matches or name_context.own_words(text, self.person):
            return
        for match in matches:
            start, end = match.span()
            quoted = name_context.quoted(text, start, end, self.own_title)
            if quoted or name_context.edge_inside_word(text, start, end, garbled=False):
                continue
            if self._context_exempt(text, text.rfind("\n", 0, start) + 1, start, end):
                continue
            full = self.forms[match.group()]
            yield Finding(start, end, full, {"full": full})

    # -- title: a bare title before the full mention --------------------------------------------

    def _configure_title(self, params: Params) -> None:
        self.title = params.string("title") or ""
        if not self.title:
            raise params.error("title", "must not be empty")
        self.person = _person(params)
        self._configure_context(params, also_after=f"\\s*{re.escape(self.person)}")  # 总书记习近平: not bare
        self.headline_exempt = params.boolean("unless_headline", False)
        self.required = frozenset([self.title])

    def _find_bare_title(self, text: str) -> Iterator[Finding]:
        first_mention = text.find(self.person)
        limit = len(text) if first_mention == -1 else first_mention
        start = text.find(self.title, 0, limit)
        if start != -1 and first_mention != -1 and self.headline_exempt:
            headline_end = _headline_end(text)
            if start < headline_end:
                start = text.find(self.title, headline_end, limit)
        while start != -1:
            end = start + len(self.title)
            line_start = text.rfind("\n", 0, start) + 1
            if self._after_a_name(text, line_start, start):
                return  # a mention by name, however written (习总书记, 习进平总书记): the title is not bare after it
            if self._bare(text, line_start, start, end) and not (
                self.headline_exempt and _subheading_over_name(text, line_start, self.person)
            ):
                if not name_context.own_words(text, self.person):
                    yield Finding(start, end, self.person + self.title, {"person": self.person})
                return
            start = text.find(self.title, end, limit)

    def _bare(self, text: str, line_start: int, start: int, end: int) -> bool:
        if self._context_exempt(text, line_start, start, end):
            return False
        quoted = name_context.quoted(text, start, end, self.own_title)
        return not quoted and not name_context.edge_inside_word(text, start, end)

    def _after_a_name(self, text: str, line_start: int, start: int) -> bool:
        """A name stands right before the title: a form of the person's own (习进平总书记, two of his
        name's characters among the characters before it: garbled-leader-name's business; his surname
        alone, 习总书记), or a word the dictionary does not know (阮富仲总书记: someone else's name),
        where a bare title follows a known word (贯彻总书记, 按照总书记) or punctuation."""
        before = text[max(line_start, start - len(self.person)) : start]
        if len(set(before) & set(self.person)) >= 2:
            return True
        if start == line_start or not is_han(text[start - 1]):
            return False
        word = name_context.word_before(text, start)
        if word == self.person[0]:
            return True  # the surname alone: 习总书记, a form the ``forms`` rules judge
        return word is not None and len(word) > 1 and not name_context.is_known_word(word)


# a kicker, the headline and a subtitle (宁夏泾源县杨岭村—— / 荒山变绿产业兴……（总书记的深情牵挂……）)
HEADLINE_LINES = 3
SUBHEADING_MAX = 20  # characters of a newspaper's subheading inside the story


def _subheading_over_name(text: str, line_start: int, person: str) -> bool:
    """Whether the line at ``line_start`` is a short subheading (no sentence ends in it) whose next
    non-empty line names ``person``: 总书记对家政行业很了解 / 去年3月8日，习近平总书记……
    (人民日报 2019-02-19)."""
    end = text.find("\n", line_start)
    if end == -1:
        return False
    line = text[line_start:end].strip()
    if not line or len(line) > SUBHEADING_MAX or SENTENCE_END.search(line):
        return False
    following = text[end + 1 :].lstrip()
    next_end = following.find("\n")
    return person in (following if next_end == -1 else following[:next_end])


def _headline_end(text: str) -> int:
    """Where the document's headline ends: its first non-empty lines up to a blank line, at most three,
    none ending a sentence (a newspaper's kicker, headline and subtitle); 0 when the first line ends one."""
    headline_end = 0
    position = len(text) - len(text.lstrip())
    for _ in range(HEADLINE_LINES):
        end = text.find("\n", position)
        end = len(text) if end == -1 else end
        if not text[position:end].strip() or SENTENCE_END.search(text, position, end):
            break
        headline_end = end
        if end == len(text):
            break
        position = end + 1
    return headline_end


def _names(params: Params, key: str) -> list[str]:
    names = params.strings(key, required=True)
    short = next((name for name in names if len(name) < 2), None)
    if short is not None:
        raise params.error(key, f"'{short}' is too short to protect")
    return names


def _person(params: Params) -> str:
    person = params.string("person", required=True) or ""
    if len(person) < 2:
        raise params.error("person", "names the person referred to")
    return person


def _separator(params: Params) -> re.Pattern[str]:
    separator = params.regex("separator", required=True)
    assert separator is not None
    if separator.fullmatch(""):
        raise params.error("separator", "matches the empty string")
    return separator


def _similar(params: Params) -> dict[str, str]:
    similar = params.mapping("similar")
    for char, chars in similar.items():
        if not isinstance(char, str) or len(char) != 1 or not isinstance(chars, str) or not chars:
            raise params.error("similar", "maps one character to a string of confusable characters")
    return similar


def _classes(params: Params, key: str, default: list[str]) -> list[str]:
    chosen = default if params.raw(key) is None else params.strings(key)
    unknown = [c for c in chosen if c not in CLASSES]
    if unknown:
        raise params.error(key, f"unknown variant class '{unknown[0]}' (known: {', '.join(CLASSES)})")
    return chosen


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for the words, longest first; None for none."""
    alternatives = sorted(words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, alternatives))) if alternatives else None


def _listings(pattern: re.Pattern[str] | None, separator: re.Pattern[str], text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of two or more names joined only by separators."""
    if pattern is None:
        return
    run: list[re.Match[str]] = []
    for match in pattern.finditer(text):
        if run and separator.fullmatch(text, run[-1].end(), match.start()):
            run.append(match)
            continue
        if len(run) >= 2:
            yield run
        run = [match]
    if len(run) >= 2:
        yield run


def _variants(name: str, classes: list[str], similar: dict[str, str]) -> Iterator[Variant]:
    last = len(name) - 1
    for index, char in enumerate(name):
        doubled = "doubled-first" if index == 0 else "doubled-last" if index == last else "doubled-inner"
        if doubled in classes:
            yield Variant(name[:index] + char + name[index:], name, doubled)
        if "similar" in classes:
            for other in similar.get(char, ""):
                yield Variant(name[:index] + other + name[index + 1 :], name, "similar")
        if "swapped" in classes and index < last and name[index + 1] != char:
            yield Variant(name[:index] + name[index + 1] + char + name[index + 2 :], name, "swapped")


CHECK = NamesCheck
