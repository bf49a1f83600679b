"""The broken time axis: where it cuts, how it scales, which ticks it labels."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.render.timeaxis import (
    MAX_SEGMENTS,
    Segment,
    allocate,
    build_axis,
    choose_rule,
    cluster,
    gap_label,
    segment_ticks,
    split_density,
)

D = dt.date


def days(a: dt.date, b: dt.date | None = None) -> tuple[float, float]:
    """``[a, b]`` inclusive as day ordinals ``[start, end)``."""
    return float(a.toordinal()), float((b or a).toordinal() + 1)


def year(y: int) -> tuple[float, float]:
    return days(D(y, 1, 1), D(y, 12, 31))


SEED_INTERVALS = [
    year(1987),
    year(2014),
    year(2019),
    days(D(2021, 11, 1), D(2021, 11, 30)),
    days(D(2021, 12, 6), D(2021, 12, 12)),
    *[days(D(2021, 12, d)) for d in (13, 14, 14, 14, 17, 23, 23)],
    year(2022),
]

# (name, intervals, number of breaks that cut time out, years that must each sit in their own segment)
CUT_CORPUS = [
    ("decades apart: 1987, 2014, 2019, Dec 2021", SEED_INTERVALS, 3, [1987, 2014, 2019]),
    ("one month of days", [days(D(2021, 12, d)) for d in (1, 5, 9, 20, 31)], 0, []),
    ("January and December of one year", [days(D(2021, 1, 5)), days(D(2021, 12, 5))], 1, []),
    ("monthly events all year", [days(D(2021, m, 10)) for m in range(1, 13)], 0, []),
    ("a lone year and a week", [year(2003), days(D(2021, 12, 6), D(2021, 12, 12))], 1, [2003]),
]


@pytest.mark.parametrize("name,intervals,cuts,alone", CUT_CORPUS, ids=[r[0] for r in CUT_CORPUS])
def test_axis_cuts_empty_stretches(name, intervals, cuts, alone):
    axis = build_axis(intervals, 11.0)
    got = [b for b in axis.breaks if b[2] > 0]
    assert len(got) == cuts, f"{name}: {len(got)} cut(s), expected {cuts}: {axis.breaks}"
    for y in alone:
        seg = [s for s in axis.segments if s.contains(D(y, 7, 1).toordinal())]
        assert len(seg) == 1 and seg[0].days < 400, f"{name}: {y} not in a segment of its own"
    assert axis.segments[0].x0 == 0.0
    assert axis.segments[-1].x1 == pytest.approx(11.0)


def test_dense_december_gets_most_of_the_width():
    axis = build_axis(SEED_INTERVALS, 11.0)
    dec = next(s for s in axis.segments if s.contains(D(2021, 12, 14).toordinal()))
    assert dec.width > 0.35 * 11.0, axis.segments
    # ...and "talks next year" (all of 2022) does not squeeze December: it gets its own scale
    assert not dec.contains(D(2022, 7, 1).toordinal())
    assert dec.width / dec.days > 3 * max(s.width / s.days for s in axis.segments if s is not dec)


def test_split_density_keeps_a_uniform_stretch_whole():
    part = (float(D(2019, 1, 1).toordinal()), float(D(2022, 1, 1).toordinal()), 36)
    centres = [D(2019 + i // 12, i % 12 + 1, 15).toordinal() + 0.5 for i in range(36)]
    assert split_density(part, centres) == [part]


def test_split_density_cuts_at_calendar_boundaries():
    part = (float(D(2019, 1, 1).toordinal()), float(D(2022, 1, 1).toordinal()), 60)
    centres = [D(2020, 3, 15).toordinal() + 0.5] * 5 + [D(2021, 12, d).toordinal() + 0.5 for d in range(1, 31)] * 2
    pieces = split_density(part, centres)
    assert len(pieces) > 1
    for a, _, _ in pieces[1:]:
        assert dt.date.fromordinal(int(a)).day == 1, pieces
    assert sum(n for *_, n in pieces) == len(centres)


def test_cluster_keeps_at_most_max_segments():
    intervals = [year(y) for y in range(1900, 2020, 5)]
    assert len(cluster(intervals)) == MAX_SEGMENTS


@given(st.lists(st.floats(0.1, 50), min_size=1, max_size=12), st.floats(5, 30))
@settings(max_examples=60, deadline=None)
def test_allocate_sums_and_respects_minimum(weights, total):
    shares = allocate(weights, total, 0.4)
    assert sum(shares) == pytest.approx(total)
    assert min(shares) >= min(0.4, total / len(weights)) - 1e-9


@given(st.lists(st.tuples(st.integers(700000, 740000), st.integers(1, 400)), min_size=1, max_size=25))
@settings(max_examples=60, deadline=None)
def test_axis_is_monotone_and_inside_its_width(raw):
    intervals = [(float(a), float(a + n)) for a, n in raw]
    axis = build_axis(intervals, 12.0)
    xs = [axis.x(o) for o in sorted({a for a, _ in intervals} | {b for _, b in intervals})]
    assert all(0.0 <= x <= 12.0 + 1e-9 for x in xs)
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(xs))
    for a, b in zip(axis.segments, axis.segments[1:], strict=False):
        assert a.x1 < b.x0 and a.end <= b.start


# (segment first day, last day, width in inches, expected tick rule)
TICK_CORPUS = [
    (D(2021, 12, 1), D(2021, 12, 31), 7.0, "day"),
    (D(2021, 12, 1), D(2021, 12, 31), 4.0, "2 days"),
    (D(2021, 12, 1), D(2021, 12, 31), 1.5, "week"),
    (D(2021, 1, 1), D(2021, 12, 31), 6.0, "month"),
    (D(2021, 1, 1), D(2021, 12, 31), 1.5, "quarter"),
    (D(2021, 1, 1), D(2021, 12, 31), 0.8, "year"),
    (D(2010, 1, 1), D(2021, 12, 31), 6.0, "year"),
    (D(1990, 1, 1), D(2019, 12, 31), 2.0, "decade"),
    (D(1800, 1, 1), D(2019, 12, 31), 1.2, "century"),
]


@pytest.mark.parametrize("first,last,width,rule", TICK_CORPUS, ids=[f"{r[0]}..{r[1]}@{r[2]}in" for r in TICK_CORPUS])
def test_tick_granularity_fits_segment(first, last, width, rule):
    seg = Segment(first.toordinal(), last.toordinal() + 1, 0.0, width)
    chosen = choose_rule(seg)
    assert chosen.name == rule
    ticks = [t for t in segment_ticks(seg) if t.label and t.row == 0]
    assert ticks, "no tick labels"
    assert len(ticks) * chosen.label_width <= width + 1e-9
    assert all(0.0 <= t.x <= width for t in ticks)


def test_day_ticks_have_month_context_row():
    seg = Segment(D(2021, 12, 1).toordinal(), D(2022, 1, 1).toordinal(), 0.0, 7.0)
    labels = [(t.label, t.row) for t in segment_ticks(seg)]
    assert ("14", 0) in labels and ("Dec 2021", 1) in labels


@pytest.mark.parametrize("cut,text", [(9467, "26 yr"), (640, "2 yr"), (150, "5 mo"), (91, "3 mo"), (21, "3 wk")])
def test_gap_label(cut, text):
    assert gap_label(cut) == text


@given(
    st.integers(1, dt.date.max.toordinal()),
    st.integers(1, 3_000_000),
    st.floats(0.3, 20),
)
@settings(max_examples=80, deadline=None)
def test_ticks_anywhere_in_the_calendar(start, days_long, width):
    end = min(start + days_long, dt.date.max.toordinal() + 1)
    seg = Segment(float(start), float(end), 0.0, width)
    for tick in segment_ticks(seg):
        assert 0.0 <= tick.x <= width + 1e-9
    axis = build_axis([(float(start), float(end))], width + 1.0)
    assert axis.segments
