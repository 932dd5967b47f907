"""How true gwlint's rules are: ``python bench/quality.py`` prints, as Markdown,

- for the authoritative corpus (../shared/corpus/authoritative, each text at its own date): findings
  per 10,000 characters, those not covered by a reviewed web-copy artefact, and hits per rule;
- for the second set of central texts (bench/central: MANIFEST.tsv and the texts, see its README), each
  at its own date: the same numbers; a finding counts as explained when bench/central/TRIAGE.md calls
  it a web-copy artefact or a true error in the document;
- for the development set of real drafts (bench/devset: texts/, keys/, MANIFEST.tsv; see its
  README): recall per defect class against the hand-written answer key, false alarms per 10,000
  characters, and hits per rule, so a rule that starts firing shows up by name.

A key defect counts as found when a finding on the same line overlaps its text. ``--misses`` also
lists every missed defect and every false alarm. ``--devset DIR`` reads another development set,
``--central DIR`` another set of central texts.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))  # the corpus helper the precision test uses

import authoritative  # noqa: E402

from lint.dating import DOCUMENT, When, parse_as_of, resolve_as_of  # noqa: E402
from lint.diagnostics import Diagnostic  # noqa: E402
from lint.engine import Linter  # noqa: E402
from lint.packs import load_packs, select_rules  # noqa: E402
from lint.source import read_document  # noqa: E402

DEVSET = HERE / "devset"
CENTRAL = HERE / "central"
EXPLAINED_VERDICTS = ("artefact", "true error")  # TRIAGE.md verdicts that are right findings on the copy


@dataclass(frozen=True)
class KeyDefect:
    file: str
    line: int
    text: str
    cls: str
    occurrence: int = 0  # the key's text on its line: 0 its first place, 1 its second (a line that repeats itself)

    def found_by(self, diagnostic: Diagnostic, lines: Sequence[str]) -> bool:
        """Whether ``diagnostic`` lies on this defect's line and overlaps its text there."""
        if not diagnostic.span.line <= self.line <= diagnostic.span.end_line:
            return False
        content = lines[self.line - 1] if self.line <= len(lines) else ""
        start = content.find(self.text)
        for _ in range(self.occurrence):
            later = content.find(self.text, start + 1) if start >= 0 else -1
            start = later if later >= 0 else start  # fewer places than keys: the last one
        if start < 0:
            return diagnostic.span.line == self.line  # the key's text is not on the line: the line decides
        first = diagnostic.span.column - 1 if diagnostic.span.line == self.line else 0
        last = diagnostic.span.end_column - 1 if diagnostic.span.end_line == self.line else len(content)
        return first < start + len(self.text) and start < max(last, first + 1)


@dataclass
class SetReport:
    name: str
    files: int = 0
    chars: int = 0
    findings: int = 0
    unexplained: int = 0
    per_rule: collections.Counter[str] = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.per_rule = collections.Counter()

    def per_10k(self, count: int) -> float:
        return 10_000 * count / self.chars if self.chars else 0.0


def authoritative_report(linter: Linter) -> SetReport | None:
    if not authoritative.available():
        return None
    report = SetReport("authoritative corpus, each text at its own date")
    known = authoritative.exceptions()
    for text in authoritative.texts():
        diagnostics = authoritative.lint_at_its_date(linter, text)
        report.files += 1
        report.chars += len(text.path.read_text(encoding="utf-8"))
        report.findings += len(diagnostics)
        wrong = list(authoritative.unexplained(text, diagnostics, [e for e in known if not e.wrong_rule]))
        report.unexplained += len(wrong)
        report.per_rule.update(d.rule for d in wrong)
    return report


def triage_verdicts(triage: Path) -> dict[tuple[str, int, str], str]:
    """The verdict TRIAGE.md's table gives each finding, by (file, line, rule). Its rows read
    ``| file | line | rule | matched | verdict | reason |``."""
    if not triage.is_file():
        return {}
    verdicts = {}
    for row in triage.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip().strip("`") for cell in row.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[1].isdigit():
            verdicts[(cells[0], int(cells[1]), cells[2])] = cells[4].lower()
    return verdicts


def central_report(linter: Linter, folder: Path, show: list[str]) -> SetReport | None:
    """The central texts in ``folder`` (MANIFEST.tsv: file, date, ...), each linted at its own date;
    ``show`` gets every finding not explained, with its verdict in TRIAGE.md or ``not triaged``."""
    manifest = folder / "MANIFEST.tsv"
    if not manifest.is_file():
        return None
    with manifest.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream, delimiter="\t"))
    verdicts = triage_verdicts(folder / "TRIAGE.md")
    report = SetReport(f"central texts ({shown_path(folder)}), each at its own date")
    for row in rows:
        document = read_document(folder / row["file"], row["file"])
        diagnostics = linter.lint(document, as_of=datetime.date.fromisoformat(row["date"]))
        report.files += 1
        report.chars += len(document.text)
        report.findings += len(diagnostics)
        report.per_rule.update(d.rule for d in diagnostics)
        for d in diagnostics:
            verdict = verdicts.get((row["file"], d.span.line, d.rule), "not triaged")
            if not verdict.startswith(EXPLAINED_VERDICTS):
                report.unexplained += 1
                show.append(f"central {row['file']}:{d.span.line}:{d.span.column} {d.rule} {d.matched} [{verdict}]")
    return report


