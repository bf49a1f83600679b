"""Production functions: a regex match plus a context in, a :class:`Reading` out.

Small named functions, one per family of rules in ``rules.py``.  None means "this
match is not a temporal expression after all" (an absurd date, "May" the name).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

from timeline.timex import calendar as cal
from timeline.timex.lexicon import (
    FIXED_HOLIDAYS,
    FULL_MONTHS,
    MONTH_NUMBER,
    MOVABLE_HOLIDAYS,
    ORDINALS,
    PART_OF_DAY_CODE,
    REFS,
    SEASON_CODE,
    SETS,
    VAGUE_NUMBERS,
    WEEKDAY_NUMBER,
    number_value,
    unit_of,
    year_words_value,
)
from timeline.timex.tense import tense_at

GRAIN_ORDER = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")
NO_PUB = "no publication date"
NEAR_DAYS = 120  # a year-less date this close to publication is taken as the nearest one, whatever the tense


@dataclass(frozen=True)
class Reading:
    """What a production makes of a match; the resolver turns it into a ``Timex``."""

    type: str
    value: str | None
    grain: str | None = None
    mod: str | None = None
    anchor: str = "absolute"
    reason: str | None = None


@dataclass(frozen=True)
class Context:
    """Everything a production may look at. No clock: ``pub`` is the reference date."""

    text: str
    pub: dt.date | None
    start: int
    end: int
    previous: Reading | None = None  # the last resolved calendar date before this match
    previous_end: int = -1
    history: tuple[Reading, ...] = ()  # every resolved calendar date before this match, in text order

    def tense(self) -> str | None:
        return tense_at(self.text, self.start, self.end)

    def previous_at(self, grain: str) -> Reading | None:
        """The last earlier date at least as fine as ``grain`` ("the next day" needs a day)."""
        limit = GRAIN_ORDER.index(grain) if grain in GRAIN_ORDER else len(GRAIN_ORDER)
        for r in reversed(self.history):
            if r.grain in GRAIN_ORDER and GRAIN_ORDER.index(r.grain) <= limit:
                return r
        return None


def unresolved(type_: str = "DATE", reason: str = NO_PUB, anchor: str = "publication") -> Reading:
    return Reading(type_, None, anchor=anchor, reason=reason)


def _capitalized(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


# ---------------------------------------------------------------- dateparser for absolute strings

_PREFER = {"past": "past", "future": "future"}


@lru_cache(maxsize=8192)
def parse_absolute(surface: str, base: dt.date | None, prefer: str = "current_period",
                   order: str = "MDY") -> dt.date | None:
    """Parse a date string our regexes isolated. Never dateparser.search; never a clock."""
    settings = {
        "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time()),
        "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        got = dateparser.parse(surface, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return got.date() if got else None


def _prefer(tense: str | None) -> str:
    return _PREFER.get(tense or "", "current_period")


# ---------------------------------------------------------------- calendar dates


def _month_ok(m: re.Match, word: str | None) -> int | None:
    if not word or not _capitalized(word):
        return None
    return MONTH_NUMBER.get(word.lower().rstrip("."))


def calendar_date(m: re.Match, ctx: Context) -> Reading | None:
    month = _month_ok(m, _g(m, "month"))
    weekday = _g(m, "weekday")
    if month is None or (weekday and not _capitalized(weekday)):
        return None
    day = int(m.group("day"))
    year = _g(m, "year")
    if not 1 <= day <= 31:
        return None
    name = FULL_MONTHS[month - 1].capitalize()
    if year:
        got = parse_absolute(f"{name} {day}, {year}", None)
        if got is None or got.day != day or got.month != month:
            return None
        return Reading("DATE", got.isoformat(), "day")
    if ctx.pub is None:
        return unresolved()
    if weekday:
        wd = WEEKDAY_NUMBER[weekday.lower()]
        for y in (ctx.pub.year, ctx.pub.year - 1, ctx.pub.year + 1):
            try:
                cand = dt.date(y, month, day)
            except ValueError:
                return None
            if cand.weekday() == wd:
                return Reading("DATE", cand.isoformat(), "day", anchor="publication")
    got = parse_absolute(f"{name} {day}", ctx.pub, "current_period")
    if got is None or got.day != day:
        return None
    nearest = min((cal.add_months(got, 12 * k) for k in (-1, 0, 1)), key=lambda d: abs((d - ctx.pub).days))
    if abs((nearest - ctx.pub).days) > NEAR_DAYS:  # far either way: let the tense decide
        tense = ctx.tense()
        if tense in ("past", "future"):
            got = parse_absolute(f"{name} {day}", ctx.pub, _prefer(tense)) or nearest
            if tense == "future" and (got.month, got.day) == (ctx.pub.month, ctx.pub.day):
                got = ctx.pub
            return Reading("DATE", got.isoformat(), "day", anchor="publication")
    return Reading("DATE", nearest.isoformat(), "day", anchor="publication")


def numeric_date(m: re.Match, ctx: Context) -> Reading | None:
    iso = _g(m, "iso")
    if iso:
        try:
            return Reading("DATE", dt.date.fromisoformat(iso).isoformat(), "day")
        except ValueError:
            return None
    a, b, year = int(m.group("num1")), int(m.group("num2")), m.group("year")
    sep = m.group("sep")
    order = "DMY" if sep == "." or a > 12 else "MDY"
    month, day = (b, a) if order == "DMY" else (a, b)
    try:
        dt.date(int(year), month, day)
    except ValueError:
        return None
    got = parse_absolute(f"{m.group('num1')}/{m.group('num2')}/{year}", None, order=order)
    if got is None or (got.month, got.day) != (month, day):
        return None
    return Reading("DATE", got.isoformat(), "day")


def month_year(m: re.Match, ctx: Context) -> Reading | None:
    month = _month_ok(m, m.group("month"))
    if month is None:
        return None
    return Reading("DATE", f"{int(m.group('year')):04d}-{month:02d}", "month")


def _month_by_tense(month: int, pub: dt.date, tense: str | None) -> dt.date:
    this = dt.date(pub.year, month, 1)
    first = dt.date(pub.year, pub.month, 1)
    before = this if this <= first else dt.date(pub.year - 1, month, 1)
    after = this if this >= first else dt.date(pub.year + 1, month, 1)
    nearest = before if (first - before).days <= (after - first).days else after
    if abs((nearest - first).days) <= NEAR_DAYS:
        return nearest
    if tense == "past":
        return before
    if tense == "future":
        return after
    return nearest  # ties go to the past: news reports what happened


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|to|before|after|during|of|early|late|mid|last|next|this|"
    r"end|beginning|start|middle|and|or|between)\s+(?:early\s+|late\s+|mid-?)?|mid-)$", re.I)


def month_alone(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("month")
    month = _month_ok(m, word)
    if month is None:
        return None
    low = word.lower()
    if re.match(r"\s*\d", ctx.text[ctx.end : ctx.end + 3]):
        return None  # "February 30": a day that does not exist, or a number that is no day
    if len(low.rstrip(".")) <= 4 and not low.endswith(".") and low not in ("may", "june", "july"):
        return None  # "Jan" the name; abbreviations stand alone only with their dot
    ambiguous = low in ("may", "march") or len(low) <= 5
    if ambiguous and not _MONTH_CONTEXT.search(ctx.text[max(0, ctx.start - 20) : ctx.start]):
        return None
    if ctx.pub is None:
        return unresolved()
    d = _month_by_tense(month, ctx.pub, ctx.tense())
    return Reading("DATE", f"{d.year:04d}-{d.month:02d}", "month", anchor="publication")


def month_relative(m: re.Match, ctx: Context) -> Reading | None:
    month = _month_ok(m, m.group("month"))
    if month is None:
        return None
    if ctx.pub is None:
        return unresolved()
    rel = m.group("rel").lower().split()[-1]
    first = dt.date(ctx.pub.year, ctx.pub.month, 1)
    this = dt.date(ctx.pub.year, month, 1)
    if rel in ("last", "past"):
        d = this if this < first else dt.date(ctx.pub.year - 1, month, 1)
    elif rel == "next":
        d = this if this > first else dt.date(ctx.pub.year + 1, month, 1)
    else:
        d = this
    return Reading("DATE", f"{d.year:04d}-{d.month:02d}", "month", anchor="publication")


_NOT_YEAR_AFTER = re.compile(
    r"\s+(?:troops|people|soldiers|workers|employees|jobs|points?|shares|miles|km|kilometers|feet|meters|metres|tons|"
    r"tonnes|units|cars|vehicles|homes|houses|votes|members|residents|civilians|deaths|cases|dollars|euros|pounds|yen|"
    r"barrels|acres|students|children|men|women|refugees|prisoners|rounds|years|hours|days|lives|copies|pages|"
    r"tanks|aircraft|planes|jets|guns|missiles|rockets|weapons|ships|boats|trucks|buses|machines|computers|"
    r"words|persons|individuals|kg|lbs|ft|m|rubles|yuan|rupees|other|more|to\s+\d{1,3}\b)\b", re.I)


def year_alone(m: re.Match, ctx: Context) -> Reading | None:
    year = int(m.group("year"))
    if not 1000 <= year <= 2099:
        return None
    if _NOT_YEAR_AFTER.match(ctx.text, ctx.end):
        return None
    before = ctx.text[max(0, ctx.start - 12) : ctx.start]
    if re.search(r"(?:\bNo\.?|\bnumber|#|\bRoom|\bflight|\bRoute|\bsection|\barticle|\$|\d-)\s*$", before, re.I):
        return None
    return Reading("DATE", f"{year:04d}", "year")


def year_range(m: re.Match, ctx: Context) -> Reading | None:
    return None


def decade(m: re.Match, ctx: Context) -> Reading | None:
    words = _g(m, "words")
    if words:
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        digit = tens.index(words.lower()) + 2
        century = 19 if ctx.pub is None or digit * 10 > ctx.pub.year % 100 else 20
        return Reading("DATE", f"{century}{digit}X", "decade")
    d = m.group("decade").lstrip("'")
    if len(d) == 2:
        century = "19" if int(d) >= 30 else "20"
        return Reading("DATE", f"{century}{d[0]}X", "decade")
    return Reading("DATE", f"{d[:3]}X", "decade")


def century(m: re.Match, ctx: Context) -> Reading | None:
    ord_ = _g(m, "ord")
    if ord_:
        n = ORDINALS.get(ord_.lower()) or int(re.sub(r"\D", "", ord_) or 0)
        if not 1 <= n <= 30:
            return None
        return Reading("DATE", f"{n - 1:02d}", "century")
    if ctx.pub is None:
        return unresolved()
    rel = m.group("rel").lower().split()[-1]
    off = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    return Reading("DATE", f"{ctx.pub.year // 100 + off:02d}", "century", anchor="publication")


def _season_candidates(code: str, pub: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    out = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        first, last = cal.bounds(f"{y}-{code}")
        out.append((f"{y}-{code}", first, last))
    return out  # type: ignore[return-value]


def season(m: re.Match, ctx: Context) -> Reading | None:
    code = SEASON_CODE[m.group("season").lower()]
    year = _g(m, "year")
    if year:
        return Reading("DATE", f"{int(year):04d}-{code}", "quarter")
    if ctx.pub is None:
        return unresolved()
    rel = (_g(m, "rel") or "").lower().split()[-1:] or [""]
    rel_ = rel[0]
    cands = _season_candidates(code, ctx.pub)
    pub = ctx.pub
    if rel_ in ("last", "past"):
        pick = [c for c in cands if c[2] < pub][-1]
    elif rel_ in ("next", "coming"):
        pick = [c for c in cands if c[1] > pub][0]
    elif rel_ == "this" or not rel_:
        tense = ctx.tense() if not rel_ else None
        current = [c for c in cands if c[1] <= pub <= c[2]]
        if current:
            pick = current[0]
        elif tense == "past":
            pick = [c for c in cands if c[2] < pub][-1]
        elif tense == "future":
            pick = [c for c in cands if c[1] > pub][0]
        else:
            pick = cands[1]
    else:  # early/late <season>: this year's
        pick = cands[1]
    mod = {"early": "START", "late": "END"}.get(rel_)
    return Reading("DATE", pick[0], "quarter", mod=mod, anchor="publication")


# ---------------------------------------------------------------- quarters

_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def quarter(m: re.Match, ctx: Context) -> Reading | None:
    half = m.group("unit").lower() == "half"
    qword = m.group("q").lower()
    year = _g(m, "year") or _g(m, "yearpre")
    if qword == "last" and not year:
        return None  # "the last quarter": quarter-relative
    q = (2 if half else 4) if qword == "last" else _Q[qword]
    if half and q > 2:
        return None
    code = f"H{q}" if half else f"Q{q}"
    if year:
        return Reading("DATE", f"{int(year):04d}-{code}", "quarter")
    if ctx.pub is None:
        return unresolved()
    y = ctx.pub.year
    yref = (_g(m, "yearref") or "").lower()
    if _g(m, "yearago"):
        y -= 1
    elif yref:
        y += {"this": 0, "last": -1, "next": 1}[yref]
    else:
        current = cal.quarter_of(ctx.pub) if not half else (1 if ctx.pub.month <= 6 else 2)
        tense = ctx.tense()
        if tense == "future" and q < current:
            y += 1
        elif tense == "past" and q > current:
            y -= 1
    return Reading("DATE", f"{y:04d}-{code}", "quarter", anchor="publication")


def _previous_quarter(pub: dt.date) -> dt.date:
    return cal.add_months(pub, -3)


def quarter_relative(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.pub is None:
        return unresolved()
    rel = re.sub(r"\s+", "-", (_g(m, "rel") or "the").lower())
    unit = m.group("unit").lower()
    if unit == "period" and rel not in ("year-ago", "year-earlier", "latest", "comparable", "same"):
        return None
    if unit == "half":
        d = ctx.pub if rel in ("this", "current") else cal.add_months(ctx.pub, 6 if rel == "next" else -6)
        return Reading("DATE", f"{d.year:04d}-H{1 if d.month <= 6 else 2}", "quarter", anchor="publication")
    reported = _previous_quarter(ctx.pub) if (ctx.pub.month - 1) % 3 < 2 else ctx.pub
    if rel in ("this", "current"):
        d = ctx.pub
    elif rel in ("the", "fiscal", "latest", "same", "comparable"):
        d = reported
    elif rel in ("last", "previous", "past"):
        d = _previous_quarter(ctx.pub)
    elif rel == "next":
        d = cal.add_months(ctx.pub, 3)
    else:  # year-ago / year-earlier
        d = cal.add_months(reported, -12)
    return Reading("DATE", cal.value_of(d, "quarter"), "quarter", anchor="publication")


def quarter_of_year(m: re.Match, ctx: Context) -> Reading | None:
    """'the 1988 quarter', 'the 1989 period': the reported quarter of that year."""
    if ctx.pub is None:
        return unresolved()
    reported = _previous_quarter(ctx.pub) if (ctx.pub.month - 1) % 3 < 2 else ctx.pub
    prev = ctx.previous_at("quarter")
    if prev is not None and prev.grain == "quarter" and prev.value and prev.value[5:6] == "Q":
        return Reading("DATE", f"{m.group('year')}-{prev.value[5:7]}", "quarter", anchor="timex")
    return Reading("DATE", f"{m.group('year')}-Q{cal.quarter_of(reported)}", "quarter", anchor="publication")


def year_ago_adjective(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.pub is None:
        return unresolved()
    following = ctx.text[ctx.end : ctx.end + 30].lower()
    if re.match(r"\s+(?:\w+\s+)?(?:quarter|period)", following):
        reported = _previous_quarter(ctx.pub) if (ctx.pub.month - 1) % 3 < 2 else ctx.pub
        return Reading("DATE", cal.value_of(cal.add_months(reported, -12), "quarter"), "quarter", anchor="publication")
    return _year_ago(ctx, 1)


def _year_ago(ctx: Context, years: int) -> Reading:
    """'a year ago' in a report on a quarter is that quarter a year before (TimeBank's reading)."""
    assert ctx.pub is not None
    prev = ctx.previous
    if prev is not None and prev.grain == "quarter" and prev.value and re.fullmatch(r"\d{4}-Q\d", prev.value):
        if int(prev.value[:4]) >= ctx.pub.year - 1:
            return Reading("DATE", f"{int(prev.value[:4]) - years:04d}{prev.value[4:]}", "quarter", anchor="timex")
    return Reading("DATE", f"{ctx.pub.year - years:04d}", "year", anchor="publication")


# ---------------------------------------------------------------- days, weekdays, parts of day

_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1,
            "the day before yesterday": -2, "the day after tomorrow": 2}


