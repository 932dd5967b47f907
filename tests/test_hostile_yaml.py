"""Hostile packs, configurations and baselines (issue 14, item 6; lint/safeyaml.py, lint/baseline.py).

Aliases and merge keys (billion laughs), impossible dates, deep nesting, wrong types and absurd
numbers are each an error naming the file and the reason, exit 2: never a traceback, never exit 1.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from output_helpers import TEAM_PACK, only_the_placeholder_pack  # noqa: F401 (autouse fixture)
from test_packs import GOOD_RULE

from lint.cli import main
from lint.safeyaml import MAX_DEPTH, YamlError, load_yaml

LAUGHS = """\
pack: team
description: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
rules: [*h]
"""
ALIASED_PARAMS = GOOD_RULE.replace("wrong: [老名称]", "wrong: &w [老名称]") + GOOD_RULE.split("rules:\n", 1)[1].replace(
    "old-name", "other-name"
).replace("wrong: [老名称]", "wrong: *w")
MERGED = GOOD_RULE.replace("    params:\n", "    params:\n      <<: {right: 新名称}\n")
PACK_DATE = GOOD_RULE.replace("right: 新名称", "right: 新名称\n      since: 2024-02-30")
DEEP_PACK = GOOD_RULE.replace("wrong: [老名称]", "wrong: " + "[" * 60 + "老名称" + "]" * 60)
VERY_DEEP_PACK = GOOD_RULE.replace("wrong: [老名称]", "wrong: " + "[" * 5000 + "老名称" + "]" * 5000)
HUGE_COUNT = GOOD_RULE.replace("kind: substitution", "kind: repetition").replace(
    "wrong: [老名称]\n      right: 新名称", "max_unit: 99999999999999"
)
HUGE_REPEAT = GOOD_RULE.replace("kind: substitution", "kind: pattern").replace(
    "wrong: [老名称]\n      right: 新名称", "regex: '名{99999999999}'"
)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "drafts" / "a.txt"
    path.parent.mkdir()
    path.write_text("这是老名称。\n", encoding="utf-8")
    return path


def refused(argv: list[str], path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run gwlint; it must exit 2 with one error line about ``path``; return that line."""
    started = time.perf_counter()
    assert main(argv) == 2
    assert time.perf_counter() - started < 20
    err = capsys.readouterr().err
    assert err.startswith(f"gwlint: error: {path}: "), err
    return err


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (LAUGHS, "YAML aliases (*name) are not accepted"),
        (ALIASED_PARAMS, "YAML aliases (*name) are not accepted"),
        (MERGED, "YAML merge keys (<<) are not accepted"),
        (PACK_DATE, "invalid date '2024-02-30' (day is out of range for month) at line"),
        (DEEP_PACK, f"nested more than {MAX_DEPTH} levels deep"),
        (VERY_DEEP_PACK, "YAML syntax error"),  # libyaml stops at 1,000; PyYAML's own parser recurses
        (GOOD_RULE.replace("    title: 旧称\n", "    title: 旧称\n    title: 新称\n"), "key 'title': given twice"),
        (HUGE_COUNT, "field 'params.max_unit': must be a whole number from 1 to 100,000"),
        (HUGE_REPEAT, "field 'params.regex': invalid regular expression"),
    ],
    ids=["billion-laughs", "alias", "merge", "date", "deep", "very-deep", "duplicate", "huge-count", "huge-repeat"],
)
def test_a_hostile_pack_is_refused(raw: str, reason: str, tmp_path: Path, draft: Path, capsys) -> None:
    pack = tmp_path / "team.yaml"
    pack.write_text(raw, encoding="utf-8")
    assert reason in refused([str(draft), "--pack", str(pack)], pack, capsys)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("select: &s [placeholder]\nignore: *s\n", "YAML aliases (*name) are not accepted"),
        ("params:\n  <<: {placeholder.template-stars: {}}\n", "YAML merge keys (<<) are not accepted"),
        ("as-of: 2024-02-30\n", "invalid date '2024-02-30' (day is out of range for month) at line 1"),
        ("as-of: 2024-13-01\n", "invalid date '2024-13-01' (month must be in 1..12)"),
        ("as-of: !!timestamp tomorrow\n", "invalid date 'tomorrow' (not a date)"),
        ("select: " + "[" * 100 + "]" * 100 + "\n", f"nested more than {MAX_DEPTH} levels deep"),
        ("{1: 2, select: [placeholder]}\n", "key '1': unknown key"),
    ],
    ids=["alias", "merge", "impossible-day", "month-13", "not-a-date", "deep", "number-key"],
)
def test_a_hostile_configuration_is_refused(raw: str, reason: str, tmp_path: Path, draft: Path, capsys) -> None:
    config = tmp_path / ".gwlint.yaml"
    config.write_text(raw, encoding="utf-8")
    assert reason in refused([str(draft)], config, capsys)


