"""Growth tests: doubling an input must not much more than double the work's CPU time.

CPU time of this process (not wall time) is measured, so that other processes on a shared
machine do not count; each size is timed a few times with the cycle collector paused, and the
fastest run kept (as timeit advises: other processes sharing the caches only ever add time). A
linear stage gives a ratio near 2, a quadratic one near 4. Every run is under
gwlint's own time budget (a generous fixed one for the smaller input, a few times the smaller
input's time for the larger), so a quadratic stage fails the test within seconds instead of
running for minutes. Noise can push a linear ratio past the limit once: the measurement is
repeated before the test fails, and a quadratic stage fails every repetition.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

from lint.budget import BudgetExceeded, time_budget

T = TypeVar("T")
LIMIT = 2.2  # at most this many times the time for twice the input
RUNS = 3
ATTEMPTS = 3
SMALL_BUDGET = 5.0  # CPU seconds for the smaller input: some 50 times what a linear stage takes on it


def cpu_seconds(work: Callable[[T], object], argument: T, runs: int = RUNS, budget: float | None = None) -> float:
    """The least CPU time of ``work(argument)`` over ``runs`` runs; each stopped (BudgetExceeded) after ``budget`` s."""
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()  # as timeit does: a collection's cost follows everything alive in the test process
        try:
            started = time.process_time()
            with time_budget(budget):
                work(argument)
            times.append(time.process_time() - started)
        finally:
            gc.enable()
    return min(times)


def assert_linear(make: Callable[[int], T], work: Callable[[T], object], size: int) -> None:
    """``work(make(2 * size))`` takes at most LIMIT times as long as ``work(make(size))``."""
    small, large = make(size), make(2 * size)
    ratios: list[float] = []
    for _ in range(ATTEMPTS):
        try:
            base = cpu_seconds(work, small, budget=SMALL_BUDGET)
        except BudgetExceeded:
            raise AssertionError(f"the smaller input alone took over {SMALL_BUDGET:g} s") from None
        try:
            ratio = cpu_seconds(work, large, budget=max(0.5, 3 * LIMIT * base)) / max(base, 1e-6)
        except BudgetExceeded:
            raise AssertionError(
                f"twice the input took over {3 * LIMIT:g} times as long ({base:.3f} s before)"
            ) from None
        if ratio <= LIMIT:
            return
        ratios.append(ratio)
    raise AssertionError(f"twice the input took {', '.join(f'{r:.2f}' for r in ratios)} times as long")
