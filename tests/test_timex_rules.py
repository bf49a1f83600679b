"""The rule registry is one explicit tuple: unique names, compilable patterns, none matching the empty string."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.model import ANCHORS, GRAINS, TIMEX_TYPES, Article, Span
from timeline.timex import RULES, resolve, resolve_text
from timeline.timex.calendar import bounds


def test_rule_names_are_unique():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_pattern_compiles_and_never_matches_empty(rule):
    pattern = rule.compiled()
    assert isinstance(pattern, re.Pattern)
    for probe in ("", " ", "the", "a", "in the", "\n"):
        m = pattern.fullmatch(probe)
        assert m is None or m.end() > m.start(), f"{rule.name} matches {probe!r}"
    assert pattern.search("") is None
    assert rule.type in TIMEX_TYPES
    assert callable(rule.produce)


def test_every_timex_is_well_formed():
    text = ("On Tuesday (14 December) Putin said talks would start next year; since mid-November "
            "troops massed for weeks, every month, at 10:55 pm, in the 1990s and last week.")
    for t in resolve_text(text, dt.date(2021, 12, 14)):
        assert text[t.start : t.end] == t.text
        assert t.type in TIMEX_TYPES
        assert t.grain is None or t.grain in GRAINS
        assert t.anchor in ANCHORS
        assert t.rule
        if t.earliest and t.latest:
            assert t.earliest <= t.latest
        if t.type in ("DURATION", "SET"):
            assert t.earliest is None and t.latest is None


def test_no_publication_date_leaves_relative_values_empty():
    found = {t.text: t for t in resolve_text("He said on Tuesday that 2014 and last week mattered.", None)}
    assert found["Tuesday"].value is None
    assert found["Tuesday"].anchor == "publication"
    assert found["Tuesday"].reason == "no publication date"
    assert found["last week"].value is None
    assert found["2014"].value == "2014"


def test_resolve_reads_only_the_article_regions():
    text = "Menu: Monday specials.\nOn Tuesday the talks began.\nSubscribe every month!"
    body = Span(text.index("On Tuesday"), text.index("Subscribe"))
    article = Article(id="x", text=text, published=dt.date(2021, 12, 14), body=(body,))
    found = resolve(article)
    assert [t.text for t in found] == ["Tuesday"]
    assert found[0].start == text.index("Tuesday", body.start)


def test_bounds_of_values():
    assert bounds("2021-W50") == (dt.date(2021, 12, 13), dt.date(2021, 12, 19))
    assert bounds("2021-Q4") == (dt.date(2021, 10, 1), dt.date(2021, 12, 31))
    assert bounds("199X") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert bounds("2021-11", "ON_OR_AFTER") == (dt.date(2021, 11, 1), None)
    assert bounds("2021-WI") == (dt.date(2021, 12, 1), dt.date(2022, 2, 28))
    assert bounds("P3Y") == (None, None)


def test_every_rule_has_triggers():
    from timeline.timex.triggers import TRIGGERS

    assert set(TRIGGERS) == {r.name for r in RULES}
    assert all(TRIGGERS[r.name] for r in RULES)


def test_trigger_windows_find_what_a_full_scan_finds():
    """The windowed scan is an optimisation only: same matches as running every rule over every character."""
    from pathlib import Path

    from timeline.model import Span
    from timeline.timex.resolver import _candidates

    corpus = Path(__file__).parent / "corpus" / "timex_positive.tsv"
    texts = [line.split("\t")[0] for line in corpus.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    text = "\n\n".join(texts)
    spans = [Span(0, len(text))]
    full = {(s, e, i) for s, e, i, _ in _candidates(text, spans, windowed=False)}
    windowed = {(s, e, i) for s, e, i, _ in _candidates(text, spans, windowed=True)}
    assert windowed == full, sorted(full ^ windowed)[:10]


def test_a_date_range_spans_its_days():
    (t,) = resolve_text("The summit runs Nov. 4-5 in Vienna.", dt.date(2021, 10, 20))
    assert (t.text, t.value, t.earliest, t.latest) == ("Nov. 4-5", "2021-11-04", dt.date(2021, 11, 4), dt.date(2021, 11, 5))
    assert not resolve_text("Scores were May 5-3 and June 9-2.", dt.date(2021, 10, 20))


# (sentence, expression, expected tense): the tense cue nearest the expression, participles and abbreviations aside
TENSE_ROWS = [
    ("The dividend would be paid on a still unspecified date in January.", "January", "future"),
    ("He will be named commander of a mission in December.", "December", "future"),
    ("The chairman stepped down in March.", "March", "past"),
    ("The credit line has been extended through January.", "January", "present"),
    ("Under the agreement, announced Friday, holders get cash.", "Friday", "past"),
    ('"He will leave at 4 a.m. EDT Thursday," Castro said.', "Thursday", "future"),
    ("Talks with Mr. Smith will resume on Monday.", "Monday", "future"),
    ("The talks collapsed. Mr. Smith will fly home Monday.", "Monday", "future"),
    ("He will fly home. Talks collapsed Monday.", "Monday", "past"),
    ("The court ordered him to attend a hearing beginning August 19.", "August 19", "future"),
    ("Thermo Electron agreed to purchase the line for $22 million in February.", "February", "future"),
    ("Output is forecast to rise an inflation-adjusted 1.6 percent next year.", "next year", "present"),
    ("He told reporters he went to the market on Monday.", "Monday", "past"),
    ("He went to see his mother on Monday.", "Monday", "past"),
    ("Nations voted for an Arab force to protect Saudi Arabia, with troops arriving Tuesday.", "Tuesday", "past"),
]


@pytest.mark.parametrize("sentence,expression,expected", TENSE_ROWS, ids=[r[0][:40] for r in TENSE_ROWS])
def test_tense_of_the_governing_clause(sentence, expression, expected):
    from timeline.timex.tense import tense_at

    start = sentence.index(expression)
    assert tense_at(sentence, start, start + len(expression)) == expected


# (publication, month, tense, expected year): a year-less month within two months is the nearest, else the tense decides
MONTH_ROWS = [
    (dt.date(1989, 11, 2), 3, "past", 1989),
    (dt.date(1989, 11, 2), 3, "future", 1990),
    (dt.date(1989, 11, 2), 3, "present", 1990),  # four months ahead, eight back: the nearest
    (dt.date(1989, 11, 2), 3, None, 1989),
    (dt.date(1989, 11, 2), 12, "past", 1989),  # a month ahead: the nearest whatever the tense
    (dt.date(1989, 10, 27), 1, "past", 1989),  # three months ahead is no longer near
    (dt.date(1989, 10, 27), 1, "future", 1990),
    (dt.date(2021, 12, 14), 11, "future", 2021),
]


@pytest.mark.parametrize("pub,month,tense,year", MONTH_ROWS)
def test_year_less_month_by_distance_and_tense(pub, month, tense, year):
    from timeline.timex.absolute import _month_by_tense

    assert _month_by_tense(month, pub, lambda: tense) == dt.date(year, month, 1)


def test_a_year_range_spans_its_years_even_after_from():
    (t,) = resolve_text("He played for Urawa from 1994-1997.", dt.date(2006, 11, 28))
    assert (t.value, t.earliest, t.latest, t.mod) == ("1994", dt.date(1994, 1, 1), dt.date(1997, 12, 31), None)
    assert not resolve_text("The score was 2010-2005 and the phone 1988-2345.", dt.date(2006, 11, 28))
