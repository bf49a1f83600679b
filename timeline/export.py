"""Exports of the graph that load back intact in their tools, each written atomically.

- node-link JSON (networkx, edge list under ``edges``; CONTRACT.md ``timeline.json``)
- GraphML (scalar attributes only: lists and dicts as JSON strings, no None)
- GEXF with ``start``/``end`` on event nodes for Gephi's dynamic view
- Cytoscape.js JSON
- CSV of events for spreadsheets
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from timeline.atomic import write_text_atomic

FORMATS = ("json", "graphml", "gexf", "cyjs", "csv")
CSV_COLUMNS = ("id", "value", "earliest", "latest", "grain", "mod", "label", "type", "modality", "actors",
               "sources", "independent_sources", "date_conflict", "sentence")


def node_link(graph: nx.MultiDiGraph) -> dict:
    return nx.node_link_data(graph, edges="edges")


def from_node_link(data: dict) -> nx.MultiDiGraph:
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def to_json(graph: nx.MultiDiGraph) -> str:
    """Node-link JSON with one node or edge per line: readable and diffable, and written by the C
    encoder (an ``indent`` falls back to the pure-Python one, several times slower on big graphs)."""
    compact = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for key, value in node_link(graph).items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(compact(item) for item in value)
            parts.append(f"{compact(key)}: [\n  {items}\n ]")
        else:
            parts.append(f"{compact(key)}: {compact(value)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def _scalar(value):
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are GraphML/GEXF scalars: no None, containers as JSON strings."""
    flat = nx.MultiDiGraph()
    flat.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _scalar(x) for k, x in data.items() if x is not None})
    return flat


def graphml_text(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(flat_graph(graph))) + "\n"


def gexf_text(graph: nx.MultiDiGraph) -> str:
    flat = flat_graph(graph)
    for _, data in flat.nodes(data=True):
        if data.get("kind") == "event" and data.get("earliest"):
            data["start"] = data["earliest"]
            data["end"] = data.get("latest") or data["earliest"]
    for _, _, data in flat.edges(data=True):
        # In GEXF "start"/"end" mean time; an edge's evidence offsets are renamed so Gephi keeps them.
        for key in ("start", "end"):
            if key in data:
                data[f"text_{key}"] = data.pop(key)
    flat.graph["mode"] = "dynamic"
    return "\n".join(nx.generate_gexf(flat)) + "\n"


def cytoscape_text(graph: nx.MultiDiGraph) -> str:
    return json.dumps(nx.cytoscape_data(graph), ensure_ascii=False, indent=1)


def csv_text(graph: nx.MultiDiGraph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "event":
            continue
        names = [graph.nodes[a].get("name", a) for a in data.get("actors", []) if a in graph]
        mentions = data.get("mentions") or [{}]
        writer.writerow([
            node, data.get("value"), data.get("earliest"), data.get("latest"), data.get("grain"),
            data.get("mod"), data.get("label"), data.get("type"), data.get("modality"), "; ".join(names),
            "; ".join(data.get("sources", [])), data.get("independent_sources"), data.get("date_conflict"),
            " ".join(mentions[0].get("sentence", "").split()),
        ])
    return out.getvalue()


WRITERS: dict[str, tuple[str, Callable[[nx.MultiDiGraph], str]]] = {
    "json": ("timeline.json", to_json),
    "graphml": ("timeline.graphml", graphml_text),
    "gexf": ("timeline.gexf", gexf_text),
    "cyjs": ("timeline.cyjs", cytoscape_text),
    "csv": ("timeline.csv", csv_text),
}


def export(graph: nx.MultiDiGraph, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Write each requested format into ``out_dir``; returns the paths written."""
    written = []
    for fmt in formats:
        name, make = WRITERS[fmt]
        path = Path(out_dir) / name
        write_text_atomic(path, make(graph))
        written.append(path)
    return written
