"""``-j``: files linted by worker processes, forked after the plans were built (so they inherit the linters).

The workers receive the resolved plans once, when they start (one linter per distinct
configuration, built once), and each file comes with the position of its plan. Each worker runs its
files in its own main thread, so the per-rule time budget (SIGPROF) works there as it does without
workers. A worker that dies (the kernel kills it for memory, or someone sends it a signal) is an
error of the file it was linting; the other files it held go to the other workers (lint.workers).
Small runs are not worth starting processes for (``worth_a_pool``). ``-j`` is capped
(``capped_jobs``): more processes than a few per CPU only share the same CPUs and multiply the memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.request import Mode
from lint.results import FileResult, PackedResult, Render, kept, pack_result, unpack_result

if TYPE_CHECKING:
    from lint.plans import Plan
    from lint.session import Session

POOL_MIN_BYTES = 256 * 1024  # below this much input, starting workers costs more than it saves
JOBS_PER_CPU = 4  # more processes per CPU only wait for the same CPU, each with its own memory
MAX_JOBS = 64
CHUNK_FILES = 32  # at most this many files per message to a worker (fewer when there are few files)


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def capped_jobs(requested: int) -> int:
    """The processes a run with ``-j requested`` uses: at most JOBS_PER_CPU per CPU, MAX_JOBS in all."""
    return max(1, min(requested, JOBS_PER_CPU * default_jobs(), MAX_JOBS))


@dataclass
class Task:
    """One file to lint: its position among the inputs, its display name, its path and its plan."""

    index: int
    name: str
    path: Path
    plan: Plan


def worth_a_pool(tasks: Sequence[Task], session: Session, jobs: int) -> bool:
    """Whether starting workers pays: two jobs or more, two files or more, enough bytes, only linting."""
    if jobs < 2 or len(tasks) < 2 or session.mode is not Mode.LINT:  # fixes and diffs are kept by this session
        return False
    size = 0
    for task in tasks:
        try:
            size += task.path.stat().st_size
        except OSError:
            continue
        if size >= POOL_MIN_BYTES:
            return True
    return False


def pooled_results(
    tasks: Sequence[Task], session: Session, workers: int, render: Render | None = None
) -> Iterator[FileResult]:
    """Each task's result, linted by ``workers`` processes. Files go out in chunks and results come
    back packed as plain tuples (lint.results). A file whose worker was killed while linting it (see
    lint.workers) is an error of that file."""
    import multiprocessing

    from lint.workers import Death, pooled

    methods = multiprocessing.get_all_start_methods()
    # fork: no pickling of plans
    context = multiprocessing.get_context("fork") if "fork" in methods else multiprocessing.get_context("spawn")
    plans = list({id(task.plan): task.plan for task in tasks}.values())
    number = {id(plan): index for index, plan in enumerate(plans)}
    items = [(task.name, task.path, number[id(task.plan)]) for task in tasks]  # a worker uses the plan resolved here
    size = max(1, min(CHUNK_FILES, len(tasks) // (workers * 8)))
    setup = (plans, session.mode, session.unsafe, session.rule_timeout, render)
    answers = pooled(items, workers, _lint_one, _start_worker, setup, size, context)
    for task, answer in zip(tasks, answers, strict=True):
        yield FileResult(task.name, [], None, answer.reason()) if isinstance(answer, Death) else unpack_result(answer)


class _Worker:
    """One worker process's plans, session and renderer, set once when it starts."""

    def __init__(self, plans: list[Plan], session: Session, render: Render | None) -> None:
        self.plans, self.session, self.render = plans, session, render


_worker: list[_Worker] = []  # the one worker state of this process (empty in the parent)


def _start_worker(
    plans: list[Plan], mode: Mode, unsafe: bool, rule_timeout: float | None, render: Render | None
) -> None:
    from lint.session import Session

    _worker[:] = [_Worker(plans, Session(mode, unsafe, None, rule_timeout), render)]


Item = tuple[str, Path, int]  # a file's display name, its path and the position of its plan


def _lint_one(item: Item) -> PackedResult:
    return pack_result(kept(_lint_in_worker(item), _worker[0].render, in_worker=True))


def _lint_in_worker(item: Item) -> FileResult:
    name, path, plan = item
    worker = _worker[0]
    return worker.session.file(worker.plans[plan], path, name)
