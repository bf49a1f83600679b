"""Find every temporal expression in a text and resolve it against the publication date.

1. every rule of ``RULES`` proposes matches inside the analysed regions;
2. the longest match wins (ties: registry order) if its production accepts it;
3. accepted matches are resolved again in text order, so narrative expressions
   ("the next day", "two days later") anchor to the previous date in the text;
4. modifiers around a match are folded in: "mid-", "the end of" (span and mod),
   "more than" (durations), "since"/"until" (open bounds; outside the span, as in TimeBank).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from timeline.model import Article, Span, Timex
from timeline.timex import calendar as cal
from timeline.timex.lexicon import FUZZY, QUANTIFIERS, WEEKDAY_NUMBER
from timeline.timex.reading import Context, Reading
from timeline.timex.rules import RULES, Rule
from timeline.timex.triggers import windows

_FUZZY = [(re.compile(rf"(?:^|(?<=[^\w-]))(?:{s})(?:\s+|-)$", re.I), mod) for s, mod in FUZZY]
_FUZZY_DAY = [(re.compile(r"(?:^|(?<=[^\w-]))early(?:\s+|-)$", re.I), "START"),
              (re.compile(r"(?:^|(?<=[^\w-]))late(?:\s+|-)$", re.I), "END")]
_QUANT = [(re.compile(rf"(?:^|(?<=\W))(?:{s})\s+$", re.I), mod) for s, mod in QUANTIFIERS]
_OPEN = (
    (re.compile(r"\b(?:since|from)\s+$", re.I), "ON_OR_AFTER"),
    (re.compile(r"\b(?:until|till|through|by|up\s+to)\s+$", re.I), "ON_OR_BEFORE"),
    (re.compile(r"\bbefore\s+$", re.I), "BEFORE"),
    (re.compile(r"\bafter\s+$", re.I), "AFTER"),
)
HISTORY = 20
_NAMES = tuple(r.name for r in RULES)
FUZZY_GRAINS = frozenset({"week", "month", "quarter", "year", "decade", "century"})
_CONCRETE = re.compile(r"\d{2}")


def resolve(article: Article) -> tuple[Timex, ...]:
    """Every temporal expression in ``article.regions()``, anchored to ``article.published``."""
    return resolve_text(article.text, article.published, article.regions())


def resolve_text(text: str, published: dt.date | None, regions: Sequence[Span] | None = None) -> tuple[Timex, ...]:
    """Every temporal expression in ``text`` (or in ``regions`` of it), resolved against ``published``."""
    if not text:
        return ()
    spans = list(regions) if regions else [Span(0, len(text))]
    tenses: dict = {}
    accepted = _select(text, published, _candidates(text, spans), tenses)
    out: list[Timex] = []
    previous: Reading | None = None
    previous_end = -1
    history: list[Reading] = []
    for start, end, rule, m in accepted:
        ctx = Context(text, published, start, end, previous, previous_end, tuple(history[-HISTORY:]), tenses)
        reading = _produce(rule, m, ctx)
        if reading is None:
            continue
        timex = _finish(text, start, end, rule, reading)
        out.append(timex)
        if reading.type in ("DATE", "TIME") and reading.value and _CONCRETE.match(reading.value) and reading.grain:
            previous, previous_end = reading, end
            history.append(reading)
    out = _merge_clock_and_day(text, out)
    return tuple(_apply_pair_rules(text, out))


def _candidates(text: str, spans: Sequence[Span], windowed: bool = True) -> list[tuple[int, int, int, re.Match]]:
    """Every rule match in the regions; with ``windowed``, only near each rule's trigger words."""
    found = {}
    for region in spans:
        lo, hi = max(0, region.start), min(len(text), region.end)
        if hi <= lo:
            continue
        stretches = windows(text, lo, hi, _NAMES) if windowed else None
        for index, name, pattern, targeted in _patterns():
            for a, b in stretches.get(name, ()) if stretches is not None else ((lo, hi),):
                for m in pattern.finditer(text, a, b):
                    start, end = m.span("t") if targeted and m.group("t") else m.span()
                    if end > start:
                        found[(start, end, index)] = m
    return [(s, e, i, m) for (s, e, i), m in found.items()]


@cache
def _patterns() -> tuple[tuple[int, str, re.Pattern, bool], ...]:
    """(registry index, name, compiled pattern, has a ``t`` group) for every rule, compiled once."""
    return tuple((i, r.name, p, "t" in p.groupindex) for i, r in enumerate(RULES) for p in (r.compiled(),))


