"""Which linter, fail level and per-file ignores each file gets: its configuration plus the CLI flags.

Command-line flags beat the configuration: ``--select`` replaces the configuration's select and
ignore lists, ``--ignore`` adds to its ignore list, ``--pack`` adds to its packs, ``--fail-level``
and ``--as-of`` replace its values. per-file-ignores always apply.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lint import cache
from lint.config import Config, ConfigError, ConfigResolver, merge_params
from lint.dating import AsOf
from lint.diagnostics import Severity
from lint.engine import FileResult, Linter
from lint.packs import Pack, PackError, Rule, select_rules
from lint.setup import (
    LINTER_KEEP_DAYS,
    LinterSetupError,
    built_linter,
    cached_linter,
    inputs_key,
    linter_key,
    verified_packs,
)
from lint.suppression import META_RULE, SuppressionPolicy, is_meta, meta_selected


@dataclass(frozen=True)
class Overrides:
    """The CLI flags that override configuration."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    fail_level: Severity | None = None
    as_of: AsOf = None  # a day, ``document`` (lint.dating.DOCUMENT), or None: the configuration's or today


@dataclass
class Plan:
    """Everything that applies to the files under one configuration."""

    config: Config
    linter: Linter
    fail_level: Severity
    as_of: AsOf = None  # the day its documents are judged at (see lint.dating.resolve_as_of)

    def filter(self, result: FileResult, file: Path | None) -> FileResult:
        """Apply per-file-ignores to one file's result."""
        if file is None or not self.config.per_file_ignores:
            return result
        off = set(self.config.ignored_for(file))
        if not off:
            return result
        kept = [d for d in result.diagnostics if d.rule not in off and d.pack not in off]
        return dataclasses.replace(result, diagnostics=kept)


class Workspace:
    """Resolves and caches a Plan per configuration file."""

    def __init__(self, resolver: ConfigResolver, overrides: Overrides) -> None:
        self.resolver = resolver
        self.overrides = overrides
        self._plans: dict[Path | None, Plan] = {}

    def plan_for(self, file: Path | None) -> Plan:
        config = self.resolver.for_file(file)
        if config.path not in self._plans:
            self._plans[config.path] = build_plan(config, self.overrides)
        return self._plans[config.path]

    def rules(self) -> list[Rule]:
        """Every rule in force in any plan built so far (for reporters that describe rules)."""
        seen: dict[str, Rule] = {}
        for plan in self._plans.values():
            for rule in plan.linter.rules:
                seen.setdefault(rule.id, rule)
            if plan.linter.suppression is not None and plan.linter.suppression.report_unused:
                seen.setdefault(META_RULE.id, META_RULE)
        return list(seen.values())


def build_plan(config: Config, overrides: Overrides) -> Plan:
    if overrides.select:
        select, ignore = overrides.select, overrides.ignore
    else:
        select, ignore = config.select, (*config.ignore, *overrides.ignore)
    extra = [*config.packs, *overrides.packs]
    key = inputs_key(extra, (_choices(config), select, ignore))
    remembered = _remembered(key)
    if remembered is not None:
        linter, known = remembered
    else:
        linter, known, linter_key = _build(config, extra, select, ignore)
        if key is not None and linter_key is not None:
            cache.store_object(PLANS, key, (linter_key, tuple(sorted(known))), keep_days=LINTER_KEEP_DAYS)
    linter.suppression = SuppressionPolicy(frozenset(known), meta_selected(select, ignore))
    fail_level = overrides.fail_level or config.fail_level or Severity.WARNING
    return Plan(config, linter, fail_level, overrides.as_of or config.as_of)


PLANS = "plans"  # inputs key -> (linter key, known selectors): a warm start reads no pack


def _choices(config: Config) -> tuple[object, ...]:
    """What of a configuration decides its linter and known selectors (not its root or fail level)."""
    return (config.path, config.select, config.ignore, config.per_file_ignores, config.params, config.extend_params)


def _remembered(key: str | None) -> tuple[Linter, set[str]] | None:
    """The linter and known selectors of a plan built before from the same inputs (which passed every check)."""
    entry = cache.load_object(PLANS, key) if key is not None else None
    if not isinstance(entry, tuple) or len(entry) != 2 or not isinstance(entry[0], str):
        return None
    linter = cached_linter(entry[0])
    return (linter, set(entry[1])) if linter is not None else None


def _build(
    config: Config, extra: Sequence[Path], select: Sequence[str], ignore: Sequence[str]
) -> tuple[Linter, set[str], str | None]:
    """Load and verify the packs, check the configuration's selectors, build (or read) the linter."""
    packs = verified_packs(extra)
    known = {r.id for p in packs for r in p.rules} | {p.name for p in packs} | {META_RULE.id, META_RULE.pack}
    _check_selectors(config, known)
    rules = [_with_params(rule, config) for rule in _chosen(packs, select, ignore)]
    try:
        linter = built_linter(rules)
    except PackError as error:
        raise LinterSetupError(str(error)) from None
    return linter, known, linter_key(rules)


def _chosen(packs: Sequence[Pack], select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    pack_select = [s for s in select if not is_meta(s)]
    if select and not pack_select:
        return []  # only meta rules selected
    try:
        return select_rules(packs, pack_select, [s for s in ignore if not is_meta(s)])
    except ValueError as error:
        raise LinterSetupError(str(error)) from None


def _check_selectors(config: Config, known: set[str]) -> None:
    if config.path is None:
        return
    for key, selectors in (("select", config.select), ("ignore", config.ignore)):
        for selector in selectors:
            if selector not in known:
                raise ConfigError(config.path, f"unknown rule or pack '{selector}'", key)
    for pattern, selectors in config.per_file_ignores:
        for selector in selectors:
            if selector not in known:
                raise ConfigError(config.path, f"'{pattern}': unknown rule or pack '{selector}'", "per-file-ignores")
    rule_ids = known - {selector for selector in known if "." not in selector}
    for key, table in (("params", config.params), ("extend-params", config.extend_params)):
        for rule_id in table:
            if rule_id not in rule_ids or rule_id == META_RULE.id:
                raise ConfigError(config.path, f"unknown rule '{rule_id}' (give a full id such as pack.slug)", key)


def _with_params(rule: Rule, config: Config) -> Rule:
    replace, extend = config.params.get(rule.id, {}), config.extend_params.get(rule.id, {})
    if not replace and not extend:
        return rule
    return dataclasses.replace(rule, params=merge_params(rule.params, replace, extend), path=str(config.path))
