"""The optional native prefilter (``pip install 'gwlint[fast]'``): one hyperscan pass over a large
document tells which rules can match it and where, and Python's ``re`` confirms only there.

What it saves, on a large document: the pure-Python path searches the document once for every
rule's required words (``lint.checks.scan.present_words``) and then runs every regex rule whose
words are present over the whole text, most of them finding nothing. Here one native scan of the
UTF-8 text answers both questions at once, for all rules together:

- every required word of every rule is a literal reported once if present (the same set as
  ``present_words``);
- every ``pattern`` rule's regex, widened by ``lint.prefilter.translate`` so that it matches at
  least what ``re`` matches, reports where matches can end (and start, for a regex without an
  upper bound on its length that can take a line break; one that cannot is searched from the start
  of the line where a match ends, ``lint.prefilter.lines``). A rule with no report is not run at
  all; the others run as usual, but their ``re`` search is tried only in the windows where a match
  can start (``Windows``), so the findings are those of the whole-text search, in the same order.

A regex that can match a single character reports only whether it occurs (its reports would cost
more than they save), and a regex that cannot be rewritten or compiled runs as on the pure path, as
does one anchored at the start of the text (``\\A``), which ``re`` tries at one position.
Without hyperscan (not installed, no wheel for the platform, a failed import), for a document
shorter than ``MIN_CHARACTERS`` (importing hyperscan costs more than it saves there) or one that
is not valid UTF-8 (lone surrogates from a misdecoded file), nothing changes: ``narrow`` returns
None and the engine takes the pure-Python path. The compiled database is cached with the other
build products (``lint.cache``), keyed by the patterns and words it was built from.
"""

from __future__ import annotations

import copy
import importlib
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint import cache
from lint.prefilter.lines import LineWindows, line_spans, overrun
from lint.prefilter.translate import Translation, Unsupported, translate
from lint.prefilter.windows import Windows, char_offsets, merged

if TYPE_CHECKING:
    from lint.checks.base import Check

# Below this, importing hyperscan and loading the database cost what they save (docs/performance.md).
MIN_CHARACTERS = 50_000
CACHE_KIND = "prefilter"
DATABASE_FORMAT = "4"  # bump when what goes into the database changes for the same regexes and words
KEEP_DAYS = 14
WINDOWS, PRESENCE = "windows", "presence"  # what a regex's reports are used for
# Regexes that stay on one line report ends only, not starts (lint.prefilter.lines: a smaller database
# and a faster scan). Part of the database's cache key, like everything that changes how it is compiled.
LINE_MODE = True


@dataclass(frozen=True)
class Entry:
    """One regex in the database: whose it is, how its reports are read."""

    check: int  # index into the linter's checks
    use: str  # WINDOWS or PRESENCE
    width: int | None  # the most characters a match spans (windows without start offsets)
    reach: int | None  # see Translation.reach
    starts: bool  # reports carry start offsets (hyperscan's SOM mode)
    lines: bool = False  # a regex that stays on one line: windows from its ends' line starts (reach: its overrun)


@dataclass
class Database:
    native: object  # hyperscan.Database
    entries: list[Entry]
    words: list[str]  # ids len(entries) ... are these words


class Prefilter:
    """The prefilter of one linter's checks, built on first use (never pickled: rebuilt or loaded)."""

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = list(checks)
        self._database: Database | None = None
        self._tried = False

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return Prefilter, (self.checks,)

    def narrow(self, checks: Sequence[Check], text: str) -> list[Check] | None:
        """The ``checks`` that can find something in ``text``, each ``pattern`` check searching only
        where its matches can start; None when the prefilter is not used (see the module's doc)."""
        if len(text) < MIN_CHARACTERS:
            return None
        database = self._built()
        if database is None:
            return None
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return None
        reports = _scan(database, data)
        if reports is None:
            return None
        present_ids, positions = reports
        for index, hits in positions.items():
            if database.entries[index].lines:
                positions[index] = line_spans(data, [end for _, end in hits])
        present = {database.words[i - len(database.entries)] for i in present_ids if i >= len(database.entries)}
        known_words = set(database.words)
        by_check = {entry.check: (index, entry) for index, entry in enumerate(database.entries)}
        offsets = char_offsets(
            data, sorted({offset for hits in positions.values() for pair in hits for offset in pair})
        )
        position_of = {id(check): index for index, check in enumerate(self.checks)}
        narrowed = []
        for check in checks:
            if check.required is not None and not _any_present(check.required, present, known_words, text):
                continue
            found = by_check.get(position_of.get(id(check), -1))
            if found is None:
                narrowed.append(check)
                continue
            index, entry = found
            if index not in present_ids:
                continue  # the widened regex does not occur: the rule cannot match
            if entry.use == PRESENCE:
                narrowed.append(check)
                continue
            spans = [(offsets[start], offsets[end]) for start, end in positions.pop(index)]
            narrowed.append(_windowed(check, entry, spans))
        return narrowed

    def _built(self) -> Database | None:
        if not self._tried:
            self._tried = True
            self._database = _database(self.checks)
        return self._database