def deictic_day(m: re.Match, ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m.group("deictic").lower())
    if ctx.pub is None:
        return unresolved("TIME" if word == "tonight" else "DATE")
    d = ctx.pub + dt.timedelta(days=_DEICTIC[word])
    if word == "tonight":
        return Reading("TIME", f"{d.isoformat()}TNI", "day", anchor="publication")
    return Reading("DATE", d.isoformat(), "day", anchor="publication")


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
    if tense == "present":
        ahead, back = delta % 7, (-delta) % 7
        return pub + dt.timedelta(days=ahead) if ahead < back else pub - dt.timedelta(days=back)
    return pub - dt.timedelta(days=(-delta) % 7)


def weekday(m: re.Match, ctx: Context) -> Reading | None:
    word = m.group("weekday")
    if not _capitalized(word):
        return None
    part = _g(m, "part")
    if ctx.pub is None:
        return unresolved("TIME" if part else "DATE")
    rel = (_g(m, "rel") or "").lower().split()[-1:] or [""]
    d = resolve_weekday(WEEKDAY_NUMBER[word.lower()], ctx.pub, rel[0], None if rel[0] else ctx.tense())
    if part:
        return Reading("TIME", f"{d.isoformat()}T{PART_OF_DAY_CODE[part.lower()]}", "day", anchor="publication")
    return Reading("DATE", d.isoformat(), "day", anchor="publication")


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


