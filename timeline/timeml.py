"""TimeML 1.2.1 read and write.

``parse_timeml`` turns a TimeML document (TimeBank, AQUAINT, TempEval-3) into a
:class:`TimeMLDoc` whose ``text`` is the content of ``<TEXT>`` with every tag
stripped and entities unescaped; gold TIMEX3 annotations become offsets into that
text.  ``write_timeml`` does the reverse for our own output, so the TempEval-3
scorer (and :mod:`timeline.timex.evaluate`) can read it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from timeline.model import Article, Timex

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)((?:\s+[^<>]*?)?)\s*(/?)>|<!--.*?-->|<\?.*?\?>|<!\[CDATA\[(.*?)\]\]>", re.S)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(\"[^\"]*\"|'[^']*')")
_ELEMENT = "<{0}\\b[^>]*>(.*?)</{0}\\s*>"


@dataclass(frozen=True)
class TimeMLDoc:
    """One TimeML document: its text (tags stripped) and the TIMEX3 spans inside ``<TEXT>``."""

    docid: str
    title: str | None
    dct: dt.date | None
    dct_value: str
    text: str
    timexes: tuple[tuple[int, int, dict[str, str]], ...]


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v[1:-1]) for k, v in _ATTR.findall(raw or "")}


def _element(xml: str, name: str) -> str | None:
    m = re.search(_ELEMENT.format(name), xml, re.S)
    return m.group(1) if m else None


def _strip(fragment: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Text of an XML fragment with tags removed, and the offsets of each TIMEX3 in it."""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    for m in _TAG.finditer(fragment):
        chunk = html.unescape(fragment[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(5) is not None:  # CDATA
            out.append(m.group(5))
            length += len(m.group(5))
            continue
        name = (m.group(2) or "").upper()
        if name != "TIMEX3":
            continue
        if m.group(1):  # closing
            if open_timex:
                start, attrs = open_timex.pop()
                spans.append((start, length, attrs))
        elif m.group(4):  # empty element: a non-consuming timex
            continue
        else:
            open_timex.append((length, _attrs(m.group(3))))
    chunk = html.unescape(fragment[pos:])
    out.append(chunk)
    spans.sort(key=lambda s: (s[0], -s[1]))
    return "".join(out), spans


def _date_of(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_timeml(xml: str) -> TimeMLDoc:
    """Parse a TimeML document (TimeBank/AQUAINT/TempEval-3 style)."""
    docid = (_element(xml, "DOCID") or "").strip()
    title_raw = _element(xml, "TITLE")
    title = _strip(title_raw)[0].strip() or None if title_raw is not None else None
    dct_value = ""
    dct_raw = _element(xml, "DCT")
    if dct_raw is not None:
        m = re.search(r"<TIMEX3\b([^>]*)>", dct_raw)
        if m:
            dct_value = _attrs(m.group(1)).get("value", "")
    text_raw = _element(xml, "TEXT")
    text, spans = _strip(text_raw) if text_raw is not None else ("", [])
    return TimeMLDoc(docid, title, _date_of(dct_value), dct_value, text, tuple(spans))


def _timex_tag(tid: int, t: Timex) -> str:
    attrs = [("tid", f"t{tid}"), ("type", t.type)]
    if t.value is not None:
        attrs.append(("value", t.value))
    if t.mod:
        attrs.append(("mod", t.mod))
    return "<TIMEX3 " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + ">"


def _non_overlapping(timexes: Sequence[Timex], size: int) -> list[Timex]:
    kept: list[Timex] = []
    last_end = 0
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.start >= last_end and t.end <= size and t.end > t.start:
            kept.append(t)
            last_end = t.end
    return kept


def write_timeml(article: Article, timexes: Sequence[Timex]) -> str:
    """TimeML 1.2.1 for ``article`` with every expression wrapped in ``<TIMEX3>`` inside ``<TEXT>``."""
    text = article.text
    parts: list[str] = []
    pos = 0
    for tid, t in enumerate(_non_overlapping(timexes, len(text)), start=1):
        parts.append(escape(text[pos : t.start]))
        parts.append(_timex_tag(tid, t) + escape(text[t.start : t.end]) + "</TIMEX3>")
        pos = t.end
    parts.append(escape(text[pos:]))
    lines = [
        '<?xml version="1.0" ?>',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">',
        "",
        f"<DOCID>{escape(article.id)}</DOCID>",
        "",
    ]
    if article.published is not None:
        value = article.published.isoformat()
        lines += [
            '<DCT><TIMEX3 tid="t0" type="DATE" value="%s" temporalFunction="false" '
            'functionInDocument="CREATION_TIME">%s</TIMEX3></DCT>' % (value, value),
            "",
        ]
    if article.title:
        lines += [f"<TITLE>{escape(article.title)}</TITLE>", ""]
    lines += ["<TEXT>" + "".join(parts) + "</TEXT>", "", "</TimeML>", ""]
    return "\n".join(lines)