def _any_present(words: frozenset[str], present: set[str], known: set[str], text: str) -> bool:
    return any(word in present if word in known else word in text for word in words)


def _windowed(check: Check, entry: Entry, spans: list[tuple[int, int]]) -> Check:
    """A copy of the pattern check whose search is tried only in the windows of ``spans``."""
    if entry.starts or entry.lines:
        windows = merged(spans)
    else:  # (first end, last end) of reports folded together by _scan
        width = entry.width or 0
        windows = merged([(max(0, first - width), end) for first, end in spans])
    narrowed = copy.copy(check)
    if entry.lines:
        narrowed.scanner = LineWindows(check.pattern, windows, entry.reach, None)  # type: ignore[attr-defined]  # the regex kinds it narrows have these (see _candidates)
    else:
        narrowed.scanner = Windows(check.pattern, windows, entry.reach, check.scanner.starts)  # type: ignore[attr-defined]  # the regex kinds it narrows have these (see _candidates)
    return narrowed


def _hyperscan() -> object | None:
    try:
        return importlib.import_module("hyperscan")
    except Exception:  # not installed, no wheel, a broken library: the pure-Python path
        return None


def _scan(
    database: Database, data: bytes, fold: bool = True
) -> tuple[set[int], dict[int, list[tuple[int, int]]]] | None:
    """The ids reported, and the (start, end) byte offsets reported for each WINDOWS entry.

    An entry without start offsets keeps (first end, last end) pairs: ``fold`` folds a report into
    the pair before it when the windows they open would overlap anyway, on one line for a regex that
    stays on one line (``line_spans`` opens each window at its line's start) or within the regex's
    width (bytes are at least characters, so the character windows overlap too). What it saves: a
    widened regex that ends at several places in a phrase (a class repeated ``{3,8}`` times) reported
    up to eight ends per match, each a tuple kept until the windows were merged (``wording.phrase-
    around-verb``: about 8 reports per KB of the seeds)."""
    present: set[int] = set()
    positions: dict[int, list[tuple[int, int]]] = {}
    entries = database.entries

    def report(index: int, start: int, end: int, flags: int, context: object) -> None:
        present.add(index)
        if index < len(entries) and entries[index].use == WINDOWS:
            entry = entries[index]
            hits = positions.setdefault(index, [])
            if entry.starts:
                hits.append((start, end))
                return
            last = hits[-1][1] if hits else -1
            if fold and 0 <= last <= end:
                if entry.lines and data.find(b"\n", last, end) < 0:
                    hits[-1] = (start, end)
                    return
                if not entry.lines and entry.width is not None and end - last <= entry.width:
                    hits[-1] = (hits[-1][0], end)  # the windows ending at the two overlap: one from the first
                    return
            hits.append((start, end) if entry.lines else (end, end))

    try:
        database.native.scan(data, match_event_handler=report)  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    except Exception:
        return None
    return present, positions


# building -----------------------------------------------------------------------------------------


def _database(checks: Sequence[Check]) -> Database | None:
    hyperscan = _hyperscan()
    if hyperscan is None:
        return None
    sources = [*_sources(checks), _calibration(checks)]  # the examples decide which regexes report presence only
    key = cache.bytes_key(pickle.dumps(sources, protocol=5), _salt(hyperscan))
    stored = cache.load_object(CACHE_KIND, key)
    if isinstance(stored, tuple) and len(stored) == 3:
        serialized, entries, words = stored
        try:
            native = hyperscan.loadb(serialized, hyperscan.HS_MODE_BLOCK)  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
            native.scratch = hyperscan.Scratch(native)  # type: ignore[attr-defined]  # hyperscan is imported at run time; a loaded database has no scratch
            return Database(native, entries, words)
        except Exception:
            pass
    built = _compile(hyperscan, checks)
    if built is None:
        return None
    try:
        serialized = hyperscan.dumpb(built.native)  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    except Exception:
        return built
    cache.store_object(CACHE_KIND, key, (serialized, built.entries, built.words), keep_days=KEEP_DAYS)
    return built


def _salt(hyperscan: object) -> str:
    version = getattr(hyperscan, "__version__", "?")
    return f"{cache.runtime_salt()}\0{sys.maxunicode}\0hyperscan {version}\0{DATABASE_FORMAT}\0lines {LINE_MODE}"


def _sources(checks: Sequence[Check]) -> list[object]:
    """What the database is built from: each candidate regex, and every required word."""
    regexes = [(index, check.pattern.pattern, check.pattern.flags) for index, check in _candidates(checks)]  # type: ignore[attr-defined]  # the regex kinds it narrows have these (see _candidates)
    return [regexes, sorted(_words(checks))]


def _candidates(checks: Sequence[Check]) -> list[tuple[int, Check]]:
    """The pattern checks whose ``find`` searches the whole text with ``scanner.finditer``."""
    return [
        (index, check)
        for index, check in enumerate(checks)
        if check.kind == "pattern" and not getattr(check, "whole_line", True) and hasattr(check, "scanner")
    ]


