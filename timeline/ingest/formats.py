"""One loader per file format: path -> articles (and per-record problems).

A loader raises :class:`IngestError` when the whole file is unusable and returns
``Loaded(articles, problems)`` otherwise; ``problems`` are records that could not be used
while the rest of the file still loads (a malformed JSON line).  The table :data:`FORMATS`
maps file-name suffixes (case-insensitive) to a format name and its loader.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from timeline.ingest.article import Metadata, make_article
from timeline.ingest.errors import IngestError
from timeline.ingest.records import load_json, load_jsonl
from timeline.ingest.result import Loaded
from timeline.ingest.safe import display_path
from timeline.ingest.textfile import MiB, check_file, decode_text, read_bytes

_TIME_IN_VALUE = re.compile(r"T(\d{2}):(\d{2})")


Loader = Callable[[Path, "dt.date | None"], Loaded]


def doc_id(path: Path) -> str:
    """The document id: the file name without its last suffix.

    ``AP_20130322.tml.TE3input`` -> ``AP_20130322.tml``;
    ``ABC19980108.1830.0711.tml`` -> ``ABC19980108.1830.0711``.  A byte of the name that is
    not UTF-8 is written ``\xe9`` (see :mod:`timeline.ingest.safe`).
    """
    return display_path(path.stem)


def load_txt(path: Path, published: dt.date | None) -> Loaded:
    """A plain-text article like the seeds: the title is its first non-boilerplate line."""
    text = decode_text(read_bytes(path), path)
    return Loaded((make_article(doc_id(path), text, path=str(path), fmt="txt", published=published),))


def load_timeml(path: Path, published: dt.date | None) -> Loaded:
    """A TimeML document: text of ``<TEXT>`` (tags stripped, entities unescaped), DCT as metadata."""
    from timeline.timeml import parse_timeml

    xml = decode_text(read_bytes(path), path)
    try:
        doc = parse_timeml(xml)
    except Exception as err:  # noqa: BLE001 - any parser failure is bad input
        raise IngestError(path, f"cannot parse TimeML ({err.__class__.__name__}: {err})") from None
    if not doc.text.strip():
        raise IngestError(path, "TimeML without text (no <TEXT> element or an empty one)")
    clock = _TIME_IN_VALUE.search(doc.dct_value or "")
    meta = Metadata(
        title=doc.title,
        published=doc.dct,
        published_time=f"{clock.group(1)}:{clock.group(2)}" if clock and doc.dct else None,
    )
    article = make_article(
        doc_id(path), doc.text, path=str(path), fmt="timeml", meta=meta, published=published
    )
    return Loaded((article,))


def load_html(path: Path, published: dt.date | None) -> Loaded:
    """An HTML page: main text and metadata (title, date, url, site name) by trafilatura, offline."""
    from timeline.ingest.html import extract_html

    text, meta = extract_html(read_bytes(path), path)
    article = make_article(doc_id(path), text, path=str(path), fmt="html", meta=meta, published=published)
    return Loaded((article,))


# suffix (lower case) -> (format, loader)
FORMATS: dict[str, tuple[str, Loader]] = {
    ".txt": ("txt", load_txt),
    ".html": ("html", load_html),
    ".htm": ("html", load_html),
    ".json": ("json", load_json),
    ".jsonl": ("jsonl", load_jsonl),
    ".tml": ("timeml", load_timeml),
    ".te3input": ("timeml", load_timeml),
}


# format -> the largest file read, in bytes.
#
# Why a limit at all: one news article is 5-50 KB of text (a news page's HTML 0.1-3 MB).  Ingest
# reads about 1 MB of text or HTML a second and the analysis behind it is far slower, so a 100 MB
# ``.txt`` is not an article but a dump (a log, a book, a mis-saved database) that would hold the
# whole run for hours and most of the memory.  It is refused at once, before a byte is read, with
# an error naming the file, its size and the limit, and the other files load.  A single-article
# file (txt, HTML, TimeML) may have 8 MiB: a million words, some thousand articles' worth, or a
# page heavy with inline scripts (beyond ~10 MB of one text node the HTML parser gives up
# anyway).  A collection of records (json, jsonl) may have 256 MiB.  To read bigger files, pass
# ``max_bytes`` to ``load_paths`` / ``load_file`` (one limit for every format); the table itself
# is not meant to be changed at run time.
SIZE_LIMITS: dict[str, int] = {
    "txt": 8 * MiB,
    "html": 8 * MiB,
    "timeml": 8 * MiB,
    "json": 256 * MiB,
    "jsonl": 256 * MiB,
}


def loader_for(path: Path) -> Loader | None:
    return FORMATS.get(path.suffix.lower(), (None, None))[1]  # type: ignore[return-value]


def load_any(path: Path, published: dt.date | None, max_bytes: int | None = None) -> Loaded:
    """Load one file of any known format; :class:`IngestError` for an unknown suffix, a file that is
    not a regular file or one over its size limit (``max_bytes``, else :data:`SIZE_LIMITS`)."""
    fmt, loader = FORMATS.get(path.suffix.lower(), (None, None))
    if loader is None or fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise IngestError(path, f"unknown file type {path.suffix or '(no extension)'!r} (known: {known})")
    check_file(path, SIZE_LIMITS[fmt] if max_bytes is None else max_bytes, fmt)
    return loader(path, published)
