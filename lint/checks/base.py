"""The interface every check kind implements, and typed access to a rule's params."""

from __future__ import annotations

import copy
import datetime
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from lint.packs import PackError, Rule, parse_day
from lint.source import Document

if TYPE_CHECKING:
    from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Finding:
    """One match of a check: a character range, an optional replacement, extra message fields."""

    start: int
    end: int
    replacement: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)


# Bounds on a pack's regular expressions, checked before compiling (compiling alone can take seconds
# for a long pattern of large classes; counts past Python's own limit raise OverflowError). The
# built-in packs stay far below them: at most 325 characters and a count of 80.
MAX_PATTERN_CHARACTERS = 50_000  # a word list of some 8,000 words joined by | still fits
MAX_REPETITION = 10_000  # {m,n}: m and n at most this
MAX_NESTED_REPETITION = 1_000_000  # counts multiplied through nested repetitions (a{1000}){1000}...


def pattern_bounds_problem(source: str) -> str | None:
    """Why ``source`` exceeds the bounds above, or None. Raises re.error when it does not parse."""
    from re import _parser  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)

    return _repetition_problem(_parser.parse(source), 1)


def _repetition_problem(sequence: Any, outer: int) -> str | None:  # Any: re._parser's tree has no type information
    from re import _constants, _parser  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)

    for op, av in sequence:
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            low, high, repeated = av
            bounded = [count for count in (low, high) if count != _constants.MAXREPEAT]
            if max(bounded) > MAX_REPETITION:
                return f"repetition count {max(bounded):,} is over {MAX_REPETITION:,}"
            times = outer * (high if high != _constants.MAXREPEAT else max(low, 1))
            if times > MAX_NESTED_REPETITION:
                return f"nested repetitions multiply to {times:,}, over {MAX_NESTED_REPETITION:,}"
            children, outer_of_children = [repeated], times
        else:
            children, outer_of_children = list(_subpatterns(av, _parser.SubPattern)), outer
        for child in children:
            problem = _repetition_problem(child, outer_of_children)
            if problem is not None:
                return problem
    return None


def _subpatterns(value: object, kind: type) -> Iterator[object]:
    """The parsed groups inside an operator's argument (branches, group bodies, lookarounds)."""
    if isinstance(value, kind):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _subpatterns(item, kind)


MAX_INTEGER = 100_000  # no count or window of a rule comes near; a larger one is a mistake or an attack


class Params:
    """Reads a rule's ``params`` with types; every problem is a PackError naming the field."""

    def __init__(self, rule: Rule) -> None:
        self._rule = rule
        self._data: Mapping[str, Any] = rule.params
        self._read: set[str] = set()

    def error(self, key: str, reason: str) -> PackError:
        return PackError(self._rule.path, reason, rule=self._rule.id, field=f"params.{key}")

    def _get(self, key: str, default: Any, required: bool) -> Any:
        self._read.add(key)
        if key not in self._data:
            if required:
                raise self.error(key, "missing required parameter")
            return default
        return self._data[key]

    @overload
    def string(self, key: str, default: str, required: bool = False) -> str: ...
    @overload
    def string(self, key: str, default: None = None, *, required: Literal[True]) -> str: ...
    @overload
    def string(self, key: str, default: str | None = None, required: bool = False) -> str | None: ...
    def string(self, key: str, default: str | None = None, required: bool = False) -> str | None:
        value = self._get(key, default, required)
        if value is not None and not isinstance(value, str):
            raise self.error(key, "must be a string")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self._get(key, default, False)
        if not isinstance(value, bool):
            raise self.error(key, "must be true or false")
        return value

    def integer(self, key: str, default: int, minimum: int = 0, maximum: int = MAX_INTEGER) -> int:
        value = self._get(key, default, False)
        if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
            raise self.error(key, f"must be a whole number from {minimum} to {maximum:,}")
        return value

    def strings(self, key: str, required: bool = False) -> list[str]:
        value = self._get(key, [], required)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.error(key, "must be a list of non-empty strings")
        if required and not value:
            raise self.error(key, "must not be empty")
        return value

    def mapping(self, key: str, required: bool = False) -> dict[str, Any]:
        value = self._get(key, {}, required)
        if not isinstance(value, dict):
            raise self.error(key, "must be a mapping")
        return value

    @overload
    def regex(self, key: str, required: Literal[True]) -> re.Pattern[str]: ...
    @overload
    def regex(self, key: str, required: bool = False) -> re.Pattern[str] | None: ...
    def regex(self, key: str, required: bool = False) -> re.Pattern[str] | None:
        source = self.string(key, required=required)
        return None if source is None else self.compile(key, source)

    def compile(self, key: str, source: str) -> re.Pattern[str]:
        """``re.compile(source)``, or a PackError for a pattern that is invalid or out of bounds
        (see ``pattern_bounds_problem``): nothing a pack says may hang or exhaust the run."""
        if len(source) > MAX_PATTERN_CHARACTERS:
            too_long = f"{len(source):,} characters (at most {MAX_PATTERN_CHARACTERS:,})"
            raise self.error(key, f"invalid regular expression: too long: {too_long}")
        try:
            problem = pattern_bounds_problem(source)
            if problem is None:
                return re.compile(source)
        except (re.error, OverflowError, RecursionError, MemoryError) as error:  # OverflowError: a{99999999999}
            problem = str(error) or type(error).__name__
        raise self.error(key, f"invalid regular expression: {problem}")

    def day(self, key: str, value: object) -> datetime.date:
        """A date inside a parameter (``key`` names where, for the error): a YAML date or YYYY-MM-DD."""
        return parse_day(value, self._rule.path, self._rule.id, f"params.{key}")

    def raw(self, key: str, default: Any = None) -> Any:
        return self._get(key, default, False)

    def finish(self) -> None:
        unknown = set(self._data) - self._read
        if unknown:
            raise self.error(sorted(unknown)[0], "unknown parameter for kind " + self._rule.kind)


