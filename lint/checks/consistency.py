"""``consistency``: two accepted forms of one thing in one document.

Each form is counted over the whole document; when more than one occurs, every place of a minority
form is reported with the majority form as the suggestion (a tie goes to the form listed first).

Two forms of params:

forms (“两新”组织 / 两新组织):
  forms: [text | {text, regex}, ...]   the accepted forms; ``regex`` finds a form written in several
                                       ways (‘两新’组织), ``text`` is what it is replaced with

characters (〇 / 零 in years, ０ / 0):
  characters: [string, string]  two forms of the same characters, position for position
  within: regex                 where the characters are compared (default: everywhere)
  group: regex                  each match is compared on its own (a list from its 1. on), not the
                                whole document: what is outside every match is not compared

variants (no list of forms: lint.checks.variants and lint.checks.phrase_variants find them):
  variants: names | quoted-series | quoted-names | title-names | place-short-names | person-names
            | latin-case (lint.checks.case_variants: TCP / tcp)
  edit: insertion | replacement        (names) how two spellings of one name differ
  suffixes: [token, ...]               (names) the last word of a name: 镇, 公司, 业 …;
                                       (title-names) what ends an event's name: 会, 活动 …;
                                       (place-short-names) what ends a body's short name: 院, 局 …
  min_length: int                      (names) shortest name compared (default 5 characters);
                                       (title-names) shortest run compared (default 5)
  max_tokens: int                      (names) longest name in jieba tokens (default 4)
  relational: [word, ...]              (names) words that name a place by its relation (所在地, 当地):
                                       no name is read across one (申请人所在地省 / 申请人所在省)
  predicates: [word, ...]              (names) words of a sentence's predicate that no name holds (是,
                                       可以, 设立): no name is read across one either (股东会是公司 /
                                       股东大会是公司 are two clauses, not two spellings of a name)
  contrasts: [chars, ...]              (names) groups of contrasting characters (初中高, 东西南北): names
                                       differing only by two of one group are two units, no slip
  distinct: [word/word, ...]           (names) pairs of words that are two terms, not one spelt two
                                       ways (高技术/高新技术: 高技术产业 and 高新技术产业 are two statistics)
  declared_by: regex                   (names) what declares a short form (简称为?|以下简称): two
                                       spellings are not a slip when the document writes either
                                       right after it (……协会，简称为镇海信息技术协会)
  places: [name, ...]                  (place-short-names) places of one level without it: 安徽 …
  level: text                          (place-short-names) the level they drop: 省
  collective: [name, ...]              (place-short-names) names that after a place mean every body of
                                       their kind there, not one body (辽宁法院: the province's courts)
  followers: str                       (title-names) characters that may follow an event's name in a
                                       sentence (的, 召 of 召开 …): a suffix before another character
                                       is inside a longer word (社会 in 社会主义)
  connectors: str                      (title-names) characters that join two parts of a name (和, 、):
                                       a space written in their place is the one edit
  titles: [word, ...]                  (person-names) titles a name stands beside: 书记, 副秘书长 …
  surnames: str                        (person-names) the characters a name may start with
  ignore: [word, ...]                  (quoted-names) words a quoted name may drop without a slip
                                       (的, 特别: “其他特别严重情节” / “其他严重情节” are two degrees)
  The message may use {majority} (the spelling to use) and {count} (its occurrences).

forms and characters:
  prefer_first: bool            the first form is the suggestion whatever the counts (when a
                                standard names it, e.g. 〇 in years): the other is reported
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks import case_variants, person_variants, phrase_variants, quoted_names, variants
from lint.checks.base import Check, Finding, Params
from lint.checks.linememo import LineMemo
from lint.checks.locality import line_local
from lint.checks.scan import Scanner
from lint.source import Document


@dataclass(frozen=True)
class Form:
    text: str
    pattern: re.Pattern[str]
    scanner: Scanner


@dataclass(frozen=True)
class Occurrence:
    form: int  # index of the form (or character set) it is written in
    start: int
    end: int
    text: str


class ConsistencyCheck(Check):
    kind = "consistency"
    default_fix = "unsafe"

    def configure(self, params: Params) -> None:
        raw_forms = params.raw("forms")
        characters = params.strings("characters")
        self.variants = params.string("variants")
        if [raw_forms is not None, bool(characters), self.variants is not None].count(True) != 1:
            raise params.error("forms", "give one of 'forms', 'characters' or 'variants'")
        if self.variants is not None:
            self._configure_variants(params, self.variants)
            return
        self.forms: list[Form] = []
        self.tables: list[dict[int, int]] = []
        if raw_forms is not None:
            self._configure_forms(params, raw_forms)
        else:
            self._configure_characters(params, characters)
        self.within = params.regex("within")
        self.group = params.regex("group")
        self.prefer_first = params.boolean("prefer_first", False)
        if self.within is not None and self.forms:
            raise params.error("within", "only for 'characters'")
        if self.group is not None and self.forms:
            raise params.error("group", "only for 'characters'")
        patterns = [form.pattern for form in self.forms] or self.character_sets
        self._present_in_line: LineMemo[frozenset[int]] | None = None
        if all(line_local(pattern) for pattern in patterns):
            self._present_in_line = LineMemo(self._forms_in_line)

    def _configure_variants(self, params: Params, family: str) -> None:
        families = (
            "names",
            "quoted-series",
            "quoted-names",
            "title-names",
            "place-short-names",
            "person-names",
            "latin-case",
        )
        if family not in families:
            raise params.error("variants", f"must be one of: {', '.join(families)}")
        if family == "quoted-names":
            self.ignore = frozenset(params.strings("ignore") or [])
        if family == "person-names":
            self.titles = tuple(params.strings("titles", required=True))
            self.surnames = params.string("surnames", required=True)
        if family == "title-names":
            self.event_words = phrase_variants.EventWords(
                frozenset(params.strings("suffixes", required=True)),
                frozenset(params.string("followers") or ""),
                frozenset(params.string("connectors") or ""),
            )
            self.min_length = params.integer("min_length", 5, minimum=4)
        if family == "place-short-names":
            self.places = params.strings("places", required=True)
            self.level = params.string("level") or ""
            if not self.level:
                raise params.error("level", "the level the places drop (省) is required")
            self.name_suffixes = params.strings("suffixes", required=True)
            self.collective = frozenset(params.strings("collective"))
        if family == "names":
            self.edit = params.string("edit", "insertion") or ""
            if self.edit not in ("insertion", "replacement"):
                raise params.error("edit", "must be 'insertion' or 'replacement'")
            self.suffixes = frozenset(params.strings("suffixes", required=True))
            self.min_length = params.integer("min_length", 5, minimum=3)
            self.max_tokens = params.integer("max_tokens", 4, minimum=2, maximum=8)
            breaks = (params.strings("relational") or []) + (params.strings("predicates") or [])
            self.relational = frozenset(breaks)
            self.contrasts = tuple(params.strings("contrasts") or [])
            pairs = [pair.split("/") for pair in params.strings("distinct") or []]
            if any(len(pair) != 2 or not all(pair) for pair in pairs):
                raise params.error("distinct", "each entry is two words joined by '/'")
            self.distinct = frozenset(frozenset(pair) for pair in pairs)
        self.declared_by = params.regex("declared_by") if family == "names" else None
        self.forms, self.tables, self.within, self.group, self.prefer_first = [], [], None, None, False

    def _configure_forms(self, params: Params, raw: object) -> None:
        if not isinstance(raw, list) or len(raw) < 2:
            raise params.error("forms", "must list at least two forms")
        for index, entry in enumerate(raw):
            key = f"forms[{index}]"
            if isinstance(entry, str) and entry:
                self.forms.append(_form(entry, re.compile(re.escape(entry))))
            elif isinstance(entry, dict) and isinstance(entry.get("text"), str) and set(entry) <= {"text", "regex"}:
                source = entry.get("regex", re.escape(entry["text"]))
                if not isinstance(source, str):
                    raise params.error(key, "'regex' must be a string")
                self.forms.append(_form(entry["text"], params.compile(key, source)))
            else:
                raise params.error(key, "a form is a string or {text, regex}")

    def _configure_characters(self, params: Params, characters: list[str]) -> None:
        if len(characters) != 2 or len(characters[0]) != len(characters[1]):
            raise params.error("characters", "must be two strings of the same length")
        first, second = characters
        if set(first) & set(second):
            raise params.error("characters", "a character is in both forms")
        self.tables = [str.maketrans(second, first), str.maketrans(first, second)]
        self.character_sets = [re.compile(f"[{re.escape(first)}]+"), re.compile(f"[{re.escape(second)}]+")]

    def find(self, document: Document) -> Iterator[Finding]:
        if self.variants is not None:
            yield from self._variant_findings(document.text)
            return
        if self._forms_present(document.text) < 2:
            return  # one form alone is consistent
        occurrences = self._form_occurrences(document.text) if self.forms else self._char_occurrences(document.text)
        for group in self._groups(document.text, occurrences):
            yield from self._minority_findings(group)

    def _groups(self, text: str, occurrences: list[Occurrence]) -> Iterator[list[Occurrence]]:
        """The occurrences compared with each other: all of them, or those in each match of ``group``."""
        if self.group is None:
            yield occurrences
            return
        starts = [o.start for o in occurrences]  # in text order: each group is a slice, found by bisection
        for match in self.group.finditer(text):
            first, last = bisect.bisect_left(starts, match.start()), bisect.bisect_left(starts, match.end())
            yield [o for o in occurrences[first:last] if o.end <= match.end()]

    def _minority_findings(self, occurrences: list[Occurrence]) -> Iterator[Finding]:
        counts = Counter(o.form for o in occurrences)
        if len(counts) < 2:
            return
        majority = 0 if self.prefer_first else min(counts, key=lambda form: (-counts[form], form))
        for occurrence in occurrences:
            if occurrence.form != majority:
                replacement = self._replacement(occurrence, majority)
                fields = {"majority": replacement, "count": str(counts[majority])}
                if self.forms:
                    fields["majority"] = self.forms[majority].text
                yield Finding(occurrence.start, occurrence.end, replacement, fields)

    def _forms_present(self, text: str) -> int:
        """How many of the forms (or character sets) occur in ``text``. A form that cannot match
        across a line is looked for line by line, each line's answer kept (a server re-lints a long
        report at each edit; most forms occur nowhere, and each search would read all of it)."""
        patterns = [form.pattern for form in self.forms] or self.character_sets
        if self._present_in_line is None:
            return sum(pattern.search(text) is not None for pattern in patterns)
        found: set[int] = set()
        for line in text.split("\n"):
            found |= self._present_in_line(line)
            if len(found) == len(patterns):
                break
        return len(found)

    def _forms_in_line(self, line: str) -> frozenset[int]:
        patterns = [form.pattern for form in self.forms] or self.character_sets
        return frozenset(index for index, pattern in enumerate(patterns) if pattern.search(line))

    def _variant_findings(self, text: str) -> Iterator[Finding]:
        if self.variants == "names":
            found = variants.name_variants(
                text,
                self.suffixes,
                self.min_length,
                self.max_tokens,
                self.edit,
                self.relational,
                self.contrasts,
                self.distinct,
            )
        elif self.variants == "title-names":
            found = phrase_variants.title_variants(text, self.event_words, self.min_length)
        elif self.variants == "place-short-names":
            found = variants.place_variants(text, self.places, self.level, self.name_suffixes, self.collective)
        elif self.variants == "person-names":
            found = person_variants.person_variants(text, self.titles, self.surnames)
        elif self.variants == "quoted-names":
            found = quoted_names.dropped_word_variants(text, self.ignore)
        elif self.variants == "latin-case":
            found = case_variants.case_variants(text)
        else:
            found = phrase_variants.series_variants(text)
        for variant in found:
            if self._declared(text, variant.text) or self._declared(text, variant.preferred):
                continue
            fields = {"majority": variant.preferred, "count": str(variant.count)}
            yield Finding(variant.start, variant.end, variant.preferred, fields)

    def _declared(self, text: str, spelling: str) -> bool:
        """Whether the document declares ``spelling`` as a short form (``declared_by`` right before it)."""
        if self.declared_by is None:
            return False
        return re.search(f'(?:{self.declared_by.pattern})[“"]?{re.escape(spelling)}', text) is not None

    def _replacement(self, occurrence: Occurrence, majority: int) -> str:
        if self.forms:
            return self.forms[majority].text
        return occurrence.text.translate(self.tables[majority])

    def _form_occurrences(self, text: str) -> list[Occurrence]:
        found = [
            Occurrence(index, m.start(), m.end(), m.group(0))
            for index, form in enumerate(self.forms)
            for m in form.scanner.finditer(text)
            if m.end() > m.start()
        ]
        # a form inside a longer one (两新组织 inside “两新”组织) is that longer form
        found.sort(key=lambda o: (o.start, o.start - o.end))
        kept: list[Occurrence] = []
        for occurrence in found:
            if kept and occurrence.start < kept[-1].end:
                continue
            kept.append(occurrence)
        return kept

    def _char_occurrences(self, text: str) -> list[Occurrence]:
        regions = [(m.start(), m.end()) for m in self.within.finditer(text)] if self.within else [(0, len(text))]
        found: list[Occurrence] = []
        for start, end in regions:
            for index, pattern in enumerate(self.character_sets):
                found.extend(
                    Occurrence(index, m.start(), m.end(), m.group(0)) for m in pattern.finditer(text, start, end)
                )
        found.sort(key=lambda o: o.start)
        return found


def _form(text: str, pattern: re.Pattern[str]) -> Form:
    return Form(text, pattern, Scanner(pattern))


CHECK = ConsistencyCheck
