"""The timeline figure: lanes of events along a broken time axis.

``draw_timeline`` lays the events out (:mod:`timeline.render.layout`), draws lanes, the axis
with its breaks and ticks, spans with fuzzy ends, markers sized by sources, conflicting
dates, causal arrows, then places labels without overlaps and adds title, legend and footer.
Every event's marker carries ``gid=event.id`` so SVG output has ``<g id="event:...">``.
"""

from __future__ import annotations

import contextlib
import textwrap
import warnings
from collections.abc import Iterable, Mapping, Sequence

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.transforms import blended_transform_factory

from timeline.model import Actor, Event, Link
from timeline.render.lanes import UNDATED, assign_lanes
from timeline.render.layout import Layout, compute_layout
from timeline.render.marks import draw_conflicts, draw_links, draw_marks
from timeline.render.style import (
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
from timeline.render.texts import TOOLTIPS, draw_labels, tooltip
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
    with mpl.rc_context(RC), quiet_glyphs():
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


@contextlib.contextmanager
def quiet_glyphs():
    """Silence "Glyph ... missing from font" warnings: CJK or emoji in a headline shows as boxes in
    the PNG (DejaVu has no such glyphs) but as text in the SVG, and is no reason to flood the console."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        yield


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
    anchors = draw_marks(ax, layout, colours, m)
    draw_conflicts(ax, layout, colours, m)
    draw_links(ax, layout, links, m)
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
    engine = fig.get_layout_engine()
    if engine is not None:  # a user's constrained/tight layout moves the axes: settle it before measuring labels
        engine.execute(fig)
    draw_labels(ax, layout, anchors, m)
    tips = getattr(fig, TOOLTIPS, {})
    tips.update({e.id: tooltip(e) for e in events})
    setattr(fig, TOOLTIPS, tips)
    return fig


# ---- lanes and axis ---------------------------------------------------------------------------


BREAK_MARK = Path([(-0.5, -1.0), (0.5, 1.0)])  # the "/" drawn on the axis line at each side of a break


def _draw_lanes(ax: Axes, layout: Layout, m: Metrics) -> None:
    for i, (y0, y1) in enumerate(layout.bands):
        ax.axhspan(y0, y1, color=LANE_SHADES[i % 2], zorder=0, lw=0)
    ax.set_yticks([(y0 + y1) / 2 for y0, y1 in layout.bands])
    ax.set_yticklabels([t if len(t) <= 22 else t[:21] + "…" for t in layout.lanes.titles])


def _draw_axis(ax: Axes, layout: Layout, m: Metrics) -> None:
    axis = layout.axis
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    n_text = 0
    for seg in axis.segments:
        ax.plot([seg.x0, seg.x1], [0, 0], transform=trans, color=TEXT_COLOUR, lw=0.9, clip_on=False, zorder=3)
        ticks = segment_ticks(seg)
        marks = [t.boundary for t in ticks if t.boundary is not None]
        for x in marks:
            ax.axvline(x, color=GRID_COLOUR, lw=0.6, zorder=0.5)
        ax.plot(
            marks,
            [0] * len(marks),
            transform=trans,
            linestyle="none",
            marker=TICKDOWN,
            markersize=4,
            markeredgewidth=0.7,
            color=TEXT_COLOUR,
            clip_on=False,
        )
        for tick in ticks:
            if tick.label:
                n_text += 1
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
                    gid=f"tick-{n_text}",
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
        ax.plot(
            [x0, x1],
            [0, 0],
            transform=trans,
            linestyle="none",
            marker=BREAK_MARK,
            markersize=9,
            markeredgewidth=0.9,
            color=TEXT_COLOUR,
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
                gid=f"gap-{n_text}",
            )
            n_text += 1
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


# ---- title, legend, footer --------------------------------------------------------------------


def _span_text(layout: Layout, events: Sequence[Event]) -> str:
    dated = [e for e in events if e.earliest or e.latest]
    if not dated:
        return "no dated events"
    first = min((e.earliest or e.latest) for e in dated)
    last = max((e.latest or e.earliest) for e in dated)
    return f"{first.isoformat()} to {last.isoformat()}"


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
    if any(fuzzy_core(e.mod) != (0.0, 1.0) for pm in layout.marks if pm.bar is not None for e in pm.mark.events):
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
