"""The documented Python API gives what the CLI gives, pickles, and runs under Dask as docs/api.md shows."""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

from lint import Diagnostic, Linter, lint_paths, lint_text
from lint.cli import main

SEED_PATHS = sorted(str(path) for path in SEEDS.glob("*.txt"))

# docs/api.md's Dask example, verbatim; the test runs it from the repository root.
DASK_EXAMPLE = """
from pathlib import Path

import dask.bag as db

from lint import Linter, lint_paths

linter = Linter.from_packs()  # built once, pickled to every worker


def lint_one_path(path):
    return [d for result in lint_paths([path], linter) for d in result.diagnostics]


if __name__ == "__main__":
    paths = sorted(str(p) for p in Path("seeds").rglob("*.txt"))
    bag = db.from_sequence(paths, npartitions=2).map(lint_one_path).flatten()
    for d in bag.compute(scheduler="processes"):
        print(f"{d.path}:{d.span.line}:{d.span.column}: {d.rule} {d.message}")
"""


def as_line(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.path}:{diagnostic.span.line}:{diagnostic.span.column}: {diagnostic.rule} {diagnostic.message}"


@pytest.fixture(scope="module")
def cli_diagnostics(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    """What ``gwlint --format json`` reports for every seed, in the CLI's order (run once per module)."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GWLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "gwlint-cache"))
        with contextlib.redirect_stdout(out):
            code = main([*SEED_PATHS, "--format", "json"])
    payload = json.loads(out.getvalue())
    assert code in (0, 1), payload
    assert payload["errors"] == []
    return payload["diagnostics"]


def test_the_seeds_give_the_cli_something_to_compare(cli_diagnostics):
    assert cli_diagnostics, "the seeds hold placeholders; an empty report would make the comparisons below vacuous"


def test_lint_paths_equals_cli_json(cli_diagnostics):
    results = lint_paths(SEED_PATHS)
    assert [result.path for result in results] == SEED_PATHS
    assert [d.to_dict() for result in results for d in result.diagnostics] == cli_diagnostics


def test_lint_text_equals_cli_json_per_file(cli_diagnostics):
    for path in SEED_PATHS:
        with open(path, encoding="utf-8") as handle:
            found = lint_text(handle.read(), path)
        assert [d.to_dict() for d in found] == [d for d in cli_diagnostics if d["path"] == path], path


def test_diagnostics_are_picklable():
    with open(SEED_PATHS[0], encoding="utf-8") as handle:
        found = lint_text(handle.read(), SEED_PATHS[0])
    assert found
    restored = pickle.loads(pickle.dumps(found))
    assert restored == found
    assert all(isinstance(d, Diagnostic) for d in restored)


def test_a_pickled_linter_lints_like_the_original():
    linter = Linter.from_packs()
    restored = pickle.loads(pickle.dumps(linter))
    original = [r.diagnostics for r in lint_paths(SEED_PATHS, linter)]
    assert [r.diagnostics for r in lint_paths(SEED_PATHS, restored)] == original
    assert any(original)


def test_readme_dask_example_gives_the_findings_of_lint_paths(tmp_path, monkeypatch):
    pytest.importorskip("dask.bag")
    monkeypatch.chdir(ROOT)
    script = tmp_path / "dask_example.py"
    script.write_text(DASK_EXAMPLE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert run.returncode == 0, run.stderr
    relative = sorted(str(path.relative_to(ROOT)) for path in SEEDS.rglob("*.txt"))
    expected = [as_line(d) for result in lint_paths(relative) for d in result.diagnostics]
    assert expected
    assert run.stdout.splitlines() == expected
