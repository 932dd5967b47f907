"""Every file gwlint writes: a fixed draft (``rewrite``), an output of its own (``write_new``, ``new_file``)
or a copy beside a draft under the first free name (``write_copy``: --annotate).

Both write a temporary file created exclusively (O_EXCL, O_NOFOLLOW) in the target's own folder,
sync it and rename it over the target; the folder is opened once and every step works inside it
(``dir_fd``), so nothing can be written outside it or through a symbolic link, and a crash leaves
the old file or the new one, never half of one. ``rewrite`` also refuses what it cannot do without
loss (a link, a read-only file, a file with other hard links, an owner or extended attribute it
cannot keep) and a file that changed after it was read, checked once more just before the rename.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import BinaryIO

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
CLOEXEC = getattr(os, "O_CLOEXEC", 0)
BY_FOLDER = os.open in os.supports_dir_fd and os.replace in os.supports_dir_fd  # POSIX


class WriteError(Exception):
    """A file that was not written; the message says why (and that the original is untouched)."""


class NoFreeName(WriteError):
    """``write_copy`` found every name it was given taken."""


def digest(data: bytes) -> str:
    import hashlib  # here and below: only when fixing, not on every check's start-up

    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """What was read from a draft: its bytes and the identity of the file they came from."""

    data: bytes
    identity: tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns


def identity(status: os.stat_result) -> tuple[int, int, int, int]:
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def rewrite(path: Path, data: bytes, read: Snapshot) -> None:
    """Replace the draft at ``path``, read as ``read``, by ``data``, keeping owner, group, mode and
    extended attributes; WriteError (original untouched) when that cannot be done safely."""
    try:
        with _Folder(path.parent) as folder:
            current = folder.lstat(path.name)
            _refuse_unsafe(current, read, folder, path.name)
            source = folder.open(path.name)
            try:
                _check_unchanged(source, read)
                with folder.temporary(path.name, 0o600) as temporary:
                    temporary.write(data)
                    _keep_metadata(source, temporary, current)
                    temporary.close()
                    _check_unchanged(source, read)
                    _last_look(folder, path.name, read)
                    temporary.rename()
            finally:
                os.close(source)
    except OSError as error:
        raise _failure(error) from None


def write_new(path: Path, data: bytes) -> None:
    """Create or replace gwlint's own output ``path`` (never through a link); a replaced file keeps its mode."""
    try:
        with _Folder(path.parent) as folder:
            current = _replaceable(folder, path.name)
            with folder.temporary(path.name, 0o666) as temporary:  # 0o666: the umask decides, as for any new file
                temporary.write(data)
                temporary.finish(current)
    except OSError as error:
        raise _failure(error) from None


def write_copy(names: Sequence[Path], data: bytes, mode: int, replace: bool = False) -> Path:
    """Create a copy under the first of ``names`` (all in one folder) that does not exist yet and return
    it; with ``replace``, put it in place of the directory entry ``names[0]`` whatever that entry is (a
    link there is replaced, its target left alone). An existing file or link is never written through.

    The bytes go to a temporary file first, which is then hard-linked to the free name: linking fails
    on any existing name, a dangling link included. Where hard links are not supported, the name is
    created with O_EXCL | O_NOFOLLOW instead.
    """
    try:
        with _Folder(names[0].parent) as folder, folder.temporary(names[0].name, 0o600) as temporary:
            temporary.write(data)
            temporary.chmod(mode)
            temporary.close()
            if replace:
                temporary.target = names[0].name
                temporary.rename()
                return names[0]
            for name in names:
                if _link_free(folder, temporary.name, name.name, data, mode):
                    folder.sync()
                    return name
    except OSError as error:
        raise _failure(error) from None
    raise NoFreeName(f"{len(names)} copies exist already")


LINK_UNSUPPORTED = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS, errno.EMLINK})


