from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CLEAN = Path(__file__).resolve().parent / "clean"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the suite's cache stamps out of the user's cache directory."""
    monkeypatch.setenv("GWLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "gwlint-cache"))


@pytest.fixture(scope="session")
def linter():
    from lint.engine import Linter
    from lint.packs import load_packs, select_rules

    return Linter(select_rules(load_packs()))
