"""The non-blank lines of a document with the kind of number each opens with, for the kinds that
compare numbered lines of one family (``heading_marks``: headings' end marks; ``item_stops``: list
items' full stops)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lint.checks.text import SPACES
from lint.source import Document


@dataclass(frozen=True)
class NumberedLine:
    family: int | None  # the index of the family whose number opens the line, if any
    number_at: int
    body_at: int  # where the text after the number starts
    end: int  # where the line's content ends (spaces after it left out)


def numbered_lines(document: Document, families: Sequence[re.Pattern[str]]) -> list[NumberedLine]:
    """The non-blank lines, each with the first of ``families`` that matches after its leading spaces."""
    text = document.text
    lines = []
    for index in range(len(document.line_starts)):
        start, stop = document.paragraph(index)
        content = text[start:stop]
        if not content.strip(SPACES):
            continue
        number_at = start + len(content) - len(content.lstrip(SPACES))
        family, body_at = None, number_at
        for number, pattern in enumerate(families):
            match = pattern.match(text, number_at, stop)
            if match is not None:
                family, body_at = number, match.end()
                break
        lines.append(NumberedLine(family, number_at, body_at, start + len(content.rstrip(SPACES))))
    return lines
