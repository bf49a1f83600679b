"""The network view: actors and the events they take part in, causal links as arrows.

Layout is networkx's spring layout with a fixed seed over nodes added in sorted order, so
the picture is the same on every run. Labels use the same overlap-free placement as the timeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import matplotlib as mpl
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from timeline.model import Actor, Event, Link
from timeline.render import labels as lab
from timeline.render.figure import quiet_glyphs
from timeline.render.lanes import actor_name
from timeline.render.style import LINK_COLOUR, METRICS, RC, TEXT_COLOUR, modality_style, type_colours
from timeline.render.texts import cut, renderer_of

SEED = 7
ACTOR_COLOURS = {
    "person": "#4d4d4d",
    "country": "#8c6d31",
    "organisation": "#5254a3",
    "city": "#637939",
    "group": "#843c39",
    "other": "#7b4173",
}
MAX_EVENT_LABELS = 40


def network_graph(events: Iterable[Event], actors: Mapping[str, Actor], links: Iterable[Link] = ()) -> nx.DiGraph:
    """Actors and events as one directed graph.

    Edges: ``participant`` actor -> event, ``affiliation`` actor -> the state or body it
    belongs to (when both are in the graph), ``causes`` event -> event.
    """
    g = nx.DiGraph()
    events = sorted(events, key=lambda e: e.id)
    for e in events:
        g.add_node(e.id, kind="event", event=e)
    for aid in sorted({a for e in events for a, _ in e.actors}):
        g.add_node(
            aid,
            kind="actor",
            name=actor_name(aid, actors),
            category=actors[aid].category if aid in actors else "other",
        )
    for e in events:
        for aid, role in e.actors:
            g.add_edge(aid, e.id, kind="participant", role=role)
    for aid in [n for n, d in g.nodes(data=True) if d["kind"] == "actor"]:
        home = actors[aid].affiliation if aid in actors else None
        if home and home in g and home != aid:
            g.add_edge(aid, home, kind="affiliation")
    for link in sorted(links, key=lambda lk: (lk.source, lk.target, lk.kind)):
        if link.kind == "causes" and link.source in g and link.target in g:
            g.add_edge(link.source, link.target, kind="causes")
    return g


def draw_network(
    events: Iterable[Event],
    actors: Mapping[str, Actor] | None = None,
    links: Iterable[Link] = (),
    *,
    title: str | None = None,
    dpi: float = 100,
) -> Figure:
    """Draw actors (circles) and events (squares, coloured by type) as a network."""
    with mpl.rc_context(RC), quiet_glyphs():
        return _draw(list(events), dict(actors or {}), list(links), title, dpi)


def _draw(events, actors, links, title, dpi) -> Figure:
    m = METRICS
    g = network_graph(events, actors, links)
    colours = type_colours([e.type for e in events])
    n = g.number_of_nodes()
    size = min(18.0, 9.0 + 0.02 * n)
    fig = Figure(figsize=(size * 1.25, size), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.1, 0.96, 0.84))
    ax.set_axis_off()
    pos = nx.spring_layout(g.to_undirected(), seed=SEED, k=1.6 / max(n, 1) ** 0.5, iterations=80) if n else {}
    if pos:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        padx, pady = 0.08 * (max(xs) - min(xs) or 1), 0.08 * (max(ys) - min(ys) or 1)
        ax.set_xlim(min(xs) - padx, max(xs) + padx)
        ax.set_ylim(min(ys) - pady, max(ys) + pady)
    for u, v, d in g.edges(data=True):
        if d["kind"] in ("participant", "affiliation"):
            ax.plot(
                [pos[u][0], pos[v][0]],
                [pos[u][1], pos[v][1]],
                color="#bbbbbb",
                lw=0.7,
                zorder=1,
                linestyle="-" if d["kind"] == "participant" else "--",
            )
        else:
            arrow = FancyArrowPatch(
                pos[u],
                pos[v],
                arrowstyle="-|>",
                mutation_scale=10,
                color=LINK_COLOUR,
                lw=1.1,
                connectionstyle="arc3,rad=0.15",
                shrinkA=6,
                shrinkB=6,
                zorder=2,
            )
            arrow.set_gid(f"link:{u}->{v}")
            ax.add_patch(arrow)
    degree = dict(g.degree())
    radius: dict[str, float] = {}
    for node, d in g.nodes(data=True):
        x, y = pos[node]
        if d["kind"] == "actor":
            pt = 8 + 2.2 * min(degree[node], 20) ** 0.5
            ax.scatter(
                [x],
                [y],
                s=pt**2,
                marker="o",
                color=ACTOR_COLOURS.get(d["category"], "#7b4173"),
                edgecolors="white",
                linewidths=1.0,
                zorder=4,
                gid=node,
            )
        else:
            e = d["event"]
            st = modality_style(e.modality)
            pt = 6 + 1.5 * min(len(e.sources), 9) ** 0.5
            ax.scatter(
                [x],
                [y],
                s=pt**2,
                marker="s",
                facecolors=colours[e.type] if st.filled else "white",
                edgecolors=colours[e.type],
                linewidths=1.2,
                linestyles=st.linestyle,
                zorder=3,
                gid=e.id,
            )
        radius[node] = pt / 2 * dpi / 72
    _labels(ax, g, pos, radius, m)
    handles = [Line2D([], [], marker="s", linestyle="none", color=c, label=t) for t, c in colours.items()]
    cats = sorted({d["category"] for _, d in g.nodes(data=True) if d["kind"] == "actor"})
    handles += [
        Line2D([], [], marker="o", linestyle="none", color=ACTOR_COLOURS.get(c, "#7b4173"), label=f"actor: {c}")
        for c in cats
    ]
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    if "participant" in kinds:
        handles.append(Line2D([], [], color="#bbbbbb", label="takes part in"))
    if "affiliation" in kinds:
        handles.append(Line2D([], [], color="#bbbbbb", linestyle="--", label="belongs to"))
    if any(not modality_style(e.modality).filled for e in events):
        handles.append(
            Line2D(
                [],
                [],
                marker="s",
                linestyle="none",
                markerfacecolor="white",
                markeredgecolor="#777777",
                label="planned / conditional",
            )
        )
    if "causes" in kinds:
        handles.append(Line2D([], [], marker=">", color=LINK_COLOUR, label="causes"))
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.02, 0.01),
        ncol=min(6, max(1, len(handles))),
        frameon=False,
        fontsize=m.tick_pt,
    )
    fig.text(
        0.02,
        0.985,
        title or "Actors and events",
        fontsize=m.title_pt,
        fontweight="bold",
        va="top",
        color=TEXT_COLOUR,
        gid="title",
    )
    return fig


def _labels(ax, g: nx.DiGraph, pos, radius, m) -> None:
    renderer = renderer_of(ax.figure)
    box = ax.get_window_extent(renderer)
    bounds = (box.x0 + 2, box.y0 + 2, box.x1 - 2, box.y1 - 2)
    to_px = ax.transData.transform
    obstacles = []
    for node in g.nodes:
        cx, cy = to_px(pos[node])
        r = radius[node]
        obstacles.append((cx - r, cy - r, cx + r, cy + r))
    events = [(n, d) for n, d in g.nodes(data=True) if d["kind"] == "event"]
    events.sort(key=lambda nd: (-len(nd[1]["event"].sources), nd[0]))
    chosen = [(n, d) for n, d in g.nodes(data=True) if d["kind"] == "actor"]
    chosen.sort(key=lambda nd: (-g.degree(nd[0]), nd[0]))
    chosen += events[:MAX_EVENT_LABELS]
    texts, requests = {}, []
    for node, d in chosen:
        actor = d["kind"] == "actor"
        full = d["name"] if actor else cut(d["event"].label or node, 40)
        t = ax.text(
            0,
            0,
            full,
            fontsize=m.label_pt + (1 if actor else 0),
            fontweight="bold" if actor else "normal",
            color=TEXT_COLOUR,
            ha="left",
            va="bottom",
            zorder=6,
            gid=f"label:{node}",
        )
        bb = t.get_window_extent(renderer)
        texts[node] = t
        cx, cy = to_px(pos[node])
        requests.append(lab.LabelRequest(node, (cx, cy), ((bb.width + 1, bb.height + 1),), radius[node], radius[node]))
    placed = lab.place_labels(requests, bounds, obstacles, max_steps=4)
    inverse = ax.transData.inverted()
    for node, t in texts.items():
        p = placed.get(node)
        if p is None:
            t.remove()
        else:
            t.set_position(inverse.transform((p.box[0], p.box[1])))
