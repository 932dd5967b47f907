"""A rule's explanation as Markdown for a hover: what ``gwlint explain RULE`` prints, from the same data.

Rationale, source, when the rule applies (its dated changes, see ``Rule.timeline``), bad examples
with the message each raises, good examples. Text from packs is escaped, examples are code spans,
and there are no links.
"""

from __future__ import annotations

from lint.docs import bad_examples, dated, fix_label, when
from lint.packs import Rule

MARKDOWN_SPECIALS = str.maketrans({char: "\\" + char for char in "\\`*_[]<>#|~"})


def escaped(text: str) -> str:
    """Pack text shown as it is written, not read as Markdown (``**县`` stays two asterisks)."""
    return text.translate(MARKDOWN_SPECIALS)


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, fenced with more backticks than it holds in a row."""
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def explanation(rule: Rule) -> str:
    """The hover text of one rule."""
    state = "" if rule.enabled else "，默认关闭（用 --select 启用）"
    lines = [
        f"**{escaped(rule.id)}**: {escaped(rule.title)}",
        "",
        f"级别 severity: {rule.severity} · 类型 kind: {escaped(rule.kind)} · 修复 fix: {fix_label(rule)}{state}",
        "",
        f"**为什么 Why:** {escaped(rule.rationale)}",
        "",
        f"**依据 Source:** {escaped(rule.source)}",
    ]
    period = when(rule)
    if period:
        lines += ["", f"**适用时间 When:** {escaped(period)}"]
    lines += ["", "**错误示例 Bad:**", ""]
    for example, messages in bad_examples(rule):
        lines.append(f"- ✗ {code_span(example.text)}{dated(example.as_of)}")
        lines.extend(f"  - → {escaped(message)}" for message in messages)
    lines += ["", "**正确示例 Good:**", ""]
    lines.extend(f"- ✓ {code_span(good.text)}{dated(good.as_of)}" for good in rule.good)
    return "\n".join(lines)
