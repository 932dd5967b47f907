"""jieba's default segmentation, without loading jieba: the same algorithm over an on-disk dictionary index.

``jieba.cut(text)`` (accurate mode, HMM on) builds a DAG of the dictionary words at every position,
takes the most probable route through it, and hands runs of single characters that are not a word
to an HMM (Viterbi over B/M/E/S states). Loading jieba for that costs about half a second (its
600,000-entry dictionary built in memory, and ``pkg_resources`` imported by ``import jieba``); a
linter that segments a few short windows per draft needs only a few hundred dictionary lookups.

So the dictionary jieba ships (``jieba/dict.txt``) is turned once into a sorted index in the user
cache directory and mapped into memory: a lookup is a binary search, and "is a prefix of some word"
(what jieba's prefix entries answer) is the word found at the search position starting with it.
The HMM emission table (35,000 characters) is stored in the same index; the small start and
transition tables are read from jieba's pickles when an unknown run of characters needs them.
Same dictionary, same tables, same arithmetic: the tokens are jieba's (tests/test_startup.py
compares them on the seeds and the clean corpus). ``load()`` returns None when the index cannot be
used, and the caller falls back to jieba itself.

Each dictionary word's part-of-speech tag (the third field of ``dict.txt``: n, v, vn, a, ad, d, i, l,
p, u, ...) is stored in the index too: ``Segmenter.tag(word)`` is what ``jieba.posseg`` reads into
its ``word_tag_tab``, without loading posseg's own HMM model (three seconds and 100 MB). Only the
tags of dictionary words are given; a word the HMM made up has none.
"""

from __future__ import annotations

import bisect
import mmap
import struct
from array import array
from collections.abc import Callable, Iterator
from functools import cache, cached_property, lru_cache
from importlib.machinery import PathFinder
from math import log
from pathlib import Path
from typing import TYPE_CHECKING

from lint import cache as disk_cache
from lint.regexes import compiled

if TYPE_CHECKING:
    from typing import BinaryIO

MAGIC = b"GWJIEBA3"
HEADER = struct.Struct("=8sQII")  # magic, total frequency, word count, bytes of words
STATES = "BMES"
SIGNPOST_STEP = 256  # words per block of the in-memory signposts (see WordIndex._signposts)
LOOKUP_MEMO = 1 << 16  # dictionary lookups remembered per process (a big file asks the same ones)
MIN_FLOAT = -3.14e100
PREVIOUS_STATES = {"B": "ES", "M": "MB", "S": "SE", "E": "BM"}

