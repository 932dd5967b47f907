"""A draft dated only by its year or month (a 文号 or title year, ``--as-of 2019``) is judged at every
day of that period at once: a rule reports only what is wrong on each of them."""

from __future__ import annotations

import datetime

import pytest

from lint import cli
from lint.dating import DOCUMENT, Period, document_date, parse_as_of, resolve_as_of
from lint.engine import Linter
from lint.packs import PackError, load_packs, select_rules

D = datetime.date


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select_rules(load_packs(), select=("formulation", "stale")))


def rules_found(linter: Linter, text: str, when: datetime.date | Period) -> list[str]:
    return [d.rule for d in linter.lint_text(text, as_of=when)]


def test_a_year_or_a_month_is_a_period():
    assert parse_as_of("2019") == Period(D(2019, 1, 1), D(2019, 12, 31))
    assert parse_as_of(" 2024-02 ") == Period(D(2024, 2, 1), D(2024, 2, 29))
    assert parse_as_of("2019-12") == Period(D(2019, 12, 1), D(2019, 12, 31))
    assert parse_as_of("2019-03-05") == D(2019, 3, 5)
    for bad in ("2019-13", "2019-00", "0000", "19", "2019-1"):
        with pytest.raises(ValueError):
            parse_as_of(bad)


def test_a_document_number_or_title_year_judges_the_whole_year():
    found = document_date("某县人民政府文件\n某政发〔2022〕15号\n关于……的通知\n")
    assert found is not None and found.day == D(2022, 7, 1)  # one day where one is needed (a weekday's year)
    assert found.when == Period.of_year(2022)
    assert resolve_as_of(DOCUMENT, "2019年全县工作总结\n今年以来……\n") == (Period.of_year(2019), None)
    assert resolve_as_of(DOCUMENT, "通知\n某局\n2023年5月12日\n") == (D(2023, 5, 12), None)


def test_a_wording_that_changed_during_the_year_is_left_alone(linter):
    # 打铁必须自身硬 is the standard wording from the 19th Congress (2017-10-18) on
    text = "打铁还需自身硬，全面从严治党永远在路上。\n"
    assert "formulation.iron-must-be-hard" not in rules_found(linter, text, Period.of_year(2017))
    assert "formulation.iron-must-be-hard" in rules_found(linter, text, D(2017, 12, 1))
    assert "formulation.iron-must-be-hard" in rules_found(linter, text, Period.of_year(2018))
    assert "formulation.iron-must-be-hard" not in rules_found(linter, text, Period.of_month(2017, 9))


def test_what_was_first_said_during_the_year_is_judged_from_that_day(linter):
    # the campaign was decided on 2019-05-13: a draft that names it was written after that
    text = "中国移动西藏公司正式启动“不忘初心 牢记使命”主题教育。\n"
    rule = "formulation.original-aspiration-name-separator"
    assert rule in rules_found(linter, text, Period.of_year(2019))
    assert rule not in rules_found(linter, text, Period.of_year(2018))  # judged on no day it applies


def test_a_dated_check_confirms_its_findings_on_the_first_and_last_day(linter):
    # 十八大精神 as a current task is outdated from 2017-10-25, 十九大精神 only from 2022-10-23
    text = "会议要求，认真学习贯彻党的十八大精神。会议要求，认真学习贯彻党的十九大精神。\n"
    in_2022 = [d.matched for d in linter.lint_text(text, as_of=Period.of_year(2022))]
    at_year_end = [d.matched for d in linter.lint_text(text, as_of=D(2022, 12, 31))]
    assert in_2022 == ["党的十八大精神"]
    assert at_year_end == ["党的十八大精神", "党的十九大精神"]


def test_one_day_period_is_that_day(linter):
    text = "打铁还需自身硬。\n"
    day = D(2018, 1, 2)
    assert rules_found(linter, text, Period(day, day)) == rules_found(linter, text, day)


