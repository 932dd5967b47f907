"""The drafts open in the editor: their text as the editor has it, kept up to date edit by edit.

The server keeps its own copy instead of pygls's: pygls splits lines with ``str.splitlines``, which
also breaks at U+2028, form feeds and other separators a draft copied from the web may hold, and
then applies an edit on the wrong line. Here lines are LSP's (see ``positions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lint.formats import format_for
from lint.server.positions import LineIndex

DRAFT_FORMATS = ("text", "markdown", "docx")
TEXT_LANGUAGES = ("plaintext", "text", "markdown")  # how an editor names a draft with no suffix it knows

Range = tuple[tuple[int, int], tuple[int, int]]  # ((line, character), (line, character)) in code units


@dataclass
class OpenDraft:
    """One document the editor has open; ``file`` is None for one not saved anywhere (untitled:)."""

    uri: str
    text: str
    version: int | None
    language: str
    file: Path | None

    @property
    def name(self) -> str:
        """The path gwlint reports and chooses the format by (an untitled Markdown buffer gets .md)."""
        name = str(self.file) if self.file is not None else self.uri
        if format_for(name) == "text" and self.language == "markdown":
            return name + ".md"
        return name

    @property
    def format(self) -> str:
        return format_for(self.name)

    @property
    def lintable(self) -> bool:
        """A draft gwlint reads: a .txt, .md or .docx file, or an unnamed text or Markdown buffer."""
        suffix = self.file.suffix.lower() if self.file is not None else ""
        if suffix in (".txt", ".md", ".markdown", ".docx"):
            return True
        return self.language in TEXT_LANGUAGES and suffix in ("", ".text")

    def edit(self, change: Range | None, new_text: str, encoding: str) -> None:
        """Apply one change of ``textDocument/didChange``: the whole text when ``change`` is None."""
        if change is None:
            self.text = new_text
            return
        index = LineIndex(self.text)
        (start_line, start_character), (end_line, end_character) = change
        start = index.offset(start_line, start_character, encoding)
        end = max(start, index.offset(end_line, end_character, encoding))
        self.text = self.text[:start] + new_text + self.text[end:]
