"""A progress bar on stderr for runs over many files, only when stderr is a terminal.

rich is imported only when the bar is shown; otherwise every call is a no-op, so piped or
redirected output (CI, pre-commit, editors) carries nothing extra.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

    from rich.progress import Progress, TaskID


MIN_FILES = 20  # fewer files finish before a bar would be worth reading


class ProgressBar:
    """``with ProgressBar(total, stream) as bar: ... bar.advance()``; shows nothing unless ``stream`` is a tty."""

    def __init__(self, total: int, stream: TextIO, min_files: int = MIN_FILES) -> None:
        self.total = total
        self.shown = total >= min_files and _is_terminal(stream)
        self._stream = stream
        self._bar: tuple[Progress, TaskID] | None = None  # rich's progress display and its one task, while shown

    def __enter__(self) -> ProgressBar:
        if self.shown:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            console = Console(file=self._stream, stderr=True)
            progress = Progress(
                TextColumn("gwlint"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,  # the bar goes away when done; the report stays clean
                auto_refresh=False,  # no refresh thread: worker processes may be forked while the bar runs
            )
            progress.start()
            self._bar = progress, progress.add_task("lint", total=self.total)
        return self

    def advance(self, files: int = 1) -> None:
        if self._bar is not None:
            progress, task = self._bar
            progress.advance(task, files)
            progress.refresh()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar[0].stop()
            self._bar = None


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