HOLIDAY_RE = "|".join([f"(?:{s})" for s, _, _ in FIXED_HOLIDAYS] + [f"(?:{s})" for s, *_ in MOVABLE_HOLIDAYS]
                      + ["easter(?: sunday)?", "good friday"])


def _holiday_on(name: str, year: int) -> dt.date | None:
    for pattern, month, day in FIXED_HOLIDAYS:
        if re.fullmatch(pattern, name):
            return dt.date(year, month, day)
    for pattern, month, wd, nth in MOVABLE_HOLIDAYS:
        if re.fullmatch(pattern, name):
            return cal.nth_weekday(year, month, wd, nth)
    if name.startswith("easter"):
        return cal.easter(year)
    if name == "good friday":
        return cal.easter(year) - dt.timedelta(days=2)
    return None


def holiday(m: re.Match, ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", m.group("holiday").lower()).replace("’", "'")
    if not _capitalized(m.group("holiday")):
        return None
    year = _g(m, "year")
    if year:
        d = _holiday_on(name, int(year))
        return Reading("DATE", d.isoformat(), "day") if d else None
    if ctx.pub is None:
        return unresolved()
    rel = (_g(m, "rel") or "").lower()
    tense = None if rel else ctx.tense()
    cands = [d for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1) if (d := _holiday_on(name, y))]
    if rel == "last" or (not rel and tense == "past"):
        pick = [d for d in cands if d <= ctx.pub][-1]
    elif rel == "next" or (not rel and tense == "future"):
        pick = [d for d in cands if d >= ctx.pub][0]
    else:
        pick = min(cands, key=lambda d: abs((d - ctx.pub).days))  # type: ignore[operator]
    return Reading("DATE", pick.isoformat(), "day", anchor="publication")


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


