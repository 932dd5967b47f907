"""Default output: diagnostics grouped by file, each with its source line and a marker under the span.

The layout is built once as lines of (text, style) pieces. In color it is printed through rich;
without color (a pipe, a file, ``--color never``) the same pieces are written as the plain text
rich would print for them, without importing rich's console (most of a small run's start-up).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Severity
from lint.reporters.visible import visible
from lint.results import FileResult

if TYPE_CHECKING:
    from typing import TextIO

    from lint.request import ReportOptions
    from lint.results import Source

render = None  # the report ends with counts over every file (lint.reporters.base.Reporter)
CONTEXT = 24  # characters of the source line shown on each side of the span
COLLAPSE_AFTER = 2  # findings of one rule in one paragraph shown in full before the rest are counted
SHOWN_PLACES = 8  # places listed for the findings counted instead of shown
TOP_RULES = 10  # rules named in the summary's per-rule counts
MARGIN = "    │ "  # before a source line and its marker
MIN_COLUMNS = 20  # a narrower terminal still gets this much of the line
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
TAB_SIZE = 8  # rich's default, which the plain output follows
CONTROL_CODES = dict.fromkeys((7, 8, 11, 12, 13))  # what rich's Text strips: bell, backspace, VT, FF, CR

Piece = tuple[str, str]  # text and its rich style ("" for none)
Line = tuple[str, list[Piece]]  # the line's own style (applies to all its pieces) and its pieces


def excerpt(line: str, start: int, end: int, columns: int | None = None) -> tuple[str, int, int]:
    """Cut a long line to a window around [start, end); return it with the span's new offsets.

    With ``columns`` (the terminal's width less the margin), the window is as wide as fits in that
    many columns, wide characters counting two; without, ``CONTEXT`` characters on each side.
    """
    if columns is None:
        left = max(0, start - CONTEXT)
        right = min(len(line), max(end, start + 1) + CONTEXT)
    else:
        left, right = _window(line, start, max(end, start + 1), columns)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    return shown, start - left + len(prefix), end - left + len(prefix)


def _window(line: str, start: int, end: int, columns: int) -> tuple[int, int]:
    """The widest [left, right) around [start, end) that fits in ``columns`` with two … marks."""
    budget = max(MIN_COLUMNS, columns) - 2
    end = min(end, len(line))
    right = start
    while right < end and budget - char_width(line[right]) >= 0:  # a span wider than the screen: its start
        budget -= char_width(line[right])
        right += 1
    left = start
    grew = True
    while grew:
        grew = False
        if left > 0 and budget - char_width(line[left - 1]) >= 0:
            left -= 1
            budget -= char_width(line[left])
            grew = True
        if right < len(line) and right >= end and budget - char_width(line[right]) >= 0:
            budget -= char_width(line[right])
            right += 1
            grew = True
    return left, right


def source_block(document: Source, diagnostic: Diagnostic, columns: int | None = None) -> Line:
    """The source line with the span underlined, then a marker line under it (one ``Line`` with a break).
    Tabs show as one space, so that the marker stays under the span whatever the tab stops."""
    span = diagnostic.span
    line = document.line_text(span.line).replace("\t", " ")
    end = span.end_column - 1 if span.end_line == span.line else len(line)
    shown, start, stop = excerpt(line, span.column - 1, end, None if columns is None else columns - len(MARGIN))
    style = STYLE[diagnostic.severity]
    before, inside, after = visible(shown[:start]), visible(shown[start:stop]), visible(shown[stop:])
    pieces = [(MARGIN, ""), (before, ""), (inside, style + " underline"), (after, "")]
    pad = display_width(before)
    width = max(1, display_width(inside))
    pieces += [("\n    │ " + " " * pad, "dim"), ("^" * width, style)]
    if diagnostic.fix is not None:
        label = "修复" if diagnostic.fix.safe else "建议修复"
        pieces.append((f" {label}：{visible(diagnostic.fix.replacement) or '（删除）'}", "green"))
    return "dim", pieces


def display_width(text: str) -> int:
    """Terminal columns of ``text``: two for a wide (CJK) character, none for a combining mark.
    (rich's own table would cost a small run the import of rich.)"""
    return sum(map(char_width, text))


def char_width(char: str) -> int:
    from unicodedata import combining, east_asian_width

    return 0 if combining(char) else 2 if east_asian_width(char) in "WF" else 1


def serious_first(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """A file's diagnostics, the most serious first: by severity, then rule, then place."""
    return sorted(diagnostics, key=lambda d: (-d.severity, d.rule, d.span.start, d.span.end))


def runs(diagnostics: Sequence[Diagnostic]) -> Iterator[list[Diagnostic]]:
    """Consecutive diagnostics of one rule on one line (one paragraph): a repetitive mechanical
    finding (82 half-width commas, see ``mechanical``) is shown a few times and counted, not
    printed 82 times."""
    run: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if run and (run[0].rule, run[0].span.line) != (diagnostic.rule, diagnostic.span.line):
            yield run
            run = []
        run.append(diagnostic)
    if run:
        yield run


def mechanical(run: Sequence[Diagnostic]) -> bool:
    """Findings ``--fix`` can fix by itself (half-width commas): many of them need no reading one by one."""
    return all(diagnostic.fix is not None and diagnostic.fix.safe for diagnostic in run)


def finding(diagnostic: Diagnostic) -> Line:
    span = diagnostic.span
    return (
        "",
        [
            (f"  {span.line}:{span.column} ", ""),
            (f"{diagnostic.severity}", STYLE[diagnostic.severity]),
            (f" {diagnostic.rule} ", "bold"),
            (visible(diagnostic.message), ""),
        ],
    )


def collapsed(rest: Sequence[Diagnostic]) -> Line:
    places = "、".join(f"{d.span.line}:{d.span.column}" for d in rest[:SHOWN_PLACES])
    more = "……" if len(rest) > SHOWN_PLACES else ""
    return "dim", [(f"  …同一段另有 {len(rest)} 处 {rest[0].rule}：{places}{more}", "")]


def layout(
    results: Sequence[FileResult], summary: bool = True, columns: int | None = None, lang: str = "en"
) -> Iterator[Line]:
    """Every printed line of the report, as pieces of styled text (``summary``: the closing counts;
    ``columns``: the terminal's width, which source excerpts fit in)."""
    by_severity: Counter[Severity] = Counter()
    by_pack: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    files_with = 0
    for result in results:
        if not result.diagnostics:
            continue
        files_with += 1
        yield "bold underline", [(visible(result.path), "")]
        for run in runs(serious_first(result.diagnostics)):
            for diagnostic in run:
                by_severity[diagnostic.severity] += 1
                by_pack[diagnostic.pack] += 1
                by_rule[diagnostic.rule] += 1
            shown = run if len(run) <= COLLAPSE_AFTER + 1 or not mechanical(run) else run[:COLLAPSE_AFTER]
            for diagnostic in shown:
                yield finding(diagnostic)
                if result.document is not None:
                    yield source_block(result.document, diagnostic, columns)
            if len(shown) < len(run):
                yield collapsed(run[len(shown) :])
        yield "", []
    if summary:
        yield from _summary(results, by_severity, by_pack, by_rule, files_with, lang)


def _summary(
    results: Sequence[FileResult],
    by_severity: Counter[Severity],
    by_pack: Counter[str],
    by_rule: Counter[str],
    files_with: int,
    lang: str = "en",
) -> Iterator[Line]:
    from lint.i18n import translate

    def say(template: str, **fields: object) -> str:
        return translate(template, lang).format(**fields)

    total = sum(by_severity.values())
    failed = sum(1 for result in results if result.error)
    if failed:
        yield (
            "bold red",
            [
                (
                    say(
                        "Could not check {failed} of {total} file(s) (see the “gwlint: error:” lines).",
                        failed=failed,
                        total=len(results),
                    ),
                    "",
                )
            ],
        )
    if total == 0:
        if len(results) > failed:
            template = (
                "No problems found in the other {count} file(s)." if failed else "No problems found in {count} file(s)."
            )
            yield "green", [(say(template, count=len(results) - failed), "")]
        return
    parts = [f"{by_severity[s]} {s}" for s in sorted(by_severity, reverse=True)]
    yield (
        "bold",
        [
            (
                say(
                    "Found {total} problem(s) in {with_problems} of {files} file(s): ",
                    total=total,
                    with_problems=files_with,
                    files=len(results),
                ),
                "",
            ),
            (", ".join(parts), ""),
        ],
    )
    yield "", [(say("By pack: ") + ", ".join(f"{p} {n}" for p, n in sorted(by_pack.items())), "")]
    yield "", [(say("By rule: ") + ", ".join(f"{r} {n}" for r, n in by_rule.most_common(TOP_RULES)), "")]
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix is not None and d.fix.safe)
    if fixable:
        yield "green", [(say("{count} fixable with --fix.", count=fixable), "")]


def report(
    results: Sequence[FileResult], stream: TextIO, color: bool = False, quiet: bool = False, lang: str = "en"
) -> None:
    lines = layout(results, summary=not quiet, columns=terminal_columns(stream), lang=lang)
    if color:
        _print_rich(lines, stream)
    else:
        stream.writelines(plain_text(line) + "\n" for line in lines)


def terminal_columns(stream: TextIO) -> int | None:
    """The width of the terminal ``stream`` writes to (COLUMNS overrides); None for a pipe or file."""
    import os

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    try:
        return os.get_terminal_size(stream.fileno()).columns if stream.isatty() else None
    except (AttributeError, ValueError, OSError):
        return None


def statistics(results: Sequence[FileResult], stream: TextIO, lang: str = "en") -> None:
    """``--statistics``: how often each rule fired, the most frequent first, and how many of those
    ``--fix`` can fix (as ruff prints them)."""
    count: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    severity: dict[str, Severity] = {}
    for result in results:
        for diagnostic in result.diagnostics:
            count[diagnostic.rule] += 1
            fixable[diagnostic.rule] += diagnostic.fix is not None and diagnostic.fix.safe
            severity[diagnostic.rule] = diagnostic.severity
    from lint.i18n import translate

    ordered = sorted(count, key=lambda rule: (-severity[rule], -count[rule], rule))
    width = max((len(rule) for rule in ordered), default=0)
    for rule in ordered:
        mark = f"[{fixable[rule]} {translate('fixable', lang)}]" if fixable[rule] else ""
        stream.write(f"{count[rule]:>6}  {severity[rule]!s:<7}  {rule:<{width}}  {mark}".rstrip() + "\n")


def _print_rich(lines: Iterator[Line], stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, no_color=False, highlight=False, soft_wrap=True)
    for base, pieces in lines:
        text = Text(style=base)
        for piece, style in pieces:
            text.append(piece, style=style or None)
        console.print(text)


def plain_text(line: Line) -> str:
    """What rich prints for ``line`` without color: control codes dropped, tabs expanded to tab stops."""
    text = "".join(piece for piece, _ in line[1]).translate(CONTROL_CODES)
    if "\t" not in text:
        return text
    return "\n".join(_expand_tabs(part) for part in text.split("\n"))


def _expand_tabs(line: str) -> str:
    from rich.cells import cell_len

    out: list[str] = []
    column = 0
    for index, part in enumerate(line.split("\t")):
        if index:
            column += 1  # the tab itself becomes a space, then pads to the next stop
            padding = (TAB_SIZE - column % TAB_SIZE) % TAB_SIZE
            out.append(" " * (1 + padding))
            column += padding
        out.append(part)
        column += cell_len(part)
    return "".join(out)


def write(results: Iterable[FileResult], stream: TextIO, options: ReportOptions) -> None:
    """The report; its summary (counts, which --quiet leaves out) in ``options.lang``."""
    report(list(results), stream, options.color, quiet=options.quiet, lang=options.lang)
