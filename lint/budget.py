"""A time budget for pieces of work: each rule on one document, each example of a pack at load time.

A budget counts the CPU time this process spends, not the time on the clock: four gwlint processes
sharing two cores (or a run under a debugger, or a machine busy with other work) must not stop a
rule that finishes in time alone. A signal handler raising BudgetExceeded in the main thread
interrupts Python's ``re`` in the middle of a catastrophic backtrack (the regex engine checks for
signals while it works), which a watchdog thread could not do. One ``Budget`` arms a single
repeating ``ITIMER_PROF`` tick (SIGPROF, sent each time the process has used another tick of CPU
time) for a whole series of pieces: arming a timer per rule, or reading the CPU clock per rule (a
system call of some microseconds), would cost more than many rules take. The handler reads the CPU
clock at each tick; a piece is charged from the last tick before it began, so it is stopped only
once it has surely used its seconds, and at most two ticks later. On exit the previous SIGPROF
handler is restored, and a profiling timer that was armed outside gets back the CPU time it had
left; a wall-clock timer (SIGALRM) of the caller is left alone.

Where signals cannot be used — outside the main thread, or on a platform without setitimer
(Windows) — a budget is a no-op: the work runs to completion. ``seconds`` of None or <= 0 also
means no limit.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import FrameType
    from typing import TypeVar

    T = TypeVar("T")

DEFAULT_RULE_TIMEOUT = 2.0  # CPU seconds one rule may spend on one document, per started million characters
MIN_RULE_TIMEOUT = 0.1  # below this an ordinary rule on an ordinary draft could be stopped by chance
SCALE_CHARACTERS = 1_000_000
TICK = 0.05  # CPU seconds between checks of the running piece's time
MIN_TICK = 0.01  # a shorter budget still ticks no faster than this (a tick is a signal and a system call)


class BudgetExceeded(Exception):
    """The work under a budget ran longer than it was allowed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def scaled_budget(seconds: float | None, characters: int) -> float | None:
    """A rule's budget on a document: ``seconds`` per million characters, never less than ``seconds``.

    A rule that is merely linear must not be stopped on a 100 MB archive file, while a regex that
    backtracks catastrophically is superlinear and still runs out of any such budget.
    """
    if not seconds:
        return seconds
    return seconds * max(1.0, characters / SCALE_CHARACTERS)


def budgets_supported() -> bool:
    """True when a budget can interrupt work here (POSIX, main thread).

    Without ``threading`` imported no thread was started through it, so this is the main thread
    (a thread started with ``_thread`` alone is caught by ``signal.signal`` refusing it); a
    one-draft run is spared importing ``threading`` for the question.
    """
    if not hasattr(signal, "setitimer"):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.current_thread() is threading.main_thread()


class Budget:
    """``with Budget(seconds) as budget:`` then ``budget.run(work)`` for each piece of work."""

    active: Budget | None = None  # the innermost armed budget: like SIGALRM's handler, one per process

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self._started: float | None = None  # the CPU time of the last tick before the running piece began
        self._cpu = 0.0  # the process's CPU time at the last tick (or on entering)
        self._cpu_entered = 0.0
        self._tick = TICK
        self._armed = False
        self._previous_handler: Callable[[int, FrameType | None], object] | int | None = None
        self._outer: tuple[float, float] = (0.0, 0.0)
        self._enclosing: Budget | None = None

    def __enter__(self) -> Budget:
        if self.seconds is not None and budgets_supported():
            try:
                self._previous_handler = signal.signal(signal.SIGPROF, self._on_tick)
            except ValueError:  # not the main thread after all: no budget, as documented
                return self
            self._cpu = self._cpu_entered = time.process_time()
            self._tick = max(MIN_TICK, min(TICK, self.seconds))
            self._outer = signal.setitimer(signal.ITIMER_PROF, self._tick, self._tick)
            self._armed = True
            self._enclosing, Budget.active = Budget.active, self
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._armed:
            return
        signal.setitimer(signal.ITIMER_PROF, 0)
        # A tick already sent but not yet delivered (a debugger or valgrind defers signals) would meet
        # the default action, which ends the process: ignoring SIGPROF for a moment discards it.
        signal.signal(signal.SIGPROF, signal.SIG_IGN)
        signal.signal(signal.SIGPROF, self._previous_handler)
        self._armed = False
        Budget.active = self._enclosing
        outer_delay, outer_interval = self._outer
        if outer_delay:
            left = outer_delay - (time.process_time() - self._cpu_entered)
            signal.setitimer(signal.ITIMER_PROF, max(left, 1e-6), outer_interval)  # fire at once when due

    def run(self, work: Callable[[], T]) -> T:
        """``work()``, raising BudgetExceeded from inside it once it has used ``seconds`` of CPU time."""
        self._started = self._cpu
        try:
            return work()
        finally:
            self._started = None

    def _on_tick(self, signum: int, frame: object) -> None:
        self._cpu = time.process_time()
        started = self._started
        # charged from the tick before it began: up to one tick more than the piece used itself
        if started is not None and self.seconds is not None and self._cpu - started >= self.seconds + self._tick:
            self._started = None
            raise BudgetExceeded(self.seconds)


@contextmanager
def unbudgeted() -> Iterator[None]:
    """Work inside a piece that is not the piece's own, such as filling a cache on first use (the
    segmenter's dictionary index): its time does not count against the running piece's budget.
    Without it, a loaded machine stopped the first rule that needed the index, every run."""
    budget = Budget.active
    started = budget._started if budget is not None else None
    if budget is None or started is None:
        yield
        return
    budget._started = None  # a tick meanwhile finds no running piece
    began = time.process_time()
    try:
        yield
    finally:
        budget._started = started + (time.process_time() - began)  # the clock the budget counts


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded inside the ``with`` block once it has used ``seconds`` of CPU time."""
    with Budget(seconds) as budget:
        budget._started = budget._cpu
        try:
            yield
        finally:
            budget._started = None
