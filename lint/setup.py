"""Builds a ready Linter from packs: load, verify examples (cached), select."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lint import cache
from lint.checks import Settings
from lint.engine import Linter, verify_examples
from lint.packs import Pack, PackError, builtin_pack_paths, load_packs, select_rules


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


def make_linter(
    extra: Sequence[Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    settings: Settings | None = None,
) -> Linter:
    packs = verified_packs(extra)
    try:
        return Linter(select_rules(packs, select, ignore), settings)
    except ValueError as error:
        raise LinterSetupError(str(error)) from None
    except PackError as error:
        raise LinterSetupError(str(error)) from None
