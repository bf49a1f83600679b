"""Where everything goes, in inches, before anything is drawn.

x is the broken time axis (:mod:`timeline.render.timeaxis`), y stacks the lanes top to bottom.
Inside a lane, spans (week, month, year) sit in rows under the baseline and points (days) in
rows on and above it; a same-day stack takes several point rows at one x.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from timeline.model import Actor, Event
from timeline.render.lanes import Lanes, Mark, assign_lanes, date_interval, make_marks, pack_rows
from timeline.render.style import METRICS, Metrics, fuzzy_core, source_marker_pt
from timeline.render.timeaxis import TimeAxis, build_axis


@dataclass(frozen=True)
class PlacedMark:
    mark: Mark
    x: float  # marker centre
    ys: tuple[float, ...]  # marker centre of each event in the mark (a stack for same-day groups)
    bar: tuple[float, float, float] | None  # (x0, x1, y) of a span's bar
    radius: float  # inches, the largest marker of the mark


@dataclass(frozen=True)
class Layout:
    axis: TimeAxis
    lanes: Lanes
    bands: tuple[tuple[float, float], ...]  # (y0, y1) of each lane, lane 0 at the top
    height: float
    marks: tuple[PlacedMark, ...]

    def position(self, event_id: str) -> tuple[float, float] | None:
        for pm in self.marks:
            for e, y in zip(pm.mark.events, pm.ys, strict=True):
                if e.id == event_id:
                    return pm.x, y
        return None

    def positions(self) -> dict[str, tuple[float, float]]:
        return {e.id: (pm.x, y) for pm in self.marks for e, y in zip(pm.mark.events, pm.ys, strict=True)}


def marker_radius(n_sources: int, metrics: Metrics = METRICS) -> float:
    return source_marker_pt(n_sources, metrics) / 72 / 2


def axis_intervals(events: Sequence[Event]) -> list[tuple[float, float]]:
    """Every stretch of time the axis must show: events' dates and their conflicting readings."""
    out = []
    for e in events:
        for earliest, latest in [(e.earliest, e.latest), *((c.earliest, c.latest) for c in e.conflicts)]:
            iv = date_interval(earliest, latest)
            if iv is not None:
                out.append(iv)
    return out


def label_width_estimate(event: Event, metrics: Metrics = METRICS) -> float:
    """Rough width (inches) of an event's label, for sizing lanes before text is measured."""
    n = min(len(event.label or event.id), metrics.label_chars)
    return n * metrics.label_pt * 0.55 / 72


def label_lines(mark: Mark) -> int:
    """Lines in a mark's label: one per event of a stack, up to three, plus "+N more"."""
    n = len(mark.events)
    return min(n, 3) + (1 if n > 3 else 0)


def compute_layout(
    events: Sequence[Event],
    width: float,
    *,
    actors: Mapping[str, Actor] | None = None,
    lanes: str = "actor",
    max_lanes: int = 6,
    collapse_same_day: bool = True,
    metrics: Metrics = METRICS,
) -> Layout:
    """Lanes, marks and their positions for an axis ``width`` inches wide."""
    lane_set = assign_lanes(events, actors, by=lanes, max_lanes=max_lanes)
    marks = make_marks(events, lane_set, collapse_same_day=collapse_same_day)
    has_undated = any(m.interval is None for m in marks)
    axis = build_axis(
        axis_intervals(events),
        width,
        gap=metrics.gap,
        min_segment=metrics.min_segment,
        undated_width=metrics.undated_width if has_undated else 0.0,
    )
    n_lanes = max(1, len(lane_set.titles))
    # x extents, then rows, lane by lane
    geometry: list[tuple[Mark, float, tuple[float, float] | None, float]] = []
    for m in marks:
        r = max(marker_radius(len(e.sources), metrics) for e in m.events)
        if m.interval is None:
            assert axis.undated is not None
            x = (axis.undated[0] + axis.undated[1]) / 2
            geometry.append((m, x, None, r))
        elif m.point:
            geometry.append((m, axis.x(m.interval[0] + 0.5), None, r))
        else:
            x0, x1 = axis.x(m.interval[0]), axis.x(m.interval[1])
            lo, hi = fuzzy_core(m.events[0].mod)
            geometry.append((m, x0 + (lo + hi) / 2 * (x1 - x0), (x0, x1), r))
    rows: dict[int, int] = {}
    point_rows = [0] * n_lanes
    span_rows = [0] * n_lanes
    label_load = [0.0] * n_lanes
    tallest = [1] * n_lanes
    for lane in range(n_lanes):
        points = [(i, g) for i, g in enumerate(geometry) if g[0].lane == lane and g[2] is None]
        points.sort(key=lambda p: p[1][1])
        extents = [(x - r, x + r, min(len(m.events), metrics.stack_max)) for _, (m, x, _, r) in points]
        for (i, _), row in zip(points, pack_rows(extents, pad=0.02), strict=True):
            rows[i] = row
        point_rows[lane] = max([row + k for (_, _, k), row in zip(extents, [rows[i] for i, _ in points])] or [1])
        spans = [(i, g) for i, g in enumerate(geometry) if g[0].lane == lane and g[2] is not None]
        spans.sort(key=lambda p: p[1][2][0])  # type: ignore[index]
        packed = pack_rows([(g[2][0], g[2][1], 1) for _, g in spans], pad=0.04)  # type: ignore[index]
        for (i, _), row in zip(spans, packed, strict=True):
            rows[i] = row
        span_rows[lane] = max(packed, default=-1) + 1
        label_load[lane] = sum(
            label_width_estimate(g[0].events[0], metrics) * label_lines(g[0]) for g in geometry if g[0].lane == lane
        )
        tallest[lane] = max((label_lines(g[0]) for g in geometry if g[0].lane == lane), default=1)
    heights = []
    label_rows = []
    for lane in range(n_lanes):
        least = 2 if span_rows[lane] else 1
        lr = max(least, tallest[lane], min(12, math.ceil(1.5 * label_load[lane] / max(width, 1.0))))
        label_rows.append(lr)
        heights.append(
            2 * metrics.lane_pad
            + point_rows[lane] * metrics.point_row
            + span_rows[lane] * metrics.span_row
            + lr * metrics.label_row
        )
    total = sum(heights)
    bands: list[tuple[float, float]] = []
    top = total
    for h in heights:
        bands.append((top - h, top))
        top -= h
    placed: list[PlacedMark] = []
    for i, (m, x, bar, r) in enumerate(geometry):
        y0, _ = bands[m.lane]
        below = metrics.lane_pad + (label_rows[m.lane] // 2) * metrics.label_row
        spans_top = y0 + below + span_rows[m.lane] * metrics.span_row
        baseline = spans_top + metrics.point_row / 2
        if bar is None:
            row = rows[i]
            shown = min(len(m.events), metrics.stack_max)  # the first events on top; overflow under the last
            ys = tuple(
                baseline + (row + shown - 1 - min(j, shown - 1)) * metrics.point_row for j in range(len(m.events))
            )
            placed.append(PlacedMark(m, x, ys, None, r))
        else:
            y = spans_top - (rows[i] + 0.5) * metrics.span_row
            placed.append(PlacedMark(m, x, (y,), (bar[0], bar[1], y), r))
    return Layout(axis, lane_set, tuple(bands), total, tuple(placed))
