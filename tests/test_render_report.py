"""The HTML report and the network view."""

from __future__ import annotations

import itertools
import re
from html import escape

import pytest
from matplotlib.text import Text

try:  # `python -m pytest`: the repo root is on sys.path
    from tests.render_fixtures import ACTORS, SOURCES, seed_events, seed_links
except ModuleNotFoundError:  # plain `pytest` puts tests/ itself on sys.path
    from render_fixtures import ACTORS, SOURCES, seed_events, seed_links
from timeline.render import draw_network, html_report, network_graph, save_network, svg_string


@pytest.fixture(scope="module")
def report() -> str:
    svg = svg_string(seed_events(), actors=ACTORS, links=seed_links(), title="Seeds")
    return html_report(seed_events(), ACTORS, seed_links(), title="Putin & NATO <2021>", documents=SOURCES, svg=svg)


@pytest.mark.parametrize("event", seed_events(), ids=lambda e: e.id)
def test_report_lists_every_event_with_its_sources(report, event):
    row = re.search(rf'<tr id="row-{re.escape(event.id)}">(.*?)</tr>', report, re.DOTALL)
    assert row, f"no table row for {event.id}"
    assert escape(event.label) in row.group(1)
    for doc in event.sources:
        assert doc in row.group(1)
    for mention in event.mentions:
        assert escape(mention.sentence) in row.group(1)


def test_report_is_self_contained(report):
    assert report.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", report, re.IGNORECASE)
    assert not re.search(r"<link\b|<script\b|@import|url\((?!#)", report, re.IGNORECASE)
    assert "http://" not in report and "https://" not in report
    assert report.count("<svg") == 1 and "<?xml" not in report and "<!DOCTYPE svg" not in report


def test_report_escapes_article_text(report):
    assert "<and>" not in report and "&lt;and&gt;" in report
    assert "<title>Putin &amp; NATO &lt;2021&gt;</title>" in report


def test_report_without_svg_and_with_article_like_documents():
    docs = [{"id": d, "title": t} for d, t in SOURCES]
    html = html_report(seed_events()[:2], ACTORS, (), title="t", documents=docs)
    assert "<svg" not in html and SOURCES[0][1].replace("'", "&#x27;") in html


def test_network_has_every_actor_and_event():
    events = seed_events()
    g = network_graph(events, ACTORS, seed_links())
    assert {e.id for e in events} <= set(g.nodes)
    assert g.has_edge("actor:vladimir-putin", "event:putin-niinisto-call")
    assert g.edges["event:putin-press-conference", "event:psaki-response"]["kind"] == "causes"


def test_network_figure_is_deterministic_and_labels_clean(tmp_path):
    events = seed_events()
    fig = draw_network(events, ACTORS, seed_links())
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [
        t.get_window_extent(renderer)
        for t in fig.findobj(Text)
        if (t.get_gid() or "").startswith("label:") and t.get_visible()
    ]
    assert len(boxes) >= len(ACTORS) - 2
    for a, b in itertools.combinations(boxes, 2):
        assert not (min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5)
    paths = [tmp_path / "a.svg", tmp_path / "b.svg"]
    save_network(events, ACTORS, seed_links(), paths[:1])
    save_network(events, ACTORS, seed_links(), paths[1:])
    svg = paths[0].read_text(encoding="utf-8")
    assert svg == paths[1].read_text(encoding="utf-8")
    for node in [e.id for e in events] + ["actor:vladimir-putin"]:
        assert f'<g id="{node}"' in svg


def test_report_ids_are_unique_and_svg_has_tooltips(report):
    ids = re.findall(r'\sid="([^"]*)"', report)
    assert len(ids) == len(set(ids)), "duplicate ids in the page"
    for event in seed_events():
        group = re.search(rf'<g id="{re.escape(event.id)}">\s*<title>([^<]*)</title>', report)
        assert group, f"no tooltip for {event.id}"
        assert escape(event.label, quote=False) in group.group(1)


def test_report_names_articles_by_outlet_title_and_date():
    import datetime as dt

    from timeline.model import Article

    docs = [Article(id=d, text="", title=t, source="DW", published=dt.date(2021, 12, 14)) for d, t in SOURCES]
    html = html_report(seed_events(), ACTORS, (), title="t", documents=docs)
    assert "DW - " + escape(SOURCES[0][1]) + " (2021-12-14)" in html


def test_report_markers_link_to_their_rows(report):
    for event in seed_events():
        assert f'<a xlink:href="#row-{event.id}">' in report, f"marker of {event.id} does not link to its row"
        assert f'<tr id="row-{event.id}">' in report


def test_events_missing_type_modality_label_and_sources_still_render():
    from dataclasses import replace

    events = [
        replace(e, type=None if i % 2 else e.type, modality=None if i % 3 == 0 else e.modality, sources=(), label="")
        for i, e in enumerate(seed_events())
    ]
    svg = svg_string(events, actors=ACTORS, lanes="type")
    html = html_report(events, ACTORS, (), title="t", svg=svg)
    for e in events:
        assert f'<g id="{e.id}"' in svg and f'<tr id="row-{e.id}">' in html
    assert draw_network(events, ACTORS) is not None


def test_report_lists_documents_and_links_sources_to_them(report):
    for doc, name in SOURCES:
        assert re.search(rf'<li id="doc-{doc}">.*?{re.escape(escape(name))}</li>', report), doc
    targets = set(re.findall(r'href="#(doc-[^"]+)"', report))
    assert targets and all(f'id="{t}"' in report for t in targets)
