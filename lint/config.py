"""Project configuration: ``[tool.gwlint]`` in pyproject.toml or a ``.gwlint.yaml``.

The nearest configuration above a file wins (a ``.gwlint.yaml`` before a pyproject.toml in the same
folder; a pyproject.toml without ``[tool.gwlint]`` is passed over). Paths in a configuration (extra
packs, per-file-ignores globs) are relative to the folder of the file that holds it.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint import cache as disk_cache
from lint import trust
from lint.diagnostics import Severity
from lint.regexes import compiled

if TYPE_CHECKING:
    from typing import Any

    from lint.dating import AsOf

MENTIONS_GWLINT_TABLE = compiled(r"\bgwlint\b[\"']?\s*[.\]=]")  # [tool.gwlint], tool.gwlint.x =, gwlint = {…}
CONFIG_KEEP_DAYS = 30  # parsed configurations not read for this long are removed from the cache
CONFIG_NAMES = (".gwlint.yaml", ".gwlint.yml", "pyproject.toml")
KEYS = ("select", "ignore", "packs", "per-file-ignores", "fail-level", "as-of", "params", "extend-params")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""

    def __init__(self, path: Path | str, reason: str, key: str | None = None) -> None:
        where = f"{path}: key '{key}'" if key else str(path)
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Config:
    """One configuration file's settings; ``path`` is None for the defaults (no file found)."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_level: Severity | None = None
    as_of: AsOf = None  # a day, a year or month (lint.dating.Period), or "document" (lint.dating.DOCUMENT)
    params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    extend_params: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def ignored_for(self, file: Path) -> tuple[str, ...]:
        """Rules and packs that per-file-ignores switch off for ``file``."""
        try:
            relative = file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return ()
        found: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            target = relative if "/" in pattern else relative.rsplit("/", 1)[-1]
            if glob_regex(pattern).fullmatch(target):
                found.extend(selectors)
        return tuple(found)


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """``*`` and ``?`` stay within a folder, ``**/`` spans any number of folders (also none)."""
    out = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out))


def find_config(folder: Path, skipped: Callable[[str], None] = lambda line: None) -> Path | None:
    """The nearest configuration file in ``folder`` or above it, if it may be trusted (lint.trust).

    The search stops at a configuration that may not be trusted and at a folder anyone may write
    to: a configuration there or above it is not used, and ``skipped`` gets one line saying which
    file and why.
    """
    for candidate in (folder, *folder.parents):
        path = _config_in(candidate)
        if path is not None:
            reason = trust.distrust(path)
            if reason is None:
                return path
            skipped(f"skipped configuration {path}: {reason} (name it with --config to use it)")
            return None
        if trust.open_to_all(candidate):
            above = next((p for p in map(_config_in, candidate.parents) if p is not None), None)
            if above is not None:
                skipped(
                    f"skipped configuration {above}: the search stops at {candidate}, which is writable "
                    "by anyone (no sticky bit) (name it with --config to use it)"
                )
            return None
    return None


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
            return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:  # broken but meant for us when it says so: load_config reports it
        return "[tool.gwlint]" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if not MENTIONS_GWLINT_TABLE.search(raw):  # most pyproject.toml: no TOML parser to import and run
        return False
    try:
        data = _parsed_toml(raw)
    except ValueError:  # a TOMLDecodeError
        return "[tool.gwlint]" in raw  # broken but meant for us: load_config reports it
    return isinstance(data.get("tool"), dict) and "gwlint" in data["tool"]


MAX_CONFIG_BYTES = 1 << 20  # a configuration is a few lines; more is a mistake or an attack


def load_config(path: Path, named: bool = False) -> Config:
    """The configuration in ``path``. The packs of one found by walking up (not ``named`` on the
    command line) must pass the same trust check as the file itself."""
    from lint.source import SourceError, read_file

    try:
        raw = read_file(path, str(path), MAX_CONFIG_BYTES)[0].decode("utf-8")  # not a FIFO or a device
    except SourceError as error:
        raise ConfigError(path, error.reason) from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, f"cannot read configuration: {error}") from None
    if path.suffix == ".toml":
        try:
            data: object = _parsed_toml(raw)
        except ValueError as error:  # a TOMLDecodeError
            raise ConfigError(path, f"TOML syntax error: {error}") from None
        tool = data.get("tool", {}) if isinstance(data, dict) else {}
        data = tool.get("gwlint", {}) if isinstance(tool, dict) else {}
    else:
        data = _parsed_yaml(path, raw)
    if not isinstance(data, dict):
        raise ConfigError(path, "a configuration is a mapping of keys to values")
    return parse_config(data, path, check_packs=not named)


def _remembered(kind: str, raw: str, parse: Callable[[str], object]) -> object:
    """``parse(raw)``, kept in the cache by content: importing and running a TOML or YAML parser costs
    a cold run more than all the rest of its configuration. Only a successful parse is kept."""
    key = disk_cache.bytes_key(raw.encode("utf-8"), kind)
    entry = disk_cache.load_object(kind, key)
    if isinstance(entry, tuple) and len(entry) == 1:
        return entry[0]
    data = parse(raw)
    disk_cache.store_object(kind, key, (data,), keep_days=CONFIG_KEEP_DAYS)
    return data


def _parsed_toml(raw: str) -> dict[str, Any]:
    def parse(text: str) -> object:
        import tomllib

        try:
            return tomllib.loads(text)
        except RecursionError:  # arrays or tables nested thousands deep
            raise tomllib.TOMLDecodeError("nested too deeply") from None

    return _remembered("toml", raw, parse)  # type: ignore[return-value]  # tomllib gives a table: a dict


