"""Every example of every built-in rule runs as its own test case (textlint-tester style).

A bad example must raise its rule (and, when it says ``fixed``, fix to exactly that text) with all
packs loaded, possibly as the ``also`` of another rule's diagnostic with the same span and fix; a good
example must not raise it.
"""

from __future__ import annotations

import datetime

import pytest

from lint.fixer import apply_fixes
from lint.packs import load_packs

RULES = [rule for pack in load_packs() for rule in pack.rules]
BAD = [pytest.param(rule, example, id=f"{rule.id}-bad{i}") for rule in RULES for i, example in enumerate(rule.bad)]
GOOD = [pytest.param(rule, good, id=f"{rule.id}-good{i}") for rule in RULES for i, good in enumerate(rule.good)]


@pytest.fixture(scope="module")
def linter_of(linter):
    """The session's linter for a rule in force by default; for one that is off by default (enabled: false),
    the default rules and that one, as ``--select`` gives a user: its examples are run all the same."""
    from lint.engine import Linter

    built = {}

    def of(rule):
        if rule.enabled:
            return linter
        if rule.id not in built:
            built[rule.id] = Linter([r for r in RULES if r.enabled or r.id == rule.id])
        return built[rule.id]

    return of


def example_day(rule, example) -> datetime.date:
    """The day an example is judged at: its own, or one inside its rule's window."""
    return example.as_of or rule.example_day(datetime.date.today())


@pytest.mark.parametrize(("rule", "example"), BAD)
def test_bad_example_raises_its_rule(linter_of, rule, example):
    found = [
        d
        for d in linter_of(rule).lint_text(example.text, as_of=example_day(rule, example))
        if rule.id in (d.rule, *d.also)
    ]
    assert found, f"{rule.id} did not fire on {example.text!r}"
    if example.fixed is not None:
        fixed, _ = apply_fixes(example.text, found, unsafe=True)
        assert fixed == example.fixed


@pytest.mark.parametrize(("rule", "good"), GOOD)
def test_good_example_is_silent(linter_of, rule, good):
    found = [
        d for d in linter_of(rule).lint_text(good.text, as_of=example_day(rule, good)) if rule.id in (d.rule, *d.also)
    ]
    assert not found, f"{rule.id} fired on good example: {[d.matched for d in found]}"


def test_a_rule_off_by_default_is_not_in_force_but_its_examples_run(linter, linter_of):
    off = [rule for rule in RULES if not rule.enabled]
    assert off, "no built-in rule is off by default"
    for rule in off:
        assert rule.id not in {check.rule.id for check in linter.checks}
        assert rule.id in {check.rule.id for check in linter_of(rule).checks}


def test_every_rule_has_examples():
    assert RULES
    for rule in RULES:
        assert rule.bad and rule.good, rule.id
