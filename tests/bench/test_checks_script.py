"""bench/checks.py: bad arguments get a message and exit 2, never a traceback."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "checks.py"


def _script():
    spec = importlib.util.spec_from_file_location("bench_checks", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_help_prints_usage_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _script().main(["--help"])
    assert exit_info.value.code == 0
    assert "FILE" in capsys.readouterr().out


def test_a_missing_file_is_named_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "size_1mb.txt"
    assert _script().main([str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err
