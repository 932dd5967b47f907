"""A pack's regular expression that would hang or exhaust the run is a pack error naming the rule
(exit 2), found before it is compiled: huge repetition counts, nested repetitions that multiply,
very long patterns, nesting too deep for the parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.checks.base import MAX_PATTERN_CHARACTERS, pattern_bounds_problem
from lint.cli import main
from lint.packs import load_packs

PACK = """\
pack: team
description: 测试
rules:
  - id: huge
    title: 大重复
    severity: warning
    kind: pattern
    message: "“{{match}}”"
    rationale: 测试。
    source: 测试
    params: {{regex: '{regex}|好好'}}
    examples: {{bad: ["好好"], good: ["好"]}}
"""


@pytest.mark.parametrize(
    ("regex", "reason"),
    [
        ("a{1000000000}", "repetition count 1,000,000,000 is over 10,000"),
        ("(?:a{1,20000})?", "repetition count 20,000 is over 10,000"),
        ("(?:(?:a{1000}){1000}){1000}", "nested repetitions multiply to 1,000,000,000, over 1,000,000"),
        ("a{99999999999999999999}", "invalid regular expression: the repetition number is too large"),
        ("(?:" * 3000 + "a" + ")" * 3000, "invalid regular expression: maximum recursion depth exceeded"),
        ("[a-z\u4e00-\u9fff]" * 8000, "invalid regular expression: too long: 64,003 characters (at most 50,000)"),
    ],
    ids=["count", "optional-count", "nested", "past-python", "deep", "long"],
)
def test_a_pattern_out_of_bounds_is_a_pack_error_naming_the_rule(
    regex: str, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "team.yaml"
    pack.write_text(PACK.format(regex=regex), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("好好学习。\n", encoding="utf-8")
    assert main([str(draft), "--isolated", "--pack", str(pack)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gwlint: error: {pack}: rule team.huge: field 'params.regex': ")
    assert reason in err and "Traceback" not in err


@pytest.mark.parametrize("regex", [".{0,2000}好", "(?:第.{1,10}条){1,100}", "a+b*c?", "[一二三四五六七八九十]{1,3}、"])
def test_patterns_within_bounds_pass(regex: str) -> None:
    assert pattern_bounds_problem(regex) is None


def test_the_built_in_patterns_are_far_within_the_bounds() -> None:
    for pack in load_packs():
        for rule in pack.rules:
            regex = rule.params.get("regex")
            if isinstance(regex, str):
                assert len(regex) < MAX_PATTERN_CHARACTERS // 10 and pattern_bounds_problem(regex) is None
                re.compile(regex)