def period_relative(m: re.Match, ctx: Context) -> Reading | None:
    rel_words = re.sub(r"\s+", " ", m.group("rel").lower()).split()
    unit = m.group("unit").lower()
    has_the = rel_words[0] == "the"
    rel = rel_words[-1]
    if rel == "same":
        return None
    if unit == "quarter":
        return None  # quarter-relative handles it
    if rel in ("past", "last", "recent") and (has_the or rel == "past") and unit not in ("weekend",):
        duration = _duration_value(1, unit)
        return Reading("DURATION", duration, None)
    if has_the and rel in ("next", "following", "previous") and ctx.previous_at(unit) is not None:
        return _shift_previous(ctx, unit, _OFFSET[rel])
    if ctx.pub is None:
        return unresolved()
    value, grain = _period_value(ctx.pub, unit, _OFFSET[rel])
    return Reading("DATE", value, grain, anchor="publication")


def weekend(m: re.Match, ctx: Context) -> Reading | None:
    """'the weekend' just past (or coming, in the future tense); 'last/next/this weekend'."""
    if ctx.pub is None:
        return unresolved()
    word = m.group(0).lower().split()[0]
    wd = ctx.pub.weekday()
    if word == "last":
        off = -1 if wd < 5 else -1
    elif word == "next":
        off = 1
    elif word == "this":
        off = 0
    else:  # the weekend / over the weekend
        tense = ctx.tense()
        off = 0 if wd >= 5 or tense == "future" else -1
    value, grain = _period_value(ctx.pub, "weekend", off)
    return Reading("DATE", value, grain, anchor="publication")


