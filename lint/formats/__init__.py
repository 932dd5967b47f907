"""Input formats beyond plain text: which one a file is, chosen by its suffix.

Each format module turns a file into text for the checks without moving offsets it cannot map
back: ``markdown`` blanks what is not prose, ``docx`` joins paragraphs one per line.
"""

from __future__ import annotations

from pathlib import PurePath

FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".docx": "docx"}


def format_for(path: str) -> str:
    """ "markdown", "docx" or "text" (any other suffix, stdin without --stdin-filename)."""
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")
