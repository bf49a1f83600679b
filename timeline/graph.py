"""The timeline as a networkx MultiDiGraph: events and actors as nodes, participants and links as edges.

Node and edge attributes follow CONTRACT.md and hold only JSON types (dates as ISO strings), so
the graph serialises as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from timeline.dates import iso
from timeline.model import Actor, Article, Event, EventDate, Link


def _date_dict(d: EventDate) -> dict:
    return {"value": d.value, "earliest": iso(d.earliest), "latest": iso(d.latest), "grain": d.grain,
            "mod": d.mod, "source": d.source}


def event_attributes(event: Event, articles: Mapping[str, Article]) -> dict:
    def outlet(doc: str) -> str | None:
        a = articles.get(doc)
        return a.source if a else None

    return {
        "kind": "event",
        "label": event.label,
        "value": event.value,
        "earliest": iso(event.earliest),
        "latest": iso(event.latest),
        "grain": event.grain,
        "mod": event.mod,
        "type": event.type,
        "modality": event.modality,
        "sources": list(event.sources),
        "independent_sources": event.independent_sources,
        "date_conflict": bool(event.conflicts),
        "conflicts": [_date_dict(c) for c in event.conflicts],
        "actors": [actor for actor, _ in event.actors],
        "mentions": [
            {
                "doc": m.doc,
                "start": m.sentence_start,
                "end": m.sentence_end,
                "trigger_start": m.start,
                "trigger_end": m.end,
                "sentence": m.sentence,
                "predicate": m.predicate,
                "date": _date_dict(m.date),
                "modality": m.modality,
                "outlet": outlet(m.doc),
                "published": iso(articles[m.doc].published) if m.doc in articles else None,
                **({"content": m.content} if m.content else {}),
            }
            for m in event.mentions
        ],
    }


def actor_attributes(actor: Actor) -> dict:
    return {
        "kind": "actor",
        "name": actor.name,
        "label": actor.name,
        "category": actor.category,
        "affiliation": actor.affiliation,
        "title": actor.title,
        "aliases": list(actor.aliases),
    }


def build_graph(
    events: Sequence[Event],
    actors: Mapping[str, Actor],
    links: Sequence[Link],
    articles: Sequence[Article],
    title: str = "timeline",
) -> nx.MultiDiGraph:
    by_id = {a.id: a for a in articles}
    graph = nx.MultiDiGraph(
        title=title,
        documents=[
            {"id": a.id, "title": a.title, "published": iso(a.published), "published_from": a.published_from,
             "source": a.source, "path": a.path, "url": a.url}
            for a in articles
        ],
    )
    used = {actor for e in events for actor, _ in e.actors}
    for actor_id in sorted(used):
        actor = actors.get(actor_id) or Actor(actor_id, actor_id.split(":", 1)[-1], "other")
        graph.add_node(actor_id, **actor_attributes(actor))
    for event in events:
        graph.add_node(event.id, **event_attributes(event, by_id))
        for actor_id, role in event.actors:
            graph.add_edge(actor_id, event.id, kind="participant", role=role)
    for link in links:
        if link.source in graph and link.target in graph:
            graph.add_edge(link.source, link.target, kind=link.kind, cue=link.cue, doc=link.doc,
                           start=link.start, end=link.end)
    return graph