def _link_free(folder: _Folder, source: str, name: str, data: bytes, mode: int) -> bool:
    """Give the file ``source`` the new name ``name``; False when ``name`` exists."""
    try:
        os.link(folder.where(source), folder.where(name), src_dir_fd=folder.fd, dst_dir_fd=folder.fd)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in LINK_UNSUPPORTED:
            raise
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(folder.where(name), flags, mode, dir_fd=folder.fd)
    except FileExistsError:
        return False
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            os.fsync(stream.fileno())
    except OSError:
        os.unlink(folder.where(name), dir_fd=folder.fd)
        raise
    return True


@contextlib.contextmanager
def new_file(path: Path) -> Iterator[BinaryIO]:
    """``write_new`` for output written as it is produced (a report): ``path`` appears, whole, when the
    block ends without an exception; until then, and if it raises, the old file stays as it was."""
    try:
        with _Folder(path.parent) as folder:
            current = _replaceable(folder, path.name)
            with folder.temporary(path.name, 0o666) as temporary:
                assert temporary.fd is not None
                with os.fdopen(temporary.fd, "wb", closefd=False) as stream:
                    yield stream
                os.fsync(temporary.fd)
                temporary.finish(current)
    except OSError as error:
        raise _failure(error) from None


def _replaceable(folder: _Folder, name: str) -> os.stat_result | None:
    """The output file ``name`` that will be replaced (None: none yet); WriteError when it must not be."""
    try:
        current = folder.lstat(name)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(current.st_mode):
        raise WriteError("is a symbolic link; not overwritten")
    if not stat.S_ISREG(current.st_mode):
        raise WriteError("exists and is not a regular file; not overwritten")
    return current


def _refuse_unsafe(current: os.stat_result, read: Snapshot, folder: _Folder, name: str) -> None:
    if stat.S_ISLNK(current.st_mode):
        raise WriteError("is a symbolic link; --fix does not write through links (run it on the file it points to)")
    if not stat.S_ISREG(current.st_mode):
        raise WriteError("not a regular file; not rewritten")
    if identity(current) != read.identity:
        raise WriteError("changed on disk since it was read; not overwritten")
    if not current.st_mode & 0o222 or not folder.writable(name):
        raise WriteError("read-only file; not rewritten (make it writable to let --fix change it)")
    if current.st_nlink > 1:
        raise WriteError(
            f"has {current.st_nlink} hard links; rewriting it would leave the other names with the old text, "
            "so it is not rewritten"
        )


def _check_unchanged(source: int, read: Snapshot) -> None:
    """The open draft still has the bytes and identity that were read."""
    status = os.fstat(source)
    if identity(status) != read.identity or digest(_read_all(source)) != digest(read.data):
        raise WriteError("changed on disk since it was read; not overwritten")


def _last_look(folder: _Folder, name: str, read: Snapshot) -> None:
    """Just before the rename: the name still leads to the very file that was read, unchanged."""
    try:
        current = folder.lstat(name)
    except FileNotFoundError:
        raise WriteError("removed or renamed since it was read; not overwritten") from None
    if identity(current) != read.identity or not stat.S_ISREG(current.st_mode) or current.st_nlink > 1:
        raise WriteError("changed on disk since it was read; not overwritten")


