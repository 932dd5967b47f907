"""bench/quality.py: recall against an answer key, false alarms, and the corpus helper's CI rule."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import authoritative
import pytest

QUALITY = Path(__file__).resolve().parent.parent / "bench" / "quality.py"


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("quality", QUALITY)
    module = importlib.util.module_from_spec(spec)
    sys.modules["quality"] = module
    spec.loader.exec_module(module)
    return module


def write_devset(folder: Path) -> None:
    (folder / "texts").mkdir(parents=True)
    (folder / "keys").mkdir()
    (folder / "MANIFEST.tsv").write_text("file\tdate\n001_a.txt\t2024-05-01\n", encoding="utf-8")
    (folder / "texts" / "001_a.txt").write_text(
        "关于做好工作的通知\n我们要坚决坚决贯彻落实。\n全县共有x个村。\n各单位认真落实。\n", encoding="utf-8"
    )
    (folder / "keys" / "001_a.yaml").write_text(
        "file: 001_a.txt\ndefects:\n"
        "  - {line: 2, text: 坚决坚决, class: repetition}\n"
        "  - {line: 3, text: x个村, class: placeholder}\n"
        "  - {line: 4, text: 认真落实, class: other}\n",
        encoding="utf-8",
    )


def test_recall_per_class_and_false_alarms(quality, tmp_path, linter):
    write_devset(tmp_path)
    shown: list[str] = []
    report, recall = quality.devset_report(linter, tmp_path, shown)
    assert recall["repetition"] == [1, 1]
    assert recall["placeholder"] == [1, 1]
    assert recall["other"] == [0, 1]
    assert "missed  001_a.txt:4 [other] 认真落实" in shown
    assert report.files == 1 and report.unexplained == 0
    table = quality.markdown([report], recall)
    assert "| other | 0 | 1 | 0% |" in table and "| **all** | 2 | 3 | 67% |" in table


def test_a_finding_elsewhere_on_the_line_is_not_the_keyed_defect(quality):
    from lint.diagnostics import Diagnostic, Severity, Span

    defect = quality.KeyDefect("a.txt", 2, "坚决坚决", "repetition")
    lines = ["标题", "我们要坚决坚决贯彻落实，,"]
    at = lambda column, end: Diagnostic("a.txt", Span(0, 0, 2, column, 2, end), "r", Severity.ERROR, "m", "x")  # noqa: E731
    assert defect.found_by(at(4, 8), lines)
    assert not defect.found_by(at(13, 14), lines)


def test_a_missing_corpus_fails_in_ci_only(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert authoritative.required()
    monkeypatch.setenv("CI", "")
    assert not authoritative.required()


def test_the_development_set_keeps_what_it_finds_and_adds_no_false_alarm(quality, linter):
    """A regression guard on real drafts: bench/devset/expected.yaml records, per defect class, how many
    keyed defects gwlint finds and how many false alarms it gives; finding fewer or alarming more fails.
    Raise the floors there when a change finds more (bench/quality.py prints the numbers)."""
    import yaml

    folder = QUALITY.parent / "devset"
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    shown: list[str] = []
    report, recall = quality.devset_report(linter, folder, shown)
    found = {cls: f for cls, (f, _) in recall.items()}
    fewer = {cls: (found.get(cls, 0), floor) for cls, floor in expected["found"].items() if found.get(cls, 0) < floor}
    assert not fewer, f"found fewer keyed defects than before (now, before): {fewer}\n" + "\n".join(shown)
    assert report.unexplained <= expected["false_alarms"], "\n".join(s for s in shown if s.startswith("false"))
