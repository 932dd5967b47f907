"""Helpers for the content-pack tests: which rules of a pack fire on a text, and what they match."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lint.packs import Rule

if TYPE_CHECKING:
    from lint.engine import Linter


def hits(linter, text: str, pack: str) -> list[tuple[str, str]]:
    """(rule slug, matched text) for every rule of ``pack`` that found something in ``text``: a
    diagnostic's own rule and those merged into it (``also``: the same span and fix), by rule id."""
    return [
        (rule.split(".", 1)[1], d.matched)
        for d in linter.lint_text(text)
        for rule in sorted((d.rule, *d.also))
        if rule.split(".", 1)[0] == pack
    ]


def fixed(linter, text: str, pack: str) -> str:
    from lint.fixer import apply_fixes

    diagnostics = [d for d in linter.lint_text(text) if any(rule.startswith(f"{pack}.") for rule in (d.rule, *d.also))]
    return apply_fixes(text, diagnostics, unsafe=True)[0]


# A pack with two safely fixable rules; tests append rules of their own.
DEMO_PACK = """\
pack: demo
description: 测试用规则包
rules:
  - id: old-name
    title: 旧称
    severity: warning
    kind: pattern
    message: "“{match}”应改为“{replacement}”"
    rationale: 测试。
    source: 测试
    fix: safe
    params: {words: [计划委员会], replacement: 发展和改革委员会}
    examples: {bad: [{text: "计划委员会发文。", fixed: "发展和改革委员会发文。"}], good: ["发展和改革委员会发文。"]}
  - id: double-de
    title: 重复的“的”
    severity: warning
    kind: pattern
    message: "“{match}”重复，应为“的”"
    rationale: 测试。
    source: 测试
    fix: safe
    params: {regex: 的的, replacement: 的}
    examples: {bad: [{text: "我们的的工作", fixed: "我们的工作"}], good: ["我们的工作"]}
"""


# One rule whose regex backtracks catastrophically on a long run of "a" not at a line end.
CATASTROPHIC_PACK = """\
pack: team
description: 一条会灾难性回溯的规则
rules:
  - id: trailing-a
    title: 行尾的a
    severity: warning
    kind: pattern
    message: "“{match}”"
    rationale: 测试。
    source: 测试
    params: {regex: "(a+)+$"}
    examples: {bad: ["aaa"], good: ["好"]}
"""


def without_builtin_packs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave the built-in packs out until the test ends.

    lint.plans imports ``builtin_pack_paths`` by name: it is imported before lint.packs is patched,
    or a first import during the test would keep the patched function for the rest of the run.
    """
    from lint import packs, plans

    monkeypatch.setattr(plans, "builtin_pack_paths", list)
    monkeypatch.setattr(packs, "builtin_pack_paths", list)


def only_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    """Write ``text`` as packs/demo.yaml and leave the built-in packs out, so a test sees only it."""
    without_builtin_packs(monkeypatch)
    path = tmp_path / "packs" / "demo.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def make_rule(kind: str, params: dict[str, object], id: str = "test.rule") -> Rule:
    from lint.diagnostics import Severity

    return Rule(
        id=id, pack="test", title="t", severity=Severity.ERROR, kind=kind, message="m",
        rationale="r", source="s", params=params, fix=None, enabled=True, bad=(), good=(), path="test.yaml",
    )  # fmt: skip


def found(kind: str, text: str, **params: object) -> list[tuple[str, str | None]]:
    """(matched, replacement) of every finding of a ``pattern`` or ``substitution`` rule made of ``params``."""
    from lint.checks.pattern import PatternCheck
    from lint.checks.substitution import SubstitutionCheck
    from lint.source import Document

    cls = PatternCheck if kind == "pattern" else SubstitutionCheck
    check = cls(make_rule(kind, params))
    return [(text[f.start : f.end], f.replacement) for f in check.find(Document("t", text))]


def one_rule_linter(kind: str, params: str, message: str, bad: str, good: str) -> Linter:
    """A linter of one rule of ``kind``, written as a pack (so its params and examples are checked as a
    pack's are): ``params`` in YAML flow style, ``bad`` and ``good`` one example each."""
    from lint.engine import Linter
    from lint.packs import parse_pack

    pack = (
        f"pack: t\nrules:\n  - {{id: rule, title: t, severity: warning, kind: {kind}, message: '{message}',"
        f" rationale: r, source: s, params: {params}, examples: {{bad: ['{bad}'], good: ['{good}']}}}}\n"
    )
    return Linter(list(parse_pack(pack, "t.yaml").rules))


def one_rule_error_field(kind: str, params: str, message: str, bad: str, good: str) -> str | None:
    """The field the PackError names when a one-rule pack of ``kind`` is built (see ``one_rule_linter``)."""
    from lint.packs import PackError

    try:
        one_rule_linter(kind, params, message, bad, good)
    except PackError as error:
        return error.field
    raise AssertionError("the pack built without an error")
