"""Inline suppression comments, and the meta rule that reports the ones that suppress nothing.

    <!-- gwlint-disable-next-line RULE -- reason -->   the next non-blank line
    <!-- gwlint-disable RULE, PACK -->                 from here to <!-- gwlint-enable --> (or the end)
    <!-- gwlint-enable RULE -->                        ends the suppression of RULE only

RULE is a rule id or a pack name; several are separated by commas or spaces; none means every rule.
In Markdown a comment counts wherever it stands. In plain text (where a comment is not hidden from
the reader) it counts only on a line of its own, so prose that quotes the syntax is not an instruction.
"""

from __future__ import annotations

import bisect
import heapq
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
    alone = _LineEdges(document)
    # An opening never closed matches nothing, and a search from each such opening to the end of the
    # text would be quadratic: the search stops at the last ``-->``.
    for match in COMMENT.finditer(text, 0, text.rfind("-->") + 3):
        if not markdown and not alone(match.start(), match.end()):
            continue
        body = match.group(2).split(" -- ", 1)[0].split("--", 1)[0]
        selectors = tuple(part for part in re.split(r"[\s,，]+", body) if part)
        found.append(Directive(match.group(1), selectors, match.start(), match.end()))
    return found


class _LineEdges:
    """``alone(start, end)``: whether text[start:end] stands alone on its line (only blanks around it).

    Each line's first and last visible character are found once, however many comments it holds.
    """

    def __init__(self, document: Document) -> None:
        self._document = document
        self._edges: dict[int, tuple[int, int]] = {}

    def __call__(self, start: int, end: int) -> bool:
        line, _ = self._document.position(start)
        end_line, _ = self._document.position(end)
        if end_line != line:  # a comment over several lines: alone if nothing precedes or follows it
            return self._line_edges(line)[0] == start and self._line_edges(end_line)[1] == end
        return self._line_edges(line) == (start, end)

    def _line_edges(self, line: int) -> tuple[int, int]:
        if line not in self._edges:
            content = self._document.line_text(line)
            start = self._document.line_starts[line - 1]
            stripped = content.lstrip()
            first = start + len(content) - len(stripped)
            self._edges[line] = (first, first + len(stripped.rstrip()))
        return self._edges[line]


def regions(document: Document, directives: Sequence[Directive]) -> list[Region]:
    """Character ranges each directive's selectors cover."""
    out: list[Region] = []
    open_blocks: dict[str, list[Directive]] = {}  # selector ("" for every rule) -> the disables open for it
    next_lines = _NextContentLines(document)
    for directive in directives:
        selectors = directive.selectors or ("",)
        if directive.action == "disable-next-line":
            line_start, line_end = next_lines.after(directive.end)
            out.extend(Region(directive, s, line_start, line_end) for s in selectors if line_start < line_end)
        elif directive.action == "disable":
            for selector in selectors:
                open_blocks.setdefault(selector, []).append(directive)
        else:
            closed = directive.selectors or tuple(open_blocks)
            for selector in dict.fromkeys(closed):
                out.extend(
                    Region(block, selector, block.end, directive.start) for block in open_blocks.pop(selector, ())
                )
    end = len(document.source_text)
    out.extend(Region(block, s, block.end, end) for s, blocks in open_blocks.items() for block in blocks)
    return out


class _NextContentLines:
    """``after(offset)``: (start, end) of the first line after the one holding ``offset`` that has
    visible text, or (0, 0). Asked in order of ``offset`` (as directives come), each line is read once:
    the lines skipped for one directive are not read again for the next."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._searched_to = 0  # every line up to this one (1-based) has been looked at
        self._found: tuple[int, int, int] | None = None  # (line, start, end) of the last content line found
        self._asked = 0

    def after(self, offset: int) -> tuple[int, int]:
        line, _ = self._document.position(offset)
        if line < self._asked:  # asked out of order: start over
            self._searched_to, self._found = 0, None
        self._asked = line
        if self._found is not None and self._found[0] > line:
            return self._found[1], self._found[2]
        document = self._document
        for number in range(max(line, self._searched_to) + 1, len(document.line_starts) + 1):
            self._searched_to = number
            content = document.line_text(number)
            if content.strip() and not COMMENT.fullmatch(content.strip()):
                start = document.line_starts[number - 1]
                self._found = (number, start, start + len(content))
                return start, start + len(content)
        return 0, 0


class _Coverage:
    """Which regions cover each diagnostic, for diagnostics asked in order of their start.

    A sweep over the regions' starts and ends keeps, per selector, how many regions cover the
    current offset and which of those have not suppressed anything yet; a region is marked used
    once, so many regions and many diagnostics cost their sum, not their product.
    """

    def __init__(self, regions: Sequence[Region]) -> None:
        self._regions = sorted(regions, key=lambda region: region.start)
        self._next = 0
        self._ends: list[tuple[int, int, Region]] = []  # a heap of (end, number, region) of the open regions
        self._open: dict[str, int] = {}
        self._unused: dict[str, dict[int, Region]] = {}

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        """Whether a region covers the diagnostic's start for its rule, its pack or every rule; marks them used."""
        self._move_to(diagnostic.span.start)
        hit = False
        for selector in {"", diagnostic.rule, diagnostic.pack}:
            if self._open.get(selector):
                hit = True
                waiting = self._unused.pop(selector, {})
                for region in waiting.values():
                    region.directive.used.add(selector)
        return hit

    def _move_to(self, offset: int) -> None:
        regions = self._regions
        while self._next < len(regions) and regions[self._next].start <= offset:
            region = regions[self._next]
            heapq.heappush(self._ends, (region.end, self._next, region))
            self._open[region.selector] = self._open.get(region.selector, 0) + 1
            self._unused.setdefault(region.selector, {})[self._next] = region
            self._next += 1
        while self._ends and self._ends[0][0] <= offset:
            _, number, region = heapq.heappop(self._ends)
            self._open[region.selector] -= 1
            self._unused.get(region.selector, {}).pop(number, None)


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
    covered = _Coverage(regions(document, directives))
    comment_starts = [directive.start for directive in directives]
    dropped = set()
    for number in sorted(range(len(diagnostics)), key=lambda n: diagnostics[n].span.start):
        at = diagnostics[number].span.start
        index = bisect.bisect_right(comment_starts, at) - 1
        if index >= 0 and at < directives[index].end:
            dropped.add(number)  # the comment is gwlint's own markup, not prose (plain text does not hide it)
        elif covered.suppresses(diagnostics[number]):
            dropped.add(number)
    kept = [diagnostic for number, diagnostic in enumerate(diagnostics) if number not in dropped]
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
