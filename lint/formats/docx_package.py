"""What a .docx must be before python-docx parses it: a zip package of bounded size, not a bomb.

python-docx inflates and keeps every part in memory and parses the XML ones, which costs about twenty
times their size; a 1.8 MB file whose document.xml inflates to 0.5 GB would take more than 9 GB. So the
zip's own directory is read first (the end record, then the entries' declared sizes, which zipfile
enforces when it inflates) and a package over any cap below is refused as an input error.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from lint.document import SourceError
from lint.formats import OLE2_MAGIC, WORD_BINARY_ADVICE

MB = 1024 * 1024


@dataclass(frozen=True)
class Caps:
    """Limits of a package; the README's Reliability section says why these values."""

    part_bytes: int = 32 * MB  # inflated size of any one part
    xml_bytes: int = 64 * MB  # inflated size of all XML parts together (what is parsed)
    total_bytes: int = 256 * MB  # inflated size of the whole package (all of it is kept in memory)
    ratio: int = 500  # inflated / compressed size of a part ...
    ratio_floor: int = 4 * MB  # ... once it inflates past this (small parts may compress any amount)
    parts: int = 10_000
    relationships: int = 50_000


CAPS = Caps()
ZIP_MAGIC = b"PK"  # what every zip record starts with (a damaged zip is told apart later)
CONTENT_TYPES = "[Content_Types].xml"  # every Office package has it
END_RECORD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
XML_SUFFIXES = (".xml", ".rels", ".vml")
RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship[\s/>]")


def check_package(data: bytes, path: str, caps: Caps = CAPS) -> None:
    """Raise SourceError when ``data`` is not a zip package gwlint may inflate; read nothing else."""
    if data.startswith(OLE2_MAGIC):
        raise SourceError(path, WORD_BINARY_ADVICE)
    if not data.startswith(ZIP_MAGIC):
        raise SourceError(path, "not a Word .docx file (a .docx is a zip package; this is not one)")
    entries = _declared_entries(data, path)
    if entries > caps.parts:
        raise SourceError(path, _over(f"{entries:,} parts", f"{caps.parts:,}"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, path, caps)
            if CONTENT_TYPES not in {info.filename for info in infos}:
                raise SourceError(path, f"not a Word .docx file (a zip archive without {CONTENT_TYPES})")
            _check_relationships(archive, infos, path, caps)
    except zipfile.BadZipFile as error:
        raise SourceError(path, f"not a readable .docx file (damaged zip: {error})") from None
    except (OSError, EOFError, NotImplementedError, RuntimeError, ValueError, zlib.error) as error:
        raise SourceError(path, f"not a readable .docx file ({type(error).__name__}: {error})") from None


def _over(what: str, cap: str) -> str:
    return f"too large to read safely: {what} (gwlint's cap: {cap}); nothing was parsed"


def _declared_entries(data: bytes, path: str) -> int:
    """The entry count of the zip's end record, read before zipfile builds an object per entry."""
    at = data.rfind(END_RECORD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        raise SourceError(path, "not a readable .docx file (damaged zip: no end of central directory)")
    entries = struct.unpack_from("<H", data, at + 10)[0]
    locator = at - 20
    if entries == 0xFFFF and locator >= 0 and data[locator : locator + 4] == ZIP64_LOCATOR:
        record_at = struct.unpack_from("<Q", data, locator + 8)[0]
        if data[record_at : record_at + 4] == b"PK\x06\x06" and record_at + 56 <= len(data):
            entries = struct.unpack_from("<Q", data, record_at + 32)[0]
    return entries


def _check_sizes(infos: list[zipfile.ZipInfo], path: str, caps: Caps) -> None:
    if len(infos) > caps.parts:
        raise SourceError(path, _over(f"{len(infos):,} parts", f"{caps.parts:,}"))
    total = xml = 0
    for info in infos:
        size = info.file_size
        if size > caps.part_bytes:
            raise SourceError(path, _over(f"part {info.filename} inflates to {_mb(size)}", _mb(caps.part_bytes)))
        if size > caps.ratio_floor and size > caps.ratio * max(info.compress_size, 1):
            ratio = size // max(info.compress_size, 1)
            raise SourceError(
                path, _over(f"part {info.filename} inflates {ratio:,} times (to {_mb(size)})", f"{caps.ratio}:1")
            )
        total += size
        xml += size if info.filename.lower().endswith(XML_SUFFIXES) else 0
    if xml > caps.xml_bytes:
        raise SourceError(path, _over(f"its XML parts inflate to {_mb(xml)}", _mb(caps.xml_bytes)))
    if total > caps.total_bytes:
        raise SourceError(path, _over(f"its parts inflate to {_mb(total)}", _mb(caps.total_bytes)))


def _check_relationships(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: str, caps: Caps) -> None:
    """Count the relationships of every .rels part (each becomes objects, and may name a part to load)."""
    count = 0
    for info in infos:
        if info.filename.lower().endswith(".rels"):
            count += len(RELATIONSHIP.findall(archive.read(info)))
            if count > caps.relationships:
                raise SourceError(path, _over(f"over {caps.relationships:,} relationships", f"{caps.relationships:,}"))


def _mb(size: int) -> str:
    return f"{size / MB:,.1f} MB"
