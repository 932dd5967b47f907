"""Default output: diagnostics grouped by file, each with its source line and a marker under the span."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from lint.diagnostics import Diagnostic, Severity
from lint.engine import FileResult
from lint.source import Document

CONTEXT = 24  # characters of the source line shown on each side of the span
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to a window around [start, end); return it with the span's new offsets."""
    left = max(0, start - CONTEXT)
    right = min(len(line), max(end, start + 1) + CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    return shown, start - left + len(prefix), end - left + len(prefix)


def source_block(document: Document, diagnostic: Diagnostic) -> Text:
    span = diagnostic.span
    line = document.line_text(span.line)
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    shown, start, stop = excerpt(line, span.column - 1, end)
    block = Text("    │ ", style="dim")
    block.append(shown[:start])
    block.append(shown[start:stop], style=STYLE[diagnostic.severity] + " underline")
    block.append(shown[stop:])
    pad = cell_len(shown[:start])
    width = max(1, cell_len(shown[start:stop]))
    block.append("\n    │ " + " " * pad, style="dim")
    block.append("^" * width, style=STYLE[diagnostic.severity])
    if diagnostic.fix is not None:
        label = "修复" if diagnostic.fix.safe else "建议修复"
        block.append(f" {label}：{diagnostic.fix.replacement or '（删除）'}", style="green")
    return block


def report(results: Sequence[FileResult], stream: TextIO, color: bool = False) -> None:
    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=True)
    by_severity: Counter[Severity] = Counter()
    by_pack: Counter[str] = Counter()
    files_with = 0
    for result in results:
        if not result.diagnostics:
            continue
        files_with += 1
        console.print(Text(result.path, style="bold underline"))
        for diagnostic in result.diagnostics:
            by_severity[diagnostic.severity] += 1
            by_pack[diagnostic.pack] += 1
            span = diagnostic.span
            head = Text(f"  {span.line}:{span.column} ")
            head.append(f"{diagnostic.severity}", style=STYLE[diagnostic.severity])
            head.append(f" {diagnostic.rule} ", style="bold")
            head.append(diagnostic.message)
            console.print(head)
            if result.document is not None:
                console.print(source_block(result.document, diagnostic))
        console.print()
    total = sum(by_severity.values())
    if total == 0:
        console.print(Text(f"No problems found in {len(results)} file(s).", style="green"))
        return
    parts = [f"{by_severity[s]} {s}" for s in sorted(by_severity, reverse=True)]
    console.print(
        Text(f"Found {total} problem(s) in {files_with} of {len(results)} file(s): ", style="bold")
        + Text(", ".join(parts))
    )
    console.print(Text("By pack: " + ", ".join(f"{p} {n}" for p, n in sorted(by_pack.items()))))
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix is not None and d.fix.safe)
    if fixable:
        console.print(Text(f"{fixable} fixable with --fix.", style="green"))
