"""The timeline figure: lanes of events along a broken time axis.

``draw_timeline`` lays the events out (:mod:`timeline.render.layout`), draws lanes, the axis
with its breaks and ticks, spans with fuzzy ends, markers sized by sources, conflicting
dates, causal arrows, then places labels without overlaps and adds title, legend and footer.
Every event's marker carries ``gid=event.id`` so SVG output has ``<g id="event:...">``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PatchCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import FancyArrowPatch, Patch, Rectangle
from matplotlib.transforms import IdentityTransform, blended_transform_factory

from timeline.model import Actor, Event, Link
from timeline.render import labels as lab
from timeline.render.lanes import UNDATED, date_interval
from timeline.render.layout import Layout, PlacedMark, compute_layout, marker_radius
from timeline.render.style import (
    FADE_STEPS,
    GRID_COLOUR,
    LANE_SHADES,
    LINK_COLOUR,
    METRICS,
    MUTED_COLOUR,
    RC,
    TEXT_COLOUR,
    Metrics,
    fuzzy_core,
    modality_style,
    source_marker_pt,
    type_colours,
)
from timeline.render.timeaxis import gap_label, segment_ticks


def draw_timeline(
    events: Iterable[Event],
    *,
    actors: Mapping[str, Actor] | None = None,
    links: Iterable[Link] = (),
    lanes: str = "actor",
    max_lanes: int = 6,
    title: str | None = None,
    sources: Sequence[tuple[str, str]] | None = None,
    collapse_same_day: bool = True,
    ax: Axes | None = None,
    dpi: float = 100,
) -> Figure:
    """Draw events as a timeline; returns the figure (``ax.figure`` when drawing into ``ax``).

    Example: ``draw_timeline(tl.events, actors=tl.actors, links=tl.links, title="Ukraine, Dec 2021")``
    """
    with mpl.rc_context(RC):
        return _draw(
            list(events),
            dict(actors or {}),
            list(links),
            lanes,
            max_lanes,
            title,
            sources,
            collapse_same_day,
            ax,
            dpi,
            METRICS,
        )


def _figure_width(n_events: int, m: Metrics) -> float:
    return min(m.max_width, m.width + 0.025 * max(0, n_events - 20))


def _lane_label_width(titles: Sequence[str], m: Metrics) -> float:
    longest = max((len(t) for t in titles), default=5)
    return min(m.lane_label_width, 0.25 + min(longest, 22) * m.tick_pt * 0.6 / 72)


def _draw(events, actors, links, lanes, max_lanes, title, sources, collapse, ax, dpi, m: Metrics) -> Figure:
    colours = type_colours([e.type for e in events])
    own = ax is None
    if own:
        width = _figure_width(len(events), m)
        from timeline.render.lanes import assign_lanes

        left = m.margin + _lane_label_width(assign_lanes(events, actors, lanes, max_lanes).titles, m)
        axis_width = width - left - m.margin
    else:
        fig = ax.figure
        bbox = ax.get_position()
        axis_width = bbox.width * fig.get_figwidth()
    layout = compute_layout(
        events,
        axis_width,
        actors=actors,
        lanes=lanes,
        max_lanes=max_lanes,
        collapse_same_day=collapse,
        metrics=m,
    )
    handles = _legend_handles(events, links, layout, colours, m)
    if own:
        ncol = max(1, int(axis_width // 2.3))
        legend_h = (len(handles) + ncol - 1) // ncol * m.legend_row + 0.1
        footer = _footer_lines(events, sources, width - 2 * m.margin, m)
        footer_h = len(footer) * m.footer_line + 0.1
        height = m.title_height + layout.height + m.axis_height + legend_h + footer_h + m.margin
        fig = Figure(figsize=(width, height), dpi=dpi)
        FigureCanvasAgg(fig)
        bottom = m.margin + footer_h + legend_h + m.axis_height
        ax = fig.add_axes((left / width, bottom / height, axis_width / width, layout.height / height))
    ax.set_xlim(0, layout.axis.width)
    ax.set_ylim(0, layout.height)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([])
    ax.tick_params(axis="y", length=0, labelsize=m.tick_pt + 0.5, colors=TEXT_COLOUR)
    _draw_lanes(ax, layout, m)
    _draw_axis(ax, layout, m)
    anchors = _draw_marks(ax, layout, colours, m)
    _draw_conflicts(ax, layout, colours, m)
    _draw_links(ax, layout, links, m)
    _draw_labels(ax, layout, anchors, m)
    tips = getattr(fig, TOOLTIPS, {})
    tips.update({e.id: tooltip(e) for e in events})
    setattr(fig, TOOLTIPS, tips)
    if own:
        _draw_titles(fig, events, layout, title, lanes, max_lanes, left, width, height, m)
        leg = fig.legend(
            handles=handles,
            loc="upper left",
            ncol=ncol,
            frameon=False,
            fontsize=m.tick_pt,
            bbox_to_anchor=(left / width, (bottom - m.axis_height) / height),
            handlelength=2.2,
            columnspacing=1.2,
            borderaxespad=0.0,
        )
        leg.set_gid("legend")
        fig.text(
            m.margin / width,
            m.margin / height,
            "\n".join(footer),
            fontsize=m.footer_pt,
            color=MUTED_COLOUR,
            va="bottom",
            ha="left",
            gid="footer",
            linespacing=1.35,
        )
    else:
        if title:
            ax.set_title(title, loc="left", fontsize=m.title_pt - 2)
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.0, -0.14),
            ncol=3,
            frameon=False,
            fontsize=m.tick_pt,
        )
    return fig


# ---- lanes and axis ---------------------------------------------------------------------------


def _draw_lanes(ax: Axes, layout: Layout, m: Metrics) -> None:
    for i, (y0, y1) in enumerate(layout.bands):
        ax.axhspan(y0, y1, color=LANE_SHADES[i % 2], zorder=0, lw=0)
    ax.set_yticks([(y0 + y1) / 2 for y0, y1 in layout.bands])
    ax.set_yticklabels([t if len(t) <= 22 else t[:21] + "…" for t in layout.lanes.titles])


def _draw_axis(ax: Axes, layout: Layout, m: Metrics) -> None:
    axis = layout.axis
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    for seg in axis.segments:
        ax.plot([seg.x0, seg.x1], [0, 0], transform=trans, color=TEXT_COLOUR, lw=0.9, clip_on=False, zorder=3)
        for tick in segment_ticks(seg):
            if tick.boundary is not None:
                ax.axvline(tick.boundary, color=GRID_COLOUR, lw=0.6, zorder=0.5)
                ax.plot(
                    [tick.boundary] * 2,
                    [0, -0.012],
                    transform=trans,
                    color=TEXT_COLOUR,
                    lw=0.7,
                    clip_on=False,
                )
            if tick.label:
                ax.annotate(
                    tick.label,
                    (tick.x, 0),
                    xycoords=trans,
                    xytext=(0, -4 - 12 * tick.row),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    fontsize=m.tick_pt,
                    color=TEXT_COLOUR if tick.row == 0 else MUTED_COLOUR,
                    fontweight="normal" if tick.row == 0 else "bold",
                    annotation_clip=False,
                )
    for x0, x1, days in axis.breaks:
        cut = days > 0
        ax.axvspan(
            x0,
            x1,
            facecolor="#ffffff" if cut else "none",
            edgecolor="#bbbbbb",
            hatch="///" if cut else None,
            lw=0,
            zorder=0.6,
            alpha=0.9,
        )
        for x in (x0, x1):  # the // break marks on the axis line
            ax.plot(
                [x - 0.035, x + 0.035],
                [-0.015, 0.015],
                transform=trans,
                color=TEXT_COLOUR,
                lw=0.9,
                clip_on=False,
                zorder=4,
            )
        if cut:
            ax.annotate(
                gap_label(days),
                ((x0 + x1) / 2, 0),
                xycoords=trans,
                xytext=(0, -4),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=m.tick_pt - 1.5,
                color=MUTED_COLOUR,
                annotation_clip=False,
                rotation=90,
            )
    if axis.undated:
        x0, x1 = axis.undated
        ax.axvspan(x0, x1, color="#eeeeee", zorder=0.4, lw=0)
        ax.annotate(
            UNDATED,
            ((x0 + x1) / 2, 0),
            xycoords=trans,
            xytext=(0, -4),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=m.tick_pt,
            color=MUTED_COLOUR,
            annotation_clip=False,
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


# A backing in the lane's colour so arrows and grid lines passing behind a label do not cut through it.
LABEL_BACKING_ALPHA = 0.75
OPEN_TAIL = 0.45
ROW_LINK = "#row-"  # markers link to ``<tr id="row-<event id>">`` of the HTML report  # inches of fading tail for a date open on one side


def _draw_marks(ax: Axes, layout: Layout, colours: Mapping[str, str], m: Metrics) -> dict[str, tuple]:
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
            if (e.earliest is None) != (
                e.latest is None
            ):  # "before X" / "after X": a tail fading into the open side
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


def _draw_marker(
    ax: Axes, e: Event, x: float, y: float, colour: str, m: Metrics, zorder: float
) -> tuple | None:
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


def _draw_conflicts(ax: Axes, layout: Layout, colours: Mapping[str, str], m: Metrics) -> None:
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
        _marker(
            ax, gx, y, source_marker_pt(1, m), "o", "white", colour, 1.2, ":", 2.6, f"conflict:{e.id}:{k}"
        )
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


def _draw_links(ax: Axes, layout: Layout, links: Sequence[Link], m: Metrics) -> None:
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


# ---- labels -----------------------------------------------------------------------------------


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _event_text(e: Event, n: int) -> str:
    style = modality_style(e.modality)
    text = _cut(e.label or e.id, n) + style.suffix
    if e.conflicts:
        text += " (date disputed)"
    return text


def mark_texts(events: Sequence[Event], m: Metrics = METRICS) -> tuple[str, str]:
    """The full and the short label of a mark (an event or a same-day stack)."""
    if len(events) == 1:
        return _event_text(events[0], m.label_chars), _cut(events[0].label or events[0].id, m.short_chars)
    shown = [_event_text(e, m.label_chars - 4) for e in events[:3]]
    more = len(events) - len(shown)
    full = "\n".join(shown + ([f"+{more} more"] if more else []))
    return full, f"{_cut(events[0].label or events[0].id, m.short_chars)} +{len(events) - 1}"


def _renderer(fig: Figure):
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()


def _draw_labels(ax: Axes, layout: Layout, anchors: Mapping[str, tuple], m: Metrics) -> None:
    fig = ax.figure
    renderer = _renderer(fig)
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
        requests.append(
            lab.LabelRequest(pm.mark.key, (cx, cy), tuple(sizes), rx * px_per_in, ry * px_per_in, region)
        )
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


# ---- title, legend, footer --------------------------------------------------------------------


def _span_text(layout: Layout, events: Sequence[Event]) -> str:
    dated = [e for e in events if e.earliest or e.latest]
    if not dated:
        return "no dated events"
    first = min((e.earliest or e.latest) for e in dated)
    last = max((e.latest or e.earliest) for e in dated)
    return f"{first.isoformat()} to {last.isoformat()}"


TOOLTIPS = "_timeline_tooltips"  # attribute of the figure: event id -> hover text for the SVG


def tooltip(e: Event) -> str:
    """The hover text of an event in SVG output: label, date, modality, sources."""
    when = e.value or (f"{e.earliest} to {e.latest}" if e.earliest or e.latest else "undated")
    n = len(e.sources)
    return f"{e.label or e.id} | {when} | {e.type}, {e.modality} | {n} source{'' if n == 1 else 's'}"


def _draw_titles(fig, events, layout, title, lanes, max_lanes, left, width, height, m: Metrics) -> None:
    fig.text(
        m.margin / width,
        1 - 0.18 / height,
        title or "Timeline",
        fontsize=m.title_pt,
        fontweight="bold",
        va="top",
        ha="left",
        color=TEXT_COLOUR,
        gid="title",
    )
    breaks = sum(1 for b in layout.axis.breaks if b[2] > 0)
    sub = f"{len(events)} event{'' if len(events) == 1 else 's'}, {_span_text(layout, events)}; lanes by {lanes}"
    if breaks:
        sub += f"; hatched breaks cut {breaks} empty stretch{'es' if breaks > 1 else ''} out of the time axis"
    fig.text(
        m.margin / width,
        1 - 0.48 / height,
        sub,
        fontsize=m.tick_pt + 0.5,
        va="top",
        ha="left",
        color=MUTED_COLOUR,
        gid="subtitle",
    )


def _footer_lines(events, sources, width_in: float, m: Metrics) -> list[str]:
    if sources is None:
        docs = sorted({d for e in events for d in e.sources})
        items = [d for d in docs]
    else:
        items = [f"{doc}: {name}" if name else str(doc) for doc, name in sources]
    if not items:
        return ["Sources: none"]
    chars = max(40, int(width_in * 72 / (m.footer_pt * 0.56)))
    lines = textwrap.wrap("Sources: " + "  ·  ".join(items), chars)
    if len(lines) > 8:
        lines = lines[:7] + [f"… and more ({len(items)} documents in all)"]
    return lines


def _legend_handles(events, links, layout: Layout, colours: Mapping[str, str], m: Metrics) -> list:
    handles: list = []
    for t, c in colours.items():
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                markerfacecolor=c,
                markeredgecolor=c,
                markersize=source_marker_pt(1, m),
                label=t,
            )
        )
    present = sorted(
        {e.modality for e in events},
        key=lambda s: (
            ("asserted", "planned", "conditional", "denied").index(s)
            if s in ("asserted", "planned", "conditional", "denied")
            else 9
        ),
    )
    for mod in present:
        st = modality_style(mod)
        handles.append(
            Line2D(
                [],
                [],
                marker=st.marker,
                linestyle="none",
                markersize=source_marker_pt(1, m),
                markerfacecolor="#777777" if st.filled else "white",
                markeredgecolor="#777777",
                label=st.legend,
            )
        )
    most = max((len(e.sources) for e in events), default=1)
    if most > 1:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="none",
                color="#777777",
                markersize=source_marker_pt(most, m),
                label=f"{most} sources (size, count)",
            )
        )
    if any(pm.bar is not None for pm in layout.marks):
        handles.append(Patch(facecolor="#999999", alpha=0.75, label="week / month / year span"))
    if any(
        fuzzy_core(e.mod) != (0.0, 1.0) for pm in layout.marks if pm.bar is not None for e in pm.mark.events
    ):
        handles.append(Patch(facecolor="#999999", alpha=0.3, label="faded end: mid-/early-/late- (fuzzy)"))
    if any(e.conflicts for e in events):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle=":",
                color="#777777",
                markerfacecolor="white",
                markersize=source_marker_pt(1, m),
                label="another reported date",
            )
        )
    if any(lk.kind == "causes" for lk in links):
        handles.append(Line2D([], [], marker=">", color=LINK_COLOUR, markersize=4, lw=1.0, label="causes"))
    return handles
