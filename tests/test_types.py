"""The package's types are checked: mypy passes on lint/ (configured in pyproject.toml), as in the
pre-commit hook, and every ``# type: ignore`` that remains says why."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)")


def unexplained_ignores(source: str) -> list[str]:
    """The lines whose ``# type: ignore`` names no error code or gives no reason after it."""
    found = []
    for line in source.splitlines():
        match = IGNORE.search(line)
        if match and not (match.group("codes") and re.match(r"\s+#\s*\S", match.group("rest"))):
            found.append(line.strip())
    return found


def test_mypy_passes_on_the_package():
    # mypy is in the test extra, so CI (.ci/run installs it) always runs this check
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_type_ignore_says_why():
    unexplained = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "lint").rglob("*.py"))
        if (lines := unexplained_ignores(path.read_text(encoding="utf-8")))
    }
    assert unexplained == {}


def test_an_ignore_without_a_reason_is_found():
    assert unexplained_ignores("x = f()  # type: ignore[arg-type]") == ["x = f()  # type: ignore[arg-type]"]
    assert unexplained_ignores("x = f()  # type: ignore") == ["x = f()  # type: ignore"]
    assert unexplained_ignores("x = f()  # type: ignore[arg-type]  # f is untyped") == []
