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
