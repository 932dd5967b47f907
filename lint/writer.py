"""Atomic writes that never clobber a file someone changed after gwlint read it."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class WriteError(Exception):
    """A file that was not written; the message says why (and that the original is untouched)."""


def digest(data: bytes) -> str:
    import hashlib  # here and below: only when fixing, not on every check's start-up

    return hashlib.sha256(data).hexdigest()


def write_atomic(path: Path, data: bytes, expected_digest: str | None = None) -> None:
    """Replace ``path`` by ``data`` through a temporary file in the same directory and os.replace.

    The file mode is kept. With ``expected_digest`` (of the bytes that were read and fixed), a file
    whose content differs just before the replace is left alone and WriteError is raised. A symbolic
    link stays a link: its target is written.
    """
    import tempfile

    target = path.resolve()
    mode = _mode(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".gwlint-tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        if expected_digest is not None and _current_digest(target) != expected_digest:
            raise WriteError("changed on disk since it was read; not overwritten")
        os.replace(temporary, target)
        _sync_directory(target.parent)
    except OSError as error:
        raise WriteError(f"cannot write ({error.strerror or error}); original left as it was") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable, so that a power cut cannot bring back the old name's content."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not every platform or file system can open a directory; the rename stands anyway
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _current_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None
