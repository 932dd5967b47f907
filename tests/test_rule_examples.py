"""Every example of every built-in rule runs as its own test case (textlint-tester style).

A bad example must raise its rule (and, when it says ``fixed``, fix to exactly that text) with all
packs loaded; a good example must not raise it.
"""

from __future__ import annotations

import pytest

from lint.fixer import apply_fixes
from lint.packs import load_packs

RULES = [rule for pack in load_packs() for rule in pack.rules]
BAD = [pytest.param(rule, example, id=f"{rule.id}-bad{i}") for rule in RULES for i, example in enumerate(rule.bad)]
GOOD = [pytest.param(rule, text, id=f"{rule.id}-good{i}") for rule in RULES for i, text in enumerate(rule.good)]


@pytest.mark.parametrize(("rule", "example"), BAD)
def test_bad_example_raises_its_rule(linter, rule, example):
    found = [d for d in linter.lint_text(example.text) if d.rule == rule.id]
    assert found, f"{rule.id} did not fire on {example.text!r}"
    if example.fixed is not None:
        fixed, _ = apply_fixes(example.text, found, unsafe=True)
        assert fixed == example.fixed


@pytest.mark.parametrize(("rule", "text"), GOOD)
def test_good_example_is_silent(linter, rule, text):
    found = [d for d in linter.lint_text(text) if d.rule == rule.id]
    assert not found, f"{rule.id} fired on good example: {[d.matched for d in found]}"


def test_every_rule_has_examples():
    assert RULES
    for rule in RULES:
        assert rule.bad and rule.good, rule.id
