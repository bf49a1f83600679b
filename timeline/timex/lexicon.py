"""Word tables the rules are built from: one row per surface family (Duckling style)."""

from __future__ import annotations

import re

# (canonical month number, surface forms); abbreviations may carry a dot.
MONTHS: tuple[tuple[int, str], ...] = (
    (1, "january|jan"),
    (2, "february|feb"),
    (3, "march|mar"),
    (4, "april|apr"),
    (5, "may"),
    (6, "june|jun"),
    (7, "july|jul"),
    (8, "august|aug"),
    (9, "september|sept|sep"),
    (10, "october|oct"),
    (11, "november|nov"),
    (12, "december|dec"),
)
FULL_MONTHS = tuple(forms.split("|")[0] for _, forms in MONTHS)

# (ISO weekday 0=Monday, surface forms)
WEEKDAYS: tuple[tuple[int, str], ...] = (
    (0, "monday|mon"),
    (1, "tuesday|tues|tue"),
    (2, "wednesday|wed"),
    (3, "thursday|thurs|thu"),
    (4, "friday|fri"),
    (5, "saturday|sat"),
    (6, "sunday|sun"),
)

# Deictic days: (surface, day offset from the publication date)
DEICTIC_DAYS: tuple[tuple[str, int], ...] = (
    ("today", 0),
    ("tonight", 0),
    ("yesterday", -1),
    ("tomorrow", 1),
    ("the day before yesterday", -2),
    ("the day after tomorrow", 2),
)

# Reference expressions: (surface regex, value)
REFS: tuple[tuple[str, str], ...] = (
    (r"now|nowadays|currently|at present|presently|these days|the present|current", "PRESENT_REF"),
    (r"recently|recent|lately|formerly|the past|recent (?:years|decades)|then[\s-]current|some time ago|a while ago",
     "PAST_REF"),
    (r"the future|the near future|the distant future|the near term|the short term|a later date|a future date",
     "FUTURE_REF"),
)

# "the future" is a time only as the object of a preposition of time ("in the future", "well into the future",
# "worried about the future"); elsewhere it is the fate of something ("the future of our peoples", "the future looks
# grim", "an approach to the future"): tbaq annotates 7 of 7 after these words, 0 of 3 elsewhere.
FUTURE_TIME_BEFORE = ("in", "into", "for", "about", "until", "till", "toward", "towards")

# "today's" before a noun of the age rather than the day ("today's youth", "today's world", "today's personal
# computers"): nowadays, not the publication date (tbaq annotates 0 of 4; "today's editions", "today's quiz" stay)
NOWADAYS_NOUNS = ("world", "youth", "society", "generation", "generations", "young", "children", "kids", "teenagers",
                  "computers", "technology", "economy", "culture", "families", "women", "men")

# "current" that is no time: accounting terms after it ("current account"), electricity or water before it
CURRENT_NOT_TIME_AFTER = ("account", "accounts", "assets", "liabilities", "ratio", "density", "leakage")
CURRENT_NOT_TIME_BEFORE = ("alternating", "direct", "electric", "electrical", "ocean", "rip", "tidal")

# Calendar units: (surface stem, grain, ISO duration letter, multiplier)
UNITS: tuple[tuple[str, str, str, int], ...] = (
    ("second", "second", "S", 1),
    ("minute", "minute", "M", 1),
    ("hour", "hour", "H", 1),
    ("day", "day", "D", 1),
    ("night", "day", "D", 1),
    ("week", "week", "W", 1),
    ("fortnight", "week", "W", 2),
    ("month", "month", "M", 1),
    ("quarter", "quarter", "Q", 1),
    ("year", "year", "Y", 1),
    ("decade", "decade", "Y", 10),
    ("century", "century", "Y", 100),
)
TIME_UNITS = frozenset({"second", "minute", "hour"})

