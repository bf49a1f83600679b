"""Productions for expressions relative to the publication date or to an earlier date in the text.

Deictic days, weekdays by tense, this/last/next periods, weekends, narrative anchoring
("the next day", "two days later"), "N units ago", and clock times.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from timeline.timex import calendar as cal
from timeline.timex.absolute import _year_ago
from timeline.timex.amounts import _duration_value
from timeline.timex.lexicon import NAME_HEAD_RE, NOWADAYS_NOUNS, PART_OF_DAY_CODE, WEEKDAY_NUMBER, number_value, unit_of
from timeline.timex.reading import GRAIN_ORDER, Context, Reading, _capitalized, _g, unresolved
from timeline.timex.tense import prospective

# ---------------------------------------------------------------- days, weekdays, parts of day

_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1,
            "the day before yesterday": -2, "the day after tomorrow": 2}


_NOWADAYS = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:" + "|".join(NOWADAYS_NOUNS) + r")\b")


_ACRONYM_BEFORE = re.compile(r"\b(?-i:[A-Z]{2,5})\s+$")


def deictic_day(m: re.Match, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m.group("deictic").lower())
    if word == "today" and _NOWADAYS.match(ctx.text, ctx.end):
        return None  # "today's youth": the present age, not the day
    if m.group("deictic")[0].isupper() and _ACRONYM_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start):
        return None  # "USA Today", "VOA Today": a title
    if ctx.pub is None:
        return unresolved("TIME" if word == "tonight" else "DATE")
    d = ctx.pub + dt.timedelta(days=_DEICTIC[word])
    if word == "tonight":
        return Reading("TIME", f"{d.isoformat()}TNI", "day", anchor="publication")
    return Reading("DATE", d.isoformat(), "day", anchor="publication")


def ordinal_day_now(m: re.Match, ctx: Context) -> Reading | None:
    """'It's the second day of an offensive': the present tense makes it the day of writing."""
    if ctx.pub is None:
        return unresolved()
    return Reading("DATE", ctx.pub.isoformat(), "day", anchor="publication")


def deictic_part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("deictic").lower()
    part = m.group("part").lower()
    if word == "last" and part != "night":
        return None
    if word == "this" and part == "night":
        part = "night"
    if ctx.pub is None:
        return unresolved("TIME")
    d = ctx.pub + dt.timedelta(days=_DEICTIC[word])
    return Reading("TIME", f"{d.isoformat()}T{PART_OF_DAY_CODE[part]}", "day", anchor="publication")


def mid_part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    """'mid-afternoon', 'midmorning yesterday': the middle of that part of the day (the day in focus by default)."""
    part = PART_OF_DAY_CODE[m.group("part").lower()]
    deictic = _g(m, "deictic")
    if deictic:
        if ctx.pub is None:
            return unresolved("TIME")
        day, anchor = ctx.pub + dt.timedelta(days=_DEICTIC[deictic.lower()]), "publication"
    else:
        day, anchor = _day_for_time(ctx)
    if day is None:
        return unresolved("TIME")
    return Reading("TIME", f"{day.isoformat()}T{part}", "day", mod="MID", anchor=anchor)


def part_of_day_in_focus(m: re.Match, ctx: Context) -> Reading | None:
    """'in the morning', 'during the afternoon': that part of the day in focus (the last day named, else publication)."""
    part = PART_OF_DAY_CODE[m.group("part").lower()]
    prev = ctx.previous_at("day")
    day = _concrete_day(prev.value) if prev is not None else None
    anchor = "timex" if day is not None else "publication"
    day = day or ctx.pub
    if day is None:
        return unresolved("TIME")
    return Reading("TIME", f"{day.isoformat()}T{part}", "day", anchor=anchor)


def resolve_weekday(wd: int, pub: dt.date, rel: str, tense: str | None) -> dt.date:
    delta = wd - pub.weekday()
    if rel in ("last", "past"):
        back = (pub.weekday() - wd) % 7 or 7
        return pub - dt.timedelta(days=back)
    if rel == "next":  # "next Thursday": the Thursday of next week
        return pub + dt.timedelta(days=7 - pub.weekday() + wd)
    if rel == "coming":
        ahead = delta % 7 or 7
        return pub + dt.timedelta(days=ahead)
    if rel == "this":
        return pub + dt.timedelta(days=delta)
    if tense == "future":
        return pub + dt.timedelta(days=delta % 7)
    return pub - dt.timedelta(days=(-delta) % 7)  # past, present or unknown: news reports what happened


