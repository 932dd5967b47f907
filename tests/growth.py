"""Growth tests: doubling an input must not much more than double the work's CPU time.

CPU time of this thread is measured: not wall time, so that other processes on a shared machine do
not count, nor the process's, where a thread an earlier test left running would. Each size is timed
a few times with the cycle collector paused, and the fastest run kept (as timeit advises: other
processes sharing the caches only ever add time).
A linear stage gives a ratio near 2, a quadratic one near 4 (see LIMIT). Every run is under gwlint's own
time budget (a generous fixed one for the smaller input, a few times the smaller input's time
for the larger), so a quadratic stage fails the test within seconds instead of running for
minutes. Noise can push a linear ratio past the limit once: the measurement is repeated before
the test fails, and a quadratic stage fails every repetition.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

from lint.budget import BudgetExceeded, time_budget

T = TypeVar("T")
# At most this many times the time for twice the input. A linear stage measures 2.0-2.3 here (its
# sorts and heaps add a log factor, and twice the data fits the shared caches less well); a stage
# of n^1.5 measures 2.8, a quadratic one 4.
LIMIT = 2.4
RUNS = 5
ATTEMPTS = 3
SMALL_BUDGET = 5.0  # CPU seconds for the smaller input: some 50 times what a linear stage takes on it


def cpu_seconds(work: Callable[[T], object], argument: T, budget: float | None = None) -> float:
    """The CPU time of one run of ``work(argument)``, stopped (BudgetExceeded) after ``budget`` s."""
    gc.collect()
    gc.disable()  # as timeit does: a collection's cost follows everything alive in the test process
    try:
        started = time.thread_time()
        with time_budget(budget):
            work(argument)
        return time.thread_time() - started
    finally:
        gc.enable()


def assert_linear(make: Callable[[int], T], work: Callable[[T], object], size: int) -> None:
    """``work(make(2 * size))`` takes at most LIMIT times as long as ``work(make(size))``.

    The two sizes are timed alternately, so that a change in the machine's load meets both, and
    the fastest run of each is kept.
    """
    small, large = make(size), make(2 * size)
    ratios: list[float] = []
    for _ in range(ATTEMPTS):
        bases, larges = [], []
        for _ in range(RUNS):
            try:
                bases.append(cpu_seconds(work, small, budget=SMALL_BUDGET))
            except BudgetExceeded:
                raise AssertionError(f"the smaller input alone took over {SMALL_BUDGET:g} s") from None
            try:
                larges.append(cpu_seconds(work, large, budget=max(0.5, 3 * LIMIT * min(bases))))
            except BudgetExceeded:
                raise AssertionError(
                    f"twice the input took over {3 * LIMIT:g} times as long ({min(bases):.3f} s before)"
                ) from None
        ratio = min(larges) / max(min(bases), 1e-6)
        if ratio <= LIMIT:
            return
        ratios.append(ratio)
    raise AssertionError(f"twice the input took {', '.join(f'{r:.2f}' for r in ratios)} times as long")
