"""Builds a ready Linter from packs: load, verify examples (cached), select, build (cached)."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

from lint import cache
from lint.engine import Linter, verify_examples
from lint.packs import Pack, PackError, Rule, builtin_pack_paths, load_packs


class LinterSetupError(Exception):
    """A pack or a selector that makes linting impossible; the message says which and why."""


def verified_packs(extra: Sequence[Path] = ()) -> list[Pack]:
    """Load built-in and extra packs; every rule's examples are checked once per pack content."""
    try:
        packs = load_packs(extra)
        key = cache.content_key([*builtin_pack_paths(), *extra])
        if not cache.has_stamp("verified", key):
            linter = Linter([rule for pack in packs for rule in pack.rules])
            for problem in verify_examples(linter):
                raise problem
            cache.write_stamp("verified", key)
    except PackError as error:
        raise LinterSetupError(str(error)) from None
    return packs


LINTER_KEEP_DAYS = 14  # entries of packs and configurations no longer used are dropped after this


def built_linter(rules: Sequence[Rule]) -> Linter:
    """``Linter(rules)``, read from the cache when these rules were built before.

    Building compiles every rule's regular expressions (most of a cold start); the cache keeps the
    built checks with their compiled programs. The key covers the rules (ids, params, messages,
    dates...), the code of the engine and of every check kind, gwlint's version and the Python that
    compiled the patterns; not the day documents are judged at, which each run passes. Raises
    PackError like ``Linter`` does.
    """
    key = linter_key(rules)
    if key is None:  # unpicklable params cannot be keyed: build as usual
        return Linter(rules)
    cached = cached_linter(key)
    if cached is not None:
        return cached
    linter = Linter(rules)
    cache.store_object("linters", key, linter, keep_days=LINTER_KEEP_DAYS)
    return linter


def linter_key(rules: Sequence[Rule]) -> str | None:
    """The cache key of ``built_linter(rules)``; None when the rules cannot be keyed."""
    try:
        return cache.bytes_key(cache.dumps(list(rules), protocol=5), _code_salt())
    except Exception:
        return None


def cached_linter(key: str) -> Linter | None:
    cached = cache.load_object("linters", key)
    return cached if isinstance(cached, Linter) else None


def inputs_key(extra: Sequence[Path], choices: object) -> str | None:
    """A key for what a linter is built from without reading the packs: their files' size and
    modification time (built-in and ``extra``), ``choices`` (picklable: selectors, params...) and
    the code's, as Python itself decides whether a .pyc is current. Reading and hashing every pack
    and module instead was a tenth of a one-draft run; what the plan leads to, the built linter,
    is still keyed by content (``linter_key``).

    None when ``choices`` cannot be keyed.
    """
    try:
        data = cache.dumps(([str(path) for path in extra], choices), protocol=5)
    except Exception:
        return None
    return cache.bytes_key(data, cache.stat_key([*builtin_pack_paths(), *extra], _code_stamp()))


def _code_sources() -> list[Path]:
    """The modules whose objects a cached linter holds (changes in a checkout count)."""
    here = Path(__file__).resolve().parent
    checks = here / "checks"
    kinds = sorted(checks / name for name in os.listdir(checks) if name.endswith(".py"))  # no glob: no fnmatch regex
    return [here / "engine.py", here / "packs.py", here / "dating.py", *kinds]


@functools.cache
def _code_salt() -> str:
    return cache.runtime_salt() + cache.content_key(_code_sources())


@functools.cache
def _code_stamp() -> str:
    return cache.runtime_salt() + cache.stat_key(_code_sources())
