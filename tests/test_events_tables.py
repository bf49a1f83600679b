"""The rule tables are valid data: unique names, compilable patterns that never match the empty string,
a literal first word (the trigger scan relies on it), known types; actor tables without duplicates."""

from __future__ import annotations

import re

import pytest

from timeline.actors import tables
from timeline.events.labels import TOPICS
from timeline.events.modality import CUES
from timeline.events.triggers import NOUN, TRIGGERS, VERB, find_triggers, leads
from timeline.model import MODALITIES

TYPES = {"statement", "appeal", "demand", "warning", "accusation", "denial", "meeting", "visit", "military",
         "sanctions", "agreement", "withdrawal", "poll"}


def test_trigger_names_are_unique():
    names = [row.name for row in TRIGGERS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("row", TRIGGERS, ids=[row.name for row in TRIGGERS])
def test_trigger_row(row):
    pattern = re.compile(row.pattern, re.IGNORECASE)
    assert not pattern.fullmatch(""), "matches the empty string"
    assert row.type in TYPES
    assert row.pos in (VERB, NOUN)
    assert row.object in (None, "recipient", "patient", "participant")
    assert leads(row.pattern), "no literal first letters"
    assert row.say


@pytest.mark.parametrize("mod,where,pattern", CUES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CUES)])
def test_modality_cue(mod, where, pattern):
    assert mod in MODALITIES and where in ("before", "after", "self")
    assert not re.compile(pattern).fullmatch("")


def test_topics_compile():
    for pattern, type_, topic in TOPICS:
        assert not re.compile(pattern).fullmatch("") and topic and type_ in (None, *TYPES)


def test_trigger_scan_finds_each_row_once_in_its_example():
    examples = {"say": "Putin said", "warn": "Biden warned Putin", "phone call": "a phone call with Macron",
                "annex": "Russia annexed Crimea", "poll": "a new poll", "alarm": "Washington sounded the alarm"}
    for name, text in examples.items():
        hits = find_triggers(text, 0, len(text))
        assert [h.row.name for h in hits] == [name], (text, hits)


@pytest.mark.parametrize(
    "table,key",
    [(tables.COUNTRY_ALIASES, 0), (tables.DEMONYMS, 0), (tables.METONYMS, 0), (tables.ORGANISATIONS, 0),
     (tables.REGIONS, 0), (tables.TITLES, 0), (tables.KNOWN_PEOPLE, 0), (tables.GROUPS, 0)],
    ids=["countries", "demonyms", "metonyms", "organisations", "regions", "titles", "people", "groups"],
)
def test_actor_table_has_no_duplicate_surface(table, key):
    surfaces = [row[key] for row in table]
    assert len(surfaces) == len(set(surfaces))
    assert all(s and s == s.strip() for s in surfaces)
