"""Conditions a rule can put around a match, shared by the ``pattern`` and ``substitution`` kinds.

params:
  unless_preceded_by: regex        the match is legitimate when the text just before it ends with this
  unless_followed_by: regex        ... or when the text just after it starts with this
  unless_quoted: bool              ... or when it stands inside “…” in its paragraph (a quotation of
                                   someone else's words, which the draft may not change)
  unless_paragraph_matches: regex  ... or when this occurs in its paragraph before it (words reported
                                   over several sentences after 习近平指出，); ``^`` is the paragraph's start
  unless_line_matches: regex       ... or when its whole line matches this (``^`` and ``$`` are the
                                   line's ends): a headline of two phrases set apart by a space
                                   (做足“山水文章” 风景这边独好) is no sentence with a stray space
  only_if_document_matches: regex  report only in documents where this also occurs somewhere
  unless_document_matches: regex   report nothing in documents where this occurs somewhere
  unless_header_matches: regex     report nothing in documents whose header (the first HEADER_LINES
                                   non-empty lines) matches: who speaks. A speech or report by the
                                   person a rule is about names its author there (the byline alone
                                   on a line under the title, “习近平”; “国家主席习近平发表……贺词”) or
                                   opens in the first person for the body he leads (“我代表第十八届
                                   中央委员会向大会作报告”). Written with ``^``/``$`` the regex
                                   matches whole lines (it is compiled with re.MULTILINE).
"""

from __future__ import annotations

import copy

from lint.checks.base import Params
from lint.regexes import compiled

WINDOW = 40  # characters of context inspected on each side
HEADER_LINES = 8  # a title, its subtitle, the occasion, the date, the byline, the salutation, the opening
OPENING_QUOTES = "“"
CLOSING_QUOTES = "”"
QUOTES = compiled(f"[{OPENING_QUOTES}{CLOSING_QUOTES}]")
QUOTE_OR_BREAK = compiled(f"[{OPENING_QUOTES}{CLOSING_QUOTES}\r\n]")
NEXT_PARAGRAPH_QUOTED = compiled(f"\\r?\\n[ \\t\u3000]*{OPENING_QUOTES}")
HEADER_LINE = compiled(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class Context:
    def __init__(self, params: Params) -> None:
        before = params.string("unless_preceded_by")
        after = params.string("unless_followed_by")
        self.before = None if before is None else params.compile("unless_preceded_by", f"(?:{before})\\Z")
        self.after = None if after is None else params.compile("unless_followed_by", after)
        self.quoted = params.boolean("unless_quoted", False)
        self.paragraph_excluded = params.regex("unless_paragraph_matches")
        self.line_excluded = params.regex("unless_line_matches")
        self.document_required = params.regex("only_if_document_matches")
        self.document_excluded = params.regex("unless_document_matches")
        speaker = params.string("unless_header_matches")
        self.header_excluded = None if speaker is None else params.compile("unless_header_matches", f"(?m:{speaker})")

    def line_local(self) -> bool:
        """Whether the conditions around a match look at its own line only (see lint.checks.locality):
        ``unless_preceded_by`` ends at the match, ``unless_followed_by`` starts at it."""
        from lint.checks.locality import line_local

        return line_local(self.before, ["AT_END_STRING"]) and line_local(
            self.after, ["AT_BEGINNING", "AT_BEGINNING_STRING"]
        )

    def has_document_conditions(self) -> bool:
        return (self.document_required, self.document_excluded, self.header_excluded) != (None, None, None)

    def without_document_conditions(self) -> Context:
        """These conditions around a match, without those on the whole document."""
        narrowed = copy.copy(self)
        narrowed.document_required = narrowed.document_excluded = narrowed.header_excluded = None
        return narrowed

    def allows_document(self, text: str) -> bool:
        if self.document_required is not None and not self.document_required.search(text):
            return False
        if self.header_excluded is not None and self.header_excluded.search(header(text)):
            return False
        return not (self.document_excluded is not None and self.document_excluded.search(text))

    def allows(self, text: str, start: int, end: int) -> bool:
        if self.before is not None and self.before.search(text, max(0, start - WINDOW), start):
            return False
        if self.after is not None and self.after.match(text[end : end + WINDOW]):
            return False
        excluded = self.paragraph_excluded
        if excluded is not None and excluded.search(text[paragraph_start(text, start) : start]):
            return False  # searched in a slice: ``^`` is the paragraph's start, not only the text's
        if self.line_excluded is not None:
            line_end = text.find("\n", end)
            line = text[text.rfind("\n", 0, start) + 1 : len(text) if line_end < 0 else line_end]
            if self.line_excluded.search(line):
                return False
        return not (self.quoted and inside_quotation(text, start, end))


def header(text: str) -> str:
    """The document's first HEADER_LINES non-empty lines (title, byline, date, salutation, opening)."""
    seen = 0
    for line in HEADER_LINE.finditer(text):
        if line.group().strip():
            seen += 1
            if seen == HEADER_LINES:
                return text[: line.end()]
    return text


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` begins: after the last ``\\n`` or ``\\r`` before it.

    The ``\\r`` is looked for after the ``\\n`` only: in a text without one, a search back to the
    start of the text for each finding made a rule quadratic (11 s on 100 MB, 0.1 s on 10 MB)."""
    newline = text.rfind("\n", 0, position)
    return max(newline, text.rfind("\r", newline + 1, position)) + 1


def inside_quotation(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies between an opening “ and its closing ” within one paragraph.

    An unclosed “ earlier in the paragraph (a pairing slip) does not make the rest of it a quotation:
    the next quote mark after the match must be a closing one, or the paragraph must end with the next
    one opening with “: a quotation of several paragraphs opens each with “ and closes only the last
    (GB/T 15834—2011 4.8, 引号; an amending decision's new article of two paragraphs, 最高人民法院 2016).
    """
    depth = 0
    for quote in QUOTES.finditer(text, paragraph_start(text, start), start):
        if quote.group() in OPENING_QUOTES:
            depth += 1
        elif depth:
            depth -= 1
    if depth == 0:
        return False
    after = QUOTE_OR_BREAK.search(text, end)
    if after is not None and after.group() in "\r\n":
        return NEXT_PARAGRAPH_QUOTED.match(text, after.start()) is not None
    return after is not None and after.group() in CLOSING_QUOTES
