"""Messages rendered on the fast path read exactly as the plain-fields Formatter renders them."""

from __future__ import annotations

import pytest

from lint.engine import Linter, _plain_fields_formatter, _plain_names, render_message

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
