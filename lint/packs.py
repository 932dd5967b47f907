"""Packs stage: YAML rule packs loaded and validated into Rule records.

This module knows the shape every rule shares; what a kind's ``params`` mean is checked when the
checks are built (lint.checks), which reports problems through the same PackError.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint import cache
from lint.diagnostics import Severity
from lint.regexes import compiled

if TYPE_CHECKING:
    from typing import Any

SLUG = compiled(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIX_SAFETY = ("safe", "unsafe", "none")
RULE_KEYS = {
    "id", "title", "severity", "kind", "message", "rationale", "source",
    "params", "fix", "enabled", "examples", "since", "until", "timeless",
}  # fmt: skip
REQUIRED_KEYS = ("id", "title", "severity", "kind", "message", "rationale", "source", "examples")


class PackError(Exception):
    """A pack that cannot be used: names the file, the rule and the field at fault."""

    def __init__(self, path: str, reason: str, rule: str | None = None, field: str | None = None):
        where = path
        if rule:
            where += f": rule {rule}"
        if field:
            where += f": field '{field}'"
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.rule = rule
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Change:
    """A day the rule's wording took effect or stopped being right, and the document that made it so."""

    day: datetime.date
    source: str
    # since only: the day what the rule checks was first said (“首次提出”), so a text that matches
    # was written after it; a draft dated only by its year is then judged from this day on
    introduced: bool = False


@dataclass(frozen=True)
class BadExample:
    text: str
    fixed: str | None = None  # the text after applying this rule's fixes, when the rule fixes
    as_of: datetime.date | None = None  # the day the example is judged at (default: see Rule.example_day)


@dataclass(frozen=True)
class GoodExample:
    text: str
    as_of: datetime.date | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    title: str
    severity: Severity
    kind: str
    message: str
    rationale: str
    source: str
    params: Mapping[str, Any]
    fix: str | None  # "safe", "unsafe", "none" or None for the kind's default
    enabled: bool
    bad: tuple[BadExample, ...]
    good: tuple[GoodExample, ...]
    path: str
    since: Change | None = None  # the rule applies from this day on (the new wording took effect)
    until: Change | None = None  # the rule no longer applies from this day on
    timeless: str | None = None  # why a formulation rule needs no dates

    def applies_on(self, day: datetime.date) -> bool:
        """Whether the rule is in force on ``day``: since <= day < until."""
        return (self.since is None or self.since.day <= day) and (self.until is None or day < self.until.day)

    def days_judged(self, first: datetime.date, last: datetime.date) -> tuple[datetime.date, datetime.date] | None:
        """The days from ``first`` to ``last`` a draft dated only that loosely is judged on by this rule
        (None: the rule is not in force on all of them). An ``introduced`` since moves ``first`` up to it."""
        if self.since is not None and self.since.introduced:
            first = max(first, self.since.day)
        if first > last or not (self.applies_on(first) and self.applies_on(last)):
            return None
        return first, last

    def example_day(self, today: datetime.date) -> datetime.date:
        """The day an example without its own date is judged at: ``today`` moved into the rule's window."""
        day = today
        if self.until is not None and day >= self.until.day:
            day = self.until.day - datetime.timedelta(days=1)
        if self.since is not None and day < self.since.day:
            day = self.since.day
        return day

    def timeline(self) -> list[str]:
        """The rule's dates in Chinese, each with its source: “2017-10-18 起：……”."""
        lines = []
        if self.since is not None:
            first_said = "（首次提出之日：与规则相符的文字都写于这天以后）" if self.since.introduced else ""
            lines.append(f"{self.since.day.isoformat()} 起适用{first_said}：{self.since.source}")
        if self.until is not None:
            lines.append(f"{self.until.day.isoformat()} 起不再适用：{self.until.source}")
        return lines


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    path: str
    rules: tuple[Rule, ...] = field(default=())
    builtin: bool = True