def devset_day(row: dict[str, str], text: str) -> When:
    """The draft's date from its MANIFEST row (a year or month alone: all its days, as lint.dating
    reads a 文号 year), else the date written in it, else today."""
    written = row.get("date", "").strip()
    if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", written):
        return parse_as_of(written)  # type: ignore[return-value]  # never DOCUMENT: digits only
    return resolve_as_of(DOCUMENT, text)[0]


def batch_of(name: str) -> str:
    """The batch a draft was added in: its number's hundreds (``2NN`` for 203_...), see bench/devset/README.md."""
    number = re.match(r"\d{3,}", name)
    return f"{int(number.group()) // 100}NN" if number else "other"


def _batch_order(item: tuple[str, list[int]]) -> tuple[int, str]:
    """Batches by number (9NN before 10NN), "other" last."""
    batch = item[0]
    return (int(batch[:-2]), batch) if batch[:-2].isdigit() else (10**9, batch)


Recall = dict[str, list[int]]  # class (or batch) -> [found, total]


def devset_report(linter: Linter, folder: Path, show: list[str]) -> tuple[SetReport, Recall, Recall] | None:
    manifest = folder / "MANIFEST.tsv"
    if not manifest.is_file():
        return None
    with manifest.open(encoding="utf-8", newline="") as stream:
        rows = {row["file"]: row for row in csv.DictReader(stream, delimiter="\t")}
    report = SetReport(f"development set ({shown_path(folder)})")
    recall: Recall = collections.defaultdict(lambda: [0, 0])
    batches: Recall = collections.defaultdict(lambda: [0, 0])
    for key_path in sorted((folder / "keys").glob("*.yaml")):
        key = yaml.safe_load(key_path.read_text(encoding="utf-8")) or {}
        name = key.get("file") or key_path.with_suffix(".txt").name
        path = folder / "texts" / name
        document = read_document(path, name)
        lines = document.text.splitlines()
        diagnostics = linter.lint(document, as_of=devset_day(rows.get(name, {}), document.text))
        defects = key_defects(name, key.get("defects") or [])
        report.files += 1
        report.chars += len(document.text)
        report.findings += len(diagnostics)
        report.per_rule.update(d.rule for d in diagnostics)
        for defect in defects:
            found = any(defect.found_by(d, lines) for d in diagnostics)
            for tally in (recall[defect.cls], batches[batch_of(name)]):
                tally[0] += found
                tally[1] += 1
            if not found:
                show.append(f"missed  {name}:{defect.line} [{defect.cls}] {defect.text}")
        for diagnostic in diagnostics:
            if not any(defect.found_by(diagnostic, lines) for defect in defects):
                report.unexplained += 1
                where = f"{name}:{diagnostic.span.line}:{diagnostic.span.column}"
                show.append(f"false   {where} {diagnostic.rule} {diagnostic.matched}")
    return report, recall, batches


def key_defects(name: str, entries: list[dict[str, object]]) -> list[KeyDefect]:
    """The key's defects; a text keyed twice on one line is its first place and then its second (a
    paragraph typed twice on one line keys each of its slips in both copies: held-out 12305)."""
    seen: collections.Counter[tuple[int, str]] = collections.Counter()
    defects = []
    for entry in entries:
        line, text = int(str(entry["line"])), str(entry["text"])
        defects.append(KeyDefect(name, line, text, str(entry["class"]), seen[line, text]))
        seen[line, text] += 1
    return defects


