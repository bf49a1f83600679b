"""The first-character guards speed rules up without changing a match; the trigger windows are unchanged."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.timex.guard import guarded
from timeline.timex.rules import RULES
from timeline.timex.triggers import windows

# (pattern, the guard guarded() must put in front of it: "" when it is left unchanged)
W = r"(?<!\w)"
GUARDS = [
    (r"(?<![\w])(?:may|june)\b", "(?=[jm])" + W),
    (r"(?:(?<=\bmid-)|(?<=\bin\s)|(?<![\w$])|(?<=\bthe\s))week", "(?=[w])" + W),
    (r"(?:(?<=\bmid)|(?<![$]))week", "(?=[w])"),  # 'mid' ends on a word character: no word-start guard
    (r"(?<![^\w])week", "(?=[w])"),
    (r"(?:(?<=a-)|y)week", "(?=[wy])"),
    (r"\b(?:the\s+)?week", "(?=[tw])"),
    (r"(?P<d>\d{1,2})(?:st|nd)?", r"(?=[\d])"),
    (r"(?<!\w)(?:last|next)?\s+year", W),  # may start with a space: \s is not bounded
    (r".ago", ""),
    (r"(?:x)?", ""),  # can match the empty string
    (r"(?P<a>a)(?P=a)", "(?=[a])"),
]


@pytest.mark.parametrize("pattern,prefix", GUARDS, ids=[g[0] for g in GUARDS])
def test_guard_prefix(pattern, prefix):
    assert guarded(pattern) == prefix + pattern


def test_every_rule_is_guarded():
    assert all(rule.compiled().pattern != rule.pattern for rule in RULES)


SAMPLES = [
    "On Tuesday (14 December) Putin said talks would start next year; since mid-November troops massed.",
    "At 10:55 pm EST, three years ago, the 1990s, '90s, the third-quarter results, 12/14/2021 and 2021-12-14.",
    "Kelvin \u212a sign, long \u017f, dotless \u0131, dotted \u0130 and MAY, Jun. 5th, the week of Dec. 3, 2020.",
    "every other week, each Monday, Mondays, twice a year, per annum, half an hour, nineteen ninety-six.",
]
WORDS = st.sampled_from(
    "on in at since the last next mid- late Tuesday May Dec. 14 2021 1990s '90s yesterday week weeks ago "
    "later that day 10:55 pm a.m. every quarter third-quarter fiscal nineteen ninety-six for half an hour "
    "\u212a \u017f \u0131 \u0130 MONDAY spring , . ( ) -".split()
)


def _same_matches(text: str) -> None:
    for rule in RULES:
        plain = re.compile(rule.pattern, re.I)
        fast = rule.compiled()
        for lo in (0, 3):
            assert [m.span() for m in fast.finditer(text, lo)] == [m.span() for m in plain.finditer(text, lo)], rule.name


@pytest.mark.parametrize("text", SAMPLES, ids=range(len(SAMPLES)))
def test_guarded_rules_match_exactly_as_plain(text):
    _same_matches(text)


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(WORDS, max_size=20).map(" ".join)))
def test_guarded_rules_match_exactly_as_plain_on_any_text(text):
    _same_matches(text)


def test_windows_are_merged_in_text_order():
    text = "In May and June 2021, ten weeks later, at 10:55."
    got = windows(text, 0, len(text), [r.name for r in RULES])
    for spans in got.values():
        assert all(a < b for a, b in spans)
        assert all(spans[i][1] < spans[i + 1][0] for i in range(len(spans) - 1))
    assert got["month"] == [(0, len(text))]
    assert got["time-24h"] == [(text.index("10:55") - 50 if text.index("10:55") > 50 else 0, len(text))]
