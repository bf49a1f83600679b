"""What productions exchange: the :class:`Reading` they return and the :class:`Context` they read.

Also the one place dateparser is called, on strings our own regexes isolated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import dateparser

from timeline.timex.tense import tense_at

GRAIN_ORDER = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century")
NO_PUB = "no publication date"
NEAR_DAYS = 120  # a year-less date this close to publication is taken as the nearest one, whatever the tense
NEAR_MONTH_DAYS = 62  # ... and a year-less month this close (two months): "stepped down in March" in November is past


@dataclass(frozen=True)
class Reading:
    """What a production makes of a match; the resolver turns it into a ``Timex``."""

    type: str
    value: str | None
    grain: str | None = None
    mod: str | None = None
    anchor: str = "absolute"
    reason: str | None = None
    through: dt.date | None = None  # last day of a range ("June 7-14"): the value is its first day


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
    tenses: dict[tuple[int, int], str | None] | None = field(default=None, compare=False, repr=False)

    def tense(self) -> str | None:
        """Tense of the governing clause, computed once per span and document (``tenses`` is per call)."""
        if self.tenses is None:
            return tense_at(self.text, self.start, self.end)
        key = (self.start, self.end)
        if key not in self.tenses:
            self.tenses[key] = tense_at(self.text, self.start, self.end)
        return self.tenses[key]

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


# Strings our rules build whose dateparser reading is plain calendar arithmetic.  Checked against
# dateparser itself: "December 14, 2021" for every month and day 28-31 of every year 1000-2099 and
# days 1-27 of every 7th year (107,556 strings, no difference); outside CHECKED_YEARS dateparser reads them.
CHECKED_YEARS = range(1000, 2100)


def month_day_year(name: str, month: int, day: int, year: int) -> dt.date | None:
    """dateparser's reading of '``name`` ``day``, ``year``' when it is that very day, else None."""
    if year in CHECKED_YEARS:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    got = parse_absolute(f"{name} {day}, {year}", None)
    return got if got is not None and got.day == day and got.month == month else None


# "December 14" near any publication date: dateparser finds that day whenever every year has it
# (checked on 32,766 strings: every month, days 1-27 sampled and the month's last common day, against
# 219 publication dates from 0001-01-01 to 9999-12-31, no difference).  Feb 29, April 31 and the like still ask it.
DAYS_IN_EVERY_YEAR = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_day_found(name: str, month: int, day: int, pub: dt.date) -> bool:
    """Whether dateparser reads '``name`` ``day``' near ``pub`` as that day of the month."""
    if 1 <= day <= DAYS_IN_EVERY_YEAR[month - 1]:
        return True
    got = parse_absolute(f"{name} {day}", pub, "current_period")
    return got is not None and got.day == day


# "12/14/2021" and "14.12.2021" (a real date already): dateparser reads that very date
# (checked on every valid day/month pair, with and without leading zeros, in 16 years across 1000-2099).
def numeric_day(num1: str, num2: str, year: str, order: str, month: int, day: int) -> dt.date | None:
    """dateparser's reading of '``num1``/``num2``/``year``' in ``order`` when it is month ``month``, day ``day``."""
    if int(year) in CHECKED_YEARS:
        return dt.date(int(year), month, day)
    got = parse_absolute(f"{num1}/{num2}/{year}", None, order=order)
    return got if got is not None and (got.month, got.day) == (month, day) else None


def pick_by_tense(candidates: list[dt.date], pub: dt.date, tense_of: Callable[[], str | None],
                  near: int = NEAR_DAYS, present_nearest: bool = False) -> dt.date:
    """Which of a year-less date's neighbouring-year candidates the sentence means.

    Close to publication the nearest one whatever the tense (tense cues are too noisy to overrule it:
    "payable Dec. 7" in October); far from it the tense decides, and without one the past (news reports
    what happened: "the Oct. 23 slaying" in May).
    """
    cands = sorted(candidates)
    before = [c for c in cands if c <= pub]
    after = [c for c in cands if c >= pub]
    nearest = min(cands, key=lambda c: abs((c - pub).days))
    if abs((nearest - pub).days) <= near:
        return nearest
    tense = tense_of()  # only now: the tense is the costly part
    if tense == "future" and after:
        return after[0]
    if tense == "present" and present_nearest:  # a month: "the law takes effect in March" (in November)
        return nearest
    return before[-1] if before else nearest


def _prefer(tense: str | None) -> str:
    return _PREFER.get(tense or "", "current_period")
