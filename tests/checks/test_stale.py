"""stale: references outdated at the as-of date, silent in narration of the past."""

from __future__ import annotations

import datetime

import pytest
from conftest import SEEDS

from lint.engine import Linter
from lint.packs import PackError, load_packs, parse_pack, select_rules

S004 = sorted(SEEDS.glob("*.txt"))[4]
TODAY = datetime.date(2026, 11, 21)


def stale_linter() -> Linter:
    return Linter(select_rules(load_packs(), ["stale"]))


def stale_findings(day: datetime.date, text: str) -> list:
    return stale_linter().lint_text(text, as_of=day)


def matched(day: datetime.date, text: str) -> list[str]:
    return [d.matched for d in stale_findings(day, text)]


def test_seed_004_a_2022_draft_is_stale_today():
    text = S004.read_text(encoding="utf-8")
    diagnostics = stale_findings(TODAY, text)
    found = [(d.span.line, d.matched) for d in diagnostics]
    assert (3, "党的十九届六中全会精神") in found
    assert (23, "党的二十大胜利召开") in found
    assert (12, "今年是党的二十大召开之年") in found
    assert "党的二十大和二十届历次全会精神" in diagnostics[0].message


def test_seed_004_was_current_in_january_2022():
    assert stale_findings(datetime.date(2022, 1, 15), S004.read_text(encoding="utf-8")) == []


def test_the_cli_as_of_option_reaches_the_check(tmp_path, capsys):
    from lint.cli import main

    draft = tmp_path / "draft.txt"
    draft.write_text("以优异成绩迎接党的二十大胜利召开。\n", encoding="utf-8")
    assert main([str(draft), "--select", "stale", "--as-of", "2022-05-01"]) == 0
    assert main([str(draft), "--select", "stale", "--as-of", "2022-11-01"]) == 1
    assert "党的二十大" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        (datetime.date(2025, 6, 1), "全面落实“十四五”规划。", []),
        (datetime.date(2026, 1, 5), "全面落实“十四五”规划。", ["“十四五”规划"]),
        (datetime.date(2020, 6, 1), "坚决打赢决战脱贫攻坚这场硬仗。", []),
        (datetime.date(2021, 6, 1), "坚决打赢决战脱贫攻坚这场硬仗。", ["决战脱贫攻坚"]),
        (datetime.date(2021, 6, 1), "今年是党的二十大召开之年。", ["今年是党的二十大召开之年"]),
        (datetime.date(2022, 6, 1), "今年是党的二十大召开之年。", []),
        (datetime.date(2023, 1, 2), "今年是党的二十大召开之年。", ["今年是党的二十大召开之年"]),
    ],
)
def test_each_reference_is_stale_only_outside_its_window(day, text, expected):
    assert matched(day, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "党的十九届六中全会《决议》是新时代中国共产党人牢记初心使命的政治宣言。",
        "“十四五”时期取得的成就来之不易，“十四五”规划目标任务全面完成。",
        "2012年提出的八项规定精神，如今已成为改进作风的金色名片。",
        "过去五年，全区上下深入学习贯彻党的十九大精神，办成了一批大事。",
        "党的十九大以来，党中央对组织工作提出一系列新要求。",
        "决战脱贫攻坚取得全面胜利，绝对贫困问题得到历史性解决。",
        "党的十九届六中全会指出，必须坚持党的全面领导。",
    ],
)
def test_narration_of_the_past_is_silent(text):
    assert matched(TODAY, text) == []


def test_a_year_at_the_head_of_a_paragraph_narrates_the_whole_paragraph():
    """A communiqué names the year once and narrates it for several sentences (bench/central 037)."""
    text = "全会指出，2020年，面对严峻复杂的形势，各级机关忠诚履职。在决战脱贫攻坚等大战大考中履职尽责。\n"
    assert matched(datetime.date(2021, 1, 24), text) == []
    plan = "2021年，各单位要抓好落实。要坚决打赢决战脱贫攻坚这场硬仗。\n"  # this year's tasks, not narration
    assert matched(datetime.date(2021, 6, 1), plan) == ["决战脱贫攻坚"]
    later = "全会指出，面对严峻复杂的形势，各级机关忠诚履职。要决战脱贫攻坚。\n"  # no year at the head
    assert matched(datetime.date(2021, 1, 24), later) == ["决战脱贫攻坚"]


def test_a_past_period_at_the_head_of_a_paragraph_narrates_the_whole_paragraph():
    """A report's review: 这五年，…… then sentences without a year (2026年河北政府工作报告)."""
    review = "这五年，民生保障扎实稳固。我们推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接。\n"
    assert matched(datetime.date(2026, 2, 2), review) == []
    task = "今年，我们要推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接。\n"
    assert matched(datetime.date(2026, 2, 2), task) == ["巩固拓展脱贫攻坚成果同乡村振兴有效衔接"]


def test_a_review_heading_narrates_its_section_up_to_the_next_heading_of_its_kind():
    """一、2025年工作回顾 narrates 2025 in present-tense verbs up to 二、 (2026年政府工作报告, 2026-03-05)."""
    day = datetime.date(2026, 3, 5)
    task = "扎实做好巩固拓展脱贫攻坚成果同乡村振兴有效衔接。"
    review = f"一、2025年工作回顾\n再夺粮食丰收。\n（一）农业\n{task}\n二、2026年工作安排\n{task}\n"
    found = stale_findings(day, review)
    assert [d.span.line for d in found] == [6]
    unmarked = f"2025年工作总结\n{task}\n今年的安排\n{task}\n"
    assert [d.span.line for d in stale_findings(day, unmarked)] == [4]
    future = f"一、2027年工作回顾\n{task}\n"  # a year after the as-of date is no review
    assert [d.span.line for d in stale_findings(day, future)] == [2]
    sentence = f"一、对2025年工作回顾如下。\n{task}\n"  # a sentence, not a heading
    assert [d.span.line for d in stale_findings(day, sentence)] == [2]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ("{references: []}", "params.references"),
        ("{references: [{regex: 'x', current_until: soon, instead: y}]}", "params.references[0].current_until"),
        ("{references: [{regex: '${nope}x', current_until: 2022-01-01, instead: y}]}", "params.references[0]"),
        ("{references: [{regex: 'x', current_until: 2022-01-01}]}", "params.references[0].instead"),
        ("{frames: {a: '('}, references: [{regex: x, current_until: 2022-01-01, instead: y}]}", "params.frames.a"),
        (
            "{narrated_year: '\\d{4}年', references: [{regex: x, current_until: 2022-01-01, instead: y}]}",
            "params.narrated_year",
        ),
    ],
)
def test_bad_params_name_the_field(params, field):
    raw = (
        "pack: p\nrules:\n  - {id: r, title: t, severity: warning, kind: stale, message: m, rationale: r,"
        f" source: s, params: {params}, examples: {{bad: [x], good: [y]}}}}\n"
    )
    with pytest.raises(PackError) as error:
        Linter(parse_pack(raw, "p.yaml").rules)
    assert error.value.field == field
