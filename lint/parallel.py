"""``gwlint check`` over many inputs: one file after another, or spread over worker processes (``-j``).

Results come back in input order whatever the number of jobs, so the report is the same with
``-j 1`` and ``-j N``. The parent resolves every file's plan first (a configuration error stops the
run before any work is done, as it would have with one job); the workers receive the resolved
plans once, when they start (one linter per distinct configuration, built once), and each file
comes with the position of its plan. Each worker runs its files in its own main thread, so the
per-rule time budget (SIGPROF) works there as it does without workers. A worker that dies (the
kernel kills it for memory, or someone sends it a signal) is an error of the file it was linting;
the other files it held go to the other workers (lint.workers). Small runs are not worth starting
processes for and are linted here. ``-j`` is capped (``capped_jobs``): more processes than a few
per CPU only share the same CPUs and multiply the memory.

Every result keeps a ``SourceExcerpt`` of its document instead of the document itself, or no
document when the report reads none (see ``kept``), so a run's memory follows its largest file,
not the number of files.
"""

from __future__ import annotations

import argparse
import os
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Fix, Severity, Span
from lint.engine import FileResult, Rendered
from lint.progress import ProgressBar

if TYPE_CHECKING:
    from lint.fixing import Session
    from lint.source import Document
    from lint.workspace import Plan, Workspace

POOL_MIN_BYTES = 256 * 1024  # below this much input, starting workers costs more than it saves
REACH = 16  # characters kept around each finding (the baseline's fingerprint reads 8 each side)


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


JOBS_PER_CPU = 4  # more processes per CPU only wait for the same CPU, each with its own memory
MAX_JOBS = 64


def capped_jobs(requested: int) -> int:
    """The processes a run with ``-j requested`` uses: at most JOBS_PER_CPU per CPU, MAX_JOBS in all."""
    return max(1, min(requested, JOBS_PER_CPU * default_jobs(), MAX_JOBS))


@dataclass
class Task:
    index: int
    name: str
    path: Path
    plan: Plan


@dataclass
class Planned:
    """The inputs of a run with their plans resolved: ``ready`` holds, by position, the results of
    inputs that needed no file linted (stdin, a path that cannot be resolved), None elsewhere."""

    session: Session
    jobs: int
    tasks: list[Task]
    ready: list[tuple[FileResult, Severity] | None]


def plan_inputs(workspace: Workspace, args: argparse.Namespace, session: Session | None = None) -> Planned:
    """Resolve every input's plan (reading configurations, loading linters); raises ConfigError or
    LinterSetupError before any file is linted."""
    from lint.fixing import Session
    from lint.formats import DRAFT_SUFFIXES
    from lint.inputs import expand_paths

    session = session or Session()
    ready: list[tuple[FileResult, Severity] | None] = []
    tasks: list[Task] = []
    for name, path in expand_paths(args.paths):
        if path is None:
            ready.append(_stdin(workspace, args, session))
            continue
        if path.is_dir() and os.access(path, os.R_OK | os.X_OK):
            # a folder that can be listed comes back from expand_paths when it holds no draft (one that
            # cannot be listed comes back too: reading it says why): checking nothing is an error
            reason = f"no drafts ({', '.join(DRAFT_SUFFIXES)}) in this folder: nothing was checked"
            ready.append((FileResult(name, [], None, reason), Severity.ERROR))
            continue
        try:
            plan = workspace.plan_for(path)
        except (OSError, RuntimeError) as error:  # pathlib's resolve() raises RuntimeError on a link loop
            ready.append((FileResult(name, [], None, f"cannot resolve the path ({error})"), Severity.ERROR))
            continue
        tasks.append(Task(len(ready), name, path, plan))
        ready.append(None)
    return Planned(session, capped_jobs(getattr(args, "jobs", None) or default_jobs()), tasks, ready)


Render = Callable[[FileResult], str]


def lint_planned(planned: Planned, render: Render | None = None) -> Iterator[tuple[FileResult, Severity]]:
    """Each input's result with its fail level, in input order, as the results come in.

    With ``render`` (a reporter's, see ``lint.reporters.renderer``), a worker process that lints a
    file also renders its part of the report and sends back only that and the highest severity
    (``FileResult.rendered``): the report is then mostly written by the workers, in parallel, and
    this process only copies it out. See ``kept`` for what is kept of each result.
    """
    ready, tasks, position = planned.ready, planned.tasks, 0
    with ProgressBar(len(tasks), sys.stderr) as bar:
        results = _results(tasks, planned.session, planned.jobs, render)
        for task, result in zip(tasks, results, strict=True):
            yield from _ready_before(ready, position, task.index)
            position = task.index + 1
            yield result, task.plan.fail_level
            bar.advance()
    yield from _ready_before(ready, position, len(ready))


