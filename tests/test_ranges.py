"""The ranges pack: a hyphen or minus sign between the two ends of a range (GB/T 15834 4.13)."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("时间：9:00-11:30", "时间：9:00—11:30"),
        ("时间：9：00－11：30", "时间：9：00—11：30"),
        ("2023年1月－2024年6月", "2023年1月—2024年6月"),
        ("2023年-2024年", "2023年—2024年"),
        ("依照第3-5条", "依照第3～5条"),
        ("培训3-5天", "培训3～5天"),
        ("投资3.5−4.2万元", "投资3.5～4.2万元"),
        ("每组10–15人", "每组10～15人"),
    ],
)
def test_range_connector_is_fixed(linter, text, expected):
    assert fixed(linter, text, "ranges") == expected


@pytest.mark.parametrize(
    "text",
    [
        "联系电话：0771-5678123",  # phone number
        "日期：2024-05-01",  # numeric date: the short hyphen is right
        "详见附件2-3所列项目。",  # attachment number
        "表2-8所示，共30项。",  # table number
        "3-5号楼已封顶。",  # 3号楼5单元 or 3至5号楼: ambiguous
        "3-2-11室",  # door number
        "以3-1战胜对手",  # score
        "以4-2人的优势领先",  # ratio of votes
        "型号为KJ-12型，编号A3-5。",  # model number, Latin context
        "2020-2024年",  # plain year range (as written in authoritative texts)
        "推进计划（2025－2027年）",
        "打造1-2个示范点",  # adjacent numbers: an approximate count (一两个), another rule's matter
        "气温-5-3℃",  # a negative end: left alone
        "ISO 9001-2015",
        "GB/T 15834-2011",
        "京A-12345号车辆",
    ],
)
def test_not_a_range_or_ambiguous_is_silent(linter, text):
    assert hits(linter, text, "ranges") == []


def test_number_range_fix_is_unsafe_time_range_fix_is_safe(linter):
    by_rule = {d.rule: d for d in linter.lint_text("每期3-5天，9:00-11:30。") if d.pack == "ranges"}
    assert by_rule["ranges.number-range"].fix.safe is False
    assert by_rule["ranges.time-range"].fix.safe is True