def _words(checks: Sequence[Check]) -> set[str]:
    return {word for check in checks if check.required for word in check.required}


def _compile(hyperscan: object, checks: Sequence[Check]) -> Database | None:
    """The database of the checks' regexes and words. Each regex is compiled alone first to find
    the best way hyperscan takes it (SOM mode refused for a very large pattern: its next choice; a
    regex it refuses altogether is left out), then all are compiled together once. Finding refusals
    by compiling halves of the whole set instead cost a minute and a half on the default packs, as
    every half paid again for the slowest patterns; alone, each is compiled once (about 30 s in all,
    once per pack content: the database is cached)."""
    hs = hyperscan
    utf8 = hs.HS_FLAG_UTF8  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    regexes: list[tuple[bytes, int]] = []
    entries: list[Entry] = []
    for index, check in _candidates(checks):
        try:
            translation = translate(check.pattern)  # type: ignore[attr-defined]  # the regex kinds it narrows have these (see _candidates)
        except (Unsupported, RecursionError):
            continue
        expression = translation.expression.encode()
        for entry, flags in _choices(index, check, translation, hs):
            if _native(hs, [(expression, utf8 | flags)]) is not None:
                regexes.append((expression, utf8 | flags))
                entries.append(entry)
                break
    words = [word for word in sorted(_words(checks)) if _encodable(word)]
    literals = [(_literal(word).encode(), utf8 | hs.HS_FLAG_SINGLEMATCH) for word in words]  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    native = _native(hs, regexes + literals)
    if native is None:
        return None
    database = Database(native, entries, words)
    dense = _dense(hs, database, _calibration(checks))
    if not dense:
        return database
    presence = utf8 | hs.HS_FLAG_SINGLEMATCH  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    for index in dense:
        entries[index] = Entry(entries[index].check, PRESENCE, None, None, False)
        regexes[index] = (regexes[index][0], presence)
    native = _native(hs, regexes + literals)
    return None if native is None else Database(native, entries, words)


# A regex whose widened form matches almost anywhere (a rule that looks behind and ahead of a whole
# line, widened to ``.*``) reports nearly every position of a document: on 10 MB, millions of reports,
# each a call into Python and a window to merge, cost more than running the rule on the whole text.
# Such a regex is told by its reports on the rules' own examples; it then only reports presence.
DENSE_REPORTS_PER_BYTE = 0.01


def _calibration(checks: Sequence[Check]) -> bytes:
    texts = [bad.text for check in checks for bad in check.rule.bad]
    texts += [good.text for check in checks for good in check.rule.good]
    return "\n".join(texts).encode("utf-8", "replace")


def _dense(hs: object, database: Database, calibration: bytes) -> list[int]:
    """The WINDOWS entries reporting more than DENSE_REPORTS_PER_BYTE on ``calibration``."""
    if not calibration:
        return []
    try:
        database.native.scratch = hs.Scratch(database.native)  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    except Exception:
        return []
    reports = _scan(database, calibration, fold=False)  # every report counts towards density
    if reports is None:
        return []
    limit = DENSE_REPORTS_PER_BYTE * len(calibration)
    return sorted(index for index, hits in reports[1].items() if len(hits) > limit)


def _native(hs: object, items: list[tuple[bytes, int]]) -> object | None:
    native = hs.Database(mode=hs.HS_MODE_BLOCK)  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    try:
        native.compile(
            expressions=[expression for expression, _ in items],
            ids=list(range(len(items))),
            elements=len(items),
            flags=[flags for _, flags in items],
        )
    except Exception:
        return None
    return native


def _encodable(word: str) -> bool:
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _choices(index: int, check: Check, translation: Translation, hs: object) -> list[tuple[Entry, int]]:
    """How to put a regex in the database, best first: each entry with its hyperscan flags."""
    low = _min_width(check)
    presence = (Entry(index, PRESENCE, None, None, False), hs.HS_FLAG_SINGLEMATCH)  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    if low <= 1:
        return [presence]
    choices = []
    if translation.width is None:
        line_overrun = overrun(check.pattern) if LINE_MODE else None  # type: ignore[attr-defined]  # the regex kinds it narrows have these (see _candidates)
        if line_overrun is not None:  # ends only, windows from their line starts (lint.prefilter.lines)
            choices.append((Entry(index, WINDOWS, None, line_overrun, False, lines=True), 0))
        choices.append((Entry(index, WINDOWS, None, translation.reach, True), hs.HS_FLAG_SOM_LEFTMOST))  # type: ignore[attr-defined]  # hyperscan is imported at run time: an object to the type checker
    else:
        choices.append((Entry(index, WINDOWS, translation.width, translation.reach, False), 0))
    return [*choices, presence]


def _min_width(check: Check) -> int:
    from re import _parser  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)

    pattern = check.pattern  # type: ignore[attr-defined]  # the regex kinds it narrows have these (see _candidates)
    return int(_parser.parse(pattern.pattern, pattern.flags).getwidth()[0])


def _literal(word: str) -> str:
    return "".join(f"\\x{{{ord(char):X}}}" for char in word)
