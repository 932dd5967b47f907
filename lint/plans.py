"""Which linter, fail level and per-file ignores each file gets: its configuration plus the CLI flags.

Command-line flags beat the configuration: ``--select`` replaces the configuration's select and
ignore lists, ``--ignore`` adds to its ignore list, ``--pack`` adds to its packs, ``--fail-level``
and ``--as-of`` replace its values. per-file-ignores always apply.

A plan's linter comes from ``linter_for``, the one function that caches: packs are loaded and their
examples verified once per pack content, a built linter (its compiled patterns) is kept by the
content of its rules, and the way from a configuration to its linter by the files' size and time,
so a warm start reads no pack.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lint import cache
from lint.config import Config, ConfigError, ConfigResolver, merge_params
from lint.dating import AsOf
from lint.diagnostics import Severity
from lint.engine import Linter, verify_examples
from lint.packs import Pack, PackError, Rule, builtin_pack_paths, load_packs, select_rules
from lint.request import Overrides
from lint.results import FileResult
from lint.suppression import META_RULE, SuppressionPolicy, is_meta, meta_selected


class LinterSetupError(Exception):
    """A pack or a selector that makes linting impossible; the message says which and why."""


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
    linter, known = linter_for(config, (*config.packs, *overrides.packs), select, ignore)
    linter.suppression = SuppressionPolicy(frozenset(known), meta_selected(select, ignore))
    fail_level = overrides.fail_level or config.fail_level or Severity.WARNING
    return Plan(config, linter, fail_level, overrides.as_of or config.as_of)


def linter_for(
    config: Config, extra: Sequence[Path], select: Sequence[str], ignore: Sequence[str]
) -> tuple[Linter, set[str]]:
    """The linter of a configuration with ``extra`` packs and these selectors, and the selectors it
    knows; read from the cache when the same inputs were planned before (raises ConfigError or
    LinterSetupError, and then remembers nothing)."""
    key = _inputs_key(extra, (_choices(config), select, ignore))
    remembered = _remembered(key)
    if remembered is not None:
        return remembered
    linter, known, content_key = _build(config, extra, select, ignore)
    if key is not None and content_key is not None:
        cache.store_object(PLANS, key, (content_key, tuple(sorted(known))), keep_days=LINTER_KEEP_DAYS)
    return linter, known


PLANS = "plans"  # inputs key -> (linter key, known selectors): a warm start reads no pack


def _choices(config: Config) -> tuple[object, ...]:
    """What of a configuration decides its linter and known selectors (not its root or fail level)."""
    return (config.path, config.select, config.ignore, config.per_file_ignores, config.params, config.extend_params)


def _remembered(key: str | None) -> tuple[Linter, set[str]] | None:
    """The linter and known selectors of a plan built before from the same inputs (which passed every check)."""
    entry = cache.load_object(PLANS, key) if key is not None else None
    if not isinstance(entry, tuple) or len(entry) != 2 or not isinstance(entry[0], str):
        return None
    linter = _cached_linter(entry[0])
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
    return linter, known, _linter_key(rules)


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


def verified_packs(extra: Sequence[Path] = ()) -> list[Pack]:
    """Load built-in and extra packs; every rule's examples are checked once per pack content."""
    try:
        packs = load_packs(extra)
        # keyed by the rules as loaded (not by reading the pack files again: a pack swapped in between
        # would be stamped verified unchecked) and by the engine's code, which the examples exercise too
        key = _linter_key([rule for pack in packs for rule in pack.rules])
        if key is None or not cache.has_stamp("verified", key):
            linter = Linter([rule for pack in packs for rule in pack.rules])
            for problem in verify_examples(linter):
                raise problem
            if key is not None:
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
    key = _linter_key(rules)
    if key is None:  # unpicklable params cannot be keyed: build as usual
        return Linter(rules)
    cached = _cached_linter(key)
    if cached is not None:
        return cached
    linter = Linter(rules)
    cache.store_object("linters", key, linter, keep_days=LINTER_KEEP_DAYS)
    return linter


def _linter_key(rules: Sequence[Rule]) -> str | None:
    """The cache key of ``built_linter(rules)``; None when the rules cannot be keyed."""
    try:
        return cache.bytes_key(cache.dumps(list(rules), protocol=5), _code_salt())
    except Exception:
        return None


def _cached_linter(key: str) -> Linter | None:
    cached = cache.load_object("linters", key)
    return cached if isinstance(cached, Linter) else None


def _inputs_key(extra: Sequence[Path], choices: object) -> str | None:
    """A key for what a linter is built from without reading the packs: their files' size and
    modification time (built-in and ``extra``), ``choices`` (picklable: selectors, params...) and
    the code's, as Python itself decides whether a .pyc is current. Reading and hashing every pack
    and module instead was a tenth of a one-draft run; what the plan leads to, the built linter,
    is still keyed by content (``_linter_key``).

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
    prefilter = sorted(here / "prefilter" / name for name in os.listdir(here / "prefilter") if name.endswith(".py"))
    readers = [
        here / "packs.py",
        here / "safeyaml.py",
        here / "chars.py",
        here / "dating.py",
    ]  # the rules' text comes through the YAML reader
    return [here / "engine.py", *readers, *kinds, *prefilter]  # a Linter holds a Prefilter


@functools.cache
def _code_salt() -> str:
    return cache.runtime_salt() + cache.content_key(_code_sources())


@functools.cache
def _code_stamp() -> str:
    return cache.runtime_salt() + cache.stat_key(_code_sources())
