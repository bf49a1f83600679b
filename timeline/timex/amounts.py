"""Productions for amounts of time and references: durations, sets, PRESENT_REF and friends."""

from __future__ import annotations

import re

from timeline.timex.lexicon import (
    CURRENT_NOT_TIME_AFTER,
    CURRENT_NOT_TIME_BEFORE,
    FUTURE_TIME_BEFORE,
    MONTH_NUMBER,
    PART_OF_DAY_CODE,
    REFS,
    SEASON_CODE,
    SETS,
    VAGUE_NUMBERS,
    WEEKDAY_NUMBER,
    number_value,
    unit_of,
)
from timeline.timex.reading import Context, Reading, _capitalized, _g

# ---------------------------------------------------------------- durations and sets


def recent_period(m: re.Match, ctx: Context) -> Reading | None:
    """'recent weeks' PXW (TimeBank annotates them as vague durations), 'recent years' PAST_REF."""
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if rel == "recent" and unit in ("years", "decades", "quarters"):
        return Reading("DATE", "PAST_REF", None, anchor="publication")
    if rel in ("coming", "next", "future") and unit in ("years", "decades", "quarters"):
        return Reading("DATE", "FUTURE_REF", None, anchor="publication")  # "in coming quarters", "future years"
    return Reading("DURATION", _duration_value(None, unit), None)



