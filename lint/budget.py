"""A time budget for one piece of work: a rule on one document, a pack's example at load time.

``time_budget(seconds)`` arms a one-shot ``ITIMER_REAL`` whose SIGALRM handler raises
BudgetExceeded in the main thread. Unlike a thread-based watchdog this interrupts Python's ``re``
in the middle of a catastrophic backtrack (the regex engine checks for signals while it works).
The previous SIGALRM handler and timer are restored on exit, and a timer that was already armed
outside keeps running for the time it had left.

Where signals cannot be used — outside the main thread, or on a platform without SIGALRM
(Windows) — the budget is a no-op: the work runs to completion. ``seconds <= 0`` also means no
limit.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_RULE_TIMEOUT = 2.0  # seconds one rule may spend on one document


class BudgetExceeded(Exception):
    """The work under ``time_budget`` ran longer than it was allowed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def budgets_supported() -> bool:
    """True when ``time_budget`` can interrupt work here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded inside the ``with`` block once ``seconds`` have passed."""
    if not seconds or seconds <= 0 or not budgets_supported():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded(seconds)

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, expire)
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if outer_delay:
            # An enclosing timer keeps its own deadline; fire it at once when it is already due.
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), outer_interval)
