"""Event dating: which date a mention is placed at, and why.

1. ``timex``: the resolved date expression nearest the trigger in its sentence (an expression is
   given to the nearest trigger; one inside reported speech belongs to the speech, not the report);
   a setting ("in a video conference last week") shares its date with the clause's main verb.
2. ``event``: "X come(s) a day after Y warned": X's date shifted from Y's, or Y's from X's.
3. inherited: a past-tense event with no date of its own takes the date of the last dated,
   asserted event earlier in the same paragraph, else of its agent's last day-dated event within
   a few sentences ("Putin said on Tuesday ... In a phone call ..., Putin said"), unless a cue
   ("earlier", "previously", a perfect "has accused") says it happened before.
4. ``publication``: a reporting verb with nothing else is placed at the publication date
   ("Moscow denies ..."); with "earlier" it is only known to lie before it.
5. ``none``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.events.folding import folded
from timeline.model import EventDate, Timex

DATED_TYPES = ("DATE", "TIME")
EARLIER = re.compile(r"\b(?:earlier|previously|already|had\s+\w+ed|in the past|long)\b", re.IGNORECASE)
PRESENT = re.compile(r"(?:s|es)$")
SHIFT = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)\s+(after|before)\b", re.IGNORECASE
)
PERFECT = re.compile(r"\b(?:have|has)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# (see folding.search; the words: one of them is in every match)
EARLIER_FOLDED = folded(EARLIER.pattern, words=("earlier", "previously", "already", "had", "in the past", "long"))
PERFECT_FOLDED = folded(PERFECT.pattern, words=("have", "has"))
DASH = re.compile(r"\s[—–]\s")
CLAUSE_BREAK = re.compile(r"\s[—–]\s|;|,\s+(?:which|who|where|whose)\b|\(")
# A sentence opening with a time or setting phrase: "On Monday, ...", "In a video conference last week, ..."
INTRODUCTION = re.compile(r"\s*(?:In|At|On|During|After|Before|Earlier|Later|Last|This|Since|Following|By|Over|"
                          r"Late|Early|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def usable(timex: Timex) -> bool:
    return timex.type in DATED_TYPES and (timex.earliest is not None or timex.latest is not None)


def from_timex(timex: Timex) -> EventDate:
    return EventDate(
        value=timex.value, earliest=timex.earliest, latest=timex.latest, grain=timex.grain, mod=timex.mod,
        source="timex", timex=timex,
    )


@lru_cache(maxsize=1024)  # an article places most of its events at its one publication date
def publication(published: dt.date | None, before: bool = False) -> EventDate:
    if published is None:
        return EventDate(None, None, None, None)
    if before:
        return EventDate(None, None, published, None, mod="BEFORE", source="publication")
    return EventDate(published.isoformat(), published, published, "day", source="publication")


def distance(timex: Timex, start: int, end: int) -> int:
    """Characters between a timex and a trigger; a timex right after the trigger is closer."""
    if timex.start >= end:
        return timex.start - end
    return (start - timex.end) + 5


def assign(
    timexes: list[Timex], triggers: list[tuple[int, int, tuple[int, int] | None]], text: str = "",
    sentence_start: int = 0,
) -> dict[int, Timex]:
    """Give each timex to its nearest trigger.  ``triggers``: (start, end, content span).
    A timex inside a trigger's content is only ever that content's; returns trigger index -> timex."""
    best: dict[int, tuple[int, Timex]] = {}
    # once per sentence: it opens with a time or setting phrase
    introduced = INTRODUCTION.match(text, sentence_start) if timexes else None
    for timex in timexes:
        if not usable(timex):
            continue
        opening = introduced and "," not in text[sentence_start : timex.start]
        candidates = []
        for i, (start, end, _content) in enumerate(triggers):
            if any(c and c[0] <= timex.start < c[1] and not (c[0] <= start < c[1])
                   for j, (_s, _e, c) in enumerate(triggers) if j != i):
                continue
            own = triggers[i][2]
            if own and own[0] <= timex.start < own[1]:
                continue
            between = text[end : timex.start] if timex.start >= end else text[timex.end : start]
            if text and _breaks(between):
                continue
            if text and timex.end <= start and "," in between and not opening:
                continue  # "spoke with Putin on Sunday, the Elysee said": Sunday is not the saying's
            candidates.append((distance(timex, start, end), i))
        if not candidates:
            continue
        d, i = min(candidates)
        if i not in best or d < best[i][0]:
            best[i] = (d, timex)
    return {i: timex for i, (_d, timex) in best.items()}


def _breaks(between: str) -> bool:
    """A clause boundary between a trigger and a date; paired dashes are an aside, not a boundary."""
    if "—" not in between and "–" not in between:  # most: no dash to pair, and only ; , ( can break
        return (";" in between or "," in between or "(" in between) and CLAUSE_BREAK.search(between) is not None
    dashes = len(DASH.findall(between))
    rest = DASH.sub(" ", between) if dashes % 2 == 0 else between
    return bool(CLAUSE_BREAK.search(rest))


def shift(date: EventDate, days: int, anchor: str) -> EventDate:
    delta = dt.timedelta(days=days)
    earliest = date.earliest + delta if date.earliest else None
    latest = date.latest + delta if date.latest else None
    value = earliest.isoformat() if earliest and earliest == latest else None
    return EventDate(value, earliest, latest, "day" if value else date.grain, date.mod, "event", None, anchor)


def shift_between(text: str, left_end: int, right_start: int) -> int | None:
    """Days from the right event to the left one when "a day after" sits between them."""
    m = SHIFT.search(text, left_end, right_start)
    if m is None:
        return None
    word = m.group(1).lower()
    n = int(word) if word.isdigit() else NUMBERS.get(word, 1)
    days = n * (7 if m.group(2).lower().startswith("week") else 1)
    return days if m.group(3).lower() == "after" else -days


def is_past(trigger_text: str) -> bool:
    t = trigger_text.split()[0].lower()
    return t.endswith("ed") or t in {"said", "told", "met", "spoke", "sent", "fought", "quit", "found", "began"}


def is_present(trigger_text: str) -> bool:
    t = trigger_text.split()[0].lower()
    return bool(PRESENT.search(t)) and not t.endswith("ss") and t not in {"talks", "comments", "remarks",
                                                                          "negotiations", "calls"}
