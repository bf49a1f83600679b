"""A broken time axis: stretches of time with events, empty gaps cut out.

Dates are turned into day ordinals: the day ``d`` covers ``[d.toordinal(), d.toordinal() + 1)``.
An axis is a tuple of :class:`Segment`, each a linear piece of time mapped onto a piece of the
x axis (in inches); between segments sits a fixed-width break. Ticks are chosen per segment
from :data:`TICK_RULES`, the finest whose labels fit the segment's width.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

MIN_GAP_DAYS = 90  # empty stretches longer than this are cut out of the axis
MAX_SEGMENTS = 6
MIN_SPAN_DAYS = 9  # a segment shows at least this many days, so a lone day sits inside a week of context


@dataclass(frozen=True)
class Segment:
    """A linear piece of the axis: days ``[start, end)`` drawn on ``[x0, x1]``."""

    start: float
    end: float
    x0: float
    x1: float
    events: int = 0

    def x(self, ordinal: float) -> float:
        return self.x0 + (ordinal - self.start) / (self.end - self.start) * (self.x1 - self.x0)

    def contains(self, ordinal: float) -> bool:
        return self.start <= ordinal <= self.end

    @property
    def days(self) -> float:
        return self.end - self.start

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class TimeAxis:
    segments: tuple[Segment, ...]
    width: float
    undated: tuple[float, float] | None = None  # x range of the slot for undated events

    def x(self, ordinal: float) -> float:
        """The x position of a day ordinal; dates in a gap are clamped to the nearest segment."""
        best = min(
            self.segments,
            key=lambda s: 0 if s.contains(ordinal) else min(abs(ordinal - s.start), abs(ordinal - s.end)),
        )
        return best.x(min(max(ordinal, best.start), best.end))

    def x_date(self, day: dt.date) -> float:
        return self.x(day.toordinal() + 0.5)

    @property
    def breaks(self) -> tuple[tuple[float, float, float], ...]:
        """``(x left, x right, days cut out)`` for each break between segments."""
        return tuple((a.x1, b.x0, b.start - a.end) for a, b in zip(self.segments, self.segments[1:], strict=False))


def covered_runs(intervals: Sequence[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """Merge ``[start, end)`` intervals into runs of covered time: ``(start, end, n intervals)``."""
    runs: list[list[float]] = []
    for start, end in sorted(intervals):
        if runs and start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
            runs[-1][2] += 1
        else:
            runs.append([start, end, 1])
    return [(a, b, int(n)) for a, b, n in runs]


def cluster(
    intervals: Sequence[tuple[float, float]], min_gap: float = MIN_GAP_DAYS, max_segments: int = MAX_SEGMENTS
) -> list[tuple[float, float, int]]:
    """Group intervals into segments, cutting at the largest empty gaps longer than ``min_gap`` days."""
    runs = covered_runs(intervals)
    if not runs:
        return []
    gaps = sorted(
        ((runs[i + 1][0] - runs[i][1], i) for i in range(len(runs) - 1) if runs[i + 1][0] - runs[i][1] > min_gap),
        reverse=True,
    )
    cuts = sorted(i for _, i in gaps[: max_segments - 1])
    out: list[tuple[float, float, int]] = []
    first = 0
    for cut in [*cuts, len(runs) - 1]:
        part = runs[first : cut + 1]
        out.append((part[0][0], part[-1][1], sum(r[2] for r in part)))
        first = cut + 1
    return out


def allocate(weights: Sequence[float], total: float, minimum: float) -> list[float]:
    """Split ``total`` in proportion to ``weights``, giving each share at least ``minimum``."""
    n = len(weights)
    if n == 0:
        return []
    if minimum * n >= total:
        return [total / n] * n
    fixed: set[int] = set()
    while True:
        free = total - minimum * len(fixed)
        wsum = sum(w for i, w in enumerate(weights) if i not in fixed)
        shares = [minimum if i in fixed else free * w / wsum for i, w in enumerate(weights)]
        low = {i for i, s in enumerate(shares) if s < minimum and i not in fixed}
        if not low:
            return shares
        fixed |= low


DENSITY_RATIO = 3.0  # neighbouring months this much denser or sparser get their own scale
MAX_PIECES = 4  # scale pieces per segment


def _month_starts(start: float, end: float, years: bool) -> list[float]:
    """Calendar boundaries (month or year starts) strictly inside ``(start, end)``."""
    day = _day(start)
    day = dt.date(day.year, 1, 1) if years else dt.date(day.year, day.month, 1)
    out = []
    while day.toordinal() < end:
        try:
            day = dt.date(day.year + 1, 1, 1) if years else _add_months(day, 1)
        except (ValueError, OverflowError):  # past 9999-12-31
            break
        if start < day.toordinal() < end:
            out.append(float(day.toordinal()))
    return out


def split_density(
    part: tuple[float, float, int],
    centres: Sequence[float],
    ratio: float = DENSITY_RATIO,
    max_pieces: int = MAX_PIECES,
) -> list[tuple[float, float, int]]:
    """Cut a segment where the density of events changes sharply, at month (or year) boundaries.

    A dense December 2021 next to a sparse rest of 2019-2022 (or next to "talks next year",
    all of 2022) would be squeezed into a sliver; instead each stretch of similar density
    becomes a piece at its own scale, the pieces joined by breaks that cut out no time.
    """
    start, end, _ = part
    years = end - start > 8 * 366
    edge = 120 if years else 12  # no sliver pieces at the ends
    bounds = [
        start,
        *(b for b in _month_starts(start, end, years) if b - start >= edge and end - b >= edge),
        end,
    ]
    if len(bounds) < 4:
        return [part]
    inside = [c for c in centres if start <= c <= end]
    inside.sort()
    counts = [bisect.bisect_left(inside, b) - bisect.bisect_left(inside, a) for a, b in itertools.pairwise(bounds)]
    counts[-1] += len(inside) - bisect.bisect_left(inside, end)  # centres exactly at the end
    alpha = max(1.0, 0.5 * sum(counts) / len(counts))

    def density(a: float, b: float, n: int) -> float:
        return (n + alpha * (b - a) / 30.4) / (b - a)

    pieces: list[list[float]] = []
    for (a, b), n in zip(itertools.pairwise(bounds), counts, strict=True):
        if pieces:
            pa, pb, pn = pieces[-1]
            d0, d1 = density(pa, pb, pn), density(a, b, n)
            if max(d0, d1) / min(d0, d1) < ratio:
                pieces[-1] = [pa, b, pn + n]
                continue
        pieces.append([a, b, n])
    while len(pieces) > max_pieces:  # merge the most alike neighbours

        def likeness(i: int) -> float:
            d0, d1 = density(*pieces[i]), density(*pieces[i + 1])
            return max(d0, d1) / min(d0, d1)

        i = min(range(len(pieces) - 1), key=likeness)
        pieces[i : i + 2] = [[pieces[i][0], pieces[i + 1][1], pieces[i][2] + pieces[i + 1][2]]]
    return [(a, b, int(n)) for a, b, n in pieces]


def build_axis(
    intervals: Sequence[tuple[float, float]],
    width: float,
    *,
    gap: float = 0.32,
    scale_gap: float = 0.16,
    min_segment: float = 0.75,
    undated_width: float = 0.0,
    min_gap: float = MIN_GAP_DAYS,
    max_segments: int = MAX_SEGMENTS,
) -> TimeAxis:
    """Lay out a broken axis ``width`` inches wide for ``[start, end)`` day intervals.

    Each segment's share of the width grows with the number of intervals in it, so a dense
    month gets more room than a lone year; a slot for undated events is added at the right
    end when ``undated_width`` is positive.
    """
    centres = [(a + b) / 2 for a, b in intervals]
    parts = [
        p
        for part in cluster(intervals, min_gap=min_gap, max_segments=max_segments)
        for p in split_density(part, centres)
    ]
    if not parts:
        return TimeAxis((), width, (0.0, width) if undated_width else None)
    gaps = [gap if b[0] > a[1] else scale_gap for a, b in itertools.pairwise(parts)]
    usable = width - sum(gaps) - (undated_width + gap if undated_width else 0.0)
    shares = allocate([1.0 + n for _, _, n in parts], usable, min_segment)
    segments: list[Segment] = []
    x = 0.0
    for i, ((start, end, n), share) in enumerate(zip(parts, shares, strict=True)):
        room_left = (start - parts[i - 1][1]) / 3 if i else float("inf")
        room_right = (parts[i + 1][0] - end) / 3 if i + 1 < len(parts) else float("inf")
        pad = max(1.0, 0.04 * (end - start), (MIN_SPAN_DAYS - (end - start)) / 2)
        segments.append(Segment(start - min(pad, room_left), end + min(pad, room_right), x, x + share, n))
        x += share + (gaps[i] if i < len(gaps) else 0.0)
    undated = (x + gap, x + gap + undated_width) if undated_width else None
    return TimeAxis(tuple(segments), width, undated)


# ---- ticks ---------------------------------------------------------------------------------


def _add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    return dt.date(day.year + m // 12, m % 12 + 1, 1)


def _days(step: int) -> Callable[[dt.date], dt.date]:
    return lambda d: d + dt.timedelta(days=step)


def _months(step: int) -> Callable[[dt.date], dt.date]:
    return lambda d: _add_months(d, step)


def _years(step: int) -> Callable[[dt.date], dt.date]:
    return lambda d: dt.date(d.year + step, 1, 1)


def _floor_day(d: dt.date) -> dt.date:
    return d


def _floor_monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _floor_month(step: int) -> Callable[[dt.date], dt.date]:
    return lambda d: dt.date(d.year, (d.month - 1) // step * step + 1, 1)


def _floor_year(step: int) -> Callable[[dt.date], dt.date]:
    return lambda d: dt.date(max(1, d.year // step * step), 1, 1)


@dataclass(frozen=True)
class TickRule:
    """One granularity of ticks: where periods start, how a period is labelled, how wide a label is."""

    name: str
    floor: Callable[[dt.date], dt.date]
    step: Callable[[dt.date], dt.date]
    label: Callable[[dt.date], str]
    label_width: float  # inches a label needs
    centred: bool  # label the middle of the period (months, years) rather than its first day
    context: str | None  # the coarser period shown on a second row: "month" | "year" | None


TICK_RULES: tuple[TickRule, ...] = (
    TickRule("day", _floor_day, _days(1), lambda d: str(d.day), 0.2, True, "month"),
    TickRule("2 days", _floor_day, _days(2), lambda d: str(d.day), 0.2, False, "month"),
    TickRule("week", _floor_monday, _days(7), lambda d: str(d.day), 0.24, False, "month"),
    TickRule("month", _floor_month(1), _months(1), lambda d: calendar.month_abbr[d.month], 0.38, True, "year"),
    TickRule("quarter", _floor_month(3), _months(3), lambda d: f"Q{(d.month - 1) // 3 + 1}", 0.32, True, "year"),
    TickRule("year", _floor_year(1), _years(1), lambda d: str(d.year), 0.45, True, None),
    TickRule("2 years", _floor_year(2), _years(2), lambda d: str(d.year), 0.45, False, None),
    TickRule("5 years", _floor_year(5), _years(5), lambda d: str(d.year), 0.45, False, None),
    TickRule("decade", _floor_year(10), _years(10), lambda d: f"{d.year}s", 0.5, False, None),
    TickRule("25 years", _floor_year(25), _years(25), lambda d: str(d.year), 0.45, False, None),
    TickRule("century", _floor_year(100), _years(100), lambda d: str(d.year), 0.45, False, None),
)


@dataclass(frozen=True)
class Tick:
    x: float  # where the label goes
    label: str
    boundary: float | None  # x of the period start inside the segment (a grid line), if any
    row: int = 0  # 0: tick labels, 1: the context row (month / year)


def _day(ordinal: float) -> dt.date:
    return dt.date.fromordinal(max(1, min(int(ordinal), dt.date.max.toordinal())))


def periods(rule: TickRule, start: float, end: float) -> Iterator[tuple[float, float, dt.date]]:
    """The periods of ``rule`` overlapping days ``[start, end)``: ``(start, end, first day)``."""
    day = rule.floor(_day(start))
    while day.toordinal() < end:
        try:
            nxt = rule.step(day)
        except (ValueError, OverflowError):  # past 9999-12-31: the last period runs to the end of time
            yield float(day.toordinal()), float(dt.date.max.toordinal() + 1), day
            return
        yield float(day.toordinal()), float(nxt.toordinal()), day
        day = nxt


# Rough length of each rule's period in days: rules that clearly cannot fit are skipped unwalked.
PERIOD_DAYS = {"day": 1, "2 days": 2, "week": 7, "month": 28, "quarter": 90, "year": 365, "2 years": 730,
               "5 years": 1826, "decade": 3652, "25 years": 9131, "century": 36524}  # fmt: skip


def choose_rule(segment: Segment, rules: Sequence[TickRule] = TICK_RULES) -> TickRule:
    """The finest tick rule whose labels fit side by side in the segment."""
    for rule in rules:
        if segment.days / PERIOD_DAYS[rule.name] - 2 > segment.width / rule.label_width:
            continue  # clearly too many labels: do not walk a century day by day
        if rule.centred:
            n = sum(1 for a, b, _ in periods(rule, segment.start, segment.end) if _visible(segment, a, b) > 0.45)
        else:
            n = sum(1 for a, _, _ in periods(rule, segment.start, segment.end) if segment.contains(a + 0.5))
        if max(n, 1) * rule.label_width <= segment.width:
            return rule
    return rules[-1]


def _visible(segment: Segment, a: float, b: float) -> float:
    """The fraction of period ``[a, b)`` inside the segment."""
    return max(0.0, min(b, segment.end) - max(a, segment.start)) / (b - a)


CONTEXT_RULES = {"month": TICK_RULES[3], "year": TICK_RULES[5]}
CONTEXT_LABELS: dict[str, Callable[[dt.date], str]] = {
    "month": lambda d: f"{calendar.month_abbr[d.month]} {d.year}",
    "year": lambda d: str(d.year),
}


def segment_ticks(segment: Segment, rules: Sequence[TickRule] = TICK_RULES) -> list[Tick]:
    """Tick labels (row 0) and context labels (row 1) for one segment."""
    rule = choose_rule(segment, rules)
    ticks: list[Tick] = []
    for a, b, day in periods(rule, segment.start, segment.end):
        boundary = segment.x(a) if segment.contains(a) else None
        if rule.centred:
            if _visible(segment, a, b) <= 0.45:
                if boundary is not None:
                    ticks.append(Tick(boundary, "", boundary))
                continue
            mid = (max(a, segment.start) + min(b, segment.end)) / 2
            ticks.append(Tick(segment.x(mid), rule.label(day), boundary))
        elif segment.contains(a + 0.5):
            ticks.append(Tick(segment.x(a + 0.5), rule.label(day), boundary))
    ticks = _thin(ticks, rule.label_width, segment)
    if rule.context:
        ctx = CONTEXT_RULES[rule.context]
        fmt = CONTEXT_LABELS[rule.context]
        spans = [(a, b, d) for a, b, d in periods(ctx, segment.start, segment.end)]
        for a, b, day in spans:
            lo, hi = max(a, segment.start), min(b, segment.end)
            # a context label needs room: skip slivers of a month/year at the segment's edges
            if len(spans) > 1 and segment.x(hi) - segment.x(lo) < 0.55:
                continue
            ticks.append(Tick(segment.x((lo + hi) / 2), fmt(day), None, row=1))
    return ticks


def _thin(ticks: list[Tick], label_width: float, segment: Segment, slack: float = 0.12) -> list[Tick]:
    """Blank labels that would stick out of the segment, and every other one while they crowd."""
    lo, hi = segment.x0 + label_width / 2 - slack, segment.x1 - label_width / 2 + slack
    labelled = [t for t in ticks if t.label]
    keep = [t for t in labelled if lo <= t.x <= hi] or labelled[len(labelled) // 2 : len(labelled) // 2 + 1]
    step = 1
    while len(keep[::step]) * label_width > segment.width and step < len(keep):
        step += 1
    shown = {id(t) for t in keep[::step]}
    return [t if id(t) in shown or not t.label else Tick(t.x, "", t.boundary, t.row) for t in ticks]


def gap_label(days: float) -> str:
    """How much time an axis break cuts out: ``"27 yr"``, ``"8 mo"``, ``"3 wk"``."""
    if days >= 365 * 1.5:
        return f"{round(days / 365.25)} yr"
    if days >= 60:
        return f"{round(days / 30.44)} mo"
    return f"{round(days / 7)} wk"
