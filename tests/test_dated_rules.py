"""Rules that know when: a rule's since/until window, the as-of date as a run argument, examples
with their own dates, and ``--as-of document``."""

from __future__ import annotations

import datetime
import io
import os
import time
from pathlib import Path

import pytest

from lint import cli
from lint.dating import DOCUMENT, document_date, parse_as_of, resolve_as_of
from lint.docs import explain
from lint.engine import Linter, verify_examples
from lint.packs import PackError, load_pack, parse_pack

DATED_PACK = """\
pack: team
description: dated rules
rules:
  - id: old-name
    title: 旧名称
    severity: warning
    kind: substitution
    message: "“{match}”应为“{right}”"
    rationale: 名称在 2021-03-05 改了。
    source: 某文件
    since: {date: 2021-03-05, source: "某规划纲要（2021年3月5日）起用新名称"}
    until: {date: 2025-01-01, source: "某决定（2025年1月1日）再次改名"}
    params: {wrong: [旧名称], right: 新名称}
    examples:
      bad: ["这是旧名称。"]
      good: ["这是新名称。"]
"""


def dated_rule():
    return parse_pack(DATED_PACK, "team.yaml").rules[0]


@pytest.mark.parametrize(
    ("day", "fires"),
    [
        (datetime.date(2021, 3, 4), False),
        (datetime.date(2021, 3, 5), True),
        (datetime.date(2024, 12, 31), True),
        (datetime.date(2025, 1, 1), False),
    ],
)
def test_a_rule_applies_only_inside_its_window(day, fires):
    linter = Linter([dated_rule()])
    assert bool(linter.lint_text("这是旧名称。", as_of=day)) is fires


def test_one_linter_judges_documents_at_different_days():
    linter = Linter([dated_rule()])
    assert linter.lint_text("旧名称", as_of=datetime.date(2022, 1, 1))
    assert not linter.lint_text("旧名称", as_of=datetime.date(2020, 1, 1))
    assert linter.lint_text("旧名称", as_of=datetime.date(2023, 1, 1))


def test_examples_are_judged_inside_the_window_whatever_today_is():
    rule = dated_rule()
    assert rule.example_day(datetime.date(2030, 1, 1)) == datetime.date(2024, 12, 31)
    assert rule.example_day(datetime.date(2000, 1, 1)) == datetime.date(2021, 3, 5)
    assert list(verify_examples(Linter([rule]))) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ('since: {date: 2021-03-05, source: "某规划纲要（2021年3月5日）起用新名称"}', "since"),
        ("since: 2021-03-05", "since"),
        ('since: {date: 2021-03-05, source: ""}', "since.source"),
        ('since: {date: 2021-13-05, source: "x"}', None),  # YAML cannot build the date
        ('since: {date: "2021-03", source: "x"}', "since.date"),
        ('since: {date: 2026-01-01, source: "x"}', "until"),
    ],
)
def test_a_date_without_its_source_or_out_of_order_is_a_pack_error(change, field):
    if change.startswith('since: {date: 2021-03-05, source: "某'):
        text = DATED_PACK.replace("    since:", "    sincex:")  # an unknown key
        field = None
    else:
        text = DATED_PACK.replace('since: {date: 2021-03-05, source: "某规划纲要（2021年3月5日）起用新名称"}', change)
    with pytest.raises(PackError) as raised:
        parse_pack(text, "team.yaml")
    if field is not None:
        assert raised.value.field == field, raised.value


def test_a_timeless_rule_says_why_and_has_no_dates():
    timeless = DATED_PACK.replace("    until:", "    timeless: 名称从未改过\n    until:")
    with pytest.raises(PackError, match="not timeless"):
        parse_pack(timeless, "team.yaml")
    undated = "\n".join(line for line in DATED_PACK.splitlines() if not line.startswith(("    since:", "    until:")))
    rule = parse_pack(undated.replace("    params:", "    timeless: 名称从未改过\n    params:"), "team.yaml").rules[0]
    assert rule.timeless == "名称从未改过" and rule.applies_on(datetime.date(1990, 1, 1))


