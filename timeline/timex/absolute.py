"""Productions for calendar expressions: dates, months, years, decades, centuries, seasons, quarters, holidays.

Each is a small named function: a regex match and a :class:`Context` in, a :class:`Reading`
(or None to reject the match) out.  Year-less forms resolve against the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from timeline.timex import calendar as cal
from timeline.timex.lexicon import (
    FIXED_HOLIDAYS,
    FULL_MONTHS,
    MONTH_NUMBER,
    MOVABLE_HOLIDAYS,
    NAME_HEAD_RE,
    ORDINALS,
    SEASON_CODE,
    WEEKDAY_NUMBER,
    year_words_value,
)
from timeline.timex.tense import sentence_span
from timeline.timex.reading import (
    NEAR_DAYS,
    NEAR_MONTH_DAYS,
    Context,
    Reading,
    _capitalized,
    _g,
    month_day_found,
    month_day_year,
    numeric_day,
    pick_by_tense,
    unresolved,
)

# ---------------------------------------------------------------- calendar dates


def _month_ok(m: re.Match, word: str | None) -> int | None:
    if not word or not _capitalized(word):
        return None
    return MONTH_NUMBER.get(word.lower().rstrip("."))


def calendar_date(m: re.Match, ctx: Context) -> Reading | None:
    """'Dec. 14, 2021', '14 December', 'Tuesday (14 December)', 'June 7-14'."""
    reading = _calendar_day(m, ctx)
    day2 = _g(m, "day2")
    if reading is None or not day2 or reading.value is None:
        return reading
    first = dt.date.fromisoformat(reading.value)
    if not first.day < int(day2) <= 31 or not _exists(first.year, first.month, int(day2)):
        return None
    return replace(reading, through=first.replace(day=int(day2)))


def _calendar_day(m: re.Match, ctx: Context) -> Reading | None:
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
        got = month_day_year(name, month, day, int(year))
        return None if got is None else Reading("DATE", got.isoformat(), "day")
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
    if not month_day_found(name, month, day, ctx.pub):
        return None
    years = (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1)
    candidates = [dt.date(y, month, day) for y in years if cal.valid_year(y) and _exists(y, month, day)]
    if not candidates:
        return None
    if _ENDED_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start) and (done := [c for c in candidates if c <= ctx.pub]):
        return Reading("DATE", done[-1].isoformat(), "day", anchor="publication")  # "the fiscal year ended Jan. 31"
    return Reading("DATE", pick_by_tense(candidates, ctx.pub, ctx.tense).isoformat(), "day", anchor="publication")


_ENDED_BEFORE = re.compile(r"\b(?:ended|closed)\s+(?:on\s+)?$", re.I)  # a period that has ended: the last such day


def relative_month_day(m: re.Match, ctx: Context) -> Reading | None:
    """'last December 14' (the latest before publication), 'next March 31' (the first after it), 'this May 5'."""
    month = _month_ok(m, _g(m, "month"))
    day = int(m.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    if ctx.pub is None:
        return unresolved()
    rel = m.group("rel").lower().split()[-1]
    years = (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1)
    candidates = [dt.date(y, month, day) for y in years if cal.valid_year(y) and _exists(y, month, day)]
    if rel in ("last", "past"):
        picked = [c for c in candidates if c < ctx.pub][-1:]
    elif rel in ("next", "coming"):
        picked = [c for c in candidates if c > ctx.pub][:1]
    else:
        picked = [c for c in candidates if c.year == ctx.pub.year]
    return Reading("DATE", picked[0].isoformat(), "day", anchor="publication") if picked else None


def week_of_date(m: re.Match, ctx: Context) -> Reading | None:
    """'a hearing the week of March 6': the ISO week holding that day."""
    day = _calendar_day(m, ctx)
    if day is None or day.value is None:
        return day
    return Reading("DATE", cal.week_value(dt.date.fromisoformat(day.value)), "week", anchor=day.anchor)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


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
    got = numeric_day(m.group("num1"), m.group("num2"), year, order, month, day)
    return None if got is None else Reading("DATE", got.isoformat(), "day")


def month_year(m: re.Match, ctx: Context) -> Reading | None:
    month = _month_ok(m, m.group("month"))
    if month is None:
        return None
    return Reading("DATE", f"{int(m.group('year')):04d}-{month:02d}", "month")


def _month_by_tense(month: int, pub: dt.date, tense_of: Callable[[], str | None]) -> dt.date:
    first = dt.date(pub.year, pub.month, 1)
    return pick_by_tense([dt.date(pub.year + k, month, 1) for k in (-1, 0, 1) if cal.valid_year(pub.year + k)],
                         first, tense_of, NEAR_MONTH_DAYS, present_nearest=True)


_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|to|before|after|during|of|early|late|mid|last|next|this|"
    r"end|beginning|start|middle|and|or|between)\s+(?:early\s+|late\s+|mid-?)?|mid-)$", re.I)


# "the March accession", "a June agreement": a month before a common noun, after an article
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_COMMON_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}\b(?!\s+(?:to|of)\b)")


def _month_adjective(ctx: Context) -> bool:
    return bool(_ARTICLE_BEFORE.search(ctx.text[max(0, ctx.start - 6) : ctx.start])
                and _COMMON_NOUN_AFTER.match(ctx.text, ctx.end))


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
    if ambiguous and not _MONTH_CONTEXT.search(ctx.text[max(0, ctx.start - 20) : ctx.start]) \
            and not _month_adjective(ctx):
        return None
    if ctx.pub is None:
        return unresolved()
    d = _month_by_tense(month, ctx.pub, ctx.tense)
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
        if rel == "last" and cal.add_months(d, 1) == first:
            d = dt.date(d.year - 1, month, 1)  # "last February" on March 1: the month just ended is "last month"
    elif rel == "next":
        d = this if this > first else dt.date(ctx.pub.year + 1, month, 1)
    else:
        d = this
    return Reading("DATE", f"{d.year:04d}-{d.month:02d}", "month", anchor="publication")


def month_of_relative_year(m: re.Match, ctx: Context) -> Reading | None:
    """'June last year', 'January this year'."""
    month = _month_ok(m, m.group("month"))
    if month is None:
        return None
    if ctx.pub is None:
        return unresolved()
    year = ctx.pub.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return Reading("DATE", f"{year:04d}-{month:02d}", "month", anchor="publication")


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
    """'the 1980-1988 war', 'fiscal 1996-97', '2007-13': from the first year through the last."""
    first = int(m.group("year"))
    y2 = m.group("year2")
    last = int(y2) if len(y2) == 4 else first // 100 * 100 + int(y2)
    if not (1000 <= first < last <= min(first + 100, 2099)) or _NOT_YEAR_AFTER.match(ctx.text, ctx.end):
        return None
    return Reading("DATE", f"{first:04d}", "year", through=dt.date(last, 12, 31))


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def decade(m: re.Match, ctx: Context) -> Reading | None:
    words = _g(m, "words")
    if words:
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        digit = tens.index(words.lower()) + 2
        century = 19 if ctx.pub is None else ctx.pub.year // 100 - (digit * 10 > ctx.pub.year % 100)
        return Reading("DATE", f"{century}{digit}X", "decade")  # the latest such decade: 1998's "nineties" are 199X
    d = m.group("decade").lstrip("'")
    if len(d) == 2:
        if _AGE_BEFORE.search(ctx.text, max(0, ctx.start - 30), ctx.start):
            return None  # "in his 30s": an age
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
        first, last = cal.bounds(f"{y:04d}-{code}")
        if first and last:  # not at the edges of the calendar
            out.append((f"{y:04d}-{code}", first, last))
    return out


def season(m: re.Match, ctx: Context) -> Reading | None:
    code = SEASON_CODE[m.group("season").lower()]
    year = _g(m, "year")
    if year:
        return Reading("DATE", f"{int(year):04d}-{code}", "quarter")
    if ctx.pub is None:
        return unresolved()
    rel_ = ((_g(m, "rel") or "").lower().split() or [""])[-1]
    cands = _season_candidates(code, ctx.pub)
    pub = ctx.pub
    before = [c for c in cands if c[2] < pub]
    after = [c for c in cands if c[1] > pub]
    current = [c for c in cands if c[1] <= pub <= c[2]]
    this_year = [c for c in cands if c[0].startswith(f"{pub.year:04d}")]
    if rel_ in ("last", "past"):
        picks = before[-1:]
    elif rel_ in ("next", "coming"):
        picks = after[:1]
    elif rel_ == "this" or not rel_:
        tense = ctx.tense() if not rel_ else None
        picks = current or (before[-1:] if tense == "past" else after[:1] if tense == "future" else this_year)
    else:  # early/late <season>: this year's
        picks = this_year
    if not picks:
        return unresolved(reason="outside the calendar range")
    pick = picks[0]
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
        if tense == "future" and q < current - 1:  # "will report third-quarter results" in November: this year's
            y += 1
        elif tense == "past" and q > current:
            y -= 1
    return Reading("DATE", f"{y:04d}-{code}", "quarter", anchor="publication")


def _previous_quarter(pub: dt.date) -> dt.date:
    return cal.add_months(pub, -3)


_ENDED = re.compile(r"\s+(?:that\s+)?(ended|ending|ends)\s+([A-Z][a-z]+)\.?\s+\d")


_RESULTS_AFTER = re.compile(r"['’]s\s+(?:[a-z-]+\s+)?(?:loss|losses|profit|profits|earnings|results|net|sales|revenue)\b",
                            re.I)


def half_of_year(m: re.Match, ctx: Context) -> Reading | None:
    """'the first two quarters of 1990': its first half (1990-H1); 'the last two quarters of 1990': 1990-H2."""
    half = 1 if m.group("which").lower() == "first" else 2
    return Reading("DATE", f"{m.group('year')}-H{half}", "quarter")


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
    ended = _ENDED.match(ctx.text, ctx.end)
    if ended and rel in ("the", "fiscal", "latest") and (month := MONTH_NUMBER.get(ended.group(2).lower())):
        if ended.group(1).lower() == "ended":
            year = ctx.pub.year if month <= ctx.pub.month else ctx.pub.year - 1
        else:  # "ending", "ends": the one under way or ahead
            year = ctx.pub.year if month >= ctx.pub.month else ctx.pub.year + 1
        middle = cal.add_months(dt.date(year, month, 1), -1)  # "the quarter ended July 31": May to July, mostly Q2
        return Reading("DATE", cal.value_of(middle, "quarter"), "quarter", anchor="publication")
    if rel == "this" and _RESULTS_AFTER.match(ctx.text, ctx.end):
        d = reported  # "This quarter's loss includes charges" early in the next quarter: the quarter reported on
    elif rel in ("this", "current"):
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


def same_period_last_year(m: re.Match, ctx: Context) -> Reading | None:
    """'the corresponding period last year', 'the quarter a year ago', "last year's third quarter":
    the period in focus (or the named quarter) of the year before."""
    if ctx.pub is None:
        return unresolved()
    q = _g(m, "q")
    if q:
        return Reading("DATE", f"{ctx.pub.year - 1:04d}-Q{ORDINALS[q.lower()]}", "quarter", anchor="publication")
    # the period in focus, a year before: "the first half of 2005 against the same period last year"
    unit = (_g(m, "unit") or _g(m, "unit2") or "").lower()
    shape = r"\d{4}-\d\d" if unit == "month" else r"\d{4}-Q\d" if unit == "quarter" else r"\d{4}-(?:Q\d|H\d|\d\d)"
    for prev in reversed(ctx.history[-3:]):  # "the third quarter ended Sept. 30": the quarter, not its last day
        if prev.value and re.fullmatch(shape, prev.value):
            return Reading("DATE", f"{int(prev.value[:4]) - 1:04d}{prev.value[4:]}", prev.grain, anchor="timex")
    return Reading("DATE", f"{ctx.pub.year - 1:04d}", "year", anchor="publication")  # some part of last year


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
        if int(prev.value[:4]) == ctx.pub.year:
            return Reading("DATE", f"{int(prev.value[:4]) - years:04d}{prev.value[4:]}", "quarter", anchor="timex")
    lo, _ = sentence_span(ctx.text, ctx.start, ctx.end)
    if _QUARTER_WORD.search(ctx.text, lo, ctx.start) and (q := _quarter_reported(ctx)):
        # "sales for the quarter ended Sept. 29 rose from $388.5 million a year earlier": a date came between
        return Reading("DATE", f"{int(q[:4]) - years:04d}{q[4:]}", "quarter", anchor="timex")
    return Reading("DATE", f"{ctx.pub.year - years:04d}", "year", anchor="publication")


_QUARTER_WORD = re.compile(r"\bquarter\b", re.I)


def _quarter_reported(ctx: Context) -> str | None:
    """The quarter last named in the text, if it is one of the publication year."""
    for r in reversed(ctx.history):
        if r.grain == "quarter" and r.value and re.fullmatch(r"\d{4}-Q\d", r.value):
            return r.value if ctx.pub is not None and int(r.value[:4]) == ctx.pub.year else None
    return None


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
    if not _capitalized(m.group("holiday")) or NAME_HEAD_RE.match(ctx.text, ctx.end):
        return None  # "Good Friday Agreement"
    year = _g(m, "year")
    if year:
        d = _holiday_on(name, int(year))
        return Reading("DATE", d.isoformat(), "day") if d else None
    if ctx.pub is None:
        return unresolved()
    rel = (_g(m, "rel") or "").lower()
    cands = [d for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1) if (d := _holiday_on(name, y))]
    nearest = min(cands, key=lambda d: abs((d - ctx.pub).days))  # type: ignore[operator]
    tense = None if rel or abs((nearest - ctx.pub).days) <= NEAR_DAYS else ctx.tense()
    if rel == "last" or (not rel and tense == "past"):
        pick = [d for d in cands if d <= ctx.pub][-1]
    elif rel == "next" or (not rel and tense == "future"):
        pick = [d for d in cands if d >= ctx.pub][0]
    else:
        pick = nearest
    return Reading("DATE", pick.isoformat(), "day", anchor="publication")


def year_words(m: re.Match, ctx: Context) -> Reading | None:
    year = year_words_value(m.group("words"))
    if year is None or _NOT_YEAR_AFTER.match(ctx.text, ctx.end):
        return None  # "two thousand years", "nineteen twenty people": amounts
    month = _g(m, "month")
    if month:
        number = _month_ok(m, month)
        return Reading("DATE", f"{year:04d}-{number:02d}", "month") if number else None
    if season := _g(m, "season"):  # "the winter of nineteen ninety-four"
        return Reading("DATE", f"{year:04d}-{SEASON_CODE[season.lower()]}", "quarter")
    return Reading("DATE", f"{year:04d}", "year")
