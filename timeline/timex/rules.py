"""The rule registry: one row per rule, a name, a regex and a small production function.

A production gets the regex match and a :class:`Context` (text, publication date,
previous date in the text, tense of the governing clause) and returns a
:class:`Reading` or None to reject the match (absurd date, a name, a verb).
``RULES`` is the one explicit registry; ``tests/test_timex_rules.py`` validates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline.timex import absolute as a
from timeline.timex import amounts as q
from timeline.timex import relative as r
from timeline.timex.guard import guarded
from timeline.timex.lexicon import (
    MONTH_FULL_RE,
    MONTH_RE,
    NUMBER_RE,
    ORDINALS,
    PART_OF_DAY_RE,
    REFS,
    SEASON_RE,
    SETS,
    UNIT_RE,
    VAGUE_RE,
    WEEKDAY_FULL_RE,
    YEAR_WORDS_RE,
    alternation,
)
from timeline.timex.reading import Context, Reading


@dataclass(frozen=True)
class Rule:
    """A named pattern and its production. ``type`` is the TIMEX3 type when the value is unresolved."""

    name: str
    pattern: str
    produce: Callable[[re.Match, Context], Reading | None]
    type: str = "DATE"
    relative: bool = True  # needs the publication date (or a previous date) to get a value

    def compiled(self) -> re.Pattern:
        return _compile(self.pattern)


_CACHE: dict[str, re.Pattern] = {}


def _compile(pattern: str) -> re.Pattern:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(guarded(pattern), re.I)  # same matches, fewer positions tried
    return _CACHE[pattern]


B = r"(?:(?<=\bmid-)|(?<=\blate-)|(?<=\bearly-)|(?<=\bpost-)|(?<=\bpre-)|(?<![\w$£€#'’/.-]))"  # left boundary: not inside a word, number, amount or path
E = r"(?:(?=['’]s\b)|(?=''|’’)|(?<=s)(?=['’](?![\w'’]))|(?![\w'’-]|[.,/:]\d))"  # right boundary; "days''" (a closing
# quote), "three days' notice" (a plural possessive)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]\d\d|20\d\d)"
MON = rf"(?P<month>{MONTH_RE})\.?"
WDAY = rf"(?P<weekday>{WEEKDAY_FULL_RE})"
ORD = "(?P<ord>" + alternation(list(ORDINALS)) + r"|\d{1,2}(?:st|nd|rd|th))"
NUM = rf"(?P<num>{NUMBER_RE}|{VAGUE_RE})"
UNIT = rf"(?P<unit>{UNIT_RE})(?:s|es)?"
REL = r"(?P<rel>this|last|next|past|previous|coming|following|current|present|latest|recent|the\s+(?:past|last|next|previous|coming|following|current|present|latest|same))"
PERIOD = r"(?:fiscal\s+)?(?P<unit>week|month|year|decade|century|weekend|quarter|half)"
HOLIDAY = a.HOLIDAY_RE
ZONE = r"(?-i:[A-Z]{2,4}T|GMT|UTC)\b"  # time zones are upper case: "EST", not "quot"


def after(*words: str) -> str:
    """A context that must precede the match without being part of it (one fixed-width look-behind per word)."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


SEASON_AFTER = after("in", "by", "during", "until", "till", "over", "through", "before", "after", "since", "into")