def test_explain_shows_the_timeline_with_sources(tmp_path):
    pack = parse_pack(DATED_PACK, "team.yaml")
    out = io.StringIO()
    assert explain([pack], "team.old-name", out) == 0
    shown = out.getvalue()
    assert "2021-03-05 起适用：某规划纲要（2021年3月5日）起用新名称" in shown
    assert "2025-01-01 起不再适用：某决定（2025年1月1日）再次改名" in shown


def test_stale_example_is_judged_at_its_own_date(tmp_path, capsys):
    """The reported defect: with --as-of 2025-06-01 the stale example 全面落实“十四五”规划 does not
    fire; that is right, and the example now says the day it is bad at."""
    draft = tmp_path / "draft.txt"
    draft.write_text("全面落实“十四五”规划，推动高质量发展。\n", encoding="utf-8")
    assert cli.main(["check", "--isolated", "--as-of", "2025-06-01", str(draft)]) == 0
    assert cli.main(["check", "--isolated", "--as-of", "2026-06-01", "--format", "concise", str(draft)]) == 1
    assert "stale.outdated-reference" in capsys.readouterr().out


def _stamp_changes_with(tmp_path, monkeypatch, changed: str) -> bool:
    """Whether lint.packs' parser stamp changes when ``changed`` (a module beside packs.py) is edited."""
    import lint.packs

    for name in ("packs.py", "safeyaml.py"):
        (tmp_path / name).write_text("# v1\n", encoding="utf-8")
    monkeypatch.setattr(lint.packs, "__file__", str(tmp_path / "packs.py"))
    lint.packs._parser_stamp.cache_clear()
    before = lint.packs._parser_stamp()
    (tmp_path / changed).write_text("# version 2\n", encoding="utf-8")
    os.utime(tmp_path / changed, (time.time() + 5, time.time() + 5))
    lint.packs._parser_stamp.cache_clear()
    after = lint.packs._parser_stamp()
    lint.packs._parser_stamp.cache_clear()
    return after != before


def test_a_cached_pack_is_parsed_again_when_the_parser_changes(tmp_path, monkeypatch):
    """A pack cached by an older parser (another Rule shape) must not be read back."""
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "team.yaml"
    path.write_text(DATED_PACK, encoding="utf-8")
    first = load_pack(path)
    code = tmp_path / "code"
    code.mkdir()
    assert _stamp_changes_with(code, monkeypatch, "packs.py")
    monkeypatch.undo()
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert load_pack(path) == first


def test_a_cached_pack_is_parsed_again_when_the_yaml_reader_changes(tmp_path, monkeypatch):
    """The rules' text comes through lint.safeyaml (its reading of folded Chinese lines, for one):
    a change there must not leave packs read by the older reader in the cache."""
    assert _stamp_changes_with(tmp_path, monkeypatch, "safeyaml.py")


def test_the_cached_linter_depends_on_the_yaml_reader():
    from lint.plans import _code_sources

    assert any(path.name == "safeyaml.py" for path in _code_sources())


# --- the document's own date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "how"),
    [
        ("政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n各位代表：\n", "2019-03-05", "文首日期"),
        ("关于加强党的政治建设的意见\n（2019年1月31日）\n为深入贯彻……\n", "2019-01-31", "文首日期"),
        ("在二〇一九年春节团拜会上的讲话\n（二〇一九年二月三日）\n同志们：\n", "2019-02-03", "文首日期"),
        ("……的工作报告（2020年1月13日）\n我代表……\n", "2020-01-13", "文首日期"),
        ("关于做好工作的通知\n各乡镇：\n请认真贯彻。\n\n城关镇人民政府\n2023年5月12日\n", "2023-05-12", "落款日期"),
        ("通知\n正文\n某局\n二〇二四年十二月三十一日\n", "2024-12-31", "落款日期"),
        ("某县人民政府文件\n某政发〔2022〕15号\n关于……的通知\n", "2022-07-01", "文号年份"),
        ("2019年全县工作总结\n今年以来……\n", "2019-07-01", "标题年份"),
    ],
)
def test_the_date_written_in_a_document(text, day, how):
    found = document_date(text)
    assert found is not None
    assert (found.day.isoformat(), found.how) == (day, how)


