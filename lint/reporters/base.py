"""What a report format implements (``Reporter``) and the options every one of them is given."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from typing import TextIO

    from lint.packs import Rule
    from lint.results import FileResult, Render


@dataclass(frozen=True)
class Options:
    """How to write a report; a format reads what concerns it."""

    color: bool = False
    rules: Sequence[Rule] = ()  # the rules in force (SARIF describes them)
    quiet: bool = False  # no summary (the full report's counts)
    lang: str = "en"  # the language of a summary


class Reporter(Protocol):
    """A report format: a module in lint/reporters/ with ``write`` and ``render``.

    ``render`` is the text of one result alone, for a format that reads each result once, in order
    (a streaming one): it may be given results while files are still being linted, and with ``-j``
    the worker that linted a file renders its part (``FileResult.rendered``). None: the format needs
    every result before it writes (SARIF, JUnit).
    """

    @property
    def render(self) -> Render | None: ...

    def write(self, results: Iterable[FileResult], stream: TextIO, options: Options) -> None: ...
