"""Which files a run lints: the paths given, folders walked for drafts, ``-`` for stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from lint.formats import DRAFT_SUFFIXES, is_annotated_copy


def expand_paths(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Yield (display name, path) for every file to lint; a directory recurses over draft files."""
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            children = sorted(_walk(path))
            for child in children:
                yield str(child), child
            if not children:
                yield raw, path  # the folder itself: reading it says that it holds no draft
        else:
            yield raw, path


def _walk(folder: Path) -> Iterator[Path]:
    """Draft files under ``folder``, hidden ones left out; links to directories are not followed (no loops).

    A directory that cannot be listed is yielded itself, so that reading it reports why.
    """
    unlisted: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=lambda error: unlisted.append(Path(error.filename))):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            child = Path(root, name)
            if name.startswith(".") or child.suffix.lower() not in DRAFT_SUFFIXES or is_annotated_copy(name):
                continue
            if child.is_file():
                yield child
    yield from unlisted
