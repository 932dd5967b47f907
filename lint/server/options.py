"""The server's settings: ``gwlint server`` options, ``initializationOptions``, and how a broken
configuration or pack is pointed at in the editor."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypedDict

from lsprotocol import types

from lint.dating import AS_OF_FORMS, AsOf, parse_as_of
from lint.server.convert import SOURCE
from lint.server.positions import LineIndex, units

DEFAULT_DEBOUNCE_MS = 150


class Initialization(TypedDict, total=False):
    """The usable ``initializationOptions``, by the name the server keeps them under."""

    debounce: float  # seconds
    as_of: AsOf


def initialization(given: object) -> tuple[Initialization, list[str]]:
    """The usable ``initializationOptions`` (``debounceMs``, ``asOf``) and a warning for each that is not."""
    if given is None:
        return {}, []
    if not isinstance(given, dict):
        return {}, [f"initializationOptions must be an object, not {type(given).__name__}; ignored"]
    chosen: Initialization = {}
    warnings = []
    for key, value in given.items():
        if key == "debounceMs":
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                chosen["debounce"] = value / 1000
            else:
                warnings.append(f"debounceMs must be a number of milliseconds >= 0, not {value!r}; ignored")
        elif key == "asOf":
            try:
                chosen["as_of"] = parse_as_of(str(value)) if value is not None else None
            except ValueError:
                warnings.append(f"asOf must be {AS_OF_FORMS}, not {value!r}; ignored")
        else:
            warnings.append(f"unknown initialization option {key!r} (known: debounceMs, asOf); ignored")
    return chosen, warnings


YAML_LINE = re.compile(r"\bline (\d+)")
NAMED = re.compile(r"(?:rule [\w-]+\.([\w-]+)|key '([^']+)'|field '([^']+)')")


def fault_line(text: str, message: str) -> int:
    """The 0-based line an error message is about: the line it names, else the first line holding the
    rule or key it names, else the first."""
    lines = text.splitlines()
    found = YAML_LINE.search(message)
    if found is not None:
        return min(int(found.group(1)) - 1, max(len(lines) - 1, 0))
    for match in NAMED.finditer(message):
        name = next(group for group in match.groups() if group)
        for number, line in enumerate(lines):
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line):
                return number
    return 0


def problem_diagnostic(path: Path, message: str, encoding: str) -> dict[str, object]:
    """The one diagnostic (in JSON form) shown on a configuration or pack that cannot be used, on the
    line its error names."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    index = LineIndex(text)
    line = min(fault_line(text, message), len(index.starts) - 1)
    width = units(index.line_content(line), encoding)
    return {
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": width}},
        "message": message.removeprefix(f"{path}: "),
        "severity": types.DiagnosticSeverity.Error.value,
        "code": "configuration",
        "source": SOURCE,
    }
