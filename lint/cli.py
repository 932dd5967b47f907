"""Command line: ``gwlint [check] PATH...``, ``gwlint rules``, ``gwlint explain RULE``."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lint import __version__
from lint.diagnostics import Severity

if TYPE_CHECKING:
    from typing import TextIO

    from lint.engine import FileResult

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("check", "rules", "explain", "server")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE|PACK",
        help="only these rules or packs (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE|PACK",
        help="leave out these rules or packs (repeatable, or comma-separated)",
    )
    parser.add_argument(
        "--pack", action="append", default=[], type=Path, metavar="FILE", help="an extra YAML rule pack (repeatable)"
    )
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto")  # fmt: skip
    parser.add_argument("--lang", choices=("en", "zh"), help="the interface's language (default: from the locale)")


def _help_width() -> int:
    """The width argparse would find itself: left to do it, it imports shutil (and with it bz2 and
    lzma) for every argument added, a few ms of every run that never prints help."""
    try:
        columns = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 80
    return columns - 2


def build_parser(commands: Sequence[str] = SUBCOMMANDS, lang: str = "en") -> argparse.ArgumentParser:
    """The parser of ``commands`` (all by default; ``main`` builds only the one it runs), its help in ``lang``."""
    from lint.i18n import help_formatter

    _formatter = help_formatter(lang, _help_width())
    parser = argparse.ArgumentParser(
        prog="gwlint", description="公文草稿检查：a linter for Chinese official drafts.", formatter_class=_formatter
    )
    parser.add_argument("--version", action="version", version=f"gwlint {__version__}")
    # the usage names every command, also when main() built the parser of only the one it runs
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(SUBCOMMANDS) + "}")
    if "check" in commands:
        _add_check(sub, _formatter)
    if "rules" in commands:
        rules = sub.add_parser("rules", help="list packs and rules", formatter_class=_formatter)
        rules.add_argument("--format", choices=("table", "markdown", "json"), default="table")
        _common(rules)
    if "explain" in commands:
        explain = sub.add_parser("explain", help="show a rule's rationale and examples", formatter_class=_formatter)
        explain.add_argument("rule", help="rule id (pack.slug) or pack name")
        _common(explain)
    if "server" in commands:
        _add_server(sub, _formatter)
    return parser


def _add_server(sub: argparse._SubParsersAction, _formatter: Callable[..., argparse.HelpFormatter]) -> None:
    server = sub.add_parser(
        "server",
        help="run the language server for editors (LSP over stdio; needs gwlint[server])",
        description="gwlint as a language server: diagnostics as you type, quick fixes, fix all, "
        "suppressions and rule explanations on hover, over stdin/stdout. Configuration is found per file "
        "as for gwlint check. initializationOptions may set debounceMs and asOf; they win over these options.",
        formatter_class=_formatter,
    )
    server.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default and only transport)")
    server.add_argument(
        "--debounce-ms",
        type=_milliseconds,
        default=150,
        metavar="MS",
        help="judge a changed draft after this many milliseconds without another change (default: 150)",
    )
    server.add_argument(
        "--as-of",
        type=_as_of,
        metavar="YYYY-MM-DD|document",
        help="the day drafts are judged at (default: the configuration's, else today; 'document': each draft's date)",
    )
    server.add_argument(
        "--rule-timeout", type=_seconds, metavar="SECONDS", help="as for gwlint check (default: 2; 0: no limit)"
    )
    server.add_argument("--config", type=Path, metavar="FILE", help="use this configuration for every file")
    server.add_argument("--isolated", action="store_true", help="ignore configuration files")
    for name, text in (("--select", "only these rules or packs"), ("--ignore", "leave out these rules or packs")):
        server.add_argument(name, action="append", default=[], metavar="RULE|PACK", help=f"{text} (repeatable)")
    server.add_argument(
        "--pack", action="append", default=[], type=Path, metavar="FILE", help="an extra YAML rule pack (repeatable)"
    )


def _add_check(sub: argparse._SubParsersAction, _formatter: Callable[..., argparse.HelpFormatter]) -> None:
    check = sub.add_parser(
        "check",
        help="lint files (the default command)",
        description="公文草稿检查 — lint drafts (the default command). "
        "Other commands: gwlint rules (list the rules), gwlint explain RULE (why and how to fix).",
        formatter_class=_formatter,
    )
    check.add_argument("paths", nargs="*", default=[], help="files, directories (recursing over drafts) or - for stdin")
    check.add_argument("--format", default="full", help="full, json, concise, github, sarif, junit (default: full)")
    check.add_argument(
        "--fail-level",
        choices=("error", "warning", "info"),
        help="exit 1 when a diagnostic at or above this severity is found (default: warning)",
    )
    check.add_argument(
        "--as-of",
        type=_as_of,
        metavar="YYYY-MM-DD|document",
        help="the day drafts are judged at: formulations, names and references are right or outdated relative to it "
        "(default: today; 'document': the date written in each draft)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the path to report for input read from stdin (its suffix chooses the format)",
    )
    action = check.add_mutually_exclusive_group()
    action.add_argument("--fix", action="store_true", help="apply safe fixes in place, then report what remains")
    action.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    action.add_argument(
        "--annotate",
        action="store_true",
        help="write NAME.gwlint.docx beside each .docx with a Word comment on each finding",
    )
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff, also apply unsafe fixes")
    check.add_argument(
        "--force",
        action="store_true",
        help="with --annotate, replace NAME.gwlint.docx (default: keep it, write NAME.gwlint-2.docx, -3 ...)",
    )
    check.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the report to FILE instead of standard output"
    )
    shown = check.add_mutually_exclusive_group()
    shown.add_argument("-q", "--quiet", action="store_true", help="print the findings only: no summary, no notes")
    shown.add_argument(
        "--statistics", action="store_true", help="print how often each rule fired instead of the findings"
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        metavar="N",
        help="lint files in N processes (default: the number of CPUs; at most 4 per CPU and 64; small runs use one)",
    )
    check.add_argument(
        "--rule-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="stop and report a rule that uses more CPU time than this on one file, per million "
        "characters of it (default: 2; at least 0.1; 0: no limit)",
    )
    check.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="use this configuration for every file instead of the nearest .gwlint.yaml/pyproject.toml",
    )
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in FILE")
    check.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the current findings in FILE and exit 0"
    )
    _common(check)


def _as_of(value: str) -> datetime.date | str:
    from lint.dating import parse_as_of

    try:
        return parse_as_of(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form or 'document': {value!r}") from None


def _seconds(value: str) -> float:
    from lint.budget import MIN_RULE_TIMEOUT

    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds >= 0: {value!r}")
    if 0 < seconds < MIN_RULE_TIMEOUT:
        raise argparse.ArgumentTypeError(f"below the minimum of {MIN_RULE_TIMEOUT:g} seconds (0: no limit): {value!r}")
    return seconds


def _milliseconds(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number of milliseconds >= 0: {value!r}")
    return int(value)


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes >= 1: {value!r}")
    return int(value)


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _error(message: str) -> None:
    from lint.reporters.visible import visible

    sys.stderr.write(f"gwlint: error: {visible(message)}\n")


def _input_error(path: str, reason: str, lang: str) -> None:
    """``gwlint: error: PATH: REASON``, the reason in the interface's language."""
    from lint.i18n import translate_reason

    _error(f"{path}: {translate_reason(reason, lang)}")


