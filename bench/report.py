"""The results as Markdown: what was measured, then each target with its threshold and PASS/FAIL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from measure import Series


@dataclass(frozen=True)
class Case:
    name: str  # "small draft (cold process)"
    input_label: str  # "draft.txt, 12.7 KB"
    series: list[Series]

    def of(self, label: str) -> Series | None:
        return next((item for item in self.series if item.command.label == label), None)


@dataclass(frozen=True)
class Target:
    number: int
    what: str
    threshold: str
    measured: str
    passed: bool | None  # None: could not be measured


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def megabytes(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def measurement_rows(cases: Sequence[Case]) -> list[str]:
    rows = [
        "| case | input | tool | median wall (s) | MB/s | peak RSS (MB) | runs |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for case in cases:
        for item in case.series:
            if item.failure:
                cells = [item.failure, "—", "—"]
            else:
                cells = [seconds(item.wall), megabytes(item.throughput, 2), megabytes(_mb(item.peak_rss))]
            row = [case.name, case.input_label, item.command.label, *cells, str(len(item.runs))]
            rows.append(f"| {' | '.join(row)} |")
    return rows


def _mb(value: int | None) -> float | None:
    return None if value is None else value / 1e6


def verdict(passed: bool | None) -> str:
    return {True: "PASS", False: "**FAIL**", None: "n/a"}[passed]


def target_rows(targets: Sequence[Target]) -> list[str]:
    rows = ["| # | target | threshold | measured | result |", "| ---: | --- | --- | --- | --- |"]
    rows += [f"| {t.number} | {t.what} | {t.threshold} | {t.measured} | {verdict(t.passed)} |" for t in targets]
    return rows


def ratio_target(number: int, what: str, mine: Series | None, theirs: Series | None, limit: float) -> Target:
    """Target 1: gwlint's wall time at most ``limit`` times the reference's."""
    threshold = f"gwlint ≤ {limit:g} × autocorrect-py"
    if mine is None or theirs is None or mine.wall is None or theirs.wall is None:
        return Target(number, what, threshold, _failure(mine, theirs), False if _timed_out(mine) else None)
    ratio = mine.wall / theirs.wall
    measured = f"{mine.wall:.3f} s vs {theirs.wall:.3f} s = {ratio:.2f}×"
    return Target(number, what, threshold, measured, ratio <= limit)


def throughput_target(number: int, what: str, mine: Series | None, theirs: Series | None, limit: float) -> Target:
    threshold = f"gwlint MB/s ≥ {limit:g} × autocorrect-py's"
    if mine is None or theirs is None or mine.throughput is None or theirs.throughput is None:
        return Target(number, what, threshold, _failure(mine, theirs), False if _timed_out(mine) else None)
    ratio = mine.throughput / theirs.throughput
    measured = f"{mine.throughput:.2f} vs {theirs.throughput:.2f} MB/s = {ratio:.2f}×"
    return Target(number, what, threshold, measured, ratio >= limit)


def speedup_target(
    number: int, one: Series | None, two: Series | None, limit: float, busy: tuple[Series, Series] | None = None
) -> Target:
    """Target 3: ``-j 2`` at least ``limit`` times as fast as ``-j 1``; ``busy`` (one and two busy
    processes) adds what the machine itself gave two processes in the same run."""
    what = "2,000 files: `-j 2` vs `-j 1`"
    threshold = f"speed-up ≥ {limit:g}×"
    if one is None or two is None:
        return Target(number, what, threshold, "n/a (no -j)", None)
    if one.wall is None or two.wall is None:
        return Target(number, what, threshold, _failure(one, two), False)
    speedup = one.wall / two.wall
    measured = f"{one.wall:.2f} s / {two.wall:.2f} s = {speedup:.2f}×"
    if busy is not None and busy[0].wall and busy[1].wall:
        # two processes doing one's work each: 2 × one's time over theirs is the speed-up they got
        measured += f" (two busy loops in the same run: {2 * busy[0].wall / busy[1].wall:.2f}×)"
    return Target(number, what, threshold, measured, speedup >= limit)


def rss_target(number: int, mine: Series | None, limit_mb: float) -> Target:
    what = "peak RSS on the 10 MB file"
    threshold = f"≤ {limit_mb:g} MB"
    if mine is None or mine.peak_rss is None:
        return Target(number, what, threshold, _failure(mine, None), False if _timed_out(mine) else None)
    value = mine.peak_rss / 1e6
    return Target(number, what, threshold, f"{value:.1f} MB", value <= limit_mb)


def growth_target(number: int, by_size: dict[int, Series], spread: float, start_up: float | None) -> Target:
    """MB/s on every size within ``spread`` of the fastest: slowest ≥ (1 − spread) × fastest.

    Judged on whole-process MB/s; the measured cell also shows MB/s net of ``start_up`` (gwlint's
    wall on the small draft), which tells start-up cost apart from work that grows faster than the input.
    """
    sizes = "/".join(f"{size}" for size in sorted(by_size))
    what = f"MB/s flat over {sizes} MB files"
    threshold = f"slowest ≥ {1 - spread:.0%} of fastest"
    failed = [f"{size} MB: {item.failure}" for size, item in sorted(by_size.items()) if item.failure]
    if failed:
        return Target(number, what, threshold, "; ".join(failed), False)
    items = [item for _, item in sorted(by_size.items())]
    rates = [item.throughput or 0.0 for item in items]
    ratio = min(rates) / max(rates) if max(rates) else 0.0
    measured = f"{', '.join(f'{rate:.2f}' for rate in rates)} MB/s → {ratio:.0%}"
    if start_up is not None:
        net = [item.input_bytes / 1e6 / (item.wall - start_up) for item in items if item.wall and item.wall > start_up]
        if len(net) == len(items):
            measured += f" (net of start-up: {', '.join(f'{rate:.2f}' for rate in net)} MB/s)"
    if 100 not in by_size:
        measured += " (100 MB skipped)"
    return Target(number, what, threshold, measured, ratio >= 1 - spread)


def _timed_out(item: Series | None) -> bool:
    return bool(item and item.failure and item.failure.startswith("timeout"))


def _failure(*items: Series | None) -> str:
    problems = [f"{item.command.label}: {item.failure}" for item in items if item and item.failure]
    return "; ".join(problems) or "not measured"


def markdown(header: Sequence[str], cases: Sequence[Case], targets: Sequence[Target], notes: Sequence[str]) -> str:
    lines = [*header, "", *target_rows(targets), "", *measurement_rows(cases), ""]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
