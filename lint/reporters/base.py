"""What a report format implements: ``Reporter``, a protocol for the type checker (a format is a
module, checked against it in lint/reporters/__init__.py; nothing here is built at run time)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # building a protocol class costs every run's start-up; only mypy needs it
    from collections.abc import Iterable
    from typing import Protocol, TextIO

    from lint.request import ReportOptions
    from lint.results import FileResult, Render

    class Reporter(Protocol):
        """A report format: a module in lint/reporters/ with ``write`` and ``render``.

        ``render`` is the text of one result alone, for a format that reads each result once, in order
        (a streaming one): it may be given results while files are still being linted, and with ``-j``
        the worker that linted a file renders its part (``FileResult.rendered``). None: the format needs
        every result before it writes (SARIF, JUnit).
        """

        @property
        def render(self) -> Render | None: ...

        def write(self, results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None: ...
