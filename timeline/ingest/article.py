"""Text plus whatever metadata a format gave -> one :class:`Article`.

Every format funnels through :func:`make_article`, so the publication date order, the title
and the body spans are decided in one place.  The publication date is, in this order:

1. ``metadata``: the format's own field (HTML meta tags, JSON ``published``, TimeML DCT);
2. ``text``: a dateline near the top of the text (see :mod:`timeline.ingest.dateline`);
3. ``option``: the ``published`` argument (the CLI's ``--published``);
4. ``inferred``: the latest full date written near the top (a photo caption's date);
5. ``missing``: ``published`` is None -- never today's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from timeline.ingest.boilerplate import body_spans, find_title, mark_lines, title_line
from timeline.ingest.dateline import find_dateline, latest_date_near_top
from timeline.ingest.outlets import find_outlet
from timeline.ingest.safe import display_path, writable
from timeline.ingest.textfile import split_lines
from timeline.model import Article, Span


@dataclass(frozen=True)
class Metadata:
    """What a format knows besides the text."""

    title: str | None = None
    published: dt.date | None = None
    published_time: str | None = None
    url: str | None = None
    source: str | None = None


def _writable_meta(meta: Metadata) -> Metadata:
    fields = {name: writable(value) for name in ("title", "url", "source")
              if isinstance(value := getattr(meta, name), str)}
    return dataclasses.replace(meta, **fields) if fields else meta


def _title_span(text: str, title: str) -> Span | None:
    at = text.find(title)
    return Span(at, at + len(title)) if at >= 0 and title else None


def make_article(
    doc_id: str,
    text: str,
    *,
    path: str | None,
    fmt: str,
    meta: Metadata = Metadata(),
    published: dt.date | None = None,
) -> Article:
    """The article for ``text``: title, publication date, outlet and body spans filled in.

    Every string is made writable as UTF-8 first (:mod:`timeline.ingest.safe`).
    """
    text, doc_id = writable(text), writable(doc_id)
    path = display_path(path) if path is not None else None
    meta = _writable_meta(meta)
    lines = split_lines(text)
    dateline = find_dateline(lines)
    if meta.title:
        title: str | None = meta.title.strip()
        found_title = title_line(lines, text, meta.title)
        title_span = found_title.span if found_title else _title_span(text, meta.title.strip())
    else:
        found_title = find_title(lines, text)
        title = found_title.text if found_title else None
        title_span = found_title.span if found_title else None
    verdicts = mark_lines(lines, found_title, dateline)

    date, time, origin = meta.published, meta.published_time, "metadata"
    if date is not None and time is None and dateline is not None and dateline.date == date:
        time = dateline.time  # the metadata gave the day, the dateline the same day with its time
    if date is None and dateline is not None:
        date, time, origin = dateline.date, dateline.time, "text"
    if date is None and published is not None:
        date, time, origin = published, None, "option"
    if date is None:
        inferred = latest_date_near_top(lines)
        if inferred is not None:
            date, time, origin = inferred.date, inferred.time, "inferred"
    if date is None:
        time, origin = None, "missing"

    return Article(
        id=doc_id,
        text=text,
        path=path,
        title=title,
        published=date,
        published_from=origin,
        published_time=time,
        url=meta.url,
        source=meta.source or find_outlet(lines),
        format=fmt,
        body=body_spans(verdicts),
        title_span=title_span,
    )
