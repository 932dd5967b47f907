"""Check kinds, registered by name; each lives in its own module and is imported only when used."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module

from lint.checks.base import Check, Finding, Params
from lint.packs import PackError, Rule

KIND_MODULES = {
    "pattern": "lint.checks.pattern",
    "substitution": "lint.checks.substitution",
    "lexicon": "lint.checks.lexicon",
    "repetition": "lint.checks.repetition",
    "duplicate": "lint.checks.duplicate",
    "names": "lint.checks.names",
    "width": "lint.checks.width",
    "pairing": "lint.checks.pairing",
    "numbering": "lint.checks.numbering",
    "consistency": "lint.checks.consistency",
    "collocation": "lint.checks.collocation",
    "stale": "lint.checks.stale",
    "toc": "lint.checks.toc",
    "tagged": "lint.checks.tagged",
    "split_word": "lint.checks.split_word",
    "near_idiom": "lint.checks.near_idiom",
    "near_phrase": "lint.checks.near_phrase",
    "calendar": "lint.checks.calendar",
    "enumeration": "lint.checks.enumeration",
    "broken_line": "lint.checks.broken_line",
    "heading_marks": "lint.checks.heading_marks",
    "item_stops": "lint.checks.item_stops",
    "compatibility": "lint.checks.compatibility",
    "known_titles": "lint.checks.known_titles",
    "self_reference": "lint.checks.self_reference",
}

__all__ = ["KIND_MODULES", "Check", "Finding", "Params", "build_checks", "check_class"]


def check_class(kind: str) -> type[Check] | None:
    module = KIND_MODULES.get(kind)
    return None if module is None else import_module(module).CHECK


def build_checks(rules: Sequence[Rule]) -> list[Check]:
    checks = []
    for rule in rules:
        cls = check_class(rule.kind)
        if cls is None:
            known = ", ".join(sorted(KIND_MODULES))
            raise PackError(rule.path, f"unknown check kind '{rule.kind}' (known: {known})", rule.id, "kind")
        try:
            checks.append(cls(rule))
        except PackError:
            raise
        except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as error:  # params no reader foresaw
            raise PackError(rule.path, f"cannot build the rule: {error}", rule.id, "params") from None
    return checks
