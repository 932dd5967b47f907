"""Baselines: record today's findings so that a repository of old drafts sees only new defects.

An entry is keyed by file, rule and a fingerprint of the matched text with a few characters on each
side, not by line number, so it survives edits elsewhere in the file. Identical findings are counted.
Paths are stored relative to the baseline file's folder, so the baseline works from any directory.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lint import records
from lint.diagnostics import Diagnostic
from lint.engine import FileResult
from lint.records import record
from lint.source import Document

FORMAT_VERSION = 1
NEIGHBOURHOOD = 8  # characters on each side of the match that belong to its fingerprint

Key = tuple[str, str, str]  # (path, rule, fingerprint)


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it and the reason."""


def fingerprint(diagnostic: Diagnostic, document: Document) -> str:
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
    try:
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{target}: cannot write baseline: {error.strerror or error}") from None
    return sum(counts.values())


@record
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
            out.append(records.replace(result, diagnostics=kept))
        stale = [(key, self.matched.get(key, "")) for key, n in sorted(left.items()) if n > 0 and key[0] in linted]
        return out, stale


def load_baseline(path: Path) -> Baseline:
    import json

    from lint.source import SourceError, read_regular

    try:
        data = json.loads(read_regular(path, str(path)).decode("utf-8"))  # not a FIFO or a device
    except SourceError as error:
        raise BaselineError(str(error)) from None
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a gwlint baseline: {error}") from None
    if not isinstance(data, dict) or data.get("gwlint-baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a gwlint baseline (version {FORMAT_VERSION} expected)")
    counts: Counter[Key] = Counter()
    matched: dict[Key, str] = {}
    for index, entry in enumerate(data.get("entries", [])):
        try:
            key = (str(entry["path"]), str(entry["rule"]), str(entry["fingerprint"]))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: entry #{index + 1} needs path, rule, fingerprint and count") from None
        counts[key] += count
        matched[key] = str(entry.get("matched", ""))
    return Baseline(path, counts, matched)
