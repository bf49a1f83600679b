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


def _json_error(err: json.JSONDecodeError) -> str:
    return f"{err.msg} (line {err.lineno}, column {err.colno})"


def load_json(path: Path, published: dt.date | None) -> Loaded:
    """A ``.json`` file: one record object or a list of them."""
    text = decode_text(read_bytes(path), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise IngestError(path, f"malformed JSON: {_json_error(err)}") from None
    except RecursionError:
        raise IngestError(path, "malformed JSON: nested too deeply") from None
    if isinstance(data, dict):
        try:
            return Loaded((record_article(data, path.stem, path, "json", published),))
        except ValueError as err:
            raise IngestError(path, str(err)) from None
    if not isinstance(data, list):
        raise IngestError(path, f"JSON must be a record or a list of records, not {type(data).__name__}")
    if not data:
        raise IngestError(path, "no records (empty JSON list)")
    articles, problems = [], []
    for index, record in enumerate(data):
        try:
            articles.append(record_article(record, f"{path.stem}-{index}", path, "json", published))
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
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problem = f"line {number}: malformed JSON: {err.msg} (column {err.colno})"
            problems.append(IngestError(path, problem))
            continue
        except RecursionError:
            problems.append(IngestError(path, f"line {number}: malformed JSON: nested too deeply"))
            continue
        try:
            articles.append(record_article(record, f"{path.stem}-{number}", path, "jsonl", published))
        except ValueError as err:
            problems.append(IngestError(path, f"line {number}: {err}"))
    if not articles and not problems:
        raise IngestError(path, "no records")
    return Loaded(tuple(articles), tuple(problems))
