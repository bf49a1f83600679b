"""resolve_text never raises, whatever the text and the date, and its offsets always hold."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.timex import resolve_text

WORDS = st.sampled_from(
    "on in at since until the last next this early mid- late Tuesday May March Dec. 14 2021 1990s "
    "yesterday week weeks ago later that day year years 10:55 pm a.m. every month quarter third-quarter "
    "February 30 the 45th fiscal 1989 , . ( ) ' s nineteen ninety-six for three decades half an hour "
    "after before by since until from through over weekend Christmas Easter Thanksgiving next this that day week "
    "month half year-end 1st 31st 29 Feb. Sept. 30 and - to 12/31/9999 9999-12-31 1/1/0001 century 99th "
    "spring winter summer fall tonight morning night noon midnight 11:59 EST".split()
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=40).map(" ".join))
DATES = st.one_of(st.none(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2000, 2, 29)]),
                  st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=150, deadline=None)
@given(TEXTS, DATES)
def test_resolve_text_never_raises(text, published):
    for t in resolve_text(text, published):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        if t.earliest and t.latest:
            assert t.earliest <= t.latest


def test_calendar_edges_do_not_crash():
    text = "next year, next week, tomorrow, 5000 years ago, 3 days later, last month, in January, Friday"
    for published in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        found = resolve_text(text, published)
        assert any(t.value is None and t.reason for t in found), found


def test_invalid_dates_produce_nothing_false():
    found = resolve_text("February 29, 2021 and February 30 and 31 April", dt.date(2021, 12, 14))
    assert all(not (t.value or "").startswith("2021-02-2") for t in found), found
    assert not any(t.value and t.value.endswith(("-02-30", "-04-31")) for t in found), found


def test_long_document_is_fine():
    text = ("Putin said on Tuesday that talks would start next year. " * 2000) + "No dates here. " * 500
    found = resolve_text(text, dt.date(2021, 12, 14))
    assert len(found) == 4000