# jieba 0.42's patterns for the default mode (jieba/__init__.py and jieba/finalseg/__init__.py)
HAN_BLOCK = compiled("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
SKIP = compiled("(\r\n|\\s)")
HMM_HAN = compiled("([\u4e00-\u9fd5]+)")
HMM_SKIP = compiled("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")


def jieba_folder() -> Path | None:
    """Where jieba is installed, found without importing it (nor importlib.util, for the usual case
    of a package on sys.path)."""
    try:
        spec = PathFinder.find_spec("jieba")
        if spec is None:  # perhaps behind another finder (an editable install...)
            from importlib.util import find_spec

            spec = find_spec("jieba")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class WordIndex:
    """jieba's dictionary as a sorted, memory-mapped table: frequencies and prefix membership."""

    def __init__(self, data: mmap.mmap | bytes) -> None:
        magic, self.total, count, size = HEADER.unpack_from(data, 0)
        if magic != MAGIC:
            raise ValueError("not a word index")
        view = memoryview(data)
        start = HEADER.size
        self._offsets = view[start : start + 4 * (count + 1)].cast("I")
        start += 4 * (count + 1)
        self._freqs = view[start : start + 4 * count].cast("I")
        start += 4 * count
        self._words = view[start : start + size]
        if len(self._words) != size or self._offsets[count] != size:
            raise ValueError("truncated word index")
        start += size
        (chars,) = struct.unpack_from("=I", data, start)
        start += 4
        self._chars = view[start : start + 4 * chars].cast("I")
        start += 4 * chars
        self._emission = view[start : start + 8 * len(STATES) * chars].cast("d")
        if len(self._emission) != len(STATES) * chars:
            raise ValueError("truncated word index")
        start += 8 * len(STATES) * chars
        (names,) = struct.unpack_from("=I", data, start)
        start += 4
        self._tag_names = bytes(view[start : start + names]).decode("utf-8").split("\0")
        start += names
        self._tags = view[start : start + 2 * count].cast("H")
        if len(self._tags) != count:  # a tag out of range reads as none (``tag``): no 8 ms scan of all
            raise ValueError("truncated word index")
        self._count = count
        self.lookup = lru_cache(maxsize=LOOKUP_MEMO)(self._lookup)
        self.log_total = log(self.total)

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> bytes:
        return bytes(self._words[self._offsets[index] : self._offsets[index + 1]])

    @cached_property
    def _signposts(self) -> list[bytes]:
        """Every ``SIGNPOST_STEP``-th word, as a list: bisecting it is one call into C, and leaves a
        block of that many words to bisect through ``__getitem__`` (a Python call per step). A lookup
        took ~20 such steps over the 350,000 words, 8 now; building the list of ~1,400 words costs
        ~1 ms (a step of 32 saved three steps a lookup but cost 8 ms to build, more than a draft's
        lookups save)."""
        return [self[index] for index in range(0, self._count, SIGNPOST_STEP)]

    def position(self, key: bytes) -> int:
        """``bisect.bisect_left(self, key)``: where ``key`` is or would be among the sorted words."""
        block = bisect.bisect_left(self._signposts, key)
        if block == 0:
            return 0
        low = (block - 1) * SIGNPOST_STEP
        return bisect.bisect_left(self, key, low + 1, min(low + SIGNPOST_STEP, self._count))

    def _lookup(self, word: str) -> tuple[bool, int]:
        """(whether ``word`` begins some dictionary word, its own frequency or 0): jieba's ``FREQ``."""
        key = word.encode("utf-8")
        index = self.position(key)
        if index == self._count:
            return False, 0
        found = self[index]
        if found == key:
            return True, self._freqs[index]
        return found.startswith(key), 0

    def frequency(self, word: str) -> int:
        return self.lookup(word)[1]

    def tag(self, word: str) -> str | None:
        """The word's part-of-speech tag in jieba's dictionary (``jieba.posseg``'s ``word_tag_tab``), or None."""
        key = word.encode("utf-8")
        index = self.position(key)
        if index == self._count or self[index] != key:
            return None
        number = self._tags[index]
        return (self._tag_names[number] or None) if number < len(self._tag_names) else None

    def entries_of_length(self, chars: int) -> Iterator[tuple[str, int, str]]:
        """(word, frequency, tag) of every dictionary word of ``chars`` characters from the basic
        plane's CJK block (three UTF-8 bytes each): the words are found by their byte length alone."""
        size, offsets = 3 * chars, self._offsets
        for index in range(self._count):
            if offsets[index + 1] - offsets[index] == size:
                word = self[index].decode("utf-8")
                if len(word) == chars:
                    yield word, self._freqs[index], self._tag_names[self._tags[index]]

    def emission(self, state: int, char: str) -> float:
        """jieba's ``emit_P[STATES[state]].get(char, MIN_FLOAT)``."""
        code = ord(char)
        index = bisect.bisect_left(self._chars, code)
        if index < len(self._chars) and self._chars[index] == code:
            return self._emission[state * len(self._chars) + index]
        return MIN_FLOAT


def build_index(dictionary: Path, emit_table: Path, stream: BinaryIO) -> None:
    """Write the index of a jieba dictionary file and its HMM emission table.

    Dictionary entries are read exactly as jieba's ``gen_pfdict`` reads them, and their tags as
    ``jieba.posseg`` reads them (the third field; a repeated word keeps its last, as there); emissions
    are kept as the same floats, ``MIN_FLOAT`` where jieba's table has no entry (what its ``.get``
    falls back to).
    """
    freqs: dict[bytes, int] = {}
    tags: dict[bytes, str] = {}
    total = 0
    with open(dictionary, "rb") as source:
        for line in source:
            entry, freq, *tag = line.strip().decode("utf-8").split(" ")
            freqs[entry.encode("utf-8")] = int(freq)  # a repeated word keeps its last frequency, as in jieba
            tags[entry.encode("utf-8")] = tag[0] if len(tag) == 1 else ""
            total += int(freq)
    words = sorted(freqs)
    offsets, position = [0], 0
    for word in words:
        position += len(word)
        offsets.append(position)
    stream.write(HEADER.pack(MAGIC, total, len(words), position))
    stream.write(array("I", offsets).tobytes())
    stream.write(array("I", (freqs[word] for word in words)).tobytes())
    stream.write(b"".join(words))
    with open(emit_table, "rb") as source:
        emit = disk_cache.load(source)  # jieba's own file, shipped with the jieba this index is built from
    chars = sorted({ord(char) for state in STATES for char in emit[state]})
    stream.write(struct.pack("=I", len(chars)))
    stream.write(array("I", chars).tobytes())
    for state in STATES:
        stream.write(array("d", (emit[state].get(chr(code), MIN_FLOAT) for code in chars)).tobytes())
    tag_names = sorted(set(tags.values()) | {""})
    number = {name: position for position, name in enumerate(tag_names)}
    names = "\0".join(tag_names).encode("utf-8")
    stream.write(struct.pack("=I", len(names)))
    stream.write(names)
    stream.write(array("H", (number[tags[word]] for word in words)).tobytes())


@cache
def load() -> Segmenter | None:
    """The segmenter over jieba's installed dictionary, building its index on first use; None when impossible."""
    folder = jieba_folder()
    if folder is None:
        return None
    dictionary, emit_table = folder / "dict.txt", folder / "finalseg" / "prob_emit.p"
    try:
        stats = [(path, path.stat()) for path in (dictionary, emit_table)]
    except OSError:
        return None
    identity = "\0".join(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}" for path, stat in stats) + MAGIC.decode()
    if not disk_cache.usable(disk_cache.cache_dir()):  # someone else's folder: its index is not read
        return None
    path = disk_cache.cache_dir() / "jieba" / f"{disk_cache.bytes_key(identity.encode())}.index"
    index = _open_index(path)
    if index is None:  # missing or damaged: (re)build it, on no rule's time budget (a second or more)
        from lint.budget import unbudgeted

        with unbudgeted():
            if not disk_cache.write_file(path, lambda stream: build_index(dictionary, emit_table, stream)):
                return None
        index = _open_index(path)
    return None if index is None else Segmenter(index, folder / "finalseg", path.stem)


def _open_index(path: Path) -> WordIndex | None:
    try:
        with open(path, "rb") as stream:
            data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        return WordIndex(data)
    except (OSError, ValueError, struct.error):
        return None


class Segmenter:
    """``cut(text)`` gives what ``jieba.cut(text)`` gives with jieba's default dictionary."""

    def __init__(self, index: WordIndex, model_folder: Path, key: str = "") -> None:
        self.index = index
        self.model_folder = model_folder
        self.key = key  # names the dictionary and this index's layout: what is derived from it is cached under it

    def is_word(self, word: str) -> bool:
        return self.index.frequency(word) > 0

    def tag(self, word: str) -> str | None:
        return self.index.tag(word)

    def cut(self, text: str) -> Iterator[str]:
        for block in HAN_BLOCK.split(text):
            if not block:
                continue
            if HAN_BLOCK.match(block):
                yield from self._cut_dag(block)
                continue
            for piece in SKIP.split(block):
                if SKIP.match(piece):
                    yield piece
                else:
                    yield from piece

    def _dag(self, sentence: str) -> list[list[int]]:
        lookup = self.index.lookup
        dag = []
        size = len(sentence)
        for start in range(size):
            ends = []
            end = start
            fragment = sentence[start]
            while end < size:
                present, freq = lookup(fragment)
                if not present:
                    break
                if freq:
                    ends.append(end)
                end += 1
                fragment = sentence[start : end + 1]
            dag.append(ends or [start])
        return dag

    def _route(self, sentence: str, dag: list[list[int]]) -> list[tuple[float, int]]:
        size = len(sentence)
        route: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)
        log_total = self.index.log_total
        frequency = self.index.frequency
        for start in range(size - 1, -1, -1):
            route[start] = max(
                (log(frequency(sentence[start : end + 1]) or 1) - log_total + route[end + 1][0], end)
                for end in dag[start]
            )
        return route

    def _cut_dag(self, sentence: str) -> Iterator[str]:
        route = self._route(sentence, self._dag(sentence))
        position, single, size = 0, "", len(sentence)
        while position < size:
            following = route[position][1] + 1
            word = sentence[position:following]
            if following - position == 1:
                single += word
            else:
                if single:
                    yield from self._unknown_run(single)
                    single = ""
                yield word
            position = following
        if single:
            yield from self._unknown_run(single)

    def _unknown_run(self, run: str) -> Iterator[str]:
        if len(run) == 1:
            yield run
        elif not self.index.frequency(run):
            yield from self._hmm_cut(run)
        else:
            yield from run

    def _hmm_cut(self, text: str) -> Iterator[str]:
        for block in HMM_HAN.split(text):
            if HMM_HAN.match(block):
                start, trans = _hmm_model(self.model_folder)
                yield from _viterbi_words(block, start, trans, self.index.emission)
            else:
                yield from (piece for piece in HMM_SKIP.split(block) if piece)