def test_a_deeply_nested_pyproject_is_refused(tmp_path: Path, draft: Path, capsys) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.gwlint]\nselect = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert "TOML syntax error: nested too deeply" in refused([str(draft)], config, capsys)


def baseline_with(entry: str) -> str:
    return '{"gwlint-baseline": 1, "entries": [' + entry + "]}"


KEY = '"path": "a", "rule": "r", "fingerprint": "f"'
HOSTILE_BASELINES = {
    "entries-not-a-list": ('{"gwlint-baseline": 1, "entries": {}}', "'entries' must be a list"),
    "entry-not-a-mapping": (baseline_with("3"), "entry #1 is not a mapping"),
    "path-not-a-string": (baseline_with('{"path": ["a"], "rule": "r", "fingerprint": "f"}'), "non-empty strings"),
    "count-string": (baseline_with("{" + KEY + ', "count": "3"}'), "count must be a whole number"),
    "count-bool": (baseline_with("{" + KEY + ', "count": true}'), "count must be a whole number"),
    "count-infinite": (baseline_with("{" + KEY + ', "count": 1e400}'), "count must be a whole number"),
    "count-zero": (baseline_with("{" + KEY + ', "count": 0}'), "count must be a whole number"),
    "count-absurd": (baseline_with("{" + KEY + ', "count": 1' + "0" * 30 + "}"), "from 1 to 1,000,000"),
    "count-5000-digits": (baseline_with("{" + KEY + ', "count": 1' + "0" * 5000 + "}"), "not a gwlint baseline"),
    "nan": (baseline_with("{" + KEY + ', "count": NaN}'), "NaN is not a number"),
    "matched-number": (baseline_with("{" + KEY + ', "matched": 5}'), "matched must be a string"),
    "deep": ('{"gwlint-baseline": 1, "entries": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
}


@pytest.mark.parametrize(("content", "reason"), HOSTILE_BASELINES.values(), ids=HOSTILE_BASELINES.keys())
def test_a_hostile_baseline_is_refused(content: str, reason: str, tmp_path: Path, draft: Path, capsys) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    assert reason in refused([str(draft), "--baseline", str(baseline)], baseline, capsys)


def test_a_baseline_gwlint_wrote_still_loads(tmp_path: Path, draft: Path, capsys) -> None:
    baseline = tmp_path / "baseline.json"
    pack = tmp_path / "team.yaml"
    pack.write_text(TEAM_PACK, encoding="utf-8")
    draft.write_text("会议时间待定。会议地点待定。\n", encoding="utf-8")
    assert main([str(draft), "--pack", str(pack), "--write-baseline", str(baseline)]) == 0
    assert sum(entry["count"] for entry in json.loads(baseline.read_text(encoding="utf-8"))["entries"]) == 2
    assert main([str(draft), "--pack", str(pack), "--baseline", str(baseline)]) == 0


def test_the_loader_accepts_what_packs_and_configurations_use() -> None:
    assert load_yaml("a: [1, 2]\nb: {c: 2024-06-30}\nd: '*not an alias*'\n") == {
        "a": [1, 2],
        "b": {"c": __import__("datetime").date(2024, 6, 30)},
        "d": "*not an alias*",
    }
    assert load_yaml("") is None
    with pytest.raises(YamlError, match="could not determine a constructor"):
        load_yaml("!!python/object/apply:os.system ['true']")


def test_the_built_in_packs_may_share_values_with_aliases() -> None:
    """rules/numbering.yaml shares its series between rules: built-in packs are as trusted as the code."""
    assert load_yaml("a: &x [1]\nb: *x\n", aliases=True) == {"a": [1], "b": [1]}
    with pytest.raises(YamlError, match="aliases"):
        load_yaml("a: &x [1]\nb: *x\n")
