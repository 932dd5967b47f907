"""Regenerate docs/rules.md from the packs and the check kinds (the data the checks and `gwlint explain` use)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.docs import RULES_DOC, rules_document, with_meta  # noqa: E402
from lint.packs import load_packs  # noqa: E402


def main() -> int:
    (ROOT / RULES_DOC).write_text(rules_document(with_meta(load_packs())), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
