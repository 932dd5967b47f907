"""What a careful editor marks in the five seed drafts (issue: gwlint end to end, "Done when").

Each expectation names a seed, the pack whose rule must report it and the matched text; the seeds
are never edited. Expectations are about defects, not about how many diagnostics a line gets.
"""

from __future__ import annotations

import pytest
from conftest import SEEDS

S000, S001, S002, S003, S004 = sorted(SEEDS.glob("*.txt"))

EXPECTED = [
    # placeholders left in every template-derived seed
    (S000, "placeholder", "**", 10),
    (S001, "placeholder", "***", 8),
    (S002, "placeholder", "XX", 4),
    (S003, "placeholder", "**", 3),
    (S004, "placeholder", "x", 12),
    # typing slips
    (S004, "repetition", "坚决坚决", 1),
    (S004, "names", "习习近平", 1),
    # half-width punctuation in Chinese text
    (S001, "punctuation", ",", 30),
    (S001, "punctuation", ":", 2),
    (S001, "punctuation", "!", 1),
    (S002, "punctuation", ",", 1),
    (S004, "punctuation", ",", 4),
    # wrong or outdated formulations
    (S002, "formulation", "打铁还需自身硬", 2),
    (S002, "formulation", "做好", 1),
    (S002, "formulation", "新时代中国特色社会主义思想", 1),
    (S004, "formulation", "抓不好党建不称职", 1),
    # web residue and pairing
    (S002, "residue", "本文系作者原创投稿，仅供学习参考，请勿照搬照抄！", 1),
    (S002, "punctuation", "“", 1),
    (S004, "punctuation", "、", 2),
    # two scopes run together (全国全省组织工作会议精神: two meetings, 顿号 between them)
    (S001, "punctuation", "全国全省", 1),
]


@pytest.fixture(scope="module")
def seed_results(linter):
    return {path: linter.lint_text(path.read_text(encoding="utf-8"), str(path)) for path in SEEDS.glob("*.txt")}


@pytest.mark.parametrize(
    ("seed", "pack", "matched", "at_least"),
    [pytest.param(*e, id=f"{e[0].name[:3]}-{e[1]}-{e[2][:8]}") for e in EXPECTED],
)
def test_seed_defect_is_reported(seed_results, seed, pack, matched, at_least):
    hits = [d for d in seed_results[seed] if d.pack == pack and matched in d.matched]
    assert len(hits) >= at_least, f"{seed.name}: {pack} reported {len(hits)} × {matched!r}, expected ≥ {at_least}"


LEGITIMATE = ["层层落实", "2020年", "35岁", "“1+6”模式", "1-2个", "10%", "常态化长效化", "一级抓一级"]


@pytest.mark.parametrize("text", LEGITIMATE)
def test_legitimate_text_in_seeds_is_silent(seed_results, text):
    for diagnostics in seed_results.values():
        assert not [d for d in diagnostics if d.matched and d.matched in text and d.pack != "placeholder"], text


def test_cli_on_seeds_exits_1_and_reports_all_files(capsys):
    from lint.cli import main

    assert main([str(SEEDS), "--format", "json"]) == 1
    out = capsys.readouterr().out
    for seed in SEEDS.glob("*.txt"):
        assert seed.name in out
