"""What marks an event on the timeline: markers, span bars with fuzzy ends, source badges,
conflicting dates and causal arrows. Each event's marker has ``gid=event.id``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.markers import MarkerStyle
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.transforms import IdentityTransform

from timeline.model import Event, Link
from timeline.render.lanes import date_interval
from timeline.render.layout import Layout
from timeline.render.style import (
    FADE_STEPS,
    LINK_COLOUR,
    Metrics,
    fuzzy_core,
    modality_style,
    source_marker_pt,
)

# ---- marks ------------------------------------------------------------------------------------


def _span_patches(x0: float, x1: float, y: float, h: float, colour: str, mod: str | None, alpha: float):
    """Rectangles of one span: the solid core and fading steps on its fuzzy sides."""
    lo, hi = fuzzy_core(mod)
    core0, core1 = x0 + lo * (x1 - x0), x0 + hi * (x1 - x0)
    rects = [(core0, core1, alpha)]
    for side0, side1, outward in ((x0, core0, -1), (core1, x1, 1)):
        if side1 - side0 <= 1e-9:
            continue
        step = (side1 - side0) / FADE_STEPS
        for k in range(FADE_STEPS):
            a = alpha * (1 - (k + 0.5) / FADE_STEPS)
            if outward > 0:
                rects.append((side0 + k * step, side0 + (k + 1) * step, a))
            else:
                rects.append((side1 - (k + 1) * step, side1 - k * step, a))
    patches = [Rectangle((a, y - h / 2), b - a, h) for a, b, _ in rects if b > a]
    faces = [to_rgba(colour, al) for a, b, al in rects if b > a]
    return patches, faces


OPEN_TAIL = 0.45  # inches of fading tail for a date open on one side
ROW_LINK = "#row-"  # markers link to ``<tr id="row-<event id>">`` of the HTML report


def draw_marks(ax: Axes, layout: Layout, colours: Mapping[str, str], m: Metrics) -> dict[str, tuple]:
    """Draw bars, markers and source badges; returns per mark (x, y centre, rx, ry) in data units."""
    anchors: dict[str, tuple] = {}
    badges: list[tuple] = []
    for pm in layout.marks:
        if pm.bar is not None:
            e = pm.mark.events[0]
            style = modality_style(e.modality)
            x0, x1, y = pm.bar
            patches, faces = _span_patches(
                x0, x1, y, m.span_height, colours[e.type], e.mod, 0.75 if style.filled else 0.35
            )
            coll = PatchCollection(patches, facecolors=faces, edgecolors="none", zorder=2)
            coll.set_gid(f"span:{e.id}")
            ax.add_collection(coll)
            outline = Rectangle(
                (x0, y - m.span_height / 2),
                x1 - x0,
                m.span_height,
                fill=False,
                edgecolor=colours[e.type],
                lw=0.6,
                linestyle=style.linestyle,
                hatch=style.hatch,
                alpha=0.8,
                zorder=2.1,
            )
            if style.linestyle != "solid" or style.hatch:
                ax.add_patch(outline)
        for j, (e, y) in enumerate(zip(pm.mark.events, pm.ys, strict=True)):
            badge = _draw_marker(ax, e, pm.x, y, colours[e.type], m, zorder=3 + j * 0.01)
            if badge:
                badges.append(badge)
            if (e.earliest is None) != (e.latest is None):  # "before X" / "after X": a tail fading into the open side
                side = -1 if e.earliest is None else 1
                a, b = sorted((pm.x, pm.x + side * OPEN_TAIL))
                patches, faces = _span_patches(
                    a, b, y, m.span_height * 0.8, colours[e.type], "BEFORE" if side < 0 else "AFTER", 0.6
                )
                tail = PatchCollection(patches, facecolors=faces, edgecolors="none", zorder=2)
                tail.set_gid(f"open:{e.id}")
                ax.add_collection(tail)
        ys = pm.ys
        anchors[pm.mark.key] = (pm.x, (min(ys) + max(ys)) / 2, pm.radius, pm.radius + (max(ys) - min(ys)) / 2)
    _draw_badges(ax, badges)
    return anchors


def _draw_marker(ax: Axes, e: Event, x: float, y: float, colour: str, m: Metrics, zorder: float) -> tuple | None:
    """Draw an event's marker; returns its source-count badge ``(n, x, y, size, colour)`` if it has one."""
    style = modality_style(e.modality)
    n = len(e.sources)
    size = source_marker_pt(n, m)
    coll = _marker(
        ax,
        x,
        y,
        size,
        style.marker,
        colour if style.filled else "white",
        colour,
        1.0 if style.filled else 1.3,
        style.linestyle,
        zorder,
        e.id,
    )
    coll.set_urls([f"{ROW_LINK}{e.id}"])  # in the HTML report, a click jumps to the event's table row
    if n >= 2 and style.marker == "o":
        return n, x, y, size * 0.6, "white" if style.filled else colour
    return None