RULES: tuple[Rule, ...] = (
    # -- absolute calendar dates (dateparser parses the string the regex found)
    Rule("date-weekday-paren-dm", rf"{B}{WDAY}\s*\(\s*{DAY}\s+{MON}(?:,?\s+{YEAR})?\s*\)", a.calendar_date),
    Rule("date-weekday-paren-md", rf"{B}{WDAY}\s*\(\s*{MON}\s+{DAY}(?:,?\s+{YEAR})?\s*\)", a.calendar_date),
    Rule("date-month-day-year", rf"{B}(?:{WDAY},?\s+)?{MON}\s+{DAY}(?:,\s*|\s+){YEAR}{E}", a.calendar_date, relative=False),
    Rule("date-day-month-year", rf"{B}(?:{WDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MON},?\s+{YEAR}{E}",
         a.calendar_date, relative=False),
    Rule("date-month-day", rf"{B}(?:{WDAY},?\s+)?{MON}\s+{DAY}{E}(?!\s*[-–]\s*\d|,\s*\d|\s+(?:1\d{{3}}|20\d\d)\b)",
         a.calendar_date),
    Rule("date-day-month", rf"{B}(?:{WDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MON}{E}", a.calendar_date),
    Rule("date-month-day-range", rf"{B}{MON}\s+{DAY}\s*(?:[-–]|to|through|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
         rf"(?:,?\s+{YEAR})?{E}", a.calendar_date),
    Rule("week-of-date", rf"{B}the\s+week\s+of\s+{MON}\s+{DAY}(?:,?\s+{YEAR})?{E}", a.week_of_date),
    Rule("date-iso", rf"{B}(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}){E}", a.numeric_date, relative=False),
    Rule("date-numeric", rf"{B}(?P<num1>\d{{1,2}})(?P<sep>[/.])(?P<num2>\d{{1,2}})(?P=sep)(?P<year>\d{{4}}){E}",
         a.numeric_date, relative=False),
    Rule("month-year", rf"{B}{MON},?\s+(?:of\s+)?{YEAR}{E}", a.month_year, relative=False),
    Rule("date-relative", rf"{B}(?P<rel>last|next|this|this\s+past|this\s+coming)\s+{MON}\s+{DAY}{E}(?!,?\s+(?:1\d{{3}}|20\d\d)\b)",
         a.relative_month_day),
    Rule("month-relative", rf"{B}(?P<rel>this|last|next|this\s+past|the\s+last|the\s+past)\s+(?P<month>{MONTH_FULL_RE}){E}",
         a.month_relative),
    Rule("month-relative-year", rf"{B}(?P<month>{MONTH_FULL_RE}|(?:sept|jan|feb|aug|oct|nov|dec)\.)\s+(?:of\s+)?"
         rf"(?P<rel>this|last|next)\s+year{E}", a.month_of_relative_year),
    Rule("month", rf"{B}(?P<month>{MONTH_FULL_RE}|(?:sept|jan|feb|aug|oct|nov|dec)\.?){E}", a.month_alone),
    Rule("year", rf"{B}(?:(?P<fiscal>fiscal|calendar|the\s+year|model\s+year)\s+)?{YEAR}{E}(?!\s*(?:%|percent|per\s*cent))",
         a.year_alone, relative=False),
    Rule("year-range", rf"{B}(?:(?:fiscal|the\s+fiscal)\s+)?{YEAR}\s*[-–]\s*(?P<year2>1\d{{3}}|20\d\d|\d\d){E}", a.year_range,
         relative=False),
    Rule("decade", rf"{B}(?:the\s+)?(?P<decade>1[0-9]\d0|20\d0|'\d0|\d0)'?s{E}", a.decade, relative=False),
    Rule("decade-words", rf"{B}(?:the\s+)?(?P<words>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){E}",
         a.decade),
    Rule("century", rf"{B}(?:the\s+)?{ORD}[\s-]+century{E}", a.century, relative=False),
    Rule("century-relative", rf"{B}(?P<rel>this|last|next|the\s+last|the\s+next|the\s+past)\s+century{E}", a.century),
    Rule("season-year", rf"{B}(?:the\s+)?(?P<season>{SEASON_RE})\s+(?:of\s+)?{YEAR}{E}", a.season, relative=False),
    Rule("season-relative", rf"{B}(?P<rel>this|last|next|this\s+past|the\s+coming|the\s+past|early|late)\s+(?P<season>{SEASON_RE}){E}",
         a.season),
    Rule("season-the", rf"{SEASON_AFTER}(?:the\s+)?(?P<season>{SEASON_RE}){E}",
         a.season),
    Rule("quarter", rf"{B}(?:the\s+)?(?:(?P<rel>this|last|next|latest|current|comparable)\s+)?(?:(?P<yearref>this|last|next)\s+year'?s\s+)?"
         rf"(?:(?P<yearpre>1\d{{3}}|20\d\d)\s+|(?P<yearago>year-ago|year-earlier|year\s+ago|year\s+earlier)\s+)?"
         rf"(?:(?:fiscal|calendar)[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last)\s(?:fiscal\s+|calendar\s+)?"
         rf"(?P<unit>quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+|calendar\s+)?{YEAR})?{E}", a.quarter),
    # "the third-quarter results": the article belongs to the noun, the timex is the adjective
    Rule("quarter-adjective", rf"{B}(?:(?P<yearpre>1\d{{3}}|20\d\d)\s+|(?P<yearago>year-ago|year-earlier)\s+)?"
         rf"(?:fiscal[\s-])?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)-(?P<unit>quarter|half){E}", a.quarter),
    Rule("quarter-relative", rf"{B}(?:the\s+)?(?P<rel>latest|current|last|this|next|previous|past|same|"
         rf"year-ago|year-earlier|year\s+ago|year\s+earlier|comparable|fiscal)\s+(?P<unit>quarter|period|half){E}(?!\s+of\b)",
         a.quarter_relative),
    Rule("same-period-last-year", rf"{B}(?:(?:the\s+)?(?:corresponding|comparable|same|equivalent|year-ago)\s+(?P<unit>quarter|period|month)\s+(?:of\s+)?"
         rf"last\s+year|the\s+(?P<unit2>quarter|period|month)\s+a\s+year\s+(?:ago|earlier)"
         rf"|last\s+year['’]s\s+(?:(?P<q>first|second|third|fourth)[\s-]+)?(?:quarter|period)){E}",
         a.same_period_last_year),
    Rule("half-of-year", rf"{B}(?:the\s+)?(?P<which>first|last|final|second)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?{YEAR}{E}",
         a.half_of_year, relative=False),
    Rule("quarter-year", rf"{B}the\s+(?P<year>1\d{{3}}|20\d\d)\s+(?P<unit>quarter|period){E}", a.quarter_of_year),
    Rule("quarter-the", rf"{B}the\s+(?P<unit>quarter){E}(?!\s+(?:of\s+)?(?:a\s+)?(?:century|mile|percent|point))",
         a.quarter_relative),
    Rule("year-earlier-adj", rf"{B}(?P<rel>year-earlier|year-ago|a\s+year\s+ago|year\s+earlier){E}(?=\s+(?:\w+\s+)?(?:quarter|period|level|figure|result|loss|profit|earning|sale|net))",
         a.year_ago_adjective),
    # -- deictic days and parts of days
    Rule("deictic-part-of-day", rf"{B}(?P<deictic>this|yesterday|tomorrow|last|tonight)\s*(?P<part>{PART_OF_DAY_RE}){E}",
         r.deictic_part_of_day, type="TIME"),
    Rule("mid-part-of-day", rf"{B}mid[\s-]?(?P<part>morning|afternoon|evening)(?:\s+(?P<deictic>yesterday|today|tomorrow))?{E}",
         r.mid_part_of_day, type="TIME"),
    Rule("part-of-day-the", after("in", "during", "throughout", "by")
         + rf"the\s+(?P<part>morning|afternoon|evening){E}(?!\s+(?:of|before|after|when|that|session|edition|papers?|news)\b)",
         r.part_of_day_in_focus, type="TIME"),
    Rule("deictic-day", rf"{B}(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow){E}",
         r.deictic_day),
    # "It's the second day of an offensive", "today is the eighth day of Desert Shield": the day of writing
    Rule("ordinal-day-now", rf"{B}(?:today|it|this)(?:\s+is|['’]s)\s+(?P<t>(?:the\s+)?{ORD}\s+(?:straight\s+|consecutive\s+)?day){E}",
         r.ordinal_day_now),
    Rule("weekday-part-of-day", rf"{B}(?:(?P<rel>last|next|this|coming|past)\s+)?{WDAY}\s+(?P<part>{PART_OF_DAY_RE}){E}",
         r.weekday),
    Rule("weekday", rf"{B}(?:(?P<rel>last|next|this|this\s+coming|coming|this\s+past|past|the\s+previous|the\s+preceding|"
         rf"the\s+following)\s+)?{WDAY}{E}", r.weekday),
    Rule("weekday-before-after", rf"{B}(?:the\s+)?day\s+(?P<dir>before|after)\s+(?:(?P<rel>last|next|this)\s+)?{WDAY}{E}",
         r.weekday_shifted),
    Rule("holiday", rf"{B}(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{HOLIDAY}){E}(?:,?\s+{YEAR}{E})?", a.holiday),
    # -- periods relative to publication
    Rule("period-relative", rf"{B}{REL}\s+{PERIOD}{E}", r.period_relative),
    Rule("weekend", rf"{B}(?:the|this|last|next|this\s+past|this\s+coming|the\s+past|the\s+coming)\s+weekend{E}", r.weekend),
    Rule("year-end", rf"{B}(?:the\s+)?(?:year[\s-]end|year['’]s\s+end|end\s+of\s+the\s+year){E}", r.year_end),
    Rule("year-ended", rf"{B}(?P<t>the\s+(?:fiscal\s+)?year)\s+(?:ended|ending|ends|that\s+ended|to)\b", r.year_ended,
         type="DURATION", relative=False),
    Rule("year-words", rf"{B}(?:the\s+year\s+)?(?P<words>{YEAR_WORDS_RE}){E}", a.year_words, relative=False),
    Rule("season-year-words", rf"{B}(?:the\s+)?(?P<season>{SEASON_RE})\s+(?:of\s+)?(?P<words>{YEAR_WORDS_RE}){E}", a.year_words,
         relative=False),
    Rule("month-year-words", rf"{B}(?P<month>{MONTH_FULL_RE})\s+(?:of\s+)?(?P<words>{YEAR_WORDS_RE}){E}", a.year_words,
         relative=False),
    Rule("period-the", rf"{B}the\s+(?:full\s+|entire\s+|whole\s+|current\s+)?(?:fiscal\s+)?(?P<unit>year|week|month){E}(?!\s+(?:\d|of|before|after|earlier|later|ago|ended|ending))",
         r.period_the),
    Rule("period-fuzzy-this", rf"{B}(?P<fuzzy>earlier|later)\s+(?P<rel>this|next|last|that)\s+(?P<unit>week|month|year|day|morning|afternoon|evening){E}",
         r.fuzzy_relative),
    Rule("ago", rf"{B}{NUM}[\s-]+{UNIT}(?P<approx>\s+or\s+so)?\s+(?P<dir>ago|from\s+now|hence|earlier|later|afterwards?)"
         rf"(?!\s+(?:than|that)\b){E}", r.ago),
    Rule("ago-vague", rf"{B}(?P<unit>{UNIT_RE})s\s+(?P<dir>ago|earlier|later){E}(?!\s+than)", r.ago),
    Rule("narrative", rf"{B}(?P<phrase>(?:earlier|later)\s+that\s+(?:day|morning|afternoon|evening|night|week|month|year)"
         rf"|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night|week|month|quarter|year)|the\s+same\s+(?:day|week|month|year)"
         rf"|the\s+(?:next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night|week|month|year)"
         rf"|the\s+day\s+(?:before|after)|the\s+(?:night|morning|evening)\s+before"
         rf"|(?:earlier|later)\s+in\s+the\s+day){E}(?!\s+(?:\w+\s+)?(?:after|before|of|that)\b)",
         r.narrative),
    # -- times of day
    Rule("time-ampm", rf"{B}(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![\w])"
         rf"(?:\s+(?P<tz>{ZONE}|local\s+time))?", r.time_of_day, type="TIME"),
    Rule("time-in-the-part", after("at", "by", "until", "from", "around", "about", "before", "after")
         + r"(?P<hour>1[0-2]|[1-9])(?:[:.](?P<minute>[0-5]\d))?(?:\s+o['’]clock)?\s+in\s+the\s+"
         r"(?P<part>morning|afternoon|evening|night)\b", r.clock_in_part_of_day, type="TIME"),
    Rule("time-24h", after("at", "by", "until", "from", "around") + rf"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)"
         rf"(?:\s*(?P<tz>{ZONE}|local\s+time|hrs|h)\b)?(?![\d:])", r.time_of_day, type="TIME"),
    Rule("time-24h-zone", rf"{B}(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)\s*(?P<tz>{ZONE}|local\s+time|hrs){E}",
         r.time_of_day, type="TIME"),
    Rule("time-noon", rf"{B}(?P<word>noon|midnight|midday){E}", r.time_word, type="TIME"),
    # -- sets
    Rule("set", rf"{B}(?P<set>{'|'.join(f'(?:{s})' for s, _ in SETS)}){E}", q.set_, type="SET", relative=False),
    Rule("set-every", rf"{B}every\s+(?:(?P<num>{NUMBER_RE}|other)\s+)?{UNIT}{E}", q.set_every, type="SET", relative=False),
    Rule("set-month", rf"{B}(?:every|each)\s+(?:(?P<month>{MONTH_FULL_RE})|(?P<season>{SEASON_RE})){E}", q.set_month,
         type="SET", relative=False),
    Rule("set-weekday", rf"{B}(?:(?:every|each)\s+)?{WDAY}(?P<plural>s)?(?:\s+(?P<part>{PART_OF_DAY_RE})(?P<parts>s)?)?{E}",
         q.set_weekday, type="SET", relative=False),
    # -- durations
    Rule("duration-span", rf"{B}(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|latest|final|initial|"
         rf"remaining|same|other|additional|further|another|full|entire|whole|recent)\s+)?{NUM}\s+(?:more\s+|additional\s+|"
         rf"full\s+|consecutive\s+|straight\s+|successive\s+|trading\s+|business\s+|working\s+)?{UNIT}{E}(?P<half>\s+and\s+a\s+half)?(?![\s-]+old\b)",
         q.duration, type="DURATION", relative=False),
    Rule("duration-adjective", rf"{B}(?P<num>{NUMBER_RE}|several|many)-(?P<unit>{UNIT_RE})(?=[\s-])(?!-old)", q.duration,
         type="DURATION", relative=False),
    # "a day-long meeting", "a decades-long battle": one unit, or an unknown number of them
    Rule("duration-long", rf"{B}(?P<unit>{UNIT_RE})(?P<plural>s)?-long{E}", q.duration_long, type="DURATION", relative=False),
    Rule("duration-bare", after("for", "in", "within", "over", "take", "takes", "last", "lasted") +
         rf"(?:the\s+(?P<rel>past|last|next|coming)\s+)?(?P<unit>minute|hour|day|week|month|year|decade)s{E}",
         q.duration, type="DURATION", relative=False),
    Rule("duration-the-past", rf"{B}the\s+(?P<rel>past|last|next|coming|previous)\s+(?P<unit>few\s+|several\s+)?(?P<unit2>{UNIT_RE})s{E}",
         q.duration_vague, type="DURATION", relative=False),
    Rule("duration-ahead", rf"{B}the\s+(?P<unit2>day|week|month|year|decade)s\s+ahead{E}", q.duration_vague,
         type="DURATION", relative=False),
    # "over the years", "in the years that followed": an unknown number of years
    Rule("duration-the-years", after("over", "in", "during", "through", "throughout")
         + rf"the\s+(?P<unit2>year|decade)s{E}(?!\s+(?:ahead|to\s+come|of|since|before|after)\b)", q.duration_vague,
         type="DURATION", relative=False),
    Rule("duration-while", after("for") + rf"a\s+(?:long\s+|little\s+|short\s+)?while{E}(?!\s+(?:ago|back)\b)",
         q.duration_unknown, type="DURATION", relative=False),
    Rule("duration-half", rf"{B}(?P<half>half\s+an?|a\s+half)[\s-]+(?P<unit>hour|day|year|century|decade){E}", q.duration_half,
         type="DURATION", relative=False),
    # -- references
    Rule("ref-recent-period", rf"{B}(?:the\s+)?(?P<rel>recent|past|last|coming|next|future)\s+(?P<unit>days|weeks|months|quarters|years|decades){E}",
         q.recent_period, relative=False),
    Rule("ref", rf"{B}(?P<ref>{'|'.join(f'(?:{s})' for s, _ in REFS)}){E}", q.ref, relative=False),
)
