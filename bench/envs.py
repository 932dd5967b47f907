"""The tools under test, each installed in its own place under bench/out/.

- gwlint-venv: ``pip install`` of this checkout with its ``fast`` extra (hyperscan, where it has a wheel;
  reinstalled every run, so it measures the work tree);
- ref-venv: autocorrect-py from PyPI, the Python binding of autocorrect (Rust CJK linter);
- node_modules: zhlint from npm, only where node and npm are on PATH.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

AUTOCORRECT = "autocorrect-py==2.14.0"
ZHLINT = "zhlint@0.8.2"

# The reference's cold process: import, read the file, lint it (autocorrect-py's own API).
AUTOCORRECT_SNIPPET = (
    "import sys, autocorrect_py; autocorrect_py.lint_for(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])"
)


@dataclass(frozen=True)
class Tools:
    gwlint: Path
    gwlint_python: Path
    ref_python: Path
    zhlint: Path | None  # zhlint's bin/index.js, run with node
    node: str | None
    versions: dict[str, str]


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def _run(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: `{' '.join(argv)}` failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def _python_of(folder: Path) -> Path:
    return folder / "bin" / "python"


def ensure_venv(folder: Path) -> Path:
    python = _python_of(folder)
    if not python.exists():
        _log(f"creating {folder}")
        venv.EnvBuilder(with_pip=True, clear=True).create(folder)
        _run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip", "hatchling"])
    return python


def install_gwlint(checkout: Path, out: Path) -> tuple[Path, Path]:
    """(gwlint script, its python): the checkout as a user installs it, never an editable install."""
    python = ensure_venv(out / "gwlint-venv")
    _log("installing the checkout into gwlint-venv")
    pip = [str(python), "-m", "pip", "install", "-q", "--no-build-isolation"]
    fast = subprocess.run([*pip, f"{checkout}[fast]"], capture_output=True, text=True)  # hyperscan, if it has a wheel
    if fast.returncode != 0:
        _log("gwlint[fast] does not install here: measuring the pure-Python path only")
        _run([*pip, str(checkout)])  # brings in new dependencies, if any
    _run([*pip, "--no-deps", "--force-reinstall", str(checkout)])  # the work tree's code, even at the same version
    return python.parent / "gwlint", python


def install_autocorrect(out: Path) -> Path:
    python = ensure_venv(out / "ref-venv")
    probe = subprocess.run([str(python), "-c", "import autocorrect_py"], capture_output=True)
    if probe.returncode != 0:
        _log(f"installing {AUTOCORRECT} into ref-venv")
        _run([str(python), "-m", "pip", "install", "-q", AUTOCORRECT])
    return python


def install_zhlint(out: Path) -> tuple[Path | None, str | None]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        _log("node/npm not found: zhlint is left out")
        return None, None
    script = out / "node_modules" / "zhlint" / "bin" / "index.js"
    if not script.exists():
        _log(f"installing {ZHLINT} into {out / 'node_modules'}")
        _run([npm, "install", "--prefix", str(out), "--no-audit", "--no-fund", "--silent", ZHLINT])
    return script, node


def _version(argv: list[str]) -> str:
    done = subprocess.run(argv, capture_output=True, text=True)
    return done.stdout.strip() or "?"


def install_all(checkout: Path, out: Path, with_zhlint: bool) -> Tools:
    gwlint, gwlint_python = install_gwlint(checkout, out)
    ref_python = install_autocorrect(out)
    zhlint, node = install_zhlint(out) if with_zhlint else (None, None)
    versions = {
        "gwlint": _version([str(gwlint), "--version"]).removeprefix("gwlint "),
        "autocorrect-py": _version(
            [str(ref_python), "-c", "import importlib.metadata as m; print(m.version('autocorrect-py'))"]
        ),
        "python": _version([str(gwlint_python), "-c", "import sys; print(sys.version.split()[0])"]),
    }
    if zhlint is not None and node is not None:
        package = json.loads((zhlint.parent.parent / "package.json").read_text(encoding="utf-8"))
        versions["zhlint"] = f"{package['version']} (node {_version([node, '--version'])})"
    return Tools(gwlint, gwlint_python, ref_python, zhlint, node, versions)


def has_jobs_flag(gwlint: Path) -> bool:
    """Whether ``gwlint check`` takes ``-j N`` (parallel files) yet."""
    help_text = _version([str(gwlint), "check", "--help"])
    return any(token in help_text.split() for token in ("-j", "-j,", "--jobs"))