def _select(text: str, published: dt.date | None, found: list, tenses: dict) -> list[tuple[int, int, Rule, re.Match]]:
    taken = bytearray(len(text))
    accepted = []
    for start, end, index, m in sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(taken[start:end]):
            continue
        rule = RULES[index]
        if _produce(rule, m, Context(text, published, start, end, tenses=tenses)) is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        accepted.append((start, end, rule, m))
    accepted.sort(key=lambda a: a[0])
    return accepted


def _produce(rule: Rule, m: re.Match, ctx: Context) -> Reading | None:
    """Run a production; calendar overflow (year 10000, year 0) leaves the expression unresolved."""
    try:
        return rule.produce(m, ctx)
    except (ValueError, OverflowError):
        return Reading(rule.type, None, anchor="publication", reason="outside the calendar range")


def _extend(text: str, start: int, table: list[tuple[re.Pattern, str]]) -> tuple[int, str | None]:
    before = text[max(0, start - 30) : start]
    for pattern, mod in table:
        if m := pattern.search(before):
            return start - (len(before) - m.start()), mod
    return start, None


def _finish(text: str, start: int, end: int, rule: Rule, r: Reading) -> Timex:
    mod = r.mod
    concrete = bool(r.value and _CONCRETE.match(r.value))
    if r.type in ("DATE", "TIME") and concrete and mod is None and (r.grain in FUZZY_GRAINS or r.grain == "day"):
        new_start, fuzzy = _extend(text, start, _FUZZY if r.grain != "day" else _FUZZY_DAY)
        if fuzzy:  # "mid-November", "the end of next year", "late yesterday"
            start, mod = new_start, fuzzy
    elif r.type == "DURATION" and mod is None and not text.startswith(("the ", "The "), start):
        new_start, quant = _extend(text, start, _QUANT)  # "over the past year": a signal, not "more than"
        if quant:
            start, mod = new_start, quant
    if rule.name.startswith("ago") and mod is None:
        new_start, quant = _extend(text, start, _QUANT)
        if quant:  # "almost four years ago": roughly that date
            start, mod = new_start, "APPROX"
    earliest, latest = cal.bounds(r.value, mod) if concrete and r.type in ("DATE", "TIME") else (None, None)
    if r.through is not None:
        latest = r.through
    if concrete and r.type in ("DATE", "TIME") and r.through is None:  # a range ("from 1994-1997") has both ends
        before = text[max(0, start - 12) : start]
        for pattern, open_mod in _OPEN:
            if pattern.search(before):
                if open_mod in ("ON_OR_AFTER", "AFTER"):
                    latest = None
                    if open_mod == "AFTER":
                        earliest = cal.bounds(r.value)[1]
                        earliest = cal.step(earliest, 1)
                else:
                    earliest = None
                    if open_mod == "BEFORE":
                        latest = cal.bounds(r.value)[0]
                        latest = cal.step(latest, -1)
                mod = mod or open_mod
                break
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=r.type,
        value=r.value,
        grain=r.grain,
        earliest=earliest,
        latest=latest,
        mod=mod,
        anchor=r.anchor if r.value is not None or r.anchor != "absolute" else "absolute",
        rule=rule.name,
        reason=r.reason,
    )


_CLOCK_DAY_GAP = re.compile(r"(?:,?\s*(?:on|of)?\s*|\s+)$", re.I)
_OPEN_PAREN_GAP = re.compile(r"\s*\(\s*")
_PAREN_GAP = re.compile(r"\s*\([^()]{0,9}\d[^()]{0,9}\)\s*")
_DAY_CLOCK_GAP = re.compile(r"^(?:,?\s*(?:at|around|about|by)?\s*)$", re.I)


