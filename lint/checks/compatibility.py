"""``compatibility``: radicals and compatibility ideographs standing where ordinary Han characters belong.

A PDF's text layer often maps glyphs to the Kangxi Radicals (U+2F00-U+2FD5), the CJK Radicals
Supplement (U+2E80-U+2EF3) or the CJK Compatibility Ideographs (U+F900-U+FAFF) instead of the
ordinary characters they look like, and copying the text keeps them: ``每⽇日常规`` (the radical ⽇
beside the ordinary 日, so the word reads twice), ``班级卫⽣`` (the radical alone). They look right
on screen but search, sorting, spell-checking and every other rule see a different character.
Unicode's compatibility normalisation (NFKC) maps each Kangxi radical and most compatibility
ideographs to its ordinary character; the Radicals Supplement has no such mapping.

params:
  ranges: ["2F00-2FD5", ...]  code point ranges (hex) whose characters are looked at; a character of
                              the Compatibility Ideographs block that NFKC leaves alone (the twelve
                              unified ideographs there, 﨎 …) is ordinary and never reported
  where: doubled | alone      ``doubled``: the character next to its ordinary form (a radical
                              before it, ⽇日; a compatibility ideograph after it, 不不得 with U+F967
                              second), the fix deletes it; ``alone``: every other one, the
                              fix writes its ordinary form, none when NFKC gives none (a radical of
                              the Supplement: ⻬)

Message fields: ``{char}``, ``{normal}`` (the ordinary form, or the character itself when there is
none) and ``{code}`` (U+2F47).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.source import Document

WHERE = ("doubled", "alone")


def ordinary(char: str) -> str | None:
    """The ordinary character NFKC maps ``char`` to, or None when it maps it to itself."""
    normal = unicodedata.normalize("NFKC", char)
    return normal if normal != char and len(normal) == 1 else None


class CompatibilityCheck(Check):
    kind = "compatibility"
    default_fix = "safe"
    locality = "paragraph"

    def configure(self, params: Params) -> None:
        ranges = params.strings("ranges", required=True)
        classes = []
        for item in ranges:
            low, _, high = item.partition("-")
            try:
                first, last = int(low, 16), int(high or low, 16)
            except ValueError:
                raise params.error(
                    "ranges", f"'{item}' is not a range of hexadecimal code points (2F00-2FD5)"
                ) from None
            if not 0 < first <= last <= 0x10FFFF:
                raise params.error("ranges", f"'{item}' is not a range of code points")
            classes.append(f"\\U{first:08x}-\\U{last:08x}")
        self.candidates = re.compile(f"[{''.join(classes)}]")
        self.where = params.string("where", "alone")
        if self.where not in WHERE:
            raise params.error("where", f"'{self.where}' is not one of: {', '.join(WHERE)}")

    def patterns(self) -> list[re.Pattern[str]]:
        return [self.candidates]

    def find(self, document: Document) -> Iterator[Finding]:
        text = document.text
        for match in self.candidates.finditer(text):
            char, at = match.group(), match.start()
            normal = ordinary(char)
            if normal is None and 0xF900 <= ord(char) <= 0xFAFF:
                continue  # a unified ideograph of the compatibility block (﨎): an ordinary character
            doubled = normal is not None and (text.startswith(normal, at + 1) or text[at - 1 : at] == normal)
            if doubled != (self.where == "doubled"):
                continue
            fields = {"char": char, "normal": normal or char, "code": f"U+{ord(char):04X}"}
            replacement = "" if doubled else normal
            yield Finding(at, at + 1, replacement, fields)


CHECK = CompatibilityCheck
