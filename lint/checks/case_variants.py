"""One Latin word written in two cases in a document, for the ``consistency`` kind's ``latin-case``.

"负责kafka及redis迁移……Kafka集群": a product, a protocol or an abbreviation (TCP/tcp, H5/h5,
JavaScript/JAVASCRIPT) spelt with other capitals in one draft. Words are runs of Latin letters and
digits that start with a letter; a word is compared with the other words of the same letters
(case folded). When there are two or more spellings, the one to keep is the one written most often
(a tie: a name's spelling, a capital then small letters such as Redis, then a short abbreviation's
such as TCP, then the one written first). A spelling the document writes at most half as often
(MAJORITY) is reported at every place with the kept one as the suggestion; two spellings used about
equally are the writer's habit, not a slip.

Left alone, because case carries meaning or follows another convention there:
- web addresses, e-mail addresses and file names (www.Gov.cn, Report.docx);
- a capitalised word that starts a sentence or a line (Git是……), whose capital may be the sentence's;
- a word joined by a hyphen or a dot (prosemirror-tables, node.js);
- a word right after a digit (5km / 5KM, 10mL: units, whose case is their meaning: mW / MW);
- a word inside a run of three or more Latin words (an English title or sentence, where a sentence's
  first word takes a capital);
- a document of more than MAX_TERMS different Latin words (a technical text, whose writers switch case freely);
- one character (a variable, a grade: A类 / a).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from lint.checks.variants import Variant

# a word joined to another by a hyphen or dot is a package's or a file's name (prosemirror-tables, webpack-config)
WORD = re.compile(r"(?<![A-Za-z0-9.-])[A-Za-z][A-Za-z0-9]*(?![A-Za-z0-9]|[.-][A-Za-z0-9])")
# where a sentence or a line starts a word takes a capital as in English (Git是……; python beside it is no slip)
SENTENCE_START = re.compile(
    r"(?:^|[。！？；!?;]|^[ \t\u3000]*[0-9一二三四五六七八九十]+[.、．])[ \t\u3000\u00a0]*\Z", re.MULTILINE
)
# addresses and file names: their case is not the writer's choice of spelling
# each alternative starts only where a run of its characters starts: tried inside a long run of letters, it
# would read the run again from every position (a 1 MiB line of letters took minutes)
ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
    r"|(?<![A-Za-z0-9_.+-])[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z][A-Za-z0-9]{1,4}(?![A-Za-z0-9])"
)
# a spelling is reported only where the document writes the other at least this many times as often: where
# the writer uses both about as much (python beside Python in a developer's summary) neither is a slip
MAJORITY = 2
# a document of more Latin words than this is technical (a developer's summary, a website's specification): its
# terms follow each product's own convention and its writers switch case freely (html beside HTML), so a case
# variant there is no slip a reader would notice; the rule is for the odd term in an ordinary draft
MAX_TERMS = 12
# three Latin words in a row (Bank of China, The Road Ahead): English, which capitalises by its own rules
ENGLISH_RUN = re.compile(r"(?<![A-Za-z0-9'’-])[A-Za-z][A-Za-z0-9'’-]*(?:[ \u00a0]+[A-Za-z][A-Za-z0-9'’-]*){2,}")


def _spans(text: str) -> tuple[list[int], list[int]]:
    """The addresses, file names and English runs of ``text``, merged: (starts, ends), sorted."""
    spans = sorted((m.start(), m.end()) for pattern in (ADDRESS, ENGLISH_RUN) for m in pattern.finditer(text))
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], index: int) -> bool:
    """Whether ``index`` lies in one of the merged spans (a binary search: a long text has many)."""
    starts, ends = spans
    at = bisect.bisect_right(starts, index) - 1
    return at >= 0 and index < ends[at]


def _rank(word: str) -> int:
    """Between spellings written equally often, how likely one is a name's own: a capital then small
    letters (Redis, JavaScript) is how products and names are spelt; a short word in capitals (TCP, H5)
    an abbreviation's; anything else (all small, a long word in capitals) comes last."""
    letters = [c for c in word if c.isalpha()]
    if letters[0].isupper() and any(c.islower() for c in letters):
        return 0
    if all(c.isupper() for c in letters) and len(letters) <= 4:
        return 1
    return 2


def case_variants(text: str) -> list[Variant]:
    """Every place of a minority spelling of a Latin word the document also writes in other capitals."""
    skipped = _spans(text)
    places: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for match in WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        if len(word) < 2 or (start and text[start - 1].isdigit()):
            continue
        if _inside(skipped, start):
            continue
        if word[0].isupper() and word[1:].islower() and SENTENCE_START.search(text, max(0, start - 8), start):
            continue  # Git是……: the capital may be the sentence's, so this place tells nothing of the spelling
        places[word.casefold()][word].append((start, end))
        if len(places) > MAX_TERMS:
            return []  # a technical text: see MAX_TERMS
    found: list[Variant] = []
    for spellings in places.values():
        if len(spellings) < 2:
            continue
        majority = min(spellings, key=lambda word: (-len(spellings[word]), _rank(word), spellings[word][0][0]))
        found.extend(
            Variant(start, end, word, majority, len(spellings[majority]))
            for word, where in spellings.items()
            if word != majority and len(where) * MAJORITY <= len(spellings[majority])
            for start, end in where
        )
    return sorted(found, key=lambda variant: variant.start)