def _read_all(descriptor: int) -> bytes:
    os.lseek(descriptor, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _keep_metadata(source: int, temporary: _Temporary, current: os.stat_result) -> None:
    """Owner and group, then permission bits (a chown clears set-id bits), then extended attributes."""
    assert temporary.fd is not None
    target = temporary.fd
    mine = os.fstat(target)
    if (mine.st_uid, mine.st_gid) != (current.st_uid, current.st_gid):
        try:
            os.fchown(target, current.st_uid, current.st_gid)
        except OSError as error:
            raise WriteError(
                f"owned by uid {current.st_uid}, gid {current.st_gid}: gwlint cannot give the fixed file the same "
                f"owner and group ({error.strerror or error}); not rewritten"
            ) from None
    temporary.chmod(stat.S_IMODE(current.st_mode))
    _keep_xattrs(source, target)


def _keep_xattrs(source: int, target: int) -> None:
    if not hasattr(os, "listxattr"):  # not Linux: no xattr calls in os
        return
    try:
        names = os.listxattr(source)
    except OSError as error:
        if error.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        value = os.getxattr(source, name)
        try:
            if os.getxattr(target, name) == value:  # a label the new file got anyway (security.selinux)
                continue
        except OSError:
            pass
        try:
            os.setxattr(target, name, value)
        except OSError as error:
            raise WriteError(
                f"cannot keep its extended attribute {name} ({error.strerror or error}); not rewritten"
            ) from None


class _Folder:
    """The target's folder, opened once: every name below is looked up in it, whatever happens to its path."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def __enter__(self) -> _Folder:
        if BY_FOLDER:
            self.fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | CLOEXEC)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)

    def where(self, name: str) -> str:
        return name if self.fd is not None else str(self.path / name)

    def lstat(self, name: str) -> os.stat_result:
        return os.stat(self.where(name), dir_fd=self.fd, follow_symlinks=False)

    def open(self, name: str) -> int:
        flags = os.O_RDONLY | NOFOLLOW | CLOEXEC | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in: no wait
        return os.open(self.where(name), flags, dir_fd=self.fd)

    def writable(self, name: str) -> bool:
        effective = os.access in os.supports_effective_ids
        try:
            return os.access(self.where(name), os.W_OK, dir_fd=self.fd, effective_ids=effective)
        except (OSError, NotImplementedError):
            return True  # cannot tell: the rename itself will say

    def temporary(self, name: str, mode: int) -> _Temporary:
        return _Temporary(self, name, mode)

    def sync(self) -> None:
        """Make a rename durable, so that a power cut cannot bring back the old name's content."""
        try:
            descriptor = self.fd if self.fd is not None else os.open(self.path, os.O_RDONLY)
        except OSError:
            return  # not every platform or file system can open a directory; the rename stands anyway
        try:
            os.fsync(descriptor)
        except OSError:
            pass
        finally:
            if descriptor != self.fd:
                os.close(descriptor)


class _Temporary:
    """``.NAME.RANDOM.gwlint-tmp`` beside the target: created exclusively, removed unless renamed."""

    def __init__(self, folder: _Folder, target: str, mode: int) -> None:
        self.folder = folder
        self.target = target
        self.mode = mode
        self.name = ""
        self.fd: int | None = None

    def __enter__(self) -> _Temporary:
        stem = os.fsencode(self.target)[:100].decode(errors="ignore")  # room for the rest below NAME_MAX
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | CLOEXEC
        for _ in range(100):
            self.name = f".{stem}.{os.urandom(4).hex()}.gwlint-tmp"
            try:
                self.fd = os.open(self.folder.where(self.name), flags, self.mode, dir_fd=self.folder.fd)
                return self
            except FileExistsError:
                continue
        raise WriteError("cannot create a temporary file beside it; not written")

    def write(self, data: bytes) -> None:
        assert self.fd is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]
        os.fsync(self.fd)

    def finish(self, replaced: os.stat_result | None) -> None:
        """Give the file the mode of the one it replaces, if any, and rename it over it."""
        if replaced is not None:
            self.chmod(stat.S_IMODE(replaced.st_mode))
        self.close()
        self.rename()

    def chmod(self, mode: int) -> None:
        if hasattr(os, "fchmod") and self.fd is not None:
            os.fchmod(self.fd, mode)
        else:  # Windows before Python 3.13
            os.chmod(self.folder.where(self.name), mode)

    def close(self) -> None:
        if self.fd is not None:
            descriptor, self.fd = self.fd, None
            os.close(descriptor)

    def rename(self) -> None:
        folder = self.folder
        os.replace(folder.where(self.name), folder.where(self.target), src_dir_fd=folder.fd, dst_dir_fd=folder.fd)
        self.name = ""
        folder.sync()

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        finally:
            if self.name:
                with contextlib.suppress(OSError):
                    os.unlink(self.folder.where(self.name), dir_fd=self.folder.fd)


def _failure(error: OSError) -> WriteError:
    if error.errno == errno.ENOENT:
        return WriteError("no such file or folder (removed since it was read?); nothing written")
    return WriteError(f"cannot write ({error.strerror or error}); original left as it was")
