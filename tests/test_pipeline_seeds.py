"""The whole pipeline on the five seed articles: issue 5's targets for merging and linking."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import timeline

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def tl():
    return timeline.build(SEEDS)


def docs(event) -> set[str]:
    return {s[:3] for s in event.sources}


def find(tl, *, type_=None, actors=(), predicate=None, value=None):
    """Every event of that type whose actors include all of ``actors`` (names as written)."""
    ids = [tl.find_actor(a) for a in actors]
    assert None not in ids, (actors, ids)
    return [e for e in tl.events
            if (type_ is None or e.type == type_)
            and set(ids) <= {a for a, _ in e.actors}
            and (predicate is None or any(m.predicate == predicate for m in e.mentions))
            and (value is None or e.value == value)]


@pytest.mark.parametrize("partner", ["Niinistö", "Macron"])
def test_each_phone_call_is_one_node_with_its_four_outlets(tl, partner):
    calls = find(tl, type_="meeting", actors=("Putin", partner))
    assert len(calls) == 1, [e.label for e in calls]
    assert docs(calls[0]) == {"000", "001", "002", "003"}
    assert calls[0].value == "2021-12-14"


def test_ryabkov_warning_is_one_node_from_three_outlets(tl):
    warnings = find(tl, type_="warning", actors=("Ryabkov",))
    assert len(warnings) == 1, [e.label for e in warnings]
    assert {"000", "001", "002"} <= docs(warnings[0])
    assert warnings[0].value == "2021-12-13"


def test_biden_warning_is_one_node(tl):
    warnings = find(tl, type_="warning", actors=("Biden",))
    assert len(warnings) == 1, [e.label for e in warnings]
    assert {"000", "002"} <= docs(warnings[0])
    assert warnings[0].earliest.isoformat() == "2021-12-06"


def test_crimea_annexation_is_one_node(tl):
    annexations = find(tl, actors=("Crimea",), predicate="annex")
    assert len(annexations) == 1, [e.label for e in annexations]
    assert docs(annexations[0]) == {"000", "002", "004"}
    assert annexations[0].value == "2014"


def test_calls_with_different_partners_are_not_merged(tl):
    niinisto, macron = tl.find_actor("Niinisto"), tl.find_actor("Macron")
    for e in tl.events:
        actors = {a for a, _ in e.actors}
        assert not {niinisto, macron} <= actors, e.label


def test_every_source_listed_once_and_mentions_trace_back(tl):
    texts = {a.id: a.text for a in tl.articles}
    for e in tl.events:
        assert len(e.sources) == len(set(e.sources))
        assert set(e.sources) == {m.doc for m in e.mentions}
        for m in e.mentions:
            assert texts[m.doc][m.sentence_start:m.sentence_end] == m.sentence


def test_psaki_response_is_caused_by_putins_news_conference(tl):
    (psaki,) = find(tl, actors=("Psaki",), value="2021-12-23")
    causes = {link.source for link in tl.links if link.kind == "causes" and link.target == psaki.id}
    labels = {e.id: e for e in tl.events}
    conference = [labels[c] for c in causes if any("conference" in m.sentence for m in labels[c].mentions)]
    assert conference, [labels[c].label for c in causes]
    assert all(labels[c].value == "2021-12-23" for c in causes)


def test_ryabkov_warning_comes_before_putins_calls(tl):
    (warning,) = find(tl, type_="warning", actors=("Ryabkov",))
    graph = tl.graph
    temporal = nx.DiGraph([(u, v) for u, v, d in graph.edges(data=True) if d["kind"] in ("before", "causes")])
    for partner in ("Niinisto", "Macron"):
        (call,) = find(tl, type_="meeting", actors=("Putin", partner))
        assert nx.has_path(temporal, warning.id, call.id), partner
        assert not nx.has_path(temporal, call.id, warning.id), partner


def test_no_temporal_cycles(tl):
    before = nx.DiGraph([(link.source, link.target) for link in tl.links if link.kind == "before"])
    assert nx.is_directed_acyclic_graph(before)


def test_graph_has_participants_for_every_event_actor(tl):
    graph = tl.graph
    for e in tl.events:
        for actor, role in e.actors:
            assert any(d["kind"] == "participant" and d["role"] == role
                       for d in graph.get_edge_data(actor, e.id).values())


def test_notebook_display_and_drawing_into_a_users_axes(tl):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    svg = tl._repr_svg_()
    assert svg.lstrip().startswith(("<?xml", "<svg")) and all(f'id="{e.id}"' in svg for e in tl.events)
    html = tl._repr_html_()
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org", "")
    fig, ax = plt.subplots(figsize=(12, 6))
    try:
        assert tl.render(ax=ax) is fig
        assert ax.texts or ax.collections
    finally:
        plt.close(fig)
