"""Regenerate the README's rule table from the packs (the same data the checks and `gwlint explain` use)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.docs import README_END, README_START, rules_section, with_meta  # noqa: E402
from lint.packs import load_packs  # noqa: E402


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    section = rules_section(with_meta(load_packs()))
    readme.write_text(head + README_START + "\n" + section + README_END + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