@cache
def _hmm_model(folder: Path) -> tuple[dict, dict]:
    """jieba's HMM start and transition tables, from the pickles it ships (the emissions are in the index)."""
    tables = []
    for name in ("prob_start.p", "prob_trans.p"):
        with open(folder / name, "rb") as stream:
            tables.append(disk_cache.load(stream))
    start, trans = tables
    return start, trans


def _viterbi_words(sentence: str, start_p: dict, trans_p: dict, emission: Callable[[int, str], float]) -> Iterator[str]:
    """jieba's ``finalseg.__cut``: the most likely B/M/E/S states, and the words they mark."""
    scores = [{state: start_p[state] + emission(number, sentence[0]) for number, state in enumerate(STATES)}]
    paths = {state: [state] for state in STATES}
    for step in range(1, len(sentence)):
        scores.append({})
        new_paths = {}
        for number, state in enumerate(STATES):
            emit = emission(number, sentence[step])
            score, previous = max(
                (scores[step - 1][before] + trans_p[before].get(state, MIN_FLOAT) + emit, before)
                for before in PREVIOUS_STATES[state]
            )
            scores[step][state] = score
            new_paths[state] = [*paths[previous], state]
        paths = new_paths
    _, last = max((scores[-1][state], state) for state in "ES")
    states = paths[last]
    begin, following = 0, 0
    for index, char in enumerate(sentence):
        state = states[index]
        if state == "B":
            begin = index
        elif state == "E":
            yield sentence[begin : index + 1]
            following = index + 1
        elif state == "S":
            yield char
            following = index + 1
    if following < len(sentence):
        yield sentence[following:]
