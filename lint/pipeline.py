"""``gwlint check``, one request from start to end: expand the inputs, resolve each one's plan, run
each file (here, or in worker processes with ``-j``: lint.parallel), then report the results.

Results come back in input order whatever the number of jobs, so the report is the same with
``-j 1`` and ``-j N``. Every input's plan is resolved first: a configuration or pack error stops the
run before any file is linted and any report is written. A streaming reporter (json, concise...)
writes each file's part as it arrives; with ``-j`` the workers render it (lint.results.kept).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint import parallel
from lint.diagnostics import Severity
from lint.parallel import Task
from lint.progress import ProgressBar
from lint.request import CheckRequest, Mode
from lint.results import FileResult, Render, kept, slim
from lint.session import Session

if TYPE_CHECKING:
    from typing import TextIO

    from lint.plans import Workspace

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2

Judged = tuple[FileResult, Severity]  # a result and the fail level of its plan


def run(request: CheckRequest, start_up_over: Callable[[], None] = lambda: None) -> int:
    """Run the request; the exit code. ``start_up_over`` is called once the plans are built (see
    ``lint.cli``): what is built by then lasts the whole run."""
    try:
        with contextlib.ExitStack() as stack:
            out = sys.stdout
            if request.output is not None:
                out = stack.enter_context(open_output(request.output))
            return _run(request, start_up_over, out)
    except Exception as error:  # --output refused at the start, or failing when the report is put in place
        if request.output is None:
            raise
        from lint.writer import WriteError

        if not isinstance(error, WriteError):
            raise
        error_line(f"{request.output}: cannot write the report: {error}")
        return EXIT_ERROR


@contextlib.contextmanager
def open_output(path: Path) -> Iterator[TextIO]:
    """``--output FILE``: written to a temporary file beside it, created exclusively, and renamed over
    FILE at the end (never written through a symbolic link; a failed run leaves the old report)."""
    import io

    from lint.writer import new_file

    with new_file(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


def _run(request: CheckRequest, start_up_over: Callable[[], None], out: TextIO) -> int:
    from lint.baseline import BaselineError, load_baseline, write_baseline
    from lint.config import ConfigError, ConfigResolver
    from lint.plans import LinterSetupError, Workspace
    from lint.reporters import FORMATS, renderer, streams, write_report
    from lint.reporters.visible import visible

    if request.format not in FORMATS:
        error_line(f"unknown format '{request.format}' (known: {', '.join(FORMATS)})")
        return EXIT_ERROR
    if not request.paths:
        error_line("no paths given (use - to read stdin)")
        return EXIT_ERROR
    try:
        baseline = load_baseline(request.baseline) if request.baseline else None
        workspace = Workspace(ConfigResolver(request.config, request.isolated), request.overrides)
        session = Session(request.mode, request.unsafe_fixes, sys.stderr, request.rule_timeout, request.force)
        planned = plan_inputs(workspace, request, session)  # a setup error stops the run here, before any report
    except (ConfigError, LinterSetupError, BaselineError) as error:
        error_line(str(error))
        return EXIT_ERROR
    if request.jobs and planned.jobs < request.jobs:
        limit = f"at most {parallel.JOBS_PER_CPU} per CPU, {parallel.MAX_JOBS} in all"
        sys.stderr.write(f"gwlint: note: -j {request.jobs} lowered to {planned.jobs} ({limit})\n")
    start_up_over()
    judged: list[Judged] = []
    diff = request.mode is Mode.DIFF
    streaming = streams(request.format) and not (request.write_baseline or baseline or diff or request.statistics)

    def arriving() -> Iterator[FileResult]:
        for item in lint_planned(planned, renderer(request.format) if streaming else None):
            judged.append(item)
            if item[0].error:
                _input_error(item[0].path, item[0].error, request.lang)
            if item[0].note and not request.quiet:
                sys.stderr.write(f"gwlint: note: {visible(item[0].path)}: {item[0].note}\n")
            yield item[0]

    if streaming:
        # the report is written while the files are linted (by workers with -j): nothing waits for the last file
        write_report(request.format, arriving(), out, use_color(request.color, out), workspace.rules())
        if not request.quiet:
            session.write_summary(sys.stderr)
        return exit_code(judged)
    results = list(arriving())
    if request.write_baseline:
        try:
            count = write_baseline(request.write_baseline, results)
        except BaselineError as error:
            error_line(str(error))
            return EXIT_ERROR
        sys.stderr.write(f"gwlint: wrote {count} finding(s) to {request.write_baseline}\n")
        return EXIT_ERROR if any(result.error for result in results) else EXIT_CLEAN
    if baseline is not None:
        results, stale = baseline.apply(results)
        judged = [(result, level) for result, (_, level) in zip(results, judged, strict=True)]
        if stale:
            sys.stderr.write(
                f"gwlint: note: {len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in {request.baseline} "
                "no longer found (fixed or reworded); refresh it with --write-baseline\n"
            )
    if diff:
        return session.write_diffs(out, results, use_color(request.color, out))
    if request.statistics:
        from lint.reporters.full import statistics

        statistics(results, out, request.lang)
        return exit_code(judged)
    color = use_color(request.color, out)
    write_report(request.format, results, out, color, workspace.rules(), quiet=request.quiet, lang=request.lang)
    if not request.quiet:
        session.write_summary(out if request.format == "full" else sys.stderr)
    return exit_code(judged)


def exit_code(judged: Sequence[Judged]) -> int:
    if any(result.error for result, _ in judged):
        return EXIT_ERROR
    found = any((worst := result.worst()) is not None and worst >= level for result, level in judged)
    return EXIT_FOUND if found else EXIT_CLEAN


def use_color(choice: str, stream: object) -> bool:
    """``--color``; with ``auto``, NO_COLOR (https://no-color.org) and FORCE_COLOR decide before the terminal."""
    if choice == "auto":
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
            return True
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty())
    return choice == "always"


