"""Source stage: turn bytes on disk (or stdin) into a Document the checks can read.

A Document's ``text`` has the same length as the file's text, so a character offset in ``text`` is
an offset in the file's text too; formats that must hide parts of a file (Markdown code, front
matter) blank them out character for character instead of cutting them. The file's suffix chooses
the format (lint/formats): plain text, Markdown, or Word .docx.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path
from typing import BinaryIO

from lint.document import LINE_BREAK, Document, SourceError
from lint.formats import OLE2_MAGIC, WORD_BINARY_ADVICE, format_for

__all__ = ["LINE_BREAK", "Document", "SourceError"]  # the document model (lint.document), as the source stage gives it

# Extra bytes of multi-byte characters past which valid UTF-8 is taken as UTF-8 without trying GB18030.
# GBK text is valid UTF-8 by accident only while short: a GBK character passes as part of a UTF-8
# sequence with a chance of about one in six, so the odds for ~48 of them in a row are below 1e-30.
# Most drafts stop here and never load the GB18030 codec.
UNAMBIGUOUS_UTF8 = 48
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Decode a draft: a BOM decides; else UTF-8 unless GB18030 (a superset of GBK) reads as more likely Chinese."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8", True
    for name in ("utf-16-le", "utf-16-be"):
        if data.startswith(BOMS[name]):
            return _strict(data[2:], name, path), name, True
    if b"\x00" in data:
        raise SourceError(path, "binary file (contains NUL bytes), not a text draft")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        from lint.encodings import implausible_gb18030

        try:
            gb_text: str | None = data.decode("gb18030")
        except UnicodeDecodeError as error:
            gb_text, gb_error = None, error
        reason = implausible_gb18030(data, gb_text)  # Big5 or Shift-JIS bytes mostly decode as GB18030 too
        if reason is not None:
            raise SourceError(path, reason) from None
        if gb_text is None:
            raise SourceError(
                path,
                f"cannot decode: not UTF-8 ({_where(data, utf8_error)}) and not GB18030/GBK ({_where(data, gb_error)})",
            ) from None
        return gb_text, "gb18030", False
    if text.isascii() or len(data) - len(text) >= UNAMBIGUOUS_UTF8:
        return text, "utf-8", False
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        return text, "utf-8", False
    # Short GBK texts can be valid UTF-8 by accident (GBK 通知 is UTF-8 ֪ͨ): keep the reading
    # in which more characters are common Chinese ones.
    if _common_share(gb_text) > _common_share(text):
        from lint.encodings import implausible_gb18030

        if implausible_gb18030(data, gb_text) is None:
            return gb_text, "gb18030", False
    return text, "utf-8", False


def _where(data: bytes, error: UnicodeDecodeError) -> str:
    return f"byte 0x{data[error.start]:02x} at offset {error.start}"


def _is_common(char: str) -> bool:
    """A GB2312 hanzi or a GB2312 punctuation/full-width character (rows A1-A3, B0-F7).

    Encoded as GB18030, not with Python's gb2312 codec, which maps A1A4 and A1AA to ・ and ― rather
    than the 间隔号 · (U+00B7) and the dash — (U+2014) that Chinese text writes: with that codec a short
    UTF-8 file whose only non-ASCII characters were · or — was read as GB18030 (v/(m·s-1) became
    v/(m路s-1)) and --fix wrote GB18030 bytes into it. The trail byte keeps GBK's additions out."""
    try:
        encoded = char.encode("gb18030")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and (0xA1 <= encoded[0] <= 0xA3 or 0xB0 <= encoded[0] <= 0xF7) and encoded[1] >= 0xA1


def _common_share(text: str) -> float:
    wide = [char for char in text if not char.isascii() and not char.isspace()]
    return sum(map(_is_common, wide)) / len(wide) if wide else 1.0


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise SourceError(path, f"cannot decode: invalid {encoding} ({_where(data, error)})") from None


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """The bytes of a text document: the inverse of ``decode`` for the encoding it reported."""
    return (BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding)


