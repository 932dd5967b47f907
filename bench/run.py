"""Benchmark gwlint against autocorrect-py (and zhlint, where node is present): ``python bench/run.py``.

Builds its inputs from seeds/ into bench/out/, installs every tool in its own environment there,
runs the tools side by side (alternating, after a warm-up) and prints the medians and the targets
as Markdown, also written to bench/out/results.md. ``--quick`` for a fast check.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

import corpus
import envs
from measure import Command, Series, alternate
from report import (
    Case,
    growth_target,
    markdown,
    ratio_target,
    rss_target,
    speedup_target,
    throughput_target,
)

CHECKOUT = Path(__file__).resolve().parent.parent
OUT = CHECKOUT / "bench" / "out"
BIG_MB = 10  # the file of targets 2 and 4


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, no 100 MB file, no zhlint on 10 MB")
    parser.add_argument("--runs", type=int, help="timed runs per command (default 5, --quick 3)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per run before it is killed (300)")
    parser.add_argument("--no-zhlint", action="store_true", help="leave zhlint out even where node is present")
    args = parser.parse_args(argv)
    args.runs = args.runs or (3 if args.quick else 5)
    return args


def gwlint(tools: envs.Tools, target: Path, *options: str, label: str = "gwlint") -> Command:
    return Command(label, (str(tools.gwlint), "check", str(target), "--color", "never", *options))


# gwlint as installed, but with hyperscan made unimportable: the pure-Python path of the same install.
PURE = "import sys; sys.modules['hyperscan'] = None; from lint.cli import console_main; console_main()"


def gwlint_pure(tools: envs.Tools, target: Path, *options: str) -> Command:
    argv = (str(tools.gwlint_python), "-c", PURE, "check", str(target), "--color", "never", *options)
    return Command("gwlint, pure Python", argv)


def autocorrect(tools: envs.Tools, path: Path) -> Command:
    return Command("autocorrect-py", (str(tools.ref_python), "-c", envs.AUTOCORRECT_SNIPPET, str(path)))


def zhlint(tools: envs.Tools, path: Path) -> Command | None:
    if tools.zhlint is None or tools.node is None:
        return None
    # zhlint's CLI only accepts a path relative to its working directory.
    return Command("zhlint", (tools.node, str(tools.zhlint), path.name), cwd=path.parent)


def size_label(path: Path) -> str:
    size = path.stat().st_size
    return f"{path.name}, {size / 1e3:.1f} KB" if size < 1e6 else f"{path.name}, {size / 1e6:.1f} MB"


class Bench:
    def __init__(self, args: argparse.Namespace, tools: envs.Tools, inputs: corpus.Corpus) -> None:
        self.args, self.tools, self.inputs = args, tools, inputs
        self.env = {**os.environ, "GWLINT_CACHE_DIR": str(OUT / "cache")}

    def measure(self, commands: list[Command | None], input_bytes: int, runs: int, warmup: bool = True) -> list[Series]:
        present = [command for command in commands if command is not None]
        names = ", ".join(command.label for command in present)
        print(f"bench: {names}: {runs} runs, {input_bytes / 1e6:.2f} MB", file=sys.stderr, flush=True)
        return alternate(present, input_bytes, runs, self.env, self.args.timeout, warmup)

    def small_draft(self) -> Case:
        draft = self.inputs.draft
        commands = [
            gwlint(self.tools, draft),  # the default (full) output, as pre-commit runs it
            autocorrect(self.tools, draft),
            zhlint(self.tools, draft),
            Command("python -c pass", (str(self.tools.gwlint_python), "-c", "pass")),
        ]
        series = self.measure(commands, draft.stat().st_size, self.args.runs)
        return Case("1 small draft, cold", size_label(draft), series)

    def sized_file(self, megabytes: int, with_zhlint: bool) -> Case:
        path = self.inputs.sized[megabytes]
        big = path.stat().st_size
        commands = [gwlint(self.tools, path, "--format", "json"), autocorrect(self.tools, path)]
        if megabytes == BIG_MB:
            commands.append(gwlint_pure(self.tools, path, "--format", "json"))
        runs = self.args.runs if megabytes <= BIG_MB else min(self.args.runs, 3)
        series = self.measure(commands, big, runs, warmup=megabytes <= BIG_MB)
        if with_zhlint:
            series += self.measure([zhlint(self.tools, path)], big, 1, warmup=False)
        return Case(f"{megabytes} MB file", size_label(path), series)

    def many_files(self) -> tuple[Case, Series | None, Series | None, tuple[Series, Series] | None]:
        folder, size = self.inputs.many, self.inputs.many_bytes
        label = f"{corpus.SMALL_FILES} files, {size / 1e6:.1f} MB"
        if not envs.has_jobs_flag(self.tools.gwlint):
            series = self.measure([gwlint(self.tools, folder, "--format", "json")], size, self.args.runs)
            return Case("2,000 files", label, series), None, None, None
        python = str(self.tools.gwlint_python)
        commands = [
            gwlint(self.tools, folder, "--format", "json", "-j", "1", label="gwlint -j 1"),
            gwlint(self.tools, folder, "--format", "json", "-j", "2", label="gwlint -j 2"),
            Command("busy loop, 1 process", (python, "-c", BUSY, "1")),
            Command("busy loop, 2 processes", (python, "-c", BUSY, "2")),
        ]
        one, two, busy_one, busy_two = self.measure(commands, size, self.args.runs)
        busy_one.input_bytes = busy_two.input_bytes = 0  # they read no input: no MB/s
        case = Case("2,000 files", label, [one, two, busy_one, busy_two])
        return case, one, two, (busy_one, busy_two)


# Context for target 3: the same pure-Python work in one process, then in two at once. On a VM whose
# second CPU is shared, two processes get anywhere from 1x to 2x, and that changes from minute to minute.
BUSY = """import os, sys
for _ in range(int(sys.argv[1])):
    if os.fork() == 0:
        total = 0
        for number in range(20_000_000):
            total += number
        os._exit(0)
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
"""


def header(args: argparse.Namespace, tools: envs.Tools) -> list[str]:
    describe = ["git", "-C", str(CHECKOUT), "describe", "--always", "--dirty"]
    commit = subprocess.run(describe, capture_output=True, text=True)
    versions = ", ".join(f"{name} {version}" for name, version in tools.versions.items())
    return [
        f"## gwlint benchmark ({datetime.date.today().isoformat()}, {'quick' if args.quick else 'full'})",
        "",
        f"Checkout {commit.stdout.strip() or '?'}; {versions}; {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs. Medians of {args.runs} runs after a warm-up run; MB = 10^6 bytes.",
    ]


NOTES = [
    "Wall time is the whole process, start-up included, as a user waits for it; MB/s is input size over it.",
    "Peak RSS is the kernel's high-water mark (`getrusage(RUSAGE_CHILDREN)`) read by a fresh ~9 MB helper "
    "process per run; `python -c pass` shows the floor.",
    "gwlint writes its default output on the small draft and `--format json` elsewhere, to /dev/null; "
    "autocorrect-py is `lint_for(text, path)` in a fresh interpreter, its results not printed.",
    "zhlint is shown for reference only (one run on the big file); no target compares with it.",
    "Files over 10 MB get at most 3 runs and no warm-up run.",
    "gwlint is installed with its `fast` extra (hyperscan) where it installs; `gwlint, pure Python` is the same "
    "install with hyperscan made unimportable, the path gwlint takes without the extra.",
    "The busy loops (the same pure-Python loop in one process, then in two at once, alternating with "
    "gwlint's runs) show what two processes got of the machine's two CPUs in this run; no target compares "
    "with them.",
]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = corpus.GROWTH_SIZES_MB[:2] if args.quick else corpus.GROWTH_SIZES_MB
    print(f"bench: building inputs ({', '.join(f'{s} MB' for s in sizes)}) in {OUT / 'inputs'}", file=sys.stderr)
    inputs = corpus.build(CHECKOUT / "seeds", OUT, sizes)
    tools = envs.install_all(CHECKOUT, OUT, with_zhlint=not args.no_zhlint)
    bench = Bench(args, tools, inputs)

    draft = bench.small_draft()
    by_size = {size: bench.sized_file(size, with_zhlint=size == BIG_MB and not args.quick) for size in sizes}
    many, one_job, two_jobs, busy = bench.many_files()
    big = by_size[BIG_MB]
    growth = {size: case.of("gwlint") for size, case in by_size.items()}
    start_up = draft.of("gwlint").wall if draft.of("gwlint") else None
    targets = [
        # issue 16 restates target 1 as 2.0x (it was 1.5x)
        ratio_target(1, "small draft, cold process: wall", draft.of("gwlint"), draft.of("autocorrect-py"), 2.0),
        throughput_target(2, "10 MB file: throughput", big.of("gwlint"), big.of("autocorrect-py"), 1.0),
        speedup_target(3, one_job, two_jobs, 1.8, busy),
        rss_target(4, big.of("gwlint"), 150),
        growth_target(5, {size: item for size, item in growth.items() if item is not None}, 0.20, start_up),
    ]
    text = markdown(header(args, tools), [draft, *by_size.values(), many], targets, NOTES)
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"bench: written to {OUT / 'results.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
