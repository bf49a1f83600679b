"""Bytes to text: the checks every text-based format shares, and line layout.

The text returned is the coordinate system of every offset (CONTRACT.md): the
file decoded as UTF-8 with nothing stripped or normalised.  The one exception is
a leading UTF-8 byte-order mark (U+FEFF), which is dropped: it is an encoding
marker, not content, and would otherwise glue itself to the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.errors import IngestError

BOM = "\ufeff"
_NEWLINE = re.compile(r"\r\n|\r|\n")


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 text of a file, or :class:`IngestError` for binary, undecodable or empty input."""
    if not data:
        raise IngestError(path, "empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise IngestError(path, f"binary file, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IngestError(
            path, f"not valid UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    if text.startswith(BOM):
        text = text[1:]
    if not text.strip():
        raise IngestError(path, "no text (the file is whitespace only)")
    return text


def read_bytes(path: Path) -> bytes:
    """The file's bytes, with OS errors turned into :class:`IngestError`."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise IngestError(path, f"cannot read file ({err.strerror or err.__class__.__name__})") from None


@dataclass(frozen=True)
class Line:
    """One line of a text: offsets of its content, without the line break."""

    number: int  # 1-based
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> tuple[Line, ...]:
    """The lines of ``text`` with their offsets; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
    lines: list[Line] = []
    start = 0
    for number, brk in enumerate(_NEWLINE.finditer(text), start=1):
        lines.append(Line(number, start, brk.start(), text[start : brk.start()]))
        start = brk.end()
    if start < len(text):
        lines.append(Line(len(lines) + 1, start, len(text), text[start:]))
    return tuple(lines)
