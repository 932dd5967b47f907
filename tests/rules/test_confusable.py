"""The confusable pack: frequent wrong characters, silent where the string spans a word boundary."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits

from lint.packs import load_packs


def test_the_pack_has_at_least_forty_entries():
    (pack,) = [p for p in load_packs() if p.name == "confusable"]
    assert len(pack.rules) >= 40


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截止当前，全县已建成示范村12个。", "截至当前，全县已建成示范村12个。"),
        ("最高人民检查院", "最高人民检察院"),
        ("切实加强全杜会监督。", "切实加强全社会监督。"),
        ("创造更加美好的末来。", "创造更加美好的未来。"),
        ("希望大家再接再励、一如继往。", "希望大家再接再厉、一如既往。"),
    ],
)
def test_fixes(linter, text, expected):
    assert fixed(linter, text, "confusable") == expected


@pytest.mark.parametrize(
    "text",
    [
        "申请截止时间为6月30日。",
        "县纪委检查院务公开情况。",
        "杜会计负责账目核对。",
        "年末来临，各项工作进入冲刺阶段。",
        "各单位严格执行工作纪律已有成效。",
        "车辆川流不息。",
        "以人民为中心的发展思想。",
    ],
)
def test_legitimate_text_is_silent(linter, text):
    assert hits(linter, text, "confusable") == []


def test_people_centred_is_reported_once_across_packs(linter):
    found = [d for d in linter.lint_text("坚持以人民为核心的发展思想。") if "以人民为核心" in d.matched]
    assert len(found) == 1
