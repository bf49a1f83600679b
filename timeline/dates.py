"""Small helpers on calendar intervals shared by merging, linking and exports."""

from __future__ import annotations

import datetime as dt

from timeline.model import EventDate

# Finer grains first: a finer grain wins when two readings of one event agree.
GRAIN_RANK = {
    "second": 0, "minute": 1, "hour": 2, "day": 3, "week": 4, "month": 5,
    "quarter": 6, "year": 7, "decade": 8, "century": 9,
}


def grain_rank(grain: str | None) -> int:
    return GRAIN_RANK.get(grain or "", 99)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def is_dated(date: EventDate) -> bool:
    return date.earliest is not None or date.latest is not None


def overlaps(a: EventDate, b: EventDate) -> bool:
    """True when the two calendar intervals share a day (open ends are unbounded)."""
    if not (is_dated(a) and is_dated(b)):
        return False
    lo_a, hi_a = a.earliest or dt.date.min, a.latest or dt.date.max
    lo_b, hi_b = b.earliest or dt.date.min, b.latest or dt.date.max
    return lo_a <= hi_b and lo_b <= hi_a


def gap_days(a: EventDate, b: EventDate) -> int | None:
    """Days between two intervals (0 when they overlap); None when either is undated."""
    if not (is_dated(a) and is_dated(b)):
        return None
    if overlaps(a, b):
        return 0
    lo_a, hi_a = a.earliest or dt.date.min, a.latest or dt.date.max
    lo_b, hi_b = b.earliest or dt.date.min, b.latest or dt.date.max
    if hi_a < lo_b:
        return (lo_b - hi_a).days
    return (lo_a - hi_b).days


def span_days(date: EventDate) -> int:
    """Width of the interval in days; open intervals count as very wide."""
    if date.earliest is None or date.latest is None:
        return 10**6
    return (date.latest - date.earliest).days + 1


def sort_key(date: EventDate) -> tuple:
    """Chronological order: undated last, then by start, then finer first."""
    if not is_dated(date):
        return (1, dt.date.max, dt.date.max, 99)
    return (0, date.earliest or dt.date.min, date.latest or dt.date.max, grain_rank(date.grain))
