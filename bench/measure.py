"""Wall time and peak RSS of one child process, and medians over alternating runs.

Peak RSS: each run goes through a fresh, small helper interpreter (``python -I -S``) that spawns the
command, waits for it and reads ``getrusage(RUSAGE_CHILDREN).ru_maxrss``, the kernel's high-water
mark of the processes it waited for (KiB on Linux). A fresh helper per run keeps one run's peak from
hiding in another's. It must be small because Linux carries the parent's own peak into the child at
fork/exec, so spawning from this script (tens of MB once the inputs are built) would inflate every
figure; the helper's few MB stay below ``python -c pass``. Unlike polling, nothing is missed between
samples. Wall time is taken inside the helper around spawn and wait, so its own start-up is left out.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

OK_EXIT_CODES = (0, 1)  # linters exit 1 when they find something: that is a successful run


@dataclass(frozen=True)
class Command:
    label: str  # the tool's name in the tables
    argv: tuple[str, ...]
    cwd: Path | None = None


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    peak_rss: int  # bytes
    returncode: int
    timed_out: bool
    stderr: str


@dataclass
class Series:
    """All timed runs of one command on one input; ``failure`` stops further runs."""

    command: Command
    input_bytes: int
    runs: list[Run] = field(default_factory=list)
    failure: str | None = None  # "timeout" or "error: ..."

    @property
    def wall(self) -> float | None:
        return statistics.median(run.wall for run in self.runs) if self.runs and not self.failure else None

    @property
    def peak_rss(self) -> int | None:
        return int(statistics.median(run.peak_rss for run in self.runs)) if self.runs and not self.failure else None

    @property
    def throughput(self) -> float | None:
        """Megabytes (10^6 bytes) of input per second of median wall time; None without input."""
        wall = self.wall
        return self.input_bytes / 1e6 / wall if wall and self.input_bytes else None


HELPER = """
import os, resource, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status = os.waitpid(pid, 0)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(report, "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {wall!r} {peak}")
"""


def run_once(command: Command, env: dict[str, str], timeout: float) -> Run:
    """Run to completion (or kill its process group after ``timeout`` seconds); output is discarded."""
    with tempfile.TemporaryDirectory() as scratch:
        report, errors = Path(scratch) / "report", Path(scratch) / "stderr"
        with errors.open("wb") as stderr:
            helper = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", HELPER, str(report), *command.argv],
                cwd=command.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,  # one process group: a timeout kills the helper and the command
            )
            try:
                helper.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(helper.pid, signal.SIGKILL)
                helper.wait()
                return Run(timeout, 0, -signal.SIGKILL, True, "")
        message = errors.read_text(encoding="utf-8", errors="replace")
        if helper.returncode != 0 or not report.exists():
            return Run(0.0, 0, helper.returncode or -1, False, message or "the measuring helper failed")
        returncode, wall, peak_kib = report.read_text().split()
    return Run(float(wall), int(peak_kib) * 1024, int(returncode), False, message)


def failure_of(run: Run, timeout: float) -> str | None:
    if run.timed_out:
        return f"timeout (>{timeout:g} s)"
    if run.returncode not in OK_EXIT_CODES:
        last = run.stderr.strip().splitlines()[-1:] or ["no message"]
        return f"error (exit {run.returncode}: {last[0][:120]})"
    return None


def alternate(
    commands: Sequence[Command],
    input_bytes: int,
    runs: int,
    env: dict[str, str],
    timeout: float,
    warmup: bool = True,
) -> list[Series]:
    """Run the commands in turn, ``runs`` rounds, after one untimed warm-up round."""
    series = [Series(command, input_bytes) for command in commands]
    for round_ in range(-1 if warmup else 0, runs):
        for item in series:
            if item.failure:
                continue
            run = run_once(item.command, env, timeout)
            item.failure = failure_of(run, timeout)
            if round_ >= 0 and not item.failure:
                item.runs.append(run)
    return series