def builtin_pack_dir() -> Path:
    """Packs ship inside the wheel as lint/rules; a source checkout keeps them in ./rules."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    return installed if installed.is_dir() else here.parent / "rules"


def builtin_pack_paths() -> list[Path]:
    folder = builtin_pack_dir()
    return sorted(folder / name for name in os.listdir(folder) if name.endswith(".yaml"))  # no glob: no fnmatch regex


MAX_PACK_BYTES = 16 * 1024 * 1024  # a pack is rules written by people: far less than this


def load_pack(path: Path, builtin: bool = False) -> Pack:
    """The pack in ``path``; a pack parsed before with the same content comes from the cache."""
    from lint.source import SourceError, read_file

    name = str(path)
    try:
        data = read_file(path, name, MAX_PACK_BYTES)[0]  # not a FIFO or a device: they would block or never end
        key = cache.bytes_key(data, f"{name}\0{builtin}\0{_parser_stamp()}")
        cached = cache.load_object("packs", key)
        if isinstance(cached, Pack):
            return cached
        raw = data.decode("utf-8")
    except SourceError as error:
        raise PackError(name, f"cannot read pack: {error.reason}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(name, f"cannot read pack: {error}") from None
    pack = parse_pack(raw, name, builtin=builtin)
    cache.store_object("packs", key, pack)
    return pack


@functools.cache
def _parser_stamp() -> str:
    """What a cached Pack depends on besides its file: the code that parsed it into records."""
    here = Path(__file__).resolve().parent
    return cache.stat_key([here / "packs.py", here / "safeyaml.py", here / "chars.py"], cache.runtime_salt())


def parse_pack(raw: str, path: str, builtin: bool = False) -> Pack:
    from lint.safeyaml import YamlError, load_yaml  # only when a pack is not in the cache

    try:
        data = load_yaml(raw, aliases=builtin)
    except YamlError as error:
        raise PackError(path, str(error)) from None
    if not isinstance(data, dict):
        raise PackError(path, "a pack is a mapping with 'pack', 'description' and 'rules'")
    name = data.get("pack")
    if not isinstance(name, str) or not SLUG.match(name):
        raise PackError(path, "must be a lowercase slug such as 'placeholder'", field="pack")
    unknown = set(data) - {"pack", "description", "rules"}
    if unknown:
        raise PackError(path, f"unknown key(s): {', '.join(sorted(unknown))}")
    rules_data = data.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise PackError(path, "must be a non-empty list of rules", field="rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, item in enumerate(rules_data):
        rule = _parse_rule(item, name, path, index)
        if rule.id in seen:
            raise PackError(path, "duplicate rule id", rule=rule.id, field="id")
        seen.add(rule.id)
        rules.append(rule)
    return Pack(name, str(data.get("description", "")), path, tuple(rules), builtin)


def _parse_rule(item: object, pack: str, path: str, index: int) -> Rule:
    if not isinstance(item, dict):
        raise PackError(path, f"rule #{index + 1} is not a mapping")
    slug = item.get("id")
    label = f"{pack}.{slug}" if isinstance(slug, str) else f"#{index + 1}"
    for key in REQUIRED_KEYS:
        if key not in item:
            raise PackError(path, "missing required field", rule=label, field=key)
    unknown = set(item) - RULE_KEYS
    if unknown:
        raise PackError(path, f"unknown field(s): {', '.join(sorted(unknown))}", rule=label)
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise PackError(path, "must be a lowercase slug like 'template-x'", rule=label, field="id")
    for key in ("title", "kind", "message", "rationale", "source"):
        if not isinstance(item[key], str) or not item[key].strip():
            raise PackError(path, "must be a non-empty string", rule=label, field=key)
    try:
        severity = Severity.parse(str(item["severity"]))
    except ValueError as error:
        raise PackError(path, str(error), rule=label, field="severity") from None
    params = item.get("params", {}) or {}
    if not isinstance(params, dict):
        raise PackError(path, "must be a mapping", rule=label, field="params")
    fix = item.get("fix")
    if fix is not None and fix not in FIX_SAFETY:
        raise PackError(path, f"must be one of {', '.join(FIX_SAFETY)}", rule=label, field="fix")
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        raise PackError(path, "must be true or false", rule=label, field="enabled")
    bad, good = _parse_examples(item["examples"], path, label)
    since, until = _change(item, "since", path, label), _change(item, "until", path, label)
    if since is not None and until is not None and since.day >= until.day:
        raise PackError(path, "must be later than 'since'", rule=label, field="until")
    timeless = item.get("timeless")
    if timeless is not None and (not isinstance(timeless, str) or not timeless.strip()):
        raise PackError(path, "must say why the rule needs no dates", rule=label, field="timeless")
    if timeless is not None and (since or until):
        raise PackError(path, "a rule with dates is not timeless", rule=label, field="timeless")
    return Rule(
        id=label, pack=pack, title=item["title"], severity=severity, kind=item["kind"],
        message=item["message"], rationale=item["rationale"], source=item["source"],
        params=params, fix=fix, enabled=enabled, bad=bad, good=good, path=path,
        since=since, until=until, timeless=timeless,
    )  # fmt: skip


def _change(item: Mapping[str, Any], key: str, path: str, rule: str) -> Change | None:
    """``since``/``until``: ``{date: YYYY-MM-DD, source: the document and day the wording changed}``."""
    value = item.get(key)
    if value is None:
        return None
    allowed = {"date", "source", "introduced"} if key == "since" else {"date", "source"}
    if not isinstance(value, dict) or not {"date", "source"} <= set(value) <= allowed:
        extra = " (and 'introduced: true' for the day it was first said)" if key == "since" else ""
        raise PackError(path, f"must be a mapping with 'date' and 'source'{extra} (a date needs its source)", rule, key)
    source = value["source"]
    if not isinstance(source, str) or not source.strip():
        raise PackError(path, "must name the document and day the wording changed", rule, f"{key}.source")
    introduced = value.get("introduced", False)
    if not isinstance(introduced, bool):
        raise PackError(path, "must be true or false", rule, f"{key}.introduced")
    return Change(parse_day(value["date"], path, rule, f"{key}.date"), source, introduced)


def parse_day(value: object, path: str, rule: str | None, field: str) -> datetime.date:
    """A YAML date (or a string in YYYY-MM-DD form) as a date; anything else is a PackError."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise PackError(path, f"must be a date YYYY-MM-DD, not {value!r}", rule, field)


