"""The README's promises: its rule table comes from the packs, and its first commands are the real ones."""

from __future__ import annotations

from conftest import ROOT

from lint.docs import README_END, README_START, rules_section, with_meta
from lint.packs import load_packs

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_table_is_generated_from_the_packs():
    section = README.split(README_START, 1)[1].split(README_END, 1)[0]
    assert section.strip() == rules_section(with_meta(load_packs())).strip(), "run: python scripts/update_readme.py"


def test_readme_starts_with_install_and_test_commands_that_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ci.strip().splitlines()[-1]
    head = README[:1500]
    assert "pip install . && gwlint seeds/" in head
    assert test_command in head
