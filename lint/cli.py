"""Command line: ``gwlint [check] PATH...``, ``gwlint rules``, ``gwlint explain RULE``, ``gwlint server``.

The one module that knows argparse: it parses the arguments once into a typed request
(lint.request) and hands it on; ``gwlint check`` runs in lint.pipeline.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lint import __version__
from lint.budget import DEFAULT_RULE_TIMEOUT
from lint.diagnostics import Severity
from lint.i18n import translate
from lint.request import CheckRequest, Mode, Overrides

if TYPE_CHECKING:
    from lint.dating import AsOf
    from lint.server.linting import Settings

EXIT_ERROR = 2  # what argparse's own errors exit with
SUBCOMMANDS = ("check", "rules", "explain", "server")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with gwlint's help strings and argparse's own headings in the chosen language."""

    lang = "en"

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return None if action.help is None else translate(action.help, self.lang)

    def start_section(self, heading: str | None) -> None:
        super().start_section(None if heading is None else translate(heading, self.lang))

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, translate("usage: ", self.lang) if prefix is None else prefix)

    def add_text(self, text: str | None) -> None:
        super().add_text(None if text is None else translate(text, self.lang))


def help_formatter(lang: str, width: int) -> type[HelpFormatter]:
    """A HelpFormatter class for ``lang`` at ``width`` columns (argparse wants a class, not an instance)."""

    class Localized(HelpFormatter):
        def __init__(self, prog: str) -> None:
            super().__init__(prog, width=width)

    Localized.lang = lang
    return Localized


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
        columns = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # None: caught below
    except (AttributeError, ValueError, OSError):
        columns = 80
    return columns - 2


def build_parser(commands: Sequence[str] = SUBCOMMANDS, lang: str = "en") -> argparse.ArgumentParser:
    """The parser of ``commands`` (all by default; ``main`` builds only the one it runs), its help in ``lang``."""
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
        metavar="DATE|document",
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
        metavar="DATE|document",
        help="the day drafts are judged at: formulations, names and references are right or outdated relative to it "
        "(YYYY-MM-DD; a year YYYY or month YYYY-MM: what is wrong on every day of it; default: today; "
        "'document': the date written in each draft)",
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


def _as_of(value: str) -> AsOf:
    from lint.dating import AS_OF_FORMS, parse_as_of

    try:
        return parse_as_of(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not {AS_OF_FORMS}: {value!r}") from None


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


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _mode(args: argparse.Namespace) -> Mode:
    return next((mode for mode in (Mode.ANNOTATE, Mode.DIFF, Mode.FIX) if getattr(args, mode.value)), Mode.LINT)


def check_request(args: argparse.Namespace, lang: str) -> CheckRequest:
    """``gwlint check``'s arguments, parsed, as the typed request the run reads (lint.pipeline)."""
    overrides = Overrides(
        select=_split(args.select),
        ignore=_split(args.ignore),
        packs=tuple(args.pack),
        fail_level=Severity.parse(args.fail_level) if args.fail_level else None,
        as_of=args.as_of,
    )
    return CheckRequest(
        paths=tuple(args.paths),
        mode=_mode(args),
        overrides=overrides,
        format=args.format,
        jobs=args.jobs,
        rule_timeout=DEFAULT_RULE_TIMEOUT if args.rule_timeout is None else args.rule_timeout,
        config=args.config,
        isolated=args.isolated,
        stdin_filename=args.stdin_filename,
        unsafe_fixes=args.unsafe_fixes,
        force=args.force,
        output=args.output,
        quiet=args.quiet,
        statistics=args.statistics,
        baseline=args.baseline,
        write_baseline=args.write_baseline,
        color=args.color,
        lang=lang,
    )


def server_settings(args: argparse.Namespace) -> Settings:
    """``gwlint server``'s arguments as the server's typed settings."""
    from lint.server.linting import Settings

    overrides = Overrides(
        select=_split(args.select), ignore=_split(args.ignore), packs=tuple(args.pack), as_of=args.as_of
    )
    timeout = DEFAULT_RULE_TIMEOUT if args.rule_timeout is None else args.rule_timeout
    return Settings(overrides, args.config, args.isolated, timeout)


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
        if args.command == "check":
            request = check_request(args, lang)
            with _start_up() as start_up_over:
                from lint import pipeline

                return pipeline.run(request, start_up_over)
        if args.command == "server":
            from lint import server  # pygls is imported only when the server starts

            return server.run(server_settings(args), args.debounce_ms / 1000)
        from lint import docs

        asked = docs.DocsRequest(tuple(args.pack), getattr(args, "format", "table"), getattr(args, "rule", None))
        return docs.main(asked)
    except BrokenPipeError:
        # The reader went away (`gwlint ... | head`): not an error of the drafts or of gwlint.
        sys.stderr.close()
        return EXIT_ERROR


def console_main() -> None:
    """The ``gwlint`` command; tests and other callers use ``main``, which returns the exit code."""
    raise SystemExit(main())
