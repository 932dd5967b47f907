"""A small on-disk cache in the user's cache directory; every failure to use it is silent."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from lint import __version__


def cache_dir() -> Path:
    explicit = os.environ.get("GWLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gwlint"


def content_key(paths: Iterable[Path], salt: str = "") -> str:
    digest = hashlib.sha256(f"{__version__}\0{salt}".encode())
    for path in paths:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def has_stamp(kind: str, key: str) -> bool:
    return (cache_dir() / kind / key).exists()


def write_stamp(kind: str, key: str) -> None:
    try:
        folder = cache_dir() / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
    except OSError:
        pass
