"""The timeline figure, checked by its structure: SVG ids, label boxes, determinism, files."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

try:  # `python -m pytest`: the repo root is on sys.path
    from tests.render_fixtures import ACTORS, SOURCES, random_events, seed_events, seed_links
except ModuleNotFoundError:  # plain `pytest` puts tests/ itself on sys.path
    from render_fixtures import ACTORS, SOURCES, random_events, seed_events, seed_links
from timeline.render import draw_timeline, save_timeline, svg_string


@pytest.fixture(scope="module")
def seed_figure() -> Figure:
    fig = draw_timeline(seed_events(), actors=ACTORS, links=seed_links(), title="Putin and NATO", sources=SOURCES)
    fig.canvas.draw()
    return fig


@pytest.fixture(scope="module")
def seed_svg() -> str:
    return svg_string(seed_events(), actors=ACTORS, links=seed_links(), title="Putin and NATO", sources=SOURCES)


def by_gid(fig: Figure, gid: str) -> list:
    return [a for a in fig.findobj() if a.get_gid() == gid]


def label_boxes(fig: Figure) -> list:
    renderer = fig.canvas.get_renderer()
    return [
        (t.get_gid(), t.get_window_extent(renderer))
        for t in fig.findobj(Text)
        if (t.get_gid() or "").startswith("label:") and t.get_visible() and t.get_text()
    ]


def marker_discs(fig: Figure) -> list:
    """``(gid, centre, radius)`` in pixels of every event marker."""
    out = []
    for coll in fig.findobj(PathCollection):
        gid = coll.get_gid() or ""
        if gid.startswith("event:"):
            (x, y), size = coll.get_offset_transform().transform(coll.get_offsets()[0]), coll.get_sizes()[0]
            out.append((gid, (x, y), size**0.5 / 2 * fig.dpi / 72))
    return out


def assert_labels_clean(fig: Figure) -> None:
    boxes = label_boxes(fig)
    assert boxes, "no labels drawn"
    for (ga, a), (gb, b) in itertools.combinations(boxes, 2):
        overlap = min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5
        assert not overlap, f"{ga} overlaps {gb}"
    discs = marker_discs(fig)
    assert discs, "no event markers found"
    for gid, (cx, cy), r in discs:
        for label, b in boxes:
            inside_x = b.x0 + 0.5 < cx + r and cx - r < b.x1 - 0.5
            inside_y = b.y0 + 0.5 < cy + r and cy - r < b.y1 - 0.5
            assert not (inside_x and inside_y), f"{label} covers the marker of {gid}"
    fig_box = fig.bbox
    ax_box = fig.axes[0].get_window_extent()
    for gid, b in boxes:
        assert fig_box.x0 <= b.x0 and b.x1 <= fig_box.x1 and fig_box.y0 <= b.y0 and b.y1 <= fig_box.y1, gid
        assert ax_box.x0 - 0.5 <= b.x0 and b.x1 <= ax_box.x1 + 0.5, f"{gid} leaves the plot area"
        assert ax_box.y0 - 0.5 <= b.y0 and b.y1 <= ax_box.y1 + 0.5, f"{gid} leaves the plot area"


@pytest.mark.parametrize("event_id", [e.id for e in seed_events()])
def test_every_event_has_an_svg_element(seed_svg, event_id):
    assert re.search(rf'<g id="{re.escape(event_id)}"', seed_svg), f"no element for {event_id}"


def test_seed_labels_do_not_overlap_or_leave_the_figure(seed_figure):
    assert_labels_clean(seed_figure)
    texts = {t.get_text() for t in seed_figure.findobj(Text) if t.get_visible()}
    for label in ("Ryabkov warns of military response", "Russia annexes Crimea", "US-Russia talks in Geneva"):
        assert any(label in t for t in texts), f"label {label!r} missing"


def test_all_texts_inside_the_figure(seed_figure):
    renderer = seed_figure.canvas.get_renderer()
    fb = seed_figure.bbox
    for t in seed_figure.findobj(Text):
        if t.get_visible() and t.get_text():
            b = t.get_window_extent(renderer)
            assert fb.x0 - 0.5 <= b.x0 and b.x1 <= fb.x1 + 0.5 and fb.y0 - 0.5 <= b.y0 and b.y1 <= fb.y1 + 0.5, (
                t.get_text()
            )


def test_axis_breaks_and_ticks_span_decades(seed_figure):
    texts = [t.get_text() for t in seed_figure.findobj(Text) if t.get_visible()]
    for needed in ("1987", "2014", "2019", "2022", "Dec 2021", "26 yr"):
        assert needed in texts, f"tick {needed!r} missing"
    day_ticks = [t for t in texts if t.isdigit() and 1 <= int(t) <= 31]
    assert len(day_ticks) >= 7, "December is not labelled by day"


def test_modalities_are_drawn_distinctly(seed_figure):
    def marker(eid: str) -> PathCollection:
        (coll,) = by_gid(seed_figure, eid)
        return coll

    asserted, planned, denied = (
        marker("event:putin-press-conference"),
        marker("event:geneva-talks"),
        marker("event:russia-denies-invasion"),
    )
    assert tuple(planned.get_facecolor()[0]) == (1.0, 1.0, 1.0, 1.0)  # hollow
    assert tuple(asserted.get_facecolor()[0]) != (1.0, 1.0, 1.0, 1.0)
    assert planned.get_linestyle()[0][1] is not None  # dashed outline
    assert denied.get_paths()[0].vertices.shape != asserted.get_paths()[0].vertices.shape  # another shape


def test_spans_fade_where_the_date_is_fuzzy(seed_figure):
    (mid,) = by_gid(seed_figure, "span:event:washington-alarm")  # mid-November
    (year,) = by_gid(seed_figure, "span:event:crimea-annexation")  # 2014, exact
    assert isinstance(mid, PatchCollection)
    alphas = sorted({round(c[3], 3) for c in mid.get_facecolor()})
    assert len(alphas) > 3, "mid-November drawn without fading ends"
    assert len({round(c[3], 3) for c in year.get_facecolor()}) == 1


def test_sources_conflicts_and_causes_are_visible(seed_figure):
    big = by_gid(seed_figure, "event:putin-niinisto-call")[0].get_sizes()[0]
    small = by_gid(seed_figure, "event:putin-press-conference")[0].get_sizes()[0]
    assert big > small
    (fours,) = by_gid(seed_figure, "badges:4")  # the count is written in the marker
    (marker,) = by_gid(seed_figure, "event:putin-niinisto-call")
    assert [tuple(o) for o in fours.get_offsets()] == [tuple(marker.get_offsets()[0])]
    assert by_gid(seed_figure, "conflict:event:putin-macron-call:0")
    assert by_gid(seed_figure, "link:event:putin-press-conference->event:psaki-response")
    assert not by_gid(seed_figure, "link:event:ryabkov-warning->event:putin-calls-talks")  # "before" is no arrow


def test_title_legend_and_footer(seed_figure):
    (title,) = by_gid(seed_figure, "title")
    assert title.get_text() == "Putin and NATO"
    (footer,) = by_gid(seed_figure, "footer")
    for doc, _ in SOURCES:
        assert doc in footer.get_text().replace("\n", " ")
    legend = seed_figure.legends[0]
    names = [t.get_text() for t in legend.get_texts()]
    assert {"meeting", "warning", "statement", "causes"} <= set(names)


def test_svg_is_byte_identical_across_renders(seed_svg):
    again = svg_string(seed_events(), actors=ACTORS, links=seed_links(), title="Putin and NATO", sources=SOURCES)
    assert again == seed_svg
    assert "<dc:date>" not in seed_svg
    assert "<text" in seed_svg and "Ryabkov warns of military response" in seed_svg  # text kept as text


def test_save_writes_png_and_svg_atomically(tmp_path):
    paths = [tmp_path / "out" / "timeline.png", tmp_path / "out" / "timeline.svg"]
    save_timeline(seed_events(), paths, dpi=60, actors=ACTORS)
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths[1].read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "timeline.png",
        "timeline.svg",
    ]  # no temp files
    plain = tmp_path / "out" / "plain.txt"
    plain.write_text("x")
    assert paths[0].stat().st_mode == plain.stat().st_mode  # the usual permissions, not a temp file's 0600
    with pytest.raises(ValueError, match="pdf"):
        save_timeline(seed_events(), [tmp_path / "x.pdf"])
    assert not (tmp_path / "x.pdf").exists()


def test_draws_into_given_axes():
    fig = Figure(figsize=(10, 6))
    ax = fig.add_subplot()
    out = draw_timeline(seed_events(), actors=ACTORS, ax=ax, title="In my axes")
    assert out is fig
    assert len(fig.axes) == 1 and any(a.get_gid() == "event:geneva-talks" for a in ax.get_children())


def test_lanes_by_type_and_undated_events():
    events = seed_events()
    from dataclasses import replace

    undated = replace(events[0], id="event:undated", earliest=None, latest=None, value=None, grain=None)
    fig = draw_timeline([*events, undated], lanes="type", max_lanes=3)
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks[-1] == "Other" and len(ticks) == 4
    assert by_gid(fig, "event:undated")
    assert "undated" in [t.get_text() for t in fig.findobj(Text)]
    assert_labels_clean(fig)


def test_300_events_every_event_drawn_and_labels_clean():
    events, actors, links = random_events(300, seed=3)
    fig = draw_timeline(events, actors=actors, links=links, title="300 events")
    fig.canvas.draw()
    gids = {a.get_gid() for a in fig.findobj()}
    assert {e.id for e in events} <= gids
    assert_labels_clean(fig)
    assert len(label_boxes(fig)) > 100  # most marks keep a label


def test_open_ended_dates_get_a_fading_tail():
    from dataclasses import replace

    before = replace(seed_events()[0], id="event:before", earliest=None, mod="BEFORE")
    fig = draw_timeline([before, *seed_events()[1:3]])
    (tail,) = by_gid(fig, "open:event:before")
    (marker,) = by_gid(fig, "event:before")
    x_marker = marker.get_offsets()[0][0]
    xs = [x for path in tail.get_paths() for x, _ in path.vertices]
    assert max(xs) <= x_marker + 1e-6 and min(xs) < x_marker, "tail of 'before' must run to the left"
    alphas = [c[3] for c in tail.get_facecolor()]
    assert len({round(a, 3) for a in alphas}) > 3


def test_svg_is_well_formed_xml_with_tooltips(seed_svg):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(seed_svg.encode("utf-8"))
    ns = {"svg": "http://www.w3.org/2000/svg"}
    group = root.find(".//svg:g[@id='event:putin-niinisto-call']", ns)
    assert group is not None
    title = group.find("svg:title", ns)
    assert title is not None and title.text.startswith("Putin and Niinisto hold phone call | 2021-12-14")
    assert "4 sources" in title.text


@pytest.mark.parametrize(("seed", "lanes"), [(11, "actor"), (12, "type"), (13, "actor")])
def test_random_timelines_keep_labels_clean(seed, lanes):
    events, actors, links = random_events(40, seed=seed, actors=5)
    fig = draw_timeline(events, actors=actors, links=links, lanes=lanes, max_lanes=3)
    fig.canvas.draw()
    assert {e.id for e in events} <= {a.get_gid() for a in fig.findobj()}
    assert_labels_clean(fig)


def test_svg_bytes_do_not_depend_on_the_process(seed_svg):
    import hashlib
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import hashlib, sys\n"
        "from tests.render_fixtures import ACTORS, SOURCES, seed_events, seed_links\n"
        "from timeline.render import svg_string\n"
        "s = svg_string(seed_events(), actors=ACTORS, links=seed_links(), title='Putin and NATO', sources=SOURCES)\n"
        "sys.stdout.write(hashlib.sha256(s.encode()).hexdigest())\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=True)
    assert out.stdout == hashlib.sha256(seed_svg.encode()).hexdigest()


def test_labels_stay_clean_in_a_constrained_layout_figure():
    fig = Figure(figsize=(11, 6), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    draw_timeline(seed_events(), actors=ACTORS, links=seed_links(), ax=ax, title="constrained")
    fig.canvas.draw()
    assert_labels_clean(fig)


@pytest.mark.parametrize("which", ["seeds", "random-300", "random-40"])
def test_axis_texts_do_not_overlap(which):
    if which == "seeds":
        fig = draw_timeline(seed_events(), actors=ACTORS)
    else:
        events, actors, _ = random_events(300 if which == "random-300" else 40, seed=12)
        fig = draw_timeline(events, actors=actors)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [
        (t.get_text(), t.get_window_extent(renderer))
        for t in fig.findobj(Text)
        if (t.get_gid() or "").startswith(("tick-", "gap-")) and t.get_text()
    ]
    assert len(texts) >= 5
    for (ta, a), (tb, b) in itertools.combinations(texts, 2):
        overlap = min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5
        assert not overlap, f"axis labels {ta!r} and {tb!r} overlap"


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [
        (dt.date(1, 1, 1), dt.date(1, 1, 1)),
        (dt.date(9999, 12, 1), dt.date(9999, 12, 31)),
        (dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    ],
)
def test_dates_at_the_ends_of_the_calendar(earliest, latest):
    from dataclasses import replace

    events = [replace(seed_events()[0], earliest=earliest, latest=latest), seed_events()[1]]
    svg = svg_string(events)
    assert all(f'<g id="{e.id}"' in svg for e in events)


def _event_strategy():
    from hypothesis import strategies as st

    from timeline.model import EventDate

    day = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    maybe_day = st.one_of(st.none(), day)
    conflict = st.builds(lambda a, b: EventDate(None, a, b, None), maybe_day, maybe_day)
    return st.tuples(
        maybe_day,
        st.integers(0, 800),
        st.sampled_from(["asserted", "planned", "conditional", "denied", "rumoured"]),
        st.sampled_from(["meeting", "warning", "statement", "a-new-type"]),
        st.sampled_from([None, "MID", "START", "END", "APPROX", "BEFORE", "AFTER"]),
        st.lists(conflict, max_size=2),
        st.integers(0, 6),
        st.text(st.characters(max_codepoint=0x24F, exclude_categories=("Cs",)), max_size=60),
    )


@settings(max_examples=15, deadline=None)
@given(st.lists(_event_strategy(), min_size=1, max_size=12))
def test_any_events_render_with_clean_labels(rows):
    from dataclasses import replace

    base = seed_events()[0]
    events = []
    for i, (start, length, modality, etype, mod, conflicts, n_sources, label) in enumerate(rows):
        end = None if start is None or length == 800 else start + dt.timedelta(days=length)
        events.append(
            replace(base, id=f"event:h{i}", label=label, type=etype, modality=modality, mod=mod,
                    earliest=start, latest=end, conflicts=tuple(conflicts),
                    sources=tuple(f"d{k}" for k in range(n_sources)), actors=base.actors[: i % 3])
        )  # fmt: skip
    fig = draw_timeline(events, actors=ACTORS, max_lanes=2)
    fig.canvas.draw()
    assert {e.id for e in events} <= {a.get_gid() for a in fig.findobj()}
    if any(e.label.strip() for e in events):
        assert_labels_clean(fig)
