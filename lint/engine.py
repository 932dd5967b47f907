"""Runs the checks over documents and turns their findings into Diagnostics.

This is the Python API the CLI uses: ``Linter`` (built once from packs), ``lint_text`` and
``lint_paths``.
"""

from __future__ import annotations

import datetime
import functools
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.budget import DEFAULT_RULE_TIMEOUT, Budget, BudgetExceeded, scaled_budget
from lint.checks import Check, Finding, build_checks
from lint.checks.scan import present_words
from lint.dating import AsOf, Period, When, resolve_as_of
from lint.diagnostics import Diagnostic, Fix, merge_same_findings
from lint.fixer import apply_fixes
from lint.packs import Pack, PackError, Rule, load_packs, select_rules
from lint.prefilter import Prefilter
from lint.results import FileResult
from lint.source import Document, SourceError, document_from_bytes, read_document
from lint.suppression import SuppressionPolicy, apply_suppressions


@functools.cache
def _plain_fields_formatter() -> string.Formatter:
    """A formatter that substitutes ``{name}`` only: a pack's message may not reach attributes or
    items (``{match.__class__}``). Built on first use: most messages are plain (see ``_plain_names``)."""
    import string

    class PlainFields(string.Formatter):
        def get_field(
            self, field_name: str, args: Sequence[object], kwargs: Mapping[str, object]
        ) -> tuple[object, str]:
            if not field_name.isidentifier() or field_name not in kwargs:
                return "{" + field_name + "}", field_name
            return kwargs[field_name], field_name

    return PlainFields()


def render_message(template: str, fields: dict[str, str]) -> str:
    names = _plain_names(template)
    if names is not None and names <= fields.keys():
        return template.format_map(fields)  # the same text, without the Formatter's Python-level parsing
    try:
        return _plain_fields_formatter().vformat(template, (), fields)
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return template


SWAP_QUOTES = str.maketrans("“”‘’", "‘’“”")


def nest_quotes(template: str, fields: dict[str, str]) -> dict[str, str]:
    """The fields, with the quotation marks of a value that the template itself puts in quotation
    marks turned to the next level (“坚定“两个维护”” would nest double marks: “坚定‘两个维护’”).
    A value whose marks do not pair (a lone “ a pairing rule reports) is left as it is."""
    nested = {}
    for name, value in fields.items():
        at = template.find("{" + name + "}")
        if at < 0 or "“" not in value or value.count("“") != value.count("”"):
            continue
        if (template.count("“", 0, at) - template.count("”", 0, at)) % 2:
            nested[name] = value.translate(SWAP_QUOTES)
    return {**fields, **nested} if nested else fields


@functools.lru_cache(maxsize=1024)
def _plain_names(template: str) -> frozenset[str] | None:
    """The field names of a message made of text and ``{name}`` fields only; None for any other."""
    names = set()
    try:
        for _, name, spec, conversion in string.Formatter().parse(template):
            if name is None:
                continue
            if spec or conversion or not name.isidentifier():
                return None
            names.add(name)
    except ValueError:
        return None
    return frozenset(names)


@dataclass
class Outcome:
    """One document's diagnostics, and the rules that could not finish on it (each a message)."""

    diagnostics: list[Diagnostic]
    problems: list[str]

    def result(self, document: Document) -> FileResult:
        return FileResult(document.path, self.diagnostics, document, "; ".join(self.problems) or None)


