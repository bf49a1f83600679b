"""HTML pages: main text and metadata by trafilatura, with no network and no clock."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from timeline.ingest.article import Metadata
from timeline.ingest.errors import IngestError

# htmldate's defaults put today's date as the upper bound; fix it so nothing reads a clock,
# and skip the "extensive" search that guesses dates from arbitrary text on the page.
NUL = b"\x00"
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


# The publication time, when the page's own published-time field carries one (htmldate gives days only).
_PUBLISHED_TIME = re.compile(
    r"(?:article:published_time|datePublished|pubdate)[\"']?[^<>]{0,40}?(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})",
    re.IGNORECASE,
)


def published_time(data: bytes, day: dt.date | None) -> str | None:
    """"HH:MM" from the page's published-time field when it is on ``day`` (as written, no zone shift)."""
    if day is None:
        return None
    for match in _PUBLISHED_TIME.finditer(data.decode("utf-8", "replace")):
        if match.group(1) == day.isoformat():
            return f"{match.group(2)}:{match.group(3)}"
    return None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def extract_html(data: bytes, path: str | Path) -> tuple[str, Metadata]:
    """The main text of an HTML page and its metadata; :class:`IngestError` when there is none."""
    if not data.strip():
        raise IngestError(path, "empty file")
    nul = data.find(NUL)
    if nul >= 0:
        raise IngestError(path, f"binary file, not HTML (NUL byte at offset {nul})")
    try:
        import trafilatura
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise IngestError(path, f"HTML support needs trafilatura ({err})") from None
    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=dict(DATE_PARAMS),
        )
    except Exception as err:  # noqa: BLE001 - trafilatura raises many kinds on bad markup
        raise IngestError(path, f"cannot parse HTML ({err.__class__.__name__}: {err})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise IngestError(path, "no article text found in the HTML")
    day = _iso_date(getattr(doc, "date", None))
    meta = Metadata(
        title=getattr(doc, "title", None) or None,
        published=day,
        published_time=published_time(data, day),
        url=getattr(doc, "url", None) or None,
        source=getattr(doc, "sitename", None) or None,
    )
    return text, meta
