"""The per-rule budget grows with the document, so only superlinear rules run out of it on big files."""

from __future__ import annotations

import json

import pytest
from pack_helpers import CATASTROPHIC_PACK

from lint.budget import BudgetExceeded, scaled_budget
from lint.cli import main


def test_budget_is_per_million_characters_and_never_below_the_base():
    assert scaled_budget(2.0, 10) == 2.0
    assert scaled_budget(2.0, 1_000_000) == 2.0
    assert scaled_budget(2.0, 5_000_000) == 10.0
    assert scaled_budget(0, 5_000_000) == 0
    assert scaled_budget(None, 5_000_000) is None


def test_a_catastrophic_regex_still_runs_out_on_a_large_file(tmp_path, capsys):
    pack = tmp_path / "team.yaml"
    pack.write_text(CATASTROPHIC_PACK, encoding="utf-8")
    draft = tmp_path / "big.txt"
    draft.write_text("a" * 40 + "b\n" + "中" * 1_500_000, encoding="utf-8")
    code = main([str(draft), "--isolated", "--pack", str(pack), "--select", "team", "--format", "json",
                 "--rule-timeout", "0.2"])  # fmt: skip
    assert code == 2
    payload = json.loads(capsys.readouterr().out)
    assert "team.trailing-a" in payload["errors"][0]["message"]


def test_work_that_is_not_the_rule_s_own_is_not_charged_to_it():
    """Building the segmenter's index on first use took longer than a rule's budget on a loaded
    machine, so the first rule that needed it was stopped (and the index never saved)."""
    import time

    from lint.budget import Budget, unbudgeted

    def burn(seconds: float) -> None:  # the budget counts CPU time, so the work must use some
        end = time.process_time() + seconds
        while time.process_time() < end:
            pass

    def rule() -> str:
        with unbudgeted():
            burn(0.4)  # filling a cache
        return "finished"

    with Budget(0.15) as budget:
        assert budget.run(rule) == "finished"
        with pytest.raises(BudgetExceeded):
            budget.run(lambda: burn(0.6))
    assert Budget.active is None
