"""``numbering``: placeholder until the check kind lands."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, Finding, Params
from lint.source import Document


class NumberingCheck(Check):
    kind = "numbering"

    def configure(self, params: Params) -> None:
        pass

    def find(self, document: Document) -> Iterator[Finding]:
        return iter(())


CHECK = NumberingCheck
