"""HTML pages: main text and metadata by trafilatura, with no network and no clock.

Bad pages: a page starting with a UTF-16/UTF-32 byte-order mark is decoded by it (as for text
files); other bytes go to trafilatura, which reads the page's declared charset.  The HTML parser
(libxml2) stops at :data:`PARSER_DEPTH` levels of nesting, so the text of a page whose elements
nest deeper (10,000 ``<div>``s: generated or hostile markup) is out of its reach: such a page is
read a second time with the layout-only tags of :data:`FLATTEN_TAGS` removed, and when that
finds no text either the error says how deep the page nests.  No parser failure escapes as
anything but :class:`IngestError`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from timeline.ingest.article import Metadata
from timeline.ingest.errors import IngestError
from timeline.ingest.textfile import decode_text, nul_problem, wide_encoding

# htmldate's defaults put today's date as the upper bound; fix it so nothing reads a clock,
# and skip the "extensive" search that guesses dates from arbitrary text on the page.
NUL = b"\x00"
PARSER_DEPTH = 255
# Tags that only lay a page out; dropping them (keeping their content) un-nests a page.
FLATTEN_TAGS = ("div", "span", "section", "article", "main", "aside", "header", "footer", "font", "center",
                "b", "i", "em", "strong", "blockquote", "table", "tbody", "tr", "td")
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr", "!doctype"})
_TAG = re.compile(r"<(/?)(!?[a-zA-Z][\w-]*)[^<>]*?(/?)>")
_FLATTEN = re.compile(rf"</?(?:{'|'.join(FLATTEN_TAGS)})\b[^<>]*>", re.IGNORECASE)
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


# The publication time, when the page's own published-time field carries one (htmldate gives days only).
_PUBLISHED_TIME = re.compile(
    r"(?:article:published_time|datePublished|pubdate)[\"']?[^<>]{0,40}?(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})",
    re.IGNORECASE,
)


def published_time(data: bytes | str, day: dt.date | None) -> str | None:
    """"HH:MM" from the page's published-time field when it is on ``day`` (as written, no zone shift)."""
    if day is None:
        return None
    page = data if isinstance(data, str) else data.decode("utf-8", "replace")
    for match in _PUBLISHED_TIME.finditer(page):
        if match.group(1) == day.isoformat():
            return f"{match.group(2)}:{match.group(3)}"
    return None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def nesting_depth(page: str) -> int:
    """How deep the page's elements nest, counting tags (void elements and ``<x/>`` do not nest)."""
    depth = deepest = 0
    for match in _TAG.finditer(page):
        closing, name, selfclosing = match.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not selfclosing and name.lower() not in VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _extract(markup: bytes | str, path: str | Path):
    try:
        import trafilatura
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise IngestError(path, f"HTML support needs trafilatura ({err})") from None
    try:
        doc = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=dict(DATE_PARAMS),
        )
    except Exception as err:  # noqa: BLE001 - trafilatura raises many kinds on bad markup
        problem = " ".join(f"{err.__class__.__name__}: {err}".split())[:200]
        raise IngestError(path, f"cannot parse HTML ({problem})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    return doc, text if text and text.strip() else None


def _page_text(markup: bytes | str) -> str:
    return markup if isinstance(markup, str) else markup.decode("utf-8", "replace")


def extract_html(data: bytes, path: str | Path) -> tuple[str, Metadata]:
    """The main text of an HTML page and its metadata; :class:`IngestError` when there is none."""
    if not data.strip():
        raise IngestError(path, "empty file")
    markup: bytes | str = data
    if wide_encoding(data):
        markup = decode_text(data, path)
    else:
        nul = data.find(NUL)
        if nul >= 0:
            raise IngestError(path, nul_problem(data, nul, "HTML"))
    doc, text = _extract(markup, path)
    if text is None:
        depth = nesting_depth(_page_text(markup))
        if depth <= PARSER_DEPTH:
            raise IngestError(path, "no article text found in the HTML")
        doc, text = _extract(_FLATTEN.sub("", _page_text(markup)), path)
        if text is None:
            raise IngestError(
                path, f"no article text found in the HTML (elements nested {depth:,} deep; "
                f"the HTML parser reads {PARSER_DEPTH} levels)"
            )
    assert text is not None
    day = _iso_date(getattr(doc, "date", None))
    meta = Metadata(
        title=getattr(doc, "title", None) or None,
        published=day,
        published_time=published_time(markup, day),
        url=getattr(doc, "url", None) or None,
        source=getattr(doc, "sitename", None) or None,
    )
    return text, meta
