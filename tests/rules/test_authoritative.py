"""Precision regression: the authoritative corpus, each text linted at its own date, raises nothing
beyond the reviewed web-copy artefacts (tests/data/authoritative-exceptions.yaml)."""

from __future__ import annotations

import authoritative as corpus
import pytest

if not corpus.available():
    if corpus.required():
        raise RuntimeError(
            f"the authoritative corpus is missing at {corpus.CORPUS} (CI needs ../shared beside the clone)"
        )
    pytest.skip(f"the authoritative corpus is not at {corpus.CORPUS}", allow_module_level=True)

TEXTS = corpus.texts()
EXCEPTIONS = corpus.exceptions()


@pytest.fixture(scope="module")
def findings(linter):
    return {text.path.name: corpus.lint_at_its_date(linter, text) for text in TEXTS}


def test_the_corpus_is_whole():
    assert len(TEXTS) >= 75
    assert all(text.path.is_file() for text in TEXTS)


@pytest.mark.parametrize("text", TEXTS, ids=[text.path.name[:40] for text in TEXTS])
def test_an_authoritative_text_is_silent_at_its_date(findings, text):
    wrong = [
        f"{d.span.line}:{d.span.column} {d.rule} {d.matched!r}"
        for d in corpus.unexplained(text, findings[text.path.name], EXCEPTIONS)
    ]
    assert not wrong, f"{text.path.name} ({text.day}): {wrong}"


def test_every_exception_is_a_named_artefact_that_still_occurs(findings):
    for exception in EXCEPTIONS:
        assert exception.why.strip(), exception
        hits = [d for d in findings.get(exception.file, []) if exception.covers(exception.file, d)]
        assert hits, f"exception no longer needed (remove it): {exception}"


def test_a_departure_from_a_standard_is_only_an_info_hint(findings):
    from lint.diagnostics import Severity

    for exception in EXCEPTIONS:
        if exception.info_only:
            hits = [d for d in findings[exception.file] if exception.covers(exception.file, d)]
            assert {d.severity for d in hits} == {Severity.INFO}, exception


def test_no_wrong_rule_is_excused_any_more():
    """Every exception is a web-copy artefact or a standard the text departs from (info hint only)."""
    assert [(e.file, e.rule) for e in EXCEPTIONS if e.wrong_rule] == []


def test_every_listed_set_phrase_and_formulation_is_written_so_in_the_central_texts():
    """near_idiom's phrases and near_phrase's formulations are the standard against which a slip is
    judged: each must be written exactly so in the corpus or bench/central (提档升级 was dropped: the
    2018 一号文件 writes 提挡升级)."""
    import yaml

    central = sorted((corpus.ROOT / "bench" / "central").glob("*.txt"))
    written = "".join(path.read_text(encoding="utf-8") for path in [text.path for text in TEXTS] + central)
    unattested = []
    for pack in sorted((corpus.ROOT / "rules").glob("*.yaml")):
        for rule in yaml.safe_load(pack.read_text(encoding="utf-8"))["rules"]:
            if rule["kind"] in ("near_idiom", "near_phrase"):
                unattested += [f"{rule['id']}: {p}" for p in rule["params"].get("phrases", []) if p not in written]
    assert not unattested
