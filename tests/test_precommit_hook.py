"""The pre-commit hook, run for real: ``pre-commit try-repo`` installs this checkout into its own
environment and runs the ``gwlint`` hook on the staged drafts of a throwaway document repository.

try-repo uses this checkout's HEAD, plus its uncommitted changes to tracked files (it commits them
into a shadow clone), so the test checks the working tree a developer has and the commit CI has.
Untracked files are left out: a module not yet added to git makes this test fail, as it would for
every user of the hook.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALL_TIMEOUT = 900  # seconds: pre-commit builds a virtualenv and pip-installs gwlint and its dependencies

BAD = "**县是革命老区。\n"
CLEAN = "# 通知\n\n全县共有32个村。\n"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None,
    reason="needs git and pre-commit (test dependencies)",
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """A document repository whose configuration limits gwlint to the placeholder pack."""
    repo = tmp_path / "documents"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "user.name", "test")
    git(repo, "config", "commit.gpgsign", "false")
    (repo / ".gwlint.yaml").write_text("select: [placeholder]\n", encoding="utf-8")
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", ".gwlint.yaml")
    git(repo, "commit", "-q", "-m", "configuration")
    return repo


def try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "gwlint", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
    )


def test_hook_fails_a_commit_of_a_bad_draft_and_passes_a_clean_one(documents: Path, tmp_path: Path):
    if not (ROOT / ".git").exists():
        pytest.skip("this checkout is not a git repository")
    git(documents, "add", "bad.txt", "clean.md")
    failing = try_repo(documents, tmp_path / "pre-commit-home")
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "gwlint" in output and "Failed" in output, output
    assert "bad.txt" in output and "placeholder.template-stars" in output, output
    assert "clean.md" not in output.split("- exit code: 1", 1)[-1], "only the bad draft has findings"

    git(documents, "rm", "-q", "--cached", "bad.txt")
    passing = try_repo(documents, tmp_path / "pre-commit-home")
    output = passing.stdout + passing.stderr
    assert passing.returncode == 0, output
    assert "Passed" in output, output
