"""The README's promises: its rule table comes from the packs, and its first commands are the real ones."""

from __future__ import annotations

from conftest import ROOT

from lint.docs import RULES_DOC, rules_document, with_meta
from lint.packs import load_packs

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_rule_reference_is_generated_from_the_packs_and_kinds():
    written = (ROOT / RULES_DOC).read_text(encoding="utf-8")
    assert written == rules_document(with_meta(load_packs())), "run: python scripts/update_docs.py"


def test_the_readme_stays_short_and_explains_the_architecture():
    assert len(README.encode("utf-8")) < 15_000
    assert "## Architecture" in README


def test_the_readme_lists_the_input_limits():
    """Issue 14: the README's Reliability section names the caps that docs/reliability.md tables."""
    section = README.split("## Reliability", 1)[1].split("\n## ", 1)[0]
    for cap in ("256 MiB", "16 MiB", "1 MiB", "32 MB", "500 : 1", "10,000", "0.1 s"):
        assert cap in section, cap


def test_explain_prints_a_check_kind_s_parameters(capsys):
    from lint.cli import main

    assert main(["explain", "pattern"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("``pattern``") and "params" in shown and "regex:" in shown


def test_readme_starts_with_install_and_test_commands_that_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    head = README[:1500]
    assert "pip install . && gwlint seeds/" in head
    assert test_command in head


def test_the_pack_guide_names_every_check_kind():
    """docs/packs.md lists the kinds a pack may use; a kind registered without it there is undocumented."""
    from lint.checks import KIND_MODULES

    guide = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    assert [kind for kind in KIND_MODULES if f"`{kind}`" not in guide] == []
