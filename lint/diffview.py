"""``--diff`` for a person: which characters of a long line a fix changes.

A unified diff shows whole lines; a ,→， change in a 1,000-character paragraph is invisible in it.
When the diff goes to a person (a terminal, or ``--color always``), each removed line that a fix
rewrote is paired with its added line and the changed characters are marked: in colour, with a
background on the changed spans; without colour, with a ``?`` line of carets under the added line
(as ``difflib.ndiff`` marks changes). Into a pipe or a file the diff stays exact, so it can be applied.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from lint.reporters.full import display_width
from lint.reporters.visible import visible

REMOVED, ADDED, RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"
REMOVED_SPAN, ADDED_SPAN = "\x1b[1;41;37m", "\x1b[1;42;37m"

Span = tuple[int, int]


def marked(lines: Iterable[str], color: bool) -> Iterator[str]:
    """The unified diff's ``lines``, made safe to show, with the changed characters of rewritten lines marked."""
    removed: list[str] = []
    added: list[str] = []
    for line in lines:
        if _is_removed(line) and not added:
            removed.append(line)
        elif _is_added(line) and removed:
            added.append(line)
        else:
            yield from _pairs(removed, added, color)
            removed, added = ([line], []) if _is_removed(line) else ([], [])
            if not removed:
                yield _line(line, [], color)
    yield from _pairs(removed, added, color)


def _is_removed(line: str) -> bool:
    return line.startswith("-") and not line.startswith("---")


def _is_added(line: str) -> bool:
    return line.startswith("+") and not line.startswith("+++")


def _pairs(removed: list[str], added: list[str], color: bool) -> Iterator[str]:
    """A run of removed lines and the added lines that replace them, line for line when they can be paired."""
    if len(removed) != len(added):
        yield from (_line(line, [], color) for line in (*removed, *added))
        return
    changes = [_changes(_body(old), _body(new)) for old, new in zip(removed, added, strict=True)]
    for old, (old_spans, _) in zip(removed, changes, strict=True):
        yield _line(old, old_spans, color)
    for new, (_, new_spans) in zip(added, changes, strict=True):
        yield _line(new, new_spans, color)
        if not color and new_spans:
            yield _carets(_body(new), new_spans)


def _body(line: str) -> str:
    return line[1:].rstrip("\r\n")


def _changes(old: str, new: str) -> tuple[list[Span], list[Span]]:
    """The character spans that differ between ``old`` and ``new`` (on each side)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    old_spans, new_spans = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_spans.append((i1, max(i2, i1 + 1) if tag == "insert" else i2))
        new_spans.append((j1, max(j2, j1 + 1) if tag == "delete" else j2))
    return old_spans, new_spans


def _line(line: str, spans: list[Span], color: bool) -> str:
    ending = line[len(line.rstrip("\r\n")) :] or ""
    text = line[: len(line) - len(ending)] if ending else line
    if not color or not text:
        return visible(text) + ending
    base = REMOVED if _is_removed(text) else ADDED if _is_added(text) else ""
    if not base:
        return visible(text) + ending
    span_style = REMOVED_SPAN if base == REMOVED else ADDED_SPAN
    body, out, at = text[1:], [base, text[0]], 0
    for start, end in spans:
        out += [visible(body[at:start]), span_style, visible(body[start:end]), RESET, base]
        at = end
    out += [visible(body[at:]), RESET]
    return "".join(out) + ending


def _carets(body: str, spans: list[Span]) -> str:
    """``? `` and carets under the changed characters of an added line (wide characters count two)."""
    marks, at = [], 0
    for start, end in spans:
        marks.append(" " * display_width(visible(body[at:start])))
        marks.append("^" * max(1, display_width(visible(body[start:end]))))
        at = end
    return "?" + "".join(marks) + "\n"
