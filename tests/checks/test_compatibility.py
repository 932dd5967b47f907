"""The ``compatibility`` kind and residue.pdf-radical-doubled / pdf-radical-alone: radicals and
compatibility ideographs a PDF's text layer leaves where ordinary Han characters belong."""

from __future__ import annotations

import pytest
from pack_helpers import make_rule

from lint.checks.compatibility import CompatibilityCheck, ordinary
from lint.engine import Linter
from lint.fixer import apply_fixes
from lint.packs import PackError, load_packs, select_rules
from lint.source import Document

RADICAL_SUN = "\u2f47"  # ⽇ KANGXI RADICAL SUN, NFKC 日
COMPAT_NOT = "\uf967"  # 不 CJK COMPATIBILITY IDEOGRAPH-F967, NFKC 不
SUPPLEMENT_QI = "\u2eec"  # ⻬ CJK RADICAL C-SIMPLIFIED EVEN: no NFKC mapping
UNIFIED_IN_COMPAT = "\ufa0e"  # 﨎: a unified ideograph of the compatibility block


def found(text: str, where: str) -> list[tuple[int, str | None]]:
    rule = make_rule("compatibility", {"ranges": ["2E80-2EF3", "2F00-2FD5", "F900-FAFF"], "where": where})
    return [(f.start, f.replacement) for f in CompatibilityCheck(rule).find(Document("t", text))]


def test_a_radical_before_its_ordinary_character_is_the_doubled_case():
    text = f"每{RADICAL_SUN}日常规"
    assert found(text, "doubled") == [(1, "")]
    assert found(text, "alone") == []


def test_a_compatibility_ideograph_after_its_ordinary_character_is_doubled_too():
    text = f"内不{COMPAT_NOT}得"
    assert found(text, "doubled") == [(2, "")]


def test_a_radical_alone_is_replaced_by_its_ordinary_form():
    assert found("班级卫\u2f63", "alone") == [(3, "生")]
    assert ordinary("\u2f63") == "生"


def test_a_supplement_radical_without_a_mapping_is_reported_with_no_fix():
    assert found(f"整{SUPPLEMENT_QI}齐", "alone") == [(1, None)]
    assert found(f"整{SUPPLEMENT_QI}齐", "doubled") == []


def test_ordinary_text_and_unified_ideographs_of_the_compatibility_block_are_silent():
    assert found(f"每日常规，不得有大量垃圾。{UNIFIED_IN_COMPAT}", "alone") == []
    assert found(f"每日常规，不得有大量垃圾。{UNIFIED_IN_COMPAT}", "doubled") == []


@pytest.mark.parametrize(
    ("params", "named"), [({"ranges": ["2F00-XYZ"]}, "ranges"), ({"ranges": ["2F00-2FD5"], "where": "near"}, "where")]
)
def test_bad_params_are_pack_errors(params, named):
    with pytest.raises(PackError, match=named):
        CompatibilityCheck(make_rule("compatibility", params))


def test_the_pack_rules_fix_a_pdf_copy():
    linter = Linter(select_rules(load_packs(), ["residue.pdf-radical-doubled", "residue.pdf-radical-alone"]))
    text = f"纪检部每{RADICAL_SUN}日常规\n一、班级卫\u2f63\n垃圾桶内不{COMPAT_NOT}得有垃圾。\n"
    assert [d.rule for d in linter.lint_text(text)] == [
        "residue.pdf-radical-doubled",
        "residue.pdf-radical-alone",
        "residue.pdf-radical-doubled",
    ]
    fixed, _ = apply_fixes(text, linter.lint_text(text), unsafe=True)
    assert fixed == "纪检部每日常规\n一、班级卫生\n垃圾桶内不得有垃圾。\n"