# {text: "...", fixed: "..."} inside quotes is a string whose 'fixed' is never checked (four rules had one)
QUOTED_MAPPING = compiled(r"\s*\{\s*text\s*:")


def _parse_examples(data: object, path: str, rule: str) -> tuple[tuple[BadExample, ...], tuple[GoodExample, ...]]:
    if not isinstance(data, dict) or set(data) - {"bad", "good"}:
        raise PackError(path, "must be a mapping with 'bad' and 'good' lists", rule, "examples")
    bad_raw, good_raw = data.get("bad"), data.get("good")
    if not isinstance(bad_raw, list) or not bad_raw:
        raise PackError(path, "needs at least one bad example", rule, "examples.bad")
    if not isinstance(good_raw, list) or not good_raw:
        raise PackError(path, "needs at least one good example", rule, "examples.good")
    for where, entries in (("examples.bad", bad_raw), ("examples.good", good_raw)):
        if any(isinstance(entry, str) and QUOTED_MAPPING.match(entry) for entry in entries):
            raise PackError(path, "an example is a mapping written inside quotes, so it is one string", rule, where)
    bad: list[BadExample] = []
    for entry in bad_raw:
        if isinstance(entry, str):
            bad.append(BadExample(entry))
        elif (
            isinstance(entry, dict) and isinstance(entry.get("text"), str) and set(entry) <= {"text", "fixed", "as_of"}
        ):
            fixed = entry.get("fixed")
            if fixed is not None and not isinstance(fixed, str):
                raise PackError(path, "'fixed' must be a string", rule, "examples.bad")
            bad.append(BadExample(entry["text"], fixed, _example_day(entry, path, rule, "examples.bad")))
        else:
            raise PackError(path, "each bad example is a string or {text, fixed, as_of}", rule, "examples.bad")
    good: list[GoodExample] = []
    for entry in good_raw:
        if isinstance(entry, str):
            good.append(GoodExample(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("text"), str) and set(entry) <= {"text", "as_of"}:
            good.append(GoodExample(entry["text"], _example_day(entry, path, rule, "examples.good")))
        else:
            raise PackError(path, "each good example is a string or {text, as_of}", rule, "examples.good")
    return tuple(bad), tuple(good)


def _example_day(entry: Mapping[str, object], path: str, rule: str, field: str) -> datetime.date | None:
    return None if "as_of" not in entry else parse_day(entry["as_of"], path, rule, f"{field}.as_of")


def load_packs(extra: Iterable[Path] = (), builtin: bool = True) -> list[Pack]:
    packs = [load_pack(p, builtin=True) for p in builtin_pack_paths()] if builtin else []
    packs += [load_pack(p) for p in extra]
    names: dict[str, str] = {}
    for pack in packs:
        if pack.name in names:
            raise PackError(pack.path, f"pack name '{pack.name}' is already used by {names[pack.name]}")
        names[pack.name] = pack.path
    return packs


def select_rules(packs: Sequence[Pack], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """Rules in force: enabled ones (or those selected by pack or id), minus the ignored.

    Raises ValueError naming a selector that matches no pack and no rule.
    """
    every = [rule for pack in packs for rule in pack.rules]
    known = {rule.id for rule in every} | {rule.pack for rule in every}
    for selector in (*select, *ignore):
        if selector not in known:
            raise ValueError(f"unknown rule or pack '{selector}'")

    def hits(rule: Rule, selectors: Sequence[str]) -> bool:
        return rule.id in selectors or rule.pack in selectors

    chosen = []
    for rule in every:
        wanted = (rule.id in select) or (rule.enabled and (not select or hits(rule, select)))
        if wanted and not hits(rule, ignore):
            chosen.append(rule)
    return chosen
