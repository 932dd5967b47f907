"""The ranges pack: a hyphen or minus sign between the two ends of a range (GB/T 15834 4.13)."""

from __future__ import annotations

import pytest
from pack_helpers import fixed, hits

from lint.diagnostics import Severity
from lint.fixer import apply_fixes


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
        ("补偿标准为：0-35000元", "补偿标准为：0～35000元"),  # a label's colon, not a time's
        ("2017－2018年度西部计划", "2017—2018年度西部计划"),
        ("被评选为2019年度-2020年度的优秀党员", "被评选为2019年度—2020年度的优秀党员"),
        ("表彰2019-2020年优秀共产党员", "表彰2019—2020年优秀共产党员"),
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
        "颁布实施2011-2020年中国农村扶贫开发纲要",  # a plan's name as the web copies of central texts write it
        "审议《乡村振兴战略规划（2018－2022年）》",
        "比分为3:0-2:1",  # a time's or score's colon stays excluded
    ],
)
def test_not_a_range_or_ambiguous_is_silent(linter, text):
    assert hits(linter, text, "ranges") == []


def test_number_range_fix_is_unsafe_time_range_fix_is_safe(linter):
    by_rule = {d.rule: d for d in linter.lint_text("每期3-5天，9:00-11:30。") if d.pack == "ranges"}
    assert by_rule["ranges.number-range"].fix.safe is False
    assert by_rule["ranges.time-range"].fix.safe is True


def test_season_span_fix_is_safe_plain_year_span_is_info(linter):
    by_rule = {
        d.rule: d for d in linter.lint_text("2017－2018年度考核，表彰2019-2020年优秀党员。") if d.pack == "ranges"
    }
    assert by_rule["ranges.season-span"].fix.safe is True
    assert by_rule["ranges.year-span"].severity is Severity.INFO


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("上午9时-11时30分报到", "上午9时—11时30分报到"),
        ("每天8点－10点开放", "每天8点—10点开放"),
        ("14时30分 - 17时闭馆", "14时30分—17时闭馆"),
    ],
)
def test_hour_range_is_fixed_safely(linter, text, fixed):
    found = [d for d in linter.lint_text(text) if d.rule == "ranges.hour-range"]
    assert len(found) == 1 and found[0].fix.safe is True
    assert apply_fixes(text, found)[0] == fixed


@pytest.mark.parametrize("text", ["每组20〜30人", "9:00∼11:30开会", "2023年1月〜2024年6月"])
def test_wave_dash_lookalikes_become_the_chinese_wave_line(linter, text):
    found = [d for d in linter.lint_text(text) if d.rule == "ranges.wave-dash-lookalike"]
    assert len(found) == 1 and found[0].matched in "〜∼" and found[0].fix.safe is True
    assert apply_fixes(text, found)[0] == text.replace(found[0].matched, "～")


@pytest.mark.parametrize("text", ["审批时间控制在40~60个工作日", "设 x∼N(0,1)", "型号A1〜B2", "3-5点位"])
def test_tilde_and_hour_lookalikes_that_are_not_ranges_stay_silent(linter, text):
    assert [d for d in linter.lint_text(text) if d.rule in ("ranges.wave-dash-lookalike", "ranges.hour-range")] == []
