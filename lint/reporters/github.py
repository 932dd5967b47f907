"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request.

::error file=a.txt,line=3,col=5,endLine=3,endColumn=8,title=gwlint placeholder.stars::message
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Severity
from lint.reporters.visible import visible
from lint.results import FileResult

if TYPE_CHECKING:
    from typing import TextIO

    from lint.request import ReportOptions

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(value)  # the workflow log is a terminal too


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, properties: Mapping[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}"


def annotation(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    properties = {
        "file": PurePath(diagnostic.path).as_posix(),
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "title": f"gwlint {diagnostic.rule}",
    }
    return command(COMMAND[diagnostic.severity], properties, diagnostic.message)


def render(result: FileResult) -> str:
    return "".join(_lines(result))


def _lines(result: FileResult) -> Iterator[str]:
    if result.error:
        where = {"file": PurePath(result.path).as_posix(), "title": "gwlint"}
        yield command("error", where, result.error) + "\n"
    for diagnostic in result.diagnostics:
        yield annotation(diagnostic) + "\n"


def report(results: Iterable[FileResult], stream: TextIO, color: bool = False) -> None:
    """Every annotation, then one without a file that sums the run up on the workflow's summary."""
    files = with_problems = problems = failed = 0
    for result in results:  # line by line: no second copy of a large file's report in memory
        if result.rendered is not None:
            stream.write(result.rendered.text)
            found = result.rendered.text.count("\n") - bool(result.error)  # one line per annotation
        else:
            stream.writelines(_lines(result))
            found = len(result.diagnostics)
        files += 1
        failed += bool(result.error)
        problems += found
        with_problems += found > 0
    stream.write(command("notice", {"title": "gwlint"}, summary(files, with_problems, problems, failed)) + "\n")


def summary(files: int, with_problems: int, problems: int, failed: int) -> str:
    text = f"gwlint: {problems} problem(s) in {with_problems} of {files} file(s)" if problems else ""
    text = text or f"gwlint: no problems found in {files - failed} file(s)"
    return text + (f"; {failed} file(s) could not be checked" if failed else "")


def write(results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """The report (lint.reporters.base.Reporter); its text is the same in colour."""
    report(results, stream)
