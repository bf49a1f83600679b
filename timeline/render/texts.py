"""Event labels on the timeline: their text, overlap-free placement (:mod:`timeline.render.labels`)
in display coordinates, backings and leader lines; and the hover text of SVG markers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from timeline.model import Event
from timeline.render import labels as lab
from timeline.render.layout import Layout, PlacedMark, marker_radius
from timeline.render.marks import conflict_ghosts
from timeline.render.style import (
    LANE_SHADES,
    METRICS,
    TEXT_COLOUR,
    Metrics,
    modality_style,
)

# A backing in the lane's colour so arrows and grid lines passing behind a label do not cut through it.
LABEL_BACKING_ALPHA = 0.75

# ---- labels -----------------------------------------------------------------------------------


def cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _event_text(e: Event, n: int) -> str:
    style = modality_style(e.modality)
    text = cut(e.label or e.id, n) + style.suffix
    if e.conflicts:
        text += " (date disputed)"
    return text


def mark_texts(events: Sequence[Event], m: Metrics = METRICS) -> tuple[str, str]:
    """The full and the short label of a mark (an event or a same-day stack)."""
    if len(events) == 1:
        return _event_text(events[0], m.label_chars), cut(events[0].label or events[0].id, m.short_chars)
    shown = [_event_text(e, m.label_chars - 4) for e in events[:3]]
    more = len(events) - len(shown)
    full = "\n".join(shown + ([f"+{more} more"] if more else []))
    return full, f"{cut(events[0].label or events[0].id, m.short_chars)} +{len(events) - 1}"


def renderer_of(fig: Figure):
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()


def draw_labels(ax: Axes, layout: Layout, anchors: Mapping[str, tuple], m: Metrics) -> None:
    fig = ax.figure
    renderer = renderer_of(fig)
    to_px = ax.transData.transform
    px_per_in = fig.dpi
    axes_box = ax.get_window_extent(renderer)
    bounds = (axes_box.x0 + 2, axes_box.y0 + 2, axes_box.x1 - 2, axes_box.y1 - 2)
    obstacles: list[lab.Box] = []
    for pm in layout.marks:
        for y in pm.ys:
            cx, cy = to_px((pm.x, y))
            r = pm.radius * px_per_in
            obstacles.append((cx - r, cy - r, cx + r, cy + r))
        if pm.bar is not None:
            x0, x1, y = pm.bar
            (px0, py0), (px1, py1) = to_px((x0, y - m.span_height / 2)), to_px((x1, y + m.span_height / 2))
            obstacles.append((px0, py0, px1, py1))
    pos = layout.positions()
    ghost_r = marker_radius(1, m) * px_per_in
    for e, _, gx, y, _ in conflict_ghosts(layout):
        (cx, cy), (ex, _) = to_px((gx, y)), to_px(pos[e.id])
        obstacles.append((min(cx, ex) - ghost_r, cy - ghost_r, max(cx, ex) + ghost_r, cy + ghost_r))
    texts = {}
    requests = []
    order = sorted(layout.marks, key=_label_priority)
    for pm in order:
        full, short = mark_texts(pm.mark.events, m)
        e = pm.mark.events[0]
        style = modality_style(e.modality)
        t = ax.text(
            0,
            0,
            full,
            fontsize=m.label_pt,
            color=TEXT_COLOUR,
            ha="left",
            va="bottom",
            fontstyle="italic" if style.italic else "normal",
            gid=f"label:{pm.mark.key}",
            zorder=6,
            linespacing=1.15,
        )
        sizes = [_size(t, renderer), _measure_later(t, short, full, renderer)]
        texts[pm.mark.key] = (t, full, short)
        x, y, rx, ry = anchors[pm.mark.key]
        cx, cy = to_px((x, y))
        y0, y1 = layout.bands[pm.mark.lane]
        region = (bounds[0], to_px((0, y0))[1], bounds[2], to_px((0, y1))[1])
        requests.append(lab.LabelRequest(pm.mark.key, (cx, cy), tuple(sizes), rx * px_per_in, ry * px_per_in, region))
    placed = lab.place_labels(requests, bounds, obstacles, pad=3.0)
    inverse = ax.transData.inverted()
    backings, shades, leaders = [], [], []
    for req in requests:
        t, full, short = texts[req.key]
        p = placed.get(req.key)
        if p is None:
            t.remove()
            continue
        t.set_text(full if p.choice == 0 else short)
        (x0, y0), (x1, y1) = inverse.transform((p.box[0], p.box[1])), inverse.transform((p.box[2], p.box[3]))
        t.set_position((x0, y0))
        lane = next((i for i, (b0, b1) in enumerate(layout.bands) if b0 <= (y0 + y1) / 2 <= b1), 0)
        backings.append(Rectangle((x0, y0), x1 - x0, y1 - y0))
        shades.append(to_rgba(LANE_SHADES[lane % 2], LABEL_BACKING_ALPHA))  # the colour of the lane behind
        if not p.adjacent:
            lx, ly = lab.nearest_point(p.box, *req.anchor)
            leaders.append([inverse.transform(req.anchor), inverse.transform((lx, ly))])
    if backings:
        backing = PatchCollection(backings, facecolors=shades, edgecolors="none", zorder=5.9)
        backing.set_gid("label-backing")
        ax.add_collection(backing, autolim=False)
    if leaders:
        lines = LineCollection(leaders, colors="#999999", linewidths=0.5, zorder=1.5)
        lines.set_gid("leaders")
        ax.add_collection(lines, autolim=False)


def _measure_later(t, text: str, restore: str, renderer):
    """The size of ``t`` showing ``text``, measured only when asked (fallback labels rarely are)."""

    def measure() -> tuple[float, float]:
        t.set_text(text)
        size = _size(t, renderer)
        t.set_text(restore)
        return size

    return measure


def _size(t, renderer) -> tuple[float, float]:
    """A label's box with a margin: text drawn at another dpi, or by a browser from the SVG, runs wider."""
    bb = t.get_window_extent(renderer)
    return bb.width * 1.04 + 2.0, bb.height + 1.0


def _label_priority(pm: PlacedMark) -> tuple:
    return (-max(len(e.sources) for e in pm.mark.events), -len(pm.mark.events), pm.x, pm.mark.key)


TOOLTIPS = "_timeline_tooltips"  # attribute of the figure: event id -> hover text for the SVG


def tooltip(e: Event) -> str:
    """The hover text of an event in SVG output: label, date, modality, sources."""
    when = e.value or (f"{e.earliest} to {e.latest}" if e.earliest or e.latest else "undated")
    n = len(e.sources)
    return f"{e.label or e.id} | {when} | {e.type}, {e.modality} | {n} source{'' if n == 1 else 's'}"
