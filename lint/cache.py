"""A small on-disk cache in the user's cache directory; every failure to use it is silent.

Entries are keyed by content (see ``content_key``): a changed input gets a new key, so an entry is
never stale, only unused. A corrupt, unreadable or unwritable entry is treated as missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from lint import __version__

FORMAT = "2"  # bump when the layout of a cached object changes without a version bump


def cache_dir() -> Path:
    explicit = os.environ.get("GWLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gwlint"


def content_key(paths: Iterable[Path], salt: str = "") -> str:
    digest = hashlib.sha256(f"{__version__}\0{FORMAT}\0{salt}".encode())
    for path in paths:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def bytes_key(data: bytes, salt: str = "") -> str:
    return hashlib.sha256(f"{__version__}\0{FORMAT}\0{salt}\0".encode() + data).hexdigest()


def has_stamp(kind: str, key: str) -> bool:
    return (cache_dir() / kind / key).exists()


def write_stamp(kind: str, key: str) -> None:
    try:
        folder = cache_dir() / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
    except OSError:
        pass


def load_object(kind: str, key: str) -> object | None:
    """The object stored under ``key``, or None when there is none or it cannot be read back."""
    try:
        with open(cache_dir() / kind / f"{key}.pickle", "rb") as stream:
            return pickle.load(stream)
    except Exception:  # a corrupt entry (truncated, from another Python, ...) is rebuilt, never fatal
        return None


def store_object(kind: str, key: str, value: object) -> None:
    """Write ``value`` under ``key`` atomically (readers never see half an entry); failures are ignored."""
    write_file(cache_dir() / kind / f"{key}.pickle", lambda stream: pickle.dump(value, stream, protocol=5))


def write_file(target: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Create ``target`` through a temporary file and a rename; False when it could not be written."""
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, target)
        return True
    except Exception:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