Judged = tuple[FileResult, Severity]


def _ready_before(ready: list[Judged | None], start: int, stop: int) -> Iterator[Judged]:
    return (item for item in ready[start:stop] if item is not None)


def _stdin(workspace: Workspace, args: argparse.Namespace, session: Session) -> tuple[FileResult, Severity]:
    from lint.source import SourceError, read_stream

    stdin_file = Path(args.stdin_filename) if args.stdin_filename else None
    plan = workspace.plan_for(stdin_file)
    name = args.stdin_filename or "-"
    try:
        data = read_stream(sys.stdin.buffer, name)
    except SourceError as error:
        return FileResult(name, [], None, error.reason), plan.fail_level
    return slim(session.stdin(plan, data, name, stdin_file)), plan.fail_level


def _results(tasks: Sequence[Task], session: Session, jobs: int, render: Render | None = None) -> Iterator[FileResult]:
    if not _worth_a_pool(tasks, session, jobs):
        for task in tasks:
            yield kept(session.file(task.plan, task.path, task.name), render)
        return
    yield from _pooled(tasks, session, min(jobs, len(tasks)), render)


def _worth_a_pool(tasks: Sequence[Task], session: Session, jobs: int) -> bool:
    if jobs < 2 or len(tasks) < 2 or session.mode != "lint":  # fixes and diffs are kept by this session
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