def _draw_badges(ax: Axes, badges: Sequence[tuple]) -> None:
    """Source counts inside markers, one collection per count: glyph paths, not hundreds of texts."""
    for n in sorted({b[0] for b in badges}):
        group = [b for b in badges if b[0] == n]
        style = MarkerStyle(rf"$\mathbf{{{n}}}$")
        path = style.get_path().transformed(style.get_transform())
        coll = PathCollection(
            (path,),
            sizes=[b[3] ** 2 for b in group],
            offsets=[(b[1], b[2]) for b in group],
            offset_transform=ax.transData,
            facecolors=[b[4] for b in group],
            edgecolors="none",
            zorder=3.5,
        )
        coll.set_transform(IdentityTransform())
        coll.set_gid(f"badges:{n}")
        ax.add_collection(coll, autolim=False)


def _marker(
    ax: Axes,
    x: float,
    y: float,
    size: float,
    shape: str,
    face,
    edge,
    lw: float,
    linestyle: str,
    zorder: float,
    gid: str,
) -> PathCollection:
    """One marker as a PathCollection (what ``scatter`` makes, without its per-call overhead)."""
    style = MarkerStyle(shape)
    path = style.get_path().transformed(style.get_transform())
    coll = PathCollection(
        (path,),
        sizes=(size**2,),
        offsets=[(x, y)],
        offset_transform=ax.transData,
        facecolors=[face],
        edgecolors=[edge],
        linewidths=[lw],
        linestyles=linestyle,
        zorder=zorder,
    )
    coll.set_transform(IdentityTransform())  # sizes are points, as in scatter
    coll.set_gid(gid)
    ax.add_collection(coll, autolim=False)
    return coll


def conflict_ghosts(layout: Layout) -> list[tuple[Event, int, float, float, tuple[float, float]]]:
    """Each other reading of an event's date: ``(event, index, x, y, interval)`` on the event's row."""
    pos = layout.positions()
    out = []
    for pm in layout.marks:
        for e in pm.mark.events:
            for k, c in enumerate(e.conflicts):
                iv = date_interval(c.earliest, c.latest)
                if iv is not None:
                    out.append((e, k, layout.axis.x((iv[0] + iv[1]) / 2), pos[e.id][1], iv))
    return out


def draw_conflicts(ax: Axes, layout: Layout, colours: Mapping[str, str], m: Metrics) -> None:
    """Other readings of an event's date: hollow dotted ghosts joined to the event by a dotted line."""
    pos = layout.positions()
    for e, k, gx, y, iv in conflict_ghosts(layout):
        colour = colours[e.type]
        ax.plot(
            [pos[e.id][0], gx],
            [y, y],
            color=colour,
            lw=0.9,
            linestyle=":",
            zorder=2.5,
            gid=f"conflict-line:{e.id}:{k}",
        )
        _marker(ax, gx, y, source_marker_pt(1, m), "o", "white", colour, 1.2, ":", 2.6, f"conflict:{e.id}:{k}")
        if iv[1] - iv[0] > 1:
            x0, x1 = layout.axis.x(iv[0]), layout.axis.x(iv[1])
            ax.add_patch(
                Rectangle(
                    (x0, y - m.span_height / 2),
                    x1 - x0,
                    m.span_height,
                    fill=False,
                    edgecolor=colour,
                    linestyle=":",
                    lw=0.8,
                    zorder=2.4,
                )
            )


def draw_links(ax: Axes, layout: Layout, links: Sequence[Link], m: Metrics) -> None:
    """Causal links as curved arrows from cause to effect."""
    pos = layout.positions()
    for link in links:
        if link.kind != "causes" or link.source not in pos or link.target not in pos:
            continue
        (x0, y0), (x1, y1) = pos[link.source], pos[link.target]
        rad = -0.35 if abs(x1 - x0) < 0.05 else (-0.25 if x1 >= x0 else 0.25)
        arrow = FancyArrowPatch(
            (x0, y0),
            (x1, y1),
            arrowstyle="-|>",
            mutation_scale=9,
            color=LINK_COLOUR,
            lw=1.0,
            connectionstyle=f"arc3,rad={rad}",
            shrinkA=5,
            shrinkB=5,
            zorder=4,
        )
        arrow.set_gid(f"link:{link.source}->{link.target}")
        ax.add_patch(arrow)
