"""A malformed pack is reported with its file, the rule id and the field — never a traceback."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint.engine import Linter, verify_examples
from lint.packs import PackError, load_packs, parse_pack, select_rules

GOOD_RULE = """
pack: team
description: 团队自定义
rules:
  - id: old-name
    title: 旧称
    severity: warning
    kind: substitution
    message: "“{match}”应写作“{right}”"
    rationale: 统一称谓。
    source: 本单位规范
    params:
      wrong: [老名称]
      right: 新名称
    examples:
      bad: [{text: "这是老名称。", fixed: "这是新名称。"}]
      good: ["这是新名称。"]
"""


RULE = "team.old-name"


def error_of(raw: str) -> PackError:
    with pytest.raises(PackError) as caught:
        pack = parse_pack(textwrap.dedent(raw), "team.yaml")
        Linter(pack.rules)
        for problem in verify_examples(Linter(pack.rules)):
            raise problem
    return caught.value


def test_good_pack_loads_and_its_examples_verify():
    pack = parse_pack(GOOD_RULE, "team.yaml")
    assert [rule.id for rule in pack.rules] == ["team.old-name"]
    assert list(verify_examples(Linter(pack.rules))) == []


@pytest.mark.parametrize(
    ("raw", "rule", "field", "reason"),
    [
        ("pack: team\nrules: [\n", None, None, "YAML syntax error at line"),
        (GOOD_RULE.replace("kind: substitution", "kind: telepathy"), RULE, "kind", "unknown check kind"),
        (GOOD_RULE.replace("    title: 旧称\n", ""), "team.old-name", "title", "missing required field"),
        (GOOD_RULE.replace("severity: warning", "severity: fatal"), "team.old-name", "severity", "unknown severity"),
        (GOOD_RULE.replace("wrong: [老名称]", "wrong: 5"), "team.old-name", "params.wrong", "list"),
        (GOOD_RULE.replace("right: 新名称", "right: 新名称\n      colour: red"), RULE, "params.colour", "unknown"),
        (
            GOOD_RULE.replace('good: ["这是新名称。"]', 'good: ["老名称也好。"]'),
            RULE,
            "examples.good",
            "good example raises",
        ),
        (
            GOOD_RULE.replace('bad: [{text: "这是老名称。"', 'bad: [{text: "这是别的。"'),
            RULE,
            "examples.bad",
            "raises nothing",
        ),
        (GOOD_RULE.replace('fixed: "这是新名称。"', 'fixed: "别的"'), RULE, "examples.bad", "fix gives"),
        (GOOD_RULE.replace("id: old-name", "id: Old Name"), "team.Old Name", "id", "slug"),
        (
            GOOD_RULE.replace('bad: [{text: "这是老名称。"', 'bad: ["{text: 这是老名称。}", {text: "这是老名称。"'),
            RULE,
            "examples.bad",
            "mapping written inside quotes",
        ),
    ],
    ids=[
        "yaml",
        "kind",
        "missing",
        "severity",
        "param-type",
        "param-unknown",
        "good-fires",
        "bad-silent",
        "fixed",
        "slug",
        "quoted-mapping",
    ],
)
def test_malformed_pack_names_file_rule_and_field(raw, rule, field, reason):
    error = error_of(raw)
    assert error.path == "team.yaml"
    assert error.rule == rule
    assert error.field == field
    assert reason in str(error)


def test_invalid_regex_is_reported_with_its_field():
    raw = GOOD_RULE.replace("kind: substitution", "kind: pattern").replace(
        "wrong: [老名称]\n      right: 新名称", "regex: '老(名称'"
    )
    error = error_of(raw)
    assert error.field == "params.regex"
    assert "invalid regular expression" in str(error)


def test_duplicate_rule_ids_are_refused():
    rule_block = GOOD_RULE.split("rules:\n", 1)[1]
    error = error_of(GOOD_RULE + rule_block)
    assert error.field == "id" and "duplicate" in str(error)


def test_select_and_ignore_by_pack_and_rule():
    packs = [parse_pack(GOOD_RULE, "team.yaml")]
    assert [r.id for r in select_rules(packs, select=["team"])] == ["team.old-name"]
    assert select_rules(packs, ignore=["team.old-name"]) == []
    with pytest.raises(ValueError, match="unknown rule or pack 'nope'"):
        select_rules(packs, select=["nope"])


def test_disabled_rule_runs_only_when_selected_by_id():
    packs = [parse_pack(GOOD_RULE.replace("    kind:", "    enabled: false\n    kind:"), "team.yaml")]
    assert select_rules(packs) == []
    assert select_rules(packs, select=["team"]) == []
    assert [r.id for r in select_rules(packs, select=["team.old-name"])] == ["team.old-name"]


def test_builtin_packs_have_unique_names_and_rule_ids():
    packs = load_packs()
    ids = [rule.id for pack in packs for rule in pack.rules]
    assert len(ids) == len(set(ids))
    assert all(rule.id.startswith(pack.name + ".") for pack in packs for rule in pack.rules)


def test_builtin_pack_files_are_yaml_with_matching_names():
    for pack in load_packs():
        assert Path(pack.path).stem == pack.name
