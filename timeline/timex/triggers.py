"""Trigger words: which rules to try where.

Running ~60 regexes over a whole article costs more than the rest of the resolver.
Instead one cheap tokenizer pass finds the words a rule cannot match without (a month
name, a unit, "ago", a clock token) and each rule runs only in a window around them.
``TRIGGERS`` maps a rule name to its trigger keys: lower-case words, or a token shape
(``#year`` 1990, ``#clock`` 10:55, ``#numdate`` 12/14/2021, ``#decade`` 1990s).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from timeline.timex.lexicon import MONTH_NUMBER, PART_OF_DAY_CODE, SEASON_CODE, WEEKDAY_NUMBER

MONTHS = frozenset(MONTH_NUMBER)
WEEKDAYS = frozenset(w for w in WEEKDAY_NUMBER if len(w) > 3) | frozenset(
    f"{d}s" for d in "monday tuesday wednesday thursday friday saturday sunday".split())
_UNIT_STEMS = "second minute hour day night week fortnight month quarter year decade".split()
UNITS = frozenset(_UNIT_STEMS + [f"{u}s" for u in _UNIT_STEMS] + ["century", "centuries"])
SEASONS = frozenset(SEASON_CODE)
PARTS = frozenset(PART_OF_DAY_CODE)
PERIODS = frozenset("week weeks month months year years decade century weekend quarter half".split())
HOLIDAYS = frozenset("christmas new valentine valentines independence fourth july halloween boxing thanksgiving "
                     "memorial labor martin easter good".split())
REF_WORDS = frozenset("now nowadays currently present presently days current recently recent lately formerly past term "
                      "future ago later".split())
SET_WORDS = UNITS | frozenset("daily weekly monthly annually yearly hourly nightly annum every each".split())
YEAR_WORDS = frozenset("nineteen eighteen twenty thousand".split())
DECADE_WORDS = frozenset("twenties thirties forties fifties sixties seventies eighties nineties".split())

TRIGGERS: dict[str, frozenset[str]] = {
    "date-weekday-paren-dm": WEEKDAYS,
    "date-weekday-paren-md": WEEKDAYS,
    "date-month-day-year": MONTHS,
    "date-day-month-year": MONTHS,
    "date-month-day": MONTHS,
    "date-day-month": MONTHS,
    "date-month-day-range": MONTHS,
    "week-of-date": MONTHS,
    "date-iso": frozenset({"#year"}),
    "date-numeric": frozenset({"#numdate"}),
    "month-year": MONTHS,
    "date-relative": MONTHS,
    "month-relative": MONTHS,
    "month-relative-year": MONTHS,
    "month": MONTHS,
    "year": frozenset({"#year"}),
    "year-range": frozenset({"#year"}),
    "decade": frozenset({"#decade"}),
    "decade-words": DECADE_WORDS,
    "century": frozenset({"century"}),
    "century-relative": frozenset({"century"}),
    "season-year": SEASONS,
    "season-relative": SEASONS,
    "season-the": SEASONS,
    "quarter": frozenset({"quarter", "half", "quarters"}),
    "quarter-adjective": frozenset({"quarter", "half"}),
    "quarter-relative": frozenset({"quarter", "period", "half"}),
    "quarter-the": frozenset({"quarter"}),
    "same-period-last-year": frozenset({"quarter", "period", "month"}),
    "half-of-year": frozenset({"quarters"}),
    "quarter-year": frozenset({"quarter", "period"}),
    "year-earlier-adj": frozenset({"ago", "earlier"}),
    "deictic-part-of-day": PARTS,
    "mid-part-of-day": frozenset({"mid", "midmorning", "midafternoon", "midevening"}),
    "part-of-day-the": frozenset({"morning", "afternoon", "evening"}),
    "deictic-day": frozenset({"today", "tonight", "yesterday", "tomorrow"}),
    "ordinal-day-now": frozenset({"day"}),
    "weekday-part-of-day": WEEKDAYS,
    "weekday": WEEKDAYS,
    "weekday-before-after": WEEKDAYS,
    "holiday": HOLIDAYS,
    "period-relative": PERIODS,
    "weekend": frozenset({"weekend"}),
    "year-end": frozenset({"end"}),
    "year-ended": frozenset({"year"}),
    "year-words": YEAR_WORDS,
    "season-year-words": SEASONS,
    "month-year-words": MONTHS,
    "period-the": frozenset({"year", "week", "month"}),
    "period-fuzzy-this": frozenset({"earlier", "later"}),
    "ago": frozenset({"ago", "now", "hence", "earlier", "later", "afterwards", "afterward"}),
    "ago-vague": frozenset({"ago", "earlier", "later"}),
    "narrative": UNITS | PARTS,
    "time-ampm": frozenset({"m", "am", "pm"}),
    "time-in-the-part": frozenset({"morning", "afternoon", "evening", "night"}),
    "time-24h": frozenset({"#clock"}),
    "time-24h-zone": frozenset({"#clock"}),
    "time-noon": frozenset({"noon", "midnight", "midday"}),
    "set": SET_WORDS,
    "set-every": frozenset({"every"}),
    "set-month": frozenset({"every", "each"}),
    "set-weekday": WEEKDAYS,
    "duration-span": UNITS,
    "duration-adjective": UNITS,
    "duration-long": UNITS,
    "duration-bare": UNITS,
    "duration-the-past": UNITS,
    "duration-ahead": frozenset({"ahead"}),
    "duration-the-years": frozenset({"years", "decades"}),
    "duration-while": frozenset({"while"}),
    "duration-half": UNITS,
    "ref-recent-period": frozenset({"days", "weeks", "months", "quarters", "years", "decades"}),
    "ref": REF_WORDS,
}

_TOKEN = re.compile(r"[A-Za-z]+|'?\d+(?:[/.:]\d+)*(?:'?s\b)?")
BACK, AHEAD = 50, 50


def shape(token: str) -> str:
    """The trigger key of a token: its lower-case form, or a shape for numbers."""
    if not (token[0].isdigit() or token[0] == "'"):
        return token.lower()
    if token.endswith("s"):
        return "#decade"
    if token.count("/") == 2 or token.count(".") == 2:
        return "#numdate"
    if ":" in token or "." in token:
        return "#clock"
    return "#year" if len(token) == 4 else "#number"


MAX_WORD = 100
_WORD_TAIL = re.compile(r"\S*")  # \S is exactly "not str.isspace()"


@lru_cache(maxsize=16)
def _index(rule_names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Trigger key -> the rules it triggers, in ``rule_names`` order."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in rule_names:
        for key in TRIGGERS[name]:
            index[key].append(name)
    return {key: tuple(names) for key, names in index.items()}


def windows(text: str, lo: int, hi: int, rule_names: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the merged stretches of ``text[lo:hi]`` around its trigger tokens."""
    wanted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    index = _index(tuple(rule_names))
    for m in _TOKEN.finditer(text, lo, hi):
        token = m.group()
        first = token[0]
        names = index.get(shape(token) if first.isdigit() or first == "'" else token.lower())
        if not names:
            continue
        start = max(lo, m.start() - BACK)
        end = min(hi, m.end() + AHEAD)
        # Never cut a word (the right boundary must see it), but look no further than a long word
        # would reach: text without spaces must not make every window run to its end.
        end = _WORD_TAIL.match(text, end, min(hi, end + MAX_WORD)).end()
        for name in names:
            spans = wanted[name]
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], end))
            else:
                spans.append((start, end))
    return wanted