def _duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT5H, PXW, P18M (one and a half years)."""
    _, grain, letter, mult = unit_of(unit)
    time = grain in ("hour", "minute", "second")
    if n is None:
        amount = "X"
    else:
        total = n * mult
        if total != int(total):
            if time:
                smaller = {"hour": ("M", 60), "minute": ("S", 60)}.get(grain)
            else:
                smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24)}.get(letter)
            if smaller:
                whole = int(total)
                letter2, factor = smaller
                rest = round((total - whole) * factor)
                if time or letter2 == "H":
                    head = f"{whole}{letter}" if whole else ""
                    return f"PT{head}{rest}{letter2}" if letter2 != "H" else f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
                return f"P{whole}{letter}{rest}{letter2}" if whole else f"P{rest}{letter2}"
        amount = f"{int(total)}" if total == int(total) else f"{total:g}"
    if grain == "quarter":
        return f"P{amount}Q"  # "the past two quarters" P2Q, like "several quarters" PXQ
    return f"P{'T' if time else ''}{amount}{letter}"


_SOMEDAY_BEFORE = re.compile(r"\b(?:will|would|could|may|might|shall|can)\s+$", re.I)


def duration(m: re.Match, ctx: Context) -> Reading | None:
    num = _g(m, "num")
    unit = m.group("unit")
    if num is None:
        n = None
    elif num.lower() in VAGUE_NUMBERS:
        n = None
    else:
        n = number_value(num)
        if n is None or n <= 0 or n > 10000:
            return None
    if unit.lower().startswith("quarter") and (
            (num or "").lower() in ("a", "an") or "-" in m.group(0) and unit.lower().endswith("s")
            or (ctx.text.startswith(" of", ctx.end) and n is not None)):
        return None  # "three-quarters", "a quarter of the shares": fractions ("several quarters of losses" is time)
    if (num or "").lower() == "one" and unit.lower() == "day" and _SOMEDAY_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return Reading("DATE", "FUTURE_REF", None, anchor="publication")  # "Islam will one day be ...": some day
    if _g(m, "half") and n is not None:
        n += 0.5
    if n is not None and unit.lower().rstrip("s") in ("second", "minute", "quarter") and num and num.lower() in ("a", "an") \
            and unit.lower() == "second":
        return None
    return Reading("DURATION", _duration_value(n, unit), None)


def duration_long(m: re.Match, ctx: Context) -> Reading | None:
    """'day-long' P1D, 'decades-long' PXY."""
    return Reading("DURATION", _duration_value(None if m.group("plural") else 1, m.group("unit")), None)


def duration_unknown(m: re.Match, ctx: Context) -> Reading | None:
    """'for a while': a duration of unknown length and unit (PXX)."""
    return Reading("DURATION", "PXX", None)


def duration_vague(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("DURATION", _duration_value(None, m.group("unit2")), None)


def duration_half(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("DURATION", _duration_value(0.5, m.group("unit")), None)


_SET_VALUE = [(re.compile(f"(?:{s})$", re.I), v) for s, v in SETS]


def set_(m: re.Match, ctx: Context) -> Reading | None:
    surface = re.sub(r"\s+", " ", m.group("set"))
    for pattern, value in _SET_VALUE:
        if pattern.match(surface):
            if surface.lower().startswith(("a ", "an ", "per ")) and not _rate_context(ctx):
                return None
            if surface[0].isupper() and not _sentence_initial(ctx):
                return None  # "the Liverpool Daily Post", "Weekly Standard": a name
            return Reading("SET", value, None)
    return None


def _sentence_initial(ctx: Context) -> bool:
    before = ctx.text[max(0, ctx.start - 3) : ctx.start].rstrip(" \t\"“'‘")
    return not before or before[-1] in ".!?:\n"


def _rate_context(ctx: Context) -> bool:
    """'a year' is a SET after an amount or a count of times: '$5 a year', 'twice a day'."""
    before = ctx.text[max(0, ctx.start - 25) : ctx.start]
    return bool(re.search(r"(?:\d|percent|%|times|twice|once|thrice|dollars|cents|million|billion)\s*$", before, re.I))


def set_every(m: re.Match, ctx: Context) -> Reading | None:
    num = (_g(m, "num") or "").lower()
    n = 2 if num == "other" else (number_value(num) if num else 1)
    if n is None or n <= 0:
        return None
    return Reading("SET", _duration_value(n, m.group("unit")), None)


def set_weekday(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("weekday")
    if not _capitalized(word) or not (m.group("plural") or _g(m, "parts") or m.group(0).lower().startswith(("every", "each"))):
        return None  # "Tuesday nights", "every Friday morning": a part of that weekday, every week
    part = _g(m, "part")
    return Reading("SET", f"XXXX-WXX-{WEEKDAY_NUMBER[word.lower()] + 1}{'T' + PART_OF_DAY_CODE[part.lower()] if part else ''}",
                   None)


def set_month(m: re.Match, ctx: Context) -> Reading | None:
    """'each July', 'every summer': that month or season of every year."""
    month, season = _g(m, "month"), _g(m, "season")
    if month:
        if not _capitalized(month):
            return None  # "every may"
        return Reading("SET", f"XXXX-{MONTH_NUMBER[month.lower()]:02d}", None)
    return Reading("SET", f"XXXX-{SEASON_CODE[season.lower()]}", None)  # type: ignore[union-attr]


_REF_VALUE = [(re.compile(f"(?:{s})$", re.I), v) for s, v in REFS]


_CURRENT_AFTER = re.compile(r"\s+(?:" + "|".join(CURRENT_NOT_TIME_AFTER) + r")\b", re.I)
_CURRENT_BEFORE = re.compile(r"\b(?:" + "|".join(CURRENT_NOT_TIME_BEFORE) + r")\s+$", re.I)
_NOUN_CURRENT = re.compile(r"\b(?:the|a)\s+$", re.I)


_FUTURE_TIME_BEFORE = re.compile(r"\b(?:" + "|".join(FUTURE_TIME_BEFORE) + r")\s+$", re.I)


def _current_not_time(ctx: Context) -> bool:
    """'the current account', 'alternating current', 'swept away by the current.'"""
    before = ctx.text[max(0, ctx.start - 14) : ctx.start]
    after = ctx.text[ctx.end : ctx.end + 14]
    return bool(_CURRENT_AFTER.match(after) or _CURRENT_BEFORE.search(before)
                or (_NOUN_CURRENT.search(before) and re.match(r"\s*(?:[.,;:!?)]|$)", after)))


def ref(m: re.Match, ctx: Context) -> Reading | None:
    surface = re.sub(r"\s+", " ", m.group("ref"))
    if surface.lower() == "current" and _current_not_time(ctx):
        return None
    if surface.lower() == "the future" and not _FUTURE_TIME_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return None
    for pattern, value in _REF_VALUE:
        if pattern.match(surface):
            return Reading("DATE", value, None, anchor="publication")
    return None
