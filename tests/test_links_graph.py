"""Causal and temporal links, the graph, and every export loading back intact."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from mentions import analysis, day, mention

from timeline.api import Timeline
from timeline.export import (
    csv_text,
    cytoscape_text,
    from_node_link,
    gexf_text,
    graphml_text,
    node_link,
    to_json,
)
from timeline.graph import build_graph
from timeline.links import link_events
from timeline.merge import merge
from timeline.model import Actor, ActorMention, EventDate

PSAKI = ("At a White House press conference on Thursday, Press Secretary Jen Psaki responded to the comments "
         "made by Putin.")


def _psaki_doc():
    text = "x" * 100 + PSAKI
    s0 = 100
    conference = mention("d4", 10, "hold", "meeting", day("2021-12-23"), "putin", sentence="Putin holds a news "
                         "conference.", label="Putin holds annual news conference")
    respond = mention("d4", s0 + PSAKI.index("responded"), "respond", "statement", day("2021-12-23"), "psaki",
                      sentence=PSAKI, sentence_start=s0, label="Psaki responds to Putin")
    putin_mention = ActorMention("d4", s0 + PSAKI.index("Putin"), s0 + PSAKI.index("Putin") + 5, "Putin",
                                 "actor:putin", "agent")
    return analysis("d4", [conference, respond], text=text, published="2021-12-23",
                    actor_mentions=(putin_mention,))


def test_responded_to_links_the_cause_named_only_by_its_actor():
    doc = _psaki_doc()
    events = merge([doc])
    links = link_events([doc], events)
    causes = [link for link in links if link.kind == "causes"]
    labels = {e.id: e.label for e in events}
    assert [(labels[link.source], labels[link.target], link.cue) for link in causes] == [
        ("Putin holds annual news conference", "Psaki responds to Putin", "responded to")]
    cue = causes[0]
    assert doc.article.text[cue.start:cue.end] == "responded to"


def test_cause_cue_effect_direction():
    sentence = "The shelling prompted an evacuation of the town."
    ms = [mention("a", sentence.index("shelling"), "shell", "military", day("2021-12-10"), "army",
                  sentence=sentence, label="shelling"),
          mention("a", sentence.index("evacuation"), "evacuate", "military", day("2021-12-10"), "town",
                  sentence=sentence, label="evacuation")]
    doc = analysis("a", ms)
    events = merge([doc])
    labels = {e.id: e.label for e in events}
    causes = [(labels[link.source], labels[link.target]) for link in link_events([doc], events)
              if link.kind == "causes"]
    assert causes == [("shelling", "evacuation")]


def test_dates_order_events_within_an_article():
    ms = [mention("a", 10, "warn", "warning", day("2021-12-13"), "ryabkov", label="Ryabkov warns"),
          mention("a", 50, "call", "meeting", day("2021-12-14"), "putin", ("niinisto",), label="Putin calls"),
          mention("a", 90, "call", "meeting", day("2021-12-14"), "putin", ("macron",), label="Putin calls Macron")]
    doc = analysis("a", ms)
    events = merge([doc])
    labels = {e.id: e.label for e in events}
    pairs = {(labels[link.source], labels[link.target], link.kind) for link in link_events([doc], events)}
    assert ("Ryabkov warns", "Putin calls", "before") in pairs
    assert ("Ryabkov warns", "Putin calls Macron", "before") in pairs
    assert any(kind == "same_time" for _, _, kind in pairs)
    assert not any(a == "Putin calls" and b == "Ryabkov warns" for a, b, _ in pairs)


def test_event_anchor_gives_an_explicit_before_link():
    comments = mention("a", 10, "comment", "statement", day("2021-12-14"), "putin", label="Putin comments")
    warning = mention("a", 60, "warn", "warning", EventDate("2021-12-13", day("2021-12-13").earliest,
                                                           day("2021-12-13").latest, "day", source="event",
                                                           anchor_event="a:10"), "ryabkov",
                      label="Ryabkov warns")
    doc = analysis("a", [comments, warning])
    events = merge([doc])
    labels = {e.id: e.label for e in events}
    anchored = [(labels[link.source], labels[link.target], link.kind) for link in link_events([doc], events)
                if link.cue == "anchor"]
    assert anchored == [("Ryabkov warns", "Putin comments", "before")]


@pytest.fixture
def timeline_obj():
    doc = _psaki_doc()
    events = merge([doc])
    actors = {"actor:putin": Actor("actor:putin", "Vladimir Putin", "person", "actor:russia",
                                   ("Putin", "Mr. Putin")),
              "actor:psaki": Actor("actor:psaki", "Jen Psaki", "person", aliases=("Psaki",))}
    return Timeline(events=tuple(events), actors=actors, links=tuple(link_events([doc], events)),
                    articles=(doc.article,), analyses=(doc,), title="test")


def test_graph_follows_the_contract(timeline_obj):
    data = json.loads(timeline_obj.to_json())
    assert data["directed"] and data["multigraph"] and "edges" in data
    events = [n for n in data["nodes"] if n["kind"] == "event"]
    actors = [n for n in data["nodes"] if n["kind"] == "actor"]
    assert len(events) == 2 and {a["name"] for a in actors} == {"Vladimir Putin", "Jen Psaki"}
    for node in events:
        for key in ("label", "value", "earliest", "latest", "grain", "type", "modality", "sources", "mentions"):
            assert key in node, key
        assert node["sources"] == ["d4"]
        assert {"doc", "start", "end", "sentence"} <= set(node["mentions"][0])
    participants = [e for e in data["edges"] if e["kind"] == "participant"]
    assert all(e["source"].startswith("actor:") and e["target"].startswith("event:") for e in participants)
    assert any(e["kind"] == "causes" and e["cue"] == "responded to" for e in data["edges"])


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert set(a.nodes) == set(b.nodes)
    assert sorted((u, v) for u, v in a.edges()) == sorted((u, v) for u, v in b.edges())


def test_node_link_round_trip(timeline_obj):
    g = timeline_obj.graph
    back = from_node_link(json.loads(to_json(g)))
    _same(g, back)
    for node in g:
        assert back.nodes[node] == g.nodes[node]
    assert node_link(back) == node_link(g)


def test_graphml_round_trip_has_no_none_and_iso_dates(timeline_obj):
    text = graphml_text(timeline_obj.graph)
    assert "None" not in text
    back = nx.read_graphml(io.BytesIO(text.encode()), force_multigraph=True)
    _same(timeline_obj.graph, back)
    event = next(d for _, d in back.nodes(data=True) if d["kind"] == "event")
    assert event["earliest"] == "2021-12-23"
    assert json.loads(event["sources"]) == ["d4"]


def test_gexf_round_trip_is_dynamic_with_start_and_end(timeline_obj):
    text = gexf_text(timeline_obj.graph)
    root = ET.fromstring(text)
    graph = next(el for el in root.iter() if el.tag.endswith("graph"))
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    starts = [el.get("start") for el in root.iter() if el.tag.endswith("node") and el.get("start")]
    assert starts == ["2021-12-23", "2021-12-23"]
    back = nx.read_gexf(io.BytesIO(text.encode()))
    assert set(back.nodes) == set(timeline_obj.graph.nodes)


def test_cytoscape_round_trip(timeline_obj):
    back = nx.cytoscape_graph(json.loads(cytoscape_text(timeline_obj.graph)))
    _same(timeline_obj.graph, back)


def test_csv_has_one_row_per_event(timeline_obj):
    rows = list(csv.DictReader(io.StringIO(csv_text(timeline_obj.graph))))
    assert len(rows) == len(timeline_obj.events)
    assert {r["earliest"] for r in rows} == {"2021-12-23"}
    assert any("Vladimir Putin" in r["actors"] for r in rows)


def test_filters(timeline_obj):
    assert len(timeline_obj.filter(actor="Psaki")) == 1
    assert len(timeline_obj.filter(actor="Vladimir Putin")) == 1
    assert len(timeline_obj.filter(actor="Mr. Putn")) == 1  # close spellings
    assert len(timeline_obj.filter(actor="Nobody Atall")) == 0
    assert len(timeline_obj.filter(since="2021-12-24")) == 0
    assert len(timeline_obj.filter(until="2021-12-23", since="2021-12-23")) == 2
    assert len(timeline_obj.filter(min_sources=2)) == 0
    assert len(timeline_obj.filter(type="meeting")) == 1
    kept = timeline_obj.filter(type="statement")
    assert all(link.source in {e.id for e in kept.events} for link in kept.links)


def test_build_graph_tolerates_unknown_actor_ids():
    ms = [mention("a", 10, "say", "statement", day("2021-12-14"), "ghost")]
    doc = analysis("a", ms)
    g = build_graph(merge([doc]), {}, [], [doc.article])
    assert g.nodes["actor:ghost"]["kind"] == "actor"


def test_a_sentence_opening_with_in_response_is_caused_by_the_one_before():
    first = "Washington imposed new sanctions on Moscow on Monday."
    second = "In response, Russia expelled ten American diplomats."
    third = "Separately, the central bank raised rates."
    text = f"{first} {second}\n\n{third}"
    s2, s3 = len(first) + 1, text.index(third)
    ms = [mention("a", first.index("imposed"), "impose", "sanctions", day("2021-12-13"), "us",
                  sentence=first, label="sanctions"),
          mention("a", s2 + second.index("expelled"), "expel", "military", day("2021-12-14"), "russia",
                  sentence=second, sentence_start=s2, label="expulsion"),
          mention("a", s3 + third.index("raised"), "raise", "economy", day("2021-12-14"), "bank",
                  sentence=third, sentence_start=s3, label="rates")]
    doc = analysis("a", ms, text=text)
    events = merge([doc])
    labels = {e.id: e.label for e in events}
    causes = [(labels[link.source], labels[link.target], link.cue) for link in link_events([doc], events)
              if link.kind == "causes"]
    assert causes == [("sanctions", "expulsion", "in response")]
    (link,) = [link for link in link_events([doc], events) if link.kind == "causes"]
    assert text[link.start:link.end] == "In response,"