def _pooled(
    tasks: Sequence[Task], session: Session, workers: int, render: Render | None = None
) -> Iterator[FileResult]:
    """Each task's result, linted by ``workers`` processes forked after the plans were built (so they
    inherit the linters). Files go out in chunks and results come back packed as plain tuples: pickling
    the result objects themselves costs more than linting small files. A file whose worker was killed
    while linting it (see lint.workers) is an error of that file."""
    import multiprocessing

    from lint.workers import Death, pooled

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")  # fork: no pickling of plans
    plans = list({id(task.plan): task.plan for task in tasks}.values())
    number = {id(plan): index for index, plan in enumerate(plans)}
    items = [(task.name, task.path, number[id(task.plan)]) for task in tasks]  # a worker uses the plan resolved here
    size = max(1, min(CHUNK_FILES, len(tasks) // (workers * 8)))
    setup = (plans, session.mode, session.unsafe, session.rule_timeout, render)
    answers = pooled(items, workers, _lint_one, _start_worker, setup, size, context)
    for task, answer in zip(tasks, answers, strict=True):
        if isinstance(answer, Death):
            yield FileResult(task.name, [], None, answer.reason())
        else:
            yield unpack_result(answer)  # type: ignore[arg-type]


CHUNK_FILES = 32  # at most this many files per message to a worker (fewer when there are few files)

_worker: dict[str, object] = {}  # one worker process's plans, session and renderer, set once when it starts


def _start_worker(
    plans: list[Plan], mode: str, unsafe: bool, rule_timeout: float | None, render: Render | None
) -> None:
    from lint.fixing import Session

    _worker["plans"] = plans
    _worker["session"] = Session(mode, unsafe, None, rule_timeout)
    _worker["render"] = render


Item = tuple[str, Path, int]  # a file's display name, its path and the position of its plan


def _lint_one(item: Item) -> PackedResult:
    render: Render | None = _worker.get("render")  # type: ignore[assignment]
    return pack_result(kept(_lint_in_worker(item), render, in_worker=True))


def _lint_in_worker(item: Item) -> FileResult:
    name, path, plan = item
    session: Session = _worker["session"]  # type: ignore[assignment]
    return session.file(_worker["plans"][plan], path, name)  # type: ignore[index]


def kept(result: FileResult, render: Render | None = None, in_worker: bool = False) -> FileResult:
    """What of a linted file goes on to the report. The reporter's ``render`` reads no document: a
    worker renders the file's part of the report and keeps only that and the highest severity;
    here the reporter renders it, line by line, from the diagnostics. Without ``render``, the
    document is cut down to an excerpt (``slim``)."""
    if render is None:
        return slim(result)
    if not in_worker:
        return replace(result, document=None)
    return replace(result, diagnostics=[], document=None, rendered=Rendered(render(result), result.worst()))


PackedDiagnostic = tuple[object, ...]
PackedResult = tuple[
    str, "str | None", "tuple[object, ...] | None", list[PackedDiagnostic], "tuple[str, int] | None", "str | None"
]


def pack_result(result: FileResult) -> PackedResult:
    """``result`` as tuples of strings and numbers (see ``unpack_result``)."""
    document = slim(result).document
    excerpt = document.pack() if isinstance(document, SourceExcerpt) else None
    diagnostics = [_pack_diagnostic(d, result.path) for d in result.diagnostics]
    rendered = result.rendered
    packed_rendered = None if rendered is None else (rendered.text, int(rendered.worst or 0))
    return result.path, result.error, excerpt, diagnostics, packed_rendered, result.note


def unpack_result(packed: PackedResult) -> FileResult:
    path, error, excerpt, diagnostics, packed_rendered, note = packed
    document = SourceExcerpt.unpack(excerpt) if excerpt is not None else None
    rendered = None
    if packed_rendered is not None:
        text, worst = packed_rendered  # type: ignore[misc]
        rendered = Rendered(text, SEVERITIES.get(worst))  # type: ignore[arg-type]
    unpacked = [_unpack_diagnostic(d, path) for d in diagnostics]
    return FileResult(path, unpacked, document, error, rendered, note)  # type: ignore[arg-type]


def _pack_diagnostic(diagnostic: Diagnostic, path: str) -> PackedDiagnostic:
    span, fix = diagnostic.span, diagnostic.fix
    return (
        None if diagnostic.path == path else diagnostic.path,
        span.start, span.end, span.line, span.column, span.end_line, span.end_column,
        diagnostic.rule, int(diagnostic.severity), diagnostic.message, diagnostic.matched,
        None if fix is None else (fix.replacement, fix.safe),
    )  # fmt: skip


def _unpack_diagnostic(packed: PackedDiagnostic, path: str) -> Diagnostic:
    own, start, end, line, column, end_line, end_column, rule, severity, message, matched, fix = packed
    return Diagnostic(
        path if own is None else own,  # type: ignore[arg-type]
        Span(start, end, line, column, end_line, end_column),  # type: ignore[arg-type]
        rule,  # type: ignore[arg-type]
        SEVERITIES[severity],  # type: ignore[index]
        message,  # type: ignore[arg-type]
        matched,  # type: ignore[arg-type]
        None if fix is None else Fix(*fix),  # type: ignore[misc]
    )


SEVERITIES = {int(level): level for level in Severity}  # a dict lookup: Severity(n) costs a Python-level call


def slim(result: FileResult) -> FileResult:
    """The result with its document replaced by the excerpt the reporters and the baseline read."""
    if result.document is None or isinstance(result.document, SourceExcerpt):
        return result
    return replace(result, document=SourceExcerpt(result.document, result.diagnostics))  # type: ignore[arg-type]


class SourceExcerpt:
    """What is read of a linted document after linting: the lines of its findings and the text
    around them (``source_text`` slices within ``REACH`` characters of a finding)."""

    def __init__(self, document: Document, diagnostics: Iterable[Diagnostic]) -> None:
        self.path = document.path
        self.format = document.format
        self.encoding = document.encoding
        source = document.source_text
        spans = [diagnostic.span for diagnostic in diagnostics]
        self._lines = {line: document.line_text(line) for line in {span.line for span in spans}}
        self.source_text = _Windows(source, [(span.start - REACH, span.end + REACH) for span in spans])

    def line_text(self, line: int) -> str:
        """The source line (1-based) of a finding, without its line break."""
        return self._lines[line]

    def pack(self) -> tuple[object, ...]:
        windows = self.source_text
        return self.path, self.format, self.encoding, self._lines, len(windows), windows._starts, windows._pieces

    @classmethod
    def unpack(cls, packed: tuple[object, ...]) -> SourceExcerpt:
        excerpt = cls.__new__(cls)
        excerpt.path, excerpt.format, excerpt.encoding, excerpt._lines, length, starts, pieces = packed  # type: ignore[assignment]
        excerpt.source_text = _Windows.__new__(_Windows)
        excerpt.source_text._length, excerpt.source_text._starts, excerpt.source_text._pieces = length, starts, pieces  # type: ignore[assignment]
        return excerpt


class _Windows:
    """Slices of a text near given ranges, read with the text's own offsets (``text[a:b]``)."""

    def __init__(self, text: str, ranges: Iterable[tuple[int, int]]) -> None:
        self._length = len(text)
        merged: list[list[int]] = []
        for start, end in sorted((max(0, start), min(len(text), end)) for start, end in ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._pieces = [text[start:end] for start, end in merged]

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: slice) -> str:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("only plain slices of an excerpt can be read")
        start, stop, _ = key.indices(self._length)
        stop = max(start, stop)
        index = bisect_right(self._starts, start) - 1
        if index >= 0:
            offset = self._starts[index]
            piece = self._pieces[index]
            if stop <= offset + len(piece):
                return piece[start - offset : stop - offset]
        raise IndexError(f"characters {start}..{stop} were not kept in the excerpt")
