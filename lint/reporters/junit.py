"""``--format junit``: JUnit XML for CI test dashboards; one testcase per file, one failure per diagnostic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from lint.results import FileResult

if TYPE_CHECKING:
    from typing import TextIO

    from lint.request import ReportOptions

render = None  # the report counts every file first (lint.reporters.base.Reporter)

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # characters XML 1.0 forbids


def clean(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


def testcase(result: FileResult) -> ET.Element:
    case = ET.Element("testcase", {"classname": "gwlint", "name": clean(result.path), "file": clean(result.path)})
    if result.error:
        ET.SubElement(case, "error", {"type": "input", "message": clean(result.error)}).text = clean(result.error)
    for d in result.diagnostics:
        where = f"{d.path}:{d.span.line}:{d.span.column}"
        failure = ET.SubElement(case, "failure", {"type": d.rule, "message": clean(f"{where}: {d.message}")})
        failure.text = clean(f"{where}: {d.severity} {d.rule} {d.message}\n匹配：{d.matched}")
    return case


def report(results: Sequence[FileResult], stream: TextIO, color: bool = False) -> None:
    cases = [testcase(result) for result in results]
    counts = {
        "tests": str(len(results)),
        "failures": str(sum(1 for r in results if r.diagnostics and not r.error)),
        "errors": str(sum(1 for r in results if r.error)),
        "skipped": "0",
        "time": "0",
    }
    suites = ET.Element("testsuites", {"name": "gwlint", **{k: v for k, v in counts.items() if k != "skipped"}})
    suite = ET.SubElement(suites, "testsuite", {"name": "gwlint", **counts})
    suite.extend(cases)
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")


def write(results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None:
    report(list(results), stream)
