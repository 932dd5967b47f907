"""Whose files gwlint takes instructions from: configuration found by walking up, and the packs it names.

A configuration can add packs and a pack's substitutions rewrite drafts under ``--fix``, so a file
someone else could have written is not loaded. The ownership rule is git's ``safe.directory`` rule
(git-compat-util.h, ``is_path_owned_by_current_uid``): the file must belong to the effective user,
or to root; when gwlint runs as root through sudo, also to the user who ran sudo (``SUDO_UID``).
On top of it, a file in a folder that anyone may write to without the sticky bit is not trusted
whoever owns it (anyone there can rename, replace or remove it), as git's rule does not need to say
for a repository's own files.

Files named on the command line (``--config``, ``--pack``) are the user's own choice and are not
checked. ``distrust`` is the one decision; tests drive it through ``trusted_uids`` and ``owner``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def trusted_uids() -> frozenset[int]:
    """The owners whose files are trusted: the effective user, root, and under sudo the calling user."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:  # no POSIX ownership (Windows): nothing to decide
        return frozenset()
    uid = geteuid()
    uids = {uid, 0}
    sudo_uid = os.environ.get("SUDO_UID", "")
    if uid == 0 and sudo_uid.isdigit():
        uids.add(int(sudo_uid))
    return frozenset(uids)


def owner(path: Path, follow_symlinks: bool = True) -> int:
    """The uid that owns ``path`` (of the link itself with ``follow_symlinks=False``)."""
    return os.stat(path, follow_symlinks=follow_symlinks).st_uid


def open_to_all(folder: Path) -> bool:
    """Whether anyone may create, rename or remove entries in ``folder`` (world-writable, no sticky bit)."""
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return False
    return bool(mode & stat.S_IWOTH) and not mode & stat.S_ISVTX


def distrust(path: Path) -> str | None:
    """Why the file at ``path`` must not be loaded, or None when it may be.

    A symbolic link is judged as a link (its owner) and as the file it leads to.
    """
    uids = trusted_uids()
    if not uids:
        return None
    candidates = [path]
    if path.is_symlink():
        candidates.append(path.resolve())
    for candidate in candidates:
        if open_to_all(candidate.parent):
            return f"its folder {candidate.parent} is writable by anyone (no sticky bit)"
        try:
            uid = owner(candidate, follow_symlinks=False)
        except OSError as error:
            return f"cannot tell who owns it ({error.strerror or error})"
        if uid not in uids:
            return f"owned by uid {uid}, not by you (uid {os.geteuid()}) or root"
    return None
