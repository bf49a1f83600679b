"""A self-contained HTML report: the timeline SVG inline, then a table of events with their sources.

Nothing is fetched when the page opens: no external CSS, scripts, fonts or images. Every
text that comes from an article is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

from timeline.model import Actor, Article, Event, Link
from timeline.render.lanes import actor_name
from timeline.render.marks import ROW_LINK
from timeline.render.style import type_colours

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2em auto;max-width:1400px;
color:#222;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em} .meta{color:#666;margin-top:0}
figure{margin:1em 0;overflow-x:auto} figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.9em} th,td{border-bottom:1px solid #ddd;padding:.45em .5em;
vertical-align:top;text-align:left} th{background:#f4f4f4;position:sticky;top:0}
.type{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.35em;vertical-align:middle}
.planned,.conditional{font-style:italic} .denied{text-decoration:line-through;color:#666}
.sources ol{margin:0;padding-left:1.2em} .sentence{color:#444} .doc{font-family:monospace;font-size:.85em;color:#666}
.conflict{color:#b35900} .date{white-space:nowrap} tr:target,li:target{background:#fff3c4}
h2{font-size:1.15em;margin-top:2em} .docs li{margin:.2em 0}
"""


def _doc_titles(documents) -> dict[str, str]:
    """Titles by document id from Articles, mappings with ``id``/``title``, or (id, title) pairs."""
    out: dict[str, str] = {}
    for d in documents or ():
        if isinstance(d, Article):
            name = " - ".join(x for x in (d.source, d.title) if x) or d.id
            out[d.id] = name + (f" ({d.published.isoformat()})" if d.published else "")
        elif isinstance(d, Mapping):
            name = " - ".join(str(d[k]) for k in ("source", "title") if d.get(k)) or str(d.get("id"))
            out[str(d.get("id"))] = name + (f" ({d['published']})" if d.get("published") else "")
        elif isinstance(d, (tuple, list)) and len(d) >= 2:
            out[str(d[0])] = str(d[1])
        else:
            out[str(d)] = str(d)
    return out


def _date_text(e: Event) -> str:
    if e.earliest is None and e.latest is None:
        return "undated"
    span = e.earliest.isoformat() if e.earliest == e.latest else f"{e.earliest or '…'} to {e.latest or '…'}"
    value = e.value or ""
    head = value if value and value != span else span
    extra = [] if head == span else [span]
    if e.mod:
        extra.append(e.mod.lower())
    return head + (f" ({', '.join(extra)})" if extra else "")


def strip_svg_prolog(svg: str) -> str:
    """The ``<svg>`` element alone: no XML declaration, DOCTYPE, metadata or namespace URLs."""
    svg = svg[svg.find("<svg") :] if "<svg" in svg else svg
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)


def html_report(
    events: Iterable[Event],
    actors: Mapping[str, Actor] | None,
    links: Iterable[Link] = (),
    *,
    title: str,
    documents=(),
    svg: str | None = None,
) -> str:
    """A self-contained HTML page: the SVG (if given) then a table of every event with its sources."""
    events = sorted(events, key=lambda e: (e.earliest is None and e.latest is None, str(e.earliest or e.latest), e.id))
    titles = _doc_titles(documents)
    colours = type_colours([e.type for e in events])
    causes: dict[str, list[str]] = {}
    labels = {e.id: e.label or e.id for e in events}
    for lk in links:
        if lk.kind == "causes" and lk.source in labels:
            causes.setdefault(lk.target, []).append(labels[lk.source])
    rows = []
    for e in events:
        names = ", ".join(
            escape(actor_name(a, actors)) + (f" <small>({escape(r)})</small>" if r else "") for a, r in e.actors
        )
        date = f'<span class="date">{escape(_date_text(e))}</span>'
        if e.conflicts:
            other = "; ".join(escape(c.value or f"{c.earliest} to {c.latest}") for c in e.conflicts)
            date += f'<br><span class="conflict">also reported: {other}</span>'
        sources = []
        for doc in e.sources:
            sentences = [mn.sentence for mn in e.mentions if mn.doc == doc and mn.sentence]
            quote = "".join(f'<div class="sentence">&ldquo;{escape(s)}&rdquo;</div>' for s in dict.fromkeys(sentences))
            link = f'<a class="doc" href="#doc-{escape(doc)}">{escape(doc)}</a>'
            sources.append(f"<li>{link} {escape(titles.get(doc, ''))}{quote}</li>")
        cause = "".join(f"<br><small>caused by: {escape(c)}</small>" for c in causes.get(e.id, []))
        rows.append(
            f'<tr id="{ROW_LINK[1:]}{escape(e.id)}"><td>{date}</td>'
            f'<td class="{escape(str(e.modality))}">{escape(e.label or e.id)}{cause}</td>'
            f"<td>{names}</td>"
            f'<td><span class="type" style="background:{colours[e.type]}"></span>{escape(str(e.type or ""))}</td>'
            f"<td>{escape(str(e.modality or ''))}</td>"
            f'<td class="sources"><ol>{"".join(sources)}</ol></td></tr>'
        )
    figure = f"<figure>{strip_svg_prolog(svg)}</figure>" if svg else ""
    cited = sorted({d for e in events for d in e.sources} - set(titles))
    docs = "".join(
        f'<li id="doc-{escape(d)}"><span class="doc">{escape(d)}</span> {escape(titles.get(d, ""))}</li>'
        for d in [*titles, *cited]
    )
    n_docs = len({d for e in events for d in e.sources} | set(titles))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>\n'
        f"<body><h1>{escape(title)}</h1>"
        f'<p class="meta">{len(events)} events from {n_docs} documents</p>\n{figure}\n'
        "<table><thead><tr><th>Date</th><th>Event</th><th>Actors</th><th>Type</th><th>Modality</th>"
        "<th>Sources</th></tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + f'\n</tbody></table>\n<h2>Documents</h2><ol class="docs">{docs}</ol></body></html>\n'
    )
