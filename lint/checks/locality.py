"""Whether a check's findings on a line depend on that line alone (see ``Check.paragraph_local``).

A language server that re-lints a draft after each keystroke keeps, for such a check, the findings of
every line that did not change (lint.incremental). That is exact only when the check, run on the
line by itself (its text up to and including its ``\\n``), finds what it finds there inside the
whole document. For a regular expression this holds when nothing in it can match ``\\n`` (so no
match, lookaround or backreference reaches across the line's end; one that tries fails on the
``\\n`` in the document and on the edge of the line alone) and it has no anchor that means the
start or end of the whole text (``^``, ``$``, ``\\A``, ``\\Z`` without MULTILINE). Anything this
module does not recognise counts as crossing: the check is then run on the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NEWLINE = 10
# Anchors that mean the same at a line's edges inside the document and in the line alone.
LINE_ANCHORS = frozenset({"AT_BOUNDARY", "AT_NON_BOUNDARY", "AT_BEGINNING_LINE", "AT_END_LINE"})
MULTILINE_ANCHORS = frozenset({"AT_BEGINNING", "AT_END"})  # ^ and $ under re.MULTILINE: a line's edges
CLASS_CATEGORIES_WITH_NEWLINE = frozenset({"CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT",
                                           "CATEGORY_LINEBREAK", "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_WORD",
                                           "CATEGORY_UNI_NOT_DIGIT", "CATEGORY_UNI_LINEBREAK",
                                           "CATEGORY_LOC_NOT_WORD"})  # fmt: skip


def line_local(pattern: re.Pattern[str] | None, allowed_anchors: Iterable[str] = ()) -> bool:
    """Whether ``pattern`` (None: no pattern) never matches or looks across a ``\\n`` and has no
    whole-text anchor beyond ``allowed_anchors`` (names such as "AT_END_STRING")."""
    if pattern is None:
        return True
    from re import _parser  # type: ignore[attr-defined]  # re's parser (CPython's, no stub in typeshed)

    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError, OverflowError):
        return False
    anchors = LINE_ANCHORS | frozenset(allowed_anchors)
    if pattern.flags & re.MULTILINE:
        anchors |= MULTILINE_ANCHORS
    try:
        return _local(parsed, bool(pattern.flags & re.DOTALL), anchors)
    except RecursionError:
        return False


def _local(sequence: object, dotall: bool, anchors: frozenset[str]) -> bool:
    from re import _constants  # type: ignore[attr-defined]  # re's parser (CPython's, no stub in typeshed)

    for op, value in sequence:  # type: ignore[attr-defined]  # a parsed pattern: (op, value) pairs
        name = str(op)
        if name == "LITERAL":
            if value == NEWLINE:
                return False
        elif name == "NOT_LITERAL":
            if value != NEWLINE:
                return False
        elif name == "ANY":
            if dotall:
                return False
        elif name == "IN":
            if _class_has_newline(value):
                return False
        elif name == "AT":
            if str(value) not in anchors:
                return False
        elif name in ("SUBPATTERN",):
            _group, add_flags, del_flags, body = value
            if add_flags & (re.MULTILINE | re.DOTALL) or del_flags & re.MULTILINE:
                return False  # scoped flags: not followed here
            if not _local(body, dotall and not del_flags & re.DOTALL, anchors):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _local(value[2], dotall, anchors):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _local(value[1], dotall, anchors):
                return False
        elif name == "ATOMIC_GROUP":
            if not _local(value, dotall, anchors):
                return False
        elif name == "BRANCH":
            if not all(_local(branch, dotall, anchors) for branch in value[1]):
                return False
        elif name == "GROUPREF_EXISTS":
            _group, yes, no = value
            if not _local(yes, dotall, anchors) or (no is not None and not _local(no, dotall, anchors)):
                return False
        elif op is not _constants.GROUPREF:  # a backreference repeats a group, checked where it stands
            return False
    return True


def _class_has_newline(items: object) -> bool:
    """Whether a character class ``[...]`` (as the parser gives it) holds ``\\n``."""
    negated = False
    holds = False
    for op, value in items:  # type: ignore[attr-defined]  # a parsed class: (op, value) pairs
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            holds = holds or value == NEWLINE
        elif name == "RANGE":
            holds = holds or value[0] <= NEWLINE <= value[1]
        elif name == "CATEGORY":
            holds = holds or str(value) in CLASS_CATEGORIES_WITH_NEWLINE
        else:
            return True  # unknown: take it as holding a line break
    return holds != negated
