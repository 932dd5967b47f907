"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are counted in Unicode code points (``columnKind: unicodeCodePoints``), as gwlint counts
them; SARIF's default would be UTF-16 code units, which differ for characters outside the BMP.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from lint import __version__
from lint.baseline import fingerprint
from lint.diagnostics import Diagnostic, Severity
from lint.packs import Rule
from lint.results import FileResult

if TYPE_CHECKING:
    from typing import Any, TextIO

    from lint.request import ReportOptions

render = None  # one JSON document over every file (lint.reporters.base.Reporter)
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"


def artifact_uri(path: str) -> tuple[str, bool]:
    """A file's URI and whether it is relative to %SRCROOT% (the working directory)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri(), False
    return quote(pure.as_posix()), True


def describe(rule: Rule) -> dict[str, Any]:
    help_text = f"{rule.rationale}\n依据：{rule.source}"
    if rule.bad:
        help_text += f"\n错误示例：{rule.bad[0].text}"
    if rule.good:
        help_text += f"\n正确示例：{rule.good[0].text}"
    return {
        "id": rule.id,
        "name": rule.id.replace(".", "/"),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": list(dict.fromkeys((rule.pack, rule.kind)))},  # unique: names is both
    }


def location(diagnostic: Diagnostic) -> dict[str, Any]:
    uri, relative = artifact_uri(diagnostic.path)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = SRCROOT
    span = diagnostic.span
    region: dict[str, Any] = {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }
    if diagnostic.matched:
        region["snippet"] = {"text": diagnostic.matched}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def sarif_result(diagnostic: Diagnostic, result: FileResult, index: dict[str, int]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "ruleId": diagnostic.rule,
        "level": LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [location(diagnostic)],
    }
    if diagnostic.rule in index:
        item["ruleIndex"] = index[diagnostic.rule]
    if result.document is not None:
        item["partialFingerprints"] = {"gwlintContext/v1": fingerprint(diagnostic, result.document)}
    if diagnostic.fix is not None:
        item["fixes"] = [_fix(diagnostic)]
    if diagnostic.also:  # rules that found the same span with the same fix (one result for one defect)
        item["properties"] = {"also": list(diagnostic.also)}
    return item


def _fix(diagnostic: Diagnostic) -> dict[str, Any]:
    assert diagnostic.fix is not None
    target = location(diagnostic)["physicalLocation"]
    return {
        "description": {"text": f"改为“{diagnostic.fix.replacement}”" if diagnostic.fix.replacement else "删除"},
        "artifactChanges": [
            {
                "artifactLocation": target["artifactLocation"],
                "replacements": [
                    {"deletedRegion": target["region"], "insertedContent": {"text": diagnostic.fix.replacement}}
                ],
            }
        ],
    }


def sarif_log(results: Sequence[FileResult], rules: Sequence[Rule]) -> dict[str, Any]:
    used = {d.rule for r in results for d in r.diagnostics}
    described = [rule for rule in rules if rule.id in used] or []
    index = {rule.id: position for position, rule in enumerate(described)}
    notifications = [
        {"level": "error", "message": {"text": f"{r.path}: {r.error}"}, "descriptor": {"id": "input-error"}}
        for r in results
        if r.error
    ]
    run = {
        "tool": {
            "driver": {
                "name": "gwlint",
                "version": __version__,
                "rules": [describe(rule) for rule in described],
            }
        },
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(d, r, index) for r in results for d in r.diagnostics],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report(results: Sequence[FileResult], stream: TextIO, color: bool = False, rules: Sequence[Rule] = ()) -> None:
    json.dump(sarif_log(results, rules), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write(results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None:
    report(list(results), stream, rules=options.rules)