class Linter:
    """The checks built from a list of rules. It holds no date: each run says which day a document is
    judged at (``as_of``), and only the checks in force on that day run."""

    suppression: SuppressionPolicy | None = None  # None: only this linter's rules count as known

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.checks: list[Check] = build_checks(self.rules)
        self._on_day: dict[datetime.date, list[Check]] = {}
        self._during: dict[Period, list[tuple[Check, Check | None]]] = {}
        self.prefilter = Prefilter(self.checks)  # optional native pass over large documents

    @classmethod
    def from_packs(
        cls, packs: Sequence[Pack] | None = None, select: Sequence[str] = (), ignore: Sequence[str] = ()
    ) -> Linter:
        return cls(select_rules(packs if packs is not None else load_packs(), select, ignore))

    @classmethod
    def of_checks(cls, checks: Sequence[Check]) -> Linter:
        """A linter of checks built already (each check's rule is its own)."""
        linter = cls.__new__(cls)
        linter.rules, linter.checks, linter._on_day = [check.rule for check in checks], list(checks), {}
        linter._during = {}
        linter.prefilter = Prefilter(linter.checks)
        return linter

    def checks_on(self, day: datetime.date) -> list[Check]:
        """The checks in force on ``day``: their rule's window holds it, and the check applies then."""
        if day not in self._on_day:
            dated = (check.on(day) for check in self.checks if check.rule.applies_on(day))
            self._on_day[day] = [check for check in dated if check is not None]
        return self._on_day[day]

    def checks_during(self, period: Period) -> list[tuple[Check, Check | None]]:
        """The checks in force on every day of ``period``, each as on its last day, paired with the
        check as on its first day where that differs (a kind whose params carry their own dates):
        a finding of such a check counts only if it is found as on both days. A rule's window is one
        stretch of days, so holding both ends is holding the period; so is a stale reference's time
        as current wording (``current_from`` to ``current_until``, a calendar year or more) against
        a month or a year. A rule about what was first said on a day judges only the period's days
        from then (Rule.days_judged)."""
        if period not in self._during:
            pairs: list[tuple[Check, Check | None]] = []
            for check in self.checks:
                days = check.rule.days_judged(period.first, period.last)
                if days is None:
                    continue
                first, last = check.on(days[0]), check.on(days[1])
                if first is not None and last is not None:
                    pairs.append((last, None if first is last else first))
            self._during[period] = pairs
        return self._during[period]

    def lint(self, document: Document, as_of: When | None = None) -> list[Diagnostic]:
        """The document's diagnostics; a rule that fails or overruns its time budget adds none (see ``run``)."""
        return self.run(document, as_of=as_of).diagnostics

    def run(
        self,
        document: Document,
        rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
        as_of: When | None = None,
    ) -> Outcome:
        """Run every check in force on ``as_of`` (default: today; a ``Period``: on each of its days)
        on the document, each within ``rule_timeout`` seconds per million characters of the document,
        at least ``rule_timeout`` (None or 0: no limit).

        A check that overruns its budget or raises is reported in ``Outcome.problems`` with the rule's
        id; the other rules' diagnostics are kept.
        """
        seen: set[tuple[str, int, int]] = set()
        diagnostics = []
        problems: list[str] = []
        checks, confirming = self._checks_for(as_of or datetime.date.today())
        with Budget(scaled_budget(rule_timeout, len(document.text))) as budget:
            # a confirming check that finds nothing (or fails) confirms nothing
            confirmed: dict[str, set[tuple[int, int]]] = {check.rule.id: set() for check in confirming}
            if confirming:
                for check, findings in _run_checks(confirming, document, budget, problems, self.prefilter):
                    confirmed[check.rule.id] = {(finding.start, finding.end) for finding in findings}
            for check, findings in _run_checks(checks, document, budget, problems, self.prefilter):
                spans = confirmed.get(check.rule.id)
                for finding in findings:
                    if spans is not None and (finding.start, finding.end) not in spans:
                        continue
                    key = (check.rule.id, finding.start, finding.end)
                    if key not in seen:
                        seen.add(key)
                        diagnostics.append(self._diagnostic(check, finding, document))
        diagnostics.sort(key=Diagnostic.sort_key)
        kept = apply_suppressions(document, diagnostics, self.active, self.suppression)
        return Outcome(merge_same_findings(kept), problems)

    def _checks_for(self, when: When) -> tuple[list[Check], list[Check]]:
        """The checks to run at ``when``, and the checks whose findings must confirm theirs (see
        ``checks_during``)."""
        if isinstance(when, datetime.date):
            return self.checks_on(when), []
        if when.first == when.last:
            return self.checks_on(when.first), []
        pairs = self.checks_during(when)
        return [last for last, _ in pairs], [first for _, first in pairs if first is not None]

    @functools.cached_property
    def active(self) -> frozenset[str]:
        """The ids and packs of this linter's rules (what a suppression comment may name as checked)."""
        return frozenset(rule.id for rule in self.rules) | {rule.pack for rule in self.rules}

    @staticmethod
    def _diagnostic(check: Check, finding: Finding, document: Document) -> Diagnostic:
        rule = check.rule
        matched = document.source_text[finding.start : finding.end]
        fields = {"match": matched, "replacement": finding.replacement or "", **finding.fields}
        fix = None
        if finding.replacement is not None and check.fix_safety != "none":
            fix = Fix(finding.replacement, safe=check.fix_safety == "safe")
        return Diagnostic(
            path=document.path,
            span=document.span(finding.start, finding.end),
            rule=rule.id,
            severity=rule.severity,
            message=render_message(rule.message, nest_quotes(rule.message, fields)),
            matched=matched,
            fix=fix,
        )

    def lint_text(self, text: str, path: str = "<text>", as_of: When | None = None) -> list[Diagnostic]:
        return self.lint(Document(path=path, text=text), as_of)

    def lint_file(
        self,
        path: Path,
        display: str | None = None,
        rule_timeout: float | None = DEFAULT_RULE_TIMEOUT,
        as_of: AsOf = None,
    ) -> FileResult:
        name = display if display is not None else str(path)
        try:
            document = read_document(path, name)
        except SourceError as error:
            return FileResult(name, [], None, error.reason)
        return self.judge(document, rule_timeout, as_of)

    def lint_bytes(
        self, data: bytes, path: str, rule_timeout: float | None = DEFAULT_RULE_TIMEOUT, as_of: AsOf = None
    ) -> FileResult:
        try:
            document = document_from_bytes(data, path)
        except SourceError as error:
            return FileResult(path, [], None, error.reason)
        return self.judge(document, rule_timeout, as_of)

    def judge(self, document: Document, rule_timeout: float | None, as_of: AsOf) -> FileResult:
        """``run`` at the day ``as_of`` names: a date, None for today, or ``DOCUMENT`` for the date
        written in the document (today, with a note, when it has none)."""
        day, note = resolve_as_of(as_of, document.text)
        result = self.run(document, rule_timeout, day).result(document)
        result.note = note
        return result


