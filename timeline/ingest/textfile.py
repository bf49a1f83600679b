"""Bytes to text: the checks every text-based format shares, and line layout.

The text returned is the coordinate system of every offset (CONTRACT.md): the
file decoded as UTF-8 with nothing stripped or normalised.  The one exception is
a leading byte-order mark (U+FEFF), which is dropped: it is an encoding marker,
not content, and would otherwise glue itself to the title.

A file that *starts* with a UTF-16 or UTF-32 byte-order mark (what Windows
Notepad's "Unicode" and Excel's "Unicode text" write) is decoded by that mark
instead of being refused as binary: the mark says unambiguously how to read the
bytes, and offsets are character offsets into the decoded text either way.
Without a mark, UTF-8 is the only encoding read; anything else (Latin-1,
Windows-1252) is an error naming the first bad byte and its offset, never a
silent guess that could garble names.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.errors import IngestError

BOM = "\ufeff"
MiB = 2**20

# (stat test, what to call it) for files that must not be opened as articles.
NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_NEWLINE = re.compile(r"\r\n|\r|\n")

# (leading bytes, codec that reads them) -- UTF-32 first: its little-endian mark starts like UTF-16's.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """The codec named by a leading UTF-16/UTF-32 byte-order mark, or None."""
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return codec
    return None


def _decode_wide(data: bytes, codec: str, path: str | Path) -> str:
    name = codec.upper()
    try:
        text = data.decode(codec)  # the codec consumes the mark
    except UnicodeDecodeError as err:
        problem = f"not valid {name} text despite its byte-order mark ({err.reason} at offset {err.start})"
        raise IngestError(path, problem) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise IngestError(path, f"binary file, not text (NUL character at offset {nul} of the {name} text)")
    return text


def unmarked_utf16(data: bytes) -> bool:
    """Whether ``data`` looks like UTF-16 without a byte-order mark: mostly ASCII, every other byte NUL."""
    sample = data[:400]
    if len(sample) < 8:
        return False
    for zeros, chars in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.1 * len(chars):
            return True
    return False


def nul_problem(data: bytes, offset: int, kind: str) -> str:
    """The message for a file with a NUL byte: binary, or (said so) UTF-16 that lost its mark."""
    if unmarked_utf16(data):
        return (f"not {kind} in UTF-8: it looks like UTF-16 without a byte-order mark "
                f"(NUL byte at offset {offset}); save it as UTF-8")
    return f"binary file, not {kind} (NUL byte at offset {offset})"


def decode_text(data: bytes, path: str | Path) -> str:
    """The text of a file (UTF-8, or UTF-16/32 by its byte-order mark), or :class:`IngestError`
    for binary, undecodable or empty input."""
    if not data:
        raise IngestError(path, "empty file")
    codec = wide_encoding(data)
    if codec is not None:
        return _nonblank(_decode_wide(data, codec, path), path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise IngestError(path, nul_problem(data, nul, "text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IngestError(
            path,
            f"not valid UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save it as UTF-8 (it may be Latin-1 or Windows-1252)",
        ) from None
    return _nonblank(text.removeprefix(BOM), path)


def _nonblank(text: str, path: str | Path) -> str:
    if not text.strip():
        raise IngestError(path, "no text (the file is whitespace only)")
    return text


def _mib(size: int) -> str:
    return f"{size / MiB:.1f} MiB" if size % MiB else f"{size // MiB} MiB"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for the error message; None for a regular file."""
    for test, name in NOT_REGULAR:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_file(path: Path, limit: int, fmt: str) -> int:
    """The size of ``path`` in bytes; :class:`IngestError` when it cannot be read as a ``fmt`` file.

    Refused before a byte is read: a path that does not stat (a symlink loop, a dangling
    link), anything but a regular file (a named pipe would block the run forever, a device
    never ends) and a file over ``limit`` bytes (see ``SIZE_LIMITS`` in
    :mod:`timeline.ingest.formats` for why there is a limit and how to raise it).
    """
    try:
        info = path.stat()
    except OSError as err:
        raise IngestError(path, f"cannot read file ({err.strerror or err.__class__.__name__})") from None
    kind = _kind(info.st_mode)
    if kind is not None:
        raise IngestError(path, f"not a regular file ({kind})")
    if info.st_size > limit:
        raise IngestError(
            path,
            f"file too large: {info.st_size:,} bytes ({_mib(info.st_size)}), over the {limit:,}-byte "
            f"({_mib(limit)}) limit for {fmt} files; raise it with --max-file-size (max_bytes in Python)",
        )
    return info.st_size


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
