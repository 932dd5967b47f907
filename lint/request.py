"""What ``gwlint check`` asks for, typed: the CLI parses its arguments into a ``CheckRequest`` once,
and no module below it sees argparse. ``Overrides`` are the flags that beat the configuration (the
language server's too); ``ReportOptions`` how the report is written. (``gwlint rules``/``explain``
take a ``lint.docs.DocsRequest``.)
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.budget import DEFAULT_RULE_TIMEOUT
from lint.dating import AsOf
from lint.diagnostics import Severity

if TYPE_CHECKING:
    from lint.packs import Rule


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
class ReportOptions:
    """How the report is written; each format (lint.reporters) reads what concerns it."""

    color: bool = False
    rules: Sequence[Rule] = ()  # the rules in force (SARIF describes them)
    quiet: bool = False  # no summary (the full report's counts)
    lang: str = "en"  # the language of a summary
