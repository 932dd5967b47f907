"""Formulation rules know when: each is dated (since/until with its source) or says why no date applies,
and a wording is reported from the day it changed. (tests/test_authoritative.py checks that the dated
central texts of the authoritative corpus are silent at their own dates.)"""

from __future__ import annotations

import datetime
import re

import pytest

from lint.engine import Linter
from lint.packs import load_packs, select_rules

OWN_PACKS = ("formulation", "stale")


def own_rules():
    return [rule for pack in load_packs() if pack.name in OWN_PACKS for rule in pack.rules]


@pytest.mark.parametrize("rule", own_rules(), ids=lambda rule: rule.id)
def test_every_rule_is_dated_or_says_why_not(rule):
    assert rule.since or rule.until or rule.timeless, f"{rule.id}: no since/until and no timeless reason"
    for change in (rule.since, rule.until):
        assert change is None or re.search(r"(?:19|20)\d\d年", change.source), f"{rule.id}: the source names no date"


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


# (rule, a sentence, the last day it is right, the first day it is outdated)
WINDOWS = [
    ("iron-must-be-hard", "打铁还需自身硬。", "2017-10-17", "2017-10-18"),
    ("series-speeches", "深入学习贯彻习近平总书记系列重要讲话精神。", "2017-03-05", "2017-10-18"),
    ("belt-and-road-initiative", "积极融入“一带一路”战略。", "2017-05-13", "2017-05-14"),
    ("poverty-battle-name", "坚决打赢扶贫攻坚战。", "2017-10-17", "2017-10-18"),
    ("four-comprehensives-layout", "协调推进“四个全面”战略部署。", "2015-02-01", "2015-02-02"),
    (
        "four-comprehensives-content",
        "协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
        "2020-10-28",
        "2020-10-29",
    ),
    ("mountains-to-sand", "加强山水林田湖草系统治理。", "2021-03-05", "2021-03-06"),
    ("whole-process-democracy", "坚持全过程民主。", "2021-06-30", "2021-07-01"),
    ("sinicization", "不断推进马克思主义中国化。", "2021-11-10", "2021-11-11"),
    ("chinese-modernization-rejuvenation", "以中国式现代化推进中华民族伟大复兴。", "2022-10-15", "2022-10-16"),
    ("xi-economic-thought-name", "以习近平新时代中国特色社会主义经济思想为指导。", "2022-01-17", "2022-01-18"),
    ("party-building-thought-name", "深入学习贯彻习近平总书记关于党的建设的重要思想。", "2026-06-14", "2026-06-15"),
    ("core-general-secretary-old", "团结在以习近平同志为总书记的党中央周围。", "2016-10-26", "2016-10-27"),
    ("new-quality-productivity", "发展新型生产力。", "2023-09-06", "2023-09-07"),
]


@pytest.mark.parametrize(("rule", "text", "right_until", "outdated_from"), WINDOWS, ids=[w[0] for w in WINDOWS])
def test_a_wording_is_reported_from_the_day_it_changed(rule, text, right_until, outdated_from):
    # selected by id, so a rule that is off by default is dated too
    linter = Linter(select_rules(load_packs(), [f"formulation.{rule}"]))

    def fired(on: str) -> bool:
        return any(d.rule == f"formulation.{rule}" for d in linter.lint_text(text, as_of=day(on)))

    assert not fired(right_until)
    assert fired(outdated_from)


def test_a_wording_that_was_required_for_a_period_stops_being_required():
    """The linkage with rural revitalisation belonged to the 2021-2025 transition period."""
    (rule,) = [r for r in own_rules() if r.id == "formulation.poverty-gains-linkage"]
    assert rule.applies_on(day("2025-12-31")) and not rule.applies_on(day("2026-01-01"))
