"""Edits to a mapped Word paragraph: a fix inside its runs, and runs split for a comment's anchor.

A fix keeps every character it does not change where it was: the common beginning and end of the old
and new text stay in their own runs (with their own formatting), and only the middle is rewritten,
in the run of its first character (or, for a pure insertion, of the character before it). A fix
whose span touches anything but editable ``w:t`` text is refused with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element as Element  # python-docx's XML elements are lxml's

import bisect
import copy
import itertools

from lint.formats.docx_reader import TEXT_TAG, MappedParagraph, Piece, W

FORBIDDEN_IN_REPLACEMENT = "\n\r\t\u2028\u2029\x0b\x0c\x85"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
RUN_PROPERTIES = W + "rPr"


def replace(mapped: MappedParagraph, column: int, end_column: int, replacement: str) -> str | None:
    """Edit [column, end_column) of a paragraph's text to ``replacement``; the reason when refused, else None."""
    if any(char in replacement for char in FORBIDDEN_IN_REPLACEMENT):
        return "the replacement has a line break or tab"
    pieces = mapped.pieces
    if column == end_column:
        at = [p for p in pieces if p.editable and p.start <= column <= p.end][:1]
        if not at:
            return "no editable text run at the insertion point"
        _rewrite(at[0], column, column, replacement, at[0])
        return None
    touched = [p for p in pieces if p.start < end_column and p.end > column]
    touched += [p for p in pieces if p.start == p.end and column < p.start < end_column]
    blocked = next((p for p in touched if not p.editable), None)
    if blocked is not None or not touched:
        return f"the span crosses {_describe(blocked)}, which a fix cannot edit"
    old = mapped.text[column:end_column]
    prefix = _common_prefix(old, replacement)
    suffix = _common_prefix(old[prefix:][::-1], replacement[prefix:][::-1])
    middle_start, middle_end = column + prefix, end_column - suffix
    inserted = replacement[prefix : len(replacement) - suffix]
    if middle_start == middle_end and not inserted:
        return None  # the replacement is the text itself
    anchor = middle_start if middle_start < middle_end else (middle_start - 1 if prefix else middle_start)
    target = next(p for p in touched if p.start <= anchor < p.end)
    for piece in sorted(touched, key=lambda p: p.start):
        if piece is target or (piece.start < middle_end and piece.end > middle_start):
            _rewrite(piece, middle_start, middle_end, inserted if piece is target else "", target)
    return None


def _rewrite(piece: Piece, start: int, end: int, inserted: str, target: Piece) -> None:
    """Cut [start, end) (paragraph offsets) out of a w:t, putting ``inserted`` at ``start`` if it is the target."""
    text = piece.element.text or ""
    cut_from = min(max(start - piece.start, 0), len(text))
    cut_to = min(max(end - piece.start, 0), len(text))
    _set_text(piece.element, text[:cut_from] + (inserted if piece is target else "") + text[cut_to:])


def _common_prefix(left: str, right: str) -> int:
    """How many characters ``left`` and ``right`` share at their start."""
    for index, (a, b) in enumerate(zip(left, right, strict=False)):
        if a != b:
            return index
    return min(len(left), len(right))


def _describe(piece: Piece | None) -> str:
    if piece is None:
        return "no text run"
    tag = piece.element.tag
    if tag in (W + "tab", W + "ptab"):
        return "a tab"
    if tag in (W + "br", W + "cr"):
        return "a line, page or column break"
    if tag == TEXT_TAG:
        return "text Word generates or protects (a field result or a locked, bound or special content control)"
    return "a picture, object, symbol, note reference or ruby"


def _set_text(element: Element, text: str) -> None:
    element.text = text
    element.set(XML_SPACE, "preserve")


def split_runs(mapped: MappedParagraph, offsets: list[int]) -> None:
    """Split runs so that each offset falls between two runs (where it falls inside a splittable w:t run).

    Each run is split once at all its offsets, so the cost is linear in the paragraph and the offsets.
    """
    ranges = run_ranges(mapped)
    starts = [start for _, start, _ in ranges]
    inside: dict[int, list[int]] = {}
    for offset in sorted(set(offsets)):
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and ranges[index][1] < offset < ranges[index][2]:
            inside.setdefault(index, []).append(offset)
    lengths = {id(piece.element): piece.end - piece.start for piece in mapped.pieces}
    for index, run_offsets in inside.items():
        run, start, _ = ranges[index]
        _split_run(run, start, run_offsets, lengths)


def run_ranges(mapped: MappedParagraph) -> list[tuple[Element, int, int]]:
    """(run, start, end) of each run with text, in order."""
    ranges: dict[int, list] = {}
    for piece in mapped.pieces:
        bounds = ranges.setdefault(id(piece.run), [piece.run, piece.start, piece.end])
        bounds[2] = piece.end
    return [(run, start, end) for run, start, end in ranges.values()]


def _split_run(run: Element, start: int, offsets: list[int], lengths: dict[int, int]) -> None:
    """Split ``run`` (whose text begins at ``start``) at each of the sorted ``offsets`` into runs alike.

    A child that begins at an offset (or after it) goes to the run on the right; a w:t is cut; an
    offset inside anything else (a ruby) is no boundary. ``lengths``: characters of each mapped child.
    """
    properties = run.find(RUN_PROPERTIES)
    segments = [run]
    position = start
    pending = offsets[::-1]  # the next offset to reach is last
    for child in [child for child in run if child.tag != RUN_PROPERTIES]:
        length = lengths.get(id(child), 0)
        while pending and pending[-1] <= position:
            segments.append(_empty_like(run, properties))
            pending.pop()
        if segments[-1] is not run:
            segments[-1].append(child)  # moves it
        cuts = []
        while pending and pending[-1] < position + length:
            cuts.append(pending.pop() - position)
        if cuts and child.tag == TEXT_TAG:
            text = child.text or ""
            _set_text(child, text[: cuts[0]])
            for left, right in itertools.pairwise([*cuts, length]):
                piece = child.makeelement(TEXT_TAG, {})
                _set_text(piece, text[left:right])
                segments.append(_empty_like(run, properties))
                segments[-1].append(piece)
        position += length
    anchor = run
    for segment in segments[1:]:
        anchor.addnext(segment)
        anchor = segment


def _empty_like(run: Element, properties: Element | None) -> Element:
    segment = run.makeelement(run.tag, run.attrib)
    if properties is not None:
        segment.append(copy.deepcopy(properties))
    return segment
