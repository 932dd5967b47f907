"""Input formats beyond plain text: which one a file is, chosen by its suffix.

Each format module turns a file into text for the checks without moving offsets it cannot map
back: ``markdown`` blanks what is not prose, ``docx`` joins paragraphs one per line.
"""

from __future__ import annotations

from pathlib import PurePath

FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".docx": "docx"}
DRAFT_SUFFIXES = (".txt", *FORMAT_BY_SUFFIX)  # what a folder walk picks up
# The compound-file (OLE2) signature of Word 97-2003 .doc and old WPS .wps files, whatever their suffix.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_BINARY_ADVICE = (
    "an old binary Word/WPS document (.doc/.wps format), which gwlint cannot read: "
    "open it in Word or WPS and save it as a Word .docx file (另存为 .docx), then check that file"
)
ANNOTATED_MARK = ".gwlint"


def format_for(path: str) -> str:
    """ "markdown", "docx" or "text" (any other suffix, stdin without --stdin-filename)."""
    return FORMAT_BY_SUFFIX.get(PurePath(path).suffix.lower(), "text")


def is_annotated_copy(name: str) -> bool:
    """draft.gwlint.docx, draft.gwlint-2.docx ...: copies --annotate wrote, not drafts to lint."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() != "docx":
        return False
    base, _, number = stem.rpartition("-")
    return stem.endswith(ANNOTATED_MARK) or (number.isdigit() and base.endswith(ANNOTATED_MARK))
