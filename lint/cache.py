"""A small on-disk cache in the user's cache directory; every failure to use it is silent.

Entries are keyed by content (see ``content_key``): a changed input gets a new key, so an entry is
never stale, only unused. A corrupt, unreadable or unwritable entry is treated as missing.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import marshal
import os
import re
import sys
import time
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from types import CodeType

from lint import __version__

TYPE_CHECKING = False  # not from typing: see lint/__init__.py
if TYPE_CHECKING:
    from typing import BinaryIO

try:  # the C pickler itself: ``import pickle`` also builds the pure-Python one (~1 ms of every run)
    from _pickle import Pickler, PicklingError, dumps, load
except ImportError:  # pragma: no cover - a Python without the accelerator
    from pickle import Pickler, PicklingError, dumps, load  # type: ignore[assignment] # noqa: F401 - dumps: for lint.setup

try:  # hashlib itself starts OpenSSL (~2 ms of every cold run); its BLAKE2 is this same module
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _blake2b

FORMAT = "3"  # bump when the layout of a cached object changes without a version bump


def blake2b(data: bytes = b"") -> _blake2b:
    return _blake2b(data, digest_size=32)


def cache_dir() -> Path:
    explicit = os.environ.get("GWLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gwlint"


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
        pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: _reduce_pattern, CodeType: _reduce_code}
        pickler.dump(value)
    except Exception:  # not picklable (a check holding a closure, ...): simply not cached
        return
    folder = cache_dir() / kind
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
    import _sre

    return f"{sys.version}\0{_sre.MAGIC}"


def _reduce_pattern(pattern: re.Pattern[str]) -> tuple[object, tuple[object, ...]]:
    """Pickle a pattern as its compiled program; unpickling hands it straight to the regex engine.

    ``pickle`` stores a pattern as its source and compiles it again on load, which for a few hundred
    rules is most of a cold start. The program comes from ``re``'s own compiler, and is checked to
    give a pattern equal to the original (equality compares the programs) before it is stored.
    """
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

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


def _reduce_code(code: CodeType) -> tuple[object, tuple[object, ...]]:
    """Pickle compiled Python code as ``marshal`` stores it in a .pyc (the key's salt names the Python)."""
    return marshal.loads, (marshal.dumps(code),)


def _restore_pattern(source: str, flags: int, code: list[int] | bytes, *state: object) -> re.Pattern[str]:
    import _sre

    return _sre.compile(source, flags, array("I", code).tolist() if isinstance(code, bytes) else code, *state)


def write_file(target: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Create ``target`` through a temporary file and a rename; False when it could not be written."""
    import tempfile  # only on a cache miss: a warm start never writes

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