def test_introduced_is_a_since_flag_only(tmp_path):
    from lint.packs import load_pack

    pack = tmp_path / "p.yaml"
    body = (
        "pack: p\ndescription: d\nrules:\n  - id: r\n    title: t\n    severity: info\n    kind: pattern\n"
        "    message: m\n    rationale: r\n    source: s\n    params: {{regex: x}}\n    {field}\n"
        "    examples: {{bad: [x], good: [y]}}\n"
    )
    pack.write_text(body.format(field='until: {date: 2020-01-01, source: "s", introduced: true}'), encoding="utf-8")
    with pytest.raises(PackError, match="until"):
        load_pack(pack)
    pack.write_text(body.format(field='since: {date: 2020-01-01, source: "s", introduced: "yes"}'), encoding="utf-8")
    with pytest.raises(PackError, match="introduced"):
        load_pack(pack)
    pack.write_text(body.format(field='since: {date: 2020-01-01, source: "s", introduced: true}'), encoding="utf-8")
    (rule,) = load_pack(pack).rules
    assert rule.days_judged(D(2020, 1, 1) - datetime.timedelta(days=400), D(2019, 12, 31)) is None
    assert rule.days_judged(D(2019, 6, 1), D(2020, 6, 1)) == (D(2020, 1, 1), D(2020, 6, 1))
    assert any("首次提出" in line for line in rule.timeline())


def test_cli_as_of_a_year(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("打铁还需自身硬，全面从严治党永远在路上。\n", encoding="utf-8")
    assert cli.main(["check", "--isolated", "--select", "formulation", "--as-of", "2017", str(draft)]) == 0
    assert cli.main(["check", "--isolated", "--select", "formulation", "--as-of", "2018", str(draft)]) == 1
    assert "iron-must-be-hard" in capsys.readouterr().out
    assert cli.main(["check", "--isolated", "--as-of", "2017-13", str(draft)]) == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_configuration_as_of_a_year(tmp_path, monkeypatch):
    (tmp_path / ".gwlint.yaml").write_text("as-of: 2017\nselect: [formulation]\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("打铁还需自身硬。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", str(draft)]) == 0
    (tmp_path / ".gwlint.yaml").write_text("as-of: 2018\nselect: [formulation]\n", encoding="utf-8")
    assert cli.main(["check", str(draft)]) == 1


def test_the_editor_judges_a_period_as_the_command_line_does(linter):
    from lint.incremental import IncrementalLinter
    from lint.source import Document

    text = "会议要求，认真学习贯彻党的十八大精神。会议要求，认真学习贯彻党的十九大精神。打铁还需自身硬。\n"
    document = Document("<draft>", text)
    editor = IncrementalLinter(linter)
    for when in (Period.of_year(2022), D(2022, 12, 31), Period.of_year(2017)):
        assert editor.run(document, as_of=when).diagnostics == linter.run(document, as_of=when).diagnostics


@pytest.mark.parametrize("year", [2012, 2016, 2017, 2019, 2021, 2022])
def test_a_year_finds_only_what_its_first_and_last_days_find(year):
    """On the seeds, a year's findings are found on its last day too, and on its first day too unless
    their rule's subject was first said during the year."""
    from conftest import SEEDS

    linter = Linter(select_rules(load_packs()))
    introduced = {r.id for r in linter.rules if r.since is not None and r.since.introduced}
    period = Period.of_year(year)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")

        def found(when: datetime.date | Period, text: str = text) -> set[tuple[str, int, int]]:
            return {(d.rule, d.span.start, d.span.end) for d in linter.lint_text(text, as_of=when)}

        in_year, first, last = found(period), found(period.first), found(period.last)
        assert in_year <= last
        assert {f for f in in_year if f[0] not in introduced} <= first


def test_a_signature_of_year_and_month_judges_that_month():
    found = document_date("关于做好工作的通知\n各科室：\n请认真贯彻。\n\n某县卫生健康局\n二〇一七年二月\n")
    assert found is not None and found.how == "落款年月" and found.when == Period.of_month(2017, 2)
    assert document_date("章程\n第一条 本会……\n2017年2月\n").when == Period.of_month(2017, 2)  # type: ignore[union-attr]
    assert document_date("章程\n第一条 本会……\n2017年13月\n") is None
    # a full date in the signature is still the day itself
    assert document_date("通知\n正文\n某局\n2017年2月\n2017年2月8日\n").when == D(2017, 2, 8)  # type: ignore[union-attr]