def year_end(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.pub is None:
        return unresolved()
    return Reading("DATE", f"{ctx.pub.year:04d}", "year", mod="END", anchor="publication")


def year_ended(m: re.Match, ctx: Context) -> Reading | None:
    """'the year ended Sept. 30': TimeBank annotates the year as a one-year duration."""
    return Reading("DURATION", "P1Y", None)


def year_words(m: re.Match, ctx: Context) -> Reading | None:
    year = year_words_value(m.group("words"))
    if year is None:
        return None
    month = _g(m, "month")
    if month:
        number = _month_ok(m, month)
        return Reading("DATE", f"{year:04d}-{number:02d}", "month") if number else None
    return Reading("DATE", f"{year:04d}", "year")


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


def _shift_previous(ctx: Context, unit: str, n: int) -> Reading:
    """The previous date in the text moved by n units, at the coarser of both grains."""
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
    if n and prev.grain in ("day", "month", "quarter") and GRAIN_ORDER.index(prev.grain) < GRAIN_ORDER.index(unit):
        grain = prev.grain  # "a year earlier" than the third quarter: the third quarter a year before
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


def narrative(m: re.Match, ctx: Context) -> Reading | None:
    words = re.sub(r"\s+", " ", m.group("phrase").lower()).split()
    unit = next((w for w in reversed(words) if w in ("day", "morning", "afternoon", "evening", "night", "week",
                                                        "month", "year")), "day")
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


def ago(m: re.Match, ctx: Context) -> Reading | None:
    unit_row = unit_of(m.group("unit"))
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    num = _g(m, "num")
    n = number_value(num) if num else None
    sign = -1 if direction in ("ago", "before", "earlier", "previously") else 1
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
    if direction in ("earlier", "later", "afterwards", "afterward") and ctx.previous_at(step_unit):
        return _shift_previous(ctx, step_unit, sign * count)
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
    clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[word]
    day, anchor = _day_for_time(ctx)
    if day is None:
        return unresolved("TIME")
    return Reading("TIME", f"{day.isoformat()}T{clock}", "minute", anchor=anchor)


# ---------------------------------------------------------------- durations and sets


def recent_period(m: re.Match, ctx: Context) -> Reading | None:
    """'recent weeks' PXW (TimeBank annotates them as vague durations), 'recent years' PAST_REF."""
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if rel == "recent" and unit in ("years", "decades"):
        return Reading("DATE", "PAST_REF", None, anchor="publication")
    if rel in ("coming", "next") and unit in ("years", "decades"):
        return Reading("DATE", "FUTURE_REF", None, anchor="publication")
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
    if grain == "quarter" and amount != "X":
        return f"P{int(float(amount)) * 3}M"
    if grain == "quarter":
        return "PXQ"
    return f"P{'T' if time else ''}{amount}{letter}"


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
    if _g(m, "half") and n is not None:
        n += 0.5
    if n is not None and unit.lower().rstrip("s") in ("second", "minute", "quarter") and num and num.lower() in ("a", "an") \
            and unit.lower() == "second":
        return None
    return Reading("DURATION", _duration_value(n, unit), None)


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
            return Reading("SET", value, None)
    return None


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
    if not _capitalized(word) or not (m.group("plural") or m.group(0).lower().startswith(("every", "each"))):
        return None
    return Reading("SET", f"XXXX-WXX-{WEEKDAY_NUMBER[word.lower()] + 1}", None)


_REF_VALUE = [(re.compile(f"(?:{s})$", re.I), v) for s, v in REFS]


def ref(m: re.Match, ctx: Context) -> Reading | None:
    surface = re.sub(r"\s+", " ", m.group("ref"))
    for pattern, value in _REF_VALUE:
        if pattern.match(surface):
            return Reading("DATE", value, None, anchor="publication")
    return None
