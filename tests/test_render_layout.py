"""Lanes, same-day stacks, rows and label placement: the layout under the timeline figure."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

try:  # `python -m pytest`: the repo root is on sys.path
    from tests.render_fixtures import ACTORS, random_events, seed_events
except ModuleNotFoundError:  # plain `pytest` puts tests/ itself on sys.path
    from render_fixtures import ACTORS, random_events, seed_events
from timeline.render.labels import LabelRequest, overlaps, place_labels
from timeline.render.lanes import OTHER, assign_lanes, make_marks, pack_rows
from timeline.render.layout import compute_layout


def test_lanes_by_actor_top_actors_then_other():
    events = seed_events()
    lanes = assign_lanes(events, ACTORS, by="actor", max_lanes=3)
    assert lanes.titles[0] == "Vladimir Putin"  # most events
    assert lanes.titles[-1] == OTHER and len(lanes.titles) == 4
    # Psaki is not a top actor: her response goes to the lane of its other actor, Putin (its patient)
    assert lanes.of["event:psaki-response"] == 0
    assert lanes.titles[lanes.of["event:ryabkov-warning"]] == OTHER
    used = set(lanes.of.values())
    assert used == set(range(len(lanes.titles))), "a lane without events"


def test_an_actor_whose_events_all_went_elsewhere_gets_no_lane():
    events = seed_events()
    lanes = assign_lanes(events, ACTORS, by="actor", max_lanes=8)
    assert "NATO" not in lanes.titles  # NATO only ever shares an event with Putin, whose lane it goes to
    assert set(lanes.of.values()) == set(range(len(lanes.titles)))


def test_lanes_by_type():
    events = seed_events()
    lanes = assign_lanes(events, None, by="type", max_lanes=10)
    for e in events:
        assert lanes.titles[lanes.of[e.id]] == e.type.capitalize()
    with pytest.raises(ValueError):
        assign_lanes(events, None, by="colour")


def test_same_day_same_lane_events_collapse_into_one_mark():
    events = seed_events()
    lanes = assign_lanes(events, ACTORS)
    marks = make_marks(events, lanes, collapse_same_day=True)
    stack = next(m for m in marks if "event:putin-niinisto-call" in [e.id for e in m.events])
    assert {e.id for e in stack.events} == {
        "event:putin-niinisto-call",
        "event:putin-calls-talks",
        "event:putin-macron-call",
    }
    assert stack.events[0].id == "event:putin-niinisto-call"  # most sources first
    separate = make_marks(events, lanes, collapse_same_day=False)
    assert len(separate) == len(events)
    assert sorted(e.id for m in marks for e in m.events) == sorted(e.id for e in events)


def test_pack_rows_never_overlaps():
    items = [(0, 2, 1), (1, 3, 1), (2.5, 4, 2), (3.5, 5, 1), (6, 7, 3)]
    rows = pack_rows(items)
    taken = [(x0, x1, r + j) for (x0, x1, k), r in zip(items, rows, strict=True) for j in range(k)]
    for (a0, a1, ra), (b0, b1, rb) in itertools.combinations(taken, 2):
        assert ra != rb or a1 <= b0 or b1 <= a0
    assert rows == [0, 1, 2, 0, 0]  # the two-row item needs rows 2-3: row 1 is busy until x=3


@pytest.mark.parametrize("n", [13, 120])
def test_layout_markers_stay_in_their_lane_and_do_not_collide(n):
    events, actors, _ = random_events(n, seed=n)
    layout = compute_layout(events, 14.0, actors=actors)
    pos = layout.positions()
    assert set(pos) == {e.id for e in events}
    for pm in layout.marks:
        y0, y1 = layout.bands[pm.mark.lane]
        assert all(y0 < y < y1 for y in pm.ys)
    points = [(pm.x, y, pm.radius) for pm in layout.marks if pm.bar is None for y in sorted(set(pm.ys))]
    for (xa, ya, ra), (xb, yb, rb) in itertools.combinations(points, 2):
        assert abs(xa - xb) >= ra + rb - 1e-9 or abs(ya - yb) > 1e-9 or (xa, ya) == (xb, yb)


box = st.tuples(st.floats(0, 900), st.floats(0, 600), st.floats(5, 160), st.floats(6, 30))


@given(st.lists(box, min_size=1, max_size=40))
@settings(max_examples=40, deadline=None)
def test_placed_labels_never_overlap_and_stay_in_bounds(raw):
    bounds = (0.0, 0.0, 1000.0, 700.0)
    obstacles = [(x - 3, y - 3, x + 3, y + 3) for x, y, _, _ in raw]
    reqs = [LabelRequest(f"k{i}", (x, y), ((w, h), (w / 2, h)), 3.0, 3.0) for i, (x, y, w, h) in enumerate(raw)]
    placed = place_labels(reqs, bounds, obstacles)
    boxes = [p.box for p in placed.values()]
    for a, b in itertools.combinations(boxes, 2):
        assert not overlaps(a, b)
    for b in boxes:
        assert bounds[0] <= b[0] and b[2] <= bounds[2] and bounds[1] <= b[1] and b[3] <= bounds[3]
        assert not any(overlaps(b, o) for o in obstacles)


def test_label_prefers_the_right_of_its_marker():
    req = LabelRequest("a", (100.0, 100.0), ((50.0, 10.0),), 4.0, 4.0)
    p = place_labels([req], (0, 0, 500, 500))["a"]
    assert p.box[0] > 100 and p.box[1] < 100 < p.box[3] and p.adjacent


def test_label_falls_back_to_short_text_then_gives_up():
    bounds = (0.0, 0.0, 60.0, 20.0)
    reqs = [LabelRequest("a", (5.0, 10.0), ((200.0, 10.0), (40.0, 10.0)), 2.0, 2.0)]
    assert place_labels(reqs, bounds)["a"].choice == 1
    reqs = [LabelRequest("b", (5.0, 10.0), ((200.0, 10.0), (100.0, 10.0)), 2.0, 2.0)]
    assert place_labels(reqs, bounds) == {}