@pytest.mark.parametrize(
    "text",
    [
        "会议指出，2019年3月5日以来各项工作扎实推进。\n",  # a date inside a sentence is not the document's
        "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n",
        "（2019年13月5日）\n",  # not a real day
    ],
)
def test_no_date_is_taken_from_narration(text):
    assert document_date(text) is None


def test_as_of_document_falls_back_to_today_with_a_note():
    day, note = resolve_as_of(DOCUMENT, "各位代表：\n现在……\n")
    assert day == datetime.date.today() and note is not None and day.isoformat() in note
    assert resolve_as_of(DOCUMENT, "通知\n某局\n2023年5月12日\n") == (datetime.date(2023, 5, 12), None)
    assert resolve_as_of(None, "x") == (datetime.date.today(), None)
    assert parse_as_of(" Document ") == DOCUMENT
    with pytest.raises(ValueError):
        parse_as_of("yesterday")


STALE_2021 = "深入贯彻落实党的十九届六中全会精神，研究部署今年工作。\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_as_of_document_judges_each_draft_at_its_own_date(tmp_path, capsys, jobs):
    old = tmp_path / "old.txt"
    old.write_text(STALE_2021 + "\n城关镇人民政府\n2021年12月20日\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(STALE_2021 + "\n城关镇人民政府\n2023年12月20日\n", encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text(STALE_2021, encoding="utf-8")
    code = cli.main(["check", "--isolated", "-j", jobs, "--as-of", "document", "--format", "concise", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 1
    assert "new.txt:1:" in captured.out and "undated.txt:1:" in captured.out
    assert "old.txt" not in captured.out
    assert f"gwlint: note: {undated}" in captured.err and "按今天" in captured.err
    assert "old.txt" not in captured.err


def test_configuration_as_of_document(tmp_path, capsys, monkeypatch):
    (tmp_path / ".gwlint.yaml").write_text("as-of: document\n", encoding="utf-8")
    draft = tmp_path / "old.txt"
    draft.write_text(STALE_2021 + "\n城关镇人民政府\n2021年12月20日\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", str(draft)]) == 0
    (tmp_path / ".gwlint.yaml").write_text("as-of: someday\n", encoding="utf-8")
    assert cli.main(["check", str(draft)]) == 2
    assert "as-of" in capsys.readouterr().err


def test_cli_rejects_a_bad_as_of(capsys):
    assert cli.main(["check", "--as-of", "someday", "x.txt"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_fix_mode_judges_at_the_document_date(tmp_path):
    draft = tmp_path / "old.txt"
    draft.write_text(STALE_2021 + "\n城关镇人民政府\n2021年12月20日\n", encoding="utf-8")
    assert cli.main(["check", "--isolated", "--as-of", "document", "--fix", str(draft)]) == 0
    assert Path(draft).read_text(encoding="utf-8").startswith(STALE_2021)


def test_every_formulation_collocation_names_and_stale_rule_is_dated_or_says_why_not():
    from lint.packs import load_packs

    undated = [
        rule.id
        for pack in load_packs()
        if pack.name in ("formulation", "collocation", "names", "stale")
        for rule in pack.rules
        if not (rule.since or rule.until or rule.timeless)
    ]
    assert undated == []


def test_rule_sources_cite_documents_users_can_read():
    """CATALOG is this project's own notes, which users do not have."""
    from lint.packs import load_packs

    assert [rule.id for pack in load_packs() for rule in pack.rules if "CATALOG" in rule.source] == []