class ContextConditions(Protocol):
    """What the base class asks of ``lint.checks.context.Context`` (which imports this module)."""

    def line_local(self) -> bool: ...

    def allows_document(self, text: str) -> bool: ...

    def has_document_conditions(self) -> bool: ...

    def without_document_conditions(self) -> ContextConditions: ...


class Check(ABC):
    """One check kind. A subclass reads its params in ``configure`` and yields Findings in ``find``."""

    kind: ClassVar[str]
    default_fix: ClassVar[str] = "none"  # "safe", "unsafe" or "none" when the rule does not say
    # Strings of which every finding's document holds at least one (a literal every match contains);
    # None when unknown. The engine searches the document once for all rules' words and does not
    # run a rule none of whose words is there.
    required: frozenset[str] | None = None
    # "paragraph": a finding on a line depends only on that line's text (and the as-of day), so an
    # editor's re-lint may keep the findings of unchanged lines (lint.incremental); "document": it
    # looks across lines (numbering, consistency, tables of contents, wrapped lines ...).
    locality: ClassVar[str] = "document"

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        params = Params(rule)
        self.configure(params)
        params.finish()

    @property
    def fix_safety(self) -> str:
        """How certain this rule's fixes are: "safe", "unsafe", or "none" when it offers none."""
        return self.rule.fix or (self.default_fix if self.offers_fix else "none")

    @property
    def offers_fix(self) -> bool:
        return True

    @abstractmethod
    def configure(self, params: Params) -> None: ...

    def patterns(self) -> Iterable[re.Pattern[str] | None]:
        """The regular expressions this check runs over the document's text (not over a span it cut
        out): a paragraph-local kind's rule is paragraph-local only when none reaches across a line."""
        return ()

    def paragraph_local(self) -> bool:
        """Whether this check, run on one line by itself (``for_paragraphs``), finds there exactly
        what it finds on that line inside the whole document, given ``document_allows``."""
        from lint.checks.locality import line_local

        if self.locality != "paragraph" or not all(line_local(pattern) for pattern in self.patterns()):
            return False
        conditions = self._conditions()
        return conditions is None or conditions.line_local()

    def document_allows(self, text: str) -> bool:
        """The conditions a paragraph-local check puts on the whole document (only_if_document_matches …)."""
        conditions = self._conditions()
        return conditions is None or conditions.allows_document(text)

    def for_paragraphs(self) -> Check:
        """This check as run on one line alone: its conditions on the whole document left out (they
        are ``document_allows``'s)."""
        conditions = self._conditions()
        if conditions is None or not conditions.has_document_conditions():
            return self
        twin = copy.copy(self)
        setattr(twin, "context", conditions.without_document_conditions())  # noqa: B010 -- the kinds' attribute
        return twin

    def _conditions(self) -> ContextConditions | None:
        """The kind's conditions around a match (``self.context``, lint.checks.context), if it has them."""
        conditions: ContextConditions | None = getattr(self, "context", None)
        return conditions

    @abstractmethod
    def find(self, document: Document) -> Iterator[Finding]: ...

    def on(self, day: datetime.date) -> Check | None:
        """This check as it applies on ``day`` (the date the draft is judged at); None when it does not
        apply then. A kind whose params carry their own dates (``stale``) narrows itself here; the
        rule's own window (``since``/``until``) is the engine's business."""
        return self

    @classmethod
    def find_many(cls, checks: Sequence[Check], document: Document) -> Iterator[Iterable[Finding]]:
        """The findings of each of ``checks`` (all of this kind), one iterable per check, in order.

        Each must equal ``check.find(document)``. The engine calls this only for a kind that
        overrides it (see ``shares_work``), to share work between its rules: one scan for all their
        words, one pass over the document's structure. It takes the next iterable only when it
        has finished the one before, so the work for one rule is charged to that rule's budget.
        """
        return (check.find(document) for check in checks)

    @classmethod
    def shares_work(cls) -> bool:
        """Whether this kind's ``find_many`` does better than running its checks one by one."""
        return cls.find_many.__func__ is not Check.find_many.__func__  # type: ignore[attr-defined]  # a classmethod bound to a class has __func__; typeshed's Callable does not say so