def _parsed_yaml(path: Path, raw: str) -> object:
    def parse(text: str) -> object:
        from lint.safeyaml import YamlError, load_yaml  # only when a YAML configuration is not in the cache

        try:
            return load_yaml(text)
        except YamlError as error:
            raise ConfigError(path, str(error)) from None

    data = _remembered("yaml", raw, parse)
    return {} if data is None else data


def parse_config(data: Mapping[str, Any], path: Path, check_packs: bool = False) -> Config:
    unknown = sorted(str(key) for key in data if key not in KEYS)
    if unknown:
        raise ConfigError(path, f"unknown key (known: {', '.join(KEYS)})", unknown[0])
    root = path.resolve().parent
    read = _Reader(data, path)
    packs = tuple(root / item for item in read.strings("packs"))
    for pack in packs:
        if not pack.is_file():
            raise ConfigError(path, f"no such pack file: {pack}", "packs")
        reason = trust.distrust(pack) if check_packs else None
        if reason is not None:
            raise ConfigError(path, f"pack {pack} not loaded: {reason} (name it with --pack to use it)", "packs")
    ignores = read.mapping("per-file-ignores")
    per_file = []
    for pattern, selectors in ignores.items():
        if isinstance(selectors, str):
            selectors = [selectors]
        if not isinstance(selectors, list) or not all(isinstance(s, str) and s for s in selectors):
            raise ConfigError(path, f"'{pattern}' must map to a rule, a pack or a list of them", "per-file-ignores")
        per_file.append((str(pattern), tuple(selectors)))
    return Config(
        path=path,
        root=root,
        select=tuple(read.strings("select")),
        ignore=tuple(read.strings("ignore")),
        packs=packs,
        per_file_ignores=tuple(per_file),
        fail_level=read.severity("fail-level"),
        as_of=read.as_of("as-of"),
        params=read.rule_params("params"),
        extend_params=read.rule_params("extend-params"),
    )


class _Reader:
    """Typed access to a configuration's keys; every problem is a ConfigError naming the key."""

    def __init__(self, data: Mapping[str, Any], path: Path) -> None:
        self.data = data
        self.path = path

    def error(self, key: str, reason: str) -> ConfigError:
        return ConfigError(self.path, reason, key)

    def strings(self, key: str) -> list[str]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise self.error(key, "must be a list of non-empty strings")
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.error(key, "must be a mapping")
        return value

    def severity(self, key: str) -> Severity | None:
        value = self.data.get(key)
        if value is None:
            return None
        try:
            return Severity.parse(str(value))
        except ValueError as error:
            raise self.error(key, str(error)) from None

    def as_of(self, key: str) -> AsOf:
        """A date, a year (2019) or month (2019-03) judged as all its days, or ``document``: judge
        each draft at the date written in it."""
        from lint.dating import AS_OF_FORMS, parse_as_of

        value = self.data.get(key)
        if value is None or (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)):
            return value
        try:
            return parse_as_of(str(value))
        except ValueError:
            raise self.error(key, f"not {AS_OF_FORMS}: {value!r}") from None

    def rule_params(self, key: str) -> dict[str, dict[str, Any]]:
        value = self.mapping(key)
        for rule, params in value.items():
            if not isinstance(params, dict):
                raise self.error(key, f"'{rule}' must map parameter names to values")
        return value


class ConfigResolver:
    """Finds (and caches) the configuration that governs each file."""

    def __init__(
        self, explicit: Path | None = None, isolated: bool = False, notes: Callable[[str], None] | None = None
    ) -> None:
        self._fixed: Config | None = None
        self._notes = notes if notes is not None else _warn
        self._noted: set[str] = set()
        if explicit is not None:
            if not explicit.exists():
                raise ConfigError(explicit, "no such configuration file")
            self._fixed = load_config(explicit, named=True)
        elif isolated:
            self._fixed = Config()
        self._by_path: dict[Path, Config] = {}
        self._by_folder: dict[Path, Path | None] = {}
        self._resolved: dict[Path, Path] = {}

    def for_file(self, file: Path | None) -> Config:
        """The configuration for ``file`` (None: a file in the current folder, such as stdin)."""
        if self._fixed is not None:
            return self._fixed
        folder = self._folder(file if file is not None else Path("stdin"))
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config(folder, self._note)
        path = self._by_folder[folder]
        if path is None:
            return Config()
        if path not in self._by_path:
            self._by_path[path] = load_config(path)
        return self._by_path[path]

    def _note(self, line: str) -> None:
        if line not in self._noted:
            self._noted.add(line)
            self._notes(line)

    def _folder(self, file: Path) -> Path:
        """The real folder of ``file`` (a link to a file counts where it points); a folder is resolved once."""
        if file.is_symlink():
            return file.resolve().parent
        raw = file.parent
        if raw not in self._resolved:
            self._resolved[raw] = raw.resolve()
        return self._resolved[raw]


def _warn(line: str) -> None:
    sys.stderr.write(f"gwlint: warning: {line}\n")


def merge_params(base: Mapping[str, Any], replace: Mapping[str, Any], extend: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's params with a configuration's overrides: ``params`` replace, ``extend-params`` add."""
    merged = {**base, **replace}
    for name, value in extend.items():
        current = merged.get(name)
        if isinstance(current, list) and isinstance(value, list):
            merged[name] = [*current, *value]
        elif isinstance(current, dict) and isinstance(value, dict):
            merged[name] = {**current, **value}
        else:
            merged[name] = value
    return merged
