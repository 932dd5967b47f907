"""Inline suppression comments, and the meta rule that reports the ones that suppress nothing.

    <!-- gwlint-disable-next-line RULE -- reason -->   the next non-blank line
    <!-- gwlint-disable RULE, PACK -->                 from here to <!-- gwlint-enable --> (or the end)
    <!-- gwlint-enable RULE -->                        ends the suppression of RULE only

RULE is a rule id or a pack name; several are separated by commas or spaces; none means every rule.
In Markdown a comment counts wherever it stands. In plain text (where a comment is not hidden from
the reader) it counts only on a line of its own, so prose that quotes the syntax is not an instruction.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from lint.diagnostics import Diagnostic, Severity, Span
from lint.packs import BadExample, GoodExample, Pack, Rule
from lint.regexes import compiled
from lint.source import Document

META_PACK = "gwlint"
UNUSED_SUPPRESSION = "gwlint.unused-suppression"
MARKDOWN_SUFFIXES = (".md", ".markdown")

COMMENT = compiled(r"<!--\s*gwlint-(disable-next-line|disable|enable)\b(.*?)-->", re.DOTALL)


@dataclass(frozen=True)
class SuppressionPolicy:
    """What a Linter knows when judging suppressions: every existing rule and pack, and whether to
    report unused ones. A suppression naming a rule that exists but is not selected is left alone."""

    known: frozenset[str]
    report_unused: bool = True


@dataclass
class Directive:
    action: str  # "disable-next-line", "disable" or "enable"
    selectors: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    used: set[str] = field(default_factory=set)  # selectors ("" for all) that suppressed something


@dataclass(frozen=True)
class Region:
    directive: Directive
    selector: str  # "" for every rule
    start: int
    end: int


def parse_directives(document: Document) -> list[Directive]:
    text = document.source_text
    markdown = document.path.lower().endswith(MARKDOWN_SUFFIXES)
    found = []
    for match in COMMENT.finditer(text):
        if not markdown and not _alone_on_its_line(text, match.start(), match.end()):
            continue
        body = match.group(2).split(" -- ", 1)[0].split("--", 1)[0]
        selectors = tuple(part for part in re.split(r"[\s,，]+", body) if part)
        found.append(Directive(match.group(1), selectors, match.start(), match.end()))
    return found


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = len(text)
    for sep in "\r\n":
        at = text.find(sep, end)
        if at != -1:
            line_end = min(line_end, at)
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def regions(document: Document, directives: Sequence[Directive]) -> list[Region]:
    """Character ranges each directive's selectors cover."""
    out: list[Region] = []
    open_blocks: list[tuple[Directive, str]] = []
    for directive in directives:
        selectors = directive.selectors or ("",)
        if directive.action == "disable-next-line":
            line_start, line_end = _next_content_line(document, directive.end)
            out.extend(Region(directive, s, line_start, line_end) for s in selectors if line_start < line_end)
        elif directive.action == "disable":
            open_blocks.extend((directive, s) for s in selectors)
        else:
            closing = [b for b in open_blocks if not directive.selectors or b[1] in directive.selectors]
            out.extend(Region(block, s, block.end, directive.start) for block, s in closing)
            open_blocks = [b for b in open_blocks if b not in closing]
    end = len(document.source_text)
    out.extend(Region(block, s, block.end, end) for block, s in open_blocks)
    return out


def _next_content_line(document: Document, offset: int) -> tuple[int, int]:
    """(start, end) of the first line after the one holding ``offset`` that has visible text."""
    line, _ = document.position(offset)
    for number in range(line + 1, len(document.line_starts) + 1):
        content = document.line_text(number)
        if content.strip() and not COMMENT.fullmatch(content.strip()):
            start = document.line_starts[number - 1]
            return start, start + len(content)
    return 0, 0


def _covers(selector: str, diagnostic: Diagnostic) -> bool:
    return selector in ("", diagnostic.rule, diagnostic.pack)


def apply_suppressions(
    document: Document, diagnostics: Sequence[Diagnostic], active: Collection[str], policy: SuppressionPolicy | None
) -> list[Diagnostic]:
    """Drop suppressed diagnostics; add one ``gwlint.unused-suppression`` per selector that did nothing.

    ``active`` holds the rule ids and pack names in force, so that a suppression of a rule this run
    does not check is not called unused.
    """
    directives = parse_directives(document)
    if not directives:
        return list(diagnostics)
    covered = regions(document, directives)
    kept = []
    for diagnostic in diagnostics:
        if any(d.start <= diagnostic.span.start < d.end for d in directives):
            continue  # the comment is gwlint's own markup, not prose (plain text does not hide it)
        hits = [r for r in covered if r.start <= diagnostic.span.start < r.end and _covers(r.selector, diagnostic)]
        for region in hits:
            region.directive.used.add(region.selector)
        if not hits:
            kept.append(diagnostic)
    if policy is None or policy.report_unused:
        kept.extend(_unused(document, directives, active, policy))
        kept.sort(key=Diagnostic.sort_key)
    return kept


def _unused(
    document: Document, directives: Iterable[Directive], active: Collection[str], policy: SuppressionPolicy | None
) -> Iterable[Diagnostic]:
    known = policy.known if policy is not None else frozenset(active)
    for directive in directives:
        if directive.action == "enable":
            continue
        comment = document.source_text[directive.start : directive.end]
        span = document.span(directive.start, directive.end)
        if not directive.selectors and "" not in directive.used:
            yield _unused_diagnostic(document.path, span, comment, "此处没有任何需要屏蔽的问题")
        for selector in directive.selectors:
            if selector in directive.used:
                continue
            if selector not in known:
                yield _unused_diagnostic(document.path, span, comment, f"“{selector}”不是已知的规则或规则包")
            elif selector in active:
                yield _unused_diagnostic(document.path, span, comment, f"此处没有“{selector}”的问题")


def _unused_diagnostic(path: str, span: Span, comment: str, why: str) -> Diagnostic:
    return Diagnostic(
        path=path,
        span=span,
        rule=UNUSED_SUPPRESSION,
        severity=META_RULE.severity,
        message=f"无用的屏蔽注释：{why}，请删除该注释或改正其中的规则名",
        matched=comment,
    )


META_RULE = Rule(
    id=UNUSED_SUPPRESSION,
    pack=META_PACK,
    title="无用的屏蔽注释",
    severity=Severity.WARNING,
    kind="meta",
    message="无用的屏蔽注释：……，请删除该注释或改正其中的规则名",
    rationale="屏蔽注释过时或写错规则名后，会悄悄掩盖以后出现的真问题。",
    source="gwlint（内置元规则）",
    params={},
    fix=None,
    enabled=True,
    bad=(BadExample("<!-- gwlint-disable-next-line placeholder -->\n全县共有32个村。"),),
    good=(GoodExample("<!-- gwlint-disable-next-line placeholder -- 引用原文 -->\n**县是革命老区。"),),
    path="<built-in>",
)

META = Pack(META_PACK, "gwlint 自身的元规则（屏蔽注释）", "<built-in>", (META_RULE,))


def meta_selected(select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether the meta rule is in force under the same select/ignore logic as pack rules."""

    def hits(selectors: Sequence[str]) -> bool:
        return UNUSED_SUPPRESSION in selectors or META_PACK in selectors

    return (not select or hits(select)) and not hits(ignore)


def is_meta(selector: str) -> bool:
    return selector in (META_PACK, UNUSED_SUPPRESSION)
