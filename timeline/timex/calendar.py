"""Calendar arithmetic on TimeML values: shifting, weeks, quarters, bounds.

Every function is pure: the reference date is always an argument.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from timeline.timex.lexicon import SEASON_MONTHS

MIN_YEAR, MAX_YEAR = 1, 9999


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    day = min(d.day, _cal.monthrange(year, m + 1)[1])
    return dt.date(year, m + 1, day)


def step(d: dt.date | None, days: int) -> dt.date | None:
    """``d`` moved by ``days``; None past the ends of the calendar."""
    try:
        return d + dt.timedelta(days=days) if d else None
    except OverflowError:
        return None


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift(d: dt.date, grain: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units of ``grain``."""
    if grain in ("day", "hour", "minute", "second"):
        return d + dt.timedelta(days=n)
    if grain == "week":
        return d + dt.timedelta(weeks=n)
    if grain == "month":
        return add_months(d, n)
    if grain == "quarter":
        return add_months(d, 3 * n)
    if grain == "year":
        return add_months(d, 12 * n)
    if grain == "decade":
        return add_months(d, 120 * n)
    if grain == "century":
        return add_months(d, 1200 * n)
    raise ValueError(grain)


def value_of(d: dt.date, grain: str) -> str:
    """The TimeML value of the ``grain``-sized period containing ``d``."""
    if grain == "day":
        return d.isoformat()
    if grain == "week":
        return week_value(d)
    if grain == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if grain == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if grain == "year":
        return f"{d.year:04d}"
    if grain == "decade":
        return f"{d.year // 10:03d}X"
    if grain == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(grain)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based; -1 = last) given weekday of a month."""
    days = [dt.date(year, month, d) for d in range(1, _cal.monthrange(year, month)[1] + 1)]
    hits = [d for d in days if d.weekday() == weekday]
    return hits[nth - 1] if nth > 0 else hits[nth]


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a TimeML DATE/TIME value, or None when it names no calendar span."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, _cal.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, _cal.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})-H(\d)", value):
            y, h = int(m[1]), int(m[2])
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            y = int(m[1])
            first, last = SEASON_MONTHS[m[2]]
            if m[2] == "WI":  # winter 2021 = Dec 2021 .. Feb 2022
                return dt.date(y, 12, 1), dt.date(y + 1, 2, _cal.monthrange(y + 1, 2)[1])
            return dt.date(y, first, 1), dt.date(y, last, _cal.monthrange(y, last)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := re.fullmatch(r"(\d{3})X", value):
            y = int(m[1]) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", value):
            y = int(m[1]) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    except (ValueError, OverflowError):
        return None
    return None


def bounds(value: str | None, mod: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive (earliest, latest) calendar days a value can denote, narrowed by ``mod``."""
    try:
        return _bounds(value, mod)
    except (ValueError, OverflowError):  # at the edges of the calendar (year 1, year 9999)
        return None, None


def _bounds(value: str | None, mod: str | None) -> tuple[dt.date | None, dt.date | None]:
    if not value:
        return None, None
    span = _span(value)
    if span is None:
        return None, None
    first, last = span
    days = (last - first).days
    if mod == "START":
        return first, first + dt.timedelta(days=days // 3)
    if mod == "MID":
        return first + dt.timedelta(days=days // 3), first + dt.timedelta(days=2 * days // 3)
    if mod == "END":
        return first + dt.timedelta(days=2 * days // 3), last
    if mod in ("AFTER", "ON_OR_AFTER"):
        return (last + dt.timedelta(days=1) if mod == "AFTER" else first), None
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return None, (first - dt.timedelta(days=1) if mod == "BEFORE" else last)
    return first, last


def valid_year(y: int) -> bool:
    return MIN_YEAR < y < MAX_YEAR
