"""``near_idiom``: a four-character idiom written with one character replaced by a homophone (雪中送碳, 迫不急待).

No list of misspellings: the idioms are jieba's dictionary's (its words of four characters tagged
``i`` idiom or ``l`` fixed expression, see lint.wordcut), and a four-character window of the draft is
reported when it differs from one of them in exactly one character, the two characters sound the same
(lint/data/han_readings.txt: an input method offers both for the same pinyin), and nothing else
explains it. Drafts coin four-character phrases on an idiom's pattern all the time (以案为鉴 on 以史为鉴,
学有所教 on 学有所成, 心中有党 on 心中有数): these change a character for one of another sound and meaning,
and are left alone. The window is reported only when

- it is not a dictionary word, or it is one that jieba lists as a rare variant (迫不急待, 名符其实: the
  dictionary holds many common misspellings at a low frequency) of an idiom at least ``word_ratio``
  times as frequent, both tagged as idioms;
- the idiom is the only one of the dictionary's idioms the window is one character away from at
  that position (居高_下 is 居高不下 or 居高临下: no telling which was meant);
- its other three characters are not a dictionary word with the changed one beside it (的高素质 is
  的 + 高素质, not 提高素质 misspelled; 在进一步 is 在 + 进一步);
- jieba's segmentation of its clause starts and ends a word at its edges and does not cut it into
  ordinary words (文化建设 is 文化/建设): a misspelled idiom leaves a single character, a made-up word or
  a rare one inside (雪中/送/碳, 优生/忧育, 一如/继往).

params:
  tags: [tag, ...]        dictionary tags of the idioms (default [i, l]; jieba tags some idioms n, nr,
                          ns or nz: 雪中送炭 n, 甘拜下风 ns)
  min_frequency: n        idioms rarer than this in jieba's dictionary are left out (default 10)
  word_ratio: n           a window that is itself a dictionary idiom is reported only when the idiom
                          is at least n times as frequent (default 10)
  variant_tags: [tag, ...] the tags a dictionary word needs to be taken for a rare variant of an
                          idiom (default [i, l]: 职业资格, a noun, is no variant of 执业资格)
  tile_frequency: n       a word of the clause's cut counts as ordinary when at least this frequent
                          (default 200: 文化/建设 explain 文化建设; 一如/继往, 继往 at 4, do not)
  allow: [word, ...]      windows never reported (standard forms jieba lists the other way round:
                          勠力同心 beside its 戮力同心)
  swaps: n               also report two adjacent characters of an idiom written the wrong way round
                          (事实求是, 不余遗力), for the idioms at least n frequent and the set phrases
                          (default 0: none; a table of the swapped forms is loaded at each run)
  phrases: [phrase, ...]  four-character set phrases of official writing that jieba's dictionary does not
                          hold as idioms (攻坚克难, 风清气正, 履职尽责), checked as idioms: 攻坚克南 is
                          reported as 攻坚克难 on the same conditions
  transliteration: chars  characters that spell foreign names by sound: a window that differs from a
                          dictionary name (a tag other than i and l) holding two or more of them, by one
                          of them for another, is another spelling of the name (菲尔兹奖 beside jieba's
                          菲尔茨奖), not reported
plus the context conditions of lint.checks.context (unless_preceded_by, unless_followed_by,
unless_quoted, unless_paragraph_matches, unless_line_matches, only_if_document_matches, unless_document_matches,
unless_header_matches). Message fields: ``{idiom}``, the idiom; ``{wrong}`` and ``{right}``, the
characters. The fix writes the idiom.

Cost: the idiom table (each idiom under its four keys with one position masked, some 30,000 entries)
is built once per dictionary index, from its 350,000 words, and cached in the user cache (lint.cache,
kind ``idioms``) under the index's key; a run only loads it (a few milliseconds). A document is
read once by a regular expression for its distinct four-character windows; only those are looked up,
and only the few near an idiom are segmented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain

from lint.checks import segment
from lint.checks.base import Check, Finding, Params
from lint.checks.context import Context
from lint.checks.readings import common_readings, sound_alike
from lint.regexes import compiled
from lint.source import Document

HAN_RANGE = "\u4e00-\u9fff"
WINDOW = compiled(f"(?=([{HAN_RANGE}]{{4}}))")
MASK = "\0"
CACHE_KIND = "idioms"
# The distinct windows are sieved a chunk of text at a time: a set of all of a 10 MB file's held
# ~160 MB. Only the windows near an idiom (a few thousand) are kept across chunks.
SIEVE_CHUNK = 1 << 16
CLAUSE_REACH = 200  # characters of the line segmented on each side of a window (a clause is shorter)
TABLE_FORMAT = "7"  # 7: the readings are no longer in the table (common_readings, shared with other kinds)
PHRASE_TAG = "phrase"  # the tag a rule's own set phrases get in the table
PHRASE_FREQUENCY = 10**6  # as frequent as the commonest idioms: a listed phrase is never a rare variant


@dataclass(frozen=True, slots=True)
class IdiomTable:
    by_masked_key: dict[str, str]  # 迫不_待 (the mask at the changed position) -> 迫不及待 (several: comma-separated)
    frequency: dict[str, int]
    by_swap: dict[str, str]  # 事实求是 (two adjacent characters swapped) -> 实事求是 (several: comma-separated)

    def near(self, windows: set[str]) -> list[str]:
        """The windows one character away from some idiom (or idioms themselves) or two adjacent
        characters swapped: set lookups only."""
        keys, swaps = self.by_masked_key, self.by_swap
        return [
            window
            for window in windows
            if MASK + window[1:] in keys
            or window[:3] + MASK in keys
            or window[0] + MASK + window[2:] in keys
            or window[:2] + MASK + window[3] in keys
            or window in swaps
        ]


@dataclass(frozen=True, slots=True)
class Correction:
    idiom: str
    position: int
    listed: bool  # the window is itself a (rare) dictionary word
    width: int = 1  # characters that differ from the idiom: 1, or 2 swapped


def swapped(word: str, position: int) -> str:
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def masked(word: str, position: int) -> str:
    return word[:position] + MASK + word[position + 1 :]


def dictionary_entries() -> Iterator[tuple[str, int, str]]:
    """(word, frequency, tag) of jieba's four-character words: from lint.wordcut's index, else from dict.txt."""
    from lint import wordcut

    fast = wordcut.load()
    if fast is not None:
        yield from fast.index.entries_of_length(4)
        return
    folder = wordcut.jieba_folder()
    if folder is None:
        return
    with open(folder / "dict.txt", encoding="utf-8") as source:
        for line in source:
            word, freq, *tag = line.split()
            if len(word) == 4:
                yield word, int(freq), tag[0] if tag else ""


def build_table(
    entries: Iterable[tuple[str, int, str]], tags: frozenset[str], min_frequency: int, swap_frequency: int = 0
) -> IdiomTable:
    by_key: dict[str, list[str]] = {}
    frequency: dict[str, int] = {}
    for word, freq, tag in entries:
        if word in frequency:  # a set phrase the dictionary also holds as an idiom
            continue
        if tag in tags and freq >= min_frequency and all("\u4e00" <= char <= "\u9fff" for char in word):
            frequency[word] = freq
            for position in range(4):
                by_key.setdefault(masked(word, position), []).append(word)
    by_swap: dict[str, list[str]] = {}
    for word in (word for word, freq in frequency.items() if swap_frequency and freq >= swap_frequency):
        for form in {swapped(word, position) for position in range(3)} - {word} - frequency.keys():
            by_swap.setdefault(form, []).append(word)
    return IdiomTable(
        {key: ",".join(words) for key, words in by_key.items()},
        frequency,
        {form: ",".join(words) for form, words in by_swap.items()},
    )


@cache
def idiom_table(
    tags: frozenset[str], min_frequency: int, phrases: tuple[str, ...] = (), swap_frequency: int = 0
) -> IdiomTable:
    """The table for these settings (the dictionary's idioms and the rule's set phrases), from the user
    cache when the same dictionary index built it before."""
    from lint import cache as disk_cache
    from lint import wordcut
    from lint.budget import unbudgeted

    # filling the table is a cache's work on first use, not the running rule's (a table of nouns with swapped
    # pairs takes over a CPU second to build: charged to the rule, a busy machine stopped it, findings and all)
    with unbudgeted():
        fast = wordcut.load()
        settings = f"{','.join(sorted(tags))}\0{min_frequency}\0{','.join(phrases)}\0{swap_frequency}"
        salt = f"{TABLE_FORMAT}\0{settings}"
        key = None if fast is None else disk_cache.bytes_key(fast.key.encode(), salt)  # jieba's own: not cached
        if key is not None:
            stored = disk_cache.load_object(CACHE_KIND, key)
            if isinstance(stored, IdiomTable):
                return stored
        listed = ((phrase, PHRASE_FREQUENCY, PHRASE_TAG) for phrase in phrases)
        entries = chain(listed, dictionary_entries())
        table = build_table(entries, tags | {PHRASE_TAG}, min_frequency, swap_frequency)
        if key is not None:
            disk_cache.store_object(CACHE_KIND, key, table)
        return table


class NearIdiomCheck(Check):
    kind = "near_idiom"
    default_fix = "unsafe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        self.tags = frozenset(params.strings("tags") or ["i", "l"])
        self.min_frequency = params.integer("min_frequency", 10, minimum=1)
        self.word_ratio = params.integer("word_ratio", 10, minimum=1)
        self.variant_tags = frozenset(params.strings("variant_tags") or ["i", "l"])
        self.allow = frozenset(params.strings("allow"))
        self.phrases = tuple(sorted(set(params.strings("phrases"))))
        for phrase in self.phrases:
            if len(phrase) != 4 or not all("\u4e00" <= char <= "\u9fff" for char in phrase):
                raise params.error("phrases", f"“{phrase}” is not four Chinese characters")
        self.tile_frequency = params.integer("tile_frequency", 200, minimum=1, maximum=10**9)
        self.swap_frequency = params.integer("swaps", 0, minimum=0, maximum=10**9)
        self.transliteration = frozenset(params.string("transliteration") or "")
        self.context = Context(params)

    def patterns(self) -> list[re.Pattern[str] | None]:
        return [WINDOW]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if not self.context.allows_document(text):
            return
        table = idiom_table(self.tags, self.min_frequency, self.phrases, self.swap_frequency)
        judged: dict[str, Correction | None] = {}
        for start in range(0, len(text), SIEVE_CHUNK):  # the windows starting in this chunk
            for window in table.near(set(WINDOW.findall(text, start, start + SIEVE_CHUNK + 3))):
                if window not in judged:
                    judged[window] = self.correction(window, table)
        corrections = {window: correction for window, correction in judged.items() if correction is not None}
        if not corrections:
            return
        occurrences = re.compile("|".join(map(re.escape, corrections)))
        for match in occurrences.finditer(text):
            correction = corrections[match.group()]
            if self.stands_alone(text, match.start(), match.end(), correction) and self.context.allows(
                text, match.start(), match.end()
            ):
                changed = slice(correction.position, correction.position + correction.width)
                wrong, right = match.group()[changed], correction.idiom[changed]
                yield Finding(
                    match.start(),
                    match.end(),
                    correction.idiom,
                    {"idiom": correction.idiom, "wrong": wrong, "right": right},
                )

    def correction(self, window: str, table: IdiomTable) -> Correction | None:
        """The idiom ``window`` misspells, or None."""
        if window in self.allow:
            return None
        found, listed = None, None
        for position in range(4):
            idioms = [
                idiom
                for idiom in table.by_masked_key.get(masked(window, position), "").split(",")
                if idiom and idiom != window
            ]
            if len(idioms) != 1:
                continue
            idiom = idioms[0]
            if not sound_alike(window[position], idiom[position], common_readings()):
                continue
            if self.spells_foreign_name(window[position], idiom):
                continue
            intact = window[1:] if position == 0 else window[:3] if position == 3 else ""
            if intact and segment.is_dictionary_word(intact):
                continue
            if listed is None:
                listed = segment.is_dictionary_word(window)
            if listed and not self.rare_variant(window, table.frequency[idiom]):
                continue
            if found is not None:
                return None  # near two idioms: no telling which
            found = Correction(idiom, position, bool(listed))
        return self.swap_correction(window, table, found)

    def swap_correction(self, window: str, table: IdiomTable, found: Correction | None) -> Correction | None:
        """``found`` unless ``window`` is also an idiom with two adjacent characters swapped (事实求是):
        then that idiom, if it is the only one and the window is no dictionary word of its own."""
        idioms = [idiom for idiom in table.by_swap.get(window, "").split(",") if idiom]
        if not idioms:
            return found
        if found is not None or len(idioms) != 1 or segment.is_dictionary_word(window):
            return None
        idiom = idioms[0]
        position = next(index for index in range(3) if window[index] != idiom[index])
        return Correction(idiom, position, listed=False, width=2)

    def spells_foreign_name(self, wrong: str, idiom: str) -> bool:
        """Whether ``idiom`` is a name spelt by sound (a proper noun of jieba's holding two or more
        transliterating characters) and ``wrong``, the window's character, transliterates too: 菲尔兹奖."""
        if wrong not in self.transliteration or sum(char in self.transliteration for char in idiom) < 2:
            return False
        return segment.tag_of(idiom) not in ("i", "l")

    def ordinary_word(self, token: str) -> bool:
        """A word of two characters or more, at least ``tile_frequency`` frequent in jieba's dictionary."""
        from lint import wordcut

        fast = wordcut.load()
        if len(token) < 2:
            return False
        if fast is None:
            return segment.is_dictionary_word(token)
        return fast.index.frequency(token) >= self.tile_frequency

    def rare_variant(self, window: str, idiom_frequency: int) -> bool:
        from lint import wordcut

        fast = wordcut.load()
        if fast is None:
            return False
        return fast.tag(window) in self.variant_tags and idiom_frequency >= self.word_ratio * fast.index.frequency(
            window
        )

    def stands_alone(self, text: str, start: int, end: int, correction: Correction) -> bool:
        """Whether jieba's cut of the clause has word edges at the window's and, for a window that is
        not a word, leaves a single character or a made-up word inside it."""
        edges, tiled = set(), True
        for position, token in segment.run_tokens_at(text, start, end, CLAUSE_REACH):
            following = position + len(token)
            edges |= {position, following}
            if start <= position and following <= end and not self.ordinary_word(token):
                tiled = False
            if correction.width == 2 and self.splits_swap(token, position, start + correction.position):
                return False
        return start in edges and end in edges and (correction.listed or not tiled)

    def splits_swap(self, token: str, position: int, swap: int) -> bool:
        """Whether ``token`` (at ``position``) is an ordinary word holding one of the two swapped
        characters at ``swap`` but not the other: 各行业各领域 is 各/行业/各/领域, not 各行各业 swapped."""
        holds = [position <= index < position + len(token) for index in (swap, swap + 1)]
        return holds[0] != holds[1] and self.ordinary_word(token)


CHECK = NearIdiomCheck
