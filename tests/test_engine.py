"""The engine: kinds that share work between their rules (``Check.find_many``) report exactly what
each rule reports alone, and a batch that fails hands its rules back to the engine one by one;
messages rendered on the fast path read exactly as the plain-fields Formatter renders them."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence

import pytest
from conftest import CLEAN, ROOT, SEEDS

from lint.checks import Check, Finding
from lint.engine import Linter, _kind_groups, _plain_fields_formatter, _plain_names, render_message
from lint.source import Document

TEXTS = sorted([*SEEDS.glob("*.txt"), *CLEAN.glob("*.txt"), *(ROOT / "tests" / "fixtures").glob("*.txt")])
# what the defaults put together: a heading series, in-paragraph series, quotes, marks, a URL
MIXED = (
    "一、总体要求\n一是加强学习，二是改进作风，四是严守纪律。\n（一）组织领导\n1.指导思想\n"
    '三、保障措施\n各单位要"高度重视",认真(按时)报送 http://example.com/a,b 等材料...\n'
    "二要突出重点。一要加强建设，二要巩固成果。附件：1.名单\n2.表格\n"
)


def documents() -> Iterator[Document]:
    for path in TEXTS:
        yield Document(path.name, path.read_text(encoding="utf-8"))
    yield Document("mixed", MIXED)
    yield Document("mixed-twice", MIXED * 2 + MIXED.replace("\n", ""))


@pytest.mark.parametrize("document", list(documents()), ids=lambda d: d.path)
def test_batches_find_what_each_rule_finds_alone(linter: Linter, document: Document) -> None:
    batching = [group for group in _kind_groups(linter.checks) if type(group[0]).shares_work()]
    assert batching, "no kind shares work: this test checks nothing"
    for group in batching:
        together = [list(findings) for findings in type(group[0]).find_many(group, document)]
        alone = [list(check.find(document)) for check in group]
        assert together == alone, type(group[0]).kind


@pytest.mark.parametrize("document", list(documents()), ids=lambda d: d.path)
def test_the_engine_reports_what_every_rule_finds_alone(linter: Linter, document: Document) -> None:
    """Leaving out the rules whose required words are absent, and batching, change nothing (among the
    checks in force on the day the document is judged at: dated rules outside their window do not run)."""
    day = datetime.date.today()
    alone = sorted(
        (check.rule.id, finding.start, finding.end)
        for check in linter.checks_on(day)
        for finding in check.find(document)
    )
    reported = sorted((d.rule, d.span.start, d.span.end) for d in linter.run(document, None, day).diagnostics)
    assert reported == sorted(set(alone))
    assert any(check.required is not None for check in linter.checks)


def test_a_kind_that_shares_no_work_is_run_rule_by_rule() -> None:
    assert not Check.shares_work()


class _Exploding(Exception):
    pass


def _failing_batch(failing_rule: str) -> classmethod:  # type: ignore[type-arg]
    def find_many(cls: type[Check], checks: Sequence[Check], document: Document) -> Iterator[list[Finding]]:
        for check in checks:
            if check.rule.id == failing_rule:
                raise _Exploding("batch broke here")
            yield list(check.find(document))

    return classmethod(find_many)


def test_a_failing_batch_hands_its_rules_back_one_by_one(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    document = Document("mixed", MIXED)
    expected = linter.run(document, None)
    numbering = [c for c in linter.checks if c.rule.kind == "numbering"]
    assert len(numbering) > 2 and type(numbering[0]).shares_work()
    monkeypatch.setattr(type(numbering[0]), "find_many", _failing_batch(numbering[1].rule.id))
    outcome = linter.run(document, None)
    assert outcome.problems == []  # the rule where the batch broke runs alone and succeeds
    assert outcome.diagnostics == expected.diagnostics
    assert any(d.rule.startswith("numbering.") for d in outcome.diagnostics)


def test_a_rule_that_fails_inside_a_batch_is_the_one_reported(linter: Linter, monkeypatch: pytest.MonkeyPatch) -> None:
    document = Document("mixed", MIXED)
    numbering = [c for c in linter.checks if c.rule.kind == "numbering"]
    broken = numbering[1]
    original_find = type(broken).find

    def find(self: Check, document: Document) -> Iterator[Finding]:
        if self is broken:
            raise _Exploding("this rule only")
        return original_find(self, document)

    monkeypatch.setattr(type(broken), "find", find)
    monkeypatch.setattr(type(broken), "find_many", _failing_batch(broken.rule.id))
    outcome = linter.run(document, None)
    assert len(outcome.problems) == 1
    assert outcome.problems[0].startswith(f"rule {broken.rule.id} failed")
    reported = {d.rule for d in outcome.diagnostics}
    assert broken.rule.id not in reported
    assert reported & {c.rule.id for c in numbering if c is not broken}


FIELDS = {"match": "四", "replacement": "三", "earlier": "二", "expected": "三", "匹配": "甲"}
ODD = [
    "a{match}b",
    "{{match}}",
    "x{{{match}}}y",
    "{match.__class__}",
    "{match[0]}",
    "{nope}",
    "{match!r}",
    "{match:>3}",
    "{match:}",
    "{",
    "}",
    "{0}",
    "{}",
    "{匹配}",
    "",
    "无字段",
]


def formatter_reference(template: str, fields: dict[str, str]) -> str:
    try:
        return _plain_fields_formatter().vformat(template, (), fields)
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return template


def test_every_rule_message_renders_as_the_formatter_does(linter: Linter) -> None:
    fast = 0
    for check in linter.checks:
        template = check.rule.message
        fast += _plain_names(template) is not None
        assert render_message(template, FIELDS) == formatter_reference(template, FIELDS), check.rule.id
    assert fast > len(linter.checks) // 2  # the fast path is taken, not only the fallback


@pytest.mark.parametrize("template", ODD)
def test_odd_templates_render_as_the_formatter_does(template: str) -> None:
    assert render_message(template, FIELDS) == formatter_reference(template, FIELDS)
    assert render_message(template, {}) == formatter_reference(template, {})


def test_attributes_and_items_stay_out_of_reach() -> None:
    assert _plain_names("{match.__class__}") is None
    assert _plain_names("{match[0]}") is None
    assert render_message("{match.__class__}", FIELDS) == "{match.__class__}"


def _same_span_rules(fix_two: str = "的") -> list:
    import dataclasses

    from pack_helpers import make_rule

    from lint.diagnostics import Severity

    one = make_rule("pattern", {"regex": "(?<=坚定)地(?=步伐)", "replacement": "的"}, id="words.listed")
    two = make_rule("pattern", {"regex": "(?<=定)地(?=步)", "replacement": fix_two}, id="tags.tagged")
    return [dataclasses.replace(one, severity=Severity.INFO, fix="unsafe"), dataclasses.replace(two, fix="unsafe")]


def test_two_rules_with_the_same_span_and_fix_give_one_diagnostic_naming_both() -> None:
    """The more severe is kept (here the second by id) and names the other in ``also``."""
    diagnostics = Linter(_same_span_rules()).lint_text("迈着坚定地步伐前进。")
    assert [(d.rule, d.also, d.matched) for d in diagnostics] == [("tags.tagged", ("words.listed",), "地")]
    assert diagnostics[0].to_dict()["also"] == ["words.listed"]


def test_the_same_span_with_different_fixes_stays_two_diagnostics() -> None:
    diagnostics = Linter(_same_span_rules(fix_two="得")).lint_text("迈着坚定地步伐前进。")
    assert [(d.rule, d.also) for d in diagnostics] == [("tags.tagged", ()), ("words.listed", ())]


def test_a_suppressed_rule_leaves_the_other_rule_its_diagnostic() -> None:
    text = "<!-- gwlint-disable-next-line tags.tagged -- checked -->\n迈着坚定地步伐前进。"
    diagnostics = Linter(_same_span_rules()).lint_text(text)
    assert [(d.rule, d.also) for d in diagnostics] == [("words.listed", ())]


def _nested_rules(inner_fix: str | None = "得") -> list:
    """A clause-level rule (做的很好 → 做得很好) and a word-level one inside it (的 → 得)."""
    import dataclasses

    from pack_helpers import make_rule

    from lint.diagnostics import Severity

    outer = make_rule("pattern", {"regex": "做的很好", "replacement": "做得很好"}, id="clause.outer")
    params = {"regex": "(?<=做)的(?=很)"} | ({} if inner_fix is None else {"replacement": inner_fix})
    inner = make_rule("pattern", params, id="word.inner")
    return [dataclasses.replace(outer, fix="unsafe"), dataclasses.replace(inner, severity=Severity.INFO, fix="unsafe")]


def test_a_finding_inside_another_with_the_same_correction_is_one_diagnostic() -> None:
    diagnostics = Linter(_nested_rules()).lint_text("这项工作做的很好。")
    assert [(d.rule, d.also, d.matched) for d in diagnostics] == [("clause.outer", ("word.inner",), "做的很好")]


def test_a_finding_inside_another_with_another_correction_stays_apart() -> None:
    diagnostics = Linter(_nested_rules(inner_fix="地")).lint_text("这项工作做的很好。")
    assert [(d.rule, d.also) for d in diagnostics] == [("clause.outer", ()), ("word.inner", ())]


def test_a_finding_without_a_fix_inside_another_stays_apart() -> None:
    diagnostics = Linter(_nested_rules(inner_fix=None)).lint_text("这项工作做的很好。")
    assert [(d.rule, d.also) for d in diagnostics] == [("clause.outer", ()), ("word.inner", ())]


def test_nested_findings_in_two_places_merge_each_with_its_own() -> None:
    diagnostics = Linter(_nested_rules()).lint_text("这项工作做的很好，那项也做的很好。")
    assert [(d.rule, d.also, d.span.column) for d in diagnostics] == [
        ("clause.outer", ("word.inner",), 5),
        ("clause.outer", ("word.inner",), 13),
    ]


def test_a_merged_fix_is_safe_when_either_rule_was_sure_of_it() -> None:
    """The warning (unsafe) keeps the report; the info rule's safe fix of the same text keeps --fix making it."""
    import dataclasses

    rules = _nested_rules()
    rules = [rules[0], dataclasses.replace(rules[1], fix="safe")]
    (found,) = Linter(rules).lint_text("这项工作做的很好。")
    assert (found.rule, found.also) == ("clause.outer", ("word.inner",))
    assert found.fix is not None and found.fix.safe and found.fix.replacement == "做得很好"