def error_line(message: str) -> None:
    """``gwlint: error: MESSAGE`` on standard error, invisible characters shown."""
    from lint.reporters.visible import visible

    sys.stderr.write(f"gwlint: error: {visible(message)}\n")


def _input_error(path: str, reason: str, lang: str) -> None:
    """``gwlint: error: PATH: REASON``, the reason in the interface's language."""
    from lint.i18n import translate_reason

    error_line(f"{path}: {translate_reason(reason, lang)}")


@dataclass
class Planned:
    """The inputs of a run with their plans resolved: ``ready`` holds, by position, the results of
    inputs that needed no file linted (stdin, a path that cannot be resolved), None elsewhere."""

    session: Session
    jobs: int
    tasks: list[Task]
    ready: list[Judged | None]


def plan_inputs(workspace: Workspace, request: CheckRequest, session: Session | None = None) -> Planned:
    """Resolve every input's plan (reading configurations, loading linters); raises ConfigError or
    LinterSetupError before any file is linted."""
    from lint.formats import DRAFT_SUFFIXES
    from lint.inputs import expand_paths

    session = session or Session()
    ready: list[Judged | None] = []
    tasks: list[Task] = []
    for name, path in expand_paths(request.paths):
        if path is None:
            ready.append(_stdin(workspace, request.stdin_filename, session))
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
    return Planned(session, parallel.capped_jobs(request.jobs or parallel.default_jobs()), tasks, ready)


def lint_planned(planned: Planned, render: Render | None = None) -> Iterator[Judged]:
    """Each input's result with its fail level, in input order, as the results come in.

    With ``render`` (a reporter's, see ``lint.reporters.renderer``), a worker process that lints a
    file also renders its part of the report and sends back only that and the highest severity
    (``FileResult.rendered``): the report is then mostly written by the workers, in parallel, and
    this process only copies it out. See ``lint.results.kept`` for what is kept of each result.
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


def _ready_before(ready: list[Judged | None], start: int, stop: int) -> Iterator[Judged]:
    return (item for item in ready[start:stop] if item is not None)


def _stdin(workspace: Workspace, stdin_filename: str | None, session: Session) -> Judged:
    from lint.source import SourceError, read_stream

    stdin_file = Path(stdin_filename) if stdin_filename else None
    plan = workspace.plan_for(stdin_file)
    name = stdin_filename or "-"
    try:
        data = read_stream(sys.stdin.buffer, name)
    except SourceError as error:
        return FileResult(name, [], None, error.reason), plan.fail_level
    return slim(session.stdin(plan, data, name, stdin_file)), plan.fail_level


def _results(tasks: Sequence[Task], session: Session, jobs: int, render: Render | None = None) -> Iterator[FileResult]:
    """Each task's result: linted here, one after another, or by worker processes when that pays."""
    if not parallel.worth_a_pool(tasks, session, jobs):
        for task in tasks:
            yield kept(session.file(task.plan, task.path, task.name), render)
        return
    yield from parallel.pooled_results(tasks, session, min(jobs, len(tasks)), render)