def text_document(path: str, text: str, fmt: str = "text", encoding: str = "utf-8", bom: bool = False) -> Document:
    """A Document for decoded text; Markdown has its code, front matter and link targets blanked."""
    if fmt == "markdown":
        from lint.formats.markdown import mask

        return Document(path, mask(text), encoding, bom, original=text, format=fmt)
    return Document(path, text, encoding, bom, format=fmt)


def document_from_bytes(data: bytes, path: str) -> Document:
    fmt = format_for(path)
    if fmt == "docx":
        from lint.formats.docx import DocxDraft

        return DocxDraft.from_bytes(data, path).document()
    if data.startswith(OLE2_MAGIC):  # a .doc/.wps, whatever its suffix: say what to do, not "binary file"
        raise SourceError(path, WORD_BINARY_ADVICE)
    text, encoding, bom = decode(data, path)
    return text_document(path, text, fmt, encoding, bom)


# Bytes read from one input at most: over twice the largest file the benchmark lints (100 MB, in
# about 25 s and 370 MB of memory); a larger input is an error of that input, not a run that ends
# when memory does.
MAX_INPUT_BYTES = 256 * 1024 * 1024
NOT_REGULAR = "not a regular file (a FIFO, socket or device): not read"


def read_bytes(path: Path, display: str | None = None) -> bytes:
    return read_file(path, display)[0]


def read_file(path: Path, display: str | None = None, limit: int | None = None) -> tuple[bytes, os.stat_result]:
    """The bytes of ``path`` and the status of the file they were read from (for --fix's checks).

    Only a regular file is read: a FIFO would block the run and a device such as /dev/zero never ends,
    so either is an input error, and so is a file over ``limit`` bytes (default MAX_INPUT_BYTES).
    The file is looked at by name before it is opened (opening a device can have effects), then
    opened without blocking and checked on the descriptor, so one swapped in between is caught too.
    """
    name = display if display is not None else str(path)
    limit = MAX_INPUT_BYTES if limit is None else limit
    try:
        _check_regular(os.stat(path).st_mode, path, display)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _read_error(path, display, error) from None
    status = os.fstat(descriptor)  # before reading: a change while reading shows in its mtime
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        _check_regular(status.st_mode, path, display)
    with os.fdopen(descriptor, "rb") as stream:
        _check_size(status.st_size, name, limit)
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise _read_error(path, display, error) from None
    _check_size(len(data), name, limit)  # it grew while being read
    return data, status


def read_stream(stream: BinaryIO, name: str) -> bytes:
    """All of ``stream`` (stdin) up to MAX_INPUT_BYTES; SourceError when there is more."""
    data = stream.read(MAX_INPUT_BYTES + 1)
    _check_size(len(data), name, MAX_INPUT_BYTES)
    return data


def _check_regular(mode: int, path: Path, display: str | None) -> None:
    if stat.S_ISDIR(mode):
        raise _read_error(path, display, IsADirectoryError(21, "Is a directory"))
    if not stat.S_ISREG(mode):
        raise SourceError(display if display is not None else str(path), NOT_REGULAR)


def _check_size(size: int, name: str, limit: int) -> None:
    if size > limit:
        raise SourceError(name, f"too large to read safely: over {limit // 2**20} MiB (gwlint's cap for one input)")


def _read_error(path: Path, display: str | None, error: OSError) -> SourceError:
    name = display if display is not None else str(path)
    if isinstance(error, FileNotFoundError):
        return SourceError(name, "no such file")
    if isinstance(error, IsADirectoryError):
        listable = os.access(path, os.R_OK | os.X_OK)
        return SourceError(name, "is a directory" if listable else "directory cannot be read (permission denied)")
    if isinstance(error, PermissionError):
        return SourceError(name, "permission denied")
    return SourceError(name, error.strerror or str(error))


def read_document(path: Path, display: str | None = None) -> Document:
    name = display if display is not None else str(path)
    return document_from_bytes(read_bytes(path, name), name)
