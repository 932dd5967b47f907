"""The shape of the package: data flows one way, so no module imports one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "lint"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, known: set[str]) -> set[str]:
    """The lint modules ``path`` imports anywhere in it (at the top or inside a function)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & known
            found |= submodules
            if len(submodules) < len(node.names):  # some names come from the module itself
                found.add(node.module)
    return {name for name in found if name in known}


def graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(paths)
    return {name: imports(path, known) - {name} for name, path in paths.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_no_import_circle():
    edges = graph()
    edges.pop("lint", None)  # the package's lazy API (lint.Linter…) is the public front door, not a stage
    assert cycles(edges) == []


def test_the_cycle_finder_finds_one():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


CLI_ENTRY = {"lint.cli"}  # parses the arguments into a typed request (lint.request); nothing below it sees argparse


def imports_argparse(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "argparse" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "argparse":
            return True
    return False


def test_only_the_cli_imports_argparse():
    found = {module_name(path) for path in PACKAGE.rglob("*.py") if imports_argparse(path.read_text(encoding="utf-8"))}
    assert found - CLI_ENTRY == set()
    assert found == CLI_ENTRY  # the entry still parses with it (else this test checks nothing)


def test_the_argparse_finder_finds_every_form():
    assert imports_argparse("import argparse")
    assert imports_argparse("def f():\n    from argparse import Namespace")
    assert imports_argparse("import os, argparse as ap")
    assert not imports_argparse("import os  # argparse\nname = 'argparse'")
