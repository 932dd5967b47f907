"""Baselines: record today's findings so that a repository of old drafts sees only new defects.

An entry is keyed by file, rule and a fingerprint of the matched text with a few characters on each
side, not by line number, so it survives edits elsewhere in the file. Identical findings are counted.
Paths are stored relative to the baseline file's folder, so the baseline works from any directory.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic
from lint.results import FileResult

if TYPE_CHECKING:
    from lint.results import Source

FORMAT_VERSION = 1
NEIGHBOURHOOD = 8  # characters on each side of the match that belong to its fingerprint

Key = tuple[str, str, str]  # (path, rule, fingerprint)


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it and the reason."""


def fingerprint(diagnostic: Diagnostic, document: Source) -> str:
    text = document.source_text
    start, end = diagnostic.span.start, diagnostic.span.end
    before, after = text[max(0, start - NEIGHBOURHOOD) : start], text[end : end + NEIGHBOURHOOD]
    parts = (diagnostic.rule, before, text[start:end], after)
    normalized = "\0".join(_spaces().sub(" ", part) for part in parts)
    import hashlib  # only with a baseline or SARIF: OpenSSL's start-up is felt on every check

    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:20]


@functools.cache
def _spaces() -> re.Pattern[str]:
    return re.compile(r"\s+")  # compiled on first use: most runs have no baseline


def baseline_path(name: str, base: Path) -> str:
    """A result's path as the baseline stores it: relative to the baseline's folder when possible."""
    if name == "-":
        return name
    resolved = Path(name).resolve()
    try:
        return resolved.relative_to(base.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def _keys(result: FileResult, base: Path) -> list[tuple[Key, Diagnostic]]:
    if result.document is None:
        return []
    path = baseline_path(result.path, base)
    return [((path, d.rule, fingerprint(d, result.document)), d) for d in result.diagnostics]


def write_baseline(target: Path, results: Sequence[FileResult]) -> int:
    import json  # here and in load_baseline: most runs have no baseline

    """Write every current finding to ``target``; return how many were written."""
    counts: Counter[Key] = Counter()
    matched: dict[Key, str] = {}
    for result in results:
        for key, diagnostic in _keys(result, target.parent):
            counts[key] += 1
            matched.setdefault(key, diagnostic.matched)
    entries = [
        {"path": path, "rule": rule, "fingerprint": fp, "matched": matched[(path, rule, fp)], "count": n}
        for (path, rule, fp), n in sorted(counts.items())
    ]
    payload = {"gwlint-baseline": FORMAT_VERSION, "entries": entries}
    from lint.writer import WriteError, write_new

    try:
        write_new(target, (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except WriteError as error:
        raise BaselineError(f"{target}: cannot write baseline: {error}") from None
    return sum(counts.values())


@dataclass
class Baseline:
    path: Path
    counts: Counter[Key]
    matched: dict[Key, str]

    def apply(self, results: Sequence[FileResult]) -> tuple[list[FileResult], list[tuple[Key, str]]]:
        """Results without the findings the baseline knows, and the entries that matched nothing
        (only for files linted in this run)."""
        left = Counter(self.counts)
        linted: set[str] = set()
        out = []
        for result in results:
            if result.document is None:
                out.append(result)
                continue
            linted.add(baseline_path(result.path, self.path.parent))
            kept = []
            for key, diagnostic in _keys(result, self.path.parent):
                if left[key] > 0:
                    left[key] -= 1
                else:
                    kept.append(diagnostic)
            out.append(dataclasses.replace(result, diagnostics=kept))
        stale = [(key, self.matched.get(key, "")) for key, n in sorted(left.items()) if n > 0 and key[0] in linted]
        return out, stale


MAX_COUNT = 1_000_000  # identical findings of one entry; more is not a baseline gwlint wrote
MAX_BYTES = 256 * 1024 * 1024  # a baseline larger than this is not read


def load_baseline(path: Path) -> Baseline:
    """The baseline in ``path``; anything but the shape write_baseline writes is a BaselineError."""
    import json

    from lint.source import SourceError, read_file

    if not path.exists():
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)")
    try:
        raw = read_file(path, str(path), MAX_BYTES)[0]  # not a FIFO or a device, not past MAX_BYTES
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except SourceError as error:
        raise BaselineError(f"{path}: not a gwlint baseline: {error.reason}") from None
    except RecursionError:
        raise BaselineError(f"{path}: not a gwlint baseline: nested too deeply") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:  # ValueError: JSON syntax, a 5,000-digit number
        raise BaselineError(f"{path}: not a gwlint baseline: {error}") from None
    if not isinstance(data, dict) or data.get("gwlint-baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a gwlint baseline (version {FORMAT_VERSION} expected)")
    entries = data.get("entries", [])
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: 'entries' must be a list")
    counts: Counter[Key] = Counter()
    matched: dict[Key, str] = {}
    for index, entry in enumerate(entries):
        key, count, text = _entry(entry, f"{path}: entry #{index + 1}")
        counts[key] += count
        matched[key] = text
    return Baseline(path, counts, matched)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number")


def _entry(entry: object, where: str) -> tuple[Key, int, str]:
    """One entry's key, count and matched text, each of the type write_baseline writes."""
    if not isinstance(entry, dict):
        raise BaselineError(f"{where} is not a mapping of path, rule, fingerprint and count")
    fields = [entry.get(name) for name in ("path", "rule", "fingerprint")]
    path, rule, mark = fields
    if not (isinstance(path, str) and isinstance(rule, str) and isinstance(mark, str) and path and rule and mark):
        raise BaselineError(f"{where} needs path, rule and fingerprint as non-empty strings")
    count = entry.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise BaselineError(f"{where}: count must be a whole number from 1 to {MAX_COUNT:,}, not {count!r:.40}")
    text = entry.get("matched", "")
    if not isinstance(text, str):
        raise BaselineError(f"{where}: matched must be a string")
    return (path, rule, mark), count, text