def _merge_clock_and_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """'9 a.m. Tuesday', '5 p.m. EST, Nov. 9', 'Tuesday at 10 pm': one TIME on that day."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        t = timexes[i]
        nxt = timexes[i + 1] if i + 1 < len(timexes) else None
        if nxt is not None and _is_clock(t) and nxt.grain == "day" and nxt.value and nxt.type == "DATE" \
                and _CLOCK_DAY_GAP.fullmatch(text[t.end : nxt.start]) and nxt.start - t.end <= 6:
            out.append(_combine(text, t, nxt, clock=t, day=nxt))
            i += 2
            continue
        if nxt is not None and _is_clock(t) and nxt.grain == "day" and nxt.value and nxt.type == "DATE" \
                and _PAREN_GAP.fullmatch(text[t.end : nxt.start]):
            out.append(replace(t, value=f"{nxt.value[:10]}{t.value[10:]}", earliest=nxt.earliest,  # type: ignore[index]
                               latest=nxt.latest, anchor=nxt.anchor))
            i += 1  # "10:35 a.m. (0735 GMT) Friday": two expressions, the clock on that day
            continue
        if nxt is not None and _is_clock(nxt) and t.grain == "day" and t.value and t.type == "DATE" \
                and _DAY_CLOCK_GAP.fullmatch(text[t.end : nxt.start]) and nxt.start - t.end <= 6:
            out.append(_combine(text, t, nxt, clock=nxt, day=t))
            i += 2
            continue
        out.append(t)
        i += 1
    return out


Pair = tuple[Timex, Timex]


def _restated_clock(text: str, t: Timex, nxt: Timex) -> Pair | None:
    """'at 4 in the morning (4 a.m. EDT Thursday)': a clock restated in brackets with its day is on that day."""
    if _is_clock(t) and _is_clock(nxt) and "+" in nxt.rule and _OPEN_PAREN_GAP.fullmatch(text[t.end : nxt.start]):
        return replace(t, value=f"{nxt.value[:10]}{t.value[10:]}", earliest=nxt.earliest,  # type: ignore[index]
                       latest=nxt.latest, anchor=nxt.anchor), nxt
    return None


_AND_GAP = re.compile(r"\s*,?\s*(?:and|or|,)\s*", re.I)


def _distributed_set(text: str, t: Timex, nxt: Timex) -> Pair | None:
    """'on Monday and Tuesday nights': a weekday coordinated with a recurring weekday part recurs alike."""
    if t.rule == "weekday" and nxt.rule == "set-weekday" and nxt.value and "T" in nxt.value[9:] \
            and t.text.lower() in WEEKDAY_NUMBER and _AND_GAP.fullmatch(text[t.end : nxt.start]):
        value = f"XXXX-WXX-{WEEKDAY_NUMBER[t.text.lower()] + 1}{nxt.value[nxt.value.index('T', 9):]}"
        return replace(t, type="SET", value=value, grain=None, earliest=None, latest=None, mod=None,
                       anchor="absolute", rule=f"{t.rule}+{nxt.rule}"), nxt
    return None


_RANGE_GAP = re.compile(r"\s*(?:to|through|until|till|and|-|–)\s*", re.I)


def _ordered_month_range(text: str, a: Timex, b: Timex) -> Pair | None:
    """'from January to October' (in November): a year-less month opening a range comes before the month closing it."""
    if a.grain == b.grain == "month" and a.value and b.value and a.value > b.value \
            and re.fullmatch(r"\d{4}-\d\d", a.value) and re.fullmatch(r"\d{4}-\d\d", b.value) \
            and _RANGE_GAP.fullmatch(text[a.end : b.start]):
        if a.rule == "month":
            year = int(b.value[:4]) - (a.value[5:] > b.value[5:])
            return _with_value(a, f"{year:04d}{a.value[4:]}"), b
        if b.rule == "month":
            year = int(a.value[:4]) + (b.value[5:] < a.value[5:])
            return a, _with_value(b, f"{year:04d}{b.value[4:]}")
    return None


# Rules over two neighbouring expressions, each applied along the whole list in this order.
PAIR_RULES = (_restated_clock, _distributed_set, _ordered_month_range)


def _apply_pair_rules(text: str, timexes: list[Timex]) -> list[Timex]:
    out = list(timexes)
    for rule in PAIR_RULES:
        for i in range(len(out) - 1):
            changed = rule(text, out[i], out[i + 1])
            if changed is not None:
                out[i], out[i + 1] = changed
    return out


def _with_value(t: Timex, value: str) -> Timex:
    """The same expression at another calendar value (bounds follow, narrowed by its mod)."""
    earliest, latest = cal.bounds(value, t.mod)
    return replace(t, value=value, earliest=earliest if t.earliest else None, latest=latest if t.latest else None)


def _is_clock(t: Timex) -> bool:
    return t.type == "TIME" and bool(t.value) and "T" in (t.value or "") and t.grain == "minute"


def _combine(text: str, first: Timex, second: Timex, clock: Timex, day: Timex) -> Timex:
    value = f"{day.value[:10]}{clock.value[10:]}"  # type: ignore[index]
    earliest, latest = cal.bounds(value)
    return Timex(first.start, second.end, text[first.start : second.end], "TIME", value, "minute", earliest,
                 latest, None, day.anchor, f"{clock.rule}+{day.rule}", day.reason)
