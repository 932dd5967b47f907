"""Where gwlint's time goes: each rule's ``find`` timed alone on the same files.

    bench/out/gwlint-venv/bin/python bench/checks.py bench/out/inputs/size_1mb.txt bench/out/inputs/size_10mb.txt

Prints, per rule, the seconds on each file and the growth factor between consecutive files (a
factor near the size ratio is linear; near its square, quadratic). Run bench/run.py first: it
builds the inputs and the venv. jieba is initialised before timing, so its start-up is left out.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from lint.engine import Linter
from lint.source import read_document


def time_rules(linter: Linter, path: Path) -> dict[str, float]:
    document = read_document(path)
    seconds = {}
    for check in linter.checks:
        start = time.perf_counter()
        for _ in check.find(document):
            pass
        seconds[check.rule.id] = seconds.get(check.rule.id, 0.0) + time.perf_counter() - start
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="FILE", help="the files to time the rules on, smallest first")
    paths = parser.parse_args(argv).paths
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        print(
            f"bench/checks.py: {missing[0]}: no such file (run bench/run.py first to build the inputs)", file=sys.stderr
        )
        return 2
    try:
        import jieba

        jieba.setLogLevel(60)
        jieba.initialize()
    except ImportError:
        pass
    linter = Linter.from_packs()
    files = [Path(p) for p in paths]
    table = {path: time_rules(linter, path) for path in files}
    names = " | ".join(f"{path.name} (s)" for path in files)
    growth = " | ".join(f"× {b.stat().st_size / a.stat().st_size:.0f} size" for a, b in itertools.pairwise(files))
    print(f"| rule | {names} | {growth} |")
    print("| --- |" + " ---: |" * (2 * len(files) - 1))
    last = table[files[-1]]
    for rule in sorted(last, key=last.get, reverse=True):
        times = [table[path][rule] for path in files]
        factors = [f"{b / a:.1f}" if a > 1e-4 else "—" for a, b in itertools.pairwise(times)]
        print(f"| {rule} | {' | '.join(f'{t:.3f}' for t in times)} | {' | '.join(factors)} |")
    totals = [sum(table[path].values()) for path in files]
    print(f"| **total** | {' | '.join(f'{t:.3f}' for t in totals)} |" + " |" * (len(files) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