def _run_checks(
    checks: Sequence[Check],
    document: Document,
    budget: Budget,
    problems: list[str],
    prefilter: Prefilter | None = None,
) -> Iterator[tuple[Check, list[Finding]]]:
    """Each check's findings; the checks of a kind that shares work between rules run as one batch.

    One search of the document for the words the checks require (``Check.required``) leaves out
    the checks none of whose words is there: they cannot find anything. A batch yields one rule's
    findings at a time, each under that rule's budget (the shared work is charged to the first).
    When a batch fails or overruns, the rule it was at and the ones after it run alone, so a
    problem is reported for the rule that has it and the others still report. With a ``prefilter``
    (and hyperscan installed), a large document gets the same checks and findings faster.
    """
    possible = prefilter.narrow(checks, document.text) if prefilter is not None else None
    if possible is None:  # the pure-Python path (see lint.prefilter for the native one)
        present = present_words({word for check in checks if check.required for word in check.required}, document.text)
        possible = [check for check in checks if check.required is None or not present.isdisjoint(check.required)]
    for group in _kind_groups(possible):
        batch: Iterator[Iterable[Finding]] | None = None
        if len(group) > 1 and type(group[0]).shares_work():
            batch = iter(type(group[0]).find_many(group, document))
        for check in group:
            if batch is not None:
                try:
                    yield check, budget.run(lambda batch=batch: list(next(batch)))  # type: ignore[misc]  # mypy infers no lambda with a default
                    continue
                except Exception:  # the rule is run alone below, which reports the problem
                    batch = None
            try:
                findings = budget.run(lambda check=check: list(check.find(document)))  # type: ignore[misc]  # as above
            except BudgetExceeded as overrun:
                problems.append(f"rule {check.rule.id} stopped: {overrun} on this file (its findings are left out)")
                continue
            except Exception as error:  # a check's bug must not cost the other rules and files their report
                problems.append(f"rule {check.rule.id} failed on this file ({type(error).__name__}: {error})")
                continue
            yield check, findings


def _kind_groups(checks: Sequence[Check]) -> list[list[Check]]:
    """The checks grouped by kind, kinds in the order they first appear."""
    groups: dict[type[Check], list[Check]] = {}
    for check in checks:
        groups.setdefault(type(check), []).append(check)
    return list(groups.values())


def verify_examples(linter: Linter, rule_timeout: float | None = DEFAULT_RULE_TIMEOUT) -> Iterator[PackError]:
    """Every bad example must raise its rule (and fix to ``fixed`` when given); no good one may.

    Each example runs within ``rule_timeout``: a catastrophic regex is a pack error, not a hang.
    """
    by_id = {check.rule.id: check for check in linter.checks}
    today = datetime.date.today()
    for rule_id, check in by_id.items():
        single = Linter.of_checks([check])
        rule = check.rule
        for example in rule.bad:
            day = example.as_of or rule.example_day(today)
            outcome = single.run(Document("<example>", example.text), rule_timeout, day)
            found = outcome.diagnostics
            if outcome.problems:
                yield _example_problem(rule, outcome, example.text, "examples.bad")
            elif not found:
                yield PackError(rule.path, f"bad example raises nothing: {example.text!r}", rule_id, "examples.bad")
            elif example.fixed is not None:
                fixed, _ = apply_fixes(example.text, found, unsafe=True)
                if fixed != example.fixed:
                    yield PackError(
                        rule.path, f"fix gives {fixed!r}, example expects {example.fixed!r}", rule_id, "examples.bad"
                    )
        for good in rule.good:
            text = good.text
            outcome = single.run(Document("<example>", text), rule_timeout, good.as_of or rule.example_day(today))
            if outcome.problems:
                yield _example_problem(rule, outcome, text, "examples.good")
            elif outcome.diagnostics:
                yield PackError(
                    rule.path,
                    f"good example raises {outcome.diagnostics[0].matched!r}: {text!r}",
                    rule_id,
                    "examples.good",
                )


def _example_problem(rule: Rule, outcome: Outcome, text: str, field: str) -> PackError:
    reason = outcome.problems[0].replace(f"rule {rule.id} ", "", 1).replace("this file", "its example")
    return PackError(rule.path, f"{reason}: {text[:80]!r}", rule.id, field)


def lint_text(
    text: str, path: str = "<text>", select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Diagnostic]:
    """Lint a string with the built-in packs. Convenience for scripts; build a Linter to reuse."""
    return Linter.from_packs(select=select, ignore=ignore).lint_text(text, path)


def lint_paths(paths: Iterable[Path | str], linter: Linter | None = None) -> list[FileResult]:
    linter = linter or Linter.from_packs()
    return [linter.lint_file(Path(p)) for p in paths]
