"""JSON (one record or a list of records) and JSON Lines (one record per line).

Fields of a record: ``text`` (required), ``id``, ``title``, ``published``, ``url``, ``source``.
A record without ``id`` gets ``<file stem>-<line>`` (JSON Lines, 1-based line number) or
``<file stem>-<index>`` (a JSON list, 0-based index); a file holding a single record object
without ``id`` gets the file stem.  ``published`` is an ISO date or datetime or any common
written date with a year ("Dec 14, 2021", "14.12.2021"); a time of day in it becomes
``published_time``.  A bad line or record is one problem naming it; the others still load.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from timeline.ingest.article import Metadata, make_article
from timeline.ingest.dateline import parse_written_date
from timeline.ingest.errors import IngestError
from timeline.ingest.result import Loaded
from timeline.ingest.safe import display_path
from timeline.ingest.textfile import decode_text, read_bytes, split_lines
from timeline.model import Article

TEXT_FIELDS = ("id", "title", "published", "url", "source")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_published(value: Any) -> tuple[dt.date, str | None]:
    """A record's ``published`` value as (date, "HH:MM" or None); ValueError when unreadable."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"published must be a date string, not {value!r}")
    raw = value.strip()
    order = "YMD" if _ISO_START.match(raw) else "MDY"  # ISO-looking values are read strictly
    parsed = parse_written_date(raw, order)
    if parsed is None:
        raise ValueError(f"cannot read published date {raw!r}")
    time = f"{parsed.hour:02d}:{parsed.minute:02d}" if _CLOCK.search(raw) else None
    return parsed.date(), time


def _string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"field {name!r} must be a string, not {type(value).__name__}")
    return str(value).strip() or None


def record_article(
    record: Any, default_id: str, path: Path, fmt: str, published: dt.date | None
) -> Article:
    """One record as an Article; ValueError with a short reason when it is unusable."""
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object ({type(record).__name__})")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("record has no text")
    fields = {name: _string(record, name) for name in TEXT_FIELDS}
    date, time = parse_published(fields["published"]) if fields["published"] else (None, None)
    meta = Metadata(
        title=fields["title"], published=date, published_time=time, url=fields["url"], source=fields["source"]
    )
    doc = fields["id"] or default_id
    return make_article(doc, text, path=str(path), fmt=fmt, meta=meta, published=published)


def parse_json(text: str, *, lines: bool = True) -> Any:
    """``json.loads`` with every way it fails as one ValueError starting "malformed JSON: ".

    Besides a syntax error: nesting deeper than Python's recursion limit, and an integer
    longer than Python converts (4,300 digits), which ``json`` raises as a bare ValueError.
    ``lines``: name the line of a syntax error as well as its column.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}" if lines else f"column {err.colno}"
        raise ValueError(f"malformed JSON: {err.msg} ({where})") from None
    except RecursionError:
        raise ValueError("malformed JSON: nested too deeply") from None
    except ValueError as err:
        raise ValueError(f"malformed JSON: {str(err).split(';')[0]}") from None


def _stem(path: Path) -> str:
    return display_path(path.stem)


def load_json(path: Path, published: dt.date | None) -> Loaded:
    """A ``.json`` file: one record object or a list of them."""
    text = decode_text(read_bytes(path), path)
    try:
        data = parse_json(text)
    except ValueError as err:
        raise IngestError(path, str(err)) from None
    if isinstance(data, dict):
        try:
            return Loaded((record_article(data, _stem(path), path, "json", published),))
        except ValueError as err:
            raise IngestError(path, str(err)) from None
    if not isinstance(data, list):
        raise IngestError(path, f"JSON must be a record or a list of records, not {type(data).__name__}")
    if not data:
        raise IngestError(path, "no records (empty JSON list)")
    articles, problems = [], []
    for index, record in enumerate(data):
        try:
            articles.append(record_article(record, f"{_stem(path)}-{index}", path, "json", published))
        except ValueError as err:
            problems.append(IngestError(path, f"record {index}: {err}"))
    return Loaded(tuple(articles), tuple(problems))


def load_jsonl(path: Path, published: dt.date | None) -> Loaded:
    """A ``.jsonl`` file: one record per line; blank lines are skipped."""
    text = decode_text(read_bytes(path), path)
    articles, problems = [], []
    for row in split_lines(text):
        number, line = row.number, row.text
        if not line.strip():
            continue
        try:
            record = parse_json(line, lines=False)
        except ValueError as err:
            problems.append(IngestError(path, f"line {number}: {err}"))
            continue
        try:
            articles.append(record_article(record, f"{_stem(path)}-{number}", path, "jsonl", published))
        except ValueError as err:
            problems.append(IngestError(path, f"line {number}: {err}"))
    if not articles and not problems:
        raise IngestError(path, "no records")
    return Loaded(tuple(articles), tuple(problems))