# Seasons: (surface, TimeML season code)
SEASONS: tuple[tuple[str, str], ...] = (
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Parts of the day: (surface, TimeML code)
PARTS_OF_DAY: tuple[tuple[str, str], ...] = (
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("overnight", "NI"),
)

# Sets: (surface regex, value)
SETS: tuple[tuple[str, str], ...] = (
    (r"daily|every day|each day|a day|per day|nightly|every night", "P1D"),
    (r"weekly|every week|each week|a week|per week", "P1W"),
    (r"monthly|every month|each month|a month|per month", "P1M"),
    (r"every quarter|each quarter|a quarter", "P1Q"),  # quarters in Q, as durations: P2Q, PXQ
    (r"annually|yearly|every year|each year|a year|per year|per annum", "P1Y"),
    (r"hourly|every hour|an hour|per hour", "PT1H"),
)

# Fuzzy position inside a period: (surface regex, mod)
FUZZY: tuple[tuple[str, str], ...] = (
    (r"early|earlier|the beginning of|the start of|the early part of|the first half of|beginning of|start of", "START"),
    (r"mid|the middle of|middle of|the mid", "MID"),
    (r"late|later|the end of|end of|the close of|the late part of|the second half of|the latter part of", "END"),
)

# Quantity modifiers kept inside a duration's span: (surface regex, mod)
QUANTIFIERS: tuple[tuple[str, str], ...] = (
    (r"more than|over|longer than", "MORE_THAN"),
    (r"at least|no less than", "EQUAL_OR_MORE"),
    (r"less than|under|fewer than", "LESS_THAN"),
    (r"up to|no more than|at most", "EQUAL_OR_LESS"),
    (r"about|around|approximately|roughly|some|nearly|almost|close to", "APPROX"),
)

# Holidays: (surface regex, month, day) fixed dates; movable ones are computed in calendar.
FIXED_HOLIDAYS: tuple[tuple[str, int, int], ...] = (
    (r"christmas eve", 12, 24),
    (r"christmas(?: day)?", 12, 25),
    (r"new year'?s eve", 12, 31),
    (r"new year'?s(?: day)?", 1, 1),
    (r"valentine'?s day", 2, 14),
    (r"independence day|the fourth of july|july fourth", 7, 4),
    (r"halloween", 10, 31),
    (r"boxing day", 12, 26),
)
# (surface, month, ISO weekday, nth (negative: from the end))
MOVABLE_HOLIDAYS: tuple[tuple[str, int, int, int], ...] = (
    ("thanksgiving(?: day)?", 11, 3, 4),
    ("memorial day", 5, 0, -1),
    ("labor day", 9, 0, 1),
    ("martin luther king day", 1, 0, 3),
)

# Capitalised words that turn a day name into a proper name: "Sunday Times", "Good Friday Agreement"
NAME_HEADS = (
    "Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Mail", "Star", "Independent", "Tribune", "Sport",
    "Review", "Magazine", "Edition", "Agreement", "Accord", "Accords", "Massacre", "Group", "Club", "Movement",
    "Night Live", "Night Football", "Prayers", "School", "Service", "Uprising", "Offensive", "War", "Rising",
)
NAME_HEAD_RE = re.compile(r"\s+(?:" + "|".join(h.replace(" ", r"\s+") for h in NAME_HEADS) + r")\b")

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "one hundred": 100, "a hundred": 100, "a couple of": 2, "couple of": 2, "a dozen": 12,
                     "dozen": 12, "half a": 0.5, "a half": 0.5})
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a couple", "a number of", "numerous", "a series of")
ORDINALS: dict[str, int] = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
    )
}

_TENS_RE = "|".join(_TENS)
_SMALL_RE = "|".join(sorted(_SMALL[1:], key=len, reverse=True))
NUMBER_RE = (
    rf"(?:\d{{1,3}}(?:\s+1/2|\.\d+)?|(?:{_TENS_RE})(?:[\s-](?:{_SMALL_RE}))?|{_SMALL_RE}"
    r"|one hundred|a hundred|a couple of|couple of|a dozen|dozen|an|a)"
)
VAGUE_RE = "|".join(VAGUE_NUMBERS)


def number_value(surface: str) -> float | None:
    """'twenty four' -> 24, '3' -> 3, 'a' -> 1; None when not a number."""
    s = re.sub(r"[\s-]+", " ", surface.strip().lower())
    if m := re.fullmatch(r"(\d+) 1/2", s):
        return int(m.group(1)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) if "." in s else int(s)
    if s in NUMBER_WORDS:
        return NUMBER_WORDS[s]
    parts = s.split(" ")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def alternation(forms: list[str] | tuple[str, ...]) -> str:
    """Longest-first regex alternation of literal-ish forms."""
    return "|".join(sorted(forms, key=len, reverse=True))


MONTH_NUMBER: dict[str, int] = {f: n for n, forms in MONTHS for f in forms.split("|")}
WEEKDAY_NUMBER: dict[str, int] = {f: n for n, forms in WEEKDAYS for f in forms.split("|")}
MONTH_RE = r"(?:" + alternation(list(MONTH_NUMBER)) + r")"
MONTH_FULL_RE = r"(?:" + alternation(list(FULL_MONTHS)) + r")"
WEEKDAY_RE = r"(?:" + alternation([f for f in WEEKDAY_NUMBER if len(f) > 3 or f in ("sat", "sun")] +
                                  ["mon", "tue", "wed", "thu", "fri"]) + r")"
WEEKDAY_FULL_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
SEASON_RE = r"(?:" + alternation([s for s, _ in SEASONS]) + r")"
SEASON_CODE = dict(SEASONS)
PART_OF_DAY_RE = r"(?:" + alternation([s for s, _ in PARTS_OF_DAY]) + r")"
PART_OF_DAY_CODE = dict(PARTS_OF_DAY)
UNIT_BY_STEM = {u[0]: u for u in UNITS}
UNIT_RE = r"(?:" + alternation([u[0] for u in UNITS] + ["centuries"]) + r")"


def unit_of(surface: str) -> tuple[str, str, str, int]:
    """'years' -> the UNITS row for year."""
    s = surface.lower().rstrip("s")
    if s.startswith("centur"):
        s = "century"
    return UNIT_BY_STEM[s]


_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
YEAR_WORDS_RE = (
    rf"(?:nineteen|eighteen|twenty)[\s-](?:hundred|oh[\s-](?:{_UNIT_WORDS})|{_TEEN_WORDS}|(?:{_TENS_RE})(?:[\s-](?:{_UNIT_WORDS}))?)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEEN_WORDS}|{_UNIT_WORDS}))?"
)


def year_words_value(surface: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    words = re.sub(r"[\s-]+", " ", surface.lower()).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(words[2:])) if words[2:] else 0
        return 2000 + int(rest or 0)
    head = {"eighteen": 18, "nineteen": 19, "twenty": 20}.get(words[0])
    if head is None:
        return None
    tail = words[1:]
    if tail == ["hundred"]:
        return head * 100
    if tail and tail[0] == "oh":
        tail = tail[1:]
    n = number_value(" ".join(tail))
    return head * 100 + int(n) if n is not None and n < 100 else None
