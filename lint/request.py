"""What a command asks for, typed: the CLI parses its arguments into one of these once, and no
module below it sees argparse. ``CheckRequest`` is ``gwlint check``; ``Overrides`` are the flags that
beat the configuration (also the language server's); ``DocsRequest`` is ``gwlint rules``/``explain``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from lint.budget import DEFAULT_RULE_TIMEOUT
from lint.dating import AsOf
from lint.diagnostics import Severity


class Mode(enum.Enum):
    """What ``gwlint check`` does with each input besides reporting it."""

    LINT = "lint"
    FIX = "fix"  # --fix: apply fixes in place, report what remains
    DIFF = "diff"  # --diff: print the fixes as a diff, write nothing
    ANNOTATE = "annotate"  # --annotate: write NAME.gwlint.docx with a Word comment on each finding


@dataclass(frozen=True)
class Overrides:
    """The command-line flags that override configuration (see lint.plans)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    fail_level: Severity | None = None
    as_of: AsOf = None  # a day, ``document`` (lint.dating.DOCUMENT), or None: the configuration's or today


@dataclass(frozen=True)
class CheckRequest:
    """``gwlint check``: its inputs, what to do with them and how to report."""

    paths: tuple[str, ...]
    mode: Mode = Mode.LINT
    overrides: Overrides = field(default_factory=Overrides)
    format: str = "full"
    jobs: int | None = None  # -j; None: the number of CPUs
    rule_timeout: float | None = DEFAULT_RULE_TIMEOUT  # seconds per rule per million characters; 0/None: no limit
    config: Path | None = None  # --config: one configuration for every file
    isolated: bool = False  # --isolated: no configuration files
    stdin_filename: str | None = None
    unsafe_fixes: bool = False
    force: bool = False  # --annotate replaces NAME.gwlint.docx
    output: Path | None = None
    quiet: bool = False
    statistics: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    color: str = "auto"  # auto, always or never
    lang: str = "en"


@dataclass(frozen=True)
class DocsRequest:
    """``gwlint rules`` (``rule`` None) or ``gwlint explain RULE``."""

    packs: tuple[Path, ...] = ()
    format: str = "table"  # gwlint rules: table, markdown or json
    rule: str | None = None  # gwlint explain: a rule id, a pack or a check kind
