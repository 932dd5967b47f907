"""bench/quality.py: recall against an answer key, false alarms, and the corpus helper's CI rule."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import authoritative
import pytest

QUALITY = Path(__file__).resolve().parents[2] / "bench" / "quality.py"


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
    report, recall, batches = quality.devset_report(linter, tmp_path, shown)
    assert batches == {"0NN": [2, 3]}  # the batch a draft was added in: its number's hundreds
    assert recall["repetition"] == [1, 1]
    assert recall["placeholder"] == [1, 1]
    assert recall["other"] == [0, 1]
    assert "missed  001_a.txt:4 [other] 认真落实" in shown
    assert report.files == 1 and report.unexplained == 0
    table = quality.markdown([report], recall, batches)
    assert "| other | 0 | 1 | 0% |" in table and "| **all** | 2 | 3 | 67% |" in table
    assert "| 0NN | 2 | 3 | 67% |" in table


def test_a_finding_elsewhere_on_the_line_is_not_the_keyed_defect(quality):
    from lint.diagnostics import Diagnostic, Severity, Span

    defect = quality.KeyDefect("a.txt", 2, "坚决坚决", "repetition")
    lines = ["标题", "我们要坚决坚决贯彻落实，,"]
    at = lambda column, end: Diagnostic("a.txt", Span(0, 0, 2, column, 2, end), "r", Severity.ERROR, "m", "x")  # noqa: E731
    assert defect.found_by(at(4, 8), lines)
    assert not defect.found_by(at(13, 14), lines)


def test_a_text_keyed_twice_on_one_line_is_its_first_and_then_its_second_place(quality):
    from lint.diagnostics import Diagnostic, Severity, Span

    first, second = quality.key_defects("a.txt", [{"line": 1, "text": '同时"聚优”', "class": "punctuation"}] * 2)
    lines = ['甲同时"聚优”乙。丙同时"聚优”丁。']
    at = lambda column: Diagnostic("a.txt", Span(0, 0, 1, column, 1, column + 1), "r", Severity.ERROR, "m", "x")  # noqa: E731
    assert first.found_by(at(4), lines) and not first.found_by(at(13), lines)
    assert second.found_by(at(13), lines) and not second.found_by(at(4), lines)


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
    report, recall, _ = quality.devset_report(linter, folder, shown)
    found = {cls: f for cls, (f, _) in recall.items()}
    fewer = {cls: (found.get(cls, 0), floor) for cls, floor in expected["found"].items() if found.get(cls, 0) < floor}
    assert not fewer, f"found fewer keyed defects than before (now, before): {fewer}\n" + "\n".join(shown)
    assert report.unexplained <= expected["false_alarms"], "\n".join(s for s in shown if s.startswith("false"))


def write_central(folder: Path, triage_verdict: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "MANIFEST.tsv").write_text(
        "file\ttitle\tdate\n001_2020-11-11_a.txt\ta\t2020-11-11\n002_2023-01-01_b.txt\tb\t2023-01-01\n",
        encoding="utf-8",
    )
    sentence = "我们要统筹山水林田湖草系统治理。\n"
    (folder / "001_2020-11-11_a.txt").write_text("标题\n" + sentence, encoding="utf-8")
    (folder / "002_2023-01-01_b.txt").write_text("标题\n" + sentence, encoding="utf-8")
    if triage_verdict is not None:
        (folder / "TRIAGE.md").write_text(
            "| file | line | rule | matched | verdict | reason |\n| --- | --- | --- | --- | --- | --- |\n"
            "| 002_2023-01-01_b.txt | 2 | formulation.mountains-to-sand "
            f"| x | {triage_verdict} | r |\n",
            encoding="utf-8",
        )


def test_central_texts_are_linted_at_their_own_date_and_triage_explains_artefacts(quality, tmp_path, linter):
    """The same sentence is right before 2021-03-05 (山水林田湖草沙) and outdated after it: only the later text has a
    finding, and it counts as explained only when TRIAGE.md calls it an artefact or a true error."""
    write_central(tmp_path / "untriaged", None)
    write_central(tmp_path / "artefact", "artefact")
    write_central(tmp_path / "wrong", "wrong rule")
    rule = "formulation.mountains-to-sand"
    reports = {}
    for name in ("untriaged", "artefact", "wrong"):
        shown: list[str] = []
        reports[name] = (quality.central_report(linter, tmp_path / name, shown), shown)
    report, shown = reports["untriaged"]
    assert (report.files, report.findings, report.unexplained) == (2, 1, 1)
    assert report.per_rule == {rule: 1}
    assert report.chars == 2 * len("标题\n我们要统筹山水林田湖草系统治理。\n")
    assert shown == [f"central 002_2023-01-01_b.txt:2:6 {rule} 山水林田湖草 [not triaged]"]
    assert reports["artefact"][0].unexplained == 0 and reports["artefact"][1] == []
    assert reports["wrong"][0].unexplained == 1 and reports["wrong"][1][0].endswith("[wrong rule]")
    assert quality.central_report(linter, tmp_path / "none", []) is None


def test_the_central_set_is_reported_beside_the_others(quality, tmp_path, linter):
    write_central(tmp_path, "artefact")
    report = quality.central_report(linter, tmp_path, [])
    table = quality.markdown([report], None)
    assert f"| central texts ({tmp_path}), each at its own date | 2 | 40 | 1 | 250.00 | 0 | 0.00 |" in table
    assert "(on the central texts: findings bench/central/TRIAGE.md does not call an artefact or a true error)" in table
    assert "`formulation.mountains-to-sand` 1" in table
    assert "on the central texts" not in quality.markdown([], None)


def test_every_finding_on_the_central_texts_is_triaged(quality, linter):
    """bench/central holds central texts the rules were not tuned on; a rule that starts firing there must
    be triaged in bench/central/TRIAGE.md (artefact, wrong rule, missing date or true error)."""
    shown: list[str] = []
    report = quality.central_report(linter, QUALITY.parent / "central", shown)
    assert report.files >= 15
    untriaged = [line for line in shown if line.endswith("[not triaged]")]
    assert not untriaged, "findings on bench/central not in TRIAGE.md:\n" + "\n".join(untriaged)


def test_batches_are_numbered_by_hundreds_past_nine(quality):
    assert quality.batch_of("907_notice.txt") == "9NN"
    assert quality.batch_of("1003_speech.txt") == "10NN"
    assert quality.batch_of("readme.txt") == "other"
    text = quality.markdown([], None, {"10NN": [1, 2], "9NN": [1, 1], "1NN": [2, 4]})
    rows = [line.split(" | ")[0] for line in text.splitlines() if line.startswith("| ") and "NN" in line]
    assert rows == ["| 1NN", "| 9NN", "| 10NN"]


def shared_windows(text: str, other: str) -> tuple[int, int]:
    """How many of ``text``'s 20-character windows (one every 100 characters, none across a line) ``other``
    holds, and how many there are."""
    windows = [text[i : i + 20] for i in range(0, max(0, len(text) - 20), 100) if "\n" not in text[i : i + 20]]
    return sum(window in other for window in windows), len(windows)


def test_no_draft_of_the_development_set_is_another_one_again():
    """A text found twice (the same news item kept in two repositories' dumps) would be counted twice and
    could not be held out: 2300 was 702 again and 2700 was 039. Drafts written from one template (the
    18NN duty lists) share some windows, never most of them."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in (QUALITY.parent / "devset" / "texts").glob("*.txt")}
    again = []
    for name, text in texts.items():
        for other_name, other in texts.items():
            if other_name == name:
                continue
            shared, windows = shared_windows(text, other)
            if windows >= 3 and shared >= 0.8 * windows:
                again.append((name, other_name, f"{shared} of {windows}"))
    assert not again, again
