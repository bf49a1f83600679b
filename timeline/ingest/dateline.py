"""Publication dates written in an article's text: datelines and, failing that, dates near the top.

A *dateline* is a line near the top of the text (the first :data:`HEAD_LINES` lines and
:data:`HEAD_CHARS` characters) that, split on ``|`` and spaced dashes, has a segment that is
nothing but a full date (optionally a weekday before it, a time after it, "Published"/"Updated"
before it)::

    Putin makes repeated calls for ′immediate′ NATO talks | News | DW | 14.12.2021
    Written by | Friday, December 17th, 2021
    By AFP - Dec 14,2021 - Last updated at Dec 14,2021
    December 14, 2021 10:55 pm | Updated 10:55 pm IST - Moscow

A date inside a sentence (a photo caption: "... in Moscow, Russia, Thursday, Dec. 23, 2021.")
is not a dateline; :func:`latest_date_near_top` reads those, for the ``inferred`` fallback.
Only full dates with a year are accepted; matched strings are parsed by dateparser with
explicit settings (English, all of day/month/year required), never against a clock.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.ingest.textfile import Line

HEAD_LINES = 15
HEAD_CHARS = 1500

_WEEKDAY = (
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+)?"
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|2\d)\d\d"
_TIME = r"(?P<time>[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?\s?m\.?)?)"
_ZONE = (
    r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][01]\d:?[0-5]\d)?"
    r"(?:\s*\(?(?:IST|GMT|UTC|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|MSK"
    r"|ET|PT|CT|AEST|AEDT|JST)\)?)?"
)

# (rule name, pattern of one written date, dateparser DATE_ORDER)
DATE_FORMS: tuple[tuple[str, str, str], ...] = (
    ("month-day-year", rf"{_WEEKDAY}{_MONTH}\s*{_DAY},?\s*{_YEAR}", "MDY"),
    ("day-month-year", rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s*{_YEAR}", "DMY"),
    ("day-dot-month-dot-year", rf"{_WEEKDAY}[0-3]?\d\.[01]?\d\.{_YEAR}", "DMY"),
    ("iso-date", rf"{_YEAR}-[01]\d-[0-3]\d", "YMD"),
)

# Words that may stand before the date in a dateline segment.
_SEGMENT_PREFIX = (
    r"(?:(?:(?:first\s+)?published|posted|updated|last\s+updated|date)(?:\s+(?:on|at))?\s*:?\s+)?"
)
_TIME_TAIL = rf"(?:(?:,?\s*(?:at\s+)?|T){_TIME}{_ZONE})?"
# "|" or a dash with white space on both sides; segments are stripped where they are read.  (No
# ``\s*`` around the separator: tried at every position of a long run of white space, it was quadratic.)
_SEGMENT_SPLIT = re.compile(r"\||(?<=\s)[-–—](?=\s)")
_UPDATED = re.compile(r"^\s*(?:last\s+)?updated\b", re.IGNORECASE)


@dataclass(frozen=True)
class WrittenDate:
    """A publication date read from the text, and where."""

    date: dt.date
    time: str | None  # "22:55"
    rule: str  # DATE_FORMS name
    line: int  # 1-based line number
    surface: str


@lru_cache(maxsize=None)
def _segment_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"{_SEGMENT_PREFIX}(?P<date>{form}){_TIME_TAIL}\.?", re.IGNORECASE)


@lru_cache(maxsize=None)
def _search_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?P<date>{form}){_TIME_TAIL}(?!\d)", re.IGNORECASE)


def parse_written_date(surface: str, order: str) -> dt.datetime | None:
    """``surface`` (a matched date, maybe with a time) as a datetime, or None when dateparser refuses."""
    import dateparser

    if order == "YMD":  # ISO: read strictly, dateparser would swap an impossible month with the day
        try:
            return dt.datetime.fromisoformat(re.sub(r"\s*(?:Z|\(?[A-Z]{2,4}\)?)$", "", surface.strip()))
        except ValueError:
            return None
    settings = {
        "DATE_ORDER": order,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        return dateparser.parse(surface, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None


def _written_date(match: re.Match[str], rule: str, order: str, line: Line) -> WrittenDate | None:
    surface = match.group("date")
    clock = match.group("time")
    parsed = parse_written_date(f"{surface} {clock}" if clock else surface, order)
    if parsed is None and clock:
        parsed = parse_written_date(surface, order)
        clock = None
    if parsed is None:
        return None
    time = f"{parsed.hour:02d}:{parsed.minute:02d}" if clock else None
    return WrittenDate(parsed.date(), time, rule, line.number, match.group(0).strip())


def head(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines where a dateline may stand: the first few, near the start of the text.

    Each is cut to its first :data:`HEAD_CHARS` characters, so a text that is one enormous
    line (or a line of thousands of dates) costs no more than a screenful to search.
    """
    return tuple(_clip(line) for line in lines[:HEAD_LINES] if line.start < HEAD_CHARS)


def _clip(line: Line) -> Line:
    if len(line.text) <= HEAD_CHARS:
        return line
    return Line(line.number, line.start, line.start + HEAD_CHARS, line.text[:HEAD_CHARS])


def segment_date(segment: str, line: Line) -> WrittenDate | None:
    """The date when a dateline segment is nothing but a date."""
    for rule, form, order in DATE_FORMS:
        match = _segment_pattern(form).fullmatch(segment.strip())
        if match:
            return _written_date(match, rule, order, line)
    return None


def line_dateline(line: Line) -> WrittenDate | None:
    """The publication date when ``line`` is a dateline (first non-"Updated" date segment wins)."""
    found = [
        (bool(_UPDATED.match(segment)), date)
        for segment in _SEGMENT_SPLIT.split(line.text)
        if (date := segment_date(segment, line)) is not None
    ]
    if not found:
        return None
    found.sort(key=lambda pair: pair[0])  # stable: published before updated
    return found[0][1]


def find_dateline(lines: tuple[Line, ...]) -> WrittenDate | None:
    """The first dateline near the top of the text."""
    for line in head(lines):
        date = line_dateline(line)
        if date is not None:
            return date
    return None


def dates_in_line(line: Line) -> list[WrittenDate]:
    """Every full date written anywhere in a line."""
    dates = []
    for rule, form, order in DATE_FORMS:
        for match in _search_pattern(form).finditer(line.text):
            date = _written_date(match, rule, order, line)
            if date is not None:
                dates.append(date)
    return dates


def latest_date_near_top(lines: tuple[Line, ...]) -> WrittenDate | None:
    """The latest full date written near the top (the ``inferred`` publication date)."""
    dates = [date for line in head(lines) for date in dates_in_line(line)]
    return max(dates, key=lambda d: (d.date, d.line), default=None)