def markdown(reports: list[SetReport], recall: Recall | None, batches: Recall | None = None) -> str:
    out = ["| set | files | characters | findings | per 10,000 chars | not explained | per 10,000 chars |"]
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in reports:
        out.append(
            f"| {r.name} | {r.files} | {r.chars:,} | {r.findings} | {r.per_10k(r.findings):.2f} "
            f"| {r.unexplained} | {r.per_10k(r.unexplained):.2f} |"
        )
    out.append("\n(not explained: on the corpus, findings beyond the reviewed web-copy artefacts; on the development")
    out.append("set, false alarms: findings that overlap no defect of the answer key)\n")
    if any(r.name.startswith("central texts") for r in reports):
        out.append(
            "(on the central texts: findings bench/central/TRIAGE.md does not call an artefact or a true error)\n"
        )
    if recall is not None:
        found = sum(f for f, _ in recall.values())
        total = sum(t for _, t in recall.values())
        out += ["| defect class | found | in the key | recall |", "| --- | ---: | ---: | ---: |"]
        for cls, (f, t) in sorted(recall.items(), key=lambda item: (-item[1][1], item[0])):
            out.append(f"| {cls} | {f} | {t} | {100 * f / t:.0f}% |")
        if total:
            out.append(f"| **all** | {found} | {total} | {100 * found / total:.0f}% |")
        out.append("")
    if batches:
        out += ["| batch of drafts | found | in the key | recall |", "| --- | ---: | ---: | ---: |"]
        out += [
            f"| {b} | {f} | {t} | {100 * f / t:.0f}% |" for b, (f, t) in sorted(batches.items(), key=_batch_order) if t
        ]
        out.append("\n(batches: bench/devset/README.md says which batch was held out when it was added)\n")
    for r in reports:
        if r.per_rule:
            out.append(f"Hits per rule, {r.name}: " + ", ".join(f"`{k}` {v}" for k, v in r.per_rule.most_common()))
            out.append("")
    return "\n".join(out)


def shown_path(folder: Path) -> str:
    """``folder`` relative to the checkout where it lies inside it (reports do not name a machine's paths)."""
    try:
        return folder.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(folder)


DOCS_HEADER = """\
# Quality: the latest output of `python bench/quality.py`

Written by `python bench/quality.py --write-docs`, which also puts the first table into README.md.
Recall counts a keyed defect as found when a finding on its line overlaps its text.

"""


def write_docs(text: str) -> None:
    """docs/quality.md gets the whole report; README.md, between its quality markers, the first table."""
    (ROOT / "docs" / "quality.md").write_text(DOCS_HEADER + text.rstrip("\n") + "\n", encoding="utf-8")
    summary = text.split("\n\n", 1)[0]
    overall = re.search(r"^\| \*\*all\*\* \| (\d+) \| (\d+) \| (\d+%) \|$", text, re.M)
    if overall:
        batches = len(re.findall(r"^\| \d+NN \| \d+ \| \d+ \| \d+% \|$", text, re.M))
        summary += (
            f"\n\nDevelopment-set recall: {overall[3]} ({overall[1]} of {overall[2]} keyed in {batches} batches;"
            " recall per class and per batch: [docs/quality.md](docs/quality.md))."
        )  # the README stays one size however many batches are added
    readme = ROOT / "README.md"
    old = readme.read_text(encoding="utf-8")
    begin, end = "<!-- quality:start -->\n", "<!-- quality:end -->"
    head, rest = old.split(begin, 1)
    readme.write_text(head + begin + summary + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")


FLOORS_HEADER = """\
# What gwlint finds on the development set: floors for tests/bench/test_quality.py (raise them with
# `python bench/quality.py --raise-floors`; never lower them without saying why in the commit).
# found: keyed defects found per class; false_alarms: at most.
"""


def write_floors(path: Path, recall: Recall, false_alarms: int) -> None:
    lines = [FLOORS_HEADER + "found:"]
    lines += [f"  {cls}: {found}  # of {total}" for cls, (found, total) in sorted(recall.items())]
    lines.append(f"false_alarms: {false_alarms}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="the development set's folder")
    parser.add_argument("--central", type=Path, default=CENTRAL, help="the second set of central texts' folder")
    parser.add_argument("--misses", action="store_true", help="list every missed defect and false alarm")
    parser.add_argument(
        "--raise-floors",
        action="store_true",
        help="write what is found now to expected.yaml (the test's floors)",
    )
    parser.add_argument(
        "--write-docs", action="store_true", help="write the output to docs/quality.md and its summary to README.md"
    )
    args = parser.parse_args(argv)
    linter = Linter(select_rules(load_packs()))
    reports = []
    corpus = authoritative_report(linter)
    if corpus is None:
        print(f"(the authoritative corpus is not at {authoritative.CORPUS})")
    else:
        reports.append(corpus)
    show: list[str] = []
    dev = devset_report(linter, args.devset, show)
    recall = batches = None
    if dev is None:
        print(f"(no development set at {args.devset})")
    else:
        reports.append(dev[0])
        recall, batches = dev[1], dev[2]
        if args.raise_floors:
            write_floors(args.devset / "expected.yaml", recall, dev[0].unexplained)
    central = central_report(linter, args.central, show)
    if central is None:
        print(f"(no central texts at {args.central})")
    else:
        reports.append(central)
    text = markdown(reports, recall, batches)
    print(text)
    if args.write_docs:
        write_docs(text)
    if args.misses:
        print("\n".join(show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
