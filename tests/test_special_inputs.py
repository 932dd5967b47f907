"""Inputs that are not regular files never block or exhaust a run: a FIFO or a device named as a
draft, a pack or a baseline is an error naming it (exit 2); a directory walk passes them by;
stdin still works; no input is read past MAX_INPUT_BYTES.

The runs that could block (a FIFO nobody writes to) or read without end (/dev/zero) are separate
processes with a time limit and a memory limit, so that a regression fails instead of hanging
the suite or filling the machine's memory.
"""

from __future__ import annotations

import json
import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint import source
from lint.cli import main
from lint.source import NOT_REGULAR, SourceError, read_file

BAD = "**县是革命老区。\n"  # the built-in placeholder pack reports the stars
MEMORY = 2 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def gwlint(*argv: str | Path, stdin: bytes = b"") -> tuple[int, dict, str]:
    """gwlint in its own process, stopped after 60 s and at 2 GB of memory."""
    done = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--format", "json", *map(str, argv)],
        input=stdin,
        capture_output=True,
        timeout=60,
        preexec_fn=_limit_memory,
    )
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err
    return done.returncode, json.loads(done.stdout or b"{}"), err


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "ok" / "bad.txt"
    path.parent.mkdir()
    path.write_text(BAD, encoding="utf-8")
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)  # nobody writes to it: opening it to read would wait forever
    return path


@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_a_fifo_or_device_named_as_a_draft_is_an_error_and_the_others_are_linted(
    special: str, fifo: Path, draft: Path
) -> None:
    path = fifo if special == "fifo" else Path(special)
    code, payload, err = gwlint(path, draft)
    assert code == 2
    assert [(e["path"], e["message"]) for e in payload["errors"]] == [(str(path), NOT_REGULAR)]
    assert f"gwlint: error: {path}: {NOT_REGULAR}" in err
    assert [d["path"] for d in payload["diagnostics"]] == [str(draft)]


@pytest.mark.parametrize("option", ["--pack", "--baseline"])
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_fifo_or_device_given_as_a_pack_or_baseline_is_an_error(
    option: str, special: str, fifo: Path, draft: Path
) -> None:
    path = fifo if special == "fifo" else Path(special)
    code, _, err = gwlint(draft, option, path)
    assert code == 2
    assert err.startswith(f"gwlint: error: {path}: ") and "not a regular file" in err


def test_a_directory_walk_passes_fifos_by(fifo: Path, draft: Path) -> None:
    fifo.rename(draft.parent / "pipe.txt")
    code, payload, _ = gwlint(draft.parent)
    assert code == 1
    assert [d["path"] for d in payload["diagnostics"]] == [str(draft)] and payload["errors"] == []


def test_stdin_is_still_read(draft: Path) -> None:
    code, payload, _ = gwlint("-", "--stdin-filename", "draft.txt", stdin=BAD.encode())
    assert code == 1
    assert [d["path"] for d in payload["diagnostics"]] == ["draft.txt"]


def test_a_file_swapped_for_a_fifo_after_it_was_looked_at_is_refused_without_blocking(
    fifo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular, real_stat = os.stat(__file__), os.stat

    def looked_at(path: object, *args: object, **kwargs: object) -> os.stat_result:
        return regular if path == fifo else real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", looked_at)  # it was a regular file when looked at
    with pytest.raises(SourceError, match="not a regular file"):
        read_file(fifo, str(fifo))


def test_inputs_over_the_size_limit_are_errors(
    draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(source, "MAX_INPUT_BYTES", 1024 * 1024)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"a" * (1024 * 1024))
    assert main([str(big), str(exact), str(draft), "--format", "json"]) == 2
    payload = json.loads(capsys.readouterr().out)
    too_large = "too large to read safely: over 1 MiB (gwlint's cap for one input)"
    assert [(e["path"], e["message"]) for e in payload["errors"]] == [(str(big), too_large)]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * (1024 * 1024 + 1))))
    assert main(["-", "--format", "json"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"] == [{"path": "-", "message": too_large}]


def test_the_size_limit_is_far_above_the_largest_input_the_benchmark_lints() -> None:
    assert source.MAX_INPUT_BYTES >= 2 * 100 * 1000**2


def test_a_special_file_is_refused_before_it_is_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    real_open = os.open

    def opening(path: object, *args: object, **kwargs: object) -> int:
        opened.append(path)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", opening)
    with pytest.raises(SourceError):
        read_file(Path("/dev/zero"), "/dev/zero")
    assert Path("/dev/zero") not in opened and stat.S_ISCHR(os.stat("/dev/zero").st_mode)
