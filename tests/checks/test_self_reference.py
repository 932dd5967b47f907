"""The ``self_reference`` kind: a document naming itself by another kind of document than its title."""

from __future__ import annotations

import pytest
from pack_helpers import one_rule_error_field, one_rule_linter

from lint.engine import Linter

KINDS = "[通知, 公告, 通告, 办法, 方案, 章程, 制度, 会议]"
REFERENCES = "'(?:本|特此)(?P<kind>通知|公告|通告|办法|方案|章程)'"


def reference_linter(extra: str = "") -> Linter:
    params = f"{{kinds: {KINDS}, references: {REFERENCES}, unless_quoted: true{extra}}}"
    return one_rule_linter(
        "self_reference",
        params,
        "{kind}|{title_kinds}",
        "关于征集企业的公告\\n特此通告。",
        "关于征集企业的公告\\n特此公告。",
    )


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        ("关于征集企业的公告\n请了解本通知的条款。\n特此通告。", ["通知|公告", "通告|公告"]),
        ("关于征集企业的公告\n请了解本公告的条款。\n特此公告。", []),
        # every kind a headline names counts: the notice and the measures it issues
        ("关于印发《道路养护办法》的通知\n道路养护办法\n本办法自发文之日起施行。\n特此通知。", []),
        # an attachment's headline adds its kind
        ("关于开展检查的通知\n附件\n安全检查实施方案\n本方案由安监站负责解释。", []),
        ("关于开展检查的通知\n第十一条修改为：“违反本办法第八条的，处以罚款。”", []),  # quoted wording
        ("全县召开安全生产工作推进会\n会议要求各单位落实本通知。", []),  # no title of a kind: not judged
        ("招生新媒体中心管理制度\n全体成员要维护本章程的尊严。", ["章程|制度"]),
    ],
)
def test_a_reference_must_name_a_kind_its_headlines_name(text: str, messages: list[str]) -> None:
    assert [d.message for d in reference_linter().lint_text(text)] == messages


def test_the_title_is_looked_for_in_the_first_lines_only() -> None:
    text = "一\n二\n三\n关于征集企业的公告\n特此通告。"
    assert [d.message for d in reference_linter().lint_text(text)] == ["通告|公告"]
    assert reference_linter(", title_lines: 3").lint_text(text) == []


def test_references_without_a_kind_group_are_a_pack_error() -> None:
    params = f"{{kinds: {KINDS}, references: '本(?:通知|公告)'}}"
    bad, good = "关于征集企业的公告\\n本通知", "关于征集企业的公告\\n本公告"
    assert one_rule_error_field("self_reference", params, "{kind}", bad, good) == "params.references"