def weekday(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("weekday")
    if not _capitalized(word) or NAME_HEAD_RE.match(ctx.text, ctx.end):
        return None  # "Sunday Times"
    part = _g(m, "part")
    if ctx.pub is None:
        return unresolved("TIME" if part else "DATE")
    rel = (_g(m, "rel") or "").lower().split()[-1:] or [""]
    if rel[0] in ("previous", "preceding", "following"):
        return _weekday_from_previous(WEEKDAY_NUMBER[word.lower()], rel[0], part, ctx)
    possessive = ctx.text.startswith(("'s", "’s"), ctx.end)  # "Wednesday's ruling" reports what happened
    tense = None if rel[0] else ("past" if possessive and not prospective(ctx.text, ctx.start) else ctx.tense())
    d = resolve_weekday(WEEKDAY_NUMBER[word.lower()], ctx.pub, rel[0], tense)
    if part:  # TimeBank annotates "Friday night" as a DATE (AQUAINT 20 of 23; TimeBank's 3 are TIME)
        return Reading("DATE", f"{d.isoformat()}T{PART_OF_DAY_CODE[part.lower()]}", "day", anchor="publication")
    return Reading("DATE", d.isoformat(), "day", anchor="publication")


def _weekday_from_previous(wd: int, rel: str, part: str | None, ctx: Context) -> Reading:
    """'the previous Friday', 'the following Monday': that weekday just before or after the date in focus
    (the last day-dated expression, else publication)."""
    prev = ctx.previous_at("day")
    base = _concrete_day(prev.value) if prev is not None else None
    anchor = "timex" if base is not None else "publication"
    base = base or ctx.pub
    if base is None:
        return unresolved("TIME" if part else "DATE")
    if rel == "following":
        d = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:
        d = base - dt.timedelta(days=(base.weekday() - wd) % 7 or 7)
    return Reading("DATE", f"{d.isoformat()}T{PART_OF_DAY_CODE[part.lower()]}" if part else d.isoformat(), "day",
                   anchor=anchor)


def weekday_shifted(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("weekday")
    if not _capitalized(word):
        return None
    if ctx.pub is None:
        return unresolved()
    rel = (_g(m, "rel") or "").lower()
    d = resolve_weekday(WEEKDAY_NUMBER[word.lower()], ctx.pub, rel, None if rel else ctx.tense())
    d += dt.timedelta(days=-1 if m.group("dir").lower() == "before" else 1)
    return Reading("DATE", d.isoformat(), "day", anchor="publication")


# ---------------------------------------------------------------- periods relative to publication

_OFFSET = {"this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "previous": -1, "latest": -1,
           "recent": -1, "next": 1, "coming": 1, "following": 1}


def _period_value(pub: dt.date, unit: str, off: int) -> tuple[str, str]:
    if unit == "weekend":
        d = cal.shift(pub, "week", off)
        return f"{cal.week_value(d)}-WE", "week"
    if unit == "half":
        d = cal.add_months(pub, 6 * off)
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}", "quarter"
    d = cal.shift(pub, unit, off)
    return cal.value_of(d, unit), unit


def _title_mid_sentence(ctx: Context) -> bool:
    """'ABC News' "This Week,"': every word capitalised away from a sentence start is a title."""
    words = ctx.text[ctx.start : ctx.end].split()
    before = ctx.text[max(0, ctx.start - 40) : ctx.start].rstrip(" \t\"'“‘`(")
    return all(w[0].isupper() for w in words) and bool(before) and before[-1] not in ".!?:\n"


def period_relative(m: re.Match, ctx: Context) -> Reading | None:
    if _title_mid_sentence(ctx):
        return None
    rel_words = re.sub(r"\s+", " ", m.group("rel").lower()).split()
    unit = m.group("unit").lower()
    has_the = rel_words[0] == "the"
    rel = rel_words[-1]
    if rel == "same":
        return None
    if unit == "quarter":
        return None  # quarter-relative handles it
    if unit == "half" and rel in ("past", "last", "recent"):
        return None  # "the last half of the '80s": a part of something else
    if rel in ("past", "last", "recent") and (has_the or rel == "past") and unit not in ("weekend",):
        duration = _duration_value(1, unit)
        return Reading("DURATION", duration, None)
    if unit == "year" and rel == "last" and not has_the and _compared(ctx):
        return _year_ago(ctx, 1)  # "earnings of $24 million, compared with a loss of $3 million last year" (a quarter)
    if has_the and rel in ("following", "previous") and ctx.previous_at(unit) is not None:
        return _shift_previous(ctx, unit, _OFFSET[rel])
    if has_the and rel == "next" and _past_in_focus(ctx, unit) and ctx.tense() == "past":
        return _shift_previous(ctx, unit, 1)  # "elected in 1962, he resigned the next year"; else from now
    # "growth is forecast in the next fiscal year", "troops leave in the next decade": from publication
    if ctx.pub is None:
        return unresolved()
    value, grain = _period_value(ctx.pub, unit, _OFFSET[rel])
    return Reading("DATE", value, grain, anchor="publication")


_COMPARED = re.compile(r"\b(?:compared\s+with|compared\s+to|from|versus|vs\.|against)\s+(?:[^,.;]{0,40}\s)?$", re.I)


def _compared(ctx: Context) -> bool:
    """A figure set against last year's: 'compared with a loss of $3 million last year', 'from last year's $1.55 billion'."""
    if _COMPARED.search(ctx.text, max(0, ctx.start - 60), ctx.start):
        return True
    return bool(re.match(r"['’]s\s+(?:[$£€]|\d)", ctx.text[ctx.end : ctx.end + 5]))


def _past_in_focus(ctx: Context, unit: str) -> bool:
    """The date in focus lies before publication: a narrative of the past can count on from it."""
    prev = ctx.previous_at(unit)
    last = cal.bounds(prev.value)[1] if prev is not None else None
    return last is not None and ctx.pub is not None and last < ctx.pub


def weekend(m: re.Match, ctx: Context) -> Reading | None:
    """'the weekend' just past (or coming, in the future tense); 'last/next/this weekend'."""
    if ctx.pub is None:
        return unresolved()
    words = m.group(0).lower().split()
    word = words[0]
    wd = ctx.pub.weekday()
    if "past" in words:  # "this past weekend": the one just over (or ending)
        off = 0 if wd >= 5 else -1
    elif "coming" in words:
        off = 0 if wd < 5 else 1
    elif word == "last":
        off = -1
    elif word == "next":
        off = 1
    elif word == "this":
        off = 0
    else:  # "the weekend": the one just past, unless the verb looks ahead
        tense = ctx.tense()
        off = 0 if wd >= 5 or tense == "future" else -1
    value, grain = _period_value(ctx.pub, "weekend", off)
    return Reading("DATE", value, grain, anchor="publication")


def year_end(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.pub is None:
        return unresolved()
    since = re.search(r"\bsince\s+$", ctx.text[max(0, ctx.start - 8) : ctx.start], re.I)
    if since:  # "up 4% since year-end": a change measured from the last close of a year, its last day
        return Reading("DATE", f"{ctx.pub.year - 1:04d}-12-31", "day", anchor="publication")
    return Reading("DATE", f"{ctx.pub.year:04d}", "year", mod="END", anchor="publication")


def year_ended(m: re.Match, ctx: Context) -> Reading | None:
    """'the year ended Sept. 30': TimeBank annotates the year as a one-year duration."""
    return Reading("DURATION", "P1Y", None)


def period_the(m: re.Match, ctx: Context) -> Reading | None:
    unit = m.group("unit").lower()
    if ctx.pub is None:
        return unresolved()
    value, grain = _period_value(ctx.pub, unit, 0)
    return Reading("DATE", value, grain, anchor="publication")


def fuzzy_relative(m: re.Match, ctx: Context) -> Reading | None:
    fuzzy = m.group("fuzzy").lower()
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    mod = "START" if fuzzy == "earlier" else "END"
    if rel == "that":
        r = narrative_base(ctx, unit if unit in ("week", "month", "year") else "day")
        if r.value and unit in PART_OF_DAY_CODE:
            return Reading("TIME", f"{r.value}T{PART_OF_DAY_CODE[unit]}", "day", anchor=r.anchor)
        return Reading(r.type, r.value, r.grain, mod=None if unit == "day" else mod, anchor=r.anchor, reason=r.reason)
    if ctx.pub is None:
        return unresolved()
    if unit in PART_OF_DAY_CODE or unit == "day":
        if unit == "day":
            return Reading("DATE", ctx.pub.isoformat(), "day", anchor="publication")
        return Reading("TIME", f"{ctx.pub.isoformat()}T{PART_OF_DAY_CODE[unit]}", "day", anchor="publication")
    value, grain = _period_value(ctx.pub, unit, _OFFSET[rel])
    return Reading("DATE", value, grain, mod=mod, anchor="publication")


# ---------------------------------------------------------------- anchored to another date


def _concrete_day(value: str | None) -> dt.date | None:
    if value and (mm := re.match(r"(\d{4})-(\d{2})-(\d{2})", value)):
        try:
            return dt.date(int(mm[1]), int(mm[2]), int(mm[3]))
        except ValueError:
            return None
    return None


def _reading_start(r: Reading) -> dt.date | None:
    first, _ = cal.bounds(r.value)
    return first


def _shift_previous(ctx: Context, unit: str, n: int, keep_grain: bool = False) -> Reading:
    """The previous date in the text moved by n units, at the coarser of both grains.

    With ``keep_grain`` ("a year earlier", "two months later") a finer previous date keeps its grain:
    a year before the third quarter is the third quarter a year before.
    """
    prev = ctx.previous_at(unit) or ctx.previous
    assert prev is not None
    base = _reading_start(prev)
    if base is None or prev.grain not in GRAIN_ORDER:
        return unresolved(reason="previous date has no calendar value", anchor="timex")
    unit = "week" if unit == "weekend" else unit
    if unit in ("hour", "minute", "second"):
        unit = "day"
    coarser = prev.grain if GRAIN_ORDER.index(prev.grain) >= GRAIN_ORDER.index(unit) else unit
    grain = coarser
    if keep_grain and prev.grain in ("day", "month", "quarter") and GRAIN_ORDER.index(prev.grain) < GRAIN_ORDER.index(unit):
        grain = prev.grain
    try:
        d = cal.shift(base, unit, n)
        return Reading("DATE", cal.value_of(d, grain), grain, anchor="timex")
    except (ValueError, OverflowError):
        return unresolved(reason="out of calendar range", anchor="timex")


def narrative_base(ctx: Context, unit: str) -> Reading:
    if ctx.previous_at(unit) is not None:
        return _shift_previous(ctx, unit, 0)
    if ctx.pub is None:
        return unresolved()
    value, grain = _period_value(ctx.pub, unit, 0)
    return Reading("DATE", value, grain, anchor="publication", reason="no earlier date in the text")


_GERUND_AFTER = re.compile(r"\s+[a-z]+ing\b")


def narrative(m: re.Match, ctx: Context) -> Reading | None:
    words = re.sub(r"\s+", " ", m.group("phrase").lower()).split()
    if words[-1] in ("before", "after") and _GERUND_AFTER.match(ctx.text, ctx.end):
        return None  # "later in the day before returning home": 'before' governs the gerund, 'the day' is not shifted
    unit = next((w for w in reversed(words) if w in ("day", "morning", "afternoon", "evening", "night", "week",
                                                        "month", "quarter", "year")), "day")
    if "next" in words or "following" in words or words[-1] == "after":
        off = 1
    elif "previous" in words or "preceding" in words or words[-1] == "before":
        off = -1
    else:
        off = 0
    part = PART_OF_DAY_CODE.get(unit)
    grain_unit = "day" if part else unit
    if ctx.previous_at(grain_unit) is not None:
        r = _shift_previous(ctx, grain_unit, off)
    elif ctx.pub is not None:
        value, grain = _period_value(ctx.pub, grain_unit, off)
        r = Reading("DATE", value, grain, anchor="publication", reason="no earlier date in the text")
    else:
        return unresolved()
    if part and r.value and r.grain == "day":
        return Reading("TIME", f"{r.value}T{part}", "day", anchor=r.anchor, reason=r.reason)
    return r


def _year_of(r: Reading | None) -> int | None:
    value = (r.value or "") if r else ""
    return int(value[:4]) if value[:4].isdigit() else None


def _about_now(ctx: Context, prev: Reading | None) -> bool:
    """No earlier date, or one from this year or the last: "a year earlier" then compares with now."""
    year = _year_of(prev)
    return ctx.pub is not None and (prev is None or (year is not None and year >= ctx.pub.year - 1))


def ago(m: re.Match, ctx: Context) -> Reading | None:
    """'two years ago', 'three days later', 'a year earlier' (to the previous date, or to now);
    'a week or so ago' is that date, approximately."""
    r = _ago(m, ctx)
    if r is not None and r.value and _g(m, "approx") and r.mod is None:
        return replace(r, mod="APPROX")
    return r


def _ago(m: re.Match, ctx: Context) -> Reading | None:
    unit_row = unit_of(m.group("unit"))
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    num = _g(m, "num")
    n = number_value(num) if num else None
    sign = -1 if direction in ("ago", "before", "earlier", "previously") else 1
    if n is None and direction != "ago" and not direction.startswith(("from", "hence")):
        # "a few days later", "months earlier": an unknown step from the date in focus, not the future or the
        # past of the publication date; TimeBank reads them as vague durations (PXD)
        return Reading("DURATION", _duration_value(None, m.group("unit")), None)
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor="publication")
    if n != int(n) or n > 5000:
        return unresolved(reason="fractional or huge offset")
    _, grain, _, mult = unit_row
    count = int(n) * mult
    step_unit = {"decade": "year", "century": "year"}.get(grain, grain)
    if grain in ("hour", "minute", "second"):
        step_unit = "day"
        count = 0 if grain != "hour" or count < 24 else count // 24
    prev = ctx.previous_at(step_unit)
    if direction == "earlier" and grain == "year" and count < 5 and _about_now(ctx, prev):
        return _year_ago(ctx, count)  # "a year earlier" than this year's figures: as "a year ago"
    if direction in ("earlier", "later", "afterwards", "afterward") and prev is not None:
        return _shift_previous(ctx, step_unit, sign * count, keep_grain=True)
    if ctx.pub is None:
        return unresolved()
    if grain == "year" and direction == "ago" and count < 5:
        return _year_ago(ctx, count)
    try:
        d = cal.shift(ctx.pub, step_unit, sign * count)
    except (ValueError, OverflowError):
        return unresolved(reason="out of calendar range")
    out_grain = {"decade": "year", "century": "year", "hour": "day", "minute": "day", "second": "day"}.get(grain, grain)
    return Reading("DATE", cal.value_of(d, out_grain), out_grain, anchor="publication")


# ---------------------------------------------------------------- times of day


def time_of_day(m: re.Match, ctx: Context) -> Reading | None:
    hour = int(m.group("hour"))
    minute = int(_g(m, "minute") or 0)
    ampm = (_g(m, "ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif hour > 23:
        return None
    elif not _g(m, "tz") and m.group(0)[m.end("hour") - m.start() : m.start("minute") - m.start()] == ".":
        return None  # "up from 7.41 million", "at 4.26 percent": a decimal, unless a zone or "hrs" follows
    day, anchor = _day_for_time(ctx)
    if day is None:
        return unresolved("TIME")
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", "minute", anchor=anchor)


def clock_in_part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    """'at 4 in the morning', 'at 8 o'clock in the evening': the part of the day says a.m. or p.m."""
    hour = int(m.group("hour"))
    minute = int(_g(m, "minute") or 0)
    part = m.group("part").lower()
    pm = part in ("afternoon", "evening") or (part == "night" and 6 <= hour < 12)
    hour = hour % 12 + (12 if pm else 0)
    day, anchor = _day_for_time(ctx)
    if day is None:
        return unresolved("TIME")
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}", "minute", anchor=anchor)


def _day_for_time(ctx: Context) -> tuple[dt.date | None, str]:
    prev = ctx.previous
    if prev is not None and prev.grain == "day" and 0 <= ctx.start - ctx.previous_end <= 40:
        between = ctx.text[ctx.previous_end : ctx.start]
        d = _concrete_day(prev.value)
        if d and not re.search(r"[.;!?\n]", between):
            return d, "timex"
    return ctx.pub, "publication"


def time_word(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("word").lower()
    if re.search(r"\bhigh\s+$", ctx.text[max(0, ctx.start - 6) : ctx.start], re.I):
        return None  # "High Noon", "high noon comes today": an idiom
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[word]
    day, anchor = _day_for_time(ctx)
    if day is None:
        return unresolved("TIME")
    return Reading("TIME", f"{day.isoformat()}T{clock}", "minute", anchor=anchor)