def use_color(choice: str, stream: object) -> bool:
    """``--color``; with ``auto``, NO_COLOR (https://no-color.org) and FORCE_COLOR decide before the terminal."""
    if choice == "auto":
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
            return True
        isatty = getattr(stream, "isatty", None)
        return bool(isatty and isatty())
    return choice == "always"


@contextlib.contextmanager
def _start_up() -> Iterator[Callable[[], None]]:
    """``with _start_up() as over:`` ... ``over()`` once the run's lasting objects are built.

    Until then (imports, configuration, the unpickled linter: some 30,000 objects that live as long
    as the run) the cycle collector is paused: its passes over them find nothing and cost ~5 ms of
    a one-draft run. ``over()`` freezes them out of its later passes and lets it run again for the
    linting; leaving the block thaws them, so a caller of ``main`` in a long-lived process (a test
    run, an editor) keeps a normal collector.
    """
    collecting = gc.isenabled()
    gc.disable()
    frozen = False

    def over() -> None:
        nonlocal frozen
        gc.freeze()
        frozen = True
        if collecting:
            gc.enable()

    try:
        yield over
    finally:
        if frozen:
            gc.unfreeze()
        if collecting:
            gc.enable()


def run_check(args: argparse.Namespace) -> int:
    try:
        with _start_up() as start_up_over, contextlib.ExitStack() as stack:
            out = sys.stdout
            if args.output is not None:
                out = stack.enter_context(open_output(args.output))
            return _run_check(args, start_up_over, out)
    except Exception as error:  # --output refused at the start, or failing when the report is put in place
        if args.output is None:
            raise
        from lint.writer import WriteError

        if not isinstance(error, WriteError):
            raise
        _error(f"{args.output}: cannot write the report: {error}")
        return EXIT_ERROR


