"""Writing test input files exactly as given (str as UTF-8 with newlines untouched, or raw bytes)."""

from __future__ import annotations

from pathlib import Path


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path
