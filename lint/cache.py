"""A small on-disk cache in the user's cache directory; every failure to use it is silent.

Entries are keyed by content (see ``content_key``): a changed input gets a new key, so an entry is
never stale, only unused. A corrupt, unreadable or unwritable entry is treated as missing.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import os
import re
import stat
import sys
import time
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from lint import __version__

if TYPE_CHECKING:
    from typing import BinaryIO

from hashlib import blake2b as _blake2b
from pickle import Pickler, PicklingError, dumps, load  # noqa: F401 - dumps: for lint.plans

FORMAT = "3"  # bump when the layout of a cached object changes without a version bump


def blake2b(data: bytes = b"") -> _blake2b:
    return _blake2b(data, digest_size=32)


def cache_dir() -> Path:
    explicit = os.environ.get("GWLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gwlint"


_TRUSTED: dict[Path, bool] = {}


def usable(folder: Path) -> bool:
    """Whether the cache in ``folder`` may be read and written: entries are pickles, which run code
    when loaded, so the folder must be owned by the user (or root, see lint.trust) and not writable
    by everyone. A folder that does not exist yet is usable: it is created writable by the user only."""
    if folder in _TRUSTED:
        return _TRUSTED[folder]
    from lint import trust

    try:
        modes = [os.stat(folder, follow_symlinks=False), os.stat(folder)]
    except FileNotFoundError:
        return True
    except OSError:
        return False
    uids = trust.trusted_uids()
    verdict = not uids or all(
        st.st_uid in uids and (stat.S_ISLNK(st.st_mode) or not st.st_mode & stat.S_IWOTH) for st in modes
    )
    _TRUSTED[folder] = verdict
    return verdict


def _folder(kind: str) -> Path | None:
    """The folder of the entries of ``kind``, or None when the cache may not be used."""
    root = cache_dir()
    return root / kind if usable(root) else None


def content_key(paths: Iterable[Path], salt: str = "") -> str:
    digest = blake2b(f"{__version__}\0{FORMAT}\0{salt}".encode())
    for path in paths:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def stat_key(paths: Iterable[Path], salt: str = "") -> str:
    """A key that changes when any of ``paths`` is changed, added or removed, read from their size
    and modification time only (what decides whether a .pyc is current)."""
    digest = blake2b(f"{__version__}\0{FORMAT}\0{salt}".encode())
    for path in paths:
        try:
            stat = os.stat(path)
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{path}\0<unreadable>\0".encode())
    return digest.hexdigest()


def bytes_key(data: bytes, salt: str = "") -> str:
    return blake2b(f"{__version__}\0{FORMAT}\0{salt}\0".encode() + data).hexdigest()


def has_stamp(kind: str, key: str) -> bool:
    folder = _folder(kind)
    return folder is not None and (folder / key).exists()


def write_stamp(kind: str, key: str) -> None:
    folder = _folder(kind)
    if folder is None or not _make_folder(folder):
        return
    # created exclusively, never through a link someone left under that name; already stamped: nothing to do
    with contextlib.suppress(OSError):
        os.close(os.open(folder / key, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))


def _make_folder(folder: Path) -> bool:
    """Create ``folder`` (and the cache root) writable by the user only; False when it cannot be used."""
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return False
    _TRUSTED.pop(folder.parent, None)  # created just now, perhaps by someone else first: look again
    return usable(folder.parent)


def load_object(kind: str, key: str) -> object | None:
    """The object stored under ``key``, or None when there is none or it cannot be read back."""
    folder = _folder(kind)
    if folder is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as stream:
            return load(stream)
    except Exception:  # a corrupt entry (truncated, from another Python, ...) is rebuilt, never fatal
        return None


def store_object(kind: str, key: str, value: object, keep_days: float | None = None) -> None:
    """Write ``value`` under ``key`` atomically (readers never see half an entry); failures are ignored.

    Compiled regular expressions are stored with their compiled program (see ``_reduce_pattern``)
    and compiled Python code as marshal data, so that reading them back does not compile them
    again. With ``keep_days``, entries of this kind not written for that long are removed.
    """
    buffer = io.BytesIO()
    try:
        pickler = Pickler(buffer, protocol=5)
        pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: _reduce_pattern}
        pickler.dump(value)
    except Exception:  # not picklable (a check holding a closure, ...): simply not cached
        return
    folder = _folder(kind)
    if folder is None:
        return
    if keep_days is not None:
        _prune(folder, keep_days)
    write_file(folder / f"{key}.pickle", lambda stream: stream.write(buffer.getbuffer()))


def _prune(folder: Path, keep_days: float) -> None:
    oldest = time.time() - keep_days * 86400
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < oldest:
                    entry.unlink()


def runtime_salt() -> str:
    """What a cached compiled object depends on besides its input: this Python and its regex engine."""
    import _sre  # type: ignore[import-not-found]  # _sre: CPython's regex engine, which has no stub

    return f"{sys.version}\0{_sre.MAGIC}"


def _reduce_pattern(pattern: re.Pattern[str]) -> tuple[Callable[..., re.Pattern[str]], tuple[object, ...]]:
    """Pickle a pattern as its compiled program; unpickling hands it straight to the regex engine.

    ``pickle`` stores a pattern as its source and compiles it again on load, which for a few hundred
    rules is most of a cold start. The program comes from ``re``'s own compiler, and is checked to
    give a pattern equal to the original (equality compares the programs) before it is stored.
    """
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]  # re's parser and compiler (CPython's, no stub in typeshed)

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    code: list[int] | bytes = [int(op) for op in _compiler._code(parsed, pattern.flags)]
    if array("I").itemsize == _sre.CODESIZE:  # one bytes object unpickles faster than ~200 ints a pattern
        code = array("I", code).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    state = (
        pattern.pattern, pattern.flags | parsed.state.flags, code,
        parsed.state.groups - 1, groupindex, tuple(indexgroup),
    )  # fmt: skip
    if _restore_pattern(*state) != pattern:
        raise PicklingError(f"cannot store the compiled form of {pattern.pattern!r}")
    return _restore_pattern, state


def _restore_pattern(source: str, flags: int, code: list[int] | bytes, *state: object) -> re.Pattern[str]:
    import _sre

    return _sre.compile(source, flags, array("I", code).tolist() if isinstance(code, bytes) else code, *state)


def write_file(target: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Create ``target`` through a temporary file and a rename; False when it could not be written."""
    import tempfile  # only on a cache miss: a warm start never writes

    temporary = None
    if not _make_folder(target.parent):
        return False
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")  # O_EXCL, mode 0600
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, target)
        return True
    except Exception:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