@contextlib.contextmanager
def open_output(path: Path) -> Iterator[TextIO]:
    """``--output FILE``: written to a temporary file beside it, created exclusively, and renamed over
    FILE at the end (never written through a symbolic link; a failed run leaves the old report)."""
    import io

    from lint.writer import new_file

    with new_file(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        yield text
        text.flush()
        text.detach()


def _run_check(args: argparse.Namespace, start_up_over: Callable[[], None], out: TextIO) -> int:
    from lint.baseline import BaselineError, load_baseline, write_baseline
    from lint.config import ConfigError, ConfigResolver
    from lint.fixing import Session
    from lint.parallel import JOBS_PER_CPU, MAX_JOBS, lint_planned, plan_inputs
    from lint.reporters import FORMATS, renderer, streams, write_report
    from lint.reporters.visible import visible
    from lint.setup import LinterSetupError
    from lint.workspace import Overrides, Workspace

    if args.format not in FORMATS:
        _error(f"unknown format '{args.format}' (known: {', '.join(FORMATS)})")
        return EXIT_ERROR
    if not args.paths:
        _error("no paths given (use - to read stdin)")
        return EXIT_ERROR
    overrides = Overrides(
        select=tuple(_split(args.select)),
        ignore=tuple(_split(args.ignore)),
        packs=tuple(args.pack),
        fail_level=Severity.parse(args.fail_level) if args.fail_level else None,
        as_of=args.as_of,
    )
    try:
        baseline = load_baseline(args.baseline) if args.baseline else None
        workspace = Workspace(ConfigResolver(args.config, args.isolated), overrides)
        session = Session.from_args(args, sys.stderr)
        planned = plan_inputs(workspace, args, session)  # a setup error stops the run here, before any report
    except (ConfigError, LinterSetupError, BaselineError) as error:
        _error(str(error))
        return EXIT_ERROR
    if args.jobs and planned.jobs < args.jobs:
        limit = f"at most {JOBS_PER_CPU} per CPU, {MAX_JOBS} in all"
        sys.stderr.write(f"gwlint: note: -j {args.jobs} lowered to {planned.jobs} ({limit})\n")
    start_up_over()
    judged: list[tuple[FileResult, Severity]] = []
    streaming = streams(args.format) and not (args.write_baseline or baseline or args.diff or args.statistics)

    def arriving() -> Iterator[FileResult]:
        for item in lint_planned(planned, renderer(args.format) if streaming else None):
            judged.append(item)
            if item[0].error:
                _input_error(item[0].path, item[0].error, args.lang)
            if item[0].note and not args.quiet:
                sys.stderr.write(f"gwlint: note: {visible(item[0].path)}: {item[0].note}\n")
            yield item[0]

    if streaming:
        # the report is written while the files are linted (by workers with -j): nothing waits for the last file
        write_report(args.format, arriving(), out, use_color(args.color, out), workspace.rules())
        if not args.quiet:
            session.write_summary(sys.stderr)
        return exit_code(judged)
    results = list(arriving())
    if args.write_baseline:
        try:
            count = write_baseline(args.write_baseline, results)
        except BaselineError as error:
            _error(str(error))
            return EXIT_ERROR
        sys.stderr.write(f"gwlint: wrote {count} finding(s) to {args.write_baseline}\n")
        return EXIT_ERROR if any(result.error for result in results) else EXIT_CLEAN
    if baseline is not None:
        results, stale = baseline.apply(results)
        judged = [(result, level) for result, (_, level) in zip(results, judged, strict=True)]
        if stale:
            sys.stderr.write(
                f"gwlint: note: {len(stale)} baseline entr{'y' if len(stale) == 1 else 'ies'} in {args.baseline} "
                "no longer found (fixed or reworded); refresh it with --write-baseline\n"
            )
    if args.diff:
        return session.write_diffs(out, results, use_color(args.color, out))
    if args.statistics:
        from lint.reporters.full import statistics

        statistics(results, out, args.lang)
        return exit_code(judged)
    color = use_color(args.color, out)
    write_report(args.format, results, out, color, workspace.rules(), quiet=args.quiet, lang=args.lang)
    if not args.quiet:
        session.write_summary(out if args.format == "full" else sys.stderr)
    return exit_code(judged)


def exit_code(judged: Sequence[tuple[FileResult, Severity]]) -> int:
    if any(result.error for result, _ in judged):
        return EXIT_ERROR
    found = any((worst := result.worst()) is not None and worst >= level for result, level in judged)
    return EXIT_FOUND if found else EXIT_CLEAN


def _replace_unencodable(*streams: object) -> None:
    """A console that cannot show a character (✗ or 〇 on a GBK or ASCII console) gets a ? instead
    of a traceback in the middle of a report."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream: nothing is printed there
                reconfigure(errors="replace")


def _lang_argument(arguments: Sequence[str]) -> str | None:
    """``--lang`` before parsing: the parser's own help must already be in that language."""
    for index, argument in enumerate(arguments):
        if argument.startswith("--lang="):
            return argument.partition("=")[2]
        if argument == "--lang" and index + 1 < len(arguments):
            return arguments[index + 1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from lint.i18n import language

    _replace_unencodable(sys.stdout, sys.stderr)
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in SUBCOMMANDS and arguments[0] != "--version"):
        arguments.insert(0, "check")  # also for --help: what most users run is check, with --fix and --annotate
    lang = language(_lang_argument(arguments))
    parser = build_parser(SUBCOMMANDS if arguments[0] not in SUBCOMMANDS else arguments[:1], lang)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    try:
        args.lang = lang
        if args.command == "check":
            return run_check(args)
        if args.command == "server":
            from lint import server  # pygls is imported only when the server starts

            return server.run(args)
        from lint import docs

        return docs.main(args)
    except BrokenPipeError:
        # The reader went away (`gwlint ... | head`): not an error of the drafts or of gwlint.
        sys.stderr.close()
        return EXIT_ERROR


def console_main() -> None:
    """The ``gwlint`` command; tests and other callers use ``main``, which returns the exit code."""
    raise SystemExit(main())
