"""Helpers for the output tests: a team pack, the placeholder pack alone, and the SARIF schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).resolve().parent / "vendor" / "sarif-schema-2.1.0.json"

TEAM_PACK = """
pack: team
description: 测试用规则包
rules:
  - id: pending
    title: 待定字样
    severity: warning
    kind: pattern
    message: "“{match}”是未定稿的标记，定稿前须删除"
    rationale: 未定稿标记不应出现在印发稿中。
    source: 本单位规范
    params:
      regex: '待定'
    examples:
      bad: ["会议时间待定。"]
      good: ["会议时间为3月1日。"]
  - id: percent
    title: 百分号
    severity: info
    kind: pattern
    message: "“{match}”含百分号，请核对数字"
    rationale: 百分数易错。
    source: 本单位规范
    params:
      regex: '\\d+%'
    examples:
      bad: ["增长50%。"]
      good: ["增长一半。"]
"""


@pytest.fixture(autouse=True)
def only_the_placeholder_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about output, not packs: keep them independent of packs still being written."""
    import lint.packs
    import lint.plans

    def placeholder_only() -> list[Path]:
        return [lint.packs.builtin_pack_dir() / "placeholder.yaml"]

    monkeypatch.setattr(lint.packs, "builtin_pack_paths", placeholder_only)
    monkeypatch.setattr(lint.plans, "builtin_pack_paths", placeholder_only)


def validate_sarif(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
