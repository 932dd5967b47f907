"""``gwlint rules`` and ``gwlint explain``: rule documentation from the same data the checks use."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lint.packs import Pack, Rule

FIX_LABEL = {"safe": "safe", "unsafe": "unsafe", "none": "—"}


def fix_label(rule: Rule) -> str:
    from lint.checks import build_checks

    return FIX_LABEL[build_checks([rule])[0].fix_safety]


def markdown_table(packs: Sequence[Pack]) -> str:
    lines = ["| rule | severity | fix | what it flags |", "| --- | --- | --- | --- |"]
    for pack in packs:
        for rule in pack.rules:
            flags = rule.title + ("" if rule.enabled else " (off by default)")
            lines.append(f"| `{rule.id}` | {rule.severity} | {fix_label(rule)} | {flags} |")
    return "\n".join(lines) + "\n"


def print_rules(packs: Sequence[Pack], form: str, stream: TextIO) -> None:
    if form == "markdown":
        stream.write(markdown_table(packs))
        return
    if form == "json":
        rules = [
            {"id": r.id, "pack": r.pack, "title": r.title, "severity": str(r.severity), "kind": r.kind,
             "fix": fix_label(r), "enabled": r.enabled}
            for p in packs for r in p.rules
        ]  # fmt: skip
        json.dump(rules, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for pack in packs:
        table = Table(title=f"{pack.name} — {pack.description}", title_justify="left")
        for column in ("rule", "severity", "kind", "fix", "title"):
            table.add_column(column)
        for rule in pack.rules:
            title = rule.title + ("" if rule.enabled else "（默认关闭）")
            table.add_row(rule.id, str(rule.severity), rule.kind, fix_label(rule), title)
        console.print(table)


def explain(packs: Sequence[Pack], name: str, stream: TextIO) -> int:
    from lint.engine import Linter

    rules = [r for p in packs for r in p.rules if r.id == name or r.pack == name]
    if not rules:
        sys.stderr.write(f"gwlint: error: unknown rule or pack '{name}' (see `gwlint rules`)\n")
        return 2
    console = Console(file=stream, highlight=False, soft_wrap=True)
    for rule in rules:
        console.print(Text(f"{rule.id}: {rule.title}", style="bold"))
        state = "" if rule.enabled else "，默认关闭（用 --select 启用）"
        console.print(f"级别 severity: {rule.severity}    类型 kind: {rule.kind}    修复 fix: {fix_label(rule)}{state}")
        console.print(Text("\n为什么 Why: ", style="bold") + Text(rule.rationale))
        console.print(Text("依据 Source: ", style="bold") + Text(rule.source))
        linter = Linter([rule])
        console.print(Text("\n错误示例 Bad:", style="bold red"))
        for example in rule.bad:
            console.print(f"  ✗ {example.text}")
            for diagnostic in linter.lint_text(example.text):
                console.print(f"      → {diagnostic.message}")
        console.print(Text("正确示例 Good:", style="bold green"))
        for text in rule.good:
            console.print(f"  ✓ {text}")
        console.print()
    return 0


def main(args: argparse.Namespace) -> int:
    from lint.setup import LinterSetupError, verified_packs

    try:
        packs = verified_packs(args.pack)
    except LinterSetupError as error:
        sys.stderr.write(f"gwlint: error: {error}\n")
        return 2
    if args.command == "rules":
        print_rules(packs, args.format, sys.stdout)
        return 0
    return explain(packs, args.rule, sys.stdout)
