"""Events on the seeds through the real pipeline: ingest (body regions) + the date resolver.

Skipped when either stage cannot be imported; the hand-built timexes of ``test_events_seeds.py``
test extraction on its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.events import extract

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _stages():
    try:
        from timeline.ingest import load_file
        from timeline.timex import resolve
    except Exception as exc:  # noqa: BLE001 -- another engineer's stage missing or mid-edit
        pytest.skip(f"ingest/timex not importable: {exc}")
    return load_file, resolve


_CACHE: dict = {}


def pipeline(key: str):
    if key not in _CACHE:
        load_file, resolve = _stages()
        path = next(SEEDS.glob(f"{key}_*.txt"))
        article = load_file(path)[0]
        _CACHE[key] = extract(article, resolve(article))
    return _CACHE[key]


D = dt.date
# (doc, sentence anchor, type, agent actor id, modality, day the event must be able to fall on)
TARGETS = (
    ("000", "In phone conversations", "meeting", "actor:vladimir-putin", "asserted", D(2021, 12, 14)),
    ("000", "Joe Biden warned Putin", "warning", "actor:joe-biden", "asserted", D(2021, 12, 7)),
    ("000", "he told the RIA Novosti", "warning", "actor:sergey-ryabkov", "asserted", D(2021, 12, 13)),
    ("000", "Russia annexed", "military", "actor:russia", "asserted", D(2014, 3, 18)),
    ("001", "1987 treaty", "agreement", None, "asserted", D(1987, 12, 8)),
    ("001", "Washington quit the pact", "withdrawal", "actor:united-states", "asserted", D(2019, 8, 2)),
    ("002", "She is expected in Moscow", "visit", "actor:karen-donfried", "planned", D(2021, 12, 15)),
    ("002", "Bayraktar drones", "military", "actor:ukraine", "asserted", D(2021, 10, 26)),
    ("002", "A new poll", "poll", "actor:levada-center", "asserted", D(2021, 12, 14)),
    ("004", "attends his annual news conference", "meeting", "actor:vladimir-putin", "asserted", D(2021, 12, 23)),
    ("004", "Borrell called on Moscow", "appeal", "actor:josep-borrell", "asserted", D(2021, 12, 23)),
)


@pytest.mark.parametrize("row", TARGETS, ids=[f"{r[0]}-{r[2]}-{r[1][:20]}" for r in TARGETS])
def test_target_event(row):
    doc, anchor, type_, agent, modality, day = row
    events = [m for m in pipeline(doc).mentions if anchor in m.sentence and m.type == type_]
    assert events, f"no {type_} event in the sentence with {anchor!r}"
    if agent:
        events = [m for m in events if any(a.actor == agent and a.role == "agent" for a in m.actors)]
        assert events, f"no {type_} event by {agent}"
    ev = events[0]
    assert ev.modality == modality
    assert ev.date.earliest and ev.date.earliest <= day, ev.date
    assert ev.date.latest is None or day <= ev.date.latest, ev.date


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_events_stay_inside_regions(key):
    a = pipeline(key)
    for m in a.mentions:
        assert any(r.start <= m.start and m.end <= r.end for r in a.article.regions()), m.sentence


def test_unify_on_pipeline_output():
    from timeline.actors import unify

    out, table = unify([pipeline(k) for k in ["000", "001", "002", "003", "004"]])
    ids = {a.actor for an in out for m in an.mentions for a in m.actors}
    assert ids <= set(table)
    assert "actor:sergey-ryabkov" not in ids and "actor:sergei-ryabkov" in ids
